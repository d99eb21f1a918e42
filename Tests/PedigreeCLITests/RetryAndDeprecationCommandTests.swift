import Foundation
import PedigreeCore
import PedigreeSQLite
import Testing

/// Issue 10, items 5 and 6 through the real binary: retries write nothing; dataset deprecation.
@Suite struct RetryAndDeprecationCommandTests {
  static let runID = "0123456789abcdef0123456789abcdef"
  static let record =
    #"{"run_id": "\#(runID)", "experiment": "fraud", "started_at": "2026-11-28T10:00:00Z", "#
    + #""params": {"lr": "0.01"}, "metrics": {"loss": [[0, 0.7], [1, 0.5]]}, "#
    + #""inputs": [{"dataset": "tx@2"}], "#
    + #""outputs": [{"artifact": {"name": "m.onnx", "uri": "s3://m/m.onnx"}}], "#
    + #""register": {"model": "fraud", "artifact": "m.onnx", "alias": "production"}}"#

  static func registry() throws -> CLI {
    let cli = CLI()
    try cli.ok("init")
    try cli.ok("dataset", "register", "tx", "--uri", "s3://tx/1")
    try cli.ok("dataset", "register", "tx", "--uri", "s3://tx/2")
    return cli
  }

  @Test func aRetriedRecordInTwoProcessesCreatesOneRun() throws {
    let cli = try Self.registry()
    let file = try cli.write("run.json", Self.record)
    let first = try cli.spawn(["run", "record", file, "--json"])
    let second = try cli.spawn(["run", "record", file, "--json"])
    let results = [first.invocation, second.invocation]
    for result in results { #expect(result.status == 0, "\(result.stderr)") }
    let ids = try results.map { try $0.json().runs.first?["run_id"] }
    #expect(ids == [.string(Self.runID), .string(Self.runID)])
    let changed = try results.map { try $0.json().runs.first?["changed"] }
    #expect(changed.sorted { "\($0)" < "\($1)" } == [.bool(false), .bool(true)])
    let before = cli.snapshot()
    #expect(try cli.ok("run", "record", file).hasPrefix(Self.runID))
    #expect(cli.snapshot() == before)
    let db = try cli.openDatabase()
    #expect(try db.scalarInt("SELECT count(*) FROM runs") == 1)
    #expect(try db.scalarInt("SELECT count(*) FROM model_versions") == 1)
  }

  @Test func otherContentUnderTheSameRunIDIsRefused() throws {
    let cli = try Self.registry()
    try cli.ok("run", "record", try cli.write("run.json", Self.record))
    let changed = try cli.write("changed.json", Self.record.replacingOccurrences(of: "0.01", with: "0.02"))
    let result = try cli.fails(2, "run", "record", changed)
    #expect(result.errorLine?.contains("already recorded with other content") == true)
    try cli.fails(65, "run", "record", try cli.write("bad.json", #"{"run_id": "XYZ"}"#))
  }

  @Test func jsonLinesWithDuplicateLinesRecordEachRunOnce() throws {
    let cli = try Self.registry()
    let withoutID = Self.record.replacingOccurrences(of: #""run_id": "\#(Self.runID)", "#, with: "")
    // The third line names a run_id no run has: the client's id makes it a new run.
    let third = Self.record.replacingOccurrences(of: "fraud", with: "other")
    let file = try cli.write("runs.jsonl", [withoutID, withoutID, third, third].joined(separator: "\n"))
    let json = try cli.run("run", "record", file, "--json").json()
    #expect(json["written"] == .integer(2) && json["unchanged"] == .integer(2))
    guard case .array(let runs)? = json["runs"] else {
      Issue.record("no runs in \(json)")
      return
    }
    #expect(runs.map { $0["changed"] } == [.bool(true), .bool(false), .bool(true), .bool(false)])
    #expect(Set(runs.compactMap { $0["run_id"].map { "\($0)" } }).count == 2)
    #expect(try cli.run("run", "record", file).stderr.contains("4 already recorded"))
  }

  @Test func repeatedWritesChangeNothing() throws {
    let cli = try Self.registry()
    let run = try cli.ok("run", "start", "--param", "lr=0.1")
    try cli.ok("run", "log", run, "--metric", "loss=0.5@3", "--tag", "team=risk")
    let before = cli.snapshot()
    let log = try cli.run("run", "log", run, "--param", "lr=0.1", "--metric", "loss=0.5@3", "--json").json()
    #expect(log["changed"] == .bool(false))
    #expect(try cli.ok("run", "log", run, "--tag", "team=risk").contains("nothing changed"))
    #expect(cli.snapshot() == before)
    try cli.ok("run", "end", run)
    try cli.ok("model", "register", "m", "--run", run, "--artifact", "s3://m/1", "--alias", "production")
    let after = cli.snapshot()
    let again = try cli.run("model", "register", "m", "--run", run, "--artifact", "s3://m/1", "--json").json()
    #expect(again["ref"] == .string("model:m@1") && again["changed"] == .bool(false))
    #expect(try cli.run("run", "end", run, "--json").json()["changed"] == .bool(false))
    #expect(
      try cli.run("model", "promote", "m@1", "--to", "production", "--json").json()["changed"] == .bool(false)
    )
    #expect(cli.snapshot() == after)
  }

  @Test func modelRegisterRequiresAnArtifact() throws {
    let cli = try Self.registry()
    let run = try cli.ok("run", "start")
    let result = try cli.fails(64, "model", "register", "m", "--run", run)
    #expect(result.stderr.contains("--artifact"))
  }

  @Test func deprecatingADatasetSteersInputsAndMarksWhatItFeeds() throws {
    let cli = try Self.registry()
    try cli.ok("run", "record", try cli.write("run.json", Self.record))
    let deprecation = try cli.run("dataset", "deprecate", "dataset:tx@2", "--reason", "leaked labels")
    #expect(deprecation.status == 0 && deprecation.stdout.contains("deprecated tx@2"))
    #expect(deprecation.stderr.contains("warning: fraud@production serves fraud@1"))
    try cli.fails(2, "dataset", "deprecate", "tx@2", "--reason", "again")
    try cli.fails(64, "dataset", "deprecate", "tx", "--reason", "which one?")
    try cli.fails(1, "dataset", "deprecate", "tx@7", "--reason", "x")
    try cli.fails(64, "dataset", "deprecate", "tx@1")

    // Inputs: the untyped latest skips it, naming it is refused everywhere.
    let run = try cli.ok("run", "start", "--input", "tx")
    #expect(try cli.run("run", "show", run).stdout.contains("tx@1"))
    try cli.fails(2, "run", "start", "--input", "tx@2")
    try cli.fails(2, "run", "log", run, "--input", "dataset:tx@2")
    let record = Self.record.replacingOccurrences(of: Self.runID, with: String(repeating: "ab", count: 16))
    try cli.fails(2, "run", "record", try cli.write("again.json", record))

    // What it feeds is marked.
    #expect(try cli.ok("model", "list").contains("production=v1 (deprecated data: dataset:tx@2)"))
    let list = try cli.run("model", "list", "--json").json()
    guard case .array(let models) = list else {
      Issue.record("model list --json is not an array")
      return
    }
    #expect(models.first?["deprecated_data"]?["production"] == .array([.string("dataset:tx@2")]))
    #expect(try cli.ok("impact", "tx@2").contains("tx@2 (deprecated)"))
    let impact = try cli.run("impact", "tx@2", "--json").json()
    #expect(impact["root"]?["deprecated"] == .bool(true))
    #expect(try cli.ok("lineage", "fraud@1", "--upstream").contains("deprecated"))
    #expect(try cli.ok("audit", "fraud@1").contains("tx@2 (deprecated)"))
    let last = try cli.ok("log")
    #expect(last.contains("dataset.deprecate") && last.contains("dataset:tx@2"), "\(last)")
    try cli.ok("db", "check")
  }
}
