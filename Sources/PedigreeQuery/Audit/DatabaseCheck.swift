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
      return "ok: integrity, foreign keys, \(auditEntries) audit entries, migrations and schema "
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
  /// last recorded for it, the applied migrations' checksums, and the schema (tables, indexes,
  /// triggers) against what the compiled-in migrations create in a fresh store, so a dropped
  /// append-only trigger is reported. When the integrity check finds damage, only that is
  /// reported (the other checks would read the damaged pages). Reads one snapshot; writes nothing.
  public func check() throws(PedigreeError) -> CheckReport {
    // A damaged file: the checks below read its pages and would stop at the damage with an I/O
    // error. Report what the integrity check found instead. (Outside the read transaction: after
    // hitting damage SQLite refuses to commit it.)
    let damage = try reader.integrityProblems()
    guard damage.isEmpty else {
      return CheckReport(problems: damage, auditEntries: 0, schemaVersion: try reader.schemaVersion())
    }
    return try read {
      var problems: [CheckProblem] = []
      problems += try reader.foreignKeyProblems()
      if let broken = try reader.auditChainBreak() {
        problems.append(CheckProblem(area: .auditChain, message: broken.description))
      } else {
        problems += try aliasHistoryProblems()
        problems += try runContentProblems()
      }
      problems += try reader.schemaProblems()
      return CheckReport(
        problems: problems, auditEntries: try reader.auditEntryCount(),
        schemaVersion: try reader.schemaVersion())
    }
  }
}
