import PedigreeCore

extension PostgresConnection {
  /// Appends one entry to the audit chain as `author`, inside the caller's transaction, which
  /// must hold the chain's lock (`lockAuditChain()`) so that the entry's number and previous
  /// hash are the head's. The entry is the SQLite backend's, field for field: its id, time,
  /// actor, action, entity, details (with `claimed_actor` when the author claimed another name)
  /// and hash over them all.
  func appendAudit(
    by author: Author, action: AuditAction, entity: String, details: JSONObject
  ) throws(PedigreeError) {
    var details = details
    let head = try execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
    let id = try (head.first?.int64(0) ?? 0) + 1
    let previous = try head.first?.string(1) ?? AuditChain.genesis
    let at = author.clock()
    if let claimed = author.claimedActor, claimed != author.actor {
      details.pairs.append((key: "claimed_actor", value: .string(claimed)))
    }
    let text = JSONValue.object(details).serialized()
    let hash = AuditChain.hash(
      previous: previous, id: id, at: at, actor: author.actor, action: action.rawValue,
      entity: entity, details: text)
    try execute(
      """
      INSERT INTO audit_log(id, at, actor, action, entity, details, prev_hash, hash)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      """,
      [
        .integer(id), .integer(at.milliseconds), .text(author.actor), .text(action.rawValue),
        .text(entity), .text(text), .text(previous), .text(hash),
      ])
  }
}
