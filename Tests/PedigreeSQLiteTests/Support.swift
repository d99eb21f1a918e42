import Foundation
import PedigreeCore
import PedigreePostgres
import PedigreeSQLite
import PedigreeTestSupport
import Testing

/// The trait of a test of SQLite itself (its pragmas, its triggers' SQL, its query plans, its
/// file): not run in the PostgreSQL pass (`TestBackend`).
let sqliteOnly = ConditionTrait.enabled(
  if: TestBackend.underTest == .sqlite, "a test of SQLite's own behaviour, not run in the PostgreSQL pass")

extension Database {
  /// Takes the writers' lock and holds it until `ROLLBACK`: SQLite's `BEGIN IMMEDIATE`, or the
  /// audit chain's advisory lock on PostgreSQL.
  func holdWritersLock() throws {
    try execute(
      isPostgres
        ? "BEGIN; SELECT pg_advisory_xact_lock(\(PostgresConnection.auditChainLockKey))" : "BEGIN IMMEDIATE")
  }
}

/// A registry on disk (WAL, like production) in its own temporary directory, or a PostgreSQL
/// database in the PostgreSQL pass (`TestBackend`).
struct Fixture {
  let directory = TemporaryDirectory("pedigree-store")
  let registry: SQLiteRegistry
  let author: Author
  /// Writes as the fixture's author.
  var writer: SQLiteWriter { registry.writing(as: author) }

  /// The registry's location (a file path or a URL).
  let path: String

  init(actor: String = "tester") throws {
    author = Author(actor)
    path = try TestBackend.location(file: directory.file("reg.db"))
    registry = try SQLiteRegistry.open(path: path, access: .create(by: author))
  }

  func count(_ table: String) throws -> Int64 {
    try registry.database.scalarInt("SELECT count(*) FROM \(table)") ?? -1
  }

  /// How many metric points the registry holds, over every run's chunks.
  func metricPointCount() throws -> Int64 {
    try registry.database.scalarInt("SELECT coalesce(sum(count), 0) FROM metric_chunks") ?? -1
  }

  /// A finished run to hang model versions on.
  func run(_ name: String = "train") throws -> RunHandle {
    try writer.startRun(RunStart(experiment: "exp", name: name, status: .finished))
  }

  /// Registers a model version with a distinct artifact digest derived from `seed`.
  @discardableResult
  func version(_ model: String, seed: String, run: RunHandle? = nil) throws -> ModelVersion {
    let producer = try run ?? self.run()
    return try writer.registerModel(
      ModelRegistration(
        model: model, run: .run(producer.uuid),
        artifact: ArtifactInput(
          name: "model.bin", uri: "file:///m/\(seed)", digest: Digest.sha256(Array(seed.utf8)),
          sizeBytes: 10))
    ).value
  }
}
