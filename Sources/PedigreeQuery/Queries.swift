import PedigreeCore
import PedigreeSQLite

/// The read side of a registry: every question Pedigree answers, as typed results.
///
/// ```swift
/// let registry = try SQLiteRegistry.open(path: "pedigree.db", access: .read, actor: "ana")
/// let queries = Queries(registry)
/// let node = try registry.resolve(try Ref.parse("fraud-detector@production"))
/// let graph = try queries.lineage(of: node, direction: .upstream, depth: 3)
/// print(LineageRenderer.tree(graph))
/// ```
///
/// Every query that reads more than one statement runs in one read transaction, so it answers
/// from one consistent snapshot even while other processes write. Not `Sendable`, like the
/// `SQLiteRegistry` it reads.
public struct Queries {
  /// The backend's reads every answer is composed from.
  public let reader: any RegistryReading
  /// The SQLite registry, while some queries still read it directly. Going away: every query
  /// reads through `reader`.
  let registry: SQLiteRegistry

  public init(_ registry: SQLiteRegistry) {
    self.registry = registry
    self.reader = registry
  }

  var database: Database { registry.database }

  /// Runs `body` in one read transaction, mapping SQLite failures to `PedigreeError`s.
  func read<T>(_ body: () throws -> T) throws(PedigreeError) -> T {
    try registry.read(body)
  }
}

extension SQLiteRegistry {
  /// The query API over this registry.
  public var queries: Queries { Queries(self) }
}
