import Foundation
import PedigreeCore
import PedigreeSQLite
import Testing

/// Editing history behind Pedigree's back, with SQL through SQLite's own API: the append-only
/// triggers refuse it; a tamperer who drops them (and even puts them back afterwards) is caught by
/// `pedigree db check`, which names the entry or the trigger (PRODUCT.md, "Audit log").
@Suite(sqliteOnly) struct TamperTests {
  /// A registry with a recorded run (params, metrics), two model versions and three alias moves.
  static func registry() throws -> CLI {
    let cli = try CLI.initialized()
    let run = try cli.ok(
      "run", "record", "-",
      input: #"{"name": "r", "params": {"lr": "0.01"}, "metrics": {"auc": 0.9, "loss": [[0, 1], [1, 0.5]]}}"#)
    for version in 1...2 {
      let file = try cli.write("m\(version).bin", "weights \(version)")
      try cli.ok("model", "register", "fraud", "--run", run, "--artifact", file)
      try cli.ok("model", "promote", "fraud@\(version)", "--to", "production")
    }
    try cli.ok("model", "rollback", "fraud", "--reason", "regression")
    return cli
  }

  @Test(arguments: [
    (
      "UPDATE metric_chunks SET points = x'01' WHERE key_id = (SELECT id FROM metric_keys WHERE key = 'auc')",
      "metric history is append-only"
    ),
    ("DELETE FROM metric_chunks", "metric history is append-only"),
    ("UPDATE params SET value = '0.02'", "params are immutable"),
    ("DELETE FROM alias_events WHERE id = 2", "alias_events is append-only"),
    ("UPDATE alias_events SET to_version_id = to_version_id + 1", "alias_events is append-only"),
    ("UPDATE audit_log SET actor = 'mallory' WHERE id = 3", "audit_log is append-only"),
    ("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)", "audit_log is append-only"),
    ("DELETE FROM edges", "lineage edges are append-only"),
    ("DELETE FROM model_versions WHERE version = 2", "model versions are never deleted"),
    ("UPDATE model_versions SET artifact_digest = NULL", "can only be deprecated"),
  ])
  func triggersRefuseEdits(sql: String, refusal: String) throws {
    let cli = try Self.registry()
    let before = cli.snapshot()
    let db = try cli.openDatabase()
    let error = #expect(throws: SQLiteError.self) { try db.execute(sql) }
    #expect(error?.isConstraint == true, "\(sql): \(String(describing: error))")
    #expect(error?.message.contains(refusal) == true, "\(sql): \(String(describing: error))")
    #expect(cli.snapshot() == before)
    try cli.ok("db", "check")
  }

  /// A tampering: SQL run with the named triggers dropped (and, when `restore`, created again
  /// exactly as they were, so the schema looks untouched), and what `db check` must then say.
  struct Tampering: CustomTestStringConvertible, Sendable {
    let name: String
    let dropping: [String]
    let restore: Bool
    let sql: String
    let finding: String
    var testDescription: String { name }
  }

  /// auc's one point (0.9) made 0.99: its chunk's last 8 bytes, the value, replaced with
  /// 0.99's (0x3FEFAE147AE147AE, little-endian), so the chunk still decodes.
  static let editAUC = """
    UPDATE metric_chunks
    SET points = CAST(substr(points, 1, length(points) - 8) || x'AE47E17A14AEEF3F' AS BLOB)
    WHERE key_id = (SELECT id FROM metric_keys WHERE key = 'auc')
    """

  static let tamperings = [
    Tampering(
      name: "edit a metric", dropping: ["metric_chunks_no_update"], restore: false,
      sql: Self.editAUC, finding: "trigger metric_chunks_no_update is missing"),
    Tampering(
      name: "edit a metric, restore the trigger", dropping: ["metric_chunks_no_update"], restore: true,
      sql: Self.editAUC, finding: "its params or metric points differ from what audit entry 2 recorded"),
    Tampering(
      name: "damage a metric chunk, restore the trigger", dropping: ["metric_chunks_no_update"],
      restore: true,
      sql:
        "UPDATE metric_chunks SET points = x'01ff' WHERE key_id = (SELECT id FROM metric_keys WHERE key = 'loss')",
      finding: "metric points differ"),
    Tampering(
      name: "delete a metric's points, restore the trigger", dropping: ["metric_chunks_no_delete"],
      restore: true,
      sql: "DELETE FROM metric_chunks WHERE key_id = (SELECT id FROM metric_keys WHERE key = 'loss')",
      finding: "metric points differ"),
    Tampering(
      name: "change a param, restore the trigger", dropping: ["params_no_update"], restore: true,
      sql: "UPDATE params SET value = '0.5'", finding: "metric points differ"),
    Tampering(
      name: "forge a run", dropping: [], restore: false,
      sql: """
        INSERT INTO nodes(kind) VALUES ('run');
        INSERT INTO runs(id, uuid, experiment_id, status, started_at, actor)
        VALUES (last_insert_rowid(), printf('%032x', 4242), 1, 'finished', 0, 'mallory');
        """, finding: "no audit entry records its creation"),
    Tampering(
      name: "slip in metric points of no run", dropping: [], restore: false,
      sql: """
        PRAGMA foreign_keys = OFF;
        INSERT INTO metric_chunks(run_id, key_id, count, min_step, max_step, points)
        VALUES (999999, 1, 1, 0, 0, x'0100000000000000000000f03f');
        """,
      finding: "refers to a missing row of runs"),
    Tampering(
      name: "delete an alias event", dropping: ["alias_events_no_delete"], restore: false,
      sql: "DELETE FROM alias_events WHERE id = 2", finding: "trigger alias_events_no_delete is missing"),
    Tampering(
      name: "delete an alias event, restore the trigger", dropping: ["alias_events_no_delete"],
      restore: true, sql: "DELETE FROM alias_events WHERE id = 2", finding: "alias event 2"),
    Tampering(
      name: "retarget an alias event, restore the trigger", dropping: ["alias_events_no_update"],
      restore: true,
      sql: "UPDATE alias_events SET to_version_id = (SELECT max(id) FROM model_versions) WHERE id = 3",
      finding: "alias event 3"),
    Tampering(
      name: "rewrite an audit entry", dropping: ["audit_log_no_update"], restore: false,
      sql: "UPDATE audit_log SET actor = 'mallory' WHERE id = 3", finding: "audit entry 3: altered"),
    Tampering(
      name: "rewrite an audit entry, restore the trigger", dropping: ["audit_log_no_update"], restore: true,
      sql: #"UPDATE audit_log SET details = '{"params":0}' WHERE id = 2"#, finding: "audit entry 2: altered"),
    Tampering(
      name: "delete an audit entry, restore the trigger", dropping: ["audit_log_no_delete"], restore: true,
      sql: "DELETE FROM audit_log WHERE id = 4", finding: "audit entry 4: missing"),
    Tampering(
      name: "delete the last audit entry, restore the trigger", dropping: ["audit_log_no_delete"],
      restore: true, sql: "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)",
      finding: "alias event 3"),
    Tampering(
      name: "forge an audit entry", dropping: [], restore: false,
      sql: """
        INSERT INTO audit_log(id, at, actor, action, entity, details, prev_hash, hash)
        SELECT max(id) + 1, max(at), 'mallory', 'model.deprecate', 'model:fraud@1', '{}', 'x', 'y'
        FROM audit_log
        """, finding: "was forged"),
  ]

  @Test(arguments: tamperings)
  func dbCheckFindsTampering(_ tampering: Tampering) throws {
    let cli = try Self.registry()
    let db = try cli.openDatabase()
    let triggers = try tampering.dropping.map { name in
      try db.scalarString("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [.text(name)])
        ?? ""
    }
    for name in tampering.dropping { try db.execute("DROP TRIGGER \(name)") }
    try db.execute(tampering.sql)
    if tampering.restore { for sql in triggers { try db.execute(sql) } }
    let result = try cli.run("db", "check")
    #expect(result.status == 65, "\(result.stdout) \(result.stderr)")
    #expect(result.errorLine != nil, "\(result.stderr)")
    #expect((result.stdout + result.stderr).contains(tampering.finding), "\(result.stdout)")
  }
}
