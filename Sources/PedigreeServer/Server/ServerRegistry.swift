import Foundation
import PedigreeArtifacts
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

/// What every route reads and writes through: the registry's `RegistryStore` (one serial writer,
/// pooled parallel readers), the artifact store, and how long a write may wait for the writer.
///
/// ```swift
/// let models = try await registry.read { reader in try reader.queries.modelList().json }
/// let move = try await registry.write(as: context.author(.writer)) { writer in
///   try writer.promote(ref, to: "staging", reason: nil)
/// }
/// ```
public final class ServerRegistry: Sendable {
  /// The registry's access point (SQLite today).
  public let store: SQLiteStore
  /// The content-addressed artifact store.
  public let artifacts: ArtifactStore
  /// How long a write may wait for the writer before it answers 503.
  public let busyTimeout: Duration

  public init(store: SQLiteStore, artifacts: ArtifactStore, busyTimeout: Duration) {
    self.store = store
    self.artifacts = artifacts
    self.busyTimeout = busyTimeout
  }

  /// Runs `body` with a reader, in one read transaction, in parallel with other requests.
  public func read<T: Sendable>(
    _ body: @escaping @Sendable (any RegistryReading) throws -> T
  ) async throws -> T {
    try await store.read(body)
  }

  /// Runs `body` with the one writer as `author`: one transaction, at most one audit entry. A
  /// write that waited for the writer longer than the busy timeout gives up before writing
  /// (`PedigreeError.busy`, answered 503 with `Retry-After`).
  public func write<T: Sendable>(
    as author: Author, _ body: @escaping @Sendable (any RegistryWriting) throws -> T
  ) async throws -> T {
    let queued = ContinuousClock.now
    let timeout = busyTimeout
    return try await store.write(as: author) { writer in
      guard ContinuousClock.now - queued <= timeout else {
        throw PedigreeError(
          .busy, "the registry's writer stayed busy past the timeout", remedy: .retryOrWaitLonger)
      }
      return try body(writer)
    }
  }
}
