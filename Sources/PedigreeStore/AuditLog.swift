import Crypto
import Foundation

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
  }

  /// Walks the whole log in id order and returns the first entry that was altered, forged or
  /// removed: ids must run 1, 2, 3… without gaps, each `prev_hash` must be the previous entry's
  /// hash and each hash must match its entry's fields.
  public static func verify(_ database: Database) throws -> Break? {
    let statement = try database.prepare(
      "SELECT id, at, actor, action, entity, details, prev_hash, hash FROM audit_log ORDER BY id")
    defer { statement.reset() }
    var expectedID: Int64 = 1
    var previous = genesis
    while try statement.step() {
      let entry = AuditEntry(row: statement.row)
      if entry.id != expectedID {
        return Break(
          entryID: expectedID,
          problem: entry.id > expectedID
            ? "missing: entries \(expectedID)…\(entry.id - 1) were removed"
            : "out of sequence")
      }
      if entry.previousHash != previous {
        return Break(
          entryID: entry.id,
          problem: "does not follow entry \(entry.id - 1): an entry before it was "
            + "altered or removed, or this one was forged")
      }
      if !isIntact(entry) {
        return Break(entryID: entry.id, problem: "altered: its hash does not match its contents")
      }
      previous = entry.hash
      expectedID += 1
    }
    return nil
  }
}

extension AuditEntry {
  /// Reads the columns `id, at, actor, action, entity, details, prev_hash, hash`.
  public init(row: Row) {
    self.init(
      id: row.int64(0), at: Timestamp(milliseconds: row.int64(1)), actor: row.string(2),
      action: row.string(3), entity: row.string(4), details: row.string(5),
      previousHash: row.string(6), hash: row.string(7))
  }
}

extension Registry {
  /// Appends one audit entry. Call inside the write transaction whose change it describes.
  func appendAudit(action: String, entity: String, details: JSONObject) throws {
    let last = try database.queryFirst(
      "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"
    ) { ($0.int64(0), $0.string(1)) }
    let id = (last?.0 ?? 0) + 1
    let previous = last?.1 ?? AuditChain.genesis
    let at = Timestamp.now()
    let text = JSONValue.object(details).serialized()
    let hash = AuditChain.hash(
      previous: previous, id: id, at: at, actor: actor, action: action, entity: entity,
      details: text)
    try database.run(
      """
      INSERT INTO audit_log(id, at, actor, action, entity, details, prev_hash, hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .integer(id), .integer(at.milliseconds), .text(actor), .text(action), .text(entity),
        .text(text), .text(previous), .text(hash),
      ])
  }
}
