import Foundation
import PedigreeCore
import PedigreeTestSupport
import Testing

/// Issue 13 (MLflow): each trap of MLFLOW.md §c, in plain HTTP against a real `pedigree serve`.
@Suite("MLflow's REST API: the protocol traps")
struct MLflowProtocolTests {
  static let api = "/api/2.0/mlflow/"

  /// The audit chain's head entry number: a write that changes nothing leaves it.
  static func head(_ server: TestServer) async throws -> JSONValue? {
    try await server.get("/api/v1/audit/head").json()["entry"]
  }

  static func mlflowCode(_ answer: TestServer.Answer) -> String? {
    if case .string(let code)? = (try? answer.json())?["error_code"] { return code }
    return nil
  }

  static func newRun(_ server: TestServer, experiment: String = "0") async throws -> String {
    let created = try await server.post(
      Self.api + "runs/create",
      #"{"experiment_id": "\#(experiment)", "start_time": 1700000000123, "newer_field": 1}"#)
    #expect(created.status == 200, "\(created.text)")
    guard case .string(let id)? = try created.json()["run"]?["info"]?["run_id"] else {
      Issue.record("no run id in \(created.text)")
      return ""
    }
    return id
  }

  @Test func idsAreStringsEnumsUpperCaseAndTheDefaultExperimentExists() async throws {
    let server = try await TestServer.start()
    let experiment = try await server.get(Self.api + "experiments/get?experiment_id=0").json()
    #expect(experiment["experiment"]?["name"] == .string("Default"))
    #expect(experiment["experiment"]?["experiment_id"] == .string("0"))
    let created = try await server.post(
      Self.api + "runs/create", #"{"experiment_id": "0", "start_time": 1700000000123, "newer_field": 1}"#)
    let info = try created.json()["run"]?["info"]
    #expect(info?["status"] == .string("RUNNING"))
    #expect(info?["experiment_id"] == .string("0"))
    #expect(info?["run_id"] == info?["run_uuid"])
    #expect(info?["start_time"] == .integer(1_700_000_000_123))
    guard case .string(let run)? = info?["run_id"] else { return }
    #expect(info?["artifact_uri"] == .string("mlflow-artifacts:/0/\(run)/artifacts"))
    let ended = try await server.post(
      Self.api + "runs/update", #"{"run_uuid": "\#(run)", "status": "KILLED", "end_time": 1700000000999}"#)
    #expect(try ended.json()["run_info"]?["status"] == .string("KILLED"), "\(ended.text)")
    let info2 = try await server.get("/api/3.0/mlflow/server-info").json()
    #expect(info2["multipart_uploads_enabled"] == .bool(false))
  }

  @Test func nanInfinityAndBigStepsRoundTripAndRetriesWriteNothing() async throws {
    let server = try await TestServer.start()
    let run = try await Self.newRun(server)
    let batch = """
      {"run_id": "\(run)", "metrics": [
        {"key": "m", "value": "NaN", "timestamp": 1, "step": 0},
        {"key": "m", "value": "Infinity", "timestamp": 2, "step": 1},
        {"key": "m", "value": "-Infinity", "timestamp": 3, "step": 9007199254740993}],
       "params": [{"key": "lr", "value": "0.1"}], "tags": [{"key": "t", "value": "v"}]}
      """
    #expect(try await server.post(Self.api + "runs/log-batch", batch).status == 200)
    let head = try await Self.head(server)
    let again = try await server.post(Self.api + "runs/log-batch", batch)
    #expect(again.status == 200 && again.text.contains("{}"))
    #expect(try await Self.head(server) == head)
    var values: [JSONValue] = []
    var steps: [JSONValue] = []
    var token = ""
    for _ in 0..<5 {
      let page = try await server.get(
        Self.api + "metrics/get-history?run_id=\(run)&metric_key=m&max_results=1&page_token=\(token)"
      ).json()
      if case .array(let points)? = page["metrics"] {
        values += points.compactMap { $0["value"] }
        steps += points.compactMap { $0["step"] }
      }
      guard case .string(let next)? = page["next_page_token"], !next.isEmpty else { break }
      token = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? next
    }
    #expect(values == [.string("NaN"), .string("Infinity"), .string("-Infinity")])
    #expect(steps == [.integer(0), .integer(1), .integer(9_007_199_254_740_993)])
    let none = try await server.get(Self.api + "metrics/get-history?run_id=\(run)&metric_key=nope")
    #expect(try none.json() == .object([:]))
    let latest = try await server.get(Self.api + "runs/get?run_id=\(run)").json()
    #expect(latest["run"]?["data"]?["metrics"]?.serialized().contains("\"-Infinity\"") == true)
  }

  @Test func clientMistakesAreMLflowErrorsBelow500() async throws {
    let server = try await TestServer.start()
    let run = try await Self.newRun(server)
    _ = try await server.post(
      Self.api + "runs/log-parameter", #"{"run_id": "\#(run)", "key": "lr", "value": "1"}"#)
    let head = try await Self.head(server)
    let cases: [(String, String, Int, String)] = [
      (
        "runs/log-parameter", #"{"run_id": "\#(run)", "key": "lr", "value": "2"}"#, 400,
        "INVALID_PARAMETER_VALUE"
      ),
      (
        "runs/log-metric", #"{"run_id": "\#(run)", "key": "m", "value": "nan"}"#, 400,
        "INVALID_PARAMETER_VALUE"
      ),
      ("runs/create", #"{"experiment_id": 5}"#, 400, "INVALID_PARAMETER_VALUE"),
      ("runs/create", #"{"experiment_id": "#, 400, "MALFORMED_REQUEST"),
      (
        "runs/set-tag", #"{"run_id": "0123456789abcdef0123456789abcdef", "key": "a", "value": "b"}"#, 404,
        "RESOURCE_DOES_NOT_EXIST"
      ),
      // A name with spaces is mapped (MLflowExperimentName); one with nothing to keep is refused.
      ("experiments/create", #"{"name": "???"}"#, 400, "INVALID_PARAMETER_VALUE"),
      (
        "runs/search", #"{"experiment_ids": ["0"], "filter": "params.x = 1; DROP TABLE runs"}"#, 400,
        "INVALID_PARAMETER_VALUE"
      ),
      ("registered-models/create", #"{"name": "a/b"}"#, 400, "INVALID_PARAMETER_VALUE"),
    ]
    for (path, body, status, code) in cases {
      let answer = try await server.post(Self.api + path, body)
      #expect(answer.status == status && Self.mlflowCode(answer) == code, "\(path) \(body): \(answer.text)")
    }
    let missing = try await server.get(Self.api + "experiments/get-by-name?experiment_name=nope")
    #expect(missing.status == 404 && Self.mlflowCode(missing) == "RESOURCE_DOES_NOT_EXIST")
    #expect(try await Self.head(server) == head)
  }

  @Test func searchPagesEndWithoutAToken() async throws {
    let server = try await TestServer.start()
    let first = try await Self.newRun(server)
    let second = try await Self.newRun(server)
    var seen: [JSONValue] = []
    var token = ""
    for _ in 0..<4 {
      let page = try await server.post(
        Self.api + "runs/search",
        #"{"experiment_ids": ["0"], "max_results": 1, "order_by": ["start_time DESC"], "page_token": "\#(token)"}"#
      ).json()
      if case .array(let runs)? = page["runs"] { seen += runs.compactMap { $0["info"]?["run_id"] } }
      guard case .string(let next)? = page["next_page_token"], !next.isEmpty else { break }
      token = next
    }
    #expect(
      Set(seen.map { $0.serialized() }) == Set([first, second].map { JSONValue.string($0).serialized() }))
    #expect(seen.count == 2)
    let filtered = try await server.post(
      Self.api + "runs/search", #"{"experiment_ids": ["0"], "filter": "attributes.status = 'RUNNING'"}"#)
    #expect(try filtered.json()["runs"]?.arrayCount == 2)
  }

  @Test func artifactsAreHashedListedAndSafe() async throws {
    let server = try await TestServer.start()
    let run = try await Self.newRun(server)
    let base = "/api/2.0/mlflow-artifacts/artifacts"
    let bytes = Data("weights".utf8)
    let put = try await server.request("PUT", "\(base)/0/\(run)/artifacts/model/w.bin", body: bytes)
    #expect(put.status == 200, "\(put.text)")
    let head = try await Self.head(server)
    _ = try await server.request("PUT", "\(base)/0/\(run)/artifacts/model/w.bin", body: bytes)
    #expect(try await Self.head(server) == head)
    let got = try await server.get("\(base)/0/\(run)/artifacts/model/w.bin")
    #expect(got.status == 200 && got.body == bytes)
    let listing = try await server.get("\(base)?path=0/\(run)/artifacts").json()
    #expect(
      listing == .object(["files": .array([.object(["path": .string("model"), "is_dir": .bool(true)])])]))
    let inner = try await server.get("\(base)?path=0/\(run)/artifacts/model").json()
    #expect(inner["files"]?.serialized().contains("\"file_size\":7") == true, "\(inner)")
    #expect(try await server.get("\(base)?path=0/\(run)/artifacts/model/w.bin").json() == .object([:]))
    #expect(try await server.get("\(base)?path=0/\(run)/artifacts/none").json() == .object([:]))
    for hostile in ["0/\(run)/artifacts/../x", "0/\(run)/artifacts/%2e%2e/x", "0/\(run)/artifacts/a%00b"] {
      let answer = try await server.request("PUT", "\(base)/\(hostile)", body: bytes)
      #expect(answer.status == 400, "\(hostile): \(answer.status) \(answer.text)")
    }
    #expect(try await server.get("\(base)?path=0/../etc").status == 400)
    #expect(try await server.get("\(base)/0/\(run)/artifacts/nothing").status == 404)
    #expect(try await Self.head(server) == head)
  }

  @Test func registryAnswersMLflowShapesAndPoliciesGuardAliases() async throws {
    let server = try await TestServer.start()
    let run = try await Self.newRun(server)
    #expect(try await server.post(Self.api + "registered-models/create", #"{"name": "fraud"}"#).status == 200)
    let created = try await server.post(
      Self.api + "model-versions/create", #"{"name": "fraud", "source": "s3://b/m", "run_id": "\#(run)"}"#)
    let version = try created.json()["model_version"]
    #expect(version?["status"] == .string("READY") && version?["version"] == .string("1"), "\(created.text)")
    let unknown = try await server.post(
      Self.api + "model-versions/create", #"{"name": "nope", "source": "s3://b/m", "run_id": "\#(run)"}"#)
    #expect(unknown.status == 404 && Self.mlflowCode(unknown) == "RESOURCE_DOES_NOT_EXIST")
    for alias in ["latest", "v2", "bad alias", "123"] {
      let answer = try await server.post(
        Self.api + "registered-models/alias", #"{"name": "fraud", "alias": "\#(alias)", "version": "1"}"#)
      #expect(answer.status == 400 && Self.mlflowCode(answer) == "INVALID_PARAMETER_VALUE", "\(alias)")
    }
    let unset = try await server.get(Self.api + "registered-models/alias?name=fraud&alias=champion")
    #expect(unset.status == 400 && Self.mlflowCode(unset) == "INVALID_PARAMETER_VALUE")
    let delete = try await server.request(
      "DELETE", Self.api + "registered-models/delete", body: Data(#"{"name": "fraud"}"#.utf8))
    #expect(delete.status == 403 && Self.mlflowCode(delete) == "PERMISSION_DENIED")
    for method in ["POST", "GET"] {
      let path = Self.api + "registered-models/get-latest-versions" + (method == "GET" ? "?name=fraud" : "")
      let latest = try await server.request(
        method, path, body: method == "POST" ? Data(#"{"name": "fraud"}"#.utf8) : nil)
      #expect(try latest.json()["model_versions"]?.arrayCount == 1, "\(method) \(latest.text)")
    }

    try server.pedigreeOK(["policy", "set", "fraud", "--alias", "production", "--require-reason"])
    let head = try await Self.head(server)
    let refused = try await server.post(
      Self.api + "registered-models/alias", #"{"name": "fraud", "alias": "production", "version": "1"}"#)
    #expect(refused.status == 400 && Self.mlflowCode(refused) == "INVALID_PARAMETER_VALUE")
    #expect(refused.text.contains("policy") && refused.text.contains("X-Pedigree-Reason"), "\(refused.text)")
    #expect(try await Self.head(server) == head)
    let promoted = try await server.post(
      Self.api + "registered-models/alias", #"{"name": "fraud", "alias": "production", "version": "1"}"#,
      headers: ["X-Pedigree-Reason": "passed review"])
    #expect(promoted.status == 200, "\(promoted.text)")
    let alias = try await server.get(Self.api + "registered-models/alias?name=fraud&alias=production").json()
    #expect(alias["model_version"]?["aliases"] == .array([.string("production")]))
    #expect(try server.cliJSON(["model", "history", "fraud"]).serialized().contains("passed review"))
  }
}
