import PedigreeCore

/// The read side of a registry: every question Pedigree answers, as typed results.
///
/// ```swift
/// let registry = try SQLiteRegistry.open(path: "pedigree.db", access: .read)  // any backend
/// let queries = registry.queries
/// let node = try registry.resolve(try Ref.parse("fraud-detector@production"))
/// let graph = try queries.lineage(of: node, direction: .upstream, depth: 3)
/// print(LineageRenderer.tree(graph))
/// ```
///
/// Every query that reads more than one statement runs in one read transaction, so it answers
/// from one consistent snapshot even while other processes write. Never sees SQL: it composes
/// the backend's `RegistryReading` answers. Not `Sendable`, like the reader it reads.
public struct Queries {
  /// The backend's reads every answer is composed from.
  public let reader: any RegistryReading

  public init(_ reader: any RegistryReading) { self.reader = reader }

  /// Runs `body` in one read transaction of the backend.
  func read<T>(_ body: () throws -> T) throws(PedigreeError) -> T {
    try reader.read(body)
  }
}

extension RegistryReading {
  /// The query API over this registry.
  public var queries: Queries { Queries(self) }
}
