import PedigreeCore
import PedigreePostgres

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Where a database file stands relative to this binary's migrations.
public enum SchemaState: Equatable, Sendable {
  /// An empty SQLite file (no tables, no application id): ready to become a registry.
  case uninitialized
  /// A registry at this binary's schema version.
  case current
  /// A registry at an older version; `pedigree db migrate` upgrades it.
  case behind(Int)
  /// A registry written by a newer Pedigree; this binary refuses to touch it.
  case ahead(Int)
  /// An SQLite file of some other application.
  case foreign
}

/// One row of `schema_migrations`, compared with the migration compiled in.
public struct AppliedMigration: Sendable, Equatable {
  public let version: Int
  public let name: String
  public let appliedAt: Timestamp
  /// Whether the recorded checksum matches the migration this binary carries.
  public let checksumMatches: Bool
}

extension SQLiteRegistry {
  /// Reads `application_id` and `user_version` to tell what the file is.
  public func schemaState() throws(PedigreeError) -> SchemaState {
    if let postgres = database.postgres {
      return try read { () throws -> SchemaState in
        switch try postgres.connection.schemaState() {
        case .uninitialized: return .uninitialized
        case .current: return .current
        case .behind(let version): return .behind(version)
        case .ahead(let version): return .ahead(version)
        case .foreign: return .foreign
        }
      }
    }
    // One read transaction: read statement by statement, another process creating the registry
    // could commit between the application id (0) and the table count (> 0), and a registry
    // being born would look like a foreign file.
    return try read { () throws -> SchemaState in
      let applicationID = try database.scalarInt("PRAGMA application_id") ?? 0
      let version = Int(try database.scalarInt("PRAGMA user_version") ?? 0)
      if applicationID == 0 {
        let tables = try database.scalarInt("SELECT count(*) FROM sqlite_master") ?? 0
        return tables == 0 && version == 0 ? .uninitialized : .foreign
      }
      guard applicationID == SQLiteRegistry.applicationID else { return .foreign }
      if version > Migration.latestVersion { return .ahead(version) }
      return version == Migration.latestVersion ? .current : .behind(version)
    }
  }

  /// The migrations recorded in the database, each checked against the compiled-in SQL.
  public func appliedMigrations() throws(PedigreeError) -> [AppliedMigration] {
    try mapErrors {
      let known = Dictionary(uniqueKeysWithValues: compiledMigrations.map { ($0.version, $0) })
      return try database.query(
        "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version"
      ) { row in
        AppliedMigration(
          version: row.int(0), name: row.string(1),
          appliedAt: Timestamp(milliseconds: row.int64(3)),
          checksumMatches: known[row.int(0)]?.checksum == row.string(2))
      }
    }
  }

  /// The migrations not yet applied.
  public func pendingMigrations() throws(PedigreeError) -> [Migration] {
    let version = try schemaVersion()
    return compiledMigrations.filter { $0.version > version }
  }

  /// The schema version the file records (`PRAGMA user_version`, on PostgreSQL the
  /// `pedigree_registry` row); 0 for a new file or an empty database.
  public func schemaVersion() throws(PedigreeError) -> Int {
    try mapErrors {
      guard database.isPostgres else { return Int(try database.scalarInt("PRAGMA user_version") ?? 0) }
      guard
        try database.scalarInt(
          "SELECT count(*) FROM pg_tables WHERE tablename = 'pedigree_registry' AND schemaname = current_schema()"
        ) == 1
      else { return 0 }
      return Int(try database.scalarInt("SELECT schema_version FROM pedigree_registry") ?? 0)
    }
  }

  /// The migrations this binary carries for the registry's engine (PostgreSQL's own, whose one
  /// first migration creates today's schema: no PostgreSQL registry predates it).
  var compiledMigrations: [Migration] {
    guard database.isPostgres else { return Migration.all }
    return PostgresMigration.all.map { Migration(version: $0.version, name: $0.name, sql: $0.sql) }
  }

  /// Applies every pending migration as done by `author`, each in its own `BEGIN IMMEDIATE` transaction together with
  /// its `schema_migrations` row, `user_version` and audit entry. The state is read again inside
  /// each transaction, so processes racing to create one registry apply each migration once.
  /// Switches the file to WAL first; a foreign file or a newer schema is refused untouched.
  ///
  /// - Returns: the migrations this call applied (none when the schema was current).
  @discardableResult
  public func migrate(by author: Author) throws(PedigreeError) -> [Migration] {
    if database.isPostgres { return try migratePostgres(by: author) }
    let writer = writing(as: author)
    switch try schemaState() {
    case .foreign: throw SQLiteRegistry.foreignError(path: path)
    case .ahead(let version): throw SQLiteRegistry.newerSchemaError(path: path, version: version)
    case .current: return []
    case .uninitialized:
      try mapErrors {
        // Only an empty file takes a page size, and only before WAL is switched on.
        try database.execute("PRAGMA page_size = \(SQLiteRegistry.pageSize)")
        try database.enableWriteAheadLog()
      }
    case .behind: try mapErrors { try database.enableWriteAheadLog() }
    }
    var applied: [Migration] = []
    for migration in Migration.all {
      let didApply = try write { () throws -> [Migration] in
        let applicationID = try database.scalarInt("PRAGMA application_id") ?? 0
        let version = Int(try database.scalarInt("PRAGMA user_version") ?? 0)
        if applicationID != 0 && applicationID != SQLiteRegistry.applicationID {
          throw SQLiteRegistry.foreignError(path: path)
        }
        if version > Migration.latestVersion {
          throw SQLiteRegistry.newerSchemaError(path: path, version: version)
        }
        guard version < migration.version else { return [] }
        // A new registry gets every migration in one transaction and one `registry.create`
        // entry; an older one each pending migration in its own, with a `registry.migrate` entry.
        let batch = version == 0 ? Migration.all : [migration]
        if version == 0 {
          let tables = try database.scalarInt("SELECT count(*) FROM sqlite_master") ?? 0
          if tables > 0 { throw SQLiteRegistry.foreignError(path: path) }
          try database.execute("PRAGMA application_id = \(SQLiteRegistry.applicationID)")
        }
        for step in batch {
          try step.apply(to: database)
          try database.run(
            "INSERT INTO schema_migrations(version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
            [
              .integer(Int64(step.version)), .text(step.name), .text(step.checksum),
              .integer(author.clock().milliseconds),
            ])
        }
        let last = batch[batch.count - 1]
        try database.execute("PRAGMA user_version = \(last.version)")
        try writer.appendAudit(
          action: version == 0 ? .registryCreate : .registryMigrate,
          entity: "registry",
          details: [
            "schema_version": .integer(Int64(last.version)),
            "migration": .string(batch.map(\.name).joined(separator: ", ")),
          ])
        // A registry created before the chain recorded facts gets its baseline with the last
        // migration, when every table a fact kind reads exists; a migration killed before it
        // leaves no baseline, so the next run still writes one.
        if try version != 0 && last.version == Migration.latestVersion && writer.predatesFacts() {
          try writer.appendBaseline()
        }
        // Entries record MLflow's tables from `mlflowVersion` on: what an older registry holds
        // of them gets a baseline of those kinds alone, once, with that migration.
        if version != 0 && last.version == FactTracking.mlflowVersion {
          try writer.appendBaseline(kinds: FactKind.mlflow, since: FactTracking.mlflowVersion)
        }
        return batch
      }
      applied += didApply
    }
    return applied
  }
}

extension SQLiteRegistry {
  /// `migrate(by:)` on PostgreSQL: every pending migration in one transaction under the audit
  /// chain's lock (`write`), so concurrent `init`s on several hosts apply each migration once;
  /// the registry's mark (`pedigree_registry`) and the audit entry in the same transaction. DDL
  /// is transactional there: a failure leaves the database as it was.
  private func migratePostgres(by author: Author) throws(PedigreeError) -> [Migration] {
    guard let postgres = database.postgres else { return [] }
    let writer = writing(as: author)
    return try write { () throws -> [Migration] in
      let version: Int
      switch try postgres.connection.schemaState() {
      case .foreign: throw foreignError()
      case .ahead(let newer): throw newerSchemaError(version: newer)
      case .current: return []
      case .uninitialized: version = 0
      case .behind(let older): version = older
      }
      let batch = compiledMigrations.filter { $0.version > version }
      for step in batch {
        try database.execute(step.sql)
        try database.run(
          "INSERT INTO schema_migrations(version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
          [
            .integer(Int64(step.version)), .text(step.name), .text(step.checksum),
            .integer(author.clock().milliseconds),
          ])
      }
      let last = Int64(batch.last?.version ?? version)
      try database.run(
        """
        INSERT INTO pedigree_registry(application, schema_version) VALUES ('pedigree', ?)
        ON CONFLICT (singleton) DO UPDATE SET schema_version = excluded.schema_version
        """, [.integer(last)])
      try writer.appendAudit(
        action: version == 0 ? .registryCreate : .registryMigrate, entity: "registry",
        details: [
          "schema_version": .integer(last),
          "migration": .string(batch.map(\.name).joined(separator: ", ")),
        ])
      return batch
    }
  }
}

/// What `db status` reports: where the file stands, what was applied, what is pending.
public struct SchemaStatus: Sendable {
  /// The registry file.
  public let path: String
  public let state: SchemaState
  /// The version the file records (0 for a new file).
  public let version: Int
  /// The recorded migrations (none for a foreign file).
  public let applied: [AppliedMigration]
  /// The compiled-in migrations not yet applied (none for a foreign file).
  public let pending: [Migration]
  /// The applied migrations whose SQL differs from this binary's copy.
  public var edited: [AppliedMigration] { applied.filter { !$0.checksumMatches } }
}

extension SQLiteRegistry {
  /// The file's schema status, for `db status`.
  public func schemaStatus() throws(PedigreeError) -> SchemaStatus {
    let state = try schemaState()
    return SchemaStatus(
      path: path, state: state, version: try schemaVersion(),
      applied: state == .foreign ? [] : try appliedMigrations(),
      pending: state == .foreign ? [] : try pendingMigrations())
  }
}
