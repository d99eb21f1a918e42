import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

@testable import PedigreeQuery

@Suite struct RunAndDatasetTests {
  @Test func runShowHasParamsMetricsTagsAndLineage() throws {
    let r = try Registry1()
    try r.fixture.writer(at: 6_000).logRun(.run(r.runA.name), RunLog(tags: [KeyValue("team", "risk")]))
    let details = try r.queries.runShow(r.runA)
    #expect(
      details.run.name == "xgb-a" && details.run.experiment == "fraud" && details.run.status == "finished")
    #expect(details.params.count == 3 && details.tags.map(\.key) == ["team"])
    #expect(details.metrics.map(\.key) == ["auc", "loss"] && details.metrics[1].value.isNaN)
    #expect(details.inputs.map(\.ref.name) == ["transactions@1", "labels@1"])
    #expect(details.outputs.map(\.ref.id) == [r.artifactA.id])
    #expect(details.modelVersions.map(\.ref.name) == ["fraud@1"])
    let json = details.json
    #expect(
      json["metrics"]?["loss"]?["value"] == .string("NaN")
        && json["metrics"]?["auc"]?["value"] == .number(0.9))
    #expect(json["metrics"]?["auc"]?["step"] != nil && json["metrics"]?["auc"]?["timestamp"] != nil)
    #expect(json["code"]?["git_commit"] == .string("9f2c1e7"))
    #expect(details.document.text().contains("loss    NaN     1"))
    expectError(.usage) { try r.queries.runShow(r.fraud1) }
  }

  @Test func runListIsMostRecentFirst() throws {
    let r = try Registry1()
    #expect(try r.queries.runList().map(\.name) == ["xgb-b", "xgb-a", "prep"])
    #expect(try r.queries.runList(limit: 1).map(\.name) == ["xgb-b"])
    #expect(try r.queries.runList(experiment: "etl").map(\.name) == ["prep"])
    #expect(RunSummary.table(try r.queries.runList()).rows.count == 3)
  }

  @Test func datasetListAndShow() throws {
    let r = try Registry1()
    let datasets = try r.queries.datasetList()
    #expect(datasets.map(\.name) == ["labels", "raw", "transactions"])
    #expect(datasets[2].latestVersion == 2 && datasets[2].versionCount == 2)
    #expect(datasets[2].latestDigest == Fixture.digest("transactions@2"))
    let show = try r.queries.datasetShow(r.transactions1)
    #expect(show.name == "transactions" && show.version == 1 && show.uri == "s3://data/transactions/1")
    #expect(show.producedBy.map(\.ref.id) == [r.prep.id])
    #expect(show.usedBy.map(\.ref.id) == [r.runA.id])
    #expect(show.json["ref"] == .string("dataset:transactions@1"))
    expectError(.usage) { try r.queries.datasetShow(r.runA) }
  }
}

@Suite struct RenderingTests {
  @Test func textTableAlignsColumns() {
    var table = TextTable(["A", "NUMBER", "C"], alignments: [.left, .right])
    table.append(["long value", "7", "x"])
    table.append(["b", "12345678"])
    #expect(
      table.rendered().split(separator: "\n").map(String.init) == [
        "A" + String(repeating: " ", count: 13) + "NUMBER  C", "long value         7  x",
        "b           12345678",
      ])
    #expect(TextTable.fields([("a", "1"), ("long", "2")]) == "a:     1\nlong:  2")
  }

  @Test func markdownEscapesValues() {
    let document = ReportDocument(
      title: "t",
      sections: [.init("S", [.table(TextTable(["K"], rows: [["a|b_c*"]])), .fields([("k", "<x>")])])])
    #expect(document.markdown() == "# t\n\n## S\n\n| K |\n| --- |\n| a\\|b\\_c\\* |\n\n- **k:** \\<x\\>\n")
  }

  @Test func metricFormatting() {
    #expect(Format.metric(.nan) == "NaN" && Format.metric(-.infinity) == "-Infinity")
    #expect(Format.metric(3) == "3" && Format.metric(0.931) == "0.931")
    #expect(Format.delta(0.5) == "+0.5" && Format.delta(nil) == "-")
  }
}
