import PedigreeCore

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
    let events = try reader.aliasEventMoves()
    let audited = try reader.auditedAliasMoves()
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
