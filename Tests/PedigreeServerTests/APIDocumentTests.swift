import Foundation
import PedigreeCore
import PedigreeTestSupport
import Testing

/// Every read route answers the document its CLI command prints with `--json`, on the same
/// registry (the demo's).
@Suite("/api/v1 reads: the CLI's --json documents")
struct APIDocumentTests {
  @Test func everyReadRouteEqualsTheCLI() async throws {
    let server = try await TestServer.start { try $0.pedigreeOK(["demo"]) }
    let run =
      try server.cliJSON(["run", "list", "--limit", "1"])[0]?["run_id"].flatMap {
        if case .string(let id) = $0 { return id } else { return nil }
      } ?? ""
    let pairs: [(path: String, cli: [String])] = [
      ("/api/v1/models", ["model", "list"]),
      ("/api/v1/models/fraud-detector", ["model", "show", "fraud-detector"]),
      ("/api/v1/models/fraud-detector/aliases/production", ["model", "show", "fraud-detector@production"]),
      (
        "/api/v1/models/fraud-detector/aliases/production?at=2026-11-01",
        ["model", "show", "fraud-detector@production", "--at", "2026-11-01"]
      ),
      ("/api/v1/models/fraud-detector/versions", ["model", "versions", "fraud-detector"]),
      ("/api/v1/models/fraud-detector/versions/2", ["model", "show", "fraud-detector@2"]),
      ("/api/v1/models/fraud-detector/history", ["model", "history", "fraud-detector"]),
      (
        "/api/v1/models/fraud-detector/history?alias=production",
        ["model", "history", "fraud-detector", "--alias", "production"]
      ),
      ("/api/v1/model-versions?q=run.metrics.auc%20%3E%200.5", ["model", "search", "run.metrics.auc > 0.5"]),
      ("/api/v1/datasets", ["dataset", "list"]),
      ("/api/v1/datasets/labels/1", ["dataset", "show", "labels@1"]),
      ("/api/v1/runs", ["run", "list"]),
      ("/api/v1/runs?limit=3&experiment=fraud", ["run", "list", "--limit", "3", "--experiment", "fraud"]),
      ("/api/v1/runs/\(run)", ["run", "show", run]),
      ("/api/v1/runs?q=metrics.auc%20%3E%200.5", ["run", "search", "metrics.auc > 0.5"]),
      // A form's encoding (browsers, Python's requests): `+` is a space, `%2B` a plus.
      (
        "/api/v1/runs?q=metrics.auc+%3E+0.5+and+tags.note+!%3D+%27a%2Bb%27",
        ["run", "search", "metrics.auc > 0.5 and tags.note != 'a+b'"]
      ),
      ("/api/v1/runs/\(run)/metrics", ["run", "metrics", run, "--format", "json"]),
      ("/api/v1/lineage?ref=fraud-detector@production", ["lineage", "fraud-detector@production"]),
      (
        "/api/v1/lineage?ref=fraud-detector@production&direction=upstream&depth=2",
        ["lineage", "fraud-detector@production", "--upstream", "--depth", "2"]
      ),
      ("/api/v1/impact?ref=dataset:labels@1", ["impact", "dataset:labels@1"]),
      ("/api/v1/audit?ref=fraud-detector@production", ["audit", "fraud-detector@production"]),
      (
        "/api/v1/diff?a=fraud-detector@2&b=fraud-detector@3",
        ["diff", "fraud-detector@2", "fraud-detector@3"]
      ),
      ("/api/v1/log?limit=20", ["log", "--limit", "20"]),
      ("/api/v1/log?limit=5&by=ana&order=oldest", ["log", "--limit", "5", "--by", "ana", "--reverse"]),
      ("/api/v1/experiments", ["experiment", "list"]),
      ("/api/v1/policies", ["policy", "list"]),
    ]
    for (path, cli) in pairs {
      let answer = try await server.get(path)
      #expect(answer.status == 200, "\(path): \(answer.text)")
      #expect(
        try answer.json() == server.cliJSON(cli),
        "\(path) differs from pedigree \(cli.joined(separator: " "))")
    }
  }

  @Test func metricsStreamAsCSVAndRefuseUnknownKeys() async throws {
    let server = try await TestServer.start { try $0.pedigreeOK(["demo"]) }
    let run =
      try server.cliJSON(["run", "list", "--limit", "1"])[0]?["run_id"].flatMap {
        if case .string(let id) = $0 { return id } else { return nil }
      } ?? ""
    let csv = try await server.get("/api/v1/runs/\(run)/metrics?format=csv")
    #expect(csv.status == 200)
    #expect(csv.text == (try server.pedigreeOK(["run", "metrics", run, "--format", "csv"])))
    let unknown = try await server.get("/api/v1/runs/\(run)/metrics?key=nope")
    #expect(unknown.status == 404)
    #expect(unknown.errorCode == "not_found")
  }
}
