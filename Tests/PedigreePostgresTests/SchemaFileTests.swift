import Foundation
import PedigreeCore
import PedigreePostgres
import PedigreeSQLite
import PedigreeTestSupport
import Testing

/// migrations/postgresql/ is compiled in, and schema-postgresql.sql is the schema those
/// migrations produce. The file is `pg_dump --schema-only` of a migrated database (its
/// `\restrict` lines and version comments dropped); it is compared with the migrations through
/// the catalog (columns, types, collations, defaults, constraints, indexes, triggers, functions,
/// views), so another PostgreSQL version's pg_dump layout does not matter. Record it again with
/// `PEDIGREE_RECORD_SCHEMA=1 swift test --filter PostgresSchemaFileTests`.
@Suite struct PostgresSchemaFileTests {
  static let root = URL(fileURLWithPath: ExternalTools.repositoryRoot)
  static let schemaFile = root.appendingPathComponent("schema-postgresql.sql")

  @Test func migrationsAreCompiledIn() throws {
    let folder = Self.root.appendingPathComponent("migrations/postgresql")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".sql") }.sorted()
    let onDisk = try files.map { name in
      (String(name.dropLast(4)), try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
    }
    let compiled = PostgresMigration.all.map { (String(format: "%04d_%@", $0.version, $0.name), $0.sql) }
    #expect(
      onDisk.map(\.0) == compiled.map(\.0) && onDisk.map(\.1) == compiled.map(\.1),
      "PedigreePostgres's Migrations.generated.swift is out of date: run `swift run generate-migrations`")
    // PostgreSQL registries start at the schema SQLite's migrations had reached when the backend
    // came (its first migration carries that number, 11), and the two move in step from there:
    // one schema version names the same tables on both engines.
    let versions = PostgresMigration.all.map(\.version)
    #expect(versions.first == 11 && zip(versions, versions.dropFirst()).allSatisfy { $0 < $1 })
    #expect(PostgresMigration.latestVersion == Migration.latestVersion)
  }

  @Test(needsPostgres) func schemaFileMatchesMigrations() throws {
    let migrated = try ScratchDatabase("migrated")
    let connection = try migrated.registry()
    if ProcessInfo.processInfo.environment["PEDIGREE_RECORD_SCHEMA"] == "1" {
      try Self.record(migrated.server.dumpSchema(migrated.name))
    }
    let fromFile = try ScratchDatabase("from_file")
    let file = try String(contentsOf: Self.schemaFile, encoding: .utf8)
    let loaded = try fromFile.connect()
    try loaded.execute(file)
    let fromMigrations = try Self.catalog(connection)
    let fromSchemaFile = try Self.catalog(fromFile.connect())
    #expect(fromMigrations.count > 300, "the catalog query sees the registry's objects")
    let onlyMigrations = fromMigrations.filter { !fromSchemaFile.contains($0) }
    let onlyFile = fromSchemaFile.filter { !fromMigrations.contains($0) }
    #expect(
      onlyMigrations.isEmpty && onlyFile.isEmpty,
      """
      schema-postgresql.sql differs from migrations/postgresql/ (record it with \
      `PEDIGREE_RECORD_SCHEMA=1 swift test --filter PostgresSchemaFileTests`): only the \
      migrations have \(onlyMigrations.prefix(5)), only the file has \(onlyFile.prefix(5))
      """)
  }

  /// Writes the dump as the schema file, without the comments naming pg_dump's version.
  static func record(_ dump: String) throws {
    let kept = dump.split(separator: "\n", omittingEmptySubsequences: false).filter {
      !$0.hasPrefix("-- Dumped from") && !$0.hasPrefix("-- Dumped by")
    }
    var text = kept.joined(separator: "\n")
    while text.contains("\n\n\n\n") { text = text.replacingOccurrences(of: "\n\n\n\n", with: "\n\n\n") }
    let header = """
      -- The schema that migrations/postgresql/*.sql produce, as pg_dump --schema-only prints it.
      -- Recorded by `PEDIGREE_RECORD_SCHEMA=1 swift test --filter PostgresSchemaFileTests`; do not
      -- edit (that test keeps it equal to the migrations).

      """
    try (header + text.drop { $0 == "\n" }).write(to: schemaFile, atomically: true, encoding: .utf8)
  }

  /// The public schema as the catalog describes it, one line per column, constraint, index,
  /// trigger, function and view, sorted.
  static func catalog(_ connection: PostgresConnection) throws -> [String] {
    try connection.execute(
      """
      SELECT 'column ' || c.relname || ' ' || row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum)
          || ' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
          || coalesce(' collate ' || co.collname, '') || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
          || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
          || CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        LEFT JOIN pg_collation co ON co.oid = a.attcollation
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v')
          AND a.attnum > 0 AND NOT a.attisdropped
      UNION ALL
      SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
      UNION ALL
      SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
      UNION ALL
      SELECT 'trigger ' || pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal
      UNION ALL
      SELECT 'function ' || proname || ' ' || pg_get_function_result(oid) || ' ' || prosrc
        FROM pg_proc WHERE pronamespace = 'public'::regnamespace
      UNION ALL
      SELECT 'view ' || viewname || ' ' || definition FROM pg_views WHERE schemaname = 'public'
      UNION ALL
      SELECT 'sequence ' || sequencename || ' ' || data_type::text || ' ' || start_value
        FROM pg_sequences WHERE schemaname = 'public'
      ORDER BY 1
      """
    ).map { try $0.string(0) }
  }
}
