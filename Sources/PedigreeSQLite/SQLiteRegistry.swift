import PedigreeCore
import PedigreePostgres

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A Pedigree registry in one SQLite file: the lineage graph, the model registry and the audit
/// log. Reads are methods of the registry; every write goes through a `SQLiteWriter` made for its
/// author (`writing(as:)`), runs in one `BEGIN IMMEDIATE` transaction and appends its audit entry
/// in that same transaction.
///
/// ```swift
/// let registry = try SQLiteRegistry.open(path: "pedigree.db", access: .write)
/// let dataset = try registry.writing(as: Author("ana"))
///   .registerDataset(DatasetInput(name: "transactions", uri: "s3://…"))
/// ```
///
/// Not `Sendable`, like the `Database` it wraps: use one `SQLiteRegistry` per thread, or share a
/// `SQLiteStore` between concurrent callers.
public final class SQLiteRegistry {
  /// The connection. Only the backend sees it.
  package let database: Database
  /// The file the registry lives in.
  public let path: String

  /// What a caller intends to do with the registry.
  public enum Access: Sendable {
    /// Read only: the file must exist and be an up-to-date Pedigree registry.
    case read
    /// Read and write an existing, up-to-date registry.
    case write
    /// Read and write, creating the registry first when the file is missing or empty; the
    /// creation is recorded in the audit log as done by `author`.
    case create(by: Author)

    var mayCreateFile: Bool { if case .create = self { true } else { false } }
  }

  /// Pedigree's SQLite `application_id` ("PDGR"), so a foreign SQLite file is recognised.
  public static let applicationID: Int64 = 0x5044_4752

  /// How long a write waits for another process's lock unless told otherwise.
  public static let defaultBusyTimeout: Duration = .seconds(10)

  /// The page size of a new registry; an existing file keeps its own. A `run record`'s audit
  /// entry is about 2 KB with its facts: a 4 KiB page holds one or two of them depending on a
  /// few bytes, an 8 KiB page three or four, for a registry no larger (see README, Performance).
  static let pageSize = 8192

  init(database: Database, path: String) {
    self.database = database
    self.path = path
  }

  /// A writer that records `author` (and its clock) on every write it makes.
  public func writing(as author: Author) -> SQLiteWriter { SQLiteWriter(registry: self, author: author) }

  /// Opens the registry at `path`.
  ///
  /// With `.create`, a missing file (or an empty one) is created and initialised at the latest
  /// schema. Otherwise a missing file fails with `.io` and the remedy to create a registry.
  /// A file that is not a Pedigree registry fails with `.incompatible`, as does a registry whose
  /// schema is newer than this binary, or older (run `pedigree db migrate`).
  ///
  /// - Parameter busyTimeout: how long a write waits for another process's lock.
  public static func open(
    path: String, access: Access, busyTimeout: Duration = defaultBusyTimeout
  ) throws(PedigreeError) -> SQLiteRegistry {
    let registry = try connect(path: path, create: access.mayCreateFile, busyTimeout: busyTimeout)
    let state = try registry.schemaState()
    switch state {
    case .uninitialized:
      guard case .create(let author) = access else {
        if registry.database.isPostgres { throw registry.missingPostgresRegistryError() }
        throw PedigreeError(
          .incompatible, "\(path) is an empty database, not yet a Pedigree registry",
          hint: "initialise it as a registry first", remedy: .initializeRegistry(path: path))
      }
      _ = try registry.migrate(by: author)
    case .current: break
    case .behind(let version):
      throw PedigreeError(
        .incompatible,
        "\(registry.path) has schema version \(version); this pedigree expects "
          + "\(registry.latestSchemaVersion)",
        hint: "migrate it to this version first", remedy: .migrateRegistry(path: registry.path))
    case .ahead(let version): throw registry.newerSchemaError(version: version)
    case .foreign: throw registry.foreignError()
    }
    return registry
  }

  /// Creates the registry at `path`, or upgrades it to the latest schema.
  ///
  /// - Returns: the registry and the migrations applied (none when it was already current, in
  ///   which case nothing at all was written).
  public static func initialize(
    path: String, by author: Author, busyTimeout: Duration = defaultBusyTimeout
  ) throws(PedigreeError) -> (registry: SQLiteRegistry, applied: [Migration]) {
    let registry = try connect(path: path, create: true, busyTimeout: busyTimeout)
    switch try registry.schemaState() {
    case .foreign: throw registry.foreignError()
    case .ahead(let version): throw registry.newerSchemaError(version: version)
    default: return (registry, try registry.migrate(by: author))
    }
  }

  /// Opens an existing file without checking its schema, for maintenance commands (`db status`,
  /// `db migrate`) that must work on a registry at any version. Use `schemaState()` next.
  ///
  /// An empty PostgreSQL database is refused as a missing file is (74, with the remedy to create
  /// a registry): only `init` makes it one.
  public static func openForMaintenance(
    path: String, busyTimeout: Duration = defaultBusyTimeout
  ) throws(PedigreeError) -> SQLiteRegistry {
    let registry = try connect(path: path, create: false, busyTimeout: busyTimeout)
    if registry.database.isPostgres, try registry.schemaState() == .uninitialized {
      throw registry.missingPostgresRegistryError()
    }
    return registry
  }

  private static func connect(
    path: String, create: Bool, busyTimeout: Duration
  ) throws(PedigreeError) -> SQLiteRegistry {
    if PostgresURL.isPostgres(path) {
      let database = try Database(postgres: try PostgresURL(path), busyTimeout: busyTimeout)
      return SQLiteRegistry(database: database, path: database.path)
    }
    var isDirectory = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    if isDirectory {
      throw PedigreeError(.io, "\(path) is a directory, not a registry file")
    }
    if !exists && !create {
      throw PedigreeError(
        .io, "no registry at \(path)",
        hint: "create a registry there first, or open another", remedy: .createRegistry(path: path))
    }
    if !exists {
      let directory = Paths.deletingLastComponent(path)
      if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
        throw PedigreeError(
          .io, "cannot create \(path): directory \(directory) does not exist")
      }
    }
    do {
      // WAL is switched on by `migrate()`, once the file is known to be empty or a registry.
      let database = try Database(
        path: path, mode: create ? .readWriteCreate : .readWrite, busyTimeout: busyTimeout,
        writeAheadLog: false)
      return SQLiteRegistry(database: database, path: path)
    } catch {
      throw PedigreeError(error, path: path)
    }
  }

  /// An empty PostgreSQL database, where a registry was expected: the counterpart of a missing
  /// file.
  func missingPostgresRegistryError() -> PedigreeError {
    PedigreeError(
      .io, "no registry at \(path): the database is empty",
      hint: "create a registry there first, or open another", remedy: .createRegistry(path: path))
  }

  /// The schema version this binary gives a registry on this registry's engine.
  public var latestSchemaVersion: Int {
    database.isPostgres ? PostgresMigration.latestVersion : Migration.latestVersion
  }

  func foreignError() -> PedigreeError {
    guard database.isPostgres else { return Self.foreignError(path: path) }
    return PedigreeError(
      .incompatible, "\(path) is not a Pedigree database (it holds another application's tables)",
      hint: "open a Pedigree registry instead, or create one in an empty database",
      remedy: .useAnotherRegistry)
  }

  func newerSchemaError(version: Int) -> PedigreeError {
    PedigreeError(
      .incompatible,
      "\(path) has schema version \(version), newer than this pedigree knows (\(latestSchemaVersion))",
      hint: "upgrade pedigree; this binary will not touch the \(database.isPostgres ? "database" : "file")")
  }

  static func foreignError(path: String) -> PedigreeError {
    PedigreeError(
      .incompatible, "\(path) is not a Pedigree database (an SQLite file of another application)",
      hint: "open a Pedigree registry instead, or create one", remedy: .useAnotherRegistry)
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
    try mapErrors {
      if !database.isInTransaction { try FactTracking.prepare(database) }
      return try database.write(body)
    }
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
