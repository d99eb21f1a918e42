import Foundation
import PedigreeCore
import PedigreeSQLite
import Testing

/// Many `pedigree` processes writing one registry at once, as parallel training jobs do
/// (PRODUCT.md, "Reliability and bad input"): no failures within the busy timeout, no lost or
/// duplicated rows, version numbers 1…N without gaps, and an intact audit chain.
@Suite struct ConcurrencyTests {
  static let lanes = 8
  static let rounds = 4

  /// Each of 8 lanes runs 4 rounds of: record a run (3 params, 5 metric points) from a file,
  /// register a version of the shared model with its own artifact, and promote that version to
  /// the lane's alias: 96 processes, 8 at a time.
  @Test func parallelWritersLoseNothing() throws {
    let cli = CLI()
    try cli.ok("init")
    let seed = try cli.ok("run", "start", "--experiment", "seed")
    for lane in 0..<Self.lanes {
      for round in 0..<Self.rounds {
        try cli.write("artifact-\(lane)-\(round).bin", "weights of lane \(lane), round \(round)")
        try cli.write(
          "record-\(lane)-\(round).json",
          #"{"experiment": "parallel", "name": "lane\#(lane)-\#(round)", "#
            + #""params": {"lane": "\#(lane)", "round": "\#(round)", "lr": "0.0\#(lane)"}, "#
            + #""metrics": {"loss": [[0, 1.0], [1, 0.5], [2, 0.25], [3, 0.125]], "auc": 0.9}, "#
            + #""tags": {"lane": "\#(lane)"}}"#)
      }
    }
    let results = try cli.runLanes(Self.lanes) { lane, step, previous in
      guard step < Self.rounds * 3 else { return nil }
      let round = step / 3
      switch step % 3 {
      case 0:
        return LaneCommand(arguments: ["run", "record", cli.path("record-\(lane)-\(round).json")])
      case 1:
        return LaneCommand(arguments: [
          "model", "register", "shared", "--run", seed, "--artifact",
          cli.path("artifact-\(lane)-\(round).bin"),
        ])
      default:
        let ref = previous?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return LaneCommand(arguments: ["model", "promote", ref, "--to", "lane\(lane)"])
      }
    }
    let failures = results.joined().filter { $0.status != 0 }
    #expect(failures.isEmpty, "\(failures.count) commands failed: \(failures.map(\.stderr))")
    let writes = Self.lanes * Self.rounds

    // Every register printed a distinct version, and together they are 1…N.
    let refs = results.flatMap { lane in stride(from: 1, to: lane.count, by: 3).map { lane[$0].stdout } }
      .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    #expect(Set(refs) == Set((1...writes).map { "shared@\($0)" }))

    let db = try cli.openDatabase()
    let count = { (sql: String) in try db.scalarInt(sql) ?? -1 }
    #expect(try count("SELECT count(*) FROM runs") == Int64(writes + 1))
    #expect(try count("SELECT count(DISTINCT name) FROM runs WHERE name LIKE 'lane%'") == Int64(writes))
    #expect(try count("SELECT count(*) FROM params") == Int64(writes * 3))
    #expect(try count("SELECT sum(count) FROM metric_chunks") == Int64(writes * 5))
    #expect(try count("SELECT count(*) FROM latest_metrics") == Int64(writes * 2))
    #expect(
      try db.query("SELECT version FROM model_versions ORDER BY version") { $0.int(0) }
        == Array(1...writes))
    #expect(try count("SELECT last_version FROM models WHERE name = 'shared'") == Int64(writes))
    #expect(try count("SELECT count(*) FROM alias_events") == Int64(writes))
    for (lane, invocations) in results.enumerated() {
      let last = invocations.count >= 2 ? invocations[invocations.count - 2].stdout : ""
      let target = try db.scalarString(
        """
        SELECT m.name || '@' || v.version FROM alias_events e
        JOIN model_versions v ON v.id = e.to_version_id JOIN models m ON m.id = v.model_id
        WHERE e.alias = ? ORDER BY e.id DESC LIMIT 1
        """, [.text("lane\(lane)")])
      #expect(target == last.trimmingCharacters(in: .whitespacesAndNewlines), "lane \(lane)")
    }
    let actions = try db.query(
      "SELECT action, count(*) FROM audit_log WHERE action != 'registry.migrate' GROUP BY action ORDER BY action"
    ) { "\($0.string(0))=\($0.int(1))" }
    #expect(
      actions == [
        "model.promote=\(writes)", "model.register=\(writes)", "registry.create=1", "run.record=\(writes)",
        "run.start=1",
      ])
    try cli.ok("db", "check")
  }

  /// 8 `init` processes race to create a registry that does not exist yet, then 6 writers race
  /// on it, three times over: every one succeeds, the schema is created once (one
  /// `registry.create`, each migration recorded once) and `db check` finds it sound. (Before
  /// issue 10 the writers raced to create it too; now only `init` and `demo` create a registry.)
  @Test func racingToCreateARegistry() throws {
    let cli = CLI()
    let record = try cli.write("record.json", #"{"name": "racer", "params": {"a": "1"}}"#)
    for attempt in 0..<3 {
      let path = cli.path("fresh-\(attempt).db")
      let writes: [[String]] = [
        ["run", "start"], ["run", "start", "--param", "p=1"],
        ["dataset", "register", "data", "--uri", "s3://data/a"],
        ["dataset", "register", "data", "--uri", "s3://data/b"], ["run", "record", record],
        ["run", "record", record],
      ]
      let inits = try cli.runLanes(8) { _, step, _ in
        step == 0 ? LaneCommand(arguments: ["init", "--db", path]) : nil
      }
      let results = try cli.runLanes(writes.count) { lane, step, _ in
        step == 0 ? LaneCommand(arguments: writes[lane] + ["--db", path]) : nil
      }
      let failures = (inits + results).joined().filter { $0.status != 0 }
      #expect(failures.isEmpty, "attempt \(attempt): \(failures.map(\.stderr))")
      let db = try Database(path: path, mode: .readWrite)
      #expect(try db.scalarInt("SELECT count(*) FROM schema_migrations") == Int64(Migration.all.count))
      #expect(try db.scalarInt("SELECT count(*) FROM audit_log WHERE action = 'registry.create'") == 1)
      #expect(try db.scalarInt("SELECT count(*) FROM runs") == 4)
      #expect(try db.scalarInt("SELECT count(*) FROM dataset_versions") == 2)
      // A new registry gets all its migrations in one transaction and one audit entry.
      #expect(try db.scalarInt("SELECT count(*) FROM audit_log") == 7)
      try cli.ok("db", "check", "--db", path)
    }
  }
}
