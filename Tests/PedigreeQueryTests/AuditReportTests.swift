import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

@testable import PedigreeQuery

@Suite struct AuditReportTests {
  @Test func reportOfAModelVersion() throws {
    let r = try Registry1()
    let report = try r.queries.auditReport(r.fraud1)
    #expect(report.version.name == "fraud@1" && report.version.description == "fraud v1")
    #expect(report.version.artifact?.digest == Fixture.digest("a"))
    #expect(report.run.uuid == r.runA.name && report.run.code.gitCommit == "9f2c1e7")
    #expect(report.params.map { "\($0.key)=\($0.value)" } == ["lr=0.01", "max_depth=6", "optimizer=adam"])
    #expect(report.metrics.map(\.key) == ["auc", "loss"])
    let auc = report.metrics[0]
    #expect(auc.final?.value == 0.9 && auc.final?.step == 1)
    #expect(auc.count == 2 && auc.min == 0.8 && auc.max == 0.9 && auc.first == 0.8 && auc.last == 0.9)
    let loss = report.metrics[1]
    #expect(loss.final?.value.isNaN == true && loss.nanCount == 1 && loss.count == 2)
    #expect(loss.min == 0.5 && loss.max == 0.5 && loss.first == 0.5 && loss.last?.isNaN == true)
    #expect(report.inputs.map(\.node.ref.name) == ["transactions@1", "labels@1"])
    #expect(report.inputs[0].node.digest == Fixture.digest("transactions@1"))
    #expect(report.inputs[0].upstream.nodes(on: .upstream).map(\.ref.name) == [r.prep.name, "raw@1"])
    #expect(report.inputs[1].upstream.nodes(on: .upstream).isEmpty)
    #expect(report.promotions.map { "\($0.alias) by \($0.actor)" } == ["production by bob"])
    #expect(report.versionAliasEvents.map(\.toVersion) == [1, 2])
    #expect(report.modelAliasHistory.count == 3)
    #expect(report.version.deprecation?.reason == "label leak")
    // Issue 10: the report's audit log holds every alias move onto or off the version too.
    #expect(
      report.auditEntries.map(\.action) == [
        "model.register", "model.promote", "model.promote", "model.deprecate",
      ])
  }

  @Test func renderings() throws {
    let r = try Registry1()
    let report = try r.queries.auditReport(r.fraud1)
    let json = report.json
    guard case .array(let metrics)? = json["metrics"] else {
      Issue.record("no metrics")
      return
    }
    #expect(metrics[1]["key"] == .string("loss") && metrics[1]["value"] == .string("NaN"))
    #expect(json["params"]?["lr"] == .string("0.01"))
    #expect(json["deprecation"]?["reason"] == .string("label leak"))
    let markdown = report.document.markdown()
    #expect(markdown.hasPrefix("# Audit report: fraud@1\n"))
    #expect(markdown.contains("## Params"))
    #expect(markdown.contains("| lr | 0.01 |"))
    #expect(markdown.contains("| loss | NaN | 1 | 2 | 0.5 | 0.5 | 0.5 | NaN |"))
    #expect(markdown.contains("- **registered:** 2030-01-01T00:00:01Z by ana"))
    let text = report.document.text()
    #expect(text.contains("Final metrics\n-------------"))
    #expect(text.contains("transactions@1 ← run \(r.prep.name.prefix(8)) (etl/prep) (depth 1)"))
  }

  @Test func onlyModelVersionsHaveReports() throws {
    let r = try Registry1()
    expectError(.usage) { try r.queries.auditReport(r.runA) }
  }
}

@Suite struct DiffTests {
  @Test func twoModelVersions() throws {
    let r = try Registry1()
    let diff = try r.queries.diff(r.fraud1, r.fraud2)
    #expect(
      diff.params == [
        Change(key: "batch", left: nil, right: "128"), Change(key: "lr", left: "0.01", right: "0.02"),
        Change(key: "optimizer", left: "adam", right: nil),
      ])
    #expect(diff.params.map(\.kind) == [.added, .changed, .removed])
    let metrics = Dictionary(uniqueKeysWithValues: diff.metrics.map { ($0.key, $0) })
    #expect(abs((metrics["auc"]?.delta ?? 0) - 0.03) < 1e-12)
    #expect(metrics["loss"]?.left?.isNaN == true && metrics["loss"]?.delta == nil)
    #expect(metrics["loss"]?.changed == true)
    #expect(metrics["f1"]?.left == nil && metrics["f1"]?.right == .infinity && metrics["f1"]?.delta == nil)
    #expect(
      diff.inputs == [
        Change(
          key: "dataset:transactions", left: "transactions@1 \(Fixture.digest("transactions@1"))",
          right: "transactions@2 \(Fixture.digest("transactions@2"))")
      ])
    #expect(diff.code == [Change(key: "git_commit", left: "9f2c1e7", right: "a1b2c3d")])
    #expect(
      diff.artifacts == [Change(key: "artifact", left: Fixture.digest("a"), right: Fixture.digest("b"))])
    #expect(diff.json["metrics"]?.serialized().contains("\"left\":\"NaN\"") == true)
    // JSON carries the values as data: typed refs and digests, not display strings.
    let input = try #require(diff.inputs.first?.json)
    #expect(
      input["left"]
        == .array([
          .object([
            "ref": .string("dataset:transactions@1"), "digest": .string(Fixture.digest("transactions@1")),
          ])
        ]))
    let artifact = try #require(diff.artifacts.first?.json)
    #expect(artifact["right"]?.serialized().contains("\"digest\":\"\(Fixture.digest("b"))\"") == true)
    #expect(artifact["right"]?.serialized().contains("\"ref\":\"artifact:") == true)
    #expect(diff.document.text().contains("lr         changed  0.01     0.02"))
  }

  @Test func twoRunsAndNaNSafety() throws {
    let f = try Fixture()
    let a = try f.trainingRun("a", params: ["k": "1"], metrics: [("m", 0, .nan), ("i", 0, .infinity)])
    let b = try f.trainingRun("b", params: ["k": "1"], metrics: [("m", 0, .nan), ("i", 0, .infinity)])
    _ = try f.artifact("w.bin", from: a, digest: Fixture.digest("w1"))
    _ = try f.artifact("w.bin", from: b, digest: Fixture.digest("w2"))
    let diff = try f.queries.diff(a, b)
    #expect(diff.params.isEmpty && diff.inputs.isEmpty && diff.code.isEmpty)
    #expect(diff.metrics.allSatisfy { !$0.changed && $0.delta == nil })
    #expect(diff.artifacts.map(\.key) == ["w.bin"])
    #expect(try f.queries.diff(a, a).isEmpty)
    let dataset = try f.dataset("d", 1)
    expectError(.usage) { try f.queries.diff(a, dataset) }
  }
}
