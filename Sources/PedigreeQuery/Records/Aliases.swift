import PedigreeCore

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
