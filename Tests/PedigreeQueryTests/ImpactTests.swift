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
}
