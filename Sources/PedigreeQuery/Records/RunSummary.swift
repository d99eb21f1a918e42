import PedigreeCore
import PedigreeSQLite

extension CodeVersion: JSONConvertible {
  public var json: JSONValue {
    .object([
      "git_commit": .optional(gitCommit), "repo": .optional(repo),
      "entry_point": .optional(entryPoint),
    ])
  }
}

/// A run's own attributes (no params, metrics or lineage).
public struct RunSummary: Hashable, Sendable {
  /// The run's node id.
  public let id: Int64
  /// The run id users see: 32 hex digits.
  public let uuid: String
  public let experiment: String
  public let name: String?
  public let status: String
  public let startedAt: Timestamp
  public let endedAt: Timestamp?
  public let actor: String
  public let code: CodeVersion
}

extension RunSummary: JSONConvertible {
  public var json: JSONValue {
    .object([
      "run_id": .string(uuid), "experiment": .string(experiment), "name": .optional(name),
      "status": .string(status), "started_at": .time(startedAt), "ended_at": .time(endedAt),
      "actor": .string(actor), "code": code.json,
    ])
  }
}

extension RunSummary {
  /// The runs as a table: id, experiment, name, status, started, actor.
  public static func table(_ runs: [RunSummary]) -> TextTable {
    TextTable(
      ["RUN", "EXPERIMENT", "NAME", "STATUS", "STARTED", "ACTOR"],
      rows: runs.map {
        [
          Format.shortRunID($0.uuid), $0.experiment, Format.text($0.name), $0.status,
          $0.startedAt.iso8601, $0.actor,
        ]
      })
  }

  static let columns = """
    r.id, r.uuid, x.name, r.name, r.status, r.started_at, r.ended_at, r.actor, r.git_commit,
    r.git_repo, r.entry_point
    """
  static let from = "runs r JOIN experiments x ON x.id = r.experiment_id"

  init(row: Row) {
    self.init(
      id: row.int64(0), uuid: row.string(1), experiment: row.string(2), name: row.optionalString(3),
      status: row.string(4), startedAt: Timestamp(milliseconds: row.int64(5)),
      endedAt: row.optionalInt64(6).map(Timestamp.init(milliseconds:)), actor: row.string(7),
      code: CodeVersion(
        gitCommit: row.optionalString(8), repo: row.optionalString(9),
        entryPoint: row.optionalString(10)))
  }
}

/// The latest point of one metric of a run (highest step, then latest timestamp).
public struct LatestMetric: Sendable {
  public let key: String
  /// The value; NaN and ±Infinity as they were logged.
  public let value: Double
  public let step: Int64
  public let timestamp: Timestamp
}

extension LatestMetric: JSONConvertible {
  public var json: JSONValue {
    .object([
      "key": .string(key), "value": .metric(value), "step": .integer(step),
      "timestamp": .time(timestamp),
    ])
  }
}

extension Queries {
  /// The run with this node id.
  func runSummary(id: Int64) throws -> RunSummary {
    guard
      let run = try database.queryFirst(
        "SELECT \(RunSummary.columns) FROM \(RunSummary.from) WHERE r.id = ?", [.integer(id)],
        RunSummary.init(row:))
    else { throw PedigreeError.notFound("no run with node id \(id)") }
    return run
  }

  /// A run's params, by key.
  func params(runID: Int64) throws -> [(key: String, value: String)] {
    try database.query(
      "SELECT key, value FROM params WHERE run_id = ? ORDER BY key", [.integer(runID)]
    ) { (key: $0.string(0), value: $0.string(1)) }
  }

  /// A run's tags, by key.
  func tags(runID: Int64) throws -> [(key: String, value: String)] {
    try database.query(
      "SELECT key, value FROM run_tags WHERE run_id = ? ORDER BY key", [.integer(runID)]
    ) { (key: $0.string(0), value: $0.string(1)) }
  }

  /// A run's latest metric points, by key (a NULL value is NaN).
  func latestMetrics(runID: Int64) throws -> [LatestMetric] {
    try database.query(
      "SELECT key, value, step, timestamp FROM latest_metrics WHERE run_id = ? ORDER BY key",
      [.integer(runID)]
    ) {
      LatestMetric(
        key: $0.string(0), value: $0.optionalDouble(1) ?? .nan, step: $0.int64(2),
        timestamp: Timestamp(milliseconds: $0.int64(3)))
    }
  }
}
