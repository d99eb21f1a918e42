import Foundation
import PedigreeBench
import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

/// The generator and the harness on a tiny workload: they work, they are deterministic, and what
/// they report adds up. No timing is asserted.
@Suite struct BenchTests {
  static let tiny = WorkloadSpec(
    runs: 20, seed: 7, datasets: 3, versionsPerDataset: 2, metricsPerRun: 10, stepsPerMetric: 5,
    models: 2, registerEvery: 5, promotions: 6, rollbacks: 2)

  @Test func theSameSeedGivesTheSameRecords() {
    let one = Workload(Self.tiny)
    let again = Workload(Self.tiny)
    var other = Self.tiny
    other.seed = 8
    #expect(one.record(run: 3) == again.record(run: 3))
    #expect(one.record(run: 3) != Workload(other).record(run: 3))
    #expect(one.aliasOperations() == again.aliasOperations())
  }

  @Test func recordsAreRunDocumentsOfTheSpecifiedShape() throws {
    let workload = Workload(Self.tiny)
    for run in 0..<Self.tiny.runs {
      let document = try RunDocument(json: try JSONValue.parse(workload.record(run: run)))
      #expect(document.start.params.count == 20)
      #expect(document.log.metrics.count == Self.tiny.pointsPerRun)
      #expect(document.start.inputs.count == 2)
      #expect(document.log.outputs.count == 1)
      #expect((document.register != nil) == (workload.registeredModel(run: run) != nil))
    }
    // One grad_norm point in 50 runs is NaN, written as the string "NaN".
    #expect(workload.record(run: 7).contains(#""NaN""#))
  }

  @Test func aliasMovesPromoteAndRollBackEveryModel() {
    let operations = Workload(Self.tiny).aliasOperations()
    let promotions = operations.filter { if case .promote = $0 { true } else { false } }
    #expect(promotions.count == Self.tiny.promotions)
    #expect(operations.count == Self.tiny.promotions + Self.tiny.rollbacks)
    #expect(operations.last?.commandLine.hasPrefix("pedigree model rollback model-") == true)
  }

  @Test func theFileFeedsTheBulkPathWithoutAFailure() throws {
    let scratch = TemporaryDirectory("pedigree-bench-test")
    let directory = scratch.path
    let workload = Workload(Self.tiny)
    let file = try workload.write(to: directory + "/runs.jsonl")
    #expect(file.lines == Self.tiny.runs)
    let figure = try BulkIngest.measure(file: file.path, path: directory + "/bulk.db")
    #expect(figure.records == Self.tiny.runs && figure.failed == 0)
    #expect(figure.metricPoints == Self.tiny.metricPoints)
    _ = try BulkIngest.applyAliasMoves(workload, path: directory + "/bulk.db")
    let floor = try Floor.measure(workload, path: directory + "/floor.db")
    #expect(floor.metricPoints == Self.tiny.metricPoints)
    // The floor inserts the very points the records carry, the one NaN (of run 7) included.
    let floorRows = try SQLiteRegistry.open(path: directory + "/floor.db", access: .read).database.query(
      "SELECT value, is_nan FROM floor_metrics ORDER BY run_id, key_id, step"
    ) { $0.int64(1) == 1 ? Double.nan : $0.double(0) }
    let bulk = try SQLiteRegistry.open(path: directory + "/bulk.db", access: .read)
    var bulkValues: [Double] = []
    for runID in try bulk.database.query("SELECT id FROM runs ORDER BY id", [], { $0.int64(0) }) {
      for key in workload.metricKeys {
        try bulk.forEachMetricPoint(runID: runID, key: key) { bulkValues.append($0.value) }
      }
    }
    #expect(floorRows.count == Self.tiny.metricPoints && floorRows.filter(\.isNaN).count == 1)
    #expect(bulkValues.map(\.bitPattern) == floorRows.map(\.bitPattern))
  }

  @Test func theHarnessMeasuresEverythingOnATinyWorkload() throws {
    let scratch = TemporaryDirectory("pedigree-bench-test")
    // A directory the benchmark creates itself.
    let directory = scratch.file("output")
    var options = BenchmarkOptions()
    options.runs = [20]
    options.outputDirectory = directory
    options.repeats = 1
    options.queryIterations = 3
    options.inProcess = true
    options.benchExecutable = nil
    options.log = { _ in }
    let report = try Benchmark(options).run()
    let scale = try #require(report.scales.first)
    #expect(scale.floor?.metricPoints == 20_000 && scale.bulk?.metricPoints == 20_000)
    #expect((scale.bulkToFloor ?? 0) > 0)
    #expect(scale.queries.count == 8)
    // 20 runs, 20,000 points: each run has 1,000.
    #expect(scale.queries.first { $0.name.hasPrefix("full metric history") }?.meanRows == 1000)
    #expect(scale.queries.allSatisfy { $0.meanRows >= 1 && $0.iterations == 3 })
    #expect(scale.skipped.contains { $0.hasPrefix("CLI ingest") })
    let json = try JSONValue.parse(try report.json())
    #expect(json["scales"] != nil && json["machine"]?["cores"] != nil)
    #expect(report.table().contains("floor: C prepared loop, row per point"))
  }

  @Test func theCommandLineRefusesUnknownFlags() {
    #expect(BenchCommand.main(["--no-such-flag"]) == 1)
    #expect(BenchCommand.main(["--runs", "ten"]) == 1)
  }
}
