/// The history of one metric of a run: how many points were logged and what they spanned.
public struct MetricHistory: Sendable, Equatable {
  public let key: String
  /// Points logged, and how many of them were NaN.
  public let count: Int
  public let nanCount: Int
  /// Over the points that are not NaN (±Infinity included); `nil` when all were NaN.
  public let min: Double?
  public let max: Double?
  /// The earliest and latest points (by step, then time); NaN when that point was NaN.
  public let first: Double?
  public let last: Double?

  public init(
    key: String, count: Int, nanCount: Int, min: Double?, max: Double?, first: Double?, last: Double?
  ) {
    self.key = key
    self.count = count
    self.nanCount = nanCount
    self.min = min
    self.max = max
    self.first = first
    self.last = last
  }
}
