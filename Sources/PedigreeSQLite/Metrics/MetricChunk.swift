import PedigreeCore

/// One point of a metric's history as a chunk stores it: step, time in milliseconds and the value
/// exactly (NaN canonical, ±Infinity and -0.0 as they are).
struct ChunkPoint: Equatable {
  var step: Int64
  var timestamp: Int64
  var value: Double

  init(step: Int64, timestamp: Int64, value: Double) {
    self.step = step
    self.timestamp = timestamp
    self.value = value.isNaN ? .nan : value
  }

  init(_ point: MetricPoint) {
    self.init(step: point.step, timestamp: point.timestamp.milliseconds, value: point.value)
  }

  func metricPoint(key: String) -> MetricPoint {
    MetricPoint(key: key, value: value, step: step, timestamp: Timestamp(milliseconds: timestamp))
  }

  /// The history's order: step, then time, then value as the row-per-point layout ordered it
  /// (by number, NaN as 0.0 just after a real 0.0), -0.0 before 0.0. A strict total order on
  /// points: equal under it means the same point, which a history holds once.
  @inline(__always)
  static func precedes(_ a: ChunkPoint, _ b: ChunkPoint) -> Bool {
    if a.step != b.step { return a.step < b.step }
    if a.timestamp != b.timestamp { return a.timestamp < b.timestamp }
    let (x, xNaN) = a.value.isNaN ? (0.0, true) : (a.value, false)
    let (y, yNaN) = b.value.isNaN ? (0.0, true) : (b.value, false)
    if x != y { return x < y }
    if xNaN != yNaN { return yNaN }
    return a.value.sign == .minus && b.value.sign == .plus && !xNaN
  }

  /// Same step and timestamp and the same value bit for bit (NaN is canonical).
  static func == (a: ChunkPoint, b: ChunkPoint) -> Bool {
    a.step == b.step && a.timestamp == b.timestamp && a.value.bitPattern == b.value.bitPattern
  }
}

/// A chunk whose bytes do not decode to the points its row describes.
struct ChunkDamage: Error {}
