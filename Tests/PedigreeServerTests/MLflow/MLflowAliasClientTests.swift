import Foundation
import PedigreeCore
import PedigreeTestSupport
import Testing

/// Issue 13 (MLflow aliases): `delete_registered_model_alias` and policies on aliases, with
/// MLflow's real client (mlflow-skinny 3.17) against a real `pedigree serve`.
@Suite(
  "MLflow's real client: alias removal and guarded aliases",
  .enabled(if: ExternalTools.python(importing: ["mlflow"]) != nil, ExternalTools.pythonHint))
struct MLflowAliasClientTests {
  static func client(
    _ step: String, _ server: TestServer, _ credentials: [String: String],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> JSONValue {
    try MLflowClientTests.client(
      "aliases.py", server, credentials, arguments: [step], sourceLocation: sourceLocation)
  }

  @Test func deleteRegisteredModelAliasIsARemovalEvent() async throws {
    var ci = ""
    let server = try await TestServer.start(["--auth", "tokens"]) {
      ci = try $0.token("ci-bot", role: "writer")
    }
    let credentials = ["MLFLOW_TRACKING_TOKEN": ci]
    let setup = try Self.client("setup", server, credentials)
    #expect(setup["aliases"] == .object(["production": .string("2"), "staging": .string("1")]), "\(setup)")

    let out = try Self.client("delete", server, credentials)
    #expect(out["delete"] == .string("ok"), "\(out)")
    #expect(out["get_removed"] == .string("INVALID_PARAMETER_VALUE"))
    #expect(out["aliases"] == .object(["staging": .string("1")]))
    #expect(out["version2_aliases"] == .array([]))
    #expect(out["staging"] == .string("1"))
    #expect(out["delete_again"] == .string("ok"), "a retried DELETE changes nothing")
    #expect(out["delete_never_set"] == .string("ok"), "as MLflow: the model exists, the alias is not set")
    #expect(out["delete_unknown_model"] == .string("RESOURCE_DOES_NOT_EXIST"))
    #expect(out["delete_bad_alias"]?.serialized().contains("INVALID_PARAMETER_VALUE") == true, "\(out)")

    // The same registry through the CLI: one removal event by the token's name, undoable.
    let history = try server.cliJSON(["model", "history", "fraud", "--alias", "production"])
    guard case .array(let events) = history else {
      Issue.record("history is not an array: \(history)")
      return
    }
    #expect(events.map { $0["action"] } == [.string("promote"), .string("promote"), .string("remove")])
    #expect(events.last?["actor"] == .string("ci-bot") && events.last?["to_version"] == .null)
    #expect(try server.pedigree(["model", "show", "fraud@production"]).status == 1)
    let log = try server.pedigreeOK(["log", "--action", "model.unalias", "--json"])
    #expect(log.contains("\"actor\": \"ci-bot\""), "\(log)")
    try server.pedigreeOK(["db", "check"])
    let restored = try server.cliJSON(["model", "rollback", "fraud", "--alias", "production"])
    #expect(restored["to_version"] == .integer(2), "\(restored)")
    try server.pedigreeOK(["db", "check"])
  }

  /// The dropped test: a policy's `--min-role promoter` refuses a writer token with 403
  /// `PERMISSION_DENIED`, an `MlflowException` at once. The client keeps its default retries
  /// here (it retries 5xx for minutes), so an answer of any other class would hang the script.
  @Test func aMinRoleRefusesAWriterTokenWithPermissionDenied() async throws {
    var writer = ""
    var promoter = ""
    let server = try await TestServer.start(["--auth", "tokens"]) { server in
      writer = try server.token("trainer", role: "writer")
      promoter = try server.token("release", role: "promoter")
    }
    _ = try Self.client("setup", server, ["MLFLOW_TRACKING_TOKEN": promoter])
    try server.pedigreeOK(["policy", "set", "fraud", "--alias", "production", "--min-role", "promoter"])
    let head = try server.cliJSON(["db", "head"])
    let refused = try Self.client(
      "guarded", server, ["MLFLOW_TRACKING_TOKEN": writer, "MLFLOW_HTTP_REQUEST_MAX_RETRIES": "7"])
    #expect(refused["set"] == .string("PERMISSION_DENIED"), "\(refused)")
    #expect(refused["delete"] == .string("PERMISSION_DENIED"), "\(refused)")
    #expect(try server.cliJSON(["db", "head"]) == head, "a refusal writes nothing")
    let allowed = try Self.client("guarded", server, ["MLFLOW_TRACKING_TOKEN": promoter])
    #expect(allowed["set"] == .string("ok") && allowed["delete"] == .string("ok"), "\(allowed)")
  }
}

/// Issue 13 (MLflow lifecycle): a run tag deleted through the real client is gone from the run
/// and kept in its history; runs and experiments are never deleted (403), restoring is `{}`.
@Suite(
  "MLflow's real client: lifecycle endpoints",
  .enabled(if: ExternalTools.python(importing: ["mlflow"]) != nil, ExternalTools.pythonHint))
struct MLflowLifecycleClientTests {
  @Test func deleteTagDeletesAndRunsAndExperimentsAreKept() async throws {
    var ci = ""
    let server = try await TestServer.start(["--auth", "tokens"]) {
      ci = try $0.token("ci-bot", role: "writer")
    }
    let out = try MLflowClientTests.client("lifecycle.py", server, ["MLFLOW_TRACKING_TOKEN": ci])
    #expect(out["delete_tag"] == .string("ok"), "\(out)")
    #expect(out["tags"] == .array([.string("keep")]))
    #expect(out["delete_missing_tag"] == .string("RESOURCE_DOES_NOT_EXIST"))
    #expect(out["delete_run"] == .string("PERMISSION_DENIED"))
    #expect(out["restore_run"] == .string("ok"))
    #expect(out["delete_unknown_run"] == .string("RESOURCE_DOES_NOT_EXIST"))
    #expect(out["delete_experiment"] == .string("PERMISSION_DENIED"))
    #expect(out["restore_experiment"] == .string("ok"))
    #expect(out["delete_unknown_experiment"] == .string("RESOURCE_DOES_NOT_EXIST"))
    #expect(out["run_status"] == .string("active"))
    guard case .string(let run)? = out["run_id"] else { return }
    let shown = try server.cliJSON(["run", "show", run])
    #expect(!shown.serialized().contains("\"stage\""), "\(shown)")
    let log = try server.pedigreeOK(["log", "--action", "run.tag", "--json"])
    #expect(log.contains("\"to\": null"), "the deletion is audited: \(log.prefix(2000))")
    try server.pedigreeOK(["db", "check"])
  }
}

/// MLflow's metadata calls beyond the essential subset (MLFLOW.md's "N" rows): experiment tags,
/// a registered model's description and tags, version tag deletion and `search_registered_models`,
/// through the real client, each change audited and checked by `db check`.
@Suite(
  "MLflow's real client: registered-model and experiment metadata",
  .enabled(if: ExternalTools.python(importing: ["mlflow"]) != nil, ExternalTools.pythonHint))
struct MLflowMetadataClientTests {
  @Test func metadataChangesAreKeptAuditedAndSearchable() async throws {
    let server = try await TestServer.start()
    let out = try MLflowClientTests.client("metadata.py", server, [:])
    for step in [
      "set_experiment_tag", "set_experiment_tag_again", "update", "set_model_tag", "set_model_tag_2",
      "delete_model_tag", "delete_version_tag",
    ] {
      #expect(out[step] == .string("ok"), "\(step): \(out)")
    }
    #expect(out["experiment_tags"] == .object(["team": .string("fraud")]))
    #expect(out["set_tag_unknown_experiment"] == .string("RESOURCE_DOES_NOT_EXIST"))
    #expect(out["delete_missing_model_tag"] == .string("RESOURCE_DOES_NOT_EXIST"))
    #expect(out["update_unknown"] == .string("RESOURCE_DOES_NOT_EXIST"))
    #expect(out["description"] == .string("scores card payments"))
    #expect(out["model_tags"] == .object(["owner": .string("risk-team")]))
    #expect(out["version_tags"] == .object(["validated": .string("yes")]))
    #expect(out["search_all"] == .array([.string("churn"), .string("fraud-detector")]))
    #expect(out["search_like"] == .array([.string("fraud-detector")]))
    #expect(out["search_ilike"] == .array([.string("churn")]))
    #expect(out["search_tag"] == .array([.string("fraud-detector")]))
    #expect(out["search_desc"] == .array([.string("fraud-detector"), .string("churn")]))
    #expect(
      out["page_1"] == .array([.string("churn")]) && out["page_2"] == .array([.string("fraud-detector")]))
    #expect(out["search_bad_filter"] == .string("INVALID_PARAMETER_VALUE"))
    // "MLflow Quickstart" lands on the Pedigree name MLflow-Quickstart; the client keeps its name.
    #expect(out["quickstart_same_id"] == .bool(true), "\(out)")
    #expect(out["quickstart_name"] == .string("MLflow Quickstart"))
    #expect(out["clash_exact"] == .string("INVALID_PARAMETER_VALUE"))
    #expect(out["clash_mapped"] == .string("INVALID_PARAMETER_VALUE"))
    #expect(out["create_again"] == .string("RESOURCE_ALREADY_EXISTS"))
    #expect(out["experiments"] == .array(["Default", "MLflow Quickstart", "metadata"].map(JSONValue.string)))
    let runs = try server.cliJSON(["run", "list", "--experiment", "MLflow-Quickstart"])
    #expect(runs[0]?["experiment"] == .string("MLflow-Quickstart") && runs[1] == nil, "\(runs)")
    let updates = try server.pedigreeOK(["log", "--action", "model.update", "--json"])
    #expect(
      updates.contains("scores card payments") && updates.contains("\"tier\""), "\(updates.prefix(2000))")
    let tags = try server.pedigreeOK(["log", "--action", "experiment.tag", "--json"])
    #expect(tags.contains("\"from\": \"risk\""), "\(tags.prefix(2000))")
    try server.pedigreeOK(["db", "check"])
  }
}
