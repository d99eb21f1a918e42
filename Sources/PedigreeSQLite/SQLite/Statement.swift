import CSQLite
import PedigreeCore
import PedigreePostgres

/// A prepared statement. Obtain one from `Database.prepare(_:)`, which caches statements by SQL text
/// so a hot path prepares once and reuses the compiled program.
///
/// A statement is reset and its bindings cleared each time it is bound anew, so a cached statement
/// never carries state from one use to the next.
///
/// On a PostgreSQL connection the same calls run the statement through `PostgresStatement`.
public final class Statement {
  /// SQLite's statement; `nil` on PostgreSQL.
  let handle: OpaquePointer!
  /// The PostgreSQL statement; `nil` on SQLite.
  private let postgres: PostgresStatement?
  /// The SQL text the statement was prepared from.
  public let sql: String
  unowned let database: Database
  /// The connection's handle, kept so error checks on hot paths need not go through the
  /// `unowned` reference (each access of which is a strong retain and release).
  private let connection: OpaquePointer!

  init(database: Database, sql: String, persistent: Bool) throws(SQLiteError) {
    self.sql = sql
    self.database = database
    if database.postgres != nil {
      self.handle = nil
      self.connection = nil
      self.postgres = PostgresStatement(sql: sql)
      return
    }
    var statement: OpaquePointer?
    let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
    let code = sqlite3_prepare_v3(database.handle, sql, -1, flags, &statement, nil)
    guard code == SQLITE_OK, let statement else {
      throw SQLiteError(code: code, connection: database.handle, sql: sql)
    }
    self.handle = statement
    self.postgres = nil
    self.connection = database.handle
  }

  deinit { if let handle { sqlite3_finalize(handle) } }

  /// Resets the statement and binds `values` to its parameters, in order.
  @discardableResult
  public func bind(_ values: [SQLValue]) throws(SQLiteError) -> Statement {
    reset()
    for (offset, value) in values.enumerated() {
      try bind(value, at: Int32(offset + 1))
    }
    return self
  }

  /// Resets the statement and clears its bindings.
  public func reset() {
    if let postgres {
      postgres.reset()
      postgres.clearBindings()
      return
    }
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
  }

  /// Resets the statement to run again, keeping its bindings: for loops that rebind only the
  /// parameters that change from one row to the next.
  func rewind() {
    if let postgres { return postgres.reset() }
    sqlite3_reset(handle)
  }

  /// Binds one value at a 1-based parameter index.
  public func bind(_ value: SQLValue, at index: Int32) throws(SQLiteError) {
    if let postgres { return try postgres.bind(value, at: index, sql: sql) }
    let code: Int32
    switch value {
    case .null: code = sqlite3_bind_null(handle, index)
    case .integer(let v): code = sqlite3_bind_int64(handle, index, v)
    case .real(let v): code = sqlite3_bind_double(handle, index, v)
    case .text(let v): code = bindText(v, at: index)
    case .blob(let v):
      code = v.withUnsafeBytes {
        sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), pedigree_sqlite_transient())
      }
    }
    try check(code, connection, sql: sql)
  }

  /// Binds an integer without boxing it (hot paths).
  @inline(__always)
  public func bind(_ value: Int64, at index: Int32) throws(SQLiteError) {
    if let postgres { return try postgres.bind(.integer(value), at: index, sql: sql) }
    try check(sqlite3_bind_int64(handle, index, value), connection, sql: sql)
  }

  /// Binds a double without boxing it (hot paths).
  @inline(__always)
  public func bind(_ value: Double, at index: Int32) throws(SQLiteError) {
    if let postgres { return try postgres.bind(.real(value), at: index, sql: sql) }
    try check(sqlite3_bind_double(handle, index, value), connection, sql: sql)
  }

  /// Binds a string without boxing it (hot paths).
  @inline(__always)
  public func bind(_ value: String, at index: Int32) throws(SQLiteError) {
    if let postgres { return try postgres.bind(.text(value), at: index, sql: sql) }
    try check(bindText(value, at: index), connection, sql: sql)
  }

  /// Binds `text`'s UTF-8 bytes with their length (SQLite copies them). Passing the `String`
  /// itself as a C string copied every short one (those stored inline, most keys and values)
  /// into a new heap array first, and left SQLite to measure it and to stop at a NUL byte.
  @inline(__always)
  private func bindText(_ text: String, at index: Int32) -> Int32 {
    var text = text
    return text.withUTF8 { (bytes: UnsafeBufferPointer<UInt8>) -> Int32 in
      let start = (bytes.baseAddress.map(UnsafeRawPointer.init) ?? Self.noBytes).assumingMemoryBound(
        to: CChar.self)
      return sqlite3_bind_text64(
        handle, index, start, UInt64(bytes.count), pedigree_sqlite_transient(), UInt8(SQLITE_UTF8))
    }
  }

  /// Where an empty text's bytes start: a valid address (a null one would bind NULL).
  private static var noBytes: UnsafeRawPointer { UnsafeRawPointer(StaticString("").utf8Start) }

  /// Steps once. Returns `true` when a row is available, `false` when the statement is done.
  @discardableResult
  public func step() throws(SQLiteError) -> Bool {
    if let postgres, let engine = database.postgres { return try postgres.step(on: engine, sql: sql) }
    let code = sqlite3_step(handle)
    switch code {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default:
      let error = SQLiteError(code: code, connection: connection, sql: sql)
      sqlite3_reset(handle)
      throw error
    }
  }

  /// Runs the statement to completion, ignoring any rows, then resets it.
  public func run() throws(SQLiteError) {
    while try step() {}
    rewind()
  }

  /// The current row. Valid only after `step()` returned `true`.
  public var row: Row {
    if let postgres {
      let current = postgres.row
      return Row(handle: nil, rows: current?.rows, index: current?.index ?? 0)
    }
    return Row(handle: handle, rows: nil, index: 0)
  }

  /// Maps every row through `transform`, then resets the statement.
  public func map<T>(_ transform: (Row) throws -> T) throws -> [T] {
    defer { rewind() }
    var result: [T] = []
    while try step() { result.append(try transform(row)) }
    return result
  }

  /// The first row mapped through `transform`, or `nil` when there is none; resets the statement.
  public func first<T>(_ transform: (Row) throws -> T) throws -> T? {
    defer { rewind() }
    return try step() ? try transform(row) : nil
  }
}

/// A view on the current row of a statement. Columns are 0-based.
public struct Row {
  /// SQLite's statement; `nil` on PostgreSQL.
  let handle: OpaquePointer!
  /// The PostgreSQL result and the row's index in it; `nil` on SQLite.
  let rows: PostgresRows?
  let index: Int32

  /// The number of columns in the row.
  public var count: Int32 {
    if let rows { return Int32(rows.columnCount) }
    return sqlite3_column_count(handle)
  }

  /// Whether the column holds NULL.
  public func isNull(_ column: Int32) -> Bool {
    if let rows { return rows.isNull(row: index, column: column) }
    return sqlite3_column_type(handle, column) == SQLITE_NULL
  }

  /// The column as an integer (NULL reads as 0).
  public func int64(_ column: Int32) -> Int64 {
    if let rows { return rows.integer(row: index, column: column) }
    return sqlite3_column_int64(handle, column)
  }
  /// The column as an `Int` (NULL reads as 0).
  public func int(_ column: Int32) -> Int { Int(int64(column)) }
  /// The column as a double (NULL reads as 0).
  public func double(_ column: Int32) -> Double {
    if let rows { return rows.isNull(row: index, column: column) ? 0 : rows.real(row: index, column: column) }
    return sqlite3_column_double(handle, column)
  }
  /// The column as text (NULL reads as "").
  public func string(_ column: Int32) -> String {
    if let rows { return rows.text(row: index, column: column) }
    guard let text = sqlite3_column_text(handle, column) else { return "" }
    let count = Int(sqlite3_column_bytes(handle, column))
    return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
  }

  /// The column as an integer, or `nil` for NULL.
  public func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }
  /// The column as a double, or `nil` for NULL.
  public func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : double(column) }
  /// The column as text, or `nil` for NULL.
  public func optionalString(_ column: Int32) -> String? { isNull(column) ? nil : string(column) }

  /// Calls `body` with the column's bytes, valid only during the call: a BLOB read without a
  /// copy on SQLite (an empty buffer for NULL or an empty BLOB).
  public func withBlob<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
    if let rows { return try rows.blob(row: index, column: column).withUnsafeBytes(body) }
    let bytes = sqlite3_column_blob(handle, column)
    let count = Int(sqlite3_column_bytes(handle, column))
    return try body(UnsafeRawBufferPointer(start: count > 0 ? bytes : nil, count: count))
  }

  /// The column as a dynamically typed value.
  public func value(_ column: Int32) -> SQLValue {
    if let rows { return rows.value(row: index, column: column) }
    switch sqlite3_column_type(handle, column) {
    case SQLITE_INTEGER: return .integer(int64(column))
    case SQLITE_FLOAT: return .real(double(column))
    case SQLITE_TEXT: return .text(string(column))
    case SQLITE_BLOB:
      let count = Int(sqlite3_column_bytes(handle, column))
      guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return .blob([]) }
      return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
    default: return .null
    }
  }
}
