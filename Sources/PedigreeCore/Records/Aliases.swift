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
  /// How the last move was made (`promote`, `rollback`) and the reason given for it.
  public let action: String?
  public let reason: String?

  public init(
    model: String, alias: String, versionID: Int64, version: Int, since: Timestamp, actor: String,
    action: String? = nil, reason: String? = nil
  ) {
    self.action = action
    self.reason = reason
    self.model = model
    self.alias = alias
    self.versionID = versionID
    self.version = version
    self.since = since
    self.actor = actor
  }
}

extension AliasPointer: JSONConvertible {
  public var json: JSONValue {
    .object([
      "model": .string(model), "alias": .string(alias), "version": .int(version),
      "ref": .string("model:\(model)@\(version)"), "since": .time(since), "actor": .string(actor),
      "action": .optional(action),
      "reason": .optional(reason),
    ])
  }
}

/// A model's aliases: `[{"model", "alias", "version", "ref", "since", "actor", …}]`, the one shape of
/// an alias pointer wherever a model lists its aliases (a version lists its aliases' names).
package func aliasList(_ aliases: [AliasPointer]) -> JSONValue { .array(aliases.map(\.json)) }

/// One move of an alias, from `alias_events`.
public struct AliasEvent: Hashable, Sendable {
  public let id: Int64
  public let at: Timestamp
  public let model: String
  public let alias: String
  /// `promote`, `rollback` or `remove`.
  public let action: String
  /// The version the alias left (`nil` when it was first set, or set again after a removal).
  public let fromVersion: Int?
  /// The version the alias moved onto; `nil` for a removal.
  public let toVersion: Int?
  public let actor: String
  public let reason: String?

  public init(
    id: Int64, at: Timestamp, model: String, alias: String, action: String, fromVersion: Int?,
    toVersion: Int?, actor: String, reason: String?
  ) {
    self.id = id
    self.at = at
    self.model = model
    self.alias = alias
    self.action = action
    self.fromVersion = fromVersion
    self.toVersion = toVersion
    self.actor = actor
    self.reason = reason
  }
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
