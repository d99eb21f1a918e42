import Foundation
import PedigreeCore
import PedigreePostgres
import PedigreeTestSupport
import Testing

@Suite(needsPostgres) struct PostgresRegistrySchemaTests {
  @Test func initializeCreatesTheRegistryInOneAuditedStep() throws {
    let database = try ScratchDatabase()
    let (connection, applied) = try PostgresRegistrySchema.initialize(url: database.url, by: Author("ana"))
    #expect(applied.map(\.version) == PostgresMigration.all.map(\.version))
    #expect(try connection.schemaState() == .current)
    let status = try PostgresRegistrySchema.status(connection)
    #expect(status.version == PostgresMigration.latestVersion && status.pending.isEmpty)
    #expect(status.applied.map(\.version) == applied.map(\.version) && status.edited.isEmpty)
    let entries = try connection.execute(
      "SELECT id, actor, action, entity, details, prev_hash, hash, at FROM audit_log")
    #expect(entries.count == 1)
    let entry = try AuditEntry(
      id: entries[0].int64(0), at: Timestamp(milliseconds: entries[0].int64(7)), actor: entries[0].string(1),
      action: entries[0].string(2), entity: entries[0].string(3), details: entries[0].string(4),
      previousHash: entries[0].string(5), hash: entries[0].string(6))
    #expect(entry.actor == "ana" && entry.action == "registry.create" && entry.entity == "registry")
    #expect(entry.previousHash == AuditChain.genesis && AuditChain.isIntact(entry))
    #expect(entry.details.contains("\"schema_version\":\(PostgresMigration.latestVersion)"))
    #expect(
      try database.server.psql(database.name, "SELECT application, schema_version FROM pedigree_registry")
        == "pedigree|\(PostgresMigration.latestVersion)\n")
  }

  @Test func secondInitializeChangesNothing() throws {
    let database = try ScratchDatabase()
    _ = try database.registry()
    let before = try database.server.dumpSchema(database.name)
    let rows = "SELECT (SELECT count(*) FROM audit_log) * 1000 + (SELECT count(*) FROM schema_migrations)"
    let counted = try database.count(rows)
    let second = try PostgresRegistrySchema.initialize(url: database.url, by: Author("bo"))
    #expect(second.applied.isEmpty)
    #expect(try database.count(rows) == counted && counted == 1001)
    #expect(try database.server.dumpSchema(database.name) == before)
  }

  @Test func statusNamesAnEditedMigration() throws {
    let database = try ScratchDatabase()
    let connection = try database.registry()
    try connection.execute("UPDATE schema_migrations SET checksum = 'sha256:0' WHERE version = 11")
    let status = try PostgresRegistrySchema.status(connection)
    #expect(status.state == .current && status.edited.map(\.version) == [11])
  }

  @Test func openingAnEmptyDatabaseIsLikeAMissingFile() throws {
    let database = try ScratchDatabase()
    let error = expectError(.io) { try PostgresRegistrySchema.open(url: database.url) }
    #expect(error?.remedy == .createRegistry(path: database.url.redacted))
    #expect(
      try database.count("SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace") == 0)
    #expect(try PostgresRegistrySchema.status(database.connect()).state == .uninitialized)
  }

  @Test func openingARegistryWorks() throws {
    let database = try ScratchDatabase()
    _ = try database.registry()
    let connection = try PostgresRegistrySchema.open(url: database.url)
    #expect(try connection.execute("SELECT count(*) FROM audit_log").first?.int(0) == 1)
  }

  @Test func foreignDatabaseIsRefusedUntouched() throws {
    let database = try ScratchDatabase()
    try database.server.psql(
      database.name, "CREATE TABLE customers (id int); INSERT INTO customers VALUES (7)")
    let before = try database.server.dumpSchema(database.name)
    let error = expectError(.incompatible) {
      try PostgresRegistrySchema.initialize(url: database.url, by: Author("ana"))
    }
    #expect(error?.message.contains("not a Pedigree database") == true)
    expectError(.incompatible) { try PostgresRegistrySchema.open(url: database.url) }
    #expect(try database.server.dumpSchema(database.name) == before)
    #expect(try database.count("SELECT id FROM customers") == 7)
    #expect(try PostgresRegistrySchema.status(database.connect()).state == .foreign)
  }

  @Test func otherSchemasOfTheDatabaseDoNotMatter() throws {
    let database = try ScratchDatabase()
    try database.server.psql(database.name, "CREATE SCHEMA billing; CREATE TABLE billing.invoices (id int)")
    #expect(try database.registry().schemaState() == .current)
  }

  @Test func aRoleThatMayNotCreateTablesFailsAsIOAndCreatesNothing() throws {
    let database = try ScratchDatabase()
    let role = PostgresServer.passwordRole
    // PostgreSQL 15+ lets only the database's owner create tables in `public`.
    try database.server.psql(database.name, "REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    let url = try PostgresURL(
      database.server.url(database: database.name, user: role.name, password: role.password))
    let error = expectError(.io) { try PostgresRegistrySchema.initialize(url: url, by: Author("ana")) }
    #expect(error?.message.contains("permission denied") == true, "\(error?.message ?? "")")
    #expect(error.map { !$0.message.contains(role.password + "@") } == true)
    #expect(
      try database.count("SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace") == 0)
  }

  @Test func aSearchPathWithoutSchemaFailsAsIO() throws {
    let database = try ScratchDatabase()
    let url = try PostgresURL(database.url.text + "&options=-csearch_path%3Dnowhere")
    let error = expectError(.io) { try PostgresRegistrySchema.initialize(url: url, by: Author("ana")) }
    #expect(error?.message.contains("no schema to hold a registry") == true, "\(error?.message ?? "")")
  }

  @Test func newerSchemaIsRefusedUntouched() throws {
    let database = try ScratchDatabase()
    _ = try database.registry()
    try database.server.psql(database.name, "UPDATE pedigree_registry SET schema_version = 999")
    let before = try database.server.dumpSchema(database.name)
    let error = expectError(.incompatible) {
      try PostgresRegistrySchema.initialize(url: database.url, by: Author("ana"))
    }
    #expect(error?.message.contains("schema version 999, newer") == true)
    expectError(.incompatible) { try PostgresRegistrySchema.open(url: database.url) }
    #expect(try database.count("SELECT count(*) FROM audit_log") == 1)
    #expect(try database.server.dumpSchema(database.name) == before)
  }

  @Test func concurrentInitializationsCreateOneRegistry() throws {
    let database = try ScratchDatabase()
    let results = ConcurrentResults<Int>()
    DispatchQueue.concurrentPerform(iterations: 4) { index in
      results.add(
        Result {
          try PostgresRegistrySchema.initialize(url: database.url, by: Author("w\(index)")).applied.count
        })
    }
    let applied = try results.values.map { try $0.get() }
    #expect(applied.sorted() == [0, 0, 0, PostgresMigration.all.count])
    #expect(try database.count("SELECT count(*) FROM audit_log") == 1)
  }
}
