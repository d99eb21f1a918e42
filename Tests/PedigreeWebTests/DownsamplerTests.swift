import Foundation
import PedigreeTestSupport
import Testing

@testable import PedigreeWeb

@Suite struct DownsamplerTests {
  /// A noisy series with a spike up and a dip down somewhere in the middle.
  static func series(_ count: Int, seed: UInt64 = 7) -> [(x: Double, y: Double)] {
    var random = SeededGenerator(seed: seed)
    return (0..<count).map { index in
      var y = sin(Double(index) / 50) + Double.random(in: -0.1...0.1, using: &random)
      if index == count / 3 { y = 40 }
      if index == count / 2 { y = -30 }
      return (Double(index), y)
    }
  }

  @Test func keepsFirstLastMinimumAndMaximumWithinTheTarget() {
    for count in [10, 801, 1000, 20_000, 100_003] {
      for target in [5, 50, 800] {
        let values = Self.series(count)
        let (points, _) = Downsampler.downsample(values, target: target)
        #expect(points.count <= max(target, 5), "count \(count) target \(target): \(points.count) points")
        #expect(points.first?.index == 0)
        #expect(points.last?.index == count - 1)
        let ys = values.map(\.y)
        #expect(points.contains { $0.y == ys.max() }, "the maximum of \(count) points is kept")
        #expect(points.contains { $0.y == ys.min() }, "the minimum of \(count) points is kept")
        #expect(points.map(\.index) == points.map(\.index).sorted(), "points stay in history order")
        #expect(Set(points.map(\.index)).count == points.count, "no point twice")
      }
    }
  }

  @Test func aShortHistoryIsKeptWhole() {
    let values = Self.series(300)
    let (points, marks) = Downsampler.downsample(values, target: 800)
    #expect(points.count == 300)
    #expect(points.map(\.y) == values.map(\.y))
    #expect(marks.marks.isEmpty)
  }

  @Test func reachesTheTargetOnALongHistory() {
    let (points, _) = Downsampler.downsample(Self.series(20_000), target: 800)
    #expect(points.count >= 790 && points.count <= 800, "\(points.count) points")
  }

  @Test func nanBreaksTheLineAndIsMarked() {
    var values = Self.series(5_000)
    for index in 2_000..<2_010 { values[index].y = .nan }
    values[4_000].y = .infinity
    values[4_500].y = -.infinity
    let (points, marks) = Downsampler.downsample(values, target: 200)
    #expect(!points.contains { !$0.y.isFinite }, "no unplottable point is drawn")
    #expect(marks.counts[.nan] == 10)
    #expect(marks.counts[.positiveInfinity] == 1)
    #expect(marks.counts[.negativeInfinity] == 1)
    #expect(marks.marks.contains { $0.kind == .nan && $0.x == 2_000 })
    #expect(marks.marks.filter { $0.kind == .nan }.count <= 2, "NaNs in one bucket are one mark")
    #expect(marks.marks.contains { $0.kind == .positiveInfinity && $0.x == 4_000 })
    // Points before and after the NaN run are in different line pieces.
    let before = points.last { $0.index < 2_000 }!
    let after = points.first { $0.index >= 2_010 }!
    #expect(before.gap != after.gap)
    #expect(points.first!.gap == 0)
  }

  @Test func streamingEqualsTheArrayForm() {
    let values = Self.series(12_345)
    var sampler = Downsampler(count: values.count, target: 300)
    for value in values { sampler.add(x: value.x, y: value.y) }
    #expect(sampler.finish() == Downsampler.downsample(values, target: 300).points)
  }

  @Test func allNaNDrawsNothing() {
    let values = (0..<1000).map { (x: Double($0), y: Double.nan) }
    let (points, marks) = Downsampler.downsample(values, target: 100)
    #expect(points.isEmpty)
    #expect(marks.counts[.nan] == 1000)
  }
}
