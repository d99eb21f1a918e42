import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

@testable import PedigreeQuery

/// Promotion policies through the write API, over the model search fixture's versions.
@Suite struct PolicyTests {
  let models: ModelSearchTests
  var registry: SQLiteRegistry { models.fixture.registry }

  init() throws { models = try ModelSearchTests() }

  func writer() -> SQLiteWriter { models.writer(at: 40) }

  func set(_ pattern: String, require: String? = nil, reason: Bool = false, prior: String? = nil) throws {
    _ = try writer().setPolicy(
      PolicyInput(
        pattern: pattern, alias: "production", require: try require.map(ModelVersionFilter.parse),
        requireReason: reason, requirePriorAlias: prior, minRole: .promoter))
  }

  @Test func aFailedConditionIsRefusedAndChangesNothing() throws {
    try set("m*", require: "run.metrics.auc >= 0.9 and run.attributes.status = 'finished'")
    #expect(try writer().promote(try Ref.parse("m@1"), to: "production").changed)
    let before = try models.fixture.snapshot()
    let error = expectError(.refused) { _ = try writer().promote(try Ref.parse("m@2"), to: "production") }
    #expect(error?.message.contains("run.metrics.auc >= 0.9") == true)
    expectError(.refused) { _ = try writer().rollback(model: "m", alias: "production", reason: "x") }
    #expect(try models.fixture.snapshot() == before)
  }

  @Test func aMissingReasonIsAUsageErrorAndPriorAliasIsChecked() throws {
    try set("*", reason: true, prior: "staging")
    expectError(.usage) { _ = try writer().promote(try Ref.parse("m@1"), to: "production") }
    expectError(.usage) { _ = try writer().promote(try Ref.parse("m@1"), to: "production", reason: "  ") }
    expectError(.refused) {
      _ = try writer().promote(try Ref.parse("other@1"), to: "production", reason: "r")
    }
    #expect(try writer().promote(try Ref.parse("m@1"), to: "production", reason: "was staging").changed)
    // The rollback back to m@2 needs its reason too.
    expectError(.usage) { _ = try writer().rollback(model: "m", alias: "production") }
    #expect(try writer().rollback(model: "m", alias: "production", reason: "undo").changed)
    // Other aliases are not guarded.
    #expect(try writer().promote(try Ref.parse("other@1"), to: "staging").changed)
  }

  @Test func theLatestMatchingPolicyWinsAndUnsetIsAnEvent() throws {
    try set("*", reason: true)
    try set("m", require: "deprecated = false")
    // m's own policy is the latest match: no reason needed, deprecated versions refused.
    #expect(try writer().promote(try Ref.parse("m@1"), to: "production").changed)
    #expect(
      try !writer().setPolicy(
        PolicyInput(
          pattern: "m", alias: "production", require: try ModelVersionFilter.parse("deprecated = false"),
          minRole: .promoter)
      ).changed)
    let removed = try writer().unsetPolicy(pattern: "m", alias: "production")
    #expect(removed.require == "deprecated = false")
    expectError(.notFound) { _ = try writer().unsetPolicy(pattern: "m", alias: "production") }
    expectError(.usage) { _ = try writer().promote(try Ref.parse("m@2"), to: "production") }
    let policies = try registry.queries.promotionPolicies()
    #expect(policies.map(\.name) == ["*@production"])
    #expect(policies.first?.minRole == .promoter)
    let rows = try registry.database.scalarInt("SELECT count(*) FROM promotion_policies")
    #expect(rows == 3)
    expectError(.usage) { _ = try writer().setPolicy(PolicyInput(pattern: "bad name!", alias: "production")) }
  }

  @Test func registrationAliasesObeyPolicies() throws {
    try set("m", reason: true)
    let registration = ModelRegistration(
      model: "m", run: .run(models.fixture.uuid(1)),
      artifact: ArtifactInput(
        name: "m.bin", uri: "file:///m/policy", digest: Digest.sha256(Array("policy".utf8))),
      alias: "production")
    let before = try models.fixture.snapshot()
    expectError(.usage) { _ = try writer().registerModel(registration) }
    #expect(try models.fixture.snapshot() == before)
  }
}
