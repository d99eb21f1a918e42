import PedigreeCore
import PedigreeOpenLineage
import PedigreeQuery
import PedigreeSQLite
import PedigreeTestSupport
import Testing

@Suite struct MigrationTests {
  /// A registry as the binary before migration 0009 left it (the schema without 0009's objects,
  /// its version, data written), migrated: it keeps every fact, passes `db check` and takes events.
  @Test func aRegistryFromBeforeMigratesAndTakesEvents() throws {
    let directory = TemporaryDirectory("pedigree-ol-migrate")
    let path = directory.file("reg.db")
    let author = Author("ana")
    // Migration 0009 created the OpenLineage tables; later migrations follow it.
    let previous = 8
    do {
      let registry = try SQLiteRegistry.open(path: path, access: .create(by: author))
      for object in ["ol_run_outputs", "ol_runs", "ol_datasets", "ol_events"] {
        try registry.database.execute("DROP TABLE \(object)")
      }
      try registry.database.execute(
        "DELETE FROM schema_migrations WHERE version > \(previous)")
      try registry.database.execute("PRAGMA user_version = \(previous)")
      _ = try registry.writing(as: author).registerDataset(DatasetInput(name: "tx", uri: "s3://lake/raw"))
    }
    do {
      let old = try SQLiteRegistry.openForMaintenance(path: path)
      #expect(try old.schemaState() == .behind(previous))
      try old.database.execute("PRAGMA user_version = \(previous)")
    }
    let (registry, applied) = try SQLiteRegistry.initialize(path: path, by: author)
    #expect(applied.map(\.version) == Array((previous + 1)...Migration.latestVersion))
    let event = Events.run(
      "COMPLETE", runID: "3b452093-782c-4ef2-9c0c-aafe2aa6f34d", at: "2026-11-28T02:00:00Z",
      inputs: [Events.dataset("s3://lake", "raw")])
    let outcome = try registry.writing(as: author).ingestOpenLineage(
      try OpenLineageEvent.parse(Events.bytes(event)))
    #expect(outcome.changed)
    #expect(try registry.datasetList().map(\.name) == ["lake.raw", "tx"])
    #expect(try registry.queries.check().isClean)
  }
}
