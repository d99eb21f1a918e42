import Foundation
import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

@testable import PedigreeQuery

/// Issue 16, foreign dataset digests: MLflow's 8-hex md5 digests are kept as `mlflow:<hex>`,
/// never passed off as `sha256:`, idempotent per (dataset, digest), and migration 0007 keeps a
/// registry written before it whole.
@Suite struct ForeignDigestTests {
  static let sha = "sha256:" + String(repeating: "ab", count: 32)

  @Test func datasetDigestsAreSHA256OrADeclaredForeignScheme() throws {
    #expect(try Digest.normalizedDataset("mlflow:FAD98C68") == "mlflow:fad98c68")
    #expect(
      try Digest.normalizedDataset(Self.sha.uppercased().replacingOccurrences(of: "SHA256", with: "sha256"))
        == Self.sha)
    #expect(try Digest.normalizedDataset("mlflow:" + String(repeating: "f", count: 64)).count == 71)
    for bad in [
      "mlflow:", "mlflow:xyz12345", "md5:fad98c68", "fad98c68", "sha256:fad98c68",
      "mlflow:" + String(repeating: "f", count: 65), "mlflow: fad98c68",
    ] {
      expectError(.usage) { try Digest.normalizedDataset(bad) }
    }
    #expect(Digest.isForeign("mlflow:fad98c68"))
    #expect(!Digest.isForeign(Self.sha))
    #expect(Digest.scheme(of: "mlflow:fad98c68") == "mlflow")
    // Everything that is not a dataset digest still takes only SHA-256.
    expectError(.usage) { try Digest.normalized("mlflow:fad98c68") }
  }

  @Test func aForeignDigestIsKeptAsGivenAndIdempotentPerDataset() throws {
    let fixture = try Fixture()
    let writer = fixture.writer()
    let first = try writer.registerDataset(
      DatasetInput(name: "iris", uri: "s3://iris.csv", digest: "mlflow:FAD98C68"))
    #expect(first.changed && first.value.digest == "mlflow:fad98c68")
    let entries = try fixture.registry.database.scalarInt("SELECT count(*) FROM audit_log")
    let again = try writer.registerDataset(
      DatasetInput(name: "iris", uri: "s3://elsewhere.csv", digest: "mlflow:fad98c68"))
    #expect(!again.changed && again.value.ref == "iris@1")
    #expect(try fixture.registry.database.scalarInt("SELECT count(*) FROM audit_log") == entries)
    let other = try writer.registerDataset(DatasetInput(name: "iris", uri: "s3://iris.csv", digest: Self.sha))
    #expect(other.changed && other.value.ref == "iris@2")
    let elsewhere = try writer.registerDataset(
      DatasetInput(name: "wine", uri: "s3://wine.csv", digest: "mlflow:fad98c68"))
    #expect(elsewhere.changed && elsewhere.value.ref == "wine@1")
    let shown = try fixture.queries.datasetShow(
      try fixture.node(.dataset(name: "iris", selector: .version(1))))
    #expect(shown.json["digest"] == .string("mlflow:fad98c68"))
    #expect(
      try fixture.registry.recordedDigest(of: try fixture.node(.dataset(name: "iris", selector: .version(1))))
        == "mlflow:fad98c68")
    expectError(.usage) {
      try writer.registerDataset(DatasetInput(name: "iris", uri: "s3://x", digest: "md5:fad98c68"))
    }
    #expect(try fixture.queries.check().problems == [])
  }

  @Test func runRecordsTakeForeignDigestsOnInputsAndOutputs() throws {
    let fixture = try Fixture()
    let document = try RunDocument(
      json: try JSONValue.parse(
        #"{"run_id": "0123456789abcdef0123456789abcdef", "started_at": "2026-11-28T10:00:00Z", "#
          + #""inputs": [{"dataset": {"name": "iris", "uri": "s3://iris.csv", "digest": "mlflow:fad98c68"}}], "#
          + #""outputs": [{"dataset": {"name": "clean", "uri": "s3://clean.csv", "digest": "mlflow:0a1b2c3d"}}]}"#
      ))
    let result = try fixture.writer().record(document)
    #expect(result.changed)
    let again = try fixture.writer().record(document)
    #expect(!again.changed)
    #expect(try fixture.registry.database.scalarInt("SELECT count(*) FROM dataset_versions") == 2)
    let digests = try fixture.registry.database.query("SELECT digest FROM dataset_versions ORDER BY id") {
      $0.string(0)
    }
    #expect(digests == ["mlflow:fad98c68", "mlflow:0a1b2c3d"])
    // A model's artifact digest is a content hash Pedigree checks: no foreign scheme there.
    let run = try fixture.writer().startRun(RunStart(status: .finished))
    expectError(.usage) {
      try fixture.writer().registerModel(
        ModelRegistration(
          model: "m", run: .run(run.uuid),
          artifact: ArtifactInput(name: "m", uri: "s3://m", digest: "mlflow:fad98c68")))
    }
    #expect(try fixture.queries.check().problems == [])
  }

  /// A registry as the binary before migration 0007 left it (dataset versions with tags, a
  /// deprecation and consuming runs), upgraded in place: every id, row and edge is kept, the
  /// foreign keys and the schema check out, and the new scheme is accepted afterwards.
  @Test(sqliteOnly) func migration0007KeepsARegistryWrittenBeforeIt() throws {
    let fixture = try Fixture()
    let writer = fixture.writer()
    for n in 1...3 {
      _ = try writer.registerDataset(
        DatasetInput(
          name: "tx", uri: "s3://tx/\(n)", digest: n == 2 ? nil : Fixture.digest("tx\(n)"),
          rowCount: Int64(n), tags: [KeyValue("n", "\(n)")]))
    }
    _ = try writer.deprecateDataset(.dataset(name: "tx", selector: .version(1)), reason: "bad")
    _ = try writer.startRun(RunStart(inputs: [.ref(.dataset(name: "tx", selector: .version(3)))]))
    let path = fixture.path
    let tables = ["dataset_versions", "dataset_version_tags", "dataset_deprecations", "edges", "nodes"]
    func rows(_ db: Database) throws -> [String] {
      try tables.flatMap { table in
        try db.query("SELECT * FROM \(table) ORDER BY 1, 2") { row in
          "\(table): " + (0..<row.count).map { "\(row.value($0))" }.joined(separator: "|")
        }
      }
    }
    let before = try rows(fixture.registry.database)
    try Self.rewindTo6(path: path)
    let old = try SQLiteRegistry.openForMaintenance(path: path)
    #expect(try old.schemaState() == .behind(Migration.all.filter { $0.version < 7 }.map(\.version).max()!))
    let upgraded = try SQLiteRegistry.initialize(path: path, by: Author("ops"))
    #expect(upgraded.applied.map(\.version) == Migration.all.map(\.version).filter { $0 >= 7 })
    #expect(try rows(upgraded.registry.database) == before)
    #expect(try Queries(upgraded.registry).check().problems == [])
    let foreign = try upgraded.registry.writing(as: Author("ops")).registerDataset(
      DatasetInput(name: "tx", uri: "s3://tx/4", digest: "mlflow:fad98c68"))
    #expect(foreign.value.ref == "tx@4")
    #expect(throws: SQLiteError.self) {
      try upgraded.registry.database.execute("UPDATE dataset_versions SET uri = 'x'")
    }
    #expect(throws: SQLiteError.self) {
      try upgraded.registry.database.execute(
        "INSERT INTO dataset_versions(id, dataset_id, version, uri, digest, created_at, created_by) "
          + "VALUES (999, 1, 99, 'x', 'md5:00', 0, 'x')")
    }
  }

  /// Puts the file back to schema 6 as the previous binary wrote it: dataset_versions with 0001's
  /// CHECK (rebuilt the same way 0007 rebuilds it), migration 7 unrecorded.
  static func rewindTo6(path: String) throws {
    let migration = try #require(Migration.all.first { $0.version == 7 })
    let old = migration.sql
      .replacingOccurrences(
        of: "digest GLOB 'sha256:*' OR digest GLOB 'mlflow:*'", with: "digest GLOB 'sha256:*'")
    let previous = Migration.all.filter { $0.version < 7 }.map(\.version).max() ?? 0
    let db = try Database(path: path, mode: .readWrite)
    try db.execute("BEGIN IMMEDIATE")
    try db.execute(old)
    // Later migrations' tables go too, so that upgrading applies them again; a table a later
    // migration rebuilds (0011's alias_events) existed before and stays.
    let created = { (migrations: [Migration]) in
      migrations.flatMap { $0.sql.matches(of: #/CREATE TABLE (\w+)/#).map { String($0.output.1) } }
    }
    let earlier = Set(created(Migration.all.filter { $0.version <= 7 }))
    let later = created(Migration.all.filter { $0.version > 7 })
    for table in later.reversed() where !earlier.contains(table) {
      try db.execute("DROP TABLE IF EXISTS \(table)")
    }
    try db.execute("DELETE FROM schema_migrations WHERE version >= 7")
    try db.execute("PRAGMA user_version = \(previous)")
    try db.execute("COMMIT")
  }
}
