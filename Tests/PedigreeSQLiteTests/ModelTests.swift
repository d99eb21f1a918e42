import PedigreeTestSupport
import Testing

@testable import PedigreeCore
@testable import PedigreeSQLite

@Suite struct ModelTests {
  @Test func versionsCountUpAndDigestsAreIdempotent() throws {
    let fixture = try Fixture()
    let one = try fixture.version("fraud", seed: "a")
    let two = try fixture.version("fraud", seed: "b")
    #expect([one.version, two.version] == [1, 2])
    let run = try fixture.run()
    let retry = try fixture.writer.registerModel(
      ModelRegistration(
        model: "fraud", run: .run(run.uuid),
        artifact: ArtifactInput(name: "m", uri: "file:///x", digest: Digest.sha256(Array("a".utf8)))))
    #expect(!retry.changed && retry.value.version == 1)
    #expect(try fixture.version("other", seed: "a").version == 1, "numbering is per model")
  }

  @Test func versionNumbersAreNeverReused() throws {
    let fixture = try Fixture()
    try fixture.version("fraud", seed: "a")
    try fixture.version("fraud", seed: "b")
    // A failed registration (unknown run) must not consume a number.
    expectError(.notFound) {
      try fixture.writer.registerModel(ModelRegistration(model: "fraud", run: .run("abcdef123456")))
    }
    #expect(try fixture.version("fraud", seed: "c").version == 3)
    #expect(throws: SQLiteError.self) {
      try fixture.registry.database.execute("DELETE FROM model_versions WHERE version = 3")
    }
    #expect(
      try fixture.registry.database.scalarInt("SELECT last_version FROM models WHERE name = 'fraud'") == 3)
  }

  private func current(_ fixture: Fixture, _ alias: String = "production") throws -> Int {
    let node = try fixture.registry.resolve(.model(name: "fraud", selector: .alias(alias)))
    return try fixture.registry.modelVersion(id: node.id).version
  }

  private func promote(_ fixture: Fixture, _ version: Int) throws {
    _ = try fixture.writer.promote(.model(name: "fraud", selector: .version(version)), to: "production")
  }

  @Test func rollbackIsAnUndoStack() throws {
    let fixture = try Fixture()
    for seed in ["1", "2", "3", "4"] { try fixture.version("fraud", seed: seed) }
    for version in 1...3 { try promote(fixture, version) }
    #expect(try fixture.writer.rollback(model: "fraud").value.to == 2)
    #expect(try fixture.writer.rollback(model: "fraud").value.to == 1)
    #expect(try current(fixture) == 1)
    try promote(fixture, 4)
    let back = try fixture.writer.rollback(model: "fraud", reason: "bad AUC")
    #expect(back.value == AliasMove(model: "fraud", alias: "production", from: 4, to: 1, action: .rollback))
    let events = try fixture.registry.database.query(
      "SELECT action, reason FROM alias_events ORDER BY id"
    ) { "\($0.string(0)):\($0.optionalString(1) ?? "-")" }
    #expect(events.last == "rollback:bad AUC")
    #expect(events.count == 7)
  }

  @Test func rollbackSkipsDeprecatedVersions() throws {
    let fixture = try Fixture()
    for seed in ["1", "2", "3"] { try fixture.version("fraud", seed: seed) }
    for version in 1...3 { try promote(fixture, version) }
    _ = try fixture.writer.deprecate(.model(name: "fraud", selector: .version(2)), reason: "leak")
    #expect(try fixture.writer.rollback(model: "fraud").value.to == 1)
    expectError(.refused) { try fixture.writer.rollback(model: "fraud", to: 2) }
    expectError(.refused) { try promote(fixture, 2) }
    expectError(.refused) {
      try fixture.writer.deprecate(.model(name: "fraud", selector: .version(2)), reason: "again")
    }
  }

  @Test func rollbackWithNowhereToGoChangesNothing() throws {
    let fixture = try Fixture()
    for seed in ["1", "2"] { try fixture.version("fraud", seed: seed) }
    expectError(.notFound) { try fixture.writer.rollback(model: "fraud") }
    try promote(fixture, 1)
    let before = try fixture.count("audit_log")
    let error = expectError(.refused) { try fixture.writer.rollback(model: "fraud") }
    #expect(error?.message.contains("fraud@1") == true)
    try promote(fixture, 2)
    _ = try fixture.writer.deprecate(.model(name: "fraud", selector: .version(1)), reason: "bad")
    expectError(.refused) { try fixture.writer.rollback(model: "fraud") }
    #expect(try current(fixture) == 2)
    #expect(try fixture.count("audit_log") == before + 2)
  }

  @Test func rollbackToJumpsAndPromotionOntoSameVersionIsANoOp() throws {
    let fixture = try Fixture()
    for seed in ["1", "2", "3"] { try fixture.version("fraud", seed: seed) }
    for version in 1...3 { try promote(fixture, version) }
    #expect(try fixture.writer.rollback(model: "fraud", to: 1).value.to == 1)
    expectError(.refused) { try fixture.writer.rollback(model: "fraud") }
    let again = try fixture.writer.promote(.model(name: "fraud", selector: .version(1)), to: "production")
    #expect(!again.changed)
    expectError(.notFound) { try fixture.writer.rollback(model: "fraud", to: 9) }
  }

  @Test func aliasesAreSeparateStacks() throws {
    let fixture = try Fixture()
    for seed in ["1", "2"] { try fixture.version("fraud", seed: seed) }
    _ = try fixture.writer.promote(.model(name: "fraud", selector: .version(1)), to: "staging")
    _ = try fixture.writer.promote(.model(name: "fraud", selector: .version(2)), to: "staging")
    try promote(fixture, 2)
    #expect(try fixture.writer.rollback(model: "fraud", alias: "staging").value.to == 1)
    #expect(try current(fixture) == 2)
    expectError(.usage) {
      try fixture.writer.promote(.model(name: "fraud", selector: .version(1)), to: "123")
    }
  }

  @Test func aliasEventsAreAppendOnly() throws {
    let fixture = try Fixture()
    try fixture.version("fraud", seed: "1")
    try promote(fixture, 1)
    #expect(throws: SQLiteError.self) {
      try fixture.registry.database.execute("UPDATE alias_events SET reason = 'x'")
    }
    #expect(throws: SQLiteError.self) { try fixture.registry.database.execute("DELETE FROM alias_events") }
  }
}
