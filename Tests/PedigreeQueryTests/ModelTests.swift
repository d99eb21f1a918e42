import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

@testable import PedigreeQuery

@Suite struct TimeTravelTests {
  @Test func beforeTheAliasMoved() throws {
    let r = try Registry1()
    let show = try r.queries.modelShow(try Ref.parse("fraud@production"), at: Fixture.time(2_500))
    #expect(show.version.name == "fraud@1")
    #expect(show.version.deprecation == nil)
    #expect(show.version.aliases == ["production"])
    #expect(show.model.versions.map(\.version) == [1])
    #expect(show.model.aliases.map { "\($0.alias)=\($0.version)" } == ["production=1"])
  }

  @Test func afterTheAliasMoved() throws {
    let r = try Registry1()
    let show = try r.queries.modelShow(try Ref.parse("fraud@production"), at: Fixture.time(4_500))
    #expect(show.version.name == "fraud@2")
    #expect(show.model.versions.map(\.version) == [1, 2])
    #expect(show.model.versions.allSatisfy { $0.deprecation == nil })
    #expect(show.model.aliases.map { "\($0.alias)=\($0.version)" } == ["production=2", "staging=2"])
    let v1 = try r.queries.modelShow(try Ref.parse("fraud@1"), at: Fixture.time(4_500))
    #expect(v1.version.aliases.isEmpty && v1.version.deprecation == nil)
    let now = try r.queries.modelShow(try Ref.parse("fraud@1"))
    #expect(now.version.deprecation?.reason == "label leak")
    #expect(now.json["as_of"] == .null)
  }

  @Test func beforeTheModelExistedIsNotFound() throws {
    let r = try Registry1()
    let early = expectError(.notFound) {
      try r.queries.modelShow(try Ref.parse("fraud@production"), at: Fixture.time(-1))
    }
    #expect(early?.message.contains("did not exist yet") == true, "\(String(describing: early))")
    expectError(.notFound) { try r.queries.modelSnapshot("fraud", at: Fixture.time(-1)) }
    expectError(.notFound) { try r.queries.modelShow(try Ref.parse("fraud@2"), at: Fixture.time(2_500)) }
    expectError(.usage) { try r.queries.modelShow(try Ref.parse("dataset:raw@1")) }
  }
}

@Suite struct ModelReadTests {
  @Test func modelListAndVersions() throws {
    let r = try Registry1()
    try r.fixture.model("empty", at: 10)
    let models = try r.queries.modelList()
    #expect(models.map(\.name) == ["empty", "fraud"])
    #expect(models[1].latestVersion == 2 && models[1].versionCount == 2)
    #expect(models[0].latestVersion == nil && models[0].versionCount == 0)
    #expect(models[1].aliases.map(\.alias) == ["production", "staging"])
    guard case .array(let aliases)? = models[1].json["aliases"] else {
      Issue.record("no alias list")
      return
    }
    #expect(aliases.map { $0["alias"] } == [.string("production"), .string("staging")])
    #expect(aliases.map { $0["version"] } == [.integer(2), .integer(2)])
    let table = ModelSummary.table(models).rendered()
    #expect(table.split(separator: "\n")[2] == "fraud      v2         2  production=v2, staging=v2")
    let versions = try r.queries.modelVersions("fraud")
    #expect(versions.map(\.version) == [1, 2])
    #expect(versions[0].deprecation?.by == "carol")
    #expect(versions[1].aliases == ["production", "staging"])
    #expect(versions[1].artifact?.name == "model-b.onnx")
    #expect(versions[1].json["artifact_digest"] == .string(Fixture.digest("b")))
    expectError(.notFound) { try r.queries.modelVersions("nope") }
  }

  @Test func aliasHistoryIsOldestFirst() throws {
    let r = try Registry1()
    let history = try r.queries.aliasHistory(model: "fraud")
    #expect(
      history.map { "\($0.alias):\($0.fromVersion ?? 0)->\($0.toVersion ?? 0)" } == [
        "production:0->1", "staging:0->2", "production:1->2",
      ])
    let production = try r.queries.aliasHistory(model: "fraud", alias: "production")
    #expect(production.map(\.reason) == ["first release", "better auc"])
    #expect(production[1].json["from_version"] == .integer(1))
  }
}
