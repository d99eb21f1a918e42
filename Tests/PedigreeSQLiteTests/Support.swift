import Foundation
import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

/// A registry on disk (WAL, like production) in its own temporary directory.
struct Fixture {
  let directory = TemporaryDirectory("pedigree-store")
  let registry: SQLiteRegistry
  let author: Author
  /// Writes as the fixture's author.
  var writer: SQLiteWriter { registry.writing(as: author) }

  init(actor: String = "tester") throws {
    author = Author(actor)
    registry = try SQLiteRegistry.open(path: directory.file("reg.db"), access: .create(by: author))
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
