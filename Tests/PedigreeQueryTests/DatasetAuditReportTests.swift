import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

@testable import PedigreeQuery

@Suite struct DatasetAuditReportTests {
  @Test func reportOfAProducedDatasetVersion() throws {
    let r = try Registry1()
    let report = try r.queries.datasetAuditReport(r.transactions1)
    #expect(report.dataset.digest == Fixture.digest("transactions@1"))
    #expect(report.dataset.sizeBytes == 1000 && report.dataset.uri == "s3://data/transactions/1")
    #expect(report.dataset.createdBy == "ana")
    #expect(report.producers.map(\.run.uuid) == [r.prep.name])
    #expect(report.producers[0].inputs.map(\.ref.name) == ["raw@1"])
    #expect(report.producers[0].run.code.entryPoint == "train.py")
    #expect(report.consumers.map(\.uuid) == [r.runA.name])
    #expect(report.impact.modelVersions.map(\.ref.name) == ["fraud@1"])
    #expect(report.impact.servingAliases.isEmpty)
    #expect(
      report.impact.servingHistory.map { "\($0.alias) \($0.actor) \($0.isCurrent)" } == [
        "production bob false"
      ])
    #expect(report.auditEntries.map(\.action) == ["run.record", "run.record"])

    let json = report.json
    #expect(json["dataset_version"]?["ref"] == .string("dataset:transactions@1"))
    #expect(json["produced_by"]?[0]?["inputs"]?[0]?["ref"] == .string("dataset:raw@1"))
    #expect(json["consumed_by"]?[0]?["run_id"] == .string(r.runA.name))
    #expect(json["serving_history"]?[0]?["until"] == .string(Fixture.time(4_000).iso8601Milliseconds))
    #expect(json["model_versions"]?[0]?["ref"] == .string("model:fraud@1"))
  }

  @Test func renderings() throws {
    let r = try Registry1()
    let report = try r.queries.datasetAuditReport(r.labels)
    let text = report.document.text()
    #expect(text.hasPrefix("Audit report: dataset:labels@1\n"))
    #expect(text.contains("digest:      \(Fixture.digest("labels@1"))"))
    #expect(text.contains("fraud@2        production"))
    let markdown = report.document.markdown()
    #expect(markdown.hasPrefix("# Audit report: dataset:labels@1\n"))
    #expect(markdown.contains("- **uri:** s3://data/labels/1"))
    #expect(markdown.contains("## Produced by\n\n_none_"))
    #expect(markdown.contains("## Consumed by"))
    #expect(markdown.contains("| fraud@2 | 2 | production, staging | no |"))
    #expect(
      markdown.contains(
        "| fraud@1 | production | \(Fixture.time(2_000).iso8601) | \(Fixture.time(4_000).iso8601) | bob | first release |"
      ))
  }

  @Test func onlyDatasetVersions() throws {
    let r = try Registry1()
    expectError(.usage) { _ = try r.queries.datasetAuditReport(r.fraud1) }
  }
}

extension JSONValue {
  /// The element at `index` of an array.
  fileprivate subscript(index: Int) -> JSONValue? {
    guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
    return elements[index]
  }
}
