import PedigreeCore
import PedigreeSQLite

/// Where one alias of a model points (now, or at a time): its latest event.
public struct AliasPointer: Hashable, Sendable {
  public let model: String
  public let alias: String
  /// The model version's node id.
  public let versionID: Int64
  public let version: Int
  /// When the alias moved onto this version, and who moved it.
  public let since: Timestamp
  public let actor: String
}

extension AliasPointer: JSONConvertible {
  public var json: JSONValue {
    .object([
      "model": .string(model), "alias": .string(alias), "version": .int(version),
      "since": .time(since), "actor": .string(actor),
    ])
  }
}

/// One move of an alias, from `alias_events`.
public struct AliasEvent: Hashable, Sendable {
  public let id: Int64
  public let at: Timestamp
  public let model: String
  public let alias: String
  /// `promote` or `rollback`.
  public let action: String
  /// The version the alias left (`nil` when it was first set).
  public let fromVersion: Int?
  public let toVersion: Int
  public let actor: String
  public let reason: String?
}

extension AliasEvent: JSONConvertible {
  public var json: JSONValue {
    .object([
      "id": .integer(id), "at": .time(at), "model": .string(model), "alias": .string(alias),
      "action": .string(action), "from_version": .int(fromVersion), "to_version": .int(toVersion),
      "actor": .string(actor), "reason": .optional(reason),
    ])
  }
}

extension AliasEvent {
  /// The alias events as a table: time, alias, action, from, to, actor, reason.
  public static func table(_ events: [AliasEvent]) -> TextTable {
    TextTable(
      ["TIME", "ALIAS", "ACTION", "FROM", "TO", "ACTOR", "REASON"],
      rows: events.map {
        [
          $0.at.iso8601, $0.alias, $0.action, $0.fromVersion.map { "v\($0)" } ?? "-",
          "v\($0.toVersion)", $0.actor, Format.text($0.reason),
        ]
      })
  }
}

enum AliasSQL {
  /// `e` is the latest event of its (model, alias) at `?2` (a time in ms).
  static let isCurrent = """
    e.id = (SELECT max(x.id) FROM alias_events x
            WHERE x.model_id = e.model_id AND x.alias = e.alias AND x.at <= ?2)
    """

  static let pointersOfModel = """
    SELECT m.name, e.alias, e.to_version_id, mv.version, e.at, e.actor
    FROM alias_events e JOIN model_versions mv ON mv.id = e.to_version_id
    JOIN models m ON m.id = e.model_id
    WHERE e.model_id = ?1 AND \(isCurrent) ORDER BY e.alias
    """

  static let pointersOfVersion = """
    SELECT m.name, e.alias, e.to_version_id, mv.version, e.at, e.actor
    FROM alias_events e JOIN model_versions mv ON mv.id = e.to_version_id
    JOIN models m ON m.id = e.model_id
    WHERE e.to_version_id = ?1 AND e.at <= ?2 AND \(isCurrent) ORDER BY e.alias
    """

  /// Events with the model name and version numbers; append a WHERE clause and ORDER BY.
  static let events = """
    SELECT e.id, e.at, m.name, e.alias, e.action, f.version, t.version, e.actor, e.reason
    FROM alias_events e JOIN models m ON m.id = e.model_id
    JOIN model_versions t ON t.id = e.to_version_id
    LEFT JOIN model_versions f ON f.id = e.from_version_id
    """
}

extension AliasPointer {
  init(row: Row) {
    self.init(
      model: row.string(0), alias: row.string(1), versionID: row.int64(2), version: row.int(3),
      since: Timestamp(milliseconds: row.int64(4)), actor: row.string(5))
  }
}

extension AliasEvent {
  init(row: Row) {
    self.init(
      id: row.int64(0), at: Timestamp(milliseconds: row.int64(1)), model: row.string(2),
      alias: row.string(3), action: row.string(4), fromVersion: row.optionalInt64(5).map { Int($0) },
      toVersion: row.int(6), actor: row.string(7), reason: row.optionalString(8))
  }
}

extension Queries {
  /// Every alias of a model and where it pointed at `at` (now when `nil`), by alias name.
  func aliasPointers(modelID: Int64, at: Timestamp?) throws -> [AliasPointer] {
    try database.query(
      AliasSQL.pointersOfModel, [.integer(modelID), .integer(at?.milliseconds ?? Int64.max)],
      AliasPointer.init(row:))
  }

  /// The aliases that pointed at one model version at `at` (now when `nil`).
  func aliases(ofVersion versionID: Int64, at: Timestamp?) throws -> [AliasPointer] {
    try database.query(
      AliasSQL.pointersOfVersion, [.integer(versionID), .integer(at?.milliseconds ?? Int64.max)],
      AliasPointer.init(row:))
  }

  /// The alias events of a model (optionally one alias) up to `at`, oldest first.
  func aliasEvents(modelID: Int64, alias: String? = nil, at: Timestamp? = nil) throws -> [AliasEvent] {
    try database.query(
      AliasSQL.events + " WHERE e.model_id = ?1 AND (?2 IS NULL OR e.alias = ?2) AND e.at <= ?3"
        + " ORDER BY e.id",
      [.integer(modelID), SQLValue(alias), .integer(at?.milliseconds ?? Int64.max)],
      AliasEvent.init(row:))
  }
}
