import Foundation

/// A Pedigree registry: one SQLite file holding the lineage graph, the model registry and the
/// audit log. Every write goes through a method of `Registry` (or its extensions), runs in one
/// `BEGIN IMMEDIATE` transaction and appends its audit entry in that same transaction.
///
/// ```swift
/// let registry = try Registry.open(path: "pedigree.db", access: .write, actor: "ana")
/// let dataset = try registry.registerDataset(DatasetInput(name: "transactions", uri: "s3://…"))
/// ```
///
/// Not `Sendable`, like the `Database` it wraps: use one `Registry` per thread.
public final class Registry {
  /// The connection. Exposed so the query module can read; writes belong to `Registry`.
  public let database: Database
  /// The file the registry lives in.
  public let path: String
  /// Who is doing what; recorded on every write and in the audit log.
  public var actor: String
  /// The time every write records. The system clock, unless a caller replays history (the demo
  /// tells a story over several weeks; tests pin times).
  public var clock: () -> Timestamp = { .now() }

  /// What a caller intends to do with the registry.
  public enum Access: Sendable {
    /// Read only: the file must exist and be an up-to-date Pedigree registry.
    case read
    /// Read and write: a missing or empty file becomes a new registry.
    case write
  }

  /// Pedigree's SQLite `application_id` ("PDGR"), so a foreign SQLite file is recognised.
  public static let applicationID: Int64 = 0x5044_4752

  init(database: Database, path: String, actor: String) {
    self.database = database
    self.path = path
    self.actor = actor
  }

  /// Opens the registry at `path`.
  ///
  /// With `.write`, a missing file (or an empty one) is created and initialised at the latest
  /// schema. With `.read`, a missing file fails with `.io` and a hint to run `pedigree init`.
  /// A file that is not a Pedigree registry fails with `.incompatible`, as does a registry whose
  /// schema is newer than this binary, or older (run `pedigree db migrate`).
  ///
  /// - Parameter busyTimeout: how long a write waits for another process's lock (default 10 s,
  ///   or `$PEDIGREE_BUSY_TIMEOUT_MS`).
  public static func open(
    path: String, access: Access, actor: String, busyTimeout: Duration? = nil
  ) throws(PedigreeError) -> Registry {
    let registry = try connect(path: path, access: access, actor: actor, busyTimeout: busyTimeout)
    let state = try registry.schemaState()
    switch state {
    case .uninitialized:
      guard access == .write else {
        throw PedigreeError(
          .incompatible, "\(path) is an empty database, not yet a Pedigree registry",
          hint: "run `pedigree init --db \(path)`")
      }
      _ = try registry.migrate()
    case .current: break
    case .behind(let version):
      throw PedigreeError(
        .incompatible,
        "\(path) has schema version \(version); this pedigree expects \(Migration.latestVersion)",
        hint: "run `pedigree db migrate --db \(path)` to upgrade it")
    case .ahead(let version): throw newerSchemaError(path: path, version: version)
    case .foreign: throw foreignError(path: path)
    }
    return registry
  }

  /// Creates the registry at `path`, or upgrades it to the latest schema.
  ///
  /// - Returns: the registry and the migrations applied (none when it was already current, in
  ///   which case nothing at all was written).
  public static func initialize(
    path: String, actor: String, busyTimeout: Duration? = nil
  ) throws(PedigreeError) -> (registry: Registry, applied: [Migration]) {
    let registry = try connect(path: path, access: .write, actor: actor, busyTimeout: busyTimeout)
    switch try registry.schemaState() {
    case .foreign: throw foreignError(path: path)
    case .ahead(let version): throw newerSchemaError(path: path, version: version)
    default: return (registry, try registry.migrate())
    }
  }

  /// Opens an existing file without checking its schema, for maintenance commands (`db status`,
  /// `db migrate`) that must work on a registry at any version. Use `schemaState()` next.
  public static func openForMaintenance(
    path: String, actor: String, busyTimeout: Duration? = nil
  ) throws(PedigreeError) -> Registry {
    try connect(path: path, access: .read, actor: actor, busyTimeout: busyTimeout)
  }

  private static func connect(
    path: String, access: Access, actor: String, busyTimeout: Duration?
  ) throws(PedigreeError) -> Registry {
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    if isDirectory.boolValue {
      throw PedigreeError(.io, "\(path) is a directory, not a registry file")
    }
    if !exists && access == .read {
      throw PedigreeError(
        .io, "no registry at \(path)",
        hint: "create one with `pedigree init --db \(path)`, or point --db / PEDIGREE_DB at it")
    }
    if !exists {
      let directory = (path as NSString).deletingLastPathComponent
      if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
        throw PedigreeError(
          .io, "cannot create \(path): directory \(directory) does not exist")
      }
    }
    let timeout = busyTimeout ?? defaultBusyTimeout()
    do {
      // WAL is switched on by `migrate()`, once the file is known to be empty or a registry.
      let database = try Database(
        path: path, mode: access == .write ? .readWriteCreate : .readWrite, busyTimeout: timeout,
        writeAheadLog: false)
      return Registry(database: database, path: path, actor: actor)
    } catch {
      throw PedigreeError(error, path: path)
    }
  }

  private static func defaultBusyTimeout() -> Duration {
    if let text = ProcessInfo.processInfo.environment["PEDIGREE_BUSY_TIMEOUT_MS"],
      let milliseconds = Int(text), milliseconds >= 0
    {
      return .milliseconds(milliseconds)
    }
    return .seconds(10)
  }

  static func foreignError(path: String) -> PedigreeError {
    PedigreeError(
      .incompatible, "\(path) is not a Pedigree database (an SQLite file of another application)",
      hint: "point --db at a Pedigree registry, or create one with `pedigree init`")
  }

  static func newerSchemaError(path: String, version: Int) -> PedigreeError {
    PedigreeError(
      .incompatible,
      "\(path) has schema version \(version), newer than this pedigree knows "
        + "(\(Migration.latestVersion))",
      hint: "upgrade pedigree; this binary will not touch the file")
  }

  // MARK: Writing

  /// Runs `body` as one write: a `BEGIN IMMEDIATE` transaction, committed when `body` returns and
  /// rolled back, leaving no trace, when it throws. SQLite failures become `PedigreeError`s.
  public func write<T>(_ body: () throws -> T) throws(PedigreeError) -> T {
    try mapErrors { try database.write(body) }
  }

  /// Runs `body` in one read transaction (one consistent snapshot), mapping SQLite failures.
  public func read<T>(_ body: () throws -> T) throws(PedigreeError) -> T {
    try mapErrors { try database.read(body) }
  }

  /// Maps SQLite failures raised by `body` to `PedigreeError`s; other errors pass through as
  /// `PedigreeError`s already or become `.io`.
  public func mapErrors<T>(_ body: () throws -> T) throws(PedigreeError) -> T {
    do {
      return try body()
    } catch let error as PedigreeError {
      throw error
    } catch let error as SQLiteError {
      throw PedigreeError(error, path: path)
    } catch {
      throw PedigreeError(.io, "\(error)")
    }
  }
}
