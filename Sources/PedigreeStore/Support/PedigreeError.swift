/// An error from Pedigree's library, classified by what the caller should do about it.
///
/// Each kind maps to one exit code of the CLI (see PRODUCT.md, "Exit codes"); `hint` is a short
/// suggestion shown after the message.
public struct PedigreeError: Error, CustomStringConvertible, Sendable, Equatable {
  /// What went wrong, in the terms of PRODUCT.md's exit codes.
  public enum Kind: Sendable, Equatable {
    /// A ref or an entity does not exist (exit 1).
    case notFound
    /// The request conflicts with what is recorded (exit 2).
    case refused
    /// A malformed name, ref, filter, time or flag (exit 64).
    case usage
    /// Invalid input data: a run record or file content (exit 65).
    case invalidInput
    /// The database or a file cannot be opened, read or written (exit 74).
    case io
    /// The database stayed locked past the busy timeout (exit 75).
    case busy
    /// Not a Pedigree database, or a schema this binary does not know (exit 78).
    case incompatible

    /// The CLI exit code for this kind.
    public var exitCode: Int32 {
      switch self {
      case .notFound: 1
      case .refused: 2
      case .usage: 64
      case .invalidInput: 65
      case .io: 74
      case .busy: 75
      case .incompatible: 78
      }
    }
  }

  public let kind: Kind
  /// One line saying what went wrong.
  public let message: String
  /// What to try instead, when there is something useful to say.
  public let hint: String?

  public init(_ kind: Kind, _ message: String, hint: String? = nil) {
    self.kind = kind
    self.message = message
    self.hint = hint
  }

  public var description: String {
    hint.map { "\(message) (hint: \($0))" } ?? message
  }

  public static func notFound(_ message: String, hint: String? = nil) -> PedigreeError {
    PedigreeError(.notFound, message, hint: hint)
  }
  public static func refused(_ message: String, hint: String? = nil) -> PedigreeError {
    PedigreeError(.refused, message, hint: hint)
  }
  public static func usage(_ message: String, hint: String? = nil) -> PedigreeError {
    PedigreeError(.usage, message, hint: hint)
  }
  public static func invalidInput(_ message: String, hint: String? = nil) -> PedigreeError {
    PedigreeError(.invalidInput, message, hint: hint)
  }
}

extension PedigreeError {
  /// Classifies an SQLite failure: busy, I/O, foreign file, or (anything else) an I/O failure
  /// of the database, with SQLite's message.
  public init(_ error: SQLiteError, path: String) {
    if error.isBusy {
      self.init(
        .busy, "database \(path) is busy: another process held its write lock past the timeout",
        hint: "retry, or raise the timeout with PEDIGREE_BUSY_TIMEOUT_MS")
    } else if error.isNotADatabase {
      self.init(.incompatible, "\(path) is not a Pedigree database (not an SQLite file)")
    } else if error.isReadOnly {
      self.init(
        .io, "\(path) is read-only to this process: \(error.message)",
        hint: "writes need write access to the file and its directory; so do reads, for SQLite's "
          + "\(path)-shm index, unless that file already exists")
    } else if error.isConstraint {
      self.init(.refused, "the database refused the write: \(error.message)")
    } else {
      self.init(.io, "cannot use database \(path): \(error.message)")
    }
  }
}
