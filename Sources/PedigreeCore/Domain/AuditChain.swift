/// One entry of the audit log.
public struct AuditEntry: Sendable, Equatable {
  public let id: Int64
  public let at: Timestamp
  public let actor: String
  /// What was done, as `area.verb` (`model.register`, `model.promote`, `run.record`, …).
  public let action: String
  /// The canonical ref of what it was done to (`model:fraud@3`, `run:<id>`, `registry`).
  public let entity: String
  /// The facts of the write, as a JSON object.
  public let details: String
  public let previousHash: String
  public let hash: String
  public init(
    id: Int64, at: Timestamp, actor: String, action: String, entity: String, details: String,
    previousHash: String, hash: String
  ) {
    self.id = id
    self.at = at
    self.actor = actor
    self.action = action
    self.entity = entity
    self.details = details
    self.previousHash = previousHash
    self.hash = hash
  }
}

/// The audit log's hash chain: each entry stores the previous entry's hash and its own hash over
/// that and every field, so editing, forging or removing an entry breaks the chain from there on.
public enum AuditChain {
  /// The `prev_hash` of the first entry.
  public static let genesis = String(repeating: "0", count: 64)

  /// The hash of an entry: SHA-256 over the length-prefixed fields (so no two different entries
  /// serialise alike), as 64 lowercase hex digits.
  public static func hash(
    previous: String, id: Int64, at: Timestamp, actor: String, action: String, entity: String,
    details: String
  ) -> String {
    var bytes: [UInt8] = []
    for field in [previous, String(id), String(at.milliseconds), actor, action, entity, details] {
      let utf8 = Array(field.utf8)
      bytes.append(contentsOf: Array("\(utf8.count):".utf8))
      bytes.append(contentsOf: utf8)
    }
    return String(Digest.sha256(bytes).dropFirst("sha256:".count))
  }

  /// Whether the entry's stored hash matches its fields.
  public static func isIntact(_ entry: AuditEntry) -> Bool {
    entry.hash
      == hash(
        previous: entry.previousHash, id: entry.id, at: entry.at, actor: entry.actor,
        action: entry.action, entity: entry.entity, details: entry.details)
  }

  /// The first break in the chain, or `nil` when the whole log is intact.
  public struct Break: Sendable, Equatable, CustomStringConvertible {
    /// The id of the first entry that does not fit (or, for a removal at the end, where it was).
    public let entryID: Int64
    public let problem: String
    public var description: String { "audit entry \(entryID): \(problem)" }
    public init(entryID: Int64, problem: String) {
      self.entryID = entryID
      self.problem = problem
    }
  }
}
