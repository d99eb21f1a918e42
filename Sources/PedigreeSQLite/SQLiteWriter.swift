import PedigreeCore

/// The writes of one author on one `SQLiteRegistry`: every method runs in one `BEGIN IMMEDIATE`
/// transaction and appends exactly one audit entry, stamped with the author's name and clock, or
/// writes nothing at all when it fails or finds its work already done.
///
/// ```swift
/// let writer = registry.writing(as: Author("ana"))
/// let run = try writer.startRun(RunStart(experiment: "fraud", name: "xgb"))
/// ```
///
/// A value made per write (or per request): cheap, and not `Sendable`, like the registry.
public struct SQLiteWriter {
  /// The registry written to.
  public let registry: SQLiteRegistry
  /// Who writes, and the clock the writes record.
  public let author: Author

  var database: Database { registry.database }
  var path: String { registry.path }
  var actor: String { author.actor }
  func clock() -> Timestamp { author.clock() }

  func write<T>(_ body: () throws -> T) throws(PedigreeError) -> T { try registry.write(body) }
  func mapErrors<T>(_ body: () throws -> T) throws(PedigreeError) -> T { try registry.mapErrors(body) }
  func resolve(_ ref: Ref, at: Timestamp? = nil) throws(PedigreeError) -> NodeRef {
    try registry.resolve(ref, at: at)
  }
  func modelID(_ name: String) throws(PedigreeError) -> Int64 { try registry.modelID(name) }
  func aliasTarget(modelID: Int64, alias: String, at: Timestamp? = nil) throws -> Int64? {
    try registry.aliasTarget(modelID: modelID, alias: alias, at: at)
  }
}
