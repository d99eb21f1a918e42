import PedigreeCore

/// The result of `db check`.
public struct CheckReport: Sendable {
  /// Every problem found; empty when the registry is sound.
  public let problems: [CheckProblem]
  /// How many audit entries were verified.
  public let auditEntries: Int
  /// The schema version recorded in the file.
  public let schemaVersion: Int

  public var isClean: Bool { problems.isEmpty }
}

extension CheckReport: JSONConvertible {
  public var json: JSONValue {
    .object([
      "ok": .bool(isClean), "schema_version": .int(schemaVersion), "audit_entries": .int(auditEntries),
      "problems": .array(
        problems.map { .object(["area": .string($0.area.rawValue), "message": .string($0.message)]) }),
    ])
  }
}

extension CheckReport {
  /// One line per problem, or a one-line all-clear.
  public var text: String {
    if isClean {
      return "ok: integrity, foreign keys, \(auditEntries) audit entries and the facts they record, "
        + "migrations and schema "
        + "(version \(schemaVersion)) check out"
    }
    return
      (["\(problems.count) problem\(problems.count == 1 ? "" : "s") found:"]
      + problems.map { "  \($0)" }).joined(separator: "\n")
  }
}

extension Queries {
  /// Checks the registry: the store's integrity and foreign keys, the audit chain, alias events
  /// against their audit entries, each run's params and metric points against the content digest
  /// last recorded for it, every entity's facts against those the audit log last recorded for it
  /// (see `recordedFactsProblems`), the applied migrations' checksums, and the schema (tables, indexes,
  /// triggers) against what the compiled-in migrations create in a fresh store, so a dropped
  /// append-only trigger is reported. When the integrity check finds damage, only that is
  /// reported (the other checks would read the damaged pages). Reads one snapshot; writes nothing.
  ///
  /// - Parameter head: a head published earlier (`db head`): the chain must still hold that entry
  ///   with that hash, which a self-consistent rewrite of history (every hash recomputed) or a copy
  ///   restored from before the entry cannot fake.
  public func check(head: AuditHead? = nil) throws(PedigreeError) -> CheckReport {
    // A damaged file: the checks below read its pages and would stop at the damage with an I/O
    // error. Report what the integrity check found instead. (Outside the read transaction: after
    // hitting damage SQLite refuses to commit it.) The integrity check reads every page and is
    // independent of the rest: where the backend can, it runs beside them, and their outcome
    // (an error included) counts only once it found no damage.
    guard let pending = reader.integrityProblemsInBackground() else {
      let damage = try reader.integrityProblems()
      guard damage.isEmpty else {
        return CheckReport(problems: damage, auditEntries: 0, schemaVersion: try reader.schemaVersion())
      }
      return try checkRecords(head: head)
    }
    let rest = Result { () throws(PedigreeError) in try checkRecords(head: head) }
    let damage = try pending()
    guard damage.isEmpty else {
      return CheckReport(problems: damage, auditEntries: 0, schemaVersion: try reader.schemaVersion())
    }
    return try rest.get()
  }

  /// Every check but the store's integrity, in one read transaction.
  private func checkRecords(head: AuditHead?) throws(PedigreeError) -> CheckReport {
    try read {
      var problems: [CheckProblem] = []
      problems += try reader.foreignKeyProblems()
      if let broken = try reader.auditChainBreak() {
        problems.append(CheckProblem(area: .auditChain, message: broken.description))
      } else {
        problems += try aliasHistoryProblems()
        problems += try runContentProblems()
        problems += try recordedFactsProblems()
      }
      if let head { problems += try headProblems(head) }
      problems += try reader.schemaProblems()
      return CheckReport(
        problems: problems, auditEntries: try reader.auditEntryCount(),
        schemaVersion: try reader.schemaVersion())
    }
  }
}

extension Queries {
  /// The audit chain's head: its last entry, to publish outside the registry. An empty log (which
  /// `init` never leaves: creating a registry writes an entry) is reported as damage.
  public func head() throws(PedigreeError) -> ChainHead {
    guard let last = try reader.lastAuditEntry() else {
      throw PedigreeError(
        .invalidInput,
        "the audit log is empty: every registry starts with an entry, so it was removed "
          + "(run `pedigree db check`)")
    }
    return ChainHead(head: last.head, at: last.at)
  }

  /// What is wrong with `head` against the chain as stored: entry N gone, or a different hash.
  func headProblems(_ head: AuditHead) throws(PedigreeError) -> [CheckProblem] {
    guard let entry = try reader.auditEntry(id: head.entry) else {
      let last = try reader.lastAuditEntry().map { "the log ends at entry \($0.id)" } ?? "the log is empty"
      return [
        CheckProblem(
          area: .auditChain,
          message: "audit entry \(head.entry): missing, but the published head \(head) names it "
            + "(\(last)): a copy restored from before it, or a truncated log")
      ]
    }
    guard entry.hash == head.hash else {
      return [
        CheckProblem(
          area: .auditChain,
          message: "audit entry \(head.entry): its hash \(entry.hash) is not the published head's "
            + "\(head.hash): history up to entry \(head.entry) was rewritten")
      ]
    }
    return []
  }
}
