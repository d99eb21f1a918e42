import PedigreeCore
import PedigreeSQLite

extension Queries {
  /// Alias events against the audit entries that record them.
  ///
  /// Every alias move (a promotion, a rollback, a registration or run record with an alias)
  /// appends one alias event and one audit entry in the same transaction, so the events (ids 1,
  /// 2, 3…) and those entries match one for one, in order. An event deleted, retargeted or forged
  /// with the append-only triggers dropped and put back, or the audit entries of alias moves
  /// removed from the end of the log (which the hash chain alone cannot see), break the match;
  /// the first break is reported, naming the alias event. Run only on an intact audit chain: the
  /// comparison trusts the audit entries.
  func aliasHistoryProblems() throws -> [CheckProblem] {
    let events = try database.query(
      """
      SELECT e.id, m.name, e.alias, v.version FROM alias_events e
      LEFT JOIN models m ON m.id = e.model_id LEFT JOIN model_versions v ON v.id = e.to_version_id
      ORDER BY e.id
      """
    ) { row in
      (id: row.int64(0), move: AliasMoveRecord(row.string(1), row.string(2), row.optionalInt64(3)))
    }
    let audited = try database.query(
      """
      SELECT id, action, entity, details FROM audit_log
      WHERE action IN ('model.promote', 'model.rollback', 'model.register', 'run.record') ORDER BY id
      """
    ) { row in
      AliasMoveRecord(action: row.string(1), entity: row.string(2), details: row.string(3)).map {
        (id: row.int64(0), move: $0)
      }
    }.compactMap { $0 }
    let problem = { (event: Int64, text: String) in
      [CheckProblem(area: .aliasHistory, message: "alias event \(event): \(text)")]
    }
    for (index, event) in events.enumerated() {
      let expectedID = Int64(index + 1)
      if event.id != expectedID {
        return problem(expectedID, "missing: it was removed")
      }
      guard index < audited.count else {
        return problem(event.id, "\(event.move) has no audit entry: it was forged, or its entry removed")
      }
      let entry = audited[index]
      if entry.move != event.move {
        return problem(
          event.id, "\(event.move) does not match audit entry \(entry.id) (\(entry.move)): it was altered")
      }
    }
    if audited.count > events.count {
      let entry = audited[events.count]
      return problem(
        Int64(events.count + 1), "missing: audit entry \(entry.id) records \(entry.move), but no event does")
    }
    return []
  }
}

/// One alias move as `NAME@ALIAS → N`, read from an alias event or from its audit entry.
struct AliasMoveRecord: Equatable, CustomStringConvertible {
  let model: String
  let alias: String
  let version: Int64?

  init(_ model: String, _ alias: String, _ version: Int64?) {
    self.model = model
    self.alias = alias
    self.version = version
  }

  /// The move an audit entry records, or `nil` when it records none: promotions and rollbacks
  /// (`model:NAME@ALIAS`, `alias`, `to`), and registrations and run records that moved an alias
  /// (`model:NAME@N` or `registered: NAME@N`, with `alias`). Details that do not parse (an
  /// entry altered by hand, which the hash chain reports) read as an unknown target.
  init?(action: String, entity: String, details: String) {
    let object = try? JSONValue.parse(details)
    let integer = { (key: String) -> Int64? in
      if case .integer(let value) = object?[key] { return value }
      return nil
    }
    let string = { (key: String) -> String? in
      if case .string(let value) = object?[key] { return value }
      return nil
    }
    switch action {
    case "model.promote", "model.rollback":
      let target = entity.dropFirst("model:".count)
      let name = target.lastIndex(of: "@").map { target[..<$0] } ?? target
      guard let alias = string("alias") else { return nil }
      self.init(String(name), alias, integer("to"))
    default:
      let version = action == "run.record" ? string("registered") : String(entity.dropFirst("model:".count))
      guard let alias = string("alias"), let version, let at = version.lastIndex(of: "@") else { return nil }
      self.init(String(version[..<at]), alias, Int64(version[version.index(after: at)...]))
    }
  }

  var description: String { "\(model)@\(alias) → \(version.map { "\(model)@\($0)" } ?? "?")" }
}
