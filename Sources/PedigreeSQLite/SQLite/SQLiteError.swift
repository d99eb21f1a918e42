import CSQLite
import PedigreeCore

/// An error reported by SQLite: the extended result code, SQLite's message and the SQL that failed.
///
/// Bound values are never part of the description, so errors can be logged without leaking data.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
  /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, `SQLITE_BUSY_SNAPSHOT`, …).
  public let extendedCode: Int32
  /// SQLite's own message for the failure.
  public let message: String
  /// The statement that failed, when there was one.
  public let sql: String?

  /// The primary result code (`SQLITE_CONSTRAINT`, `SQLITE_BUSY`, …).
  public var code: Int32 { extendedCode & 0xff }

  public init(code: Int32, message: String, sql: String? = nil) {
    self.extendedCode = code
    self.message = message
    self.sql = sql
  }

  init(code: Int32, connection: OpaquePointer?, sql: String? = nil) {
    let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
    self.init(code: code, message: message ?? String(cString: sqlite3_errstr(code)), sql: sql)
  }

  public var description: String {
    let text = "SQLite error \(extendedCode): \(message)"
    return sql.map { "\(text) (in `\($0)`)" } ?? text
  }

  /// The database was busy past the busy timeout.
  public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
  /// A constraint (unique, check, foreign key, trigger RAISE) refused the write.
  public var isConstraint: Bool { code == SQLITE_CONSTRAINT }
  /// The file is not an SQLite database.
  public var isNotADatabase: Bool { code == SQLITE_NOTADB }
  /// The file is damaged.
  public var isCorrupt: Bool { code == SQLITE_CORRUPT }
  /// The file (or its directory) is read-only to this process.
  public var isReadOnly: Bool { code == SQLITE_READONLY }
  /// The file, its directory or its journal could not be opened, read or written.
  public var isIOFailure: Bool {
    [SQLITE_CANTOPEN, SQLITE_IOERR, SQLITE_READONLY, SQLITE_PERM, SQLITE_FULL, SQLITE_AUTH]
      .contains(code)
  }
}

/// Throws a `SQLiteError` unless `code` is one of the accepted success codes.
@inline(__always)
func check(
  _ code: Int32, _ connection: OpaquePointer?, sql: String? = nil, ok: Int32 = SQLITE_OK
) throws(SQLiteError) {
  if code != ok { throw SQLiteError(code: code, connection: connection, sql: sql) }
}
