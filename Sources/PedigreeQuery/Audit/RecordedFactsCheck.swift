import PedigreeCore

extension Queries {
  /// Every entity's facts as the rows hold them against the facts the audit log last recorded
  /// for it (see docs/AUDIT-CHAIN.md, "What each entry records"): for each kind of entity, the
  /// first entity whose facts differ (naming the facts and the entry), the first no entry
  /// records (a row inserted behind Pedigree's back) and the first recorded one whose rows are
  /// gone, each with how many more there are. Run only on an intact audit chain: the comparison
  /// trusts the entries.
  func recordedFactsProblems() throws -> [CheckProblem] {
    var latest: [String: RecordedFacts] = [:]
    var recordingOrder: [String] = []
    for fact in try reader.recordedFacts() where latest.updateValue(fact, forKey: fact.key) == nil {
      recordingOrder.append(fact.key)
    }
    var findings = FactFindings()
    for entity in try reader.currentFacts() {
      guard let recorded = latest.removeValue(forKey: entity.key) else {
        findings.add(
          .unrecorded, "\(entity.key): no audit entry records it (added or renamed behind Pedigree's back)")
        continue
      }
      guard recorded.facts != entity.facts,
        let difference = FactDifference(recorded: recorded.facts, current: entity.facts)
      else { continue }
      findings.add(.differs, "\(entity.key): \(difference) audit entry \(recorded.entry)")
    }
    for key in recordingOrder {
      guard let recorded = latest[key] else { continue }
      findings.add(
        .missing,
        "\(key): audit entry \(recorded.entry) records it, but its rows are gone (removed behind "
          + "Pedigree's back)")
    }
    for event in try reader.openLineageBodyMismatches() {
      findings.add(
        .differs, "\(event): its stored body no longer hashes to the sha256 its audit entry recorded")
    }
    return findings.problems
  }
}

/// The first finding of each class, and how many followed it.
private struct FactFindings {
  enum Class: CaseIterable { case differs, unrecorded, missing }

  private var first: [Class: String] = [:]
  private var counts: [Class: Int] = [:]

  mutating func add(_ finding: Class, _ message: @autoclosure () -> String) {
    if first[finding] == nil { first[finding] = message() }
    counts[finding, default: 0] += 1
  }

  var problems: [CheckProblem] {
    Class.allCases.compactMap { finding in
      guard let message = first[finding] else { return nil }
      let more = (counts[finding] ?? 1) - 1
      let suffix = more == 0 ? "" : " (and \(more) more like it)"
      return CheckProblem(area: .recordedFacts, message: message + suffix)
    }
  }
}

/// Which facts of an entity differ between an audit entry and the rows, read as JSON so that two
/// spellings of one value (escapes) are equal: `artifact_digest differs from` (with the values
/// when short), or `nil` when nothing differs.
struct FactDifference: CustomStringConvertible {
  let fields: [(name: String, recorded: JSONValue?, current: JSONValue?)]

  init?(recorded: String, current: String) {
    let before = (try? JSONValue.parse(recorded)) ?? .string(recorded)
    let after = (try? JSONValue.parse(current)) ?? .string(current)
    guard before != after else { return nil }
    guard case .object(let old) = before, case .object(let new) = after else {
      fields = [(name: "facts", recorded: before, current: after)]
      return
    }
    var names = old.keys
    for key in new.keys where old[key] == nil { names.append(key) }
    fields = names.compactMap { name in
      old[name] == new[name] ? nil : (name: name, recorded: old[name], current: new[name])
    }
  }

  var description: String {
    let names = fields.map(\.name).joined(separator: ", ")
    var text = "\(names) \(fields.count == 1 ? "differs" : "differ") from"
    if fields.count == 1, let field = fields.first {
      text = "\(field.name) is \(Self.show(field.current)), not \(Self.show(field.recorded)) as recorded by"
    }
    return text
  }

  private static func show(_ value: JSONValue?) -> String {
    guard let value else { return "absent" }
    let text = value.serialized()
    return text.count <= 80 ? text : String(text.prefix(77)) + "…"
  }
}
