/// An error from Pedigree's library, classified by what the caller should do about it.
///
/// Each frontend maps the kind to its own vocabulary: the CLI to an exit code (PRODUCT.md, "Exit
/// codes"), the server to an HTTP status. `hint` names what to do next in words, never a flag.
public struct PedigreeError: Error, CustomStringConvertible, Sendable, Equatable {
  /// What went wrong, in the terms of PRODUCT.md's exit codes.
  public enum Kind: Sendable, Equatable {
    /// A ref or an entity does not exist.
    case notFound
    /// The request conflicts with what is recorded.
    case refused
    /// A malformed name, ref, filter, time or flag.
    case usage
    /// Invalid input data: a run record or file content.
    case invalidInput
    /// The database or a file cannot be opened, read or written.
    case io
    /// The database stayed locked past the busy timeout.
    case busy
    /// Not a Pedigree database, or a schema this binary does not know.
    case incompatible
    /// The caller's role is too low for this write (a server token's; a policy's `--min-role`).
    case forbidden
  }

  public let kind: Kind
  /// One line saying what went wrong.
  public let message: String
  /// What to try instead, in words, when there is something useful to say.
  public let hint: String?
  /// The action that fixes it, when a frontend can phrase it in its own terms (the CLI names the
  /// command and flags to type; the server, the request to make). Shown instead of `hint`.
  public let remedy: Remedy?

  public init(_ kind: Kind, _ message: String, hint: String? = nil, remedy: Remedy? = nil) {
    self.kind = kind
    self.message = message
    self.hint = hint
    self.remedy = remedy
  }

  /// An action that would fix an error, for the frontend to phrase.
  public enum Remedy: Sendable, Equatable {
    /// Create a registry at `path` (there is none, or the file is empty).
    case createRegistry(path: String)
    /// Initialise the empty database at `path` as a registry.
    case initializeRegistry(path: String)
    /// Upgrade the registry at `path` to this binary's schema.
    case migrateRegistry(path: String)
    /// Point at a Pedigree registry instead of this foreign file, or create one.
    case useAnotherRegistry
    /// Retry, or wait longer for other writers.
    case retryOrWaitLonger
    /// Move the alias onto a version first (`model`, `alias`).
    case promoteFirst(model: String, alias: String)
    /// Pick another version than the one named.
    case pickAnotherVersion
    /// Name the rollback target explicitly, as there is no previous version to return to.
    case chooseVersion
    /// Name the run that produced the model.
    case nameRun
    /// Say what to log: params, metrics, inputs or outputs.
    case sayWhatToLog
    /// Give a reason for the alias move (a promotion policy requires one).
    case giveReason
  }

  public var description: String {
    hint.map { "\(message) (hint: \($0))" } ?? message
  }

  public static func notFound(
    _ message: String, hint: String? = nil, remedy: Remedy? = nil
  ) -> PedigreeError {
    PedigreeError(.notFound, message, hint: hint, remedy: remedy)
  }
  public static func refused(
    _ message: String, hint: String? = nil, remedy: Remedy? = nil
  ) -> PedigreeError {
    PedigreeError(.refused, message, hint: hint, remedy: remedy)
  }
  public static func usage(
    _ message: String, hint: String? = nil, remedy: Remedy? = nil
  ) -> PedigreeError {
    PedigreeError(.usage, message, hint: hint, remedy: remedy)
  }
  public static func invalidInput(
    _ message: String, hint: String? = nil, remedy: Remedy? = nil
  ) -> PedigreeError {
    PedigreeError(.invalidInput, message, hint: hint, remedy: remedy)
  }
}
