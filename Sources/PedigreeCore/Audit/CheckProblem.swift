/// One thing `db check` found wrong.
public struct CheckProblem: Sendable, Equatable, CustomStringConvertible {
  /// Which check found it.
  public enum Area: String, Sendable, CaseIterable {
    /// `PRAGMA integrity_check`: the file's own structure.
    case integrity
    /// `PRAGMA foreign_key_check`: a row pointing at a missing row.
    case foreignKeys = "foreign_keys"
    /// The audit log's hash chain.
    case auditChain = "audit_chain"
    /// Alias events against the audit entries that record them.
    case aliasHistory = "alias_history"
    /// Runs' params and metric points against the content digests the audit log recorded.
    case runContent = "run_content"
    /// Every entity's facts (datasets, runs, models, alias events, edges, policies…) against the
    /// facts the audit entries recorded.
    case recordedFacts = "recorded_facts"
    /// `schema_migrations` against the migrations compiled in.
    case migrations
    /// Tables, indexes and triggers against what the migrations create.
    case schema
  }

  public let area: Area
  /// What is wrong, naming the entry, row or object (`audit entry 17: altered: …`).
  public let message: String

  public init(area: Area, message: String) {
    self.area = area
    self.message = message
  }

  public var description: String { "\(area.rawValue): \(message)" }
}
