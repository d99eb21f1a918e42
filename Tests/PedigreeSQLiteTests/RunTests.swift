import Foundation
import PedigreeTestSupport
import Testing

@testable import PedigreeCore
@testable import PedigreeSQLite

@Suite struct RunTests {
  @Test func paramsAreImmutable() throws {
    let fixture = try Fixture()
    let run = try fixture.writer.startRun(RunStart(params: [KeyValue("lr", "0.01")]))
    try fixture.writer.logRun(.run(run.uuid), RunLog(params: [KeyValue("lr", "0.01")]))
    let auditBefore = try fixture.count("audit_log")
    let error = expectError(.refused) {
      try fixture.writer.logRun(
        .run(run.uuid),
        RunLog(
          params: [KeyValue("depth", "6"), KeyValue("lr", "0.02")],
          metrics: [MetricPoint(key: "loss", value: 1)]))
    }
    #expect(error?.message.contains("lr") == true)
    #expect(try fixture.count("params") == 1, "the whole log is rolled back, depth included")
    #expect(try fixture.metricPointCount() == 0)
    #expect(try fixture.count("audit_log") == auditBefore)
    #expect(
      try fixture.registry.database.scalarString("SELECT value FROM params WHERE key = 'lr'") == "0.01")
  }

  /// Params go in up to 32 rows per statement: a changed one in a later group is still named,
  /// and a retry of all of them (repeats included) changes nothing.
  @Test func manyParamsInsertInGroupsAndStayImmutable() throws {
    let fixture = try Fixture()
    let params = (0..<70).map { KeyValue("p\($0)", "v\($0)") }
    let run = try fixture.writer.startRun(RunStart(params: params + [params[3]]))
    #expect(try fixture.count("params") == 70)
    let audit = try fixture.count("audit_log")
    #expect(try fixture.writer.logRun(.run(run.uuid), RunLog(params: params.reversed())).changed == false)
    var changed = params + [KeyValue("new", "1")]
    changed[50] = KeyValue("p50", "other")
    let error = expectError(.refused) { try fixture.writer.logRun(.run(run.uuid), RunLog(params: changed)) }
    #expect(error?.message.contains("p50") == true)
    #expect(try fixture.count("params") == 70)
    #expect(try fixture.count("audit_log") == audit)
  }

  @Test func paramsCannotBeUpdatedBehindPedigreesBack() throws {
    let fixture = try Fixture()
    let run = try fixture.writer.startRun(RunStart(params: [KeyValue("lr", "0.01")]))
    try fixture.writer.logRun(.run(run.uuid), RunLog(metrics: [MetricPoint(key: "m", value: 1)]))
    #expect(throws: SQLiteError.self) {
      try fixture.registry.database.execute("UPDATE params SET value = '0.5'")
    }
    #expect(throws: SQLiteError.self) {
      try fixture.registry.database.execute("DELETE FROM metric_chunks")
    }
  }

  @Test func nanAndInfinitiesRoundTripExactly() throws {
    let fixture = try Fixture()
    let run = try fixture.writer.startRun(RunStart())
    let values: [Double] = [
      .nan, .infinity, -.infinity, 0.1, -1e-300, .greatestFiniteMagnitude, -0.0, 0.0,
      .leastNonzeroMagnitude,
    ]
    try fixture.writer.logRun(
      .run(run.uuid),
      RunLog(metrics: values.enumerated().map { MetricPoint(key: "m", value: $1, step: Int64($0)) }))
    var stored: [Double] = []
    try fixture.registry.forEachMetricPoint(runID: run.id, key: "m") { stored.append($0.value) }
    #expect(stored.count == values.count)
    for (read, written) in zip(stored, values) {
      #expect(read.bitPattern == written.bitPattern || (read.isNaN && written.isNaN))
    }
    try fixture.writer.logRun(
      .run(run.uuid), RunLog(metrics: [MetricPoint(key: "n", value: .nan, step: 9)]))
    #expect(
      try fixture.registry.database.queryFirst("SELECT value FROM latest_metrics WHERE key = 'n'") {
        $0.isNull(0)
      } == true)
  }

  @Test func latestMetricIsHighestStepThenLatestTime() throws {
    let fixture = try Fixture()
    let run = try fixture.writer.startRun(RunStart())
    let t = Timestamp(milliseconds: 1_000_000)
    try fixture.writer.logRun(
      .run(run.uuid),
      RunLog(metrics: [
        MetricPoint(key: "auc", value: 0.5, step: 2, timestamp: t),
        MetricPoint(key: "auc", value: 0.9, step: 1, timestamp: Timestamp(milliseconds: 2_000_000)),
      ]))
    try fixture.writer.logRun(
      .run(run.uuid),
      RunLog(metrics: [
        MetricPoint(key: "auc", value: 0.7, step: 2, timestamp: Timestamp(milliseconds: 1_500_000))
      ]))
    try fixture.writer.logRun(
      .run(run.uuid), RunLog(metrics: [MetricPoint(key: "auc", value: 0.1, step: 0, timestamp: t)]))
    #expect(
      try fixture.registry.database.queryFirst("SELECT value FROM latest_metrics") { $0.double(0) } == 0.7)
    #expect(try fixture.metricPointCount() == 4)
  }

  @Test func endingARunTwice() throws {
    let fixture = try Fixture()
    let run = try fixture.writer.startRun(RunStart())
    #expect(try fixture.writer.endRun(.run(run.uuid), status: .failed))
    #expect(try fixture.writer.endRun(.run(run.uuid), status: .failed) == false)
    expectError(.refused) { try fixture.writer.endRun(.run(run.uuid), status: .finished) }
  }

  @Test func runIDPrefixes() throws {
    let fixture = try Fixture()
    let run = try fixture.writer.startRun(RunStart())
    #expect(try fixture.registry.resolve(.run(String(run.uuid.prefix(6)))).id == run.id)
    expectError(.usage) { try Ref.parse("run:abc") }
    expectError(.notFound) { try fixture.registry.resolve(.run("ffffffffffff0000")) }
  }

  @Test func datasetDigestIsIdempotent() throws {
    let fixture = try Fixture()
    let digest = Digest.sha256(Array("rows".utf8))
    let first = try fixture.writer.registerDataset(DatasetInput(name: "tx", uri: "s3://a", digest: digest))
    let again = try fixture.writer.registerDataset(DatasetInput(name: "tx", uri: "s3://b", digest: digest))
    #expect(first.changed && !again.changed)
    #expect(again.value.ref == "tx@1")
    let noDigest = try fixture.writer.registerDataset(DatasetInput(name: "tx", uri: "s3://a"))
    let noDigestAgain = try fixture.writer.registerDataset(DatasetInput(name: "tx", uri: "s3://a"))
    #expect(noDigest.value.version == 2 && noDigestAgain.value.version == 3)
    expectError(.usage) { try fixture.writer.registerDataset(DatasetInput(name: "-bad", uri: "x")) }
    expectError(.usage) {
      try fixture.writer.registerDataset(DatasetInput(name: "tx", uri: "x", digest: "md5:00"))
    }
    expectError(.usage) {
      try fixture.writer.registerDataset(DatasetInput(name: "tx", uri: "x", sizeBytes: -1))
    }
  }
}
