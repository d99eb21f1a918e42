import PedigreeCore

/// A failure reported by PostgreSQL or libpq: the SQLSTATE (empty when libpq failed before the
/// server answered, e.g. a lost connection) and the primary message, on one line.
///
/// Parameters are never part of the description, so errors can be logged without leaking data.
public struct PostgresError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The five-character SQLSTATE (`23505`, `55P03`, …), or "" for a client-side failure.
  public let sqlstate: String
  /// The server's primary message (or libpq's), on one line.
  public let message: String

  public init(sqlstate: String, message: String) {
    self.sqlstate = sqlstate
    self.message = PostgresError.oneLine(message)
  }

  public var description: String {
    sqlstate.isEmpty ? message : "\(message) (SQLSTATE \(sqlstate))"
  }

  /// Another writer held a lock past the timeout, or the server gave up on the transaction so
  /// that a retry may succeed: lock_not_available, query_canceled (lock or statement timeout),
  /// serialization_failure, deadlock_detected.
  public var isBusy: Bool { ["55P03", "57014", "40001", "40P01"].contains(sqlstate) }

  /// A constraint or a trigger refused the write: integrity_constraint_violation (class 23:
  /// unique, check, foreign key, not null) or a PL/pgSQL `RAISE EXCEPTION` (P0001).
  public var isConstraint: Bool { sqlstate.hasPrefix("23") || sqlstate == "P0001" }

  /// libpq's messages span lines (`…failed: Connection refused\n\tIs the server running…`):
  /// the first line, trimmed, is what went wrong.
  static func oneLine(_ text: String) -> String {
    let lines = text.split(whereSeparator: \.isNewline).map { line in
      String(line.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
    return lines.first { !$0.isEmpty } ?? "unknown error"
  }
}

extension PedigreeError {
  /// Classifies a PostgreSQL failure on the database at `url` (shown redacted), the same way
  /// the SQLite backend classifies its own: busy (75), a refused write (2), or an I/O failure of
  /// the database (74). The one place PostgreSQL errors become `PedigreeError`s.
  public init(_ error: PostgresError, url: PostgresURL) {
    if error.isBusy {
      self.init(
        .busy,
        "database \(url.redacted) is busy: another writer held a lock past the timeout "
          + "(\(error.message))",
        hint: "retry, or wait longer for the lock", remedy: .retryOrWaitLonger)
    } else if error.isConstraint {
      self.init(.refused, "the database refused the write: \(error.message)")
    } else {
      self.init(.io, "cannot use database \(url.redacted): \(error.message)")
    }
  }

  /// Connecting failed: the server is unreachable, refused the credentials, or has no such
  /// database. Always an I/O failure (74), one line, the password redacted.
  static func cannotConnect(_ url: PostgresURL, _ message: String) -> PedigreeError {
    PedigreeError(
      .io, "cannot connect to \(url.redacted): \(PostgresError.oneLine(message))",
      hint: "check the host, port, database name and credentials, and that the server is running")
  }

  /// libpq could not be loaded.
  static func libpqMissing(_ reason: String) -> PedigreeError {
    PedigreeError(
      .io, "PostgreSQL support needs libpq (apt install libpq5): \(PostgresError.oneLine(reason))",
      hint: "install PostgreSQL's client library, libpq5 (Debian, Ubuntu) or libpq (Homebrew)")
  }
}
