import Foundation
import PedigreeTestSupport
import Testing

@testable import PedigreeCore
@testable import PedigreeSQLite

@Suite struct SchemaTests {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  @Test func migrationsAreCompiledIn() throws {
    let folder = Self.packageRoot.appendingPathComponent("migrations")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".sql") }.sorted()
    let onDisk = try files.map { name in
      (String(name.dropLast(4)), try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
    }
    let compiled = Migration.all.map { (String(format: "%04d_%@", $0.version, $0.name), $0.sql) }
    #expect(
      onDisk.map(\.0) == compiled.map(\.0) && onDisk.map(\.1) == compiled.map(\.1),
      "Migrations.generated.swift is out of date. Please run `swift run generate-migrations`.")
    // Versions start at 1 and increase; a gap is allowed while parallel branches each hold one
    // of the numbers (after their merge they run 1, 2, 3… again).
    let versions = Migration.all.map(\.version)
    #expect(
      versions.first == 1 && zip(versions, versions.dropFirst()).allSatisfy { $0 < $1 },
      "versions increase from 1")
  }

  @Test func schemaFileMatchesMigrations() throws {
    let schemaSQL = try String(
      contentsOf: Self.packageRoot.appendingPathComponent("schema.sql"), encoding: .utf8)
    let fromFile = try Database(path: ":memory:")
    try fromFile.execute(schemaSQL)
    let fromMigrations = try Database(path: ":memory:")
    for migration in Migration.all { try fromMigrations.execute(migration.sql) }
    let dump = { (db: Database) in
      try db.query("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name") {
        "\($0.string(0)) \($0.string(1)) \($0.string(2)) \($0.string(3))"
      }
    }
    #expect(
      try dump(fromFile) == dump(fromMigrations),
      "schema.sql differs from the migrations. Please run `swift run generate-migrations`.")
  }

  @Test(sqliteOnly) func newRegistryIsMigratedAndMarked() throws {
    let fixture = try Fixture()
    let db = fixture.registry.database
    #expect(try db.scalarInt("PRAGMA application_id") == SQLiteRegistry.applicationID)
    #expect(try db.scalarInt("PRAGMA user_version") == Int64(Migration.latestVersion))
    #expect(try db.scalarString("PRAGMA journal_mode") == "wal")
    #expect(try db.scalarInt("PRAGMA foreign_keys") == 1)
    #expect(try fixture.registry.schemaState() == .current)
    let applied = try fixture.registry.appliedMigrations()
    #expect(applied.map(\.version) == Migration.all.map(\.version))
    #expect(applied.allSatisfy { $0.checksumMatches })
    #expect(try fixture.count("audit_log") == 1)
  }

  @Test func initializeTwiceWritesNothing() throws {
    let directory = TemporaryDirectory("pedigree-store")
    let path = directory.file("reg.db")
    let first = try SQLiteRegistry.initialize(path: path, by: Author("a"))
    #expect(first.applied.count == Migration.all.count)
    let second = try SQLiteRegistry.initialize(path: path, by: Author("a"))
    #expect(second.applied.isEmpty)
    #expect(try second.registry.database.scalarInt("SELECT count(*) FROM audit_log") == 1)
  }

  @Test func readingAMissingFileFailsWithAHint() throws {
    let directory = TemporaryDirectory("pedigree-store")
    let error = expectError(.io) {
      try SQLiteRegistry.open(path: directory.file("none.db"), access: .read)
    }
    #expect(error?.remedy == .createRegistry(path: directory.file("none.db")))
    #expect(!FileManager.default.fileExists(atPath: directory.file("none.db")))
  }

  @Test func refusesASchemaNewerThanTheBinary() throws {
    let directory = TemporaryDirectory("pedigree-store")
    let path = directory.file("reg.db")
    _ = try SQLiteRegistry.initialize(path: path, by: Author("a"))
    try Database(path: path).execute("PRAGMA user_version = 999")
    expectError(.incompatible) { try SQLiteRegistry.open(path: path, access: .create(by: Author("a"))) }
    expectError(.incompatible) { try SQLiteRegistry.initialize(path: path, by: Author("a")) }
    #expect(try Database(path: path).scalarInt("PRAGMA user_version") == 999)
  }

  @Test func refusesAForeignSQLiteFile() throws {
    let directory = TemporaryDirectory("pedigree-store")
    let path = directory.file("other.db")
    try Database(path: path).execute("CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('x');")
    expectError(.incompatible) { try SQLiteRegistry.open(path: path, access: .create(by: Author("a"))) }
    expectError(.incompatible) { try SQLiteRegistry.initialize(path: path, by: Author("a")) }
    #expect(try Database(path: path).scalarInt("SELECT count(*) FROM sqlite_master") == 1)
  }

  @Test func refusesAFileThatIsNotSQLite() throws {
    let directory = TemporaryDirectory("pedigree-store")
    let path = directory.file("text.db")
    let garbage = String(repeating: "this is not a database\n", count: 200)
    try garbage.write(toFile: path, atomically: true, encoding: .utf8)
    expectError(.incompatible) { try SQLiteRegistry.open(path: path, access: .create(by: Author("a"))) }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == garbage)
  }

  @Test func missingDirectoryIsAnIOError() {
    expectError(.io) {
      try SQLiteRegistry.open(path: "/nonexistent-dir-\(UUID())/reg.db", access: .create(by: Author("a")))
    }
  }
}
