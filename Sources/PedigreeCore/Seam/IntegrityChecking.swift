/// The file-level checks of a backend for `db check` (see `RegistryReading`): what only the
/// storage engine can tell, such as page integrity, foreign keys and schema drift.
public protocol IntegrityChecking {
  /// Damage to the store's own structure (SQLite: `integrity_check`); empty when sound. Call it
  /// outside a read transaction, and before the other checks: on a damaged store they fail.
  func integrityProblems() throws(PedigreeError) -> [CheckProblem]

  /// `integrityProblems()` begun beside the caller's other checks (on a connection and a thread
  /// of its own), or `nil` when the backend cannot: call the result to wait for the findings.
  func integrityProblemsInBackground() -> (() throws(PedigreeError) -> [CheckProblem])?

  /// Rows that refer to rows that do not exist, declared foreign keys or not.
  func foreignKeyProblems() throws(PedigreeError) -> [CheckProblem]

  /// The recorded migrations against the migrations compiled in (checksums, gaps), then the
  /// schema objects (tables, indexes, triggers) against what those migrations create in a fresh
  /// store: missing, unexpected or changed, so a dropped append-only trigger is named.
  func schemaProblems() throws(PedigreeError) -> [CheckProblem]

  /// The schema version the store records; 0 for a new one.
  func schemaVersion() throws(PedigreeError) -> Int
}

extension IntegrityChecking {
  /// No background check: the caller runs `integrityProblems()` itself.
  public func integrityProblemsInBackground() -> (() throws(PedigreeError) -> [CheckProblem])? { nil }
}
