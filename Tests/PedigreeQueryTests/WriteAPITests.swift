import PedigreeCore
import PedigreeSQLite
import Testing

@testable import PedigreeQuery

/// The queries over a registry written through the store's write API (not raw SQL).
@Suite struct WriteAPITests {
  static let record = """
    {"experiment": "fraud", "name": "xgb-nightly", "status": "finished",
     "started_at": "2026-11-28T10:00:00Z", "ended_at": "2026-11-28T10:42:00Z",
     "code": {"git_commit": "9f2c1e7", "repo": "git@example.com:risk/fraud.git", "entry_point": "train.py"},
     "params": {"lr": "0.01", "max_depth": "6"},
     "metrics": {"auc": 0.931, "loss": [[0, 0.71], [1, 0.52], [2, 0.44]]},
     "inputs": [{"dataset": {"name": "labels", "uri": "s3://risk/labels.parquet",
                             "digest": "sha256:\(String(repeating: "ab", count: 32))"}}],
     "outputs": [{"artifact": {"name": "model.onnx", "uri": "file:///models/fraud.onnx",
                               "digest": "sha256:\(String(repeating: "cd", count: 32))", "size": 18234}}],
     "register": {"model": "fraud-detector", "artifact": "model.onnx", "alias": "staging"},
     "tags": {"team": "risk"}}
    """

  @Test func recordedRunAnswersEveryQuestion() throws {
    let fixture = try Fixture()
    let registry = fixture.registry
    let writer = registry.writing(as: Author("test"))
    _ = try writer.record(try RunDocument(json: try JSONValue.parse(Self.record)))
    _ = try writer.promote(try Ref.parse("fraud-detector@1"), to: "production", reason: "ship it")
    let version = try registry.resolve(try Ref.parse("fraud-detector@production"))
    let queries = registry.queries

    let report = try queries.auditReport(version)
    #expect(report.params.map(\.key) == ["lr", "max_depth"])
    #expect(
      report.metrics.first { $0.key == "loss" }.map { ($0.count, $0.final?.value) } ?? (0, nil) == (3, 0.44))
    #expect(report.inputs.map(\.node.ref.name) == ["labels@1"])
    #expect(report.promotions.map(\.alias).sorted() == ["production", "staging"])
    #expect(report.version.artifact?.name == "model.onnx")

    let labels = try registry.resolve(try Ref.parse("dataset:labels@1"))
    let impact = try queries.impact(of: labels)
    #expect(impact.modelVersions.map(\.ref.name) == ["fraud-detector@1"])
    #expect(impact.servingAliases.map(\.alias) == ["production", "staging"])
    let upstream = try queries.lineage(of: version, direction: .upstream, depth: 1)
    #expect(Set(upstream.nodes.map(\.ref.kind)) == [.modelVersion, .run, .artifact])

    let log = try queries.auditLog(AuditLogFilter(entity: "fraud-detector", order: .oldestFirst))
    #expect(log.map(\.action).contains("model.promote"))
    #expect(try queries.check().problems == [])
  }
}
