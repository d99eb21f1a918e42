import Foundation
import PedigreeCore
import PedigreeTestSupport
import Testing

/// Issue 10: `impact` shows past serving and renders Markdown; `audit` reports on a dataset version.
@Suite struct ImpactAuditCommandTests {
  let cli: CLI

  /// labels@1 feeds fraud@1 and fraud@2 (from clean@1, produced by a prep run); production:
  /// v1 (first), then v2, then v1 again (rollback to it by sam).
  init() throws {
    cli = try CLI.initialized()
    try cli.ok(
      "dataset", "register", "raw", "--uri", "s3://raw", "--digest",
      "sha256:" + String(repeating: "a", count: 64))
    let prep = #"""
      {"experiment": "etl", "name": "prep", "status": "finished", "started_at": "2030-01-01T00:00:00Z",
       "code": {"git_commit": "4b1d9e0", "entry_point": "clean.py"}, "params": {"min_amount": "0.01"},
       "inputs": [{"dataset": "raw@1"}],
       "outputs": [{"dataset": {"name": "clean", "uri": "s3://clean", "digest": "sha256:\#(String(repeating: "b", count: 64))"}}]}
      """#
    try cli.ok("run", "record", "-", input: prep)
    for (name, digest) in [("a", "c"), ("b", "d")] {
      let record = #"""
        {"experiment": "fraud", "name": "\#(name)", "status": "finished", "started_at": "2030-01-02T00:00:00Z",
         "inputs": [{"dataset": "clean@1"}],
         "outputs": [{"artifact": {"name": "model.onnx", "uri": "file:///m/\#(name)", "digest": "sha256:\#(String(repeating: digest, count: 64))"}}],
         "register": {"model": "fraud", "artifact": "model.onnx"}}
        """#
      try cli.ok("run", "record", "-", input: record)
    }
    try cli.ok("model", "promote", "fraud@1", "--to", "production", "--reason", "first", "--actor", "bob")
    try cli.ok("model", "promote", "fraud@2", "--to", "production", "--reason", "better", "--actor", "bob")
    try cli.ok(
      "model", "promote", "fraud@1", "--to", "production", "--reason", "v2 regressed", "--actor", "sam")
  }

  @Test func impactShowsEachStretchOfServing() throws {
    let json = try cli.run("impact", "dataset:clean@1", "--json").json()
    guard case .array(let history) = json["serving_history"] ?? .null else {
      Issue.record("no serving_history in \(json.serialized())")
      return
    }
    let v1 = history.filter { $0["model_version"] == .string("model:fraud@1") }
    #expect(v1.count == 2)
    #expect(v1.map { $0["alias"] } == [.string("production"), .string("production")])
    #expect(v1.map { $0["reason"] } == [.string("first"), .string("v2 regressed")])
    #expect(v1.map { $0["actor"] } == [.string("bob"), .string("sam")])
    #expect(v1[0]["until"] != .null && v1[1]["until"] == .null)
    #expect(v1[0]["until"] == history.first { $0["model_version"] == .string("model:fraud@2") }?["since"])
    guard case .string(let from)? = v1[0]["since"] else {
      Issue.record("no from in \(json.serialized())")
      return
    }
    #expect(from.hasPrefix("20") && from.hasSuffix("Z"))

    let text = try cli.ok("impact", "clean@1")
    #expect(text.contains("Serving history"))
    #expect(text.contains("v2 regressed") && text.contains("now"))

    let markdown = try cli.ok("impact", "clean@1", "--format", "markdown")
    #expect(markdown.hasPrefix("# Impact of clean@1\n"))
    #expect(markdown.contains("## Serving now"))
    #expect(markdown.contains("## Serving history"))
    #expect(markdown.contains("| MODEL VERSION | ALIAS | FROM | UNTIL | BY | REASON |"))
    #expect(
      markdown.split(separator: "\n").contains {
        $0.hasPrefix("| fraud@1 | production |") && $0.hasSuffix("| now | sam | v2 regressed |")
      })
    #expect(try cli.run("impact", "clean@1", "--format", "json").json() == json)
    #expect(try cli.run("impact", "clean@1", "--format", "json", "--json").json() == json)
  }

  @Test func impactRefusesConflictingFormats() throws {
    let result = try cli.fails(64, "impact", "clean@1", "--json", "--format", "markdown")
    #expect(result.stdout.isEmpty && result.stderr.contains("--json and --format markdown"))
    try cli.fails(64, "impact", "clean@1", "--json", "--format", "text")
    try cli.fails(64, "impact", "clean@1", "--format", "html")
    try cli.fails(64, "audit", "dataset:clean@1", "--json", "--format", "markdown")
  }

  @Test func auditOfADatasetVersion() throws {
    let json = try cli.run("audit", "dataset:clean@1", "--json").json()
    #expect(json["dataset_version"]?["ref"] == .string("dataset:clean@1"))
    #expect(json["dataset_version"]?["digest"] == .string("sha256:" + String(repeating: "b", count: 64)))
    #expect(json["dataset_version"]?["uri"] == .string("s3://clean"))
    #expect(json["dataset_version"]?["created_by"] == .string("tester"))
    guard case .array(let producers) = json["produced_by"] ?? .null, let producer = producers.first,
      case .array(let consumers) = json["consumed_by"] ?? .null,
      case .array(let models) = json["model_versions"] ?? .null,
      case .array(let history) = json["serving_history"] ?? .null
    else {
      Issue.record("missing sections in \(json.serialized())")
      return
    }
    #expect(producers.count == 1 && producer["name"] == .string("prep"))
    #expect(producer["params"]?["min_amount"] == .string("0.01"))
    guard case .array(let inputs) = producer["inputs"] ?? .null else {
      Issue.record("no inputs of the producer")
      return
    }
    #expect(inputs.map { $0["ref"] } == [.string("dataset:raw@1")])
    #expect(consumers.count == 2)
    #expect(models.map { $0["ref"] } == [.string("model:fraud@1"), .string("model:fraud@2")])
    #expect(history.count == 3)

    let text = try cli.ok("audit", "dataset:clean@1")
    #expect(text.hasPrefix("Audit report: dataset:clean@1"))
    #expect(text.contains("code: 4b1d9e0") && text.contains("params: min_amount=0.01"))
    let markdown = try cli.ok("audit", "dataset:clean@1", "--format", "markdown")
    #expect(markdown.hasPrefix("# Audit report: dataset:clean@1\n"))
    #expect(markdown.contains("- **uri:** s3://clean"))
    #expect(markdown.contains("- **registered:**") && markdown.contains("by tester"))
    #expect(markdown.contains("## Produced by") && markdown.contains("inputs: raw@1"))
    #expect(markdown.contains("## Consumed by"))
    #expect(markdown.contains("| fraud@1 | 2 | production | no |"))
    #expect(markdown.contains("## Serving history") && markdown.contains("| v2 regressed |"))
    #expect(markdown.contains("## Audit log"))
    #expect(try cli.run("audit", "dataset:clean@1", "--format", "json").json() == json)
  }

  @Test func auditOfADeprecatedDatasetVersionSaysWhenWhoAndWhy() throws {
    #expect(try cli.run("audit", "dataset:clean@1", "--json").json()["deprecated"] == .bool(false))
    try cli.ok("dataset", "deprecate", "clean@1", "--reason", "labels leaked", "--actor", "sam")
    let json = try cli.run("audit", "dataset:clean@1", "--json").json()
    #expect(json["deprecated"] == .bool(true))
    #expect(json["deprecation"]?["reason"] == .string("labels leaked"))
    #expect(json["deprecation"]?["actor"] == .string("sam"))
    #expect(try cli.ok("audit", "dataset:clean@1").contains("by sam: labels leaked"))
  }

  @Test func auditOfAMissingDatasetIsNotFound() throws {
    try cli.fails(1, "audit", "dataset:clean@9")
    try cli.fails(1, "audit", "dataset:nope@1")
  }
}
