import PedigreeCore
import PedigreeSQLite
import Testing

@testable import PedigreeQuery

@Suite struct ImpactTests {
  @Test func impactOfADatasetVersionNamesWhatServesNow() throws {
    let r = try Registry1()
    let impact = try r.queries.impact(of: r.labels)
    #expect(Set(impact.runs.map(\.ref.id)) == [r.runA.id, r.runB.id])
    #expect(Set(impact.artifacts.map(\.ref.id)) == [r.artifactA.id, r.artifactB.id])
    #expect(impact.modelVersions.map(\.ref.name) == ["fraud@1", "fraud@2"])
    #expect(impact.datasetVersions.isEmpty)
    #expect(
      impact.servingAliases.map { "\($0.model)@\($0.alias)=v\($0.version)" }
        == ["fraud@production=v2", "fraud@staging=v2"])
    let json = impact.json
    guard case .array(let serving)? = json["serving_aliases"] else {
      Issue.record("no serving_aliases")
      return
    }
    #expect(serving.first?["alias"] == .string("production") && serving.first?["version"] == .integer(2))
    #expect(impact.document.text().contains("fraud  production  v2"))
  }

  @Test func impactOfAnOldInputHasNoLiveAlias() throws {
    let r = try Registry1()
    let impact = try r.queries.impact(of: r.transactions1)
    #expect(impact.modelVersions.map(\.ref.name) == ["fraud@1"])
    #expect(impact.runs.map(\.ref.id) == [r.runA.id])
    #expect(impact.servingAliases.isEmpty)
    let upstream = try r.queries.impact(of: r.raw)
    #expect(upstream.datasetVersions.map(\.ref.name) == ["transactions@1"])
    #expect(Set(upstream.runs.map(\.ref.id)) == [r.prep.id, r.runA.id])
  }

  @Test func impactOfAModelVersionIncludesItsOwnAliases() throws {
    let r = try Registry1()
    let impact = try r.queries.impact(of: r.fraud2)
    #expect(impact.isEmpty)
    #expect(impact.servingAliases.map(\.alias) == ["production", "staging"])
  }

  /// labels@1 → run → fraud@1 and fraud@2; production: v1 at 1 000, v2 at 2 000, v1 again at
  /// 3 000; staging: v2 at 2 500.
  private func servedTwice() throws -> (Fixture, labels: NodeRef, v1: NodeRef, v2: NodeRef) {
    let f = try Fixture()
    let labels = try f.dataset("labels", 1)
    let runA = try f.trainingRun("a", inputs: [labels], at: 100)
    let v1 = try f.modelVersion(
      "fraud", 1, run: runA,
      artifact: try f.artifact("a.onnx", from: runA, digest: Fixture.digest("a"), at: 200),
      at: 300)
    let runB = try f.trainingRun("b", inputs: [labels], at: 400)
    let v2 = try f.modelVersion(
      "fraud", 2, run: runB,
      artifact: try f.artifact("b.onnx", from: runB, digest: Fixture.digest("b"), at: 500),
      at: 600)
    try f.promote(v1, to: "production", at: 1_000, by: "bob", reason: "first")
    try f.promote(v2, to: "production", at: 2_000, by: "bob", reason: "better")
    try f.promote(v2, to: "staging", at: 2_500, by: "dan")
    try f.promote(v1, to: "production", at: 3_000, by: "sam", reason: "v2 regressed")
    return (f, labels, v1, v2)
  }

  @Test func servingHistoryHasOneSegmentPerStretchAnAliasServedAVersion() throws {
    let (f, labels, _, _) = try servedTwice()
    let impact = try f.queries.impact(of: labels)
    let segments = impact.servingHistory.map {
      "\($0.versionRef.name) \($0.alias) \($0.from.milliseconds - Fixture.epoch)-"
        + "\($0.until.map { String($0.milliseconds - Fixture.epoch) } ?? "now") \($0.actor) \($0.reason ?? "-")"
    }
    #expect(
      segments == [
        "fraud@1 production 1000-2000 bob first",
        "fraud@1 production 3000-now sam v2 regressed",
        "fraud@2 production 2000-3000 bob better",
        "fraud@2 staging 2500-now dan -",
      ])
    #expect(impact.servingAliases.map { "\($0.alias)=v\($0.version)" } == ["production=v1", "staging=v2"])

    guard case .array(let history)? = impact.json["serving_history"] else {
      Issue.record("no serving_history")
      return
    }
    #expect(history.count == 4)
    #expect(history.first?["model_version"] == .string("model:fraud@1"))
    #expect(history.first?["alias"] == .string("production"))
    #expect(history.first?["since"] == .string(Fixture.time(1_000).iso8601Milliseconds))
    #expect(history.first?["until"] == .string(Fixture.time(2_000).iso8601Milliseconds))
    #expect(history.first?["actor"] == .string("bob") && history.first?["reason"] == .string("first"))
    #expect(history[1]["until"] == .null && history[1]["current"] == .bool(true))

    let text = impact.document.text()
    #expect(text.contains("Serving history"))
    #expect(
      text.split(separator: "\n").contains {
        $0.hasPrefix("fraud@1        production  \(Fixture.time(3_000).iso8601)")
          && $0.hasSuffix("now                   sam  v2 regressed")
      })
    let markdown = impact.document.markdown()
    #expect(markdown.hasPrefix("# Impact of labels@1\n"))
    #expect(markdown.contains("## Serving history"))
    #expect(markdown.contains("| MODEL VERSION | ALIAS | FROM | UNTIL | BY | REASON |"))
    #expect(
      markdown.contains(
        "| fraud@1 | production | \(Fixture.time(1_000).iso8601) | \(Fixture.time(2_000).iso8601) | bob | first |"
      ))
  }

  @Test func aModelVersionsOwnImpactHasItsPastServing() throws {
    let (f, _, _, v2) = try servedTwice()
    let impact = try f.queries.impact(of: v2)
    #expect(impact.servingHistory.map(\.alias) == ["production", "staging"])
    #expect(impact.servingHistory.map(\.isCurrent) == [false, true])
  }

  @Test func aVersionNeverServedHasNoHistory() throws {
    let r = try Registry1()
    let impact = try r.queries.impact(of: r.transactions2)
    #expect(impact.modelVersions.map(\.ref.name) == ["fraud@2"])
    #expect(impact.servingHistory.map(\.alias) == ["production", "staging"])
    let old = try r.queries.impact(of: r.transactions1)
    #expect(old.servingAliases.isEmpty)
    #expect(
      old.servingHistory.map { "\($0.alias) \($0.actor) \($0.reason ?? "-") \($0.isCurrent)" }
        == ["production bob first release false"])
  }
}
