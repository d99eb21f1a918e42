/// One alias move as `NAME@ALIAS → N`, read from an alias event or from its audit entry.
public struct AliasMoveRecord: Sendable, Equatable, CustomStringConvertible {
  public let model: String
  public let alias: String
  /// The version the alias moved onto; `nil` when unknown (a dangling event, unparsable details)
  /// or for a removal.
  public let version: Int64?
  /// Whether the move removed the alias (an event with action `remove`, a `model.unalias` entry).
  public let removed: Bool

  public init(_ model: String, _ alias: String, _ version: Int64?, removed: Bool = false) {
    self.model = model
    self.alias = alias
    self.version = version
    self.removed = removed
  }

  /// The move an audit entry records, or `nil` when it records none: promotions and rollbacks
  /// (`model:NAME@ALIAS`, `alias`, `to`), removals (`model:NAME@ALIAS`, `alias`), and registrations and run records that moved an alias
  /// (`model:NAME@N` or `registered: NAME@N`, with `alias`). Details that do not parse (an
  /// entry altered by hand, which the hash chain reports) read as an unknown target.
  public init?(action: String, entity: String, details: String) {
    let object = try? JSONValue.parse(details)
    let integer = { (key: String) -> Int64? in
      if case .integer(let value) = object?[key] { return value }
      return nil
    }
    let string = { (key: String) -> String? in
      if case .string(let value) = object?[key] { return value }
      return nil
    }
    switch AuditAction(rawValue: action) {
    case .modelPromote, .modelRollback, .modelUnalias:
      let target = entity.dropFirst("model:".count)
      let name = target.lastIndex(of: "@").map { target[..<$0] } ?? target
      guard let alias = string("alias") else { return nil }
      self.init(String(name), alias, integer("to"), removed: action == AuditAction.modelUnalias.rawValue)
    default:
      let version =
        action == AuditAction.runRecord.rawValue
        ? string("registered") : String(entity.dropFirst("model:".count))
      guard let alias = string("alias"), let version, let at = version.lastIndex(of: "@") else { return nil }
      self.init(String(version[..<at]), alias, Int64(version[version.index(after: at)...]))
    }
  }

  public var description: String {
    removed ? "\(model)@\(alias) removed" : "\(model)@\(alias) → \(version.map { "\(model)@\($0)" } ?? "?")"
  }
}
