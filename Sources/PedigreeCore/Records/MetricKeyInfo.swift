/// One metric of a run as `run metrics` lists it: its key, how many points it has and the range
/// of its steps (known before the points stream, so a table can size its columns).
public struct MetricKeyInfo: Sendable, Equatable {
  public let key: String
  public let count: Int
  public let minStep: Int64
  public let maxStep: Int64

  public init(key: String, count: Int, minStep: Int64, maxStep: Int64) {
    self.key = key
    self.count = count
    self.minStep = minStep
    self.maxStep = maxStep
  }
}

/// One experiment in `experiment list`: its runs and when anything last happened in it.
public struct ExperimentSummary: Sendable, Equatable {
  public let name: String
  public let createdAt: Timestamp
  public let runCount: Int
  /// The latest start or end of one of its runs; its creation when it has none.
  public let lastActivity: Timestamp

  public init(name: String, createdAt: Timestamp, runCount: Int, lastActivity: Timestamp) {
    self.name = name
    self.createdAt = createdAt
    self.runCount = runCount
    self.lastActivity = lastActivity
  }
}

extension ExperimentSummary: JSONConvertible {
  public var json: JSONValue {
    .object([
      "name": .string(name), "run_count": .int(runCount), "last_activity": .time(lastActivity),
      "created_at": .time(createdAt),
    ])
  }
}
