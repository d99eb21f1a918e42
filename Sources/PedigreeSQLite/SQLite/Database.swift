import CSQLite
import PedigreeCore
import PedigreePostgres

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One connection to an SQLite database file.
///
/// A `Database` is deliberately not `Sendable`: SQLite connections must not be used from two
/// threads at once. Use one connection per thread (or per process, as the CLI does).
///
/// Opening runs one fixed set-up sequence (see `setUp`); writes go through `write(_:)`, which uses
/// `BEGIN IMMEDIATE` (see there for why).
///
/// A `Database` opened on a `postgresql://` URL runs the same statements on PostgreSQL
/// (`PostgresEngine.swift`): the backend's code is one, its few dialect differences ask
/// `isPostgres`.
public final class Database {
  /// SQLite's connection; `nil` on PostgreSQL.
  let handle: OpaquePointer!
  /// The PostgreSQL connection; `nil` on SQLite.
  let postgres: PostgresDatabaseEngine?
  /// The path the connection was opened with.
  public let path: String
  private var statementCache: [String: Statement] = [:]
  /// The cache again, by the address of the SQL text's bytes: a string literal's never moves, so
  /// a hot path's lookup hashes a pointer instead of its whole SQL text (hashing and comparing
  /// kilobytes of fact queries was 3% of a bulk `run record`). A hit counts only when the
  /// statement's own text equals `sql`, which for the same literal is one identity check; an
  /// address a freed string had and another string reuses then simply misses.
  private var statementsByAddress: [UnsafeRawPointer: Statement] = [:]
  /// Whether this connection tracks the touches of writes (see `FactTracking.prepare`).
  var tracksTouches = false
  /// The entities the current write touched so far, by fact kind (see `FactTracking`). A
  /// savepoint rolled back takes back the touches made in it.
  var touched: [String: Set<Int64>] = [:]
  private var transactionDepth = 0
  private var busyTimeout: Duration = .seconds(10)

  /// How a database file is opened.
  public enum OpenMode: Sendable {
    /// Open an existing file for reading and writing; fail when it does not exist.
    case readWrite
    /// Open for reading and writing, creating the file when it does not exist.
    case readWriteCreate
    /// Open an existing file for reading only (another application's database: MLflow's); pass
    /// `writeAheadLog: false`, since switching the journal mode writes.
    case readOnly
  }

  /// Opens the database at `path` (`:memory:` for a private in-memory database).
  ///
  /// - Parameters:
  ///   - busyTimeout: how long a statement waits for another connection's lock before failing
  ///     with `SQLITE_BUSY`. Default 10 seconds.
  ///   - writeAheadLog: switch the file to WAL at once (the default). Pass `false` to leave the
  ///     file's journal mode alone until `enableWriteAheadLog()`: switching writes the file's
  ///     header, so a caller that first checks whose file it is (a registry opening a foreign or
  ///     empty file) must not switch before.
  public init(
    path: String, mode: OpenMode = .readWriteCreate, busyTimeout: Duration = .seconds(10),
    writeAheadLog: Bool = true
  ) throws(SQLiteError) {
    _ = Database.memoryStatisticsOff
    var connection: OpaquePointer?
    var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
    if mode == .readWriteCreate { flags |= SQLITE_OPEN_CREATE }
    if mode == .readOnly { flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE }
    let code = sqlite3_open_v2(path, &connection, flags, nil)
    guard code == SQLITE_OK, let connection else {
      let error = SQLiteError(code: code, connection: connection)
      sqlite3_close_v2(connection)
      throw error
    }
    self.handle = connection
    self.postgres = nil
    self.path = path
    do {
      try setUp(busyTimeout: busyTimeout)
      if writeAheadLog { try enableWriteAheadLog() }
    } catch {
      sqlite3_close_v2(connection)
      throw error
    }
  }

  /// SQLite's memory statistics, off for the process before its first connection opens: with
  /// them on, every allocation SQLite makes takes a process-wide mutex and updates counters
  /// (9% of the writer's instructions in a bulk `run record`), and nothing here reads them.
  private static let memoryStatisticsOff: Void = { _ = pedigree_sqlite_disable_memory_statistics() }()

  /// Connects to the PostgreSQL database at `url`; `path` is the URL with its password hidden.
  ///
  /// - Parameter busyTimeout: how long a statement waits for a lock (a row, the audit chain's
  ///   advisory lock) before failing as busy: `lock_timeout`, set in every transaction.
  public init(postgres url: PostgresURL, busyTimeout: Duration = .seconds(10)) throws(PedigreeError) {
    self.handle = nil
    self.postgres = PostgresDatabaseEngine(connection: try PostgresConnection(url: url))
    self.path = url.redacted
    self.busyTimeout = busyTimeout
  }

  /// Whether the connection is to PostgreSQL (the few statements that differ ask this).
  public var isPostgres: Bool { postgres != nil }

  deinit {
    statementsByAddress.removeAll()
    statementCache.removeAll()
    if let handle { sqlite3_close_v2(handle) }
  }

  /// The fixed connection set-up, in order:
  /// 1. a busy timeout, so concurrent writers wait instead of failing at once;
  /// 2. double-quoted string literals off, so a typo'd identifier is an error, not a string
  ///    (https://sqlite.org/quirks.html#dblquote);
  /// 3. foreign keys on (they are off by default in SQLite);
  /// 4. a read of `sqlite_master`, so a file that is not a database fails here, at once;
  /// 5. `synchronous=NORMAL`: with WAL (`enableWriteAheadLog()`), a commit is one fsync of the WAL
  ///    at checkpoint time; durable against process crashes (https://sqlite.org/wal.html).
  ///    Debian's build defaults WAL to FULL, so set it explicitly.
  private func setUp(busyTimeout: Duration) throws(SQLiteError) {
    self.busyTimeout = busyTimeout
    let milliseconds =
      busyTimeout.components.seconds * 1000
      + busyTimeout.components.attoseconds / 1_000_000_000_000_000
    try check(sqlite3_busy_timeout(handle, Int32(clamping: milliseconds)), handle)
    var ignored: Int32 = 0
    _ = pedigree_sqlite_db_config_int(handle, SQLITE_DBCONFIG_DQS_DML, 0, &ignored)
    _ = pedigree_sqlite_db_config_int(handle, SQLITE_DBCONFIG_DQS_DDL, 0, &ignored)
    try execute("PRAGMA foreign_keys = ON")
    _ = try scalarInt("SELECT count(*) FROM sqlite_master")
    try execute("PRAGMA synchronous = NORMAL")
  }

  /// Switches the file to WAL (persistent; nothing is written when it already is): readers never
  /// block the writer. A no-op for an in-memory database.
  public func enableWriteAheadLog() throws(SQLiteError) {
    guard path != ":memory:", postgres == nil else { return }
    var mode: String?
    try retryingWhileBusy(timeout: busyTimeout) { () throws(SQLiteError) in
      mode = try scalarString("PRAGMA journal_mode = WAL")
    }
    // SQLite answers with the mode now in force, which is not WAL where the file system or the
    // build cannot do it (https://sqlite.org/pragma.html#pragma_journal_mode): say so, rather
    // than run with another journal and its other concurrency.
    guard mode?.lowercased() == "wal" else {
      throw SQLiteError(
        code: SQLITE_CANTOPEN,
        message: "the file could not be switched to WAL mode (journal_mode is \(mode ?? "unknown"))")
    }
  }

  /// Switching the journal mode takes an exclusive lock and does not go through the busy handler,
  /// so several processes opening a new registry at once retry here.
  private func retryingWhileBusy(
    timeout: Duration, _ body: () throws(SQLiteError) -> Void
  ) throws(SQLiteError) {
    let deadline = ContinuousClock.now + timeout
    while true {
      do {
        return try body()
      } catch  where error.isBusy && ContinuousClock.now < deadline {
        usleep(useconds_t(1000 + Int.random(in: 0..<4000)))
      }
    }
  }

  // MARK: Statements

  /// Returns the cached prepared statement for `sql`, preparing it on first use.
  ///
  /// Use for statements run many times (hot paths, fixed queries). The statement is reset before it
  /// is returned.
  public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
    let address = Self.stableAddress(of: sql)
    if let address, let statement = statementsByAddress[address], statement.sql == sql {
      statement.reset()
      return statement
    }
    let statement: Statement
    if let cached = statementCache[sql] {
      cached.reset()
      statement = cached
    } else {
      statement = try Statement(database: self, sql: sql, persistent: true)
      statementCache[sql] = statement
    }
    if let address {
      if statementsByAddress.count >= 1024 { statementsByAddress.removeAll(keepingCapacity: true) }
      statementsByAddress[address] = statement
    }
    return statement
  }

  /// Where `sql`'s UTF-8 bytes are stored, for a text long enough to have storage of its own
  /// (shorter ones live inside the `String` value, copied to a new place at every call).
  private static func stableAddress(of sql: String) -> UnsafeRawPointer? {
    guard sql.utf8.count > 15 else { return nil }
    return sql.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
  }

  /// Prepares a statement that is not cached: for SQL built at run time (search filters).
  public func prepareUncached(_ sql: String) throws(SQLiteError) -> Statement {
    try Statement(database: self, sql: sql, persistent: false)
  }

  /// Runs one or more SQL statements that take no parameters and return no rows.
  public func execute(_ sql: String) throws(SQLiteError) {
    if let postgres {
      _ = try postgres.perform(sql, [], sql: sql)
      return
    }
    var message: UnsafeMutablePointer<CChar>?
    let code = sqlite3_exec(handle, sql, nil, nil, &message)
    if code != SQLITE_OK {
      let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
      sqlite3_free(message)
      throw SQLiteError(code: sqlite3_extended_errcode(handle), message: text, sql: sql)
    }
  }

  /// Runs a cached statement with `arguments` to completion.
  public func run(_ sql: String, _ arguments: [SQLValue] = []) throws(SQLiteError) {
    try prepare(sql).bind(arguments).run()
  }

  /// Maps every row of a cached query.
  public func query<T>(
    _ sql: String, _ arguments: [SQLValue] = [], _ transform: (Row) throws -> T
  ) throws -> [T] {
    try prepare(sql).bind(arguments).map(transform)
  }

  /// The first row of a cached query, or `nil`.
  public func queryFirst<T>(
    _ sql: String, _ arguments: [SQLValue] = [], _ transform: (Row) throws -> T
  ) throws -> T? {
    try prepare(sql).bind(arguments).first(transform)
  }

  /// The first column of the first row as an integer, or `nil` when there is no row or it is NULL.
  public func scalarInt(_ sql: String, _ arguments: [SQLValue] = []) throws(SQLiteError) -> Int64? {
    let statement = try prepare(sql).bind(arguments)
    defer { statement.reset() }
    guard try statement.step() else { return nil }
    return statement.row.optionalInt64(0)
  }

  /// The first column of the first row as text, or `nil`.
  public func scalarString(_ sql: String, _ arguments: [SQLValue] = []) throws(SQLiteError)
    -> String?
  {
    let statement = try prepare(sql).bind(arguments)
    defer { statement.reset() }
    guard try statement.step() else { return nil }
    return statement.row.optionalString(0)
  }

  /// Runs a cached INSERT of one row into a table keyed by `id` and returns the row's id:
  /// SQLite's last rowid, or on PostgreSQL the statement's `RETURNING id`.
  public func insertReturningID(_ sql: String, _ arguments: [SQLValue] = []) throws(SQLiteError) -> Int64 {
    guard postgres != nil else {
      try prepare(sql).bind(arguments).run()
      return sqlite3_last_insert_rowid(handle)
    }
    return try scalarInt(sql + " RETURNING id", arguments) ?? 0
  }

  /// The rowid of the last successful INSERT on this SQLite connection, for tools and tests
  /// that write SQL of their own; 0 on PostgreSQL, which has no such thing (its ids come from
  /// `RETURNING`: use `insertReturningID`, as the backend does).
  public var lastInsertRowID: Int64 {
    guard postgres == nil else { return 0 }
    return sqlite3_last_insert_rowid(handle)
  }

  /// The number of rows the last INSERT, UPDATE or DELETE changed.
  public var changes: Int {
    if let postgres { return postgres.changes }
    return Int(sqlite3_changes64(handle))
  }
  /// Rows inserted, updated or deleted on this connection since it opened.
  public var totalChanges: Int {
    if let postgres { return postgres.totalChanges }
    return Int(sqlite3_total_changes64(handle))
  }

  /// Whether the connection is inside a transaction.
  public var isInTransaction: Bool {
    if postgres != nil { return transactionDepth > 0 }
    return sqlite3_get_autocommit(handle) == 0
  }

  // MARK: Transactions

  /// Runs `body` in a write transaction and commits it, or rolls it back when `body` throws.
  ///
  /// Writes always start with `BEGIN IMMEDIATE`, which takes the write lock up front (waiting
  /// through the busy timeout). A deferred transaction that reads and then writes would fail with
  /// `SQLITE_BUSY_SNAPSHOT` when another process committed in between, whatever the busy timeout
  /// (https://sqlite.org/lang_transaction.html#deferred_immediate_and_exclusive_transactions).
  /// Nested calls join the outer transaction through a savepoint.
  ///
  /// On PostgreSQL the transaction takes the audit chain's advisory lock first
  /// (`pg_advisory_xact_lock`, waiting at most the busy timeout as `lock_timeout`): writers on
  /// every host serialize on the chain head as SQLite's writers do on the file's lock, and each
  /// statement (read committed) sees everything committed before.
  public func write<T>(_ body: () throws -> T) throws -> T {
    guard postgres != nil else { return try transaction(begin: "BEGIN IMMEDIATE", body) }
    return try transaction(
      begin: """
        BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = \(lockTimeoutMilliseconds);
        SELECT pg_advisory_xact_lock(\(PostgresConnection.auditChainLockKey))
        """, body)
  }

  /// Runs `body` in a read transaction, so every query in it sees one consistent snapshot.
  public func read<T>(_ body: () throws -> T) throws -> T {
    guard postgres != nil else { return try transaction(begin: "BEGIN DEFERRED", body) }
    return try transaction(
      begin: "BEGIN ISOLATION LEVEL REPEATABLE READ; SET LOCAL lock_timeout = \(lockTimeoutMilliseconds)",
      body)
  }

  private var lockTimeoutMilliseconds: Int64 {
    max(1, busyTimeout.components.seconds * 1000 + busyTimeout.components.attoseconds / 1_000_000_000_000_000)
  }

  private func transaction<T>(begin: String, _ body: () throws -> T) throws -> T {
    if transactionDepth > 0 {
      let savepoint = "pedigree_\(transactionDepth)"
      try execute("SAVEPOINT \(savepoint)")
      transactionDepth += 1
      defer { transactionDepth -= 1 }
      let touchedBefore = touched
      do {
        let result = try body()
        try execute("RELEASE \(savepoint)")
        return result
      } catch {
        touched = touchedBefore
        try? execute("ROLLBACK TO \(savepoint)")
        try? execute("RELEASE \(savepoint)")
        throw error
      }
    }
    do {
      try execute(begin)
    } catch {
      // PostgreSQL's BEGIN is followed by the chain's lock in the same round trip: when the lock
      // times out, the transaction is open and aborted, and must be ended here.
      if postgres != nil { try? execute("ROLLBACK") }
      throw error
    }
    transactionDepth = 1
    defer { transactionDepth = 0 }
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      touched = [:]
      if isInTransaction { try? execute("ROLLBACK") }
      throw error
    }
  }
}
