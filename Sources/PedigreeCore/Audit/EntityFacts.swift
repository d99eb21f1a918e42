/// What the registry's rows say about one entity, in the canonical form the audit chain records
/// (see docs/AUDIT-CHAIN.md, "What each entry records, and how db check recomputes it").
public struct EntityFacts: Sendable, Equatable {
  /// The kind of entity (`run`, `model_version`, `alias_event`, …).
  public let kind: String
  /// The entity's name, unique across kinds: `model:fraud@2`, `run:<id>`, `alias_event:5`.
  public let key: String
  /// A JSON object: the entity's facts with fixed keys in a fixed order.
  public let facts: String

  public init(kind: String, key: String, facts: String) {
    self.kind = kind
    self.key = key
    self.facts = facts
  }
}

/// The facts of one entity as an audit entry recorded them.
public struct RecordedFacts: Sendable, Equatable {
  /// The entity's name, as `EntityFacts.key`.
  public let key: String
  /// The audit entry that recorded them.
  public let entry: Int64
  /// A JSON object, as `EntityFacts.facts` was when the entry was written.
  public let facts: String

  public init(key: String, entry: Int64, facts: String) {
    self.key = key
    self.entry = entry
    self.facts = facts
  }
}
