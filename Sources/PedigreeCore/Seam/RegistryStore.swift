/// The one Sendable access point to a registry, for concurrent callers (the server): reads run
/// in parallel, each on a consistent snapshot; writes run one at a time, each with its author.
///
/// ```swift
/// let models = try await store.read { reader in try reader.resolve(try Ref.parse("fraud@1")) }
/// let run = try await store.write(as: Author("ci")) { writer in
///   try writer.startRun(RunStart(experiment: "fraud"))
/// }
/// ```
///
/// The closures get a reader or writer lent for their duration only: keep neither.
public protocol RegistryStore: Sendable {
  /// Runs `body` with a reader, in parallel with other reads and with the writer.
  func read<T: Sendable>(_ body: @escaping @Sendable (any RegistryReading) throws -> T) async throws -> T

  /// Runs `body` with the one writer, as `author`, after the writes queued before it.
  func write<T: Sendable>(
    as author: Author, _ body: @escaping @Sendable (any RegistryWriting) throws -> T
  ) async throws -> T
}
