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

  public init(
    id: Int64, uuid: String, experiment: String, name: String?, status: String,
    startedAt: Timestamp, endedAt: Timestamp?, actor: String, code: CodeVersion
  ) {
    self.id = id
    self.uuid = uuid
    self.experiment = experiment
    self.name = name
    self.status = status
    self.startedAt = startedAt
    self.endedAt = endedAt
    self.actor = actor
    self.code = code
  }
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

/// The latest point of one metric of a run (highest step, then latest timestamp).
public struct LatestMetric: Sendable {
  public let key: String
  /// The value; NaN and ±Infinity as they were logged.
  public let value: Double
  public let step: Int64
  public let timestamp: Timestamp

  public init(key: String, value: Double, step: Int64, timestamp: Timestamp) {
    self.key = key
    self.value = value
    self.step = step
    self.timestamp = timestamp
  }
}

extension LatestMetric: JSONConvertible {
  public var json: JSONValue {
    .object([
      "key": .string(key), "value": .metric(value), "step": .integer(step),
      "timestamp": .time(timestamp),
    ])
  }
}
