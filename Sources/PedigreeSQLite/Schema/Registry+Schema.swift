import PedigreeCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Where a database file stands relative to this binary's migrations.
public enum SchemaState: Equatable, Sendable {
  /// An empty SQLite file (no tables, no application id): ready to become a registry.
  case uninitialized
  /// A registry at this binary's schema version.
  case current
  /// A registry at an older version; `pedigree db migrate` upgrades it.
  case behind(Int)
  /// A registry written by a newer Pedigree; this binary refuses to touch it.
  case ahead(Int)
  /// An SQLite file of some other application.
  case foreign
}

/// One row of `schema_migrations`, compared with the migration compiled in.
public struct AppliedMigration: Sendable, Equatable {
  public let version: Int
  public let name: String
  public let appliedAt: Timestamp
  /// Whether the recorded checksum matches the migration this binary carries.
  public let checksumMatches: Bool
}

extension SQLiteRegistry {
  /// Reads `application_id` and `user_version` to tell what the file is.
  public func schemaState() throws(PedigreeError) -> SchemaState {
    // One read transaction: read statement by statement, another process creating the registry
    // could commit between the application id (0) and the table count (> 0), and a registry
    // being born would look like a foreign file.
    try read {
      let applicationID = try database.scalarInt("PRAGMA application_id") ?? 0
      let version = Int(try database.scalarInt("PRAGMA user_version") ?? 0)
      if applicationID == 0 {
        let tables = try database.scalarInt("SELECT count(*) FROM sqlite_master") ?? 0
        return tables == 0 && version == 0 ? .uninitialized : .foreign
      }
      guard applicationID == SQLiteRegistry.applicationID else { return .foreign }
      if version > Migration.latestVersion { return .ahead(version) }
      return version == Migration.latestVersion ? .current : .behind(version)
    }
  }

  /// The migrations recorded in the database, each checked against the compiled-in SQL.
  public func appliedMigrations() throws(PedigreeError) -> [AppliedMigration] {
    try mapErrors {
      let known = Dictionary(uniqueKeysWithValues: Migration.all.map { ($0.version, $0) })
      return try database.query(
        "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version"
      ) { row in
        AppliedMigration(
          version: row.int(0), name: row.string(1),
          appliedAt: Timestamp(milliseconds: row.int64(3)),
          checksumMatches: known[row.int(0)]?.checksum == row.string(2))
      }
    }
  }

  /// The migrations not yet applied.
  public func pendingMigrations() throws(PedigreeError) -> [Migration] {
    let version = try mapErrors { Int(try database.scalarInt("PRAGMA user_version") ?? 0) }
    return Migration.all.filter { $0.version > version }
  }

  /// The schema version the file records (`PRAGMA user_version`); 0 for a new file.
  public func schemaVersion() throws(PedigreeError) -> Int {
    try mapErrors { Int(try database.scalarInt("PRAGMA user_version") ?? 0) }
  }

  /// Applies every pending migration as done by `author`, each in its own `BEGIN IMMEDIATE` transaction together with
  /// its `schema_migrations` row, `user_version` and audit entry. The state is read again inside
  /// each transaction, so processes racing to create one registry apply each migration once.
  /// Switches the file to WAL first; a foreign file or a newer schema is refused untouched.
  ///
  /// - Returns: the migrations this call applied (none when the schema was current).
  @discardableResult
  public func migrate(by author: Author) throws(PedigreeError) -> [Migration] {
    let writer = writing(as: author)
    switch try schemaState() {
    case .foreign: throw SQLiteRegistry.foreignError(path: path)
    case .ahead(let version): throw SQLiteRegistry.newerSchemaError(path: path, version: version)
    case .current: return []
    case .uninitialized:
      try mapErrors {
        // Only an empty file takes a page size, and only before WAL is switched on.
        try database.execute("PRAGMA page_size = \(SQLiteRegistry.pageSize)")
        try database.enableWriteAheadLog()
      }
    case .behind: try mapErrors { try database.enableWriteAheadLog() }
    }
    var applied: [Migration] = []
    for migration in Migration.all {
      let didApply = try write { () throws -> [Migration] in
        let applicationID = try database.scalarInt("PRAGMA application_id") ?? 0
        let version = Int(try database.scalarInt("PRAGMA user_version") ?? 0)
        if applicationID != 0 && applicationID != SQLiteRegistry.applicationID {
          throw SQLiteRegistry.foreignError(path: path)
        }
        if version > Migration.latestVersion {
          throw SQLiteRegistry.newerSchemaError(path: path, version: version)
        }
        guard version < migration.version else { return [] }
        // A new registry gets every migration in one transaction and one `registry.create`
        // entry; an older one each pending migration in its own, with a `registry.migrate` entry.
        let batch = version == 0 ? Migration.all : [migration]
        if version == 0 {
          let tables = try database.scalarInt("SELECT count(*) FROM sqlite_master") ?? 0
          if tables > 0 { throw SQLiteRegistry.foreignError(path: path) }
          try database.execute("PRAGMA application_id = \(SQLiteRegistry.applicationID)")
        }
        for step in batch {
          try step.apply(to: database)
          try database.run(
            "INSERT INTO schema_migrations(version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
            [
              .integer(Int64(step.version)), .text(step.name), .text(step.checksum),
              .integer(author.clock().milliseconds),
            ])
        }
        let last = batch[batch.count - 1]
        try database.execute("PRAGMA user_version = \(last.version)")
        try writer.appendAudit(
          action: version == 0 ? .registryCreate : .registryMigrate,
          entity: "registry",
          details: [
            "schema_version": .integer(Int64(last.version)),
            "migration": .string(batch.map(\.name).joined(separator: ", ")),
          ])
        // A registry created before the chain recorded facts gets its baseline with the last
        // migration, when every table a fact kind reads exists; a migration killed before it
        // leaves no baseline, so the next run still writes one.
        if try version != 0 && last.version == Migration.latestVersion && writer.predatesFacts() {
          try writer.appendBaseline()
        }
        // Entries record MLflow's tables from `mlflowVersion` on: what an older registry holds
        // of them gets a baseline of those kinds alone, once, with that migration.
        if version != 0 && last.version == FactTracking.mlflowVersion {
          try writer.appendBaseline(kinds: FactKind.mlflow, since: FactTracking.mlflowVersion)
        }
        return batch
      }
      applied += didApply
    }
    return applied
  }
}

/// What `db status` reports: where the file stands, what was applied, what is pending.
public struct SchemaStatus: Sendable {
  /// The registry file.
  public let path: String
  public let state: SchemaState
  /// The version the file records (0 for a new file).
  public let version: Int
  /// The recorded migrations (none for a foreign file).
  public let applied: [AppliedMigration]
  /// The compiled-in migrations not yet applied (none for a foreign file).
  public let pending: [Migration]
  /// The applied migrations whose SQL differs from this binary's copy.
  public var edited: [AppliedMigration] { applied.filter { !$0.checksumMatches } }
}

extension SQLiteRegistry {
  /// The file's schema status, for `db status`.
  public func schemaStatus() throws(PedigreeError) -> SchemaStatus {
    let state = try schemaState()
    return SchemaStatus(
      path: path, state: state, version: try schemaVersion(),
      applied: state == .foreign ? [] : try appliedMigrations(),
      pending: state == .foreign ? [] : try pendingMigrations())
  }
}
