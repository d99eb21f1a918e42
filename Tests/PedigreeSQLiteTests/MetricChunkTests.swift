import Foundation
import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

/// Metric histories in `metric_chunks`: appends in any order merge back into step order, exact
/// values, retries that add nothing, pages, and a digest over the points whatever their chunks.
@Suite struct MetricChunkTests {
  static let specials: [Double] = [
    .nan, .infinity, -.infinity, -0.0, 0.0, .leastNonzeroMagnitude, -.greatestFiniteMagnitude, 0.1,
  ]

  /// Random points of key `key`: steps and times in small ranges, so they collide and interleave.
  static func points(_ count: Int, key: String = "m", using generator: inout SeededGenerator)
    -> [MetricPoint]
  {
    (0..<count).map { _ in
      let value =
        Bool.random(using: &generator)
        ? specials.randomElement(using: &generator)! : Double.random(in: -10...10, using: &generator)
      return MetricPoint(
        key: key, value: value, step: Int64.random(in: 0..<50, using: &generator),
        timestamp: Timestamp(milliseconds: 1_800_000_000_000 + Int64.random(in: 0..<5, using: &generator)))
    }
  }

  /// The history a set of points makes: step, time, then value order (NaN just after 0.0, -0.0
  /// before 0.0), each distinct point once.
  static func history(_ points: [MetricPoint]) -> [String] {
    func rank(_ value: Double) -> (Double, Int, Int) {
      value.isNaN ? (0, 1, 1) : (value, 0, value.sign == .minus ? 0 : 1)
    }
    let sorted = points.sorted {
      ($0.step, $0.timestamp.milliseconds) != ($1.step, $1.timestamp.milliseconds)
        ? ($0.step, $0.timestamp.milliseconds) < ($1.step, $1.timestamp.milliseconds)
        : rank($0.value) < rank($1.value)
    }
    var seen = Set<String>()
    return sorted.map(describe).filter { seen.insert($0).inserted }
  }

  static func describe(_ point: MetricPoint) -> String {
    "\(point.key) \(point.step) \(point.timestamp.milliseconds) "
      + (point.value.isNaN ? "NaN" : String(point.value.bitPattern, radix: 16))
  }

  static func stored(_ fixture: Fixture, _ run: RunHandle, key: String = "m") throws -> [String] {
    var points: [String] = []
    try fixture.registry.forEachMetricPoint(runID: run.id, key: key) { points.append(describe($0)) }
    return points
  }

  @Test func batchesInAnyOrderMergeIntoOneExactHistory() throws {
    let fixture = try Fixture()
    let run = try fixture.writer.startRun(RunStart())
    var generator = SeededGenerator(seed: 0xC4A1)
    var all: [MetricPoint] = []
    for size in [1, 7, 1, 40, 3, 1, 120, 1, 1, 25] {
      let batch = Self.points(size, using: &generator)
      all += batch
      try fixture.writer.logMetrics(.run(run.uuid), batch)
    }
    let expected = Self.history(all)
    #expect(try Self.stored(fixture, run) == expected)
    let info = try #require(try fixture.registry.metricKeys(runID: run.id).first)
    #expect(info.count == expected.count)
    #expect(info.minStep == all.map(\.step).min() && info.maxStep == all.map(\.step).max())
    // The digest is over the points: the same history written in one record digests the same.
    let recorded = try fixture.writer.record(
      RunDocument(start: RunStart(status: .finished), log: RunLog(metrics: all)))
    let records = try fixture.registry.runContentDigests()
    let byRun = Dictionary(records.map { ($0.run, $0) }, uniquingKeysWith: { $1 })
    #expect(byRun[run.uuid]?.current == byRun[recorded.run.uuid]?.current)
    #expect(records.allSatisfy { $0.recorded == $0.current })
  }

  @Test func aRetriedBatchAddsNothingAndWritesNoAuditEntry() throws {
    let fixture = try Fixture()
    let run = try fixture.writer.startRun(RunStart())
    var generator = SeededGenerator(seed: 0xBA7C4)
    let batch = Self.points(300, using: &generator)
    #expect(try fixture.writer.logMetrics(.run(run.uuid), batch).changed)
    let entries = try fixture.count("audit_log")
    let chunks = try fixture.count("metric_chunks")
    for retry in [batch, batch.reversed(), Array(batch.prefix(1)), Array(batch.suffix(10))] {
      #expect(try !fixture.writer.logMetrics(.run(run.uuid), retry).changed)
    }
    #expect(try fixture.count("audit_log") == entries && fixture.count("metric_chunks") == chunks)
    // Another time at the same step and value is another point (MLflow keeps both).
    var later = batch[0]
    later.timestamp = Timestamp(milliseconds: later.timestamp.milliseconds + 60_000)
    #expect(try fixture.writer.logMetrics(.run(run.uuid), [later]).changed)
    #expect(try Self.stored(fixture, run) == Self.history(batch + [later]))
  }

  @Test func runLogSkipsAPointWithTheSameStepAndValueWhateverItsTime() throws {
    let fixture = try Fixture()
    let run = try fixture.writer.startRun(RunStart())
    let point = MetricPoint(key: "m", value: 0.5, step: 3, timestamp: Timestamp(milliseconds: 1000))
    try fixture.writer.logRun(.run(run.uuid), RunLog(metrics: [point]))
    var retried = point
    retried.timestamp = Timestamp(milliseconds: 2000)
    #expect(try !fixture.writer.logRun(.run(run.uuid), RunLog(metrics: [retried, retried])).changed)
    // Below the latest step, so the stored chunks are consulted.
    let earlier = MetricPoint(key: "m", value: 0.25, step: 1, timestamp: Timestamp(milliseconds: 3000))
    #expect(try fixture.writer.logRun(.run(run.uuid), RunLog(metrics: [earlier, point])).changed)
    #expect(try Self.stored(fixture, run) == Self.history([point, earlier]))
  }

  @Test func pagesWalkTheWholeHistoryInOrder() throws {
    let fixture = try Fixture()
    let run = try fixture.writer.startRun(RunStart())
    var generator = SeededGenerator(seed: 0x9A6E)
    var all: [MetricPoint] = []
    for size in [30, 1, 12, 50, 2] {
      let batch = Self.points(size, using: &generator)
      all += batch
      try fixture.writer.logMetrics(.run(run.uuid), batch)
    }
    var pages: [[MetricPoint]] = []
    var after: MetricPoint?
    repeat {
      pages.append(try fixture.registry.metricHistoryPage(runID: run.id, key: "m", after: after, limit: 7))
      after = pages.last?.last
    } while pages.last?.count == 7
    #expect(pages.flatMap { $0 }.map(Self.describe) == Self.history(all))
    #expect(pages.dropLast().allSatisfy { $0.count == 7 })
    #expect(try fixture.registry.metricHistoryPage(runID: run.id, key: "none", after: nil, limit: 7).isEmpty)
  }

  @Test(sqliteOnly) func aDamagedChunkIsAnIOErrorNotACrash() throws {
    let fixture = try Fixture()
    let run = try fixture.writer.startRun(RunStart())
    try fixture.writer.logMetrics(.run(run.uuid), [MetricPoint(key: "m", value: 1, step: 0)])
    try fixture.registry.database.execute(
      """
      DROP TRIGGER metric_chunks_no_update;
      UPDATE metric_chunks SET points = x'0102';
      """)
    expectError(.io) { try Self.stored(fixture, run) }
    #expect(try fixture.registry.runContentDigests().allSatisfy { $0.recorded != $0.current })
  }

  @Test func aLargeWriteIsSplitIntoBoundedChunks() throws {
    let fixture = try Fixture()
    let points = (0..<20_000).map {
      MetricPoint(key: "m", value: Double($0) / 7, step: Int64($0), timestamp: Timestamp(milliseconds: 5))
    }
    let run = try fixture.writer.record(
      RunDocument(start: RunStart(status: .finished), log: RunLog(metrics: points))
    ).run
    #expect(try fixture.count("metric_chunks") == 3)
    #expect(try Self.stored(fixture, run) == points.map(Self.describe))
  }
}
