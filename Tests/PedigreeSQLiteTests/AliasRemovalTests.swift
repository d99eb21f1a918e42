import PedigreeQuery
import PedigreeTestSupport
import Testing

@testable import PedigreeCore
@testable import PedigreeSQLite

/// Issue 13: an alias removed (MLflow's `DELETE registered-models/alias`, `model unalias`) is an
/// alias event with action `remove` and no target; every read treats the alias as absent.
@Suite struct AliasRemovalTests {
  /// A registry with fraud@1…`versions`, the clock advancing one second per write.
  final class Registry: @unchecked Sendable {
    let directory = TemporaryDirectory("pedigree-unalias")
    let registry: SQLiteRegistry
    nonisolated(unsafe) var now = Timestamp(milliseconds: 1_800_000_000_000)

    init(versions: Int = 3) throws {
      registry = try SQLiteRegistry.open(path: directory.file("reg.db"), access: .create(by: Author("ana")))
      let run = try writer().startRun(RunStart(experiment: "exp", name: "train", status: .finished))
      for seed in 1...versions {
        _ = try writer().registerModel(
          ModelRegistration(
            model: "fraud", run: .run(run.uuid),
            artifact: ArtifactInput(
              name: "m", uri: "file:///m/\(seed)", digest: Digest.sha256(Array("\(seed)".utf8)), sizeBytes: 1)
          ))
      }
    }

    func writer(role: PolicyRole? = nil) -> SQLiteWriter {
      now = Timestamp(milliseconds: now.milliseconds + 1000)
      let time = now
      return registry.writing(as: Author("ana", clock: { time }, role: role))
    }

    func promote(_ version: Int, _ alias: String = "production", reason: String? = nil) throws {
      _ = try writer().promote(.model(name: "fraud", selector: .version(version)), to: alias, reason: reason)
    }

    @discardableResult
    func remove(_ alias: String = "production", reason: String? = nil, role: PolicyRole? = nil) throws
      -> Outcome<AliasMove>
    {
      try writer(role: role).removeAlias(model: "fraud", alias: alias, reason: reason)
    }

    func target(_ alias: String = "production", at: Timestamp? = nil) throws -> Int {
      let node = try registry.resolve(.model(name: "fraud", selector: .alias(alias)), at: at)
      return try registry.modelVersion(id: node.id).version
    }

    func rollback() throws -> Int? { try writer().rollback(model: "fraud", alias: "production").value.to }
  }

  @Test func aRemovedAliasIsAbsentEverywhereButItsHistory() throws {
    let r = try Registry()
    try r.promote(1)
    try r.promote(2)
    try r.promote(1, "staging")
    let beforeRemoval = r.now
    let removal = try r.remove(reason: "incident 42")
    #expect(removal.changed && removal.value.from == 2 && removal.value.to == nil)
    #expect(removal.value.json["to_version"] == .null && removal.value.json["action"] == .string("remove"))

    let error = expectError(.notFound) { try r.target() }
    #expect(error?.message.contains("ana removed it") == true, "\(error?.message ?? "")")
    #expect(error?.message.contains("fraud@2") == true)
    #expect(error?.hint?.contains("model rollback fraud --alias production") == true)
    // Time travel: set before the removal, absent after it.
    #expect(try r.target(at: beforeRemoval) == 2)
    expectError(.notFound) { try r.target(at: r.now) }

    let snapshot = try r.registry.queries.modelSnapshot("fraud", at: nil)
    #expect(snapshot.aliases.map(\.alias) == ["staging"])
    #expect(snapshot.versions.flatMap(\.aliases) == ["staging"])
    #expect(
      try r.registry.queries.modelSnapshot("fraud", at: beforeRemoval).aliases.map(\.alias) == [
        "production", "staging",
      ])
    let history = try r.registry.queries.aliasHistory(model: "fraud", alias: "production")
    #expect(history.map(\.action) == ["promote", "promote", "remove"])
    #expect(history.last?.fromVersion == 2 && history.last?.toVersion == nil)
    #expect(history.last?.reason == "incident 42")
    #expect(history.last?.json["to_version"] == .null)

    // The search DSL: a NULL target must not make `!=` match nothing.
    let notProduction = try r.registry.queries.searchModelVersions(
      filter: try ModelVersionFilter.parse("aliases != 'production'"))
    #expect(notProduction.map(\.version).sorted() == [1, 2, 3])
    #expect(
      try r.registry.queries.searchModelVersions(
        filter: try ModelVersionFilter.parse("aliases = 'production'")
      ).isEmpty)
    #expect(try r.registry.queries.check().isClean)
  }

  @Test func removingTwiceChangesNothingAndANeverSetAliasIsNotFound() throws {
    let r = try Registry()
    try r.promote(1)
    try r.remove()
    let entries = try r.registry.auditEntryCount()
    let again = try r.remove()
    #expect(!again.changed && again.value.from == 1 && again.value.to == nil)
    #expect(try r.registry.auditEntryCount() == entries)
    expectError(.notFound) { try r.remove("champion") }
    expectError(.notFound) { try r.writer().removeAlias(model: "nope", alias: "production", reason: nil) }
    expectError(.usage) { try r.remove("123") }
    #expect(try r.registry.auditEntryCount() == entries)
  }

  @Test func rollbackUndoesARemovalAndNeverLandsOnUnset() throws {
    let r = try Registry(versions: 3)
    try r.promote(1)
    try r.promote(2)
    try r.remove()
    #expect(try r.rollback() == 2, "the removal is undone")
    #expect(try r.target() == 2)
    #expect(try r.rollback() == 1)
    // promote 1, 2, remove, promote 3 → rollback lands on 2, not on "unset".
    let s = try Registry(versions: 3)
    try s.promote(1)
    try s.promote(2)
    try s.remove()
    try s.promote(3)
    #expect(try s.rollback() == 2)
    #expect(try s.rollback() == 1)
    // Removed after one version only: rollback restores it, then has nowhere to go.
    let t = try Registry(versions: 1)
    try t.promote(1)
    try t.remove()
    let restored = try t.writer().rollback(model: "fraud", alias: "production")
    #expect(restored.value.from == nil && restored.value.to == 1)
    expectError(.refused) { try t.rollback() }
    #expect(try t.registry.queries.check().isClean)
  }

  @Test func theAliasPolicyAppliesToARemoval() throws {
    let r = try Registry()
    try r.promote(1, reason: "first")
    _ = try r.writer().setPolicy(
      PolicyInput(pattern: "fraud", alias: "production", requireReason: true, minRole: .promoter))
    let entries = try r.registry.auditEntryCount()
    expectError(.usage) { try r.remove() }
    expectError(.forbidden) { try r.remove(reason: "retire", role: .writer) }
    #expect(try r.registry.auditEntryCount() == entries)
    #expect(try r.remove(reason: "retire", role: .promoter).changed)
  }

  @Test func dbCheckHoldsARemovalAgainstItsAuditEntry() throws {
    let r = try Registry()
    try r.promote(1)
    try r.promote(2)
    try r.remove()
    #expect(try r.registry.queries.check().isClean)
    // Turn the removal into a move back to 1 behind Pedigree's back.
    let database = r.registry.database
    try database.execute("DROP TRIGGER alias_events_no_update")
    let v1 = try database.scalarInt("SELECT id FROM model_versions WHERE version = 1") ?? 0
    try database.execute(
      "UPDATE alias_events SET action = 'rollback', to_version_id = \(v1) WHERE action = 'remove'")
    let report = try r.registry.queries.check()
    #expect(!report.isClean)
    #expect(report.problems.contains { $0.message.contains("alias event 3") }, "\(report.problems)")
  }
}
