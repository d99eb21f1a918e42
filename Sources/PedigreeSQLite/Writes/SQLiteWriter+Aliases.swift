import PedigreeCore

extension SQLiteWriter {
  /// Removes an alias: appends an alias event with action `remove` and no target, so the alias
  /// is absent (`NAME@ALIAS` is not found, `model show` and MLflow list it no more) until it is set
  /// again, and its history and the undo stack keep the removal (`model rollback` restores it).
  /// The alias's policy applies as to a move: its minimum role and required reason (its
  /// conditions are about a target version, and a removal has none).
  ///
  /// Removing an alias that is already removed changes nothing (`changed == false`): a client's
  /// retried DELETE is harmless.
  ///
  /// - Throws: `.notFound` when the model does not exist or the alias was never set on it.
  public func removeAlias(model name: String, alias: String, reason: String? = nil) throws(PedigreeError)
    -> Outcome<AliasMove>
  {
    try Names.validate(name, as: "model")
    try Names.validateAlias(alias)
    if let reason { try Limits.validateText(reason, as: "reason") }
    return try write {
      let model = try modelID(name)
      let last = try database.queryFirst(
        """
        SELECT e.to_version_id, f.version FROM alias_events e
        LEFT JOIN model_versions f ON f.id = e.from_version_id
        WHERE e.model_id = ? AND e.alias = ? ORDER BY e.id DESC LIMIT 1
        """, [.integer(model), .text(alias)]
      ) { (target: $0.optionalInt64(0), removedFrom: $0.optionalInt64(1).map { Int($0) }) }
      guard let last else { throw try registry.aliasNotSetError(name, model: model, alias: alias, at: nil) }
      guard let current = last.target else {
        return Outcome(
          value: AliasMove(model: name, alias: alias, from: last.removedFrom, to: nil, action: .remove),
          changed: false)
      }
      try checkPolicyGate(model: name, alias: alias, reason: reason)
      let from = try versionRow(current).version
      try database.run(
        """
        INSERT INTO alias_events(model_id, alias, action, from_version_id, to_version_id, actor,
          reason, at)
        VALUES (?, ?, 'remove', ?, NULL, ?, ?, ?)
        """,
        [
          .integer(model), .text(alias), .integer(current), .text(actor), SQLValue(reason),
          .integer(clock().milliseconds),
        ])
      let move = AliasMove(model: name, alias: alias, from: from, to: nil, action: .remove)
      try appendAudit(
        action: .modelUnalias, entity: "model:\(name)@\(alias)", details: move.auditDetails(reason))
      return Outcome(value: move, changed: true)
    }
  }
}
