import Foundation
import PedigreeCore
import PedigreeSQLite
import Testing

@testable import PedigreeQuery

/// Builds registries for tests with raw SQL, including shapes the write API never makes (cycles).
final class Fixture {
  let registry: SQLiteRegistry
  let path: String
  var database: Database { registry.database }
  var queries: Queries { Queries(registry) }

  /// 2030-01-01T00:00:00Z: fixture times are offsets from here.
  static let epoch: Int64 = 1_893_456_000_000

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("pedigree-query-\(UUID().uuidString).db").path
    registry = try SQLiteRegistry.open(path: path, access: .create(by: Author("test")))
  }

  deinit {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
  }

  static func time(_ offset: Int64) -> Timestamp { Timestamp(milliseconds: epoch + offset) }

  static func digest(_ seed: String) -> String { Digest.sha256(Array(seed.utf8)) }

  func run(_ sql: String, _ arguments: [SQLValue] = []) throws {
    try database.run(sql, arguments)
  }

  func id(_ sql: String, _ arguments: [SQLValue]) throws -> Int64 {
    try #require(try database.scalarInt(sql, arguments))
  }

  func newNode(_ kind: NodeRef.Kind) throws -> Int64 {
    try run("INSERT INTO nodes(kind) VALUES (?)", [.text(kind.rawValue)])
    return database.lastInsertRowID
  }

  func edge(_ src: NodeRef, _ dst: NodeRef, _ relation: String) throws {
    try run(
      "INSERT INTO edges(src, dst, relation) VALUES (?, ?, ?)",
      [.integer(src.id), .integer(dst.id), .text(relation)])
  }

  @discardableResult
  func dataset(_ name: String, _ version: Int, digest: String? = nil, at: Int64 = 0) throws -> NodeRef {
    try run(
      "INSERT OR IGNORE INTO datasets(name, last_version, created_at) VALUES (?, 0, ?)",
      [.text(name), .integer(Fixture.epoch + at)])
    let dataset = try id("SELECT id FROM datasets WHERE name = ?", [.text(name)])
    let node = try newNode(.datasetVersion)
    try run(
      """
      INSERT INTO dataset_versions(id, dataset_id, version, uri, digest, size_bytes, created_at, created_by)
      VALUES (?, ?, ?, ?, ?, 1000, ?, 'ana')
      """,
      [
        .integer(node), .integer(dataset), .integer(Int64(version)), .text("s3://data/\(name)/\(version)"),
        .text(digest ?? Fixture.digest("\(name)@\(version)")), .integer(Fixture.epoch + at),
      ])
    return NodeRef(kind: .datasetVersion, id: node, name: "\(name)@\(version)")
  }

  /// A run with params and metric points `(key, step, value)`; `latest_metrics` is filled in.
  @discardableResult
  func trainingRun(
    _ name: String, experiment: String = "fraud", params: [String: String] = [:],
    metrics: [(String, Int64, Double)] = [], inputs: [NodeRef] = [], gitCommit: String? = nil,
    at: Int64 = 0
  ) throws -> NodeRef {
    try run(
      "INSERT OR IGNORE INTO experiments(name, created_at) VALUES (?, ?)",
      [.text(experiment), .integer(Fixture.epoch)])
    let experimentID = try id("SELECT id FROM experiments WHERE name = ?", [.text(experiment)])
    let node = try newNode(.run)
    let uuid = String(Fixture.digest("run-\(name)").dropFirst(7).prefix(32))
    try run(
      """
      INSERT INTO runs(id, uuid, experiment_id, name, status, started_at, ended_at, git_commit,
        git_repo, entry_point, actor)
      VALUES (?, ?, ?, ?, 'finished', ?, ?, ?, 'git@example.com:risk/fraud.git', 'train.py', 'ana')
      """,
      [
        .integer(node), .text(uuid), .integer(experimentID), .text(name), .integer(Fixture.epoch + at),
        .integer(Fixture.epoch + at + 60_000), SQLValue(gitCommit),
      ])
    let ref = NodeRef(kind: .run, id: node, name: uuid)
    for (key, value) in params.sorted(by: { $0.key < $1.key }) {
      try run(
        "INSERT INTO params(run_id, key, value) VALUES (?, ?, ?)", [.integer(node), .text(key), .text(value)])
    }
    try logMetrics(ref, metrics, at: at)
    for input in inputs { try edge(input, ref, "input") }
    return ref
  }

  func logMetrics(_ run: NodeRef, _ points: [(String, Int64, Double)], at: Int64) throws {
    var latest: [String: (Int64, Double)] = [:]
    for (key, step, value) in points {
      try self.run("INSERT INTO metric_keys(key) VALUES (?) ON CONFLICT(key) DO NOTHING", [.text(key)])
      try self.run(
        """
        INSERT INTO metrics(run_id, key_id, step, timestamp, value, is_nan)
        VALUES (?, (SELECT id FROM metric_keys WHERE key = ?), ?, ?, ?, ?)
        """,
        [
          .integer(run.id), .text(key), .integer(step), .integer(Fixture.epoch + at + step),
          .real(value.isNaN ? 0 : value), .integer(value.isNaN ? 1 : 0),
        ])
      if step >= (latest[key]?.0 ?? Int64.min) { latest[key] = (step, value) }
    }
    for (key, point) in latest {
      try self.run(
        "INSERT INTO latest_metrics(run_id, key, step, timestamp, value) VALUES (?, ?, ?, ?, ?)",
        [
          .integer(run.id), .text(key), .integer(point.0), .integer(Fixture.epoch + at + point.0),
          point.1.isNaN ? .null : .real(point.1),
        ])
    }
  }

  @discardableResult
  func artifact(_ name: String, from run: NodeRef, digest: String, at: Int64 = 0) throws -> NodeRef {
    let node = try newNode(.artifact)
    try self.run(
      "INSERT INTO artifacts(id, name, uri, digest, size_bytes, created_at, created_by) VALUES (?, ?, ?, ?, 18234, ?, 'ana')",
      [
        .integer(node), .text(name), .text("file:///models/\(name)"), .text(digest),
        .integer(Fixture.epoch + at),
      ])
    let ref = NodeRef(kind: .artifact, id: node, name: "artifact:\(node)")
    try edge(run, ref, "output")
    return ref
  }

  @discardableResult
  func model(_ name: String, at: Int64) throws -> Int64 {
    try run(
      "INSERT INTO models(name, created_at, created_by) VALUES (?, ?, 'ana')",
      [.text(name), .integer(Fixture.epoch + at)])
    return database.lastInsertRowID
  }

  @discardableResult
  func modelVersion(
    _ name: String, _ version: Int, run: NodeRef, artifact: NodeRef?, at: Int64, by: String = "ana"
  ) throws -> NodeRef {
    let model = try id("SELECT id FROM models WHERE name = ?", [.text(name)])
    let node = try newNode(.modelVersion)
    let digest =
      try artifact.map {
        try database.scalarString("SELECT digest FROM artifacts WHERE id = ?", [.integer($0.id)])
      } ?? nil
    try self.run(
      """
      INSERT INTO model_versions(id, model_id, version, run_id, artifact_id, artifact_digest,
        description, created_at, created_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .integer(node), .integer(model), .integer(Int64(version)), .integer(run.id), SQLValue(artifact?.id),
        SQLValue(digest), .text("\(name) v\(version)"), .integer(Fixture.epoch + at), .text(by),
      ])
    let ref = NodeRef(kind: .modelVersion, id: node, name: "\(name)@\(version)")
    try edge(run, ref, "source_run")
    if let artifact { try edge(artifact, ref, "source_artifact") }
    return ref
  }

  func moveAlias(
    _ model: String, _ alias: String, to: NodeRef, from: NodeRef? = nil, at: Int64,
    action: String = "promote", actor: String = "bob", reason: String? = nil
  ) throws {
    let modelID = try id("SELECT id FROM models WHERE name = ?", [.text(model)])
    try run(
      """
      INSERT INTO alias_events(model_id, alias, action, from_version_id, to_version_id, actor, reason, at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .integer(modelID), .text(alias), .text(action), SQLValue(from?.id), .integer(to.id), .text(actor),
        SQLValue(reason), .integer(Fixture.epoch + at),
      ])
  }

  func deprecate(_ version: NodeRef, at: Int64, reason: String) throws {
    try run(
      "UPDATE model_versions SET deprecated_at = ?, deprecated_by = 'carol', deprecation_reason = ? WHERE id = ?",
      [.integer(Fixture.epoch + at), .text(reason), .integer(version.id)])
  }

  /// Appends a correctly chained audit entry.
  func audit(
    _ action: String, _ entity: String, actor: String = "ana", at: Int64, details: String? = nil
  ) throws {
    let last = try database.queryFirst("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1") {
      ($0.int64(0), $0.string(1))
    }
    let id = (last?.0 ?? 0) + 1
    let previous = last?.1 ?? AuditChain.genesis
    let time = Fixture.time(at)
    let details = details ?? "{\"n\":\(id)}"
    let hash = AuditChain.hash(
      previous: previous, id: id, at: time, actor: actor, action: action, entity: entity, details: details)
    try run(
      "INSERT INTO audit_log(id, at, actor, action, entity, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      [
        .integer(id), .integer(time.milliseconds), .text(actor), .text(action), .text(entity), .text(details),
        .text(previous), .text(hash),
      ])
  }

  /// The `detail` column of `EXPLAIN QUERY PLAN` for `sql`.
  func plan(_ sql: String, _ arguments: [SQLValue] = []) throws -> [String] {
    try database.query("EXPLAIN QUERY PLAN " + sql, arguments) { $0.string(3) }
  }
}

/// The realistic registry most tests read:
///
/// ```
/// raw@1 → prep → transactions@1 ┐
///                 labels@1 ──────┼→ runA → model-a.onnx → fraud@1   (runA → fraud@1 too)
///                 labels@1 ──────┼→ runB → model-b.onnx → fraud@2
///         transactions@2 ────────┘
/// ```
/// fraud: created at 0, v1 at 1 000, production → v1 at 2 000, v2 at 3 000, staging → v2 and
/// production v1 → v2 at 4 000, v1 deprecated at 5 000.
struct Registry1 {
  let fixture: Fixture
  let raw, transactions1, transactions2, labels: NodeRef
  let prep, runA, runB, artifactA, artifactB, fraud1, fraud2: NodeRef

  init() throws {
    let f = try Fixture()
    fixture = f
    raw = try f.dataset("raw", 1)
    prep = try f.trainingRun("prep", experiment: "etl", inputs: [raw])
    transactions1 = try f.dataset("transactions", 1)
    try f.edge(prep, transactions1, "output")
    transactions2 = try f.dataset("transactions", 2)
    labels = try f.dataset("labels", 1)
    runA = try f.trainingRun(
      "xgb-a", params: ["lr": "0.01", "max_depth": "6", "optimizer": "adam"],
      metrics: [("auc", 0, 0.8), ("auc", 1, 0.9), ("loss", 0, 0.5), ("loss", 1, .nan)],
      inputs: [transactions1, labels], gitCommit: "9f2c1e7", at: 500)
    runB = try f.trainingRun(
      "xgb-b", params: ["lr": "0.02", "max_depth": "6", "batch": "128"],
      metrics: [("auc", 0, 0.93), ("loss", 0, 0.4), ("f1", 0, .infinity)],
      inputs: [transactions2, labels], gitCommit: "a1b2c3d", at: 2_500)
    artifactA = try f.artifact("model-a.onnx", from: runA, digest: Fixture.digest("a"), at: 900)
    artifactB = try f.artifact("model-b.onnx", from: runB, digest: Fixture.digest("b"), at: 2_900)
    try f.model("fraud", at: 0)
    fraud1 = try f.modelVersion("fraud", 1, run: runA, artifact: artifactA, at: 1_000)
    try f.moveAlias("fraud", "production", to: fraud1, at: 2_000, actor: "bob", reason: "first release")
    fraud2 = try f.modelVersion("fraud", 2, run: runB, artifact: artifactB, at: 3_000, by: "dan")
    try f.moveAlias("fraud", "staging", to: fraud2, at: 4_000, actor: "dan")
    try f.moveAlias(
      "fraud", "production", to: fraud2, from: fraud1, at: 4_000, actor: "bob", reason: "better auc")
    try f.deprecate(fraud1, at: 5_000, reason: "label leak")
    try f.audit("model.register", "model:fraud@1", actor: "ana", at: 1_000)
    // The alias moves' entries name their moves, as Pedigree's own entries do (db check compares).
    try f.audit(
      "model.promote", "model:fraud@production", actor: "bob", at: 2_000,
      details: #"{"alias":"production","to":1}"#)
    try f.audit("model.register", "model:fraud@2", actor: "dan", at: 3_000, details: #"{"alias":"staging"}"#)
    try f.audit(
      "model.promote", "model:fraud", actor: "bob", at: 4_000, details: #"{"alias":"production","to":2}"#)
    try f.audit("model.register", "model:fraud-detector@1", actor: "ana", at: 4_500)
    try f.audit("model.deprecate", "model:fraud@1", actor: "carol", at: 5_000)
  }

  var queries: Queries { fixture.queries }
}

extension Registry1 {
  /// Appends the `run.record` entries Pedigree itself writes when it creates a run, with each
  /// run's content digest, so `db check` sees the raw-SQL runs as recorded.
  func recordRunsInAuditLog() throws {
    for run in [prep, runA, runB] {
      let digest = try RunContent.digest(fixture.database, runID: run.id)
      try fixture.audit(
        "run.record", "run:\(run.name)", at: 6_000, details: #"{"content_digest":"\#(digest)"}"#)
    }
  }
}
