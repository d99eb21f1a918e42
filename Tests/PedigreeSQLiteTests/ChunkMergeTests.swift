import PedigreeCore
import PedigreeTestSupport
import Testing

@testable import PedigreeSQLite

/// Reading a history holds bounded memory however its chunks overlap: 100,000 single-point
/// chunks at one step read in passes, and the bounded path gives the very history the merge does.
@Suite struct ChunkMergeTests {
  /// A run with one key whose chunks are `chunks`, appended as given (one row each).
  static func history(_ chunks: [[ChunkPoint]]) throws -> (Fixture, runID: Int64, keyID: Int64) {
    let fixture = try Fixture()
    let run = try fixture.writer.startRun(RunStart())
    let database = fixture.registry.database
    let keyID = try database.write {
      let keyID = try database.insertReturningID("INSERT INTO metric_keys(key) VALUES ('m')")
      for points in chunks { try database.appendChunks(runID: run.id, keyID: keyID, points: points) }
      return keyID
    }
    return (fixture, run.id, keyID)
  }

  static func read(
    _ fixture: Fixture, _ runID: Int64, _ keyID: Int64, fromStep: Int64 = .min,
    budget: ChunkReadBudget = .standard
  ) throws -> (points: [ChunkPoint], statistics: ChunkReadStatistics) {
    var points: [ChunkPoint] = []
    let statistics = try fixture.registry.database.forEachStoredPoint(
      runID: runID, keyID: keyID, fromStep: fromStep, budget: budget
    ) {
      points.append($0)
      return true
    }
    return (points, statistics)
  }

  @Test func aHundredThousandSinglePointChunksAtOneStepReadInBoundedPasses() throws {
    let count = 100_000
    // Logged one call per point at step 0, each at its own time, plus a last point at step 1.
    var chunks = (0..<count).map { [ChunkPoint(step: 0, timestamp: Int64(($0 * 7919) % count), value: 0.5)] }
    chunks.append([ChunkPoint(step: 1, timestamp: 0, value: 1)])
    let (fixture, runID, keyID) = try Self.history(chunks)
    let (points, statistics) = try Self.read(fixture, runID, keyID)
    #expect(points.count == count + 1)
    #expect(points.map(\.timestamp).prefix(count) == Array(0..<Int64(count))[...])
    #expect(points.last?.step == 1)
    let budget = ChunkReadBudget.standard
    #expect(statistics.peakPoints <= budget.points + ChunkCodec.maximumPoints)
    #expect(statistics.passes == (count + 1 + budget.points - 1) / budget.points)
    // Reading from a step, and the registry's own paths, see the same.
    #expect(try Self.read(fixture, runID, keyID, fromStep: 1).points.map(\.step) == [1])
    var page = try fixture.registry.metricHistoryPage(runID: runID, key: "m", after: nil, limit: 3)
    #expect(page.map(\.timestamp.milliseconds) == [0, 1, 2])
    page = try fixture.registry.metricHistoryPage(runID: runID, key: "m", after: page.last, limit: 3)
    #expect(page.map(\.timestamp.milliseconds) == [3, 4, 5])
  }

  /// Random overlapping chunks: any budget, however small, gives the merge's history.
  @Test func theBoundedPathGivesTheMergesHistory() throws {
    var generator = SeededGenerator(seed: 0xB0_0D3D)
    var chunks: [[ChunkPoint]] = []
    // A history holds each point once (the writer skips recorded ones), so the chunks are disjoint.
    var seen = Set<String>()
    for _ in 0..<60 {
      let batch = (0..<Int.random(in: 1...40, using: &generator)).map { _ in
        ChunkPoint(
          step: Int64.random(in: 0..<30, using: &generator),
          timestamp: Int64.random(in: 0..<4, using: &generator),
          value: [0.0, -0.0, .nan, 1, .infinity].randomElement(using: &generator)!)
      }.filter { seen.insert("\($0.step) \($0.timestamp) \($0.value.bitPattern)").inserted }
      if !batch.isEmpty { chunks.append(batch.sorted(by: ChunkPoint.precedes)) }
    }
    let (fixture, runID, keyID) = try Self.history(chunks)
    var expected: [ChunkPoint] = []
    for point in chunks.joined().sorted(by: ChunkPoint.precedes) where expected.last != point {
      expected.append(point)
    }
    let merged = try Self.read(fixture, runID, keyID)
    #expect(merged.statistics.passes == 0 && merged.points == expected)
    for budget in [
      ChunkReadBudget(points: 1, chunks: 1), .init(points: 7, chunks: 3), .init(points: 50, chunks: 100),
    ] {
      for fromStep in [Int64.min, 0, 13, 29, 30] {
        let read = try Self.read(fixture, runID, keyID, fromStep: fromStep, budget: budget)
        #expect(read.points == expected.filter { $0.step >= fromStep }, "budget \(budget), from \(fromStep)")
        #expect(read.statistics.peakPoints <= max(budget.points, 40) + 40)
      }
    }
  }
}
