import Foundation
import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

/// `pedigree` processes killed with SIGKILL at seeded random moments while they record runs and
/// move aliases (PRODUCT.md, "Reliability and bad input"): afterwards `db check` passes and every
/// record is whole or absent.
@Suite struct CrashTests {
  static let seed: UInt64 = 0xC0FF_EE20_2605
  static let rounds = 16
  static let bulkRecords = 300
  /// Kill delays are drawn from 0 ..< this many milliseconds.
  static let maximumDelay = 250

  /// Every run the test records looks like this: 3 params, 5 metric points over 2 keys, 1 tag.
  static func record(_ name: String) -> String {
    #"{"experiment": "crash", "name": "\#(name)", "params": {"lr": "0.01", "depth": "6", "seed": "7"}, "#
      + #""metrics": {"loss": [[0, 0.9], [1, 0.5], [2, 0.3], [3, 0.2]], "auc": 0.91}, "tags": {"k": "v"}}"#
  }

  /// Each round starts a bulk JSON Lines import, a single record on stdin and a promotion or
  /// rollback, and kills each at its own random moment (some finish first).
  @Test func killedWritersLeaveWholeRecordsOrNone() throws {
    let cli = try CLI.initialized()
    let seedRun = try cli.ok("run", "start", "--experiment", "seed")
    for version in 1...3 {
      let file = try cli.write("model-\(version).bin", "weights \(version)")
      try cli.ok("model", "register", "crash", "--run", seedRun, "--artifact", file)
      try cli.ok("model", "promote", "crash@\(version)", "--to", "production")
    }
    let bulk = try cli.write(
      "bulk.jsonl", (0..<Self.bulkRecords).map { Self.record("bulk-\($0)") }.joined(separator: "\n"))
    let single = try cli.write("single.json", Self.record("single"))

    var schedule = SeededGenerator(seed: Self.seed)
    var finished: [Invocation] = []
    for _ in 0..<Self.rounds {
      let aliasCommand =
        Bool.random(using: &schedule)
        ? ["model", "rollback", "crash", "--reason", "crash test"]
        : ["model", "promote", "crash@\(Int.random(in: 1...3, using: &schedule))", "--to", "production"]
      let started = ContinuousClock.now
      let processes = [
        try cli.spawn(["run", "record", bulk]), try cli.spawn(["run", "record", "-"], stdin: single),
        try cli.spawn(aliasCommand),
      ].map { ($0, Int.random(in: 0..<Self.maximumDelay, using: &schedule)) }
      for (process, delay) in processes.sorted(by: { $0.1 < $1.1 }) {
        let due = started + .milliseconds(delay)
        if ContinuousClock.now < due { Thread.sleep(forTimeInterval: Self.seconds(due - .now)) }
        if case .exited = process.kill() { finished.append(process.invocation) }
      }
    }
    // A process that ran to its end succeeded, or was refused (a rollback with nowhere to go):
    // never busy, never an I/O error after a neighbour died holding the lock.
    let unexpected = finished.filter { $0.status != 0 && $0.status != 2 }
    #expect(unexpected.isEmpty, "\(unexpected.map(\.stderr))")

    try cli.ok("db", "check")
    let db = try cli.openDatabase()
    // Every recorded run is whole: its params, metric points, tag, latest values and audit entry.
    #expect(
      try db.scalarInt(
        """
        SELECT count(*) FROM runs r WHERE r.uuid != ? AND (
          (SELECT count(*) FROM params WHERE run_id = r.id) != 3
          OR (SELECT coalesce(sum(count), 0) FROM metric_chunks WHERE run_id = r.id) != 5
          OR (SELECT count(*) FROM latest_metrics WHERE run_id = r.id) != 2
          OR (SELECT count(*) FROM run_tags WHERE run_id = r.id) != 1
          OR (SELECT count(*) FROM audit_log WHERE entity = 'run:' || r.uuid AND action = 'run.record') != 1)
        """, [.text(seedRun)]) == 0)
    // …and no audit entry speaks of a run that is not there.
    #expect(
      try db.scalarInt(
        """
        SELECT count(*) FROM audit_log a WHERE a.action = 'run.record'
          AND NOT EXISTS (SELECT 1 FROM runs WHERE 'run:' || uuid = a.entity)
        """) == 0)
    // Every node has its row, and every row its node.
    for (kind, table) in [("run", "runs"), ("model_version", "model_versions"), ("artifact", "artifacts")] {
      #expect(
        try db.scalarInt("SELECT count(*) FROM nodes WHERE kind = ?", [.text(kind)])
          == db.scalarInt("SELECT count(*) FROM \(table)"))
    }
    // Each alias event has its audit entry, in the same order, naming the same target.
    let events = try db.query(
      """
      SELECT e.action, v.version FROM alias_events e JOIN model_versions v ON v.id = e.to_version_id
      WHERE e.alias = 'production' ORDER BY e.id
      """
    ) { "\($0.string(0)) \($0.int(1))" }
    let audited = try db.query(
      """
      SELECT substr(action, 7), json_extract(details, '$.to') FROM audit_log
      WHERE action IN ('model.promote', 'model.rollback') ORDER BY id
      """
    ) { "\($0.string(0)) \($0.int(1))" }
    #expect(events == audited)
  }

  static func seconds(_ duration: Duration) -> TimeInterval {
    TimeInterval(duration.components.seconds)
      + TimeInterval(duration.components.attoseconds) / 1e18
  }
}
