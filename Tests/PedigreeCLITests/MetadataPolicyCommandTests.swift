import Foundation
import PedigreeCore
import PedigreeSQLite
import Testing

/// `model tag`, `model describe`, `model search` and `policy set/list/unset` through the binary.
@Suite struct MetadataPolicyCommandTests {
  /// A registry with fraud@1 (auc 0.8) and fraud@2 (auc 0.95), fraud@1 on staging.
  func registry() throws -> CLI {
    let cli = CLI()
    try cli.ok("init")
    for (index, auc) in ["0.8", "0.95"].enumerated() {
      let run = try cli.ok("run", "start", "--param", "lr=0.0\(index + 1)")
      try cli.ok("run", "log", run, "--metric", "auc=\(auc)")
      try cli.ok("run", "end", run)
      let file = try cli.write("model\(index).onnx", "weights \(index)")
      try cli.ok(
        "model", "register", "fraud", "--run", run, "--artifact", file, "--tag", "stage=v\(index + 1)")
    }
    try cli.ok("model", "promote", "fraud@1", "--to", "staging")
    return cli
  }

  @Test func tagsAndDescriptionsAreAuditedEventsShownByShowAndVersions() throws {
    let cli = try registry()
    #expect(
      try cli.ok("model", "tag", "fraud@2", "--set", "reviewed=yes", "--unset", "stage").contains(
        "reviewed=yes"))
    #expect(try cli.ok("model", "tag", "fraud@2", "--set", "reviewed=yes").contains("nothing changed"))
    let before = cli.snapshot()
    #expect(try cli.ok("model", "describe", "fraud@2", "--description", "tuned").contains("description set"))
    #expect(cli.snapshot() != before)
    let json = try cli.run("model", "show", "fraud@2", "--json").json()
    #expect(json["version"]?["tags"] == .object(["reviewed": .string("yes")]))
    #expect(json["version"]?["description"] == .string("tuned"))
    #expect(try cli.ok("model", "versions", "fraud").contains("stage=v1"))
    let log = try cli.ok("log", "--entity", "model:fraud@2")
    #expect(log.contains("model.tag") && log.contains("model.describe"))
    let tagged = try cli.run("model", "tag", "fraud@1", "--set", "x=1", "--json").json()
    #expect(tagged["ref"] == .string("model:fraud@1") && tagged["changed"] == .bool(true))
  }

  @Test func searchFindsVersionsByAliasTagsAndRunMetrics() throws {
    let cli = try registry()
    #expect(try cli.ok("model", "search", "run.metrics.auc > 0.9").contains("fraud@2"))
    let staged = try cli.run("model", "search", "aliases = 'staging' and tags.stage = 'v1'", "--json").json()
    #expect(staged == .array([try #require(cli.run("model", "show", "fraud@1", "--json").json()["version"])]))
    let ordered = try cli.ok("model", "search", "", "--order-by", "run.metrics.auc DESC", "--limit", "1")
    #expect(ordered.contains("fraud@2") && !ordered.contains("fraud@1 "))
    #expect(try cli.ok("model", "search", "deprecated = true") == "no model versions match")
  }

  @Test func badInputsFailWithOneLineAndChangeNothing() throws {
    let cli = try registry()
    try cli.fails(64, "model", "tag", "fraud@2")
    try cli.fails(64, "model", "tag", "fraud@2", "--set", "novalue")
    try cli.fails(64, "model", "tag", "fraud@2", "--set", "a=1", "--unset", "a")
    try cli.fails(64, "model", "tag", "fraud@2", "--set", "bad key!=1")
    try cli.fails(1, "model", "tag", "fraud@9", "--set", "a=1")
    try cli.fails(1, "model", "describe", "nope@1", "--description", "x")
    try cli.fails(64, "model", "register", "fraud", "--run", "abcdef", "--tag", "x")
    try cli.fails(64, "model", "search", "run.metrics.auc > 0; DROP TABLE runs")
    try cli.fails(64, "model", "search", "aliases = 'x' OR 1=1 --")
    try cli.fails(64, "model", "search", "version > 'two'")
    try cli.fails(64, "model", "search", "", "--limit", "0")
    try cli.fails(64, "policy", "set", "fraud", "--alias", "production", "--require", "metrics.auc > 0.9")
    try cli.fails(64, "policy", "set", "bad name", "--alias", "production")
    try cli.fails(64, "policy", "set", "fraud", "--alias", "production", "--min-role", "king")
    try cli.fails(1, "policy", "unset", "fraud", "--alias", "production")
  }

  @Test func policiesGatePromoteRollbackAndTo() throws {
    let cli = try registry()
    try cli.ok(
      "policy", "set", "fraud*", "--alias", "production", "--require", "run.metrics.auc >= 0.9",
      "--require-reason", "--require-prior-alias", "staging", "--min-role", "promoter")
    #expect(try cli.ok("policy", "list").contains("run.metrics.auc >= 0.9"))
    // fraud@1 was on staging but fails the metric; fraud@2 meets it but was never on staging.
    let metric = try cli.fails(2, "model", "promote", "fraud@1", "--to", "production", "--reason", "r")
    #expect(metric.stderr.contains("run.metrics.auc >= 0.9"))
    let prior = try cli.fails(2, "model", "promote", "fraud@2", "--to", "production", "--reason", "r")
    #expect(prior.stderr.contains("staging"))
    try cli.ok("model", "promote", "fraud@2", "--to", "staging")
    let reason = try cli.fails(64, "model", "promote", "fraud@2", "--to", "production")
    #expect(reason.stderr.contains("--reason"))
    #expect(
      try cli.ok("model", "promote", "fraud@2", "--to", "production", "--reason", "auc 0.95").contains(
        "fraud@2"))
    // Staging rolls back freely; production's --to onto fraud@1 fails the metric.
    try cli.fails(2, "model", "rollback", "fraud", "--to", "1", "--reason", "r")
    try cli.ok("policy", "set", "fraud*", "--alias", "production", "--require-reason")
    try cli.fails(64, "model", "rollback", "fraud", "--to", "1")
    try cli.ok("model", "rollback", "fraud", "--to", "1", "--reason", "back")
    let unset = try cli.run("policy", "unset", "fraud*", "--alias", "production", "--json").json()
    #expect(unset["changed"] == .bool(true))
    #expect(try cli.ok("policy", "list") == "no policies")
    let log = try cli.ok("log", "--limit", "3")
    #expect(log.contains("policy.unset") && log.contains("policy:fraud*@production"))
  }

  @Test func aRunRecordsRegistrationAliasObeysPolicies() throws {
    let cli = CLI()
    try cli.ok("init")
    try cli.ok("policy", "set", "*", "--alias", "production", "--require-reason")
    let record = """
      {"experiment": "e", "outputs": [{"artifact": {"name": "m.onnx", "uri": "s3://b/m.onnx"}}],
       "register": {"model": "m", "artifact": "m.onnx", "alias": "production"}}
      """
    // Inside a record, the missing reason is invalid input data (65), as every usage error there.
    try cli.fails(65, "run", "record", "-", input: record)
    try cli.ok("run", "record", "-", input: record.replacingOccurrences(of: "production", with: "staging"))
  }

  @Test func demoSetsTheProductionPolicyAndInitSuggestsIt() throws {
    let cli = CLI()
    #expect(try cli.ok("init").contains("pedigree policy set '*' --alias production --require-reason"))
    let demo = CLI()
    try demo.ok("demo")
    #expect(try demo.ok("policy", "list").contains("reason required"))
    try demo.fails(64, "model", "promote", "fraud-detector@4", "--to", "production")
  }
}
