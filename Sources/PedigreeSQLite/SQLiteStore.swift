import Dispatch
import PedigreeCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The Sendable access point to one registry file (after GRDB's `DatabasePool`): one serial
/// writer connection, and reader connections that run in parallel under WAL, each closure in one
/// read transaction. Closures run on the store's own threads, never on the caller's executor, so
/// a blocked SQLite call does not stall Swift concurrency's cooperative pool.
///
/// ```swift
/// let store = try SQLiteStore(path: "pedigree.db")
/// let handle = try await store.write(as: Author("ci")) { try $0.startRun(RunStart(experiment: "e")) }
/// ```
public final class SQLiteStore: RegistryStore, @unchecked Sendable {
  // @unchecked: every connection is touched only on `writerQueue` (the writer) or while checked
  // out of `idleReaders` under `lock` (a reader); nothing else is mutable.

  /// The registry file.
  public let path: String
  private let busyTimeout: Duration
  private let writer: SQLiteRegistry
  private let writerQueue = DispatchQueue(label: "pedigree.sqlite.writer")
  private let readerQueue = DispatchQueue(label: "pedigree.sqlite.readers", attributes: .concurrent)
  private let lock = DispatchSemaphore(value: 1)
  private var idleReaders: [SQLiteRegistry] = []
  /// How many idle reader connections are kept open.
  private let maximumIdleReaders: Int

  /// Opens the registry at `path`, which must exist and be up to date.
  ///
  /// - Parameters:
  ///   - busyTimeout: how long a write waits for another process's lock.
  ///   - maximumIdleReaders: reader connections kept open between reads (more are opened under
  ///     load and closed after). Default 8.
  public init(
    path: String, busyTimeout: Duration = SQLiteRegistry.defaultBusyTimeout, maximumIdleReaders: Int = 8
  ) throws(PedigreeError) {
    self.path = path
    self.busyTimeout = busyTimeout
    self.maximumIdleReaders = maximumIdleReaders
    self.writer = try SQLiteRegistry.open(path: path, access: .write, busyTimeout: busyTimeout)
  }

  public func read<T: Sendable>(
    _ body: @escaping @Sendable (any RegistryReading) throws -> T
  ) async throws -> T {
    try await readRegistry { registry in try registry.read { try body(registry) } }
  }

  public func write<T: Sendable>(
    as author: Author, _ body: @escaping @Sendable (any RegistryWriting) throws -> T
  ) async throws -> T {
    try await writeRegistry(as: author, body)
  }

  /// `read(_:)` with the concrete SQLite registry, for SQLite-only callers (maintenance).
  public func readRegistry<T: Sendable>(
    _ body: @escaping @Sendable (SQLiteRegistry) throws -> T
  ) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      readerQueue.async {
        continuation.resume(with: Result { try self.withReader(body) })
      }
    }
  }

  /// `write(as:_:)` with the concrete SQLite writer.
  public func writeRegistry<T: Sendable>(
    as author: Author, _ body: @escaping @Sendable (SQLiteWriter) throws -> T
  ) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      writerQueue.async {
        continuation.resume(with: Result { try body(self.writer.writing(as: author)) })
      }
    }
  }

  private func withReader<T>(_ body: (SQLiteRegistry) throws -> T) throws -> T {
    let reader = try checkOutReader()
    defer { checkIn(reader) }
    return try body(reader)
  }

  private func checkOutReader() throws(PedigreeError) -> SQLiteRegistry {
    lock.wait()
    let idle = idleReaders.popLast()
    lock.signal()
    if let idle { return idle }
    return try SQLiteRegistry.open(path: path, access: .read, busyTimeout: busyTimeout)
  }

  private func checkIn(_ reader: SQLiteRegistry) {
    lock.wait()
    defer { lock.signal() }
    if idleReaders.count < maximumIdleReaders { idleReaders.append(reader) }
  }
}
