import Foundation
import PedigreeCore
import PedigreeTestSupport
import Testing

/// SERVER.md, "Limits and hostile input": every bad request gets a 4xx with one JSON error and
/// changes nothing.
@Suite("serve: bad input")
struct BadInputTests {
  @Test func badRequestsAre4xxWithOneJSONErrorAndChangeNothing() async throws {
    let server = try await TestServer.start { try $0.pedigreeOK(["demo"]) }
    let head = try server.cliJSON(["db", "head"])
    let run =
      try server.cliJSON(["run", "list", "--limit", "1"])[0]?["run_id"].flatMap {
        if case .string(let id) = $0 { return id } else { return nil }
      } ?? ""
    let cases: [(method: String, path: String, body: String?, status: Int, code: String)] = [
      ("POST", "/api/v1/runs", "{not json", 400, "invalid"),
      ("POST", "/api/v1/runs", "[1, 2]", 400, "invalid"),
      ("POST", "/api/v1/runs", #"{"experiment": 42}"#, 400, "invalid"),
      ("POST", "/api/v1/runs", #"{"experiment": "x", "colour": "red"}"#, 400, "invalid"),
      (
        "POST", "/api/v1/runs/record", #"{"experiment": "x", "params": {"lr": "1"}, "bogus": 1}"#, 400,
        "invalid"
      ),
      ("POST", "/api/v1/datasets", #"{"name": "bad name!", "uri": "s3://x"}"#, 400, "usage"),
      ("POST", "/api/v1/datasets", #"{"name": "d", "uri": "s3://x", "digest": "md5:1"}"#, 400, "usage"),
      ("POST", "/api/v1/models/fraud-detector/versions/2/promote", #"{"alias": "a b"}"#, 400, "usage"),
      ("POST", "/api/v1/models/fraud-detector/versions/99/promote", #"{"alias": "x"}"#, 404, "not_found"),
      ("POST", "/api/v1/models/fraud-detector/rollback", #"{"alias": "never-set"}"#, 404, "not_found"),
      ("POST", "/api/v1/runs/\(run)/log", #"{"params": {"lr": "something else"}}"#, 409, "refused"),
      ("GET", "/api/v1/runs?q=metrics.auc%20%3E%200.5%3B%20DROP%20TABLE%20runs", nil, 400, "usage"),
      ("GET", "/api/v1/runs?limit=100000000", nil, 400, "usage"),
      ("GET", "/api/v1/lineage?ref=fraud-detector@1&depth=1000", nil, 400, "usage"),
      ("GET", "/api/v1/lineage?ref=fraud-detector@1&direction=sideways", nil, 400, "usage"),
      ("GET", "/api/v1/models?colour=red", nil, 400, "usage"),
      ("GET", "/api/v1/models/fraud-detector?at=2999-01-01", nil, 400, "usage"),
      ("GET", "/api/v1/models/no-such-model/versions", nil, 200, ""),
      ("GET", "/api/v1/models/no-such-model", nil, 404, "not_found"),
      ("GET", "/api/v1/runs?q=" + String(repeating: "a", count: 5000), nil, 400, "usage"),
      ("GET", "/api/v1/artifacts/..%2F..%2Fetc%2Fpasswd", nil, 400, "usage"),
      ("GET", "/api/v1/artifacts/sha256:" + String(repeating: "a", count: 64), nil, 404, "not_found"),
      ("GET", "/api/v1/artifacts/%2Fetc%2Fpasswd", nil, 400, "usage"),
    ]
    for item in cases {
      let answer = try await server.request(item.method, item.path, body: item.body.map { Data($0.utf8) })
      if item.status == 200 {
        #expect(answer.status == 200 || answer.status == 404, "\(item.path)")
        continue
      }
      #expect(answer.status == item.status, "\(item.method) \(item.path): \(answer.text)")
      #expect(answer.errorCode == item.code, "\(item.method) \(item.path): \(answer.text)")
    }
    #expect(try server.cliJSON(["db", "head"]) == head)
    #expect(try server.pedigree(["db", "check"]).status == 0)
  }

  @Test func oversizedBodiesAre413AndOversizedHeaders431() async throws {
    let server = try await TestServer.start()
    let head = try server.cliJSON(["db", "head"])
    let big = "{\"experiment\": \"" + String(repeating: "x", count: 3 << 20) + "\"}"
    let body = try await server.post("/api/v1/runs", big)
    #expect(body.status == 413)
    #expect(body.errorCode == "too_large")
    let record = try await server.post("/api/v1/runs/record", big)
    #expect(record.status == 413)
    let header = try await server.get(
      "/api/v1/models", headers: ["X-Padding": String(repeating: "p", count: 20 << 10)])
    #expect(header.status == 431)
    #expect(try server.cliJSON(["db", "head"]) == head)
  }

  @Test func aFailedRecordInJSONLinesIsNamedAndTheOthersWritten() async throws {
    let server = try await TestServer.start()
    let lines = [
      #"{"experiment": "lines", "name": "a", "metrics": {"loss": [[0, 0.5], [1, "NaN"]]}}"#,
      #"{"experiment": "lines", "name": "b", "status": "sideways"}"#,
      #"{"experiment": "lines", "name": "c", "params": {"lr": "0.1"}}"#,
    ].joined(separator: "\n")
    let answer = try await server.request(
      "POST", "/api/v1/runs/record", body: Data(lines.utf8), contentType: "application/x-ndjson")
    #expect(answer.status == 400)
    let document = try answer.json()
    #expect(document["written"] == .integer(2))
    #expect(document["failed"]?[0]?["line"] == .integer(2))
    guard case .array(let runs) = try server.cliJSON(["run", "list", "--experiment", "lines"]) else { return }
    #expect(runs.count == 2)
  }
}

extension JSONValue {
  /// The element at `index` of an array.
  subscript(index: Int) -> JSONValue? {
    if case .array(let items) = self, items.indices.contains(index) { return items[index] }
    return nil
  }
}
