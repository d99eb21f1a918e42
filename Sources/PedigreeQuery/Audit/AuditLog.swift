import PedigreeCore

extension AuditEntry: JSONConvertible {
  /// `details` is embedded as JSON when it parses, else as a string.
  public var json: JSONValue {
    .object([
      "id": .integer(id), "at": .time(at), "actor": .string(actor), "action": .string(action),
      "entity": .string(entity), "details": (try? JSONValue.parse(details)) ?? .string(details),
      "hash": .string(hash),
    ])
  }
}

extension AuditEntry {
  /// The entries as a table: id, time, actor, action, entity, details (without the recorded
  /// `facts`, which `--json` shows: they repeat the entities' rows for `db check`).
  public static func table(_ entries: [AuditEntry]) -> TextTable {
    TextTable(
      ["ID", "TIME", "ACTOR", "ACTION", "ENTITY", "DETAILS"],
      rows: entries.map { [String($0.id), $0.at.iso8601, $0.actor, $0.action, $0.entity, $0.summary] },
      alignments: [.right])
  }

  /// `details` without its `facts` member. A run's `experiment`, `name` and `status`, which a
  /// `run.record` entry records only in the facts of its run, lead the summary.
  var summary: String {
    guard details.contains(#""facts":"#), case .object(var object)? = try? JSONValue.parse(details) else {
      return details
    }
    var shown = JSONObject()
    if object["experiment"] == nil, case .object(let facts)? = object["facts"]?[entity],
      entity.hasPrefix("run:")
    {
      for key in ["experiment", "name", "status"] {
        if let value = facts[key] { shown[key] = value }
      }
    }
    object["facts"] = nil
    shown.pairs += object.pairs
    return JSONValue.object(shown).serialized()
  }
}

extension Queries {
  /// The audit log entries that match `filter`, in its order.
  public func auditLog(_ filter: AuditLogFilter = AuditLogFilter()) throws(PedigreeError) -> [AuditEntry] {
    if let limit = filter.limit, limit < 0 {
      throw PedigreeError.usage("invalid limit \(limit)")
    }
    if let action = filter.action { try AuditLogFilter.validateAction(action) }
    return try read { try reader.auditEntries(filter, entity: try filter.entity.map(entityMatch)) }
  }

  /// The entity names an entity filter matches: exact names and a prefix.
  func entityMatch(_ text: String) throws -> AuditEntityMatch {
    guard let ref = try? Ref.parse(text) else { return AuditEntityMatch(exact: [text], prefix: nil) }
    var typed = ref.description
    if case .run = ref, let node = try? reader.resolve(ref) { typed = "run:\(node.name)" }
    var mention: VersionMention?
    switch ref {
    case .model(let name, .version(let number)):
      mention = VersionMention(kind: .model, name: name, version: number)
    case .dataset(let name, .version(let number)):
      mention = VersionMention(kind: .dataset, name: name, version: number)
    default: break
    }
    return AuditEntityMatch(exact: [text, typed], prefix: typed + "@", version: mention)
  }
}
