import Foundation
import PedigreeCore
import PedigreeSQLite
import Testing

/// The Sendable access point under concurrent callers: one serial writer, parallel readers.
struct StoreTests {
  @Test func thirtyTwoConcurrentCallersLoseNothing() async throws {
    let path = NSTemporaryDirectory() + "pedigree-store-\(UUID().uuidString).db"
    defer {
      for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    _ = try SQLiteRegistry.initialize(path: path, by: Author("setup"))
    let store = try SQLiteStore(path: path)
    let runIDs = try await withThrowingTaskGroup(of: String?.self) { group in
      for index in 0..<32 {
        group.addTask {
          if index.isMultiple(of: 2) {
            return try await store.write(as: Author("writer-\(index)")) { writer in
              var document = RunDocument(start: RunStart(experiment: "concurrency", name: "run-\(index)"))
              document.log.metrics = (0..<100).map {
                MetricPoint(key: "loss", value: Double($0), step: Int64($0))
              }
              return try writer.record(document).run.uuid
            }
          }
          // A reader sees one consistent snapshot: every run it sees has all its points.
          let seen = try await store.readRegistry { try $0.statistics() }
          #expect(seen.metricPoints == seen.runs * 100)
          return nil
        }
      }
      var ids: [String] = []
      for try await id in group { if let id { ids.append(id) } }
      return ids
    }.sorted()
    #expect(runIDs.count == 16)
    let registry = try SQLiteRegistry.open(path: path, access: .read)
    let statistics = try registry.statistics()
    #expect(statistics.runs == 16)
    #expect(statistics.metricPoints == 1600)
    for id in runIDs {
      #expect(try registry.resolve(.run(id)).name == id)
    }
  }

  @Test func aWriteIsStampedWithItsOwnAuthor() async throws {
    let path = NSTemporaryDirectory() + "pedigree-store-\(UUID().uuidString).db"
    defer {
      for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    _ = try SQLiteRegistry.initialize(path: path, by: Author("setup"))
    let store = try SQLiteStore(path: path)
    let pinned = Timestamp(milliseconds: 1_893_456_000_000)
    let ana = try await store.write(as: Author("ana").at(pinned)) {
      try $0.startRun(RunStart(experiment: "e"))
    }
    let sam = try await store.write(as: Author("sam")) { try $0.startRun(RunStart(experiment: "e")) }
    let registry = try SQLiteRegistry.open(path: path, access: .read)
    let actor = "SELECT actor FROM runs WHERE uuid = ?"
    #expect(try registry.database.scalarString(actor, [.text(ana.uuid)]) == "ana")
    #expect(try registry.database.scalarString(actor, [.text(sam.uuid)]) == "sam")
    let started = "SELECT started_at FROM runs WHERE uuid = ?"
    #expect(try registry.database.scalarInt(started, [.text(ana.uuid)]) == pinned.milliseconds)
  }

  @Test func aStoreNeedsAnExistingRegistry() throws {
    let path = NSTemporaryDirectory() + "pedigree-store-missing-\(UUID().uuidString).db"
    do {
      _ = try SQLiteStore(path: path)
      Issue.record("opened a store on a missing file")
    } catch {
      #expect(error.kind == .io)
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }
}
