import Foundation
import PedigreeTestSupport
import Testing

@testable import PedigreeSQLite

/// Chunk format 2 (`ChunkCodec`): exact round trips whatever the points, the compact layouts where
/// they apply, format 1 still read, and damaged bytes refused rather than misread or crashed on.
@Suite struct ChunkCodecTests {
  static let specials: [Double] = [
    .nan, .infinity, -.infinity, -0.0, 0.0, .leastNonzeroMagnitude, -.greatestFiniteMagnitude, 0.1,
    .leastNormalMagnitude, 1,
  ]

  /// Sorts and deduplicates into a history, as the writer hands points to the codec.
  static func history(_ points: [ChunkPoint]) -> [ChunkPoint] {
    var sorted: [ChunkPoint] = []
    for point in points.sorted(by: ChunkPoint.precedes) where sorted.last != point { sorted.append(point) }
    return sorted
  }

  static func decode(_ bytes: [UInt8], count: Int? = nil, minStep: Int64? = nil, maxStep: Int64? = nil)
    throws -> [ChunkPoint]
  {
    try bytes.withUnsafeBytes { raw in
      try ChunkCodec.decode(raw, count: count ?? 1, minStep: minStep ?? 0, maxStep: maxStep ?? 0)
    }
  }

  static func roundTrip(_ points: [ChunkPoint]) throws -> (bytes: [UInt8], decoded: [ChunkPoint]) {
    let bytes = ChunkCodec.encode(points[...])
    let decoded = try decode(
      bytes, count: points.count, minStep: points.first!.step, maxStep: points.last!.step)
    return (bytes, decoded)
  }

  /// Same points bit for bit (== compares values by bit pattern, NaN canonical).
  static func exact(_ a: [ChunkPoint], _ b: [ChunkPoint]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0 == $1 }
  }

  @Test func randomHistoriesRoundTripExactly() throws {
    var generator = SeededGenerator(seed: 0xF0_2A7)
    for round in 0..<400 {
      let count = [1, 2, 3, 100, Int.random(in: 1...300, using: &generator), ChunkCodec.maximumPoints][
        round % 6]
      let stepRange: ClosedRange<Int64> = round % 5 == 0 ? (.min / 2)...(.max / 2) : 0...Int64(count / 3 + 1)
      let points = (0..<count).map { _ in
        ChunkPoint(
          step: Int64.random(in: stepRange, using: &generator),
          timestamp: round % 3 == 0 ? 7 : Int64.random(in: -5...1_800_000_000_000, using: &generator),
          value: Bool.random(using: &generator)
            ? Self.specials.randomElement(using: &generator)!
            : Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator)))
      }
      let history = Self.history(points)
      let (bytes, decoded) = try Self.roundTrip(history)
      #expect(bytes[0] == 2)
      #expect(Self.exact(decoded, history), "round \(round)")
    }
  }

  @Test func extremeProgressionsWrapAndComeBackExactly() throws {
    for (start, stride) in [(Int64.min, Int64.max), (Int64.max - 10, 1), (0, 0), (-3, 1 << 40)] {
      let points = (0..<3).map {
        ChunkPoint(step: start &+ Int64($0) &* stride, timestamp: Int64.min &+ Int64($0), value: -0.0)
      }
      guard Self.history(points) == points else { continue }
      let (bytes, decoded) = try Self.roundTrip(points)
      #expect(bytes[1] & ChunkCodec.stepsAreProgression != 0)
      #expect(Self.exact(decoded, points))
    }
  }

  @Test func aTrainingCurveIsColumnsOfTwoProgressionsAndPackedValues() throws {
    let points = (0..<100).map { step in
      ChunkPoint(step: Int64(step), timestamp: 1_800_000_000_000, value: 2.3 * exp(-Double(step) / 25) + 0.1)
    }
    let (bytes, decoded) = try Self.roundTrip(points)
    #expect(Self.exact(decoded, points))
    #expect(
      bytes[1] == ChunkCodec.stepsAreProgression | ChunkCodec.timesAreProgression | ChunkCodec.valuesArePacked
    )
    // Format 1 took 10 bytes a point here (1 of step delta, 1 of time delta, 8 of value).
    #expect(bytes.count < 8 * 100)
  }

  @Test func incompressibleValuesStayRawAndIrregularStepsStayDeltas() throws {
    let values: [Double] = [1, -1e300, .nan, 5e-324, .infinity]
    let points = zip([0, 1, 5, 6, 100], values).map {
      ChunkPoint(step: Int64($0), timestamp: Int64($0) * 3 + 1, value: $1)
    }
    let (bytes, decoded) = try Self.roundTrip(points)
    #expect(bytes[1] == 0)
    #expect(Self.exact(decoded, points))
    // Deltas as zigzag varints (94 and 282 take two bytes), then 8 bytes a value.
    #expect(bytes.count == 2 + 6 + 6 + 5 * 8)
  }

  /// Format 1, as schema 5–9 binaries wrote it (bytes from `pedigree run record` at commit
  /// 1d26d55): steps 0…4 and 10 at one time, NaN, ±Infinity, -0.0, 0.0 and the least double.
  @Test func formatOneChunksReadAsBefore() throws {
    let hex =
      "01008083FB9BC468000000000000F87F0200000000000000F07F0200000000000000F0FF"
      + "02000000000000000080020000000000000000000C000100000000000000"
    let bytes = stride(from: 0, to: hex.count, by: 2).map {
      UInt8(hex.dropFirst($0).prefix(2), radix: 16)!
    }
    let points = try Self.decode(bytes, count: 6, minStep: 0, maxStep: 10)
    #expect(points.map(\.step) == [0, 1, 2, 3, 4, 10])
    #expect(Set(points.map(\.timestamp)).count == 1)
    #expect(points[0].value.isNaN && points[1].value == .infinity && points[2].value == -.infinity)
    #expect(points[3].value.bitPattern == (-0.0).bitPattern && points[4].value.bitPattern == 0)
    #expect(points[5].value == .leastNonzeroMagnitude)
    #expect(throws: ChunkDamage.self) { try Self.decode(bytes, count: 5, minStep: 0, maxStep: 10) }
    #expect(throws: ChunkDamage.self) {
      try Self.decode(Array(bytes.dropLast()), count: 6, minStep: 0, maxStep: 10)
    }
  }

  /// Every truncation, every extra byte, every layout or width the encoder never writes, and a
  /// row that describes other points is refused; no single flipped bit crashes the decoder.
  @Test func damagedChunksAreRefused() throws {
    // No NaN here: a flipped payload bit of a NaN reads back as the same (canonical) NaN.
    let curve = (0..<50).map { ChunkPoint(step: Int64($0), timestamp: 9, value: 1 + 1 / Double($0 + 2)) }
    let irregular = [
      ChunkPoint(step: 0, timestamp: 5, value: 1), ChunkPoint(step: 0, timestamp: 6, value: .infinity),
      ChunkPoint(step: 7, timestamp: 2, value: -2),
    ]
    for points in [curve, irregular] {
      let bytes = ChunkCodec.encode(points[...])
      let (count, first, last) = (points.count, points.first!.step, points.last!.step)
      func refused(_ damaged: [UInt8], count: Int = count, minStep: Int64 = first, maxStep: Int64 = last)
        -> Bool
      {
        (try? Self.decode(damaged, count: count, minStep: minStep, maxStep: maxStep)) == nil
      }
      for length in 0..<bytes.count { #expect(refused(Array(bytes.prefix(length)))) }
      #expect(refused(bytes + [0]))
      #expect(
        refused(bytes, count: count + 1) && refused(bytes, minStep: first - 1)
          && refused(bytes, maxStep: last + 1))
      for format: UInt8 in [0, 3, 255] { #expect(refused([format] + bytes.dropFirst())) }
      #expect(refused([bytes[0], bytes[1] | 8] + bytes.dropFirst(2)))
      for index in bytes.indices {
        for bit in 0..<8 {
          var flipped = bytes
          flipped[index] ^= 1 << bit
          if let decoded = try? Self.decode(flipped, count: count, minStep: first, maxStep: last) {
            #expect(!Self.exact(decoded, points))
          }
        }
      }
    }
    // Packed values: padding bits must be zero and the width at most 56.
    let packed = ChunkCodec.encode(curve[...])
    #expect(packed[1] & ChunkCodec.valuesArePacked != 0)
    let widthOffset = 2 + 2 + 2
    #expect(Int(packed[widthOffset]) < ChunkCodec.maximumPackedWidth)
    var wide = packed
    wide[widthOffset] = 57
    #expect(throws: ChunkDamage.self) { try Self.decode(wide, count: 50, minStep: 0, maxStep: 49) }
    if (49 * Int(packed[widthOffset])) % 8 != 0 {
      var padded = packed
      padded[padded.count - 1] |= 0x80
      #expect(throws: ChunkDamage.self) { try Self.decode(padded, count: 50, minStep: 0, maxStep: 49) }
    }
  }
}
