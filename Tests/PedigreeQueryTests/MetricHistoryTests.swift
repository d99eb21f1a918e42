import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

@testable import PedigreeQuery

@Suite struct MetricHistoryTests {
  /// Writes the history of `run` in `format` and returns the text.
  func history(_ r: Registry1, _ run: NodeRef, keys: [String] = [], _ format: MetricHistoryFormat)
    throws -> String
  {
    var text = ""
    try r.queries.writeMetricHistory(of: run, keys: keys, format: format) { text += $0 }
    return text
  }

  @Test func everyPointInStepOrderWithExactValues() throws {
    let r = try Registry1()
    try r.fixture.writer(at: 6_000).logRun(
      .run(r.runB.name),
      RunLog(metrics: [
        MetricPoint(key: "loss", value: -.infinity, step: 2, timestamp: Fixture.time(6_000)),
        MetricPoint(key: "loss", value: -0.0, step: 1, timestamp: Fixture.time(6_000)),
        MetricPoint(key: "loss", value: .nan, step: 1, timestamp: Fixture.time(5_000)),
        MetricPoint(key: "loss", value: 0.1 + 0.2, step: 3, timestamp: Fixture.time(6_000)),
      ]))
    let csv = try history(r, r.runB, keys: ["loss"], .csv).split(separator: "\n").map(String.init)
    let t = { (offset: Int64) in Fixture.time(offset).iso8601 }
    #expect(
      csv == [
        "key,step,timestamp,value", "loss,0,\(t(2_500)),0.4", "loss,1,\(t(5_000)),NaN",
        "loss,1,\(t(6_000)),-0.0", "loss,2,\(t(6_000)),-Infinity",
        "loss,3,\(t(6_000)),0.30000000000000004",
      ])
    let json = try JSONValue.parse(try history(r, r.runB, .json))
    #expect(json["ref"] == .string(r.runB.typedRef))
    guard case .array(let points)? = json["points"] else {
      Issue.record("no points array")
      return
    }
    #expect(
      points.map { $0["key"] } == [.string("auc"), .string("f1")]
        + Array(repeating: .string("loss"), count: 5))
    #expect(points[1]["value"] == .string("Infinity") && points[3]["value"] == .string("NaN"))
    #expect(points[5]["value"] == .string("-Infinity") && points[2]["step"] == .integer(0))
    let table = try history(r, r.runB, keys: ["f1", "auc"], .table).split(separator: "\n")
    #expect(table.count == 3 && table[0].hasPrefix("KEY") && table[2].hasSuffix("Infinity"))
  }

  /// Every format's exact text, line by line: columns aligned in the table (the widest key and
  /// step, times with or without milliseconds), a key quoted in CSV, one JSON object a line.
  @Test func eachFormatsLinesAreExact() throws {
    let r = try Registry1()
    let run = try r.fixture.writer(at: 7_000).startRun(RunStart(experiment: "formats"))
    try r.fixture.writer(at: 7_000).logRun(
      .run(run.uuid),
      RunLog(metrics: [
        MetricPoint(key: "val loss", value: 1.5, step: 12_345, timestamp: Timestamp(milliseconds: 1_000)),
        MetricPoint(key: "val loss", value: .infinity, step: 7, timestamp: Timestamp(milliseconds: 2_005)),
        MetricPoint(key: "z", value: -2, step: 0, timestamp: Timestamp(milliseconds: 0)),
      ]))
    let node = NodeRef(kind: .run, id: run.id, name: run.uuid)
    #expect(
      try history(r, node, .table).split(separator: "\n", omittingEmptySubsequences: false) == [
        "KEY        STEP  TIMESTAMP                 VALUE",
        "val loss      7  1970-01-01T00:00:02.005Z  Infinity",
        "val loss  12345  1970-01-01T00:00:01Z      1.5",
        "z             0  1970-01-01T00:00:00Z      -2.0",
        "",
      ])
    #expect(
      try history(r, node, .csv)
        == "key,step,timestamp,value\nval loss,7,1970-01-01T00:00:02.005Z,Infinity\n"
        + "val loss,12345,1970-01-01T00:00:01Z,1.5\nz,0,1970-01-01T00:00:00Z,-2.0\n")
    #expect(
      try history(r, node, .json)
        == "{\n  \"ref\": \"run:\(run.uuid)\",\n  \"points\": [\n"
        + #"    {"key":"val loss","step":7,"timestamp":"1970-01-01T00:00:02.005Z","value":"Infinity"},"#
        + "\n"
        + #"    {"key":"val loss","step":12345,"timestamp":"1970-01-01T00:00:01.000Z","value":1.5},"# + "\n"
        + #"    {"key":"z","step":0,"timestamp":"1970-01-01T00:00:00.000Z","value":-2}"# + "\n  ]\n}\n")
  }

  @Test func unknownKeysNameTheKnownOnesAndNothingIsWritten() throws {
    let r = try Registry1()
    var text = ""
    let error = expectError(.notFound) {
      try r.queries.writeMetricHistory(of: r.runA, keys: ["auc", "nope"], format: .csv) { text += $0 }
    }
    #expect(error?.hint?.contains("auc, loss") == true && text.isEmpty)
    expectError(.usage) { try r.queries.writeMetricHistory(of: r.fraud1, format: .csv) { _ in } }
    #expect(try history(r, r.prep, .json) == "{\n  \"ref\": \"\(r.prep.typedRef)\",\n  \"points\": []\n}\n")
  }
}
