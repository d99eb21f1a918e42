import Foundation
import PedigreeCore
import PedigreeSQLite
import Testing

@Suite struct RecordCommandTests {
  static let record = #"""
    {"experiment": "fraud", "name": "xgb", "params": {"lr": "0.01"}, "metrics": {"auc": 0.93, "loss": [[0, 0.7], [1, "NaN"], [2, "-Infinity"]]}, "outputs": [{"artifact": {"name": "model.onnx", "uri": "file:///m.onnx", "digest": "sha256:\#(String(repeating: "c", count: 64))", "size": 10}}], "register": {"model": "fraud", "artifact": "model.onnx", "alias": "staging"}}
    """#

  @Test func oneRecordFromStdinRegistersTheModel() throws {
    let cli = try CLI.initialized()
    // One stdout line per recorded run: its id, then the version it registered.
    let line = try cli.ok("run", "record", "-", input: Self.record)
    #expect(line.split(separator: " ").first?.count == 32 && line.hasSuffix(" fraud@1"))
    let json = try cli.run(
      "run", "record", "-", "--json",
      input: Self.record.replacingOccurrences(of: "\"c", with: "\"d").replacingOccurrences(
        of: "ccc", with: "ddd")
    ).json()
    let recorded = try #require(json.runs.first)
    #expect(recorded["model_version"] == .string("model:fraud@2"))
    #expect(recorded["metric_points"] == .integer(4))
    guard case .string(let runID)? = recorded["run_id"] else {
      Issue.record("no run_id in \(recorded)")
      return
    }
    #expect(recorded["ref"] == .string("run:\(runID)"))
    let first = String(line.prefix(32))
    let nans = try [first, runID].map { run in
      try cli.ok("run", "metrics", run, "--format", "csv").split(separator: "\n").filter {
        $0.hasSuffix(",NaN")
      }.count
    }
    #expect(nans == [1, 1])
    let db = try cli.openDatabase()
    #expect(
      try db.queryFirst("SELECT value FROM latest_metrics WHERE key = 'loss'") { $0.double(0) } == -.infinity)
  }

  @Test func jsonLinesReportsFailedLinesAndExits65() throws {
    let cli = CLI()
    try cli.ok("init")
    let lines = [
      #"{"name": "a", "metrics": {"m": 1}}"#, #"{"name": "b", "metrics": {"m": [1]}}"#,
      #"{"name": "c"#, #"{"name": "d", "inputs": [{"dataset": "nope@1"}]}"#, #"{"name": "e"}"#,
    ].joined(separator: "\n")
    let file = try cli.write("runs.jsonl", lines)
    let result = try cli.run("run", "record", file)
    #expect(result.status == 65)
    // stdout: one line per recorded run, as for a single record; the summary is a note.
    #expect(result.stdout.split(separator: "\n").map(\.count) == [32, 32])
    #expect(result.stderr.contains("recorded 2 of 5 runs") && result.stderr.contains("lines 2, 3, 4"))
    let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
    #expect(errors.count == 3 && errors.allSatisfy { $0.hasPrefix("error: line ") })
    let json = try cli.run("run", "record", file, "--json").json()
    guard case .array(let failed)? = json["failed"] else {
      Issue.record("no failed list in \(json)")
      return
    }
    #expect(failed.map { $0["line"] } == [.integer(2), .integer(3), .integer(4)])
    #expect(failed.allSatisfy { $0["error"] != nil })
    #expect(json.runs.map { $0["line"] } == [.integer(1), .integer(5)])
    #expect(json["runs_truncated"] == .bool(false))
  }

  @Test func badSingleRecordsChangeNothing() throws {
    let cli = CLI()
    try cli.ok("init")
    try cli.fails(65, "run", "record", "-", input: "{\"name\": ")
    try cli.fails(65, "run", "record", "-", input: "[1, 2]")
    try cli.fails(65, "run", "record", "-", input: #"{"params": {"lr": {"x": 1}}}"#)
    try cli.fails(65, "run", "record", "-", input: #"{"status": "exploded"}"#)
    try cli.fails(65, "run", "record", "-", input: #"{"name": "x", "unknown": 1}"#)
    try cli.fails(65, "run", "record", "-", input: #"{"experiment": "bad name"}"#)
    try cli.fails(
      65, "run", "record", "-", input: #"{"outputs": [{"artifact": {"name": "m", "uri": "x", "size": -1}}]}"#)
    try cli.fails(1, "run", "record", "-", input: #"{"inputs": [{"dataset": "missing@1"}]}"#)
    try cli.fails(
      65, "run", "record", "-",
      input: Self.record.replacingOccurrences(
        of: #""artifact": "model.onnx","#, with: #""artifact": "nope","#))
    try cli.fails(65, "run", "record", "-", input: "")
    try cli.fails(74, "run", "record", cli.path("missing.json"))
    let invalidUTF8 = cli.path("bad.json")
    try Data([0x7B, 0x22, 0x6E, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]).write(
      to: URL(fileURLWithPath: invalidUTF8))
    try cli.fails(65, "run", "record", invalidUTF8)
  }

  @Test func aPrettyPrintedFileIsOneRecord() throws {
    let cli = try CLI.initialized()
    let file = try cli.write("run.json", "{\n  \"name\": \"pretty\",\n  \"params\": {\"a\": \"b\"}\n}\n")
    #expect(try cli.ok("run", "record", file).count == 32)
  }
}
