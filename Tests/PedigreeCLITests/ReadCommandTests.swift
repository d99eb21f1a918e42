import Foundation
import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

/// The read commands, run against the demo registry (a known story) as a user would.
@Suite struct ReadCommandTests {
  let cli: CLI

  init() throws {
    cli = CLI()
    try cli.ok("demo")
  }

  @Test func modelListAndVersions() throws {
    let list = try cli.ok("model", "list")
    #expect(list.contains("fraud-detector") && list.contains("production=v2, staging=v4"))
    let json = try cli.run("model", "list", "--json").json()
    guard case .array(let models) = json else { Issue.record("model list --json is not an array"); return }
    #expect(models.count == 2)
    let fraud = models.first { $0["name"] == .string("fraud-detector") }
    guard case .array(let aliases)? = fraud?["aliases"] else {
      Issue.record("no alias list in \(String(describing: fraud))")
      return
    }
    let production = aliases.first { $0["alias"] == .string("production") }
    #expect(production?["version"] == .integer(2) && production?["ref"] == .string("model:fraud-detector@2"))
    #expect(fraud?["latest_version"] == .integer(4))
    let versions = try cli.ok("model", "versions", "fraud-detector")
    #expect(versions.split(separator: "\n").count == 5)
    try cli.fails(1, "model", "versions", "nope")
  }

  @Test func historyIsOldestFirstWithReasons() throws {
    let history = try cli.run("model", "history", "fraud-detector", "--alias", "production", "--json").json()
    guard case .array(let events) = history else { Issue.record("not an array"); return }
    #expect(events.map { $0["to_version"] } == [.integer(1), .integer(2), .integer(3), .integer(2)])
    #expect(events.last?["action"] == .string("rollback"))
    #expect(events.last?["reason"] == .string("fraud-detector@3 deprecated (label leakage)"))
  }

  @Test func timeTravel() throws {
    let history = try cli.run("model", "history", "fraud-detector", "--alias", "production", "--json").json()
    guard case .array(let events) = history, events.count == 4,
      case .string(let promotedV3) = events[2]["at"], case .string(let rolledBack) = events[3]["at"]
    else { Issue.record("unexpected history"); return }
    let before = try Timestamp(parsing: promotedV3).milliseconds - 1
    let during = try Timestamp(parsing: rolledBack).milliseconds - 1
    let then = try cli.run(
      "model", "show", "fraud-detector@production", "--at", Timestamp(milliseconds: before).iso8601, "--json"
    ).json()
    #expect(then["version"]?["version"] == .integer(2))
    let leaky = try cli.run(
      "model", "show", "fraud-detector@production", "--at", Timestamp(milliseconds: during).iso8601, "--json"
    ).json()
    #expect(leaky["version"]?["version"] == .integer(3))
    #expect(try cli.ok("model", "show", "fraud-detector@production").contains("fraud-detector@2"))
    try cli.fails(1, "model", "show", "fraud-detector@production", "--at", "2001-01-01")
    try cli.fails(64, "model", "show", "fraud-detector@production", "--at", "last tuesday")
  }

  @Test func lineageInEveryFormat() throws {
    let tree = try cli.ok("lineage", "fraud-detector@production", "--upstream")
    #expect(tree.hasPrefix("fraud-detector@2"))
    #expect(tree.contains("transactions@2") && tree.contains("labels@1"))
    let shallow = try cli.run("lineage", "fraud-detector@2", "--upstream", "--depth", "1", "--json").json()
    guard case .array(let nodes) = shallow["nodes"] else { Issue.record("no nodes"); return }
    #expect(nodes.count == 3, "the version, its run and its artifact")
    let mermaid = try cli.ok("lineage", "fraud-detector@2", "--format", "mermaid")
    #expect(mermaid.hasPrefix("flowchart"))
    let dot = try cli.ok("lineage", "dataset:transactions@1", "--downstream", "--format", "dot")
    #expect(dot.hasPrefix("digraph") && dot.contains("fraud-detector@1"))
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") {
      let graphviz = try Spawned.run(
        "/usr/bin/dot", ["-Tsvg", "-o", "/dev/null"], stdin: try cli.write("lineage.dot", dot))
      #expect(graphviz.status == 0, "Graphviz rejected the DOT output: \(graphviz.stderr)")
    } else {
      print(
        "note: /usr/bin/dot not installed; skipping the Graphviz render of `pedigree lineage --format dot`")
    }
    try cli.fails(64, "lineage", "fraud-detector@2", "--upstream", "--downstream")
    try cli.fails(64, "lineage", "fraud-detector@2", "--format", "png")
    try cli.fails(1, "lineage", "fraud-detector@9")
  }

  @Test func impactOfABadDatasetNamesProduction() throws {
    let json = try cli.run("impact", "labels@1", "--json").json()
    guard case .array(let serving) = json["serving_aliases"] ?? .null else {
      Issue.record("no serving_aliases in \(json.serialized())")
      return
    }
    #expect(serving.contains { $0["alias"] == .string("production") && $0["version"] == .integer(2) })
    let text = try cli.ok("impact", "labels@1")
    #expect(text.contains("fraud-detector@3") && text.contains("production"))
    let fixed = try cli.ok("impact", "labels@2")
    #expect(fixed.contains("fraud-detector@4") && !fixed.contains("fraud-detector@2"))
  }

  @Test func auditReportInThreeFormats() throws {
    let markdown = try cli.ok("audit", "fraud-detector@production", "--format", "markdown")
    #expect(markdown.hasPrefix("# Audit report: fraud-detector@2"))
    #expect(markdown.contains("labels@1") && markdown.contains("max\\_depth"))
    let json = try cli.run("audit", "fraud-detector@2", "--json").json()
    #expect(json["version"] == .integer(2) && json["model"] == .string("fraud-detector"))
    let text = try cli.ok("audit", "fraud-detector@3")
    #expect(text.contains("label leakage"))
    // Issue 10: a dataset version has an audit report too (it was refused, 64).
    #expect(try cli.ok("audit", "dataset:labels@1").hasPrefix("Audit report: dataset:labels@1"))
    if case .string(let run)? = json["run"]?["run_id"] { try cli.fails(64, "audit", "run:\(run)") }
  }

  @Test func diffOfVersionsAndRuns() throws {
    let json = try cli.run("diff", "fraud-detector@2", "fraud-detector@3", "--json").json()
    let params = json["params"].map { $0.serialized() } ?? ""
    #expect(params.contains("max_depth") && params.contains("\"10\""))
    let inputs = try cli.ok("diff", "fraud-detector@3", "fraud-detector@4")
    #expect(inputs.contains("labels"))
  }

  @Test func searchFiltersAndRejectsSQL() throws {
    let json = try cli.run(
      "run", "search", "metrics.auc > 0.9 and params.max_depth = '6'", "--order-by", "metrics.auc DESC",
      "--json"
    ).json()
    guard case .array(let runs) = json else { Issue.record("not an array"); return }
    #expect(runs.map { $0["name"] } == [.string("xgb-retrain"), .string("xgb-tuned")])
    let failed = try cli.run("run", "search", "attributes.status = 'failed'", "--json").json()
    guard case .array(let failedRuns) = failed else { Issue.record("not an array"); return }
    #expect(failedRuns.count == 1)
    let error = try cli.fails(64, "run", "search", "metrics.auc > 0.9; DROP TABLE runs")
    #expect(error.stderr.contains("column"))
    try cli.fails(64, "run", "search", "metricz.auc > 1")
    try cli.fails(64, "run", "search", "", "--limit", "0")
  }

  @Test func runAndDatasetShowAndList() throws {
    let runs = try cli.run("run", "list", "--experiment", "fraud", "--json").json()
    guard case .array(let list) = runs, case .string(let id)? = list.first?["run_id"] else {
      Issue.record("no runs")
      return
    }
    #expect(list.count == 5)
    let shown = try cli.ok("run", "show", String(id.prefix(8)))
    #expect(shown.contains("loss"))
    #expect(try cli.ok("dataset", "list").contains("transactions-clean"))
    #expect(try cli.ok("dataset", "show", "labels@1").contains("s3://risk-data/labels/2026-10.parquet"))
    try cli.fails(1, "dataset", "show", "labels@9")
  }

  @Test func auditLogFiltersAndDbCheck() throws {
    let all = try cli.run("log", "--json").json()
    guard case .array(let entries) = all else { Issue.record("not an array"); return }
    #expect(entries.count == 25)  // the demo's 24 writes and its production policy
    let sams = try cli.run("log", "--actor", "sam", "--json").json()
    guard case .array(let bySam) = sams else { Issue.record("not an array"); return }
    #expect(bySam.count == 4 && bySam.allSatisfy { $0["actor"] == .string("sam") })
    let limited = try cli.run("log", "--entity", "fraud-detector", "--limit", "2", "--json").json()
    guard case .array(let two) = limited else { Issue.record("not an array"); return }
    #expect(two.count == 2)
    try cli.fails(64, "log", "--since", "never")
    #expect(try cli.ok("db", "check").hasPrefix("ok"))
    try cli.behindPedigreesBack(table: "audit_log") { db in
      try db.execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 5")
    }
    let check = try cli.run("db", "check")
    #expect(check.status == 65)
    #expect(check.stdout.contains("audit entry 5"))
  }
}
