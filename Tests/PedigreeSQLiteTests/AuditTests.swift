import Foundation
import Testing

@testable import PedigreeCore
@testable import PedigreeSQLite

@Suite struct AuditTests {
  @Test func everyWriteAppendsOneChainedEntry() throws {
    let fixture = try Fixture(actor: "ana")
    try fixture.version("fraud", seed: "1")
    _ = try fixture.writer.promote(.model(name: "fraud", selector: .version(1)), to: "production")
    let entries = try fixture.registry.database.query(
      "SELECT id, at, actor, action, entity, details, prev_hash, hash FROM audit_log ORDER BY id",
      [], AuditEntry.init(row:))
    #expect(entries.map(\.action) == ["registry.create", "run.start", "model.register", "model.promote"])
    #expect(entries.map(\.entity).suffix(2) == ["model:fraud@1", "model:fraud@production"])
    #expect(entries.dropFirst().allSatisfy { $0.actor == "ana" })
    #expect(entries.first?.previousHash == AuditChain.genesis)
    for (earlier, later) in zip(entries, entries.dropFirst()) {
      #expect(later.previousHash == earlier.hash)
    }
    #expect(try AuditChain.verify(fixture.registry.database) == nil)
  }

  @Test func theLogRefusesUpdateAndDelete() throws {
    let fixture = try Fixture()
    let db = fixture.registry.database
    #expect(throws: SQLiteError.self) { try db.execute("UPDATE audit_log SET actor = 'mallory'") }
    #expect(throws: SQLiteError.self) { try db.execute("DELETE FROM audit_log") }
    #expect(try fixture.count("audit_log") == 1)
  }

  @Test(sqliteOnly) func tamperingIsNamed() throws {
    let fixture = try Fixture()
    for seed in ["1", "2", "3"] { try fixture.version("fraud", seed: seed) }
    let db = fixture.registry.database
    try db.execute("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete")
    try db.execute("UPDATE audit_log SET details = '{}' WHERE id = 4")
    #expect(try AuditChain.verify(db)?.entryID == 4)
    #expect(try AuditChain.verify(db)?.problem.contains("altered") == true)

    let other = try Fixture()
    for seed in ["1", "2"] { try other.version("fraud", seed: seed) }
    try other.registry.database.execute(
      "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 3")
    #expect(try AuditChain.verify(other.registry.database)?.entryID == 3)
  }

  @Test(sqliteOnly) func aForgedEntryWithAValidOwnHashBreaksTheLink() throws {
    let fixture = try Fixture()
    try fixture.version("fraud", seed: "1")
    let db = fixture.registry.database
    try db.execute("DROP TRIGGER audit_log_no_update")
    let forgedHash = AuditChain.hash(
      previous: String(repeating: "f", count: 64), id: 2, at: Timestamp(milliseconds: 0), actor: "mallory",
      action: "run.start", entity: "run:x", details: "{}")
    try db.run(
      "UPDATE audit_log SET at = 0, actor = 'mallory', entity = 'run:x', details = '{}', prev_hash = ?, hash = ? WHERE id = 2",
      [.text(String(repeating: "f", count: 64)), .text(forgedHash)])
    #expect(try AuditChain.verify(db)?.entryID == 2)
  }
}

/// `log --entity NAME@N` (and the audit report built on it) must find the entries that name a
/// version through the `entity` index: parsing every entry's details was ~60 ms at 10,000 runs.
@Suite struct VersionMentionPlanTests {
  @Test(sqliteOnly, arguments: [VersionMention.Kind.model, .dataset])
  func versionMentionsNeverScanTheWholeLog(kind: VersionMention.Kind) throws {
    let fixture = try Fixture()
    try fixture.version("fraud", seed: "1")
    let mention = VersionMention(kind: kind, name: "fraud", version: 1)
    let (sql, arguments) = AuditLogSQL.select(
      AuditLogFilter(),
      entity: AuditEntityMatch(exact: [mention.typedRef], prefix: mention.typedRef + "@", version: mention))
    let plan = try fixture.registry.database.query("EXPLAIN QUERY PLAN " + sql, arguments) { $0.string(3) }
    #expect(!plan.isEmpty)
    #expect(!plan.contains { $0.hasPrefix("SCAN audit_log") }, "plan: \(plan)")
  }
}

/// Runs, their record digests, params and tags, lineage edges and artifacts are reported by the
/// writer rather than by triggers (`FactTracking.reportedInserts`): each path that inserts them
/// must still leave every entity's latest recorded facts equal to its rows, or `db check` would
/// call the registry tampered.
@Suite struct ReportedInsertTests {
  @Test func everyPathThatInsertsReportedRowsRecordsTheirFacts() throws {
    let fixture = try Fixture()
    let writer = fixture.writer
    let run = try writer.startRun(
      RunStart(
        experiment: "exp", name: "train", params: [KeyValue("lr", "0.1")], tags: [KeyValue("team", "a")],
        inputs: [.dataset(DatasetInput(name: "clean", uri: "s3://b/clean"))]))
    // A tag changed in a write that touched its run already: the update trigger's touch under
    // the tag's upsert failed the write (UNIQUE constraint failed: pedigree_touched) before.
    try writer.logRun(
      .run(run.uuid),
      RunLog(
        params: [KeyValue("epochs", "3")], tags: [KeyValue("team", "b"), KeyValue("gpu", "a100")],
        inputs: [.dataset(DatasetInput(name: "extra", uri: "s3://b/extra"))],
        outputs: [.artifact(ArtifactInput(name: "model.bin", uri: "file:///m"))]))
    try writer.logRun(.run(run.uuid), RunLog(params: [KeyValue("epochs", "3")]))  // a retry: nothing new
    // Two tags changed in one write: the second update's touch failed the same way.
    try writer.logRun(.run(run.uuid), RunLog(tags: [KeyValue("team", "c"), KeyValue("gpu", "h100")]))
    // MLflow's log-batch overwrites tags the same way.
    try writer.logBatch(
      .run(run.uuid), params: [], metrics: [], tags: [KeyValue("team", "d"), KeyValue("gpu", "b200")])
    _ = try writer.record(
      RunDocument(
        json: JSONValue.parse(
          #"{"experiment":"exp","name":"r","params":{"a":"1","b":"2"},"tags":{"t":"1"},"inputs":[{"dataset":"clean@1"}],"outputs":[{"artifact":{"name":"m","uri":"file:///r"}}]}"#
        )))

    let recorded = Dictionary(
      try fixture.registry.recordedFacts().map { ($0.key, $0.facts) }, uniquingKeysWith: { $1 })
    let current = try fixture.registry.currentFacts()
    for entity in current where ["run", "edge", "artifact"].contains(entity.kind) {
      let latest = try #require(recorded[entity.key], "\(entity.key) was never recorded")
      #expect(try JSONValue.parse(latest) == JSONValue.parse(entity.facts), "\(entity.key)")
    }
    // Three inputs and two outputs, each edge an entity of its own.
    #expect(current.filter { $0.kind == "edge" }.count == 5)
    #expect(try fixture.registry.integrityProblems().isEmpty)
  }

  /// The guard on the list: a source file that inserts into a reported table reports the insert.
  @Test func everyInsertIntoAReportedTableIsReported() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Sources/PedigreeSQLite").standardized
    let files = try #require(FileManager.default.enumerator(atPath: sources.path))
    var inserting: [String: Int] = [:]
    for case let path as String in files where path.hasSuffix(".swift") && !path.contains("generated") {
      let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
      for table in FactTracking.reportedInserts {
        let inserts = text.ranges(of: try Regex("INTO \(table)\\b")).count
        guard inserts > 0 else { continue }
        inserting[table, default: 0] += inserts
        #expect(
          text.contains("FactTracking.inserted(into: \"\(table)\""),
          "\(path) inserts into \(table) without reporting it (FactTracking.inserted)")
      }
    }
    #expect(Set(inserting.keys) == FactTracking.reportedInserts)
  }
}
