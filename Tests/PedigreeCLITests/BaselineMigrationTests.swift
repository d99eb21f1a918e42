import Foundation
import PedigreeCore
import PedigreeSQLite
import Testing

/// A registry written by the previous pedigree (schema 3, whose entries record no facts),
/// migrated by this one: one `registry.baseline` entry records every entity's facts, every row is
/// kept, `db check` is clean, and tampering with what existed before is caught from then on.
@Suite(sqliteOnly) struct BaselineMigrationTests {
  /// `Tests/Fixtures/registry-v3.sql`: a registry the schema-3 binary wrote, dumped.
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/registry-v3.sql")

  static func olderRegistry() throws -> CLI {
    let cli = CLI()
    let db = try Database(path: cli.database)
    try db.execute(try String(contentsOf: fixture, encoding: .utf8))
    return cli
  }

  /// Every row of every table but the audit log and the migrations' own records.
  static func rows(_ cli: CLI) throws -> [String] {
    let db = try Database(path: cli.database, mode: .readWrite)
    let tables = try db.query(
      """
      SELECT name FROM sqlite_master WHERE type = 'table'
        AND name NOT IN ('audit_log', 'schema_migrations', 'metrics', 'metric_chunks') ORDER BY name
      """
    ) { $0.string(0) }
    return try tables.flatMap { table in
      try db.query("SELECT * FROM \"\(table)\"") { row in
        "\(table): " + (0..<row.count).map { "\(row.value($0))" }.joined(separator: "|")
      }
    }
  }

  @Test func migrationRecordsABaselineAndKeepsEveryFact() throws {
    let cli = try Self.olderRegistry()
    let before = try Self.rows(cli)
    #expect(before.count > 100)
    try cli.fails(78, "db", "check")
    #expect(try cli.ok("db", "migrate").contains("0004_tamper_evidence"))
    #expect(try Self.rows(cli) == before)
    #expect(try cli.ok("db", "check").hasPrefix("ok:"))

    let registry = try SQLiteRegistry.open(path: cli.database, access: .read)
    let last = try #require(try registry.lastAuditEntry())
    #expect(last.action == AuditAction.registryBaseline.rawValue)
    let details = try JSONValue.parse(last.details)
    #expect(details["baseline"] == .bool(true))
    let facts = try registry.currentFacts()
    #expect(details["entities"] == .integer(Int64(facts.count)))
    #expect(Set(try registry.recordedFacts().map(\.key)) == Set(facts.map(\.key)))

    // A legitimate write after the migration stays clean; a forgery of a fact from before it
    // is caught, naming the baseline entry.
    try cli.ok("model", "tag", "fraud-detector@1", "--set", "reviewed=yes")
    #expect(try cli.ok("db", "check").hasPrefix("ok:"))
    let db = try Database(path: cli.database, mode: .readWrite)
    let trigger = try #require(
      try db.scalarString("SELECT sql FROM sqlite_master WHERE name = 'alias_events_no_update'"))
    try db.execute("DROP TRIGGER alias_events_no_update")
    try db.execute("UPDATE alias_events SET actor = 'newcomer' WHERE id = 3")
    try db.execute(trigger)
    let result = try cli.run("db", "check")
    #expect(result.status == 65)
    #expect(result.stdout.contains("alias_event:3: actor is \"newcomer\""), "\(result.stdout)")
    #expect(result.stdout.contains("recorded by audit entry \(last.id)"), "\(result.stdout)")
  }

  @Test func migratingTwiceWritesOneBaseline() throws {
    let cli = try Self.olderRegistry()
    try cli.ok("db", "migrate")
    try cli.ok("db", "migrate")
    let db = try Database(path: cli.database, mode: .readWrite)
    #expect(try db.scalarInt("SELECT count(*) FROM audit_log WHERE action = 'registry.baseline'") == 1)
  }
}
