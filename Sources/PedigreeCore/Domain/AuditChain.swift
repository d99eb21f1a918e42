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

/// A point of the audit chain to publish outside the registry (`N:HASH`): entry `N` and its hash.
/// `db check --head N:HASH` later proves the chain still holds entry `N` with that hash, which a
/// self-consistent rewrite of history or a copy restored from before entry `N` cannot fake.
public struct AuditHead: Sendable, Equatable, CustomStringConvertible {
  public let entry: Int64
  /// 64 lowercase hex digits.
  public let hash: String

  public init(entry: Int64, hash: String) {
    self.entry = entry
    self.hash = hash
  }

  /// `N:HASH`.
  public var description: String { "\(entry):\(hash)" }

  /// Parses `N:HASH` (N ≥ 1, HASH 64 hex digits, either case); a malformed value is a usage error.
  public static func parse(_ text: String) throws(PedigreeError) -> AuditHead {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
      let entry = Int64(parts[0]), entry >= 1, parts[1].utf8.count == 64,
      parts[1].allSatisfy({ $0.isASCII && $0.isHexDigit })
    else {
      throw PedigreeError(
        .usage,
        "invalid audit head '\(text)': expected N:HASH, an entry number and its 64 hex digits "
          + "(as `pedigree db head` prints it)")
    }
    return AuditHead(entry: entry, hash: parts[1].lowercased())
  }
}

extension AuditEntry {
  /// This entry as a head to publish.
  public var head: AuditHead { AuditHead(entry: id, hash: hash) }
}

/// The answer of `db head`: the chain's last entry as a head, and when it was written.
public struct ChainHead: Sendable, Equatable {
  public let head: AuditHead
  public let at: Timestamp

  public init(head: AuditHead, at: Timestamp) {
    self.head = head
    self.at = at
  }
}

extension ChainHead: JSONConvertible {
  /// `{entry, hash, head: "N:HASH", at}`.
  public var json: JSONValue {
    .object([
      "entry": .integer(head.entry), "hash": .string(head.hash), "head": .string(head.description),
      "at": .time(at),
    ])
  }
}
