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

/// The binary form of a chunk's points (the `points` column of `metric_chunks`).
///
/// A format byte (1), then for each point, in history order: the step and the time as
/// zigzag varints of their difference from the previous point's (the first from 0), and the value
/// as its 8-byte IEEE 754 bit pattern, little-endian, so every double (NaN, ±Infinity, -0.0) reads
/// back exactly. A history of evenly spaced steps logged at one time costs 10 bytes a point.
enum ChunkCodec {
  static let format: UInt8 = 1
  /// The most points one chunk holds: a larger write is split, so reading holds at most this
  /// many decoded points per chunk it merges.
  static let maximumPoints = 8192

  /// Encodes points already in history order, without duplicates.
  static func encode(_ points: ArraySlice<ChunkPoint>) -> [UInt8] {
    var bytes: [UInt8] = [format]
    bytes.reserveCapacity(1 + points.count * 11 + 8)
    var step: Int64 = 0
    var time: Int64 = 0
    for point in points {
      appendVarint(zigzag(point.step &- step), to: &bytes)
      appendVarint(zigzag(point.timestamp &- time), to: &bytes)
      var bits = point.value.bitPattern.littleEndian
      withUnsafeBytes(of: &bits) { bytes.append(contentsOf: $0) }
      step = point.step
      time = point.timestamp
    }
    return bytes
  }

  /// Decodes a chunk, checking it against its row: `count` points, steps within
  /// `minStep...maxStep`, in strict history order.
  ///
  /// - Throws: `ChunkDamage` when the bytes are not such a chunk (a row edited behind Pedigree's
  ///   back, or a damaged file).
  static func decode(
    _ bytes: UnsafeRawBufferPointer, count: Int, minStep: Int64, maxStep: Int64
  ) throws(ChunkDamage) -> [ChunkPoint] {
    guard bytes.count >= 1, bytes[0] == format, count >= 1, count <= maximumPoints else {
      throw ChunkDamage()
    }
    var points: [ChunkPoint] = []
    points.reserveCapacity(count)
    var offset = 1
    var step: Int64 = 0
    var time: Int64 = 0
    while offset < bytes.count {
      step = step &+ unzigzag(try readVarint(bytes, &offset))
      time = time &+ unzigzag(try readVarint(bytes, &offset))
      guard offset + 8 <= bytes.count else { throw ChunkDamage() }
      var bits: UInt64 = 0
      for index in 0..<8 { bits |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
      offset += 8
      let point = ChunkPoint(step: step, timestamp: time, value: Double(bitPattern: bits))
      if let previous = points.last, !ChunkPoint.precedes(previous, point) { throw ChunkDamage() }
      points.append(point)
    }
    guard points.count == count, points.first?.step == minStep, points.last?.step == maxStep else {
      throw ChunkDamage()
    }
    return points
  }

  private static func zigzag(_ value: Int64) -> UInt64 {
    UInt64(bitPattern: (value << 1) ^ (value >> 63))
  }

  private static func unzigzag(_ value: UInt64) -> Int64 {
    Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
  }

  private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  @inline(__always)
  private static func readVarint(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int) throws(ChunkDamage)
    -> UInt64
  {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while offset < bytes.count {
      let byte = bytes[offset]
      offset += 1
      value |= UInt64(byte & 0x7f) << shift
      if byte < 0x80 { return value }
      shift += 7
      if shift > 63 { break }
    }
    throw ChunkDamage()
  }
}

/// A chunk whose bytes do not decode to the points its row describes.
struct ChunkDamage: Error {}
