import PedigreeCore

/// Creating, checking and upgrading a registry's schema on PostgreSQL: what `SQLiteRegistry`'s
/// `initialize`, `open` and `schemaStatus` do for a file, with the same errors and exit codes.
/// An empty database plays the part of a missing file: only `initialize` makes it a registry.
public enum PostgresRegistrySchema {
  /// Makes the database at `url` a registry at this binary's schema, or upgrades an older one,
  /// in one transaction under the audit chain's lock (so concurrent `init`s apply each
  /// migration once) with one `registry.create` (or `registry.migrate`) audit entry. A current
  /// registry is left as it is: nothing is written.
  ///
  /// - Returns: the connection and the migrations applied (none when the schema was current).
  public static func initialize(
    url: PostgresURL, by author: Author
  ) throws(PedigreeError) -> (connection: PostgresConnection, applied: [PostgresMigration]) {
    let connection = try PostgresConnection(url: url)
    return (connection, try migrate(connection, by: author))
  }

  /// Opens the registry at `url` for reading and writing: it must be one, at this binary's
  /// schema. An empty database fails like a missing SQLite file (`.io`, with the remedy to
  /// create a registry there); a foreign database, a newer schema (`.incompatible`), or an
  /// older one (`.incompatible`, with the remedy to migrate) are refused untouched.
  public static func open(url: PostgresURL) throws(PedigreeError) -> PostgresConnection {
    let connection = try PostgresConnection(url: url)
    switch try connection.schemaState() {
    case .current: return connection
    case .uninitialized:
      throw PedigreeError(
        .io, "no registry at \(url.redacted): the database is empty",
        hint: "create a registry there first, or open another",
        remedy: .createRegistry(path: url.redacted))
    case .behind(let version):
      throw PedigreeError(
        .incompatible,
        "\(url.redacted) has schema version \(version); this pedigree expects "
          + "\(PostgresMigration.latestVersion)",
        hint: "migrate it to this version first", remedy: .migrateRegistry(path: url.redacted))
    case .ahead(let version): throw newerSchemaError(url, version: version)
    case .foreign: throw foreignError(url)
    }
  }

  /// Applies every pending migration on `connection` as done by `author` (see `initialize`).
  @discardableResult
  public static func migrate(
    _ connection: PostgresConnection, by author: Author
  ) throws(PedigreeError) -> [PostgresMigration] {
    try connection.transaction { () throws(PedigreeError) -> [PostgresMigration] in
      try connection.lockAuditChain()
      let version: Int
      switch try connection.schemaState() {
      case .foreign: throw foreignError(connection.url)
      case .ahead(let newer): throw newerSchemaError(connection.url, version: newer)
      case .current: return []
      case .uninitialized: version = 0
      case .behind(let older): version = older
      }
      let batch = PostgresMigration.all.filter { $0.version > version }
      for migration in batch {
        try connection.execute(migration.sql)
        try connection.execute(
          "INSERT INTO schema_migrations(version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)",
          [
            .integer(Int64(migration.version)), .text(migration.name), .text(migration.checksum),
            .integer(author.clock().milliseconds),
          ])
      }
      let last = Int64(PostgresMigration.latestVersion)
      try connection.execute(
        """
        INSERT INTO pedigree_registry(application, schema_version) VALUES ('pedigree', $1)
        ON CONFLICT (singleton) DO UPDATE SET schema_version = excluded.schema_version
        """, [.integer(last)])
      try connection.appendAudit(
        by: author, action: version == 0 ? .registryCreate : .registryMigrate, entity: "registry",
        details: [
          "schema_version": .integer(last),
          "migration": .string(batch.map(\.name).joined(separator: ", ")),
        ])
      return batch
    }
  }

  /// What `db status` reports on PostgreSQL: the state, the recorded version, the applied
  /// migrations (checked against this binary's) and the pending ones, read in one snapshot.
  public static func status(_ connection: PostgresConnection) throws(PedigreeError) -> PostgresSchemaStatus {
    try connection.transaction(isolation: .repeatableRead) { () throws(PedigreeError) in
      let state = try connection.schemaState()
      guard state != .uninitialized && state != .foreign else {
        return PostgresSchemaStatus(url: connection.url, state: state, version: 0, applied: [])
      }
      let known = Dictionary(uniqueKeysWithValues: PostgresMigration.all.map { ($0.version, $0) })
      let rows = try connection.execute(
        "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version")
      let applied = try rows.map { row throws(PedigreeError) in
        PostgresAppliedMigration(
          version: try row.int(0), name: try row.string(1),
          appliedAt: Timestamp(milliseconds: try row.int64(3)),
          checksumMatches: known[try row.int(0)]?.checksum == (try row.string(2)))
      }
      let version = try connection.execute("SELECT schema_version FROM pedigree_registry")
      return PostgresSchemaStatus(
        url: connection.url, state: state, version: try version.first?.int(0) ?? 0, applied: applied)
    }
  }

  static func foreignError(_ url: PostgresURL) -> PedigreeError {
    PedigreeError(
      .incompatible,
      "\(url.redacted) is not a Pedigree database (it holds another application's tables)",
      hint: "open a Pedigree registry instead, or create one in an empty database",
      remedy: .useAnotherRegistry)
  }

  static func newerSchemaError(_ url: PostgresURL, version: Int) -> PedigreeError {
    PedigreeError(
      .incompatible,
      "\(url.redacted) has schema version \(version), newer than this pedigree knows "
        + "(\(PostgresMigration.latestVersion))",
      hint: "upgrade pedigree; this binary will not touch the database")
  }
}

/// One row of `schema_migrations`, compared with the migration compiled in.
public struct PostgresAppliedMigration: Sendable, Equatable {
  public let version: Int
  public let name: String
  public let appliedAt: Timestamp
  /// Whether the recorded checksum matches the migration this binary carries.
  public let checksumMatches: Bool
}

/// Where a PostgreSQL registry stands: its state, version, applied and pending migrations.
public struct PostgresSchemaStatus: Sendable {
  /// The database (shown redacted).
  public let url: PostgresURL
  public let state: PostgresSchemaState
  /// The version the registry records (0 for an empty or foreign database).
  public let version: Int
  /// The recorded migrations (none for an empty or foreign database).
  public let applied: [PostgresAppliedMigration]
  /// The compiled-in migrations not yet applied (every one for an empty database, none for a
  /// foreign one).
  public var pending: [PostgresMigration] {
    state == .foreign ? [] : PostgresMigration.all.filter { $0.version > version }
  }
  /// The applied migrations whose SQL differs from this binary's copy.
  public var edited: [PostgresAppliedMigration] { applied.filter { !$0.checksumMatches } }
}
