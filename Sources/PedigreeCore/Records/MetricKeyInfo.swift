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
