import PedigreeCore
import PedigreeSQLite

/// Which audit log entries `auditLog(_:)` lists.
public struct AuditLogFilter: Sendable, Equatable {
  /// Listing order. The default is newest first, like `git log`: the recent past is what one
  /// usually looks for; `--limit` then keeps the latest entries.
  public enum Order: Sendable, Equatable { case newestFirst, oldestFirst }

  /// Entries at or after this time.
  public var since: Timestamp?
  /// Entries at or before this time.
  public var until: Timestamp?
  /// Entries by this actor (exact).
  public var actor: String?
  /// Entries about this entity, as a ref: `fraud-detector` matches `model:fraud-detector` and every
  /// `model:fraud-detector@…`; `model:fraud@3` matches that version; `run:3f9a1c` a run by prefix;
  /// `registry` the registry's own entries.
  public var entity: String?
  /// At most this many entries.
  public var limit: Int?
  public var order: Order

  public init(
    since: Timestamp? = nil, until: Timestamp? = nil, actor: String? = nil, entity: String? = nil,
    limit: Int? = nil, order: Order = .newestFirst
  ) {
    self.since = since
    self.until = until
    self.actor = actor
    self.entity = entity
    self.limit = limit
    self.order = order
  }
}

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
  /// The entries as a table: id, time, actor, action, entity, details.
  public static func table(_ entries: [AuditEntry]) -> TextTable {
    TextTable(
      ["ID", "TIME", "ACTOR", "ACTION", "ENTITY", "DETAILS"],
      rows: entries.map { [String($0.id), $0.at.iso8601, $0.actor, $0.action, $0.entity, $0.details] },
      alignments: [.right])
  }
}

extension Queries {
  /// The audit log entries that match `filter`, in its order.
  public func auditLog(_ filter: AuditLogFilter = AuditLogFilter()) throws(PedigreeError) -> [AuditEntry] {
    if let limit = filter.limit, limit < 0 {
      throw PedigreeError.usage("invalid limit \(limit)")
    }
    return try read {
      let (sql, arguments) = AuditLogSQL.select(filter, entity: try filter.entity.map(entityMatch))
      return try database.query(sql, arguments, AuditEntry.init(row:))
    }
  }

  /// The entity names an entity filter matches: exact names and a prefix.
  func entityMatch(_ text: String) throws -> EntityMatch {
    guard let ref = try? Ref.parse(text) else { return EntityMatch(exact: [text], prefix: nil) }
    var typed = ref.description
    if case .run = ref, let node = try? registry.resolve(ref) { typed = "run:\(node.name)" }
    return EntityMatch(exact: [text, typed], prefix: typed + "@")
  }
}

/// The entity names an `--entity` filter matches.
struct EntityMatch: Equatable {
  let exact: [String]
  let prefix: String?
}

enum AuditLogSQL {
  static let columns = "id, at, actor, action, entity, details, prev_hash, hash"

  /// The query for `filter`, built from fixed fragments; every value is a bound parameter.
  static func select(_ filter: AuditLogFilter, entity: EntityMatch?) -> (String, [SQLValue]) {
    var conditions: [String] = []
    var arguments: [SQLValue] = []
    if let since = filter.since {
      conditions.append("at >= ?")
      arguments.append(.integer(since.milliseconds))
    }
    if let until = filter.until {
      conditions.append("at <= ?")
      arguments.append(.integer(until.milliseconds))
    }
    if let actor = filter.actor {
      conditions.append("actor = ?")
      arguments.append(.text(actor))
    }
    if let entity {
      var alternatives = entity.exact.map { _ in "entity = ?" }
      arguments += entity.exact.map(SQLValue.text)
      if let prefix = entity.prefix {
        alternatives.append("(entity >= ? AND entity < ?)")
        arguments += [.text(prefix), .text(upperBound(ofPrefix: prefix))]
      }
      conditions.append("(" + alternatives.joined(separator: " OR ") + ")")
    }
    var sql = "SELECT \(columns) FROM audit_log"
    if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
    sql += filter.order == .newestFirst ? " ORDER BY id DESC" : " ORDER BY id"
    if let limit = filter.limit {
      sql += " LIMIT ?"
      arguments.append(.integer(Int64(limit)))
    }
    return (sql, arguments)
  }

  /// The least string greater than every string starting with `prefix`: its last character
  /// incremented (`model:fraud@` → `model:fraudA`), so a prefix match is an index range.
  static func upperBound(ofPrefix prefix: String) -> String {
    var scalars = Array(prefix.unicodeScalars)
    while let last = scalars.popLast() {
      if let next = Unicode.Scalar(last.value + 1) {
        scalars.append(next)
        return String(String.UnicodeScalarView(scalars))
      }
    }
    return "\u{10FFFF}"
  }
}
