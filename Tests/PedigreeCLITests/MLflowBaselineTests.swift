import Foundation
import PedigreeCore
import PedigreeSQLite
import Testing

/// A registry written by the previous pedigree (schema 9: MLflow's client through `pedigree
/// serve`, whose entries record no facts of MLflow's tables), migrated by this one: one
/// `registry.baseline` entry (`since_schema` 10) records those facts alone, every row is kept,
/// `db check` is clean, and tampering with them is caught from then on.
@Suite(sqliteOnly) struct MLflowBaselineTests {
  /// `Fixtures/registry-v9-mlflow.sql`, made by `Fixtures/make-registry-v9.sh`.
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/registry-v9-mlflow.sql")

  static func olderRegistry() throws -> CLI {
    let cli = CLI()
    let db = try Database(path: cli.database)
    try db.execute(try String(contentsOf: fixture, encoding: .utf8))
    return cli
  }

  static func baselines(_ cli: CLI) throws -> [(id: Int64, details: JSONValue)] {
    let db = try Database(path: cli.database, mode: .readWrite)
    return try db.query(
      "SELECT id, details FROM audit_log WHERE action = 'registry.baseline' ORDER BY id"
    ) { (id: $0.int64(0), details: try JSONValue.parse($0.string(1))) }
  }

  /// Runs `sql` with `table`'s triggers dropped, then creates them again from their own SQL.
  static func tamper(_ cli: CLI, _ table: String, _ sql: String) throws {
    let db = try Database(path: cli.database, mode: .readWrite)
    let triggers = try db.query(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", [.text(table)]
    ) { (name: $0.string(0), sql: $0.string(1)) }
    for trigger in triggers { try db.execute("DROP TRIGGER \(trigger.name)") }
    try db.execute(sql)
    #expect(db.changes > 0, "\(sql) changed nothing")
    for trigger in triggers { try db.execute(trigger.sql) }
  }

  @Test func migrationRecordsABaselineOfMLflowFactsAndChecksClean() throws {
    let cli = try Self.olderRegistry()
    let before = try BaselineMigrationTests.rows(cli)
    try cli.fails(78, "db", "check")
    #expect(try cli.ok("db", "migrate").contains("0010_mlflow_facts"))
    #expect(try BaselineMigrationTests.rows(cli) == before)
    #expect(try cli.ok("db", "check").hasPrefix("ok:"))

    let baselines = try Self.baselines(cli)
    #expect(baselines.count == 1)
    let baseline = try #require(baselines.first)
    #expect(baseline.details["since_schema"] == .integer(10))
    guard case .object(let facts)? = baseline.details["facts"] else {
      Issue.record("no facts in \(baseline.details)")
      return
    }
    let kinds = Set(facts.keys.map { String($0.prefix { $0 != ":" }) })
    #expect(
      kinds == [
        "run_tag_event", "experiment_tag_event", "mlflow_file", "logged_model", "logged_model_tag_event",
        "logged_model_output", "run_input_tag", "model_metadata_event", "model_version_source",
      ], "\(kinds)")
    let registry = try SQLiteRegistry.open(path: cli.database, access: .read)
    #expect(Set(try registry.recordedFacts().map(\.key)) == Set(try registry.currentFacts().map(\.key)))

    // From then on an edit of a baselined MLflow fact is caught, naming the baseline entry.
    try Self.tamper(
      cli, "mlflow_files", "UPDATE mlflow_files SET digest = 'sha256:' || hex(randomblob(32)) WHERE id = 1")
    let result = try cli.run("db", "check")
    #expect(result.status == 65)
    #expect(result.stdout.contains("mlflow_file:1: digest is"), "\(result.stdout)")
    #expect(result.stdout.contains("recorded by audit entry \(baseline.id)"), "\(result.stdout)")
  }

  @Test func migratingTwiceWritesOneBaseline() throws {
    let cli = try Self.olderRegistry()
    try cli.ok("db", "migrate")
    try cli.ok("db", "migrate")
    #expect(try Self.baselines(cli).count == 1)
  }

  /// OpenLineage bodies are checked by content on a registry from before, with no baseline:
  /// their recorded facts already name each body's sha256.
  @Test func anEditedOpenLineageBodyOfAnOlderRegistryIsCaught() throws {
    let cli = try Self.olderRegistry()
    try cli.ok("db", "migrate")
    try Self.tamper(
      cli, "ol_events", "UPDATE ol_events SET body = CAST(replace(body, 'clean_tx', 'dirty_tx') AS BLOB)")
    let result = try cli.run("db", "check")
    #expect(result.status == 65)
    #expect(result.stdout.contains("its stored body no longer hashes"), "\(result.stdout)")
  }

  /// A registry this pedigree creates records MLflow's facts as it writes them: no baseline.
  @Test func aNewRegistryHasNoBaseline() throws {
    let cli = CLI()
    try cli.ok("init")
    try TamperRegistry.writeMLflow(cli.database)
    #expect(try cli.ok("db", "check").hasPrefix("ok:"))
    #expect(try Self.baselines(cli).isEmpty)
  }
}
