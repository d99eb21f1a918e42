/// The binary form of a chunk's points (the `points` column of `metric_chunks`).
///
/// Format 2, written by binaries after commit 1d26d55 (columns, then values):
///
/// - a format byte (2) and a layout byte: bit 0 set when the steps are an arithmetic
///   progression, bit 1 when the times are, bit 2 when the values are packed; no other bit;
/// - the steps: for a progression, the first step and the stride as zigzag varints; otherwise
///   each step as a zigzag varint of its difference from the previous one's (the first from 0);
/// - the times in milliseconds, the same way;
/// - the values, raw: each as its 8-byte IEEE 754 bit pattern, little-endian; packed: a width
///   byte `w` (0…56), the first value's 8 bytes, then for each later value the difference of its
///   bit pattern from the previous one's (as unsigned 64-bit integers, wrapping) in zigzag form,
///   in `w` bits (its higher bits are 0), packed least significant bit first, the last byte
///   padded with zero bits. Either way NaN, ±Infinity and -0.0 read back exactly.
///
/// The bit patterns of doubles of one sign order like their values, so neighbouring values of a
/// curve (a loss, an accuracy) have small differences even across a power of two, where their
/// XOR would have every exponent bit set: a curve of 100 steps logged at one time costs about
/// 6.5 bytes a point. Format 1 (schema
/// 5–9) is decoded as before: per point, the step and time deltas as zigzag varints, then the
/// value's 8 bytes.
enum ChunkCodec {
  static let format: UInt8 = 2
  /// The most points one chunk holds: a larger write is split, so reading holds at most this
  /// many decoded points per chunk it merges.
  static let maximumPoints = 8192

  /// Layout bits of format 2.
  static let stepsAreProgression: UInt8 = 1
  static let timesAreProgression: UInt8 = 2
  static let valuesArePacked: UInt8 = 4
  /// The widest difference a packed chunk stores: wider, raw values are about as small.
  static let maximumPackedWidth = 56

  /// Encodes points already in history order, without duplicates, in format 2.
  static func encode(_ points: ArraySlice<ChunkPoint>) -> [UInt8] {
    var bytes: [UInt8] = [format, 0]
    bytes.reserveCapacity(16 + points.count * 8)
    var layout: UInt8 = 0
    if ChunkBytes.appendColumn(points.lazy.map(\.step), to: &bytes) { layout |= stepsAreProgression }
    if ChunkBytes.appendColumn(points.lazy.map(\.timestamp), to: &bytes) { layout |= timesAreProgression }
    if ChunkBytes.appendValues(points.lazy.map(\.value.bitPattern), to: &bytes) { layout |= valuesArePacked }
    bytes[1] = layout
    return bytes
  }

  /// Decodes a chunk of either format, checking it against its row: `count` points, steps
  /// within `minStep...maxStep`, in strict history order, every byte accounted for.
  ///
  /// - Throws: `ChunkDamage` when the bytes are not such a chunk (a row edited behind Pedigree's
  ///   back, or a damaged file).
  static func decode(
    _ bytes: UnsafeRawBufferPointer, count: Int, minStep: Int64, maxStep: Int64
  ) throws(ChunkDamage) -> [ChunkPoint] {
    guard bytes.count >= 1, count >= 1, count <= maximumPoints else { throw ChunkDamage() }
    var reader = ChunkBytes.Reader(bytes, offset: 1)
    let points: [ChunkPoint]
    switch bytes[0] {
    case 1: points = try decodeFormat1(&reader)
    case 2: points = try decodeFormat2(&reader, count: count)
    default: throw ChunkDamage()
    }
    guard points.count == count, points.first?.step == minStep, points.last?.step == maxStep else {
      throw ChunkDamage()
    }
    for index in points.indices.dropFirst() where !ChunkPoint.precedes(points[index - 1], points[index]) {
      throw ChunkDamage()
    }
    return points
  }

  private static func decodeFormat1(_ reader: inout ChunkBytes.Reader) throws(ChunkDamage) -> [ChunkPoint] {
    var points: [ChunkPoint] = []
    var step: Int64 = 0
    var time: Int64 = 0
    while !reader.isAtEnd {
      guard points.count < maximumPoints else { throw ChunkDamage() }
      step = step &+ (try reader.zigzag())
      time = time &+ (try reader.zigzag())
      points.append(ChunkPoint(step: step, timestamp: time, value: Double(bitPattern: try reader.word())))
    }
    return points
  }

  private static func decodeFormat2(_ reader: inout ChunkBytes.Reader, count: Int) throws(ChunkDamage)
    -> [ChunkPoint]
  {
    let layout = try reader.byte()
    guard layout & ~(stepsAreProgression | timesAreProgression | valuesArePacked) == 0 else {
      throw ChunkDamage()
    }
    let steps = try reader.column(count: count, progression: layout & stepsAreProgression != 0)
    let times = try reader.column(count: count, progression: layout & timesAreProgression != 0)
    let values = try reader.values(count: count, packed: layout & valuesArePacked != 0)
    guard reader.isAtEnd else { throw ChunkDamage() }
    return (0..<count).map {
      ChunkPoint(step: steps[$0], timestamp: times[$0], value: Double(bitPattern: values[$0]))
    }
  }
}
