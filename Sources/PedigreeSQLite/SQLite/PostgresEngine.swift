import CSQLite
import PedigreeCore
import PedigreePostgres

/// The registry's SQL on PostgreSQL: the same statements the SQLite engine runs, with SQLite's
/// placeholders turned into PostgreSQL's, the same binding rules and the same error classes.
///
/// The backend writes its SQL once, in the subset both engines share (`ON CONFLICT … DO
/// NOTHING`, `RETURNING`, `IS NOT DISTINCT FROM`, `TRUE`); the few places where they differ (JSON
/// functions, GLOB, the catalogs) ask `Database.isPostgres`. What is translated here is only
/// what a driver translates (JDBC does the same for `?`): placeholders, bound values, errors.
enum PostgresDialect {
  /// `sql` with `?NNN` as `$NNN` and each bare `?` as the next number (SQLite's numbering: one
  /// more than the largest so far), outside string literals, quoted identifiers and comments;
  /// and how many parameters it takes.
  static func translate(_ sql: String) -> (text: String, parameters: Int) {
    let bytes = Array(sql.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + 16)
    var largest = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "'"), UInt8(ascii: "\""):
        let end = closing(byte, in: bytes, after: index)
        output += bytes[index..<end]
        index = end
      case UInt8(ascii: "-") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "-"):
        let end = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        output += bytes[index..<end]
        index = end
      case UInt8(ascii: "?"):
        var end = index + 1
        while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
        let number =
          end > index + 1 ? Int(String(decoding: bytes[(index + 1)..<end], as: UTF8.self)) ?? 0 : largest + 1
        largest = max(largest, number)
        output += Array("$\(number)".utf8)
        index = end
      default:
        output.append(byte)
        index += 1
      }
    }
    return (String(decoding: output, as: UTF8.self), largest)
  }

  /// The index just past the quote that closes the one at `start` (a doubled quote is part of
  /// the literal), or the end.
  private static func closing(_ quote: UInt8, in bytes: [UInt8], after start: Int) -> Int {
    var index = start + 1
    while index < bytes.count {
      if bytes[index] == quote {
        if index + 1 < bytes.count && bytes[index + 1] == quote {
          index += 2
          continue
        }
        return index + 1
      }
      index += 1
    }
    return bytes.count
  }

  /// A bound value as PostgreSQL receives it. NaN binds as NULL, as SQLite stores it
  /// (https://sqlite.org/c3ref/bind_blob.html): one representation, and one ordering, on both
  /// engines; NaN inside a metric chunk is bytes, unaffected.
  static func parameter(_ value: SQLValue) -> PostgresValue {
    switch value {
    case .null: return .null
    case .integer(let v): return .integer(v)
    case .real(let v): return v.isNaN ? .null : .real(v)
    case .text(let v): return .text(v)
    case .blob(let v): return .blob(v)
    }
  }

  /// A PostgreSQL failure in SQLite's terms, so the backend's classification (busy, refused,
  /// I/O) and its messages are the same on both engines.
  static func error(_ error: PostgresError, sql: String?) -> SQLiteError {
    let code: Int32
    switch error.sqlstate {
    case "23505": code = 2067  // SQLITE_CONSTRAINT_UNIQUE
    case "23503": code = 787  // SQLITE_CONSTRAINT_FOREIGNKEY
    case "23502": code = 1299  // SQLITE_CONSTRAINT_NOTNULL
    case "23514": code = 275  // SQLITE_CONSTRAINT_CHECK
    case "P0001": code = 1811  // SQLITE_CONSTRAINT_TRIGGER
    case let state where state.hasPrefix("23"): code = SQLITE_CONSTRAINT
    case let state where error.isBusy || state == "55006": code = SQLITE_BUSY
    case let state
    where state.isEmpty || state.hasPrefix("08") || state.hasPrefix("53")
      || state.hasPrefix("57") || state.hasPrefix("58"):
      code = SQLITE_IOERR
    case "42501": code = SQLITE_PERM
    default: code = SQLITE_ERROR
    }
    return SQLiteError(code: code, message: error.message, sql: sql)
  }
}

/// A statement on PostgreSQL: its translated SQL, its bound values, and the rows of its last run,
/// stepped through like SQLite's.
final class PostgresStatement {
  let text: String
  private var parameters: [PostgresValue]
  private var rows: PostgresRows?
  private var position: Int32 = -1

  init(sql: String) {
    let translated = PostgresDialect.translate(sql)
    self.text = translated.text
    self.parameters = Array(repeating: .null, count: translated.parameters)
  }

  func bind(_ value: SQLValue, at index: Int32, sql: String) throws(SQLiteError) {
    guard index >= 1, Int(index) <= parameters.count else {
      throw SQLiteError(code: SQLITE_RANGE, message: "parameter \(index) out of range", sql: sql)
    }
    parameters[Int(index) - 1] = PostgresDialect.parameter(value)
  }

  func reset() {
    rows = nil
    position = -1
  }

  func clearBindings() {
    for index in parameters.indices { parameters[index] = .null }
  }

  /// Runs the statement on its first step, then moves to the next row.
  func step(on connection: PostgresDatabaseEngine, sql: String) throws(SQLiteError) -> Bool {
    if rows == nil {
      rows = try connection.perform(text, parameters, sql: sql)
      position = -1
    }
    guard let rows else { return false }
    position += 1
    return Int(position) < rows.count
  }

  var row: (rows: PostgresRows, index: Int32)? {
    guard let rows, position >= 0, Int(position) < rows.count else { return nil }
    return (rows, position)
  }
}

/// A `Database`'s PostgreSQL connection and what SQLite keeps for it itself (changes counts).
final class PostgresDatabaseEngine {
  let connection: PostgresConnection
  /// Rows the last INSERT, UPDATE or DELETE changed.
  private(set) var changes = 0
  /// Rows changed since the connection opened.
  private(set) var totalChanges = 0

  init(connection: PostgresConnection) { self.connection = connection }

  func perform(_ text: String, _ parameters: [PostgresValue], sql: String?) throws(SQLiteError)
    -> PostgresRows
  {
    let rows: PostgresRows
    do {
      rows = parameters.isEmpty ? try connection.perform(text) : try connection.perform(text, parameters)
    } catch {
      throw PostgresDialect.error(error, sql: sql)
    }
    if rows.columnCount == 0 || Self.changesRows(text) {
      changes = rows.affected
      totalChanges += rows.affected
    }
    return rows
  }

  /// Whether the statement is an INSERT, UPDATE or DELETE (with RETURNING, it also has columns).
  private static func changesRows(_ text: String) -> Bool {
    let head = text.utf8.drop { $0 == 32 || $0 == 10 || $0 == 9 }.prefix(6)
    let word = String(decoding: head, as: UTF8.self).uppercased()
    return word == "INSERT" || word == "UPDATE" || word == "DELETE"
  }
}

/// PostgreSQL's type object ids the row accessors tell apart.
enum PostgresColumnType {
  static let bool: UInt32 = 16
  static let bytea: UInt32 = 17
  static let integers: Set<UInt32> = [20, 21, 23, 26]
  static let reals: Set<UInt32> = [700, 701, 1700]
}

extension PostgresRows {
  /// The value at `row`, `column` as an integer: text digits, `t`/`f` for booleans (1/0), a
  /// numeric's integral text; 0 for NULL or anything else, as SQLite reads a non-number.
  func integer(row: Int32, column: Int32) -> Int64 {
    withBytes(row: row, column: column) { bytes in
      guard !bytes.isEmpty else { return 0 }
      if bytes.count == 1 && bytes[0] == UInt8(ascii: "t") { return 1 }
      if bytes.count == 1 && bytes[0] == UInt8(ascii: "f") { return 0 }
      let text = String(decoding: bytes, as: UTF8.self)
      return Int64(text) ?? Double(text).map { Int64(exactly: $0.rounded(.towardZero)) ?? 0 } ?? 0
    }
  }

  /// The value as a double: PostgreSQL's shortest exact text, `Infinity`, `-Infinity`, `NaN`.
  func real(row: Int32, column: Int32) -> Double {
    withBytes(row: row, column: column) { bytes in
      let text = String(decoding: bytes, as: UTF8.self)
      switch text {
      case "Infinity": return .infinity
      case "-Infinity": return -.infinity
      case "NaN": return .nan
      case "t": return 1
      case "f": return 0
      default: return Double(text) ?? 0
      }
    }
  }

  /// The value's text (a bytea's decoded bytes as UTF-8; "" for NULL).
  func text(row: Int32, column: Int32) -> String {
    if type(ofColumn: Int(column)) == PostgresColumnType.bytea {
      return String(decoding: blob(row: row, column: column), as: UTF8.self)
    }
    return withBytes(row: row, column: column) { String(decoding: $0, as: UTF8.self) }
  }

  /// The value's bytes: a bytea decoded, any other value's text bytes.
  func blob(row: Int32, column: Int32) -> [UInt8] {
    withBytes(row: row, column: column) { bytes in
      if type(ofColumn: Int(column)) == PostgresColumnType.bytea {
        return PostgresRow.decodeBytea(bytes) ?? []
      }
      return Array(bytes)
    }
  }

  /// The value with its type, as SQLite's dynamic typing would give it back.
  func value(row: Int32, column: Int32) -> SQLValue {
    if isNull(row: row, column: column) { return .null }
    let type = type(ofColumn: Int(column))
    if PostgresColumnType.integers.contains(type) || type == PostgresColumnType.bool {
      return .integer(integer(row: row, column: column))
    }
    if PostgresColumnType.reals.contains(type) { return .real(real(row: row, column: column)) }
    if type == PostgresColumnType.bytea { return .blob(blob(row: row, column: column)) }
    return .text(text(row: row, column: column))
  }
}
