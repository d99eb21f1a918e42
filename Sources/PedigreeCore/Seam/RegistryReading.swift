/// The read side of a storage backend: every fact the query layer composes its answers from, as
/// domain values. A backend (SQLite today, PostgreSQL next) implements it; `PedigreeQuery` and
/// the frontends only ever see this protocol, never SQL.
///
/// The requirements are grouped by area, one protocol each (`LineageReading`, `ModelReading`,
/// `RunReading`, `DatasetReading`, `AuditReading`, `SearchReading`, `IntegrityChecking`), carved
/// from the calls the query layer really makes.
///
/// Not `Sendable`: a reader is one connection. Concurrent callers go through a backend's
/// Sendable access point, which lends a reader to one closure at a time.
public protocol RegistryReading: LineageReading, ModelReading, RunReading, DatasetReading,
  AuditReading, SearchReading, IntegrityChecking, TokenReading, OpenLineageReading, MLflowReading
{
  /// Runs `body` in one read transaction, so everything it reads comes from one consistent
  /// snapshot even while other processes write. Backend failures become `PedigreeError`s.
  func read<T>(_ body: () throws -> T) throws(PedigreeError) -> T

  /// Resolves a ref to the node it names.
  ///
  /// - Parameter at: read aliases as they stood at that time, and treat versions registered
  ///   after it as not existing (time travel). `nil` means now.
  /// - Throws: `.notFound` (with a "did you mean" hint where one helps), or `.usage` for an
  ///   ambiguous run-id prefix.
  func resolve(_ ref: Ref, at: Timestamp?) throws(PedigreeError) -> NodeRef

  /// The id of the model called `name`; `.notFound` when there is none.
  func modelID(_ name: String) throws(PedigreeError) -> Int64

  /// The content digest recorded for a node: a model version's artifact, a dataset version's or
  /// an artifact's own. `nil` when none was recorded (or the node is a run).
  func recordedDigest(of node: NodeRef) throws(PedigreeError) -> String?
}

extension RegistryReading {
  /// Resolves a ref to the node it names now.
  public func resolve(_ ref: Ref) throws(PedigreeError) -> NodeRef { try resolve(ref, at: nil) }
}
