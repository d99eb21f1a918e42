import PedigreeCore

extension PostgresConnection {
  /// How long a statement inside `transaction` waits for a lock (a row, a table, the audit
  /// chain's advisory lock) before the write fails as busy: the SQLite backend's busy timeout.
  public static let defaultLockTimeout: Duration = .seconds(5)

  /// Runs `body` in one transaction: `BEGIN`, `SET LOCAL lock_timeout`, then `COMMIT` when `body`
  /// returns, `ROLLBACK` (leaving no trace) when it throws. Errors of `body` pass through
  /// unchanged when they are `PedigreeError`s and become `.io` otherwise. Inside another
  /// transaction, `body` simply runs as part of it.
  public func transaction<T>(
    isolation: Isolation = .readCommitted, lockTimeout: Duration = defaultLockTimeout,
    _ body: () throws -> T
  ) throws(PedigreeError) -> T {
    if isInTransaction { return try passingErrors(body) }
    let milliseconds = max(
      1,
      lockTimeout.components.seconds * 1000
        + lockTimeout.components.attoseconds / 1_000_000_000_000_000)
    try execute("BEGIN ISOLATION LEVEL \(isolation.rawValue); SET LOCAL lock_timeout = \(milliseconds)")
    isInTransaction = true
    defer { isInTransaction = false }
    let value: T
    do {
      value = try passingErrors(body)
      try execute("COMMIT")
    } catch {
      rollbackQuietly()
      throw error
    }
    return value
  }

  private func passingErrors<T>(_ body: () throws -> T) throws(PedigreeError) -> T {
    do {
      return try body()
    } catch let error as PedigreeError {
      throw error
    } catch {
      throw PedigreeError(.io, "\(error)")
    }
  }

  /// A transaction's isolation level. Writes use read committed under the audit chain's lock
  /// (each statement sees what the previous holder committed); a read of several statements
  /// that must agree uses repeatable read (one snapshot).
  public enum Isolation: String, Sendable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"
  }

  /// Rolls back after a failure; a second failure (a lost connection) must not hide the first.
  private func rollbackQuietly() { _ = try? execute("ROLLBACK") }

  /// The advisory lock key of the audit chain's head: every audited write takes it first
  /// (`lockAuditChain()`), so writers on several hosts append one chain, one entry at a time.
  /// (The first eight bytes of SHA-256("pedigree audit chain"), as a signed integer.)
  public static let auditChainLockKey: Int64 = {
    let hex = Digest.sha256(Array("pedigree audit chain".utf8)).dropFirst("sha256:".count).prefix(16)
    return Int64(bitPattern: UInt64(hex, radix: 16) ?? 0)
  }()

  /// Takes the transaction-scoped advisory lock `key` (`pg_advisory_xact_lock`), waiting at most
  /// the transaction's lock timeout (then `.busy`); released by COMMIT or ROLLBACK.
  public func advisoryLock(_ key: Int64) throws(PedigreeError) {
    try execute("SELECT pg_advisory_xact_lock($1)", [.integer(key)])
  }

  /// Serialises this transaction's audited write behind every other writer's.
  public func lockAuditChain() throws(PedigreeError) {
    try advisoryLock(PostgresConnection.auditChainLockKey)
  }
}
