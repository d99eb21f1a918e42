import Foundation
import PedigreeCore
import PedigreeTestSupport
import Testing

/// Issue 13 (MLflow): unchanged MLflow client code (mlflow-skinny 3.17) against a real
/// `pedigree serve`, then the same registry through the CLI.
@Suite(
  "MLflow's real client against pedigree serve",
  .enabled(if: ExternalTools.python(importing: ["mlflow"]) != nil, ExternalTools.pythonHint))
struct MLflowClientTests {
  static let scripts = ExternalTools.repositoryRoot + "/Tests/PedigreeServerTests/MLflow/Scripts/"

  /// Runs a client script against the server with `credentials` in the environment; returns
  /// the JSON document it printed.
  static func client(
    _ script: String, _ server: TestServer, _ credentials: [String: String], arguments: [String] = [],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> JSONValue {
    var environment = server.environment
    environment["MLFLOW_TRACKING_URI"] = server.url
    environment["MLFLOW_DISABLE_TELEMETRY"] = "true"
    environment["DO_NOT_TRACK"] = "true"
    environment["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "0"
    environment["USER"] = "claimed-user"
    for (key, value) in credentials { environment[key] = value }
    let python = try #require(ExternalTools.python(importing: ["mlflow"]))
    let run = try Spawned.run(python, [scripts + script] + arguments, environment: environment)
    #expect(run.status == 0, "\(script): \(run.stderr.suffix(3000))", sourceLocation: sourceLocation)
    let line = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
    return try JSONValue.parse(line)
  }

  @Test func aTrainingScriptLogsIntoPedigree() async throws {
    var ci = ""
    let server = try await TestServer.start(["--auth", "tokens"]) {
      ci = try $0.token("ci-bot", role: "writer")
    }
    let out = try Self.client("training.py", server, ["MLFLOW_TRACKING_TOKEN": ci])
    #expect(out["default_experiment"] == .string("0"))
    #expect(out["status"] == .string("FINISHED"))
    #expect(out["failed_status"] == .string("FAILED"))
    #expect(
      out["params"] == .object(["lr": .string("0.01"), "max_depth": .string("6"), "seed": .string("7")]))
    #expect(out["tags"]?["stage"] == .string("b"))
    #expect(out["tags"]?["mlflow.user"] == .string("claimed-user"))
    #expect(out["odd_history"] == .array([.string("nan"), .string("inf"), .string("-inf")]))
    #expect(out["big_history"] == .array([.integer((1 << 53) + 1)]))
    #expect(out["artifacts"] == .array(["config.json", "model", "notes.txt", "texts"].map(JSONValue.string)))
    #expect(out["model_files"] == .array([.string("model/MLmodel"), .string("model/weights.bin")]))
    #expect(out["text"] == .string("some text"))
    #expect(
      out["inputs"]
        == .array([
          .array([
            .string("iris"), .string("fad98c68"), .string(#"{"url": "https://example.com/iris.csv"}"#),
            .string(#"{"mlflow_colspec": [{"type": "double", "name": "x"}]}"#),
            .string(#"{"num_rows": 150}"#),
            .array([.array([.string("mlflow.data.context"), .string("training")])]),
          ])
        ]))
    #expect(out["search_failed"]?.arrayCount == 1)
    #expect(out["search_metric"] == .array([out["run_id"]!]))
    #expect(out["version_status"] == .string("READY"))
    #expect(out["version"] == .string("1") && out["version_again"] == .string("1"))
    #expect(out["alias_aliases"] == .array([.string("staging")]))
    #expect(out["mv_tags"] == .object(["validated": .string("yes")]))
    #expect(out["mv_description"] == .string("first model"))
    #expect(out["downloaded_ok"] == .bool(true))
    #expect(out["missing_alias"] == .string("INVALID_PARAMETER_VALUE"))
    #expect(out["changed_param"] == .string("INVALID_PARAMETER_VALUE"))
    #expect(out["duplicate_model"] == .string("RESOURCE_ALREADY_EXISTS"))
    #expect(out["bad_name"] == .string("INVALID_PARAMETER_VALUE"))
    #expect(out["logged_ready"] == .string("READY"))
    #expect(out["model_outputs"] == .array([out["logged_model_id"]!]))
    #expect(out["logged_version"] == .string("2") && out["logged_version_run"] == out["run_id"])
    #expect(
      out["production_files"]
        == .array(["MLmodel", "model.pkl", "registered_model_meta"].map(JSONValue.string)))
    #expect(out["logged_search"] == .array([out["logged_model_id"]!]))

    // The same registry through the CLI: the token's name is the actor, the claim is kept.
    guard case .string(let runID)? = out["run_id"] else { return }
    let run = try server.cliJSON(["run", "show", runID])
    #expect(run["actor"] == .string("ci-bot") || run["run"]?["actor"] == .string("ci-bot"), "\(run)")
    let history = try server.cliJSON(["model", "history", "fraud-model"])
    #expect(history.serialized().contains("\"actor\":\"ci-bot\""), "\(history)")
    #expect(history.serialized().contains("production") && history.serialized().contains("staging"))
    let lineage = try server.pedigreeOK(["lineage", "model:fraud-model@2"])
    #expect(lineage.contains(String(runID.prefix(8))), "\(lineage)")
    try server.pedigreeOK(["db", "check"])
    let dataset = try server.cliJSON(["dataset", "show", "iris@1"])
    #expect(dataset.serialized().contains("mlflow:fad98c68"), "\(dataset)")
    let log = try server.pedigreeOK(["log", "--by", "ci-bot", "--json"])
    #expect(
      log.contains("run.start") && log.contains("\"claimed_actor\": \"claimed-user\""), "\(log.prefix(2000))")
  }

  @Test func tokensAsBearerOrBasicAndRefusalsAreMLflowExceptions() async throws {
    var writer = ""
    var reader = ""
    let server = try await TestServer.start(["--auth", "tokens"]) { server in
      writer = try server.token("trainer", role: "writer")
      reader = try server.token("viewer", role: "reader")
    }
    let basic = try Self.client(
      "auth.py", server, ["MLFLOW_TRACKING_USERNAME": "anyone", "MLFLOW_TRACKING_PASSWORD": writer],
      arguments: ["basic"])
    #expect(basic == .object(["read": .string("ok"), "write": .string("ok")]))
    let low = try Self.client("auth.py", server, ["MLFLOW_TRACKING_TOKEN": reader], arguments: ["low"])
    #expect(low["read"] == .string("ok"))
    #expect(low["write"] == .string("PERMISSION_DENIED"), "\(low)")
    let none = try Self.client("auth.py", server, ["MLFLOW_TRACKING_TOKEN": "pdg_wrong"], arguments: ["none"])
    #expect(none["read"] != .string("ok") && none["write"] != .string("ok"), "\(none)")
    let log = try server.pedigreeOK(["log", "--by", "trainer", "--json"])
    #expect(log.contains("experiment:basic"), "\(log.prefix(2000))")
    let all = try server.pedigreeOK(["log", "--json"])
    #expect(!all.contains("experiment:low") && !all.contains("experiment:none"))
  }
}

extension JSONValue {
  var arrayCount: Int? {
    if case .array(let values) = self { return values.count }
    return nil
  }
}
