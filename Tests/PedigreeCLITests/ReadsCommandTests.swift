import Foundation
import PedigreeCore
import PedigreeTestSupport
import Testing

/// Issue 10's reads: datasets as outputs, the complete audit trail of one version, experiments.
@Suite struct ReadsCommandTests {
  let cli: CLI

  init() throws {
    cli = CLI()
    try cli.ok("demo")
  }

  /// The ids of the entries `log ARGS…` lists, oldest first.
  func entryIDs(_ arguments: String...) throws -> [Int64] {
    guard case .array(let entries) = try cli.run(["log", "--reverse", "--json"] + arguments).json() else {
      return []
    }
    return entries.compactMap { if case .integer(let id)? = $0["id"] { id } else { nil } }
  }

  @Test func datasetsAreOutputsFromEveryPath() throws {
    try cli.ok(
      "dataset", "register", "clean", "--uri", "s3://x/clean", "--digest",
      "sha256:" + String(repeating: "a", count: 64))
    let run = try cli.ok("run", "start", "--input", "labels@1")
    try cli.ok("run", "log", run, "--output", "dataset:clean@1")
    let show = try cli.run("dataset", "show", "clean@1", "--json").json()
    guard case .array(let producers)? = show["produced_by"] else {
      Issue.record("no produced_by")
      return
    }
    #expect(producers.map { $0["ref"] } == [.string("run:\(run)")])
    let recorded = try cli.ok(
      "run", "record", "-",
      input: #"{"inputs": [{"dataset": "clean@1"}], "outputs": [{"dataset": "dataset:clean@1"}]}"#)
    let text = try cli.ok("dataset", "show", "clean@1")
    #expect(text.contains("Produced by") && text.contains(String(recorded.prefix(8))))
    try cli.fails(1, "run", "log", run, "--output", "dataset:nope@1")
    try cli.fails(64, "run", "log", run, "--output", "model:fraud-detector@1")
    try cli.fails(1, "run", "record", "-", input: #"{"outputs": [{"dataset": "nope@1"}]}"#)
    try cli.fails(65, "run", "record", "-", input: #"{"outputs": [{"dataset": "bad name"}]}"#)
    // Its registration, the run.log that made it an output, and the record that read and wrote it.
    let cleanEntries = try entryIDs("--entity", "dataset:clean@1")
    #expect(cleanEntries.count == 3)
  }

  @Test func theAuditTrailOfOneVersionIsComplete() throws {
    // fraud-detector@2: registered by a run record, promoted to staging and production, moved off
    // both, rolled back onto production.
    let ids = try entryIDs("--entity", "model:fraud-detector@2")
    #expect(ids.count == 6)
    let report = try cli.run("audit", "fraud-detector@production", "--json").json()
    guard case .array(let entries)? = report["audit_entries"] else {
      Issue.record("no audit_entries")
      return
    }
    #expect(entries.compactMap { if case .integer(let id)? = $0["id"] { id } else { nil } } == ids)
    let text = try cli.ok("audit", "fraud-detector@production")
    #expect(!text.contains("_none_"))
    // fraud-detector@3's deprecation is its own entry.
    let three = try cli.ok("log", "--entity", "model:fraud-detector@3")
    #expect(three.contains("model.deprecate"))
    // labels@1: its registration and the three runs that read it.
    let labels = try entryIDs("--entity", "dataset:labels@1")
    #expect(labels.count == 4)
    // A dataset version registered inside a run record.
    try cli.ok(
      "run", "record", "-", input: #"{"inputs": [{"dataset": {"name": "inline", "uri": "s3://i"}}]}"#)
    let inline = try entryIDs("--entity", "dataset:inline@1")
    #expect(inline.count == 1)
  }

  @Test func logFiltersByActorWithBy() throws {
    let bySam = try entryIDs("--by", "sam")
    let byOldName = try entryIDs("--actor", "sam")
    let both = try entryIDs("--by", "sam", "--actor", "sam")
    #expect(!bySam.isEmpty && bySam == byOldName && both == bySam)
    try cli.fails(64, "log", "--by", "sam", "--actor", "ana")
  }

  @Test func experimentList() throws {
    let list = try cli.run("experiment", "list", "--json").json()
    guard case .array(let experiments) = list else {
      Issue.record("not an array")
      return
    }
    #expect(experiments.map { $0["name"] } == [.string("churn"), .string("fraud"), .string("preprocessing")])
    #expect(experiments[1]["run_count"] == .integer(5))
    let table = try cli.ok("experiment", "list")
    #expect(table.contains("LAST ACTIVITY"))
    let empty = CLI()
    try empty.ok("init")
    let none = try empty.ok("experiment", "list")
    #expect(none == "no experiments")
  }
}

extension ReadsCommandTests {
  @Test func modelShowGivesEachAliasLastMoveWithItsReason() throws {
    let show = try cli.ok("model", "show", "fraud-detector@production")
    #expect(show.contains("rollback") && show.contains("fraud-detector@3 deprecated (label leakage)"))
    let json = try cli.run("model", "show", "fraud-detector@production", "--json").json()
    guard case .array(let moves)? = json["alias_moves"] else {
      Issue.record("no alias_moves")
      return
    }
    let production = moves.first { $0["alias"] == .string("production") }
    #expect(production?["actor"] == .string("sam") && production?["action"] == .string("rollback"))
    #expect(production?["reason"] == .string("fraud-detector@3 deprecated (label leakage)"))
  }
}
