import Foundation
import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

@testable import PedigreeQuery

/// The trait of a test of SQLite itself (its query plans, its triggers' SQL): not run in the
/// PostgreSQL pass (`TestBackend`).
let sqliteOnly = ConditionTrait.enabled(
  if: TestBackend.underTest == .sqlite, "a test of SQLite's own behaviour, not run in the PostgreSQL pass")

/// Builds registries for the query tests through the public write API: every write is made by a
/// named author under a pinned clock (`at:` is milliseconds after `epoch`), as a user's would be,
/// so the same test body can later run against another backend or over HTTP.
///
/// Shapes the write API cannot make (a model without versions, a run inserted behind Pedigree's
/// back, edited rows) are in the "Behind Pedigree's back" section, in raw SQL.
final class Fixture {
  let directory = TemporaryDirectory("pedigree-query")
  let registry: SQLiteRegistry
  /// The registry's location: `reg.db` in the test's directory, or a PostgreSQL database's URL
  /// in the PostgreSQL pass (`TestBackend`).
  let path: String
  var queries: Queries { Queries(registry) }

  /// 2030-01-01T00:00:00Z: fixture times are offsets from here.
  static let epoch: Int64 = 1_893_456_000_000

  /// The registry is created by `test` at the epoch.
  init() throws {
    path = try TestBackend.location(file: directory.file("reg.db"))
    registry = try SQLiteRegistry.open(path: path, access: .create(by: Fixture.author("test", at: 0)))
  }

  static func time(_ offset: Int64) -> Timestamp { Timestamp(milliseconds: epoch + offset) }

  static func digest(_ seed: String) -> String { Digest.sha256(Array(seed.utf8)) }

  /// `actor` with the clock pinned at `offset` after the epoch.
  static func author(_ actor: String, at offset: Int64) -> Author {
    Author(actor, clock: { Fixture.time(offset) })
  }

  /// The writes of `actor` at `offset` after the epoch.
  func writer(_ actor: String = "ana", at offset: Int64 = 0) -> SQLiteWriter {
    registry.writing(as: Fixture.author(actor, at: offset))
  }

  /// The node a ref names now.
  func node(_ ref: Ref) throws -> NodeRef { try registry.resolve(ref) }

  /// `ref`'s node as a ref again, for the write API.
  static func ref(_ node: NodeRef) throws -> Ref { try Ref.parse(node.typedRef) }

  // MARK: Through the write API

  /// Version `version` of dataset `name` as the fixture registers it: at
  /// `s3://data/NAME/VERSION`, 1000 bytes, with `digest` (default: the digest of `NAME@VERSION`).
  static func datasetInput(_ name: String, _ version: Int, digest: String? = nil) -> DatasetInput {
    DatasetInput(
      name: name, uri: "s3://data/\(name)/\(version)", digest: digest ?? Fixture.digest("\(name)@\(version)"),
      sizeBytes: 1000)
  }

  /// Registers the next version of a dataset (`version` must be that next number: the registry
  /// numbers versions, the test names the one it expects).
  @discardableResult
  func dataset(_ name: String, _ version: Int, digest: String? = nil, at: Int64 = 0) throws -> NodeRef {
    let registered = try writer(at: at).registerDataset(
      Fixture.datasetInput(name, version, digest: digest)
    ).value
    try #require(registered.version == version, "\(name) is at version \(registered.version)")
    return try node(.dataset(name: name, selector: .version(version)))
  }

  /// Records a finished run (`run record`) by ana at `at`, ending a minute later: params, metric
  /// points `(key, step, value)` stamped `at + step`, input nodes and outputs, with one audit entry.
  @discardableResult
  func trainingRun(
    _ name: String, experiment: String = "fraud", params: [String: String] = [:],
    metrics: [(String, Int64, Double)] = [], inputs: [NodeRef] = [], outputs: [RunOutput] = [],
    gitCommit: String? = nil, at: Int64 = 0
  ) throws -> NodeRef {
    let start = RunStart(
      experiment: experiment, name: name, status: .finished, startedAt: Fixture.time(at),
      endedAt: Fixture.time(at + 60_000),
      code: CodeVersion(
        gitCommit: gitCommit, repo: "git@example.com:risk/fraud.git", entryPoint: "train.py"),
      params: params.sorted { $0.key < $1.key }.map { KeyValue($0.key, $0.value) },
      inputs: try inputs.map { .ref(try Fixture.ref($0)) })
    let log = RunLog(
      metrics: metrics.map { key, step, value in
        MetricPoint(key: key, value: value, step: step, timestamp: Fixture.time(at + step))
      },
      outputs: outputs)
    let recorded = try writer(at: at).record(RunDocument(start: start, log: log))
    return try node(.run(recorded.run.uuid))
  }

  /// The artifacts the fixture made, by node id, so a model version can name one again.
  private var artifacts: [Int64: ArtifactInput] = [:]

  /// Logs an output artifact (`file:///models/NAME`, 18 234 bytes) on `run` at `at`.
  @discardableResult
  func artifact(_ name: String, from run: NodeRef, digest: String, at: Int64 = 0) throws -> NodeRef {
    let input = ArtifactInput(name: name, uri: "file:///models/\(name)", digest: digest, sizeBytes: 18234)
    try writer(at: at).logRun(try Fixture.ref(run), RunLog(outputs: [.artifact(input)]))
    let outputs = try queries.runShow(run).outputs.map(\.ref).filter { $0.kind == .artifact }
    let artifact = try #require(outputs.max { $0.id < $1.id }, "no artifact logged on \(run)")
    artifacts[artifact.id] = input
    return artifact
  }

  /// Registers version `version` of `name` from `run` (and its output `artifact`), described as
  /// `NAME vVERSION`, by `by` at `at`.
  @discardableResult
  func modelVersion(
    _ name: String, _ version: Int, run: NodeRef, artifact: NodeRef?, at: Int64, by: String = "ana"
  ) throws -> NodeRef {
    let registration = ModelRegistration(
      model: name, run: try Fixture.ref(run), artifact: try artifact.map { try #require(artifacts[$0.id]) },
      description: "\(name) v\(version)")
    let registered = try writer(by, at: at).registerModel(registration).value
    try #require(registered.version == version, "\(name) is at version \(registered.version)")
    return try node(.model(name: name, selector: .version(version)))
  }

  /// Points `alias` at `version` (`model promote`).
  func promote(
    _ version: NodeRef, to alias: String, at: Int64, by actor: String = "bob", reason: String? = nil
  ) throws {
    _ = try writer(actor, at: at).promote(try Fixture.ref(version), to: alias, reason: reason)
  }

  func deprecate(_ version: NodeRef, at: Int64, reason: String, by actor: String = "carol") throws {
    _ = try writer(actor, at: at).deprecate(try Fixture.ref(version), reason: reason)
  }

  // MARK: Behind Pedigree's back (raw SQL: shapes the write API cannot make)

  var database: Database { registry.database }

  /// Runs SQL on the registry's file directly: tampering, and what db check must then report.
  func tamper(_ sql: String, _ arguments: [SQLValue] = []) throws {
    try database.run(sql, arguments)
  }

  /// A model with no versions (the write API creates a model with its first version).
  @discardableResult
  func model(_ name: String, at: Int64) throws -> Int64 {
    try database.insertReturningID(
      "INSERT INTO models(name, created_at, created_by) VALUES (?, ?, 'ana')",
      [.text(name), .integer(Fixture.epoch + at)])
  }

  /// A finished run inserted without the audit entry every write appends.
  func unrecordedRun(_ name: String, experiment: String = "fraud", at: Int64) throws -> NodeRef {
    try tamper(
      "INSERT INTO experiments(name, created_at) VALUES (?, ?) ON CONFLICT(name) DO NOTHING",
      [.text(experiment), .integer(Fixture.epoch + at)])
    let id = try database.insertReturningID("INSERT INTO nodes(kind) VALUES ('run')")
    let uuid = String(Fixture.digest("run-\(name)").dropFirst(7).prefix(32))
    try tamper(
      """
      INSERT INTO runs(id, uuid, experiment_id, name, status, started_at, ended_at, actor)
      VALUES (?, ?, (SELECT id FROM experiments WHERE name = ?), ?, 'finished', ?, ?, 'mallory')
      """,
      [
        .integer(id), .text(uuid), .text(experiment), .text(name), .integer(Fixture.epoch + at),
        .integer(Fixture.epoch + at + 60_000),
      ])
    return NodeRef(kind: .run, id: id, name: uuid)
  }

  /// The `detail` column of `EXPLAIN QUERY PLAN` for `sql`.
  func plan(_ sql: String, _ arguments: [SQLValue] = []) throws -> [String] {
    try database.query("EXPLAIN QUERY PLAN " + sql, arguments) { $0.string(3) }
  }
}

/// The realistic registry most tests read, written in time order through the write API:
///
/// ```
/// raw@1 → prep → transactions@1 ┐
///                 labels@1 ──────┼→ runA → model-a.onnx → fraud@1   (runA → fraud@1 too)
///                 labels@1 ──────┼→ runB → model-b.onnx → fraud@2
///         transactions@2 ────────┘
/// ```
/// At 0 ana registers raw@1, records prep (which outputs transactions@1), registers
/// transactions@2 and labels@1; runA at 500 (its artifact at 900); fraud@1 at 1 000 (ana);
/// production → v1 at 2 000 (bob); runB at 2 500 (artifact at 2 900); fraud@2 at 3 000 (dan);
/// staging → v2 (dan) and production v1 → v2 (bob) at 4 000; v1 deprecated at 5 000 (carol).
///
/// Its audit log, one entry per write:
///
/// | id | action           | entity                 | actor | at    |
/// |----|------------------|------------------------|-------|-------|
/// | 1  | registry.create  | registry               | test  | 0     |
/// | 2  | dataset.register | dataset:raw@1          | ana   | 0     |
/// | 3  | run.record       | run:<prep>             | ana   | 0     |
/// | 4  | dataset.register | dataset:transactions@2 | ana   | 0     |
/// | 5  | dataset.register | dataset:labels@1       | ana   | 0     |
/// | 6  | run.record       | run:<runA>             | ana   | 500   |
/// | 7  | run.log          | run:<runA>             | ana   | 900   |
/// | 8  | model.register   | model:fraud@1          | ana   | 1 000 |
/// | 9  | model.promote    | model:fraud@production | bob   | 2 000 |
/// | 10 | run.record       | run:<runB>             | ana   | 2 500 |
/// | 11 | run.log          | run:<runB>             | ana   | 2 900 |
/// | 12 | model.register   | model:fraud@2          | dan   | 3 000 |
/// | 13 | model.promote    | model:fraud@staging    | dan   | 4 000 |
/// | 14 | model.promote    | model:fraud@production | bob   | 4 000 |
/// | 15 | model.deprecate  | model:fraud@1          | carol | 5 000 |
struct Registry1 {
  let fixture: Fixture
  let raw, transactions1, transactions2, labels: NodeRef
  let prep, runA, runB, artifactA, artifactB, fraud1, fraud2: NodeRef

  init() throws {
    let f = try Fixture()
    fixture = f
    raw = try f.dataset("raw", 1)
    prep = try f.trainingRun(
      "prep", experiment: "etl", inputs: [raw], outputs: [.dataset(Fixture.datasetInput("transactions", 1))])
    transactions1 = try f.node(.dataset(name: "transactions", selector: .version(1)))
    transactions2 = try f.dataset("transactions", 2)
    labels = try f.dataset("labels", 1)
    runA = try f.trainingRun(
      "xgb-a", params: ["lr": "0.01", "max_depth": "6", "optimizer": "adam"],
      metrics: [("auc", 0, 0.8), ("auc", 1, 0.9), ("loss", 0, 0.5), ("loss", 1, .nan)],
      inputs: [transactions1, labels], gitCommit: "9f2c1e7", at: 500)
    artifactA = try f.artifact("model-a.onnx", from: runA, digest: Fixture.digest("a"), at: 900)
    fraud1 = try f.modelVersion("fraud", 1, run: runA, artifact: artifactA, at: 1_000)
    try f.promote(fraud1, to: "production", at: 2_000, by: "bob", reason: "first release")
    runB = try f.trainingRun(
      "xgb-b", params: ["lr": "0.02", "max_depth": "6", "batch": "128"],
      metrics: [("auc", 0, 0.93), ("loss", 0, 0.4), ("f1", 0, .infinity)],
      inputs: [transactions2, labels], gitCommit: "a1b2c3d", at: 2_500)
    artifactB = try f.artifact("model-b.onnx", from: runB, digest: Fixture.digest("b"), at: 2_900)
    fraud2 = try f.modelVersion("fraud", 2, run: runB, artifact: artifactB, at: 3_000, by: "dan")
    try f.promote(fraud2, to: "staging", at: 4_000, by: "dan")
    try f.promote(fraud2, to: "production", at: 4_000, by: "bob", reason: "better auc")
    try f.deprecate(fraud1, at: 5_000, reason: "label leak")
  }

  var queries: Queries { fixture.queries }
}
