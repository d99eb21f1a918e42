import PedigreeCore
import PedigreeTestSupport
import Testing

@testable import PedigreeQuery
@testable import PedigreeSQLite

@Suite struct AuditLogTests {
  @Test func entityFilterMatchesTheModelAndItsVersionsOnly() throws {
    let r = try Registry1()
    // A model whose name starts with the other's: its entries must not match `fraud`.
    try r.fixture.modelVersion("fraud-detector", 1, run: r.runB, artifact: r.artifactB, at: 6_000)
    let entries = try r.queries.auditLog(AuditLogFilter(entity: "fraud"))
    #expect(
      entries.map(\.entity) == [
        "model:fraud@1", "model:fraud@production", "model:fraud@staging", "model:fraud@2",
        "model:fraud@production", "model:fraud@1",
      ])
    #expect(
      try r.queries.auditLog(AuditLogFilter(entity: "fraud-detector")).map(\.entity) == [
        "model:fraud-detector@1"
      ])
    let version = try r.queries.auditLog(AuditLogFilter(entity: "model:fraud@1", order: .oldestFirst))
    // Issue 10: a version's entries include every alias move onto or off it.
    #expect(
      version.map(\.action) == ["model.register", "model.promote", "model.promote", "model.deprecate"])
    #expect(version.map(\.id) == [8, 9, 14, 15])
    let dataset = try r.queries.auditLog(
      AuditLogFilter(entity: "dataset:transactions@1", order: .oldestFirst))
    #expect(dataset.map(\.action) == ["run.record", "run.record"] && dataset.map(\.id) == [3, 6])
    let registry = try r.queries.auditLog(AuditLogFilter(entity: "registry"))
    #expect(registry.map(\.action) == ["registry.create"])
  }

  @Test func actorTimeAndLimitFilters() throws {
    let r = try Registry1()
    // Entry ids as in `Registry1`'s audit table: one entry per write.
    #expect(try r.queries.auditLog(AuditLogFilter(actor: "bob")).map(\.id) == [14, 9])
    let window = try r.queries.auditLog(
      AuditLogFilter(since: Fixture.time(2_000), until: Fixture.time(4_000), order: .oldestFirst))
    #expect(window.map(\.id) == [9, 10, 11, 12, 13, 14])
    #expect(
      window.map(\.action) == [
        "model.promote", "run.record", "run.log", "model.register", "model.promote", "model.promote",
      ])
    #expect(try r.queries.auditLog(AuditLogFilter(limit: 2)).map(\.id) == [15, 14])
    #expect(try r.queries.auditLog(AuditLogFilter(limit: 2, order: .oldestFirst)).map(\.id) == [1, 2])
    #expect(try r.queries.auditLog(AuditLogFilter(actor: "bob", entity: "fraud", limit: 1)).map(\.id) == [14])
    #expect(try r.queries.auditLog().count == 15)
    expectError(.usage) { try r.queries.auditLog(AuditLogFilter(limit: -1)) }
  }

  @Test(sqliteOnly) func entityFilterUsesTheEntityIndex() throws {
    let r = try Registry1()
    let filter = AuditLogFilter(entity: "fraud", limit: 10)
    let (sql, arguments) = AuditLogSQL.select(filter, entity: try r.queries.entityMatch("fraud"))
    let plan = try r.fixture.plan(sql, arguments)
    #expect(!plan.contains { $0.contains("SCAN audit_log") }, "\(plan)")
    #expect(plan.contains { $0.contains("audit_log_by_entity") }, "\(plan)")
  }

  @Test func prefixUpperBound() {
    #expect(AuditLogSQL.upperBound(ofPrefix: "model:fraud@") == "model:fraudA")
  }
}

@Suite struct DatabaseCheckTests {
  @Test func aCleanRegistryHasNoProblems() throws {
    let r = try Registry1()
    let report = try r.queries.check()
    #expect(report.problems == [])
    #expect(report.auditEntries == 15 && report.schemaVersion == Migration.latestVersion)
    #expect(report.json["ok"] == .bool(true))
  }

  @Test func runsNoAuditEntryCreatedAreNamed() throws {
    let r = try Registry1()
    let hidden = [
      try r.fixture.unrecordedRun("hidden-1", at: 6_000), try r.fixture.unrecordedRun("hidden-2", at: 7_000),
    ]
    let problems = try r.queries.check().problems
    #expect(
      problems.filter { $0.area == .runContent }
        == hidden.map {
          CheckProblem(area: .runContent, message: "run \($0.name): no audit entry records its creation")
        })
    #expect(
      problems.filter { $0.area == .recordedFacts }.map(\.message) == [
        "run:\(hidden[0].name): no audit entry records it (added or renamed behind Pedigree's back) "
          + "(and 1 more like it)"
      ])
  }

  @Test(sqliteOnly) func anAlteredEntryIsNamedAndTheDroppedTriggerIsDrift() throws {
    let r = try Registry1()
    try r.fixture.database.execute("DROP TRIGGER audit_log_no_update")
    try r.fixture.tamper("UPDATE audit_log SET details = '{\"n\":99}' WHERE id = 4")
    let problems = try r.queries.check().problems
    #expect(
      problems.contains(
        CheckProblem(
          area: .auditChain, message: "audit entry 4: altered: its hash does not match its contents")))
    #expect(problems.contains(CheckProblem(area: .schema, message: "trigger audit_log_no_update is missing")))
    #expect(problems.count == 2)
  }

  @Test(sqliteOnly) func aDeletedMiddleEntryIsAGap() throws {
    let r = try Registry1()
    try r.fixture.database.execute("DROP TRIGGER audit_log_no_delete")
    try r.fixture.tamper("DELETE FROM audit_log WHERE id = 3")
    let problems = try r.queries.check().problems
    #expect(problems.contains { $0.area == .auditChain && $0.message.hasPrefix("audit entry 3: missing") })
  }

  @Test(sqliteOnly) func schemaDriftNamesChangedAndExtraObjects() throws {
    let r = try Registry1()
    try r.fixture.database.execute(
      """
      DROP TRIGGER params_no_update;
      CREATE TRIGGER params_no_update BEFORE UPDATE ON params WHEN 0 BEGIN SELECT 1; END;
      CREATE INDEX sneaky ON params(value);
      DROP TRIGGER edges_no_delete;
      """)
    let messages = try r.queries.check().problems.map(\.description)
    #expect(
      messages.sorted() == [
        "schema: index sneaky is not part of the schema",
        "schema: trigger edges_no_delete is missing",
        "schema: trigger params_no_update differs from what the migrations create",
      ])
  }

  @Test(sqliteOnly) func foreignKeyAndMigrationProblems() throws {
    let r = try Registry1()
    try r.fixture.database.execute(
      """
      PRAGMA foreign_keys = OFF;
      INSERT INTO edges(src, dst, relation) VALUES (9999, 1, 'input');
      UPDATE schema_migrations SET checksum = 'sha256:0' WHERE version = 1;
      PRAGMA foreign_keys = ON;
      """)
    let problems = try r.queries.check().problems
    #expect(problems.contains { $0.area == .foreignKeys && $0.message.contains("edges row") })
    #expect(problems.contains { $0.area == .migrations && $0.message.hasPrefix("migration 1 (initial)") })
  }
}

@Suite struct AuditHeadQueryTests {
  @Test func headIsTheLastEntryAndCheckHeadHoldsTheChainToIt() throws {
    let r = try Registry1()
    let last = try #require(try r.queries.reader.lastAuditEntry())
    let head = try r.queries.head()
    #expect(head == ChainHead(head: last.head, at: last.at))
    #expect(try r.queries.check(head: head.head).isClean)
    let third = try #require(try r.queries.reader.auditEntry(id: 3))
    #expect(try r.queries.check(head: third.head).isClean)
    #expect(try r.queries.reader.auditEntry(id: last.id + 1) == nil)

    let wrong = try r.queries.check(head: AuditHead(entry: 3, hash: String(repeating: "0", count: 64)))
    #expect(wrong.problems.map(\.area) == [.auditChain])
    #expect(wrong.problems.first?.message.hasPrefix("audit entry 3: its hash") == true)
    let beyond = try r.queries.check(head: AuditHead(entry: last.id + 5, hash: last.hash))
    #expect(beyond.problems.first?.message.hasPrefix("audit entry \(last.id + 5): missing") == true)
  }

  @Test func headParsing() throws {
    let hash = String(repeating: "ab", count: 32)
    #expect(try AuditHead.parse("7:\(hash.uppercased())") == AuditHead(entry: 7, hash: hash))
    #expect(AuditHead(entry: 7, hash: hash).description == "7:\(hash)")
    for bad in ["", "7", "7:", "0:\(hash)", "+7:\(hash)", "7:\(hash)0", "٧:\(hash)", "7:\(hash):"] {
      expectError(.usage, bad) { try AuditHead.parse(bad) }
    }
  }
}
