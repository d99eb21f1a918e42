import PedigreeQuery
import PedigreeTestSupport
import Testing

@testable import PedigreeCore
@testable import PedigreeSQLite

/// Migration `alias_removal` (0011) rebuilds alias_events to allow a removal (`action = 'remove'`,
/// no target): a registry at the schema before it keeps every event and id, passes `db check`,
/// and then takes removals.
@Suite struct AliasRemovalMigrationTests {
  /// alias_events exactly as migration 0001 created it (the shape of every schema before 0011):
  /// its table, indexes and triggers, cut out of 0001's own SQL.
  static var previousTable: String {
    get throws {
      let initial = try #require(Migration.all.first { $0.version == 1 }).sql
      let statements = initial.matches(
        of:
          #/(?s)CREATE TABLE alias_events \(.*?\) STRICT;|CREATE INDEX alias_events_\w+ ON [^;]*;|CREATE TRIGGER alias_events_\w+ .*?END;/#
      ).map { String($0.output) }
      #expect(statements.count == 5, "\(statements)")
      return statements.joined(separator: "\n")
    }
  }

  @Test func aRegistryFromBeforeKeepsItsEventsAndTakesRemovals() throws {
    let directory = TemporaryDirectory("pedigree-0011")
    let path = directory.file("reg.db")
    let author = Author("ana")
    let migration = try #require(Migration.all.first { $0.name == "alias_removal" })
    // The registry as the binary before 0011 left it: its alias_events, its version, and alias
    // events written (promotions and a rollback).
    do {
      let registry = try SQLiteRegistry.open(path: path, access: .create(by: author))
      try registry.database.execute(
        "DROP TABLE alias_events; " + (try Self.previousTable)
          + "DELETE FROM schema_migrations WHERE version >= \(migration.version); "
          + "PRAGMA user_version = \(migration.version - 1);")
      let writer = registry.writing(as: author)
      let run = try writer.startRun(RunStart(experiment: "exp", name: "train", status: .finished))
      for seed in ["a", "b"] {
        _ = try writer.registerModel(
          ModelRegistration(
            model: "fraud", run: .run(run.uuid),
            artifact: ArtifactInput(
              name: "m", uri: "file:///\(seed)", digest: Digest.sha256(Array(seed.utf8))),
            alias: "production"))
      }
      _ = try writer.rollback(model: "fraud", alias: "production", to: nil, reason: "bad")
      expectError(.refused, "the previous schema refuses a removal") {
        try writer.removeAlias(model: "fraud", alias: "production", reason: nil)
      }
    }
    let before = try SQLiteRegistry.openForMaintenance(path: path)
    #expect(try before.schemaState() == .behind(migration.version - 1))
    let events = try before.database.query("SELECT id, action, to_version_id FROM alias_events ORDER BY id") {
      "\($0.int64(0)) \($0.string(1)) \($0.int64(2))"
    }
    #expect(events.count == 3)

    let (registry, applied) = try SQLiteRegistry.initialize(path: path, by: author)
    #expect(applied.map(\.name) == ["alias_removal"])
    #expect(
      try registry.database.query("SELECT id, action, to_version_id FROM alias_events ORDER BY id") {
        "\($0.int64(0)) \($0.string(1)) \($0.int64(2))"
      } == events)
    #expect(try registry.queries.check().isClean)
    let removal = try registry.writing(as: author).removeAlias(
      model: "fraud", alias: "production", reason: nil)
    #expect(removal.changed && removal.value.from == 1)
    expectError(.notFound) { try registry.resolve(.model(name: "fraud", selector: .alias("production"))) }
    #expect(try registry.queries.check().isClean)
    // The rebuilt table is append-only again.
    #expect(throws: SQLiteError.self) { try registry.database.execute("DELETE FROM alias_events") }
  }
}
