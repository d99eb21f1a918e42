import PedigreeCore
import Testing

@testable import PedigreeSQLite

/// `PreparedHistory` keeps a history that is in order and free of duplicates as it is, and sorts
/// and dedupes any other; `grouped` gathers a key's points wherever they appear in the write.
@Suite struct PreparedHistoryTests {
  private func point(_ key: String, _ step: Int64, _ value: Double, at time: Int64 = 0) -> MetricPoint {
    MetricPoint(key: key, value: value, step: step, timestamp: Timestamp(milliseconds: time))
  }

  @Test func keysInterleavedAreGatheredInTheOrderTheyFirstAppear() {
    let points = [
      point("b", 0, 1), point("b", 1, 2), point("a", 0, 3), point("b", 2, 4), point("c", 0, 5),
      point("a", 1, 6),
    ]
    let groups = PreparedHistory.grouped(points)
    #expect(groups.map(\.key) == ["b", "a", "c"])
    #expect(groups.map { $0.points.map(\.value) } == [[1, 2, 4], [3, 6], [5]])
  }

  @Test func anyOrderAndDuplicatesComeOutInHistoryOrderOnce() throws {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<200 {
      let steps = (0..<Int.random(in: 1...40, using: &generator)).map { _ in
        ChunkPoint(
          step: Int64.random(in: 0...9, using: &generator),
          timestamp: Int64.random(in: 0...2, using: &generator),
          value: [0.0, -0.0, 1, .nan, .infinity].randomElement(using: &generator)!)
      }
      let history = try #require(PreparedHistory(key: "m", kept: steps))
      var expected: [ChunkPoint] = []
      for point in steps.sorted(by: ChunkPoint.precedes) where point != expected.last {
        expected.append(point)
      }
      #expect(history.points == expected)
      #expect(zip(history.points, history.points.dropFirst()).allSatisfy { ChunkPoint.precedes($0, $1) })
    }
    let ordered = (0..<5).map { ChunkPoint(step: Int64($0), timestamp: 0, value: Double($0)) }
    #expect(PreparedHistory(key: "m", kept: ordered)?.points == ordered)
  }
}
