import PedigreeCore

extension AliasEvent {
  /// The alias events as a table: time, alias, action, from, to, actor, reason.
  public static func table(_ events: [AliasEvent]) -> TextTable {
    TextTable(
      ["TIME", "ALIAS", "ACTION", "FROM", "TO", "ACTOR", "REASON"],
      rows: events.map {
        [
          $0.at.iso8601, $0.alias, $0.action, $0.fromVersion.map { "v\($0)" } ?? "-",
          $0.toVersion.map { "v\($0)" } ?? "-", $0.actor, Format.text($0.reason),
        ]
      })
  }
}

extension Queries {
  /// Every alias of a model and where it pointed at `at` (now when `nil`), by alias name.
  func aliasPointers(modelID: Int64, at: Timestamp?) throws -> [AliasPointer] {
    try reader.aliasPointers(modelID: modelID, at: at)
  }

  /// The aliases that pointed at one model version at `at` (now when `nil`).
  func aliases(ofVersion versionID: Int64, at: Timestamp?) throws -> [AliasPointer] {
    try reader.aliases(ofVersion: versionID, at: at)
  }

  /// The alias events of a model (optionally one alias) up to `at`, oldest first.
  func aliasEvents(modelID: Int64, alias: String? = nil, at: Timestamp? = nil) throws -> [AliasEvent] {
    try reader.aliasEvents(modelID: modelID, alias: alias, at: at)
  }
}

/// One stretch of time an alias served a model version: from the move onto it until the move
/// off it (`nil` while it still serves), with who made the move onto it and why.
public struct ServingSegment: Hashable, Sendable {
  /// The model version served.
  public let versionRef: NodeRef
  public let model: String
  public let version: Int
  public let alias: String
  public let from: Timestamp
  /// When the alias moved off the version; `nil` while it still points at it.
  public let until: Timestamp?
  /// The move onto the version: `promote` or `rollback`, its actor and reason.
  public let action: String
  public let actor: String
  public let reason: String?

  /// Whether the alias still serves the version.
  public var isCurrent: Bool { until == nil }

  /// The segments in which an alias of `model` pointed at `version`, from the model's alias
  /// events (oldest first): each move onto the version opens one, the alias's next move closes it.
  static func segments(
    of versionRef: NodeRef, model: String, version: Int, events: [AliasEvent]
  ) -> [ServingSegment] {
    var open: [String: AliasEvent] = [:]
    var segments: [ServingSegment] = []
    let close = { (start: AliasEvent, until: Timestamp?) in
      segments.append(
        ServingSegment(
          versionRef: versionRef, model: model, version: version, alias: start.alias, from: start.at,
          until: until, action: start.action, actor: start.actor, reason: start.reason))
    }
    for event in events {
      if let start = open[event.alias] {
        guard event.toVersion != version else { continue }
        close(start, event.at)
        open[event.alias] = nil
      } else if event.toVersion == version {
        open[event.alias] = event
      }
    }
    for start in open.values { close(start, nil) }
    return segments
  }

  /// The segments as a table: model version, alias, from, until (`now`), actor, reason.
  public static func table(_ segments: [ServingSegment]) -> TextTable {
    TextTable(
      ["MODEL VERSION", "ALIAS", "FROM", "UNTIL", "BY", "REASON"],
      rows: segments.map {
        [
          $0.versionRef.name, $0.alias, $0.from.iso8601, $0.until?.iso8601 ?? "now", $0.actor,
          Format.text($0.reason),
        ]
      })
  }
}

extension ServingSegment: JSONConvertible {
  public var json: JSONValue {
    .object([
      "model_version": .string(versionRef.typedRef), "model": .string(model), "version": .int(version),
      "alias": .string(alias), "since": .time(from), "until": .time(until), "current": .bool(isCurrent),
      "action": .string(action), "actor": .string(actor), "reason": .optional(reason),
    ])
  }
}
