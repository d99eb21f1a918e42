import PedigreeQuery
import PedigreeTestSupport
import Testing

@testable import PedigreeCore
@testable import PedigreeSQLite

/// Migration `alias_removal` (0011) rebuilds alias_events to allow a removal (`action = 'remove'`,
/// no target): a registry at the schema before it keeps every event and id, passes `db check`,
/// and then takes removals.
@Suite struct AliasRemovalMigrationTests {
  /// alias_events exactly as migration 0001 created it (the shape every schema before 0011 has).
  static let previousTable = """
    CREATE TABLE alias_events (
      id INTEGER PRIMARY KEY,
      model_id INTEGER NOT NULL REFERENCES models(id),
      alias TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('promote', 'rollback')),
      from_version_id INTEGER REFERENCES model_versions(id),
      to_version_id INTEGER NOT NULL REFERENCES model_versions(id),
      actor TEXT NOT NULL,
      reason TEXT,
      at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX alias_events_by_alias ON alias_events(model_id, alias, id);
    CREATE INDEX alias_events_by_target ON alias_events(to_version_id);
    CREATE TRIGGER alias_events_no_update BEFORE UPDATE ON alias_events
    BEGIN SELECT RAISE(ABORT, 'alias_events is append-only'); END;
    CREATE TRIGGER alias_events_no_delete BEFORE DELETE ON alias_events
    BEGIN SELECT RAISE(ABORT, 'alias_events is append-only'); END;
    """

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
        "DROP TABLE alias_events; " + Self.previousTable
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
