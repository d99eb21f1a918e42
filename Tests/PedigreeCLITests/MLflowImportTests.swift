import Foundation
import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

/// Issue 16: `pedigree import mlflow` on databases written by the real MLflow client
/// (Scripts/mlflow_history.py), then the registry read back through the commands users run.
private let mlflowPython = ExternalTools.python(importing: ["mlflow", "sqlalchemy", "alembic"])

@Suite(.enabled(if: mlflowPython != nil, ExternalTools.pythonHint))
struct MLflowImportTests {
  static let python = mlflowPython
  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Scripts/mlflow_history.py").path

  /// An MLflow database the script wrote, its directory kept for the whole test process.
  struct Written: Sendable {
    let directory: TemporaryDirectory
    let facts: JSONValue
    var database: String { directory.file("mlflow.db") }
    func fact(_ key: String) -> String {
      switch facts[key] {
      case .string(let value)?: return value
      case .integer(let value)?: return String(value)
      default: return ""
      }
    }
  }

  static func write(_ arguments: [String]) throws -> Written {
    let directory = TemporaryDirectory("pedigree-mlflow")
    let result = try Spawned.run(try #require(python), [script, directory.path] + arguments)
    guard result.status == 0 else { throw PedigreeError(.io, "mlflow_history.py failed: \(result.stderr)") }
    let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
    return Written(directory: directory, facts: try JSONValue.parse(last))
  }

  static let full = Result { try write(["full"]) }
  static let bulk = Result { try write(["bulk", "60"]) }

  @Test func everythingArrivesAndASecondImportAddsNothing() throws {
    let mlflow = try Self.full.get()
    let cli = try CLI.initialized()
    let first = try cli.run("import", "mlflow", mlflow.database, "--json")
    #expect(first.status == 0, "\(first.stderr)")
    let report = try first.json()
    #expect(report["changed"] == .bool(true))
    func count(_ kind: String, _ column: String = "imported") -> JSONValue? {
      report["counts"]?[kind]?[column]
    }
    #expect(count("runs") == .integer(3) && count("runs", "skipped") == .integer(1))
    #expect(count("metric_points") == .integer(56))
    #expect(count("dataset_inputs") == .integer(3))
    #expect(count("model_versions") == .integer(3))
    #expect(count("aliases") == .integer(3))
    #expect(count("artifacts") == .integer(4))

    let run = mlflow.fact("run")
    let shown = try cli.run("run", "show", run, "--json").json()
    #expect(shown["run_id"] == .string(run) || shown["ref"] == .string("run:\(run)"), "\(shown)")
    let text = try cli.ok("run", "show", run)
    for expected in [
      "fraud-detection", "xgb nightly", "finished", "9f2c1e7d", "mlflow.experimentName", "fraud detection",
      "transactions@1", "mlflow:fad98c68", "labels@1", "model/model.bin", "notes/readme.txt",
    ] {
      #expect(text.contains(expected), "run show lacks \(expected):\n\(text)")
    }
    let mapped = try cli.openDatabase().query(
      "SELECT value FROM experiment_tag_events WHERE key = 'mlflow.experimentName'"
    ) { $0.string(0) }
    #expect(
      mapped.sorted() == ["churn/v2", "fraud detection"], "each experiment keeps its MLflow name, for serve")
    let described = try cli.openDatabase().query(
      """
      SELECT e.value FROM model_metadata_events e JOIN models m ON m.id = e.model_id
      WHERE m.name = 'fraud-detector' AND e.key IS NULL
      """
    ) { $0.string(0) }
    #expect(described == ["flags fraud"], "the registered model's own description is imported")
    let metrics = try cli.ok("run", "metrics", run, "--key", "weird", "--format", "csv")
    #expect(
      metrics.contains("NaN") && metrics.contains(",Infinity") && metrics.contains("-Infinity"), "\(metrics)")
    let loss = try cli.run("run", "metrics", run, "--key", "loss", "--json").json()
    #expect("\(loss)".components(separatedBy: "\"step\"").count - 1 == 50, "\(loss)")

    let production = try cli.ok("model", "show", "fraud-detector@production")
    #expect(
      production.contains("fraud-detector@2") && production.contains(mlflow.fact("second")), "\(production)")
    let champion = try cli.ok("model", "show", "fraud-detector@champion")
    #expect(champion.contains("first cut") && champion.contains("validated=yes"), "\(champion)")
    let history = try cli.ok("model", "history", "fraud-detector")
    #expect(history.contains("imported from MLflow"), "\(history)")
    #expect(
      try cli.ok("model", "show", "churn-model@staging").contains("s3://bucket/churn/model"),
      "a mapped model name with a remote source")
    let lineage = try cli.ok("lineage", "fraud-detector@champion", "--upstream")
    #expect(lineage.contains("transactions@1") && lineage.contains("labels@1"), "\(lineage)")
    try cli.ok("audit", "fraud-detector@production")
    try cli.ok("db", "check")
    let artifact = "artifact:\(try Self.artifactID(cli, "model/model.bin", run: run))"
    try cli.ok("verify", artifact, "--file", try cli.write("weights.bin", "weights v1"))
    try cli.fails(65, "verify", artifact, "--file", try cli.write("other.bin", "weights v9"))

    let before = cli.snapshot()
    let second = try cli.run("import", "mlflow", mlflow.database, "--json")
    #expect(second.status == 0, "\(second.stderr)")
    #expect(try second.json()["changed"] == .bool(false))
    #expect(try second.json()["counts"]?["runs"]?["already_present"] == .integer(3))
    #expect(cli.snapshot() == before, "a second import wrote something")
    #expect(try cli.ok("import", "mlflow", mlflow.database).hasPrefix("nothing new"))
  }

  @Test func aliasesAreStampedWithMLflowsLastUpdateAndTheMetricTimesKept() throws {
    let mlflow = try Self.full.get()
    let cli = try CLI.initialized()
    try cli.ok("import", "mlflow", mlflow.database)
    let db = try cli.openDatabase()
    let stamps = try db.query(
      "SELECT DISTINCT e.at FROM alias_events e JOIN models m ON m.id = e.model_id WHERE m.name = 'fraud-detector'"
    ) { $0.int64(0) }
    #expect(stamps.map(String.init) == [mlflow.fact("updated")], "\(stamps)")
    let source = try Database(path: mlflow.database, mode: .readWrite)
    let times = try source.query(
      "SELECT timestamp FROM metrics WHERE run_uuid = ? AND key = 'loss' ORDER BY step",
      [.text(mlflow.fact("run"))]
    ) { $0.int64(0) }
    let history = try cli.run("run", "metrics", mlflow.fact("run"), "--key", "loss", "--json").json()
    guard case .array(let points)? = history["points"] else {
      Issue.record("no points: \(history)")
      return
    }
    let imported = points.compactMap { point -> Int64? in
      guard case .string(let text)? = point["timestamp"] ?? point["time"] else { return nil }
      return try? Timestamp(parsing: text).milliseconds
    }
    #expect(imported == times)
  }

  @Test func anImportKilledMidwayLeavesWholeRunsAndCanBeRerun() throws {
    let mlflow = try Self.bulk.get()
    let cli = try CLI.initialized()
    var schedule = SeededGenerator(seed: 0x1A0B_0016)
    let source = try Database(path: mlflow.database, mode: .readWrite)
    let expected = Dictionary(
      uniqueKeysWithValues: try source.query("SELECT run_uuid, count(*) FROM metrics GROUP BY run_uuid") {
        ($0.string(0), $0.int64(1))
      })
    for _ in 0..<4 {
      let process = try cli.spawn(["import", "mlflow", mlflow.database])
      Thread.sleep(forTimeInterval: Double(Int.random(in: 20..<400, using: &schedule)) / 1000)
      _ = process.kill()
      try cli.ok("db", "check")
      let db = try cli.openDatabase()
      let counts = try db.query(
        "SELECT r.uuid, (SELECT coalesce(sum(count), 0) FROM metric_chunks m WHERE m.run_id = r.id) FROM runs r"
      ) { ($0.string(0), $0.int64(1)) }
      for (run, points) in counts { #expect(expected[run] == points, "run \(run) is not whole") }
    }
    let finish = try cli.run("import", "mlflow", mlflow.database, "--json")
    #expect(finish.status == 0, "\(finish.stderr)")
    let runs = try finish.json()["counts"]?["runs"]
    let total = [runs?["imported"], runs?["already_present"]].compactMap {
      if case .integer(let n)? = $0 { n } else { nil }
    }.reduce(0, +)
    #expect(total == 60, "\(String(describing: runs))")
    #expect(try cli.run("import", "mlflow", mlflow.database, "--json").json()["changed"] == .bool(false))
    try cli.ok("db", "check")
  }

  @Test func artifactsAreReadFromAnArtifactRootMovedElsewhere() throws {
    let mlflow = try Self.full.get()
    let cli = try CLI.initialized()
    let moved = cli.path("moved-mlruns")
    try FileManager.default.copyItem(atPath: mlflow.directory.file("mlruns"), toPath: moved)
    let report = try cli.run("import", "mlflow", mlflow.database, "--artifacts", moved, "--json")
    #expect(report.status == 0, "\(report.stderr)")
    #expect(try report.json()["counts"]?["artifacts"]?["imported"] == .integer(4))
    let uris = try cli.openDatabase().query("SELECT uri FROM artifacts") {
      $0.string(0)
    }
    #expect(uris.contains { $0.contains("moved-mlruns/") && $0.hasSuffix("notes/readme.txt") }, "\(uris)")
    // The bytes are in the registry's artifact store, under their digests.
    let store = cli.artifacts + "/sha256"
    #expect((FileManager.default.subpaths(atPath: store) ?? []).count >= 4)
    try cli.ok("db", "check")
  }

  /// The id of the artifact `name` the run produced.
  static func artifactID(_ cli: CLI, _ name: String, run: String) throws -> Int64 {
    let db = try cli.openDatabase()
    return try #require(
      try db.scalarInt(
        """
        SELECT a.id FROM artifacts a JOIN edges e ON e.dst = a.id AND e.relation = 'output'
        JOIN runs r ON r.id = e.src WHERE r.uuid = ? AND a.name = ?
        """, [.text(run), .text(name)]))
  }

  @Test func anUnknownMLflowSchemaIsRefusedNamingItsRevision() throws {
    let mlflow = try Self.full.get()
    let cli = try CLI.initialized()
    let copy = cli.path("future.db")
    try FileManager.default.copyItem(atPath: mlflow.database, toPath: copy)
    try Database(path: copy, mode: .readWrite, writeAheadLog: false).execute(
      "UPDATE alembic_version SET version_num = 'ffff00001111'")
    let refused = try cli.fails(78, "import", "mlflow", copy)
    #expect(refused.stderr.contains("ffff00001111"), "\(refused.stderr)")
    try Database(path: copy, mode: .readWrite, writeAheadLog: false).execute(
      "UPDATE alembic_version SET version_num = '2b4d017a5e9b'")
    let older = try cli.fails(78, "import", "mlflow", copy)
    #expect(older.stderr.contains("MLflow 1.x"), "\(older.stderr)")
  }
}

/// Bad sources need no MLflow: one error line, the documented exit code, nothing written.
@Suite struct MLflowImportBadInputTests {
  @Test func aMissingFileANonDatabaseAndAForeignDatabaseAreRefused() throws {
    let cli = try CLI.initialized()
    let missing = try cli.fails(74, "import", "mlflow", cli.path("nope.db"))
    #expect(missing.stderr.contains("nope.db"))
    let text = try cli.write("notes.db", String(repeating: "not a database\n", count: 100))
    try cli.fails(65, "import", "mlflow", text)
    let other = cli.path("other.db")
    try Database(path: other, writeAheadLog: false).execute("CREATE TABLE notes(body TEXT)")
    let foreign = try cli.fails(65, "import", "mlflow", other)
    #expect(foreign.stderr.contains("not an MLflow tracking database"), "\(foreign.stderr)")
    // The registry itself is not MLflow's either (a PostgreSQL registry is no file to read).
    try cli.fails(cli.isPostgres ? 74 : 65, "import", "mlflow", cli.database)
    #expect(!FileManager.default.fileExists(atPath: cli.artifacts))
  }

  @Test func aMissingRegistryIsNotCreated() throws {
    let cli = CLI()
    let source = try MLflowImportBadInputTests.emptyMLflowDatabase(cli.path("mlflow.db"))
    try cli.fails(74, "import", "mlflow", source)
    #expect(!FileManager.default.fileExists(atPath: cli.database))
  }

  /// An MLflow database with the tables the importer reads and nothing in them, at 3.17's
  /// revision: enough for the JSON contract and the bad-input tests without MLflow installed.
  static func emptyMLflowDatabase(_ path: String) throws -> String {
    try Database(path: path, writeAheadLog: false).execute(
      """
      CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);
      INSERT INTO alembic_version VALUES ('\(MLflowSchema.knownRevisions.last ?? "")');
      CREATE TABLE experiments (experiment_id INTEGER PRIMARY KEY, name TEXT, artifact_location TEXT,
        lifecycle_stage TEXT);
      CREATE TABLE runs (run_uuid TEXT PRIMARY KEY, name TEXT, status TEXT, start_time INTEGER,
        end_time INTEGER, artifact_uri TEXT, experiment_id INTEGER, lifecycle_stage TEXT);
      CREATE TABLE metrics (key TEXT, value REAL, timestamp INTEGER, run_uuid TEXT, step INTEGER,
        is_nan INTEGER);
      CREATE TABLE params (key TEXT, value TEXT, run_uuid TEXT);
      CREATE TABLE tags (key TEXT, value TEXT, run_uuid TEXT);
      """)
    return path
  }
}
