import PedigreeCore

extension AuditChain {
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

extension SQLiteWriter {
  /// Appends one audit entry. Call inside the write transaction whose change it describes, after
  /// its last change: the entry's details get `facts`, the facts of every entity the transaction
  /// touched (see `FactTracking`), unless they already carry them.
  func appendAudit(action: AuditAction, entity: String, details: JSONObject) throws {
    let touched = try FactTracking.touchedFacts(database)  // read, and forgotten, in any case
    let facts = details["facts"] == nil ? touched : []
    let last = try database.queryFirst(
      "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"
    ) { ($0.int64(0), $0.string(1)) }
    let id = (last?.0 ?? 0) + 1
    let previous = last?.1 ?? AuditChain.genesis
    let at = clock()
    var claimed: JSONObject = [:]
    if let claimedActor = author.claimedActor, claimedActor != actor {
      claimed["claimed_actor"] = .string(claimedActor)
    }
    let text = Self.detailsText(details, facts: facts, then: claimed)
    let hash = AuditChain.hash(
      previous: previous, id: id, at: at, actor: actor, action: action.rawValue, entity: entity,
      details: text)
    try database.run(
      """
      INSERT INTO audit_log(id, at, actor, action, entity, details, prev_hash, hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .integer(id), .integer(at.milliseconds), .text(actor), .text(action.rawValue), .text(entity),
        .text(text), .text(previous), .text(hash),
      ])
  }

  /// `details`, then `facts` (an object of the facts' JSON texts, as they are: parsing and
  /// re-serialising them was 6% of a bulk `run record`), then `trailing`, as one JSON object.
  static func detailsText(
    _ details: JSONObject, facts: [(key: String, json: String)], then trailing: JSONObject
  ) -> String {
    var text = JSONValue.object(details).serialized()
    guard !facts.isEmpty || !trailing.pairs.isEmpty else { return text }
    text.removeLast()  // the closing brace
    var separator = details.pairs.isEmpty ? "" : ","
    if !facts.isEmpty {
      text += separator + #""facts":{"#
      for (index, fact) in facts.enumerated() {
        if index > 0 { text += "," }
        text += JSONValue.string(fact.key).serialized() + ":" + fact.json
      }
      text += "}"
      separator = ","
    }
    for (key, value) in trailing.pairs {
      text += separator + JSONValue.string(key).serialized() + ":" + value.serialized()
      separator = ","
    }
    return text + "}"
  }
}
