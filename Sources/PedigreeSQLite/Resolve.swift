import PedigreeCore

extension SQLiteRegistry {
  /// Resolves a ref to the node it names.
  ///
  /// - Parameter at: read aliases as they stood at that time, and treat versions registered after
  ///   it as not existing (time travel). `nil` means now.
  /// - Throws: `.notFound` (with a "did you mean" hint where one helps), or `.usage` for an
  ///   ambiguous run-id prefix.
  public func resolve(_ ref: Ref, at: Timestamp? = nil) throws(PedigreeError) -> NodeRef {
    try mapErrors {
      switch ref {
      case .model(let name, let selector): return try resolveModelVersion(name, selector, at: at)
      case .dataset(let name, let selector): return try resolveDatasetVersion(name, selector, at: at)
      case .run(let prefix): return try resolveRun(prefix)
      case .artifact(let id):
        guard
          let found = try database.queryFirst(
            "SELECT id FROM artifacts WHERE id = ?", [.integer(id)], { $0.int64(0) })
        else { throw PedigreeError.notFound("no artifact \(id)") }
        return NodeRef(kind: .artifact, id: found, name: "artifact:\(found)")
      }
    }
  }

  /// The id of the model called `name`.
  public func modelID(_ name: String) throws(PedigreeError) -> Int64 {
    try mapErrors {
      if let id = try database.scalarInt("SELECT id FROM models WHERE name = ?", [.text(name)]) {
        return id
      }
      let names = try database.query("SELECT name FROM models ORDER BY name") { $0.string(0) }
      throw PedigreeError.notFound(
        "no model named \(name)",
        hint: Suggestion.closest(to: name, among: names).map { "did you mean \($0)?" }
          ?? (names.isEmpty ? "no model is registered yet" : nil))
    }
  }

  private func resolveModelVersion(
    _ name: String, _ selector: Ref.VersionSelector, at: Timestamp?
  ) throws -> NodeRef {
    let model = try modelID(name)
    let cutoff = at?.milliseconds ?? Int64.max
    /// "…" now, or "… at TIME" when travelling in time.
    let when = at.map { " at \($0)" } ?? ""
    let found: Int64?
    switch selector {
    case .latest:
      found = try database.scalarInt(
        "SELECT id FROM model_versions WHERE model_id = ? AND created_at <= ? ORDER BY version DESC LIMIT 1",
        [.integer(model), .integer(cutoff)])
      if found == nil {
        throw PedigreeError.notFound("model \(name) \(at == nil ? "has" : "had") no versions\(when)")
      }
    case .version(let number):
      found = try database.scalarInt(
        "SELECT id FROM model_versions WHERE model_id = ? AND version = ? AND created_at <= ?",
        [.integer(model), .integer(Int64(number)), .integer(cutoff)])
      if found == nil {
        let last = try database.scalarInt(
          "SELECT max(version) FROM model_versions WHERE model_id = ?", [.integer(model)])
        throw PedigreeError.notFound(
          at == nil || (last ?? 0) < number
            ? "no version \(number) of model \(name)" : "\(name)@\(number) did not exist yet\(when)",
          hint: last.map { "the latest version is \(name)@\($0)" })
      }
    case .alias(let alias):
      found = try aliasTarget(modelID: model, alias: alias, at: at)
      if found == nil {
        throw try aliasNotSetError(name, model: model, alias: alias, at: at)
      }
    }
    guard let id = found,
      let version = try database.scalarInt("SELECT version FROM model_versions WHERE id = ?", [.integer(id)])
    else { throw PedigreeError.notFound("model \(name) has no such version") }
    return NodeRef(kind: .modelVersion, id: id, name: "\(name)@\(version)")
  }

  /// The error for an alias that is not set (at a time, or now). Its hint lists only aliases that
  /// were set at that time, never the one asked about, and says when that one was first set; an
  /// alias removed says when and by whom.
  func aliasNotSetError(_ name: String, model: Int64, alias: String, at: Timestamp?) throws
    -> PedigreeError
  {
    let until = Int64(at?.milliseconds ?? Int64.max)
    let aliases = try database.query(
      """
      SELECT e.alias FROM alias_events e
      WHERE e.model_id = ?1 AND e.alias != ?3 AND e.to_version_id IS NOT NULL AND \(AliasSQL.isCurrent)
      ORDER BY e.alias
      """, [.integer(model), .integer(until), .text(alias)]
    ) { $0.string(0) }
    if let removal = try database.queryFirst(
      """
      SELECT e.at, e.actor, f.version FROM alias_events e
      LEFT JOIN model_versions f ON f.id = e.from_version_id
      WHERE e.model_id = ?1 AND e.alias = ?3 AND e.action = 'remove' AND \(AliasSQL.isCurrent)
      """, [.integer(model), .integer(until), .text(alias)],
      { (at: Timestamp(milliseconds: $0.int64(0)), actor: $0.string(1), from: $0.optionalInt64(2)) })
    {
      let then = at.map { " as of \($0)" } ?? ""
      return PedigreeError.notFound(
        "model \(name) has no alias \(alias)\(then): \(removal.actor) removed it at \(removal.at)"
          + (removal.from.map { " (it pointed at \(name)@\($0))" } ?? ""),
        hint: "`pedigree model rollback \(name) --alias \(alias)` restores it"
          + (aliases.isEmpty ? "" : "; its aliases: \(aliases.joined(separator: ", "))"))
    }
    let firstSet = try database.scalarInt(
      "SELECT min(at) FROM alias_events WHERE model_id = ? AND alias = ?", [.integer(model), .text(alias)]
    ).map { Timestamp(milliseconds: $0) }
    let suggestion = Suggestion.closest(to: alias, among: aliases).map { "did you mean \(name)@\($0)?" }
    guard let at else {
      return PedigreeError.notFound(
        "model \(name) has no alias \(alias)",
        hint: suggestion ?? (aliases.isEmpty ? nil : "its aliases: \(aliases.joined(separator: ", "))"))
    }
    let history = firstSet.map { "it was first set at \($0)" } ?? suggestion ?? "it was never set"
    let then =
      aliases.isEmpty ? "no alias was set then" : "its aliases then: \(aliases.joined(separator: ", "))"
    return PedigreeError.notFound("\(name)@\(alias) was not set at \(at)", hint: "\(history); \(then)")
  }

  /// The model version an alias points at (at a time, or now), or `nil` when it was not set.
  public func aliasTarget(modelID: Int64, alias: String, at: Timestamp? = nil) throws -> Int64? {
    try database.scalarInt(
      """
      SELECT to_version_id FROM alias_events
      WHERE model_id = ? AND alias = ? AND at <= ? ORDER BY id DESC LIMIT 1
      """, [.integer(modelID), .text(alias), .integer(at?.milliseconds ?? Int64.max)])
  }

  private func resolveDatasetVersion(
    _ name: String, _ selector: Ref.VersionSelector, at: Timestamp?
  ) throws -> NodeRef {
    guard let dataset = try database.scalarInt("SELECT id FROM datasets WHERE name = ?", [.text(name)])
    else {
      let names = try database.query("SELECT name FROM datasets ORDER BY name") { $0.string(0) }
      throw PedigreeError.notFound(
        "no dataset named \(name)",
        hint: Suggestion.closest(to: name, among: names).map { "did you mean \($0)?" })
    }
    let cutoff = at?.milliseconds ?? Int64.max
    let row: (Int64, Int64)?
    switch selector {
    case .version(let number):
      row = try database.queryFirst(
        "SELECT id, version FROM dataset_versions WHERE dataset_id = ? AND version = ? AND created_at <= ?",
        [.integer(dataset), .integer(Int64(number)), .integer(cutoff)]
      ) { ($0.int64(0), $0.int64(1)) }
    default:
      row = try database.queryFirst(
        """
        SELECT id, version FROM dataset_versions WHERE dataset_id = ? AND created_at <= ?
        ORDER BY version DESC LIMIT 1
        """, [.integer(dataset), .integer(cutoff)]
      ) { ($0.int64(0), $0.int64(1)) }
    }
    guard let row else {
      let last = try database.scalarInt(
        "SELECT max(version) FROM dataset_versions WHERE dataset_id = ?", [.integer(dataset)])
      throw PedigreeError.notFound(
        "no such version of dataset \(name)",
        hint: last.map { "the latest version is \(name)@\($0)" })
    }
    return NodeRef(kind: .datasetVersion, id: row.0, name: "\(name)@\(row.1)")
  }

  private func resolveRun(_ prefix: String) throws -> NodeRef {
    let matches =
      try database.isPostgres
      ? database.query(
        "SELECT id, uuid FROM runs WHERE starts_with(uuid, ?) ORDER BY uuid LIMIT 3", [.text(prefix)]
      ) { ($0.int64(0), $0.string(1)) }
      : database.query(
        "SELECT id, uuid FROM runs WHERE uuid GLOB ? ORDER BY uuid LIMIT 3", [.text(prefix + "*")]
      ) { ($0.int64(0), $0.string(1)) }
    switch matches.count {
    case 0: throw PedigreeError.notFound("no run \(prefix)")
    case 1: return NodeRef(kind: .run, id: matches[0].0, name: matches[0].1)
    default:
      throw PedigreeError.usage(
        "run id prefix \(prefix) is ambiguous",
        hint: "it matches \(matches.map(\.1).prefix(2).joined(separator: ", ")) and more: "
          + "type more characters")
    }
  }
}

extension SQLiteRegistry {
  /// The content digest recorded for a node: a model version's artifact, a dataset version's or
  /// an artifact's own. `nil` when none was recorded (or the node is a run).
  public func recordedDigest(of node: NodeRef) throws(PedigreeError) -> String? {
    try mapErrors {
      switch node.kind {
      case .modelVersion:
        return try database.scalarString(
          "SELECT artifact_digest FROM model_versions WHERE id = ?", [.integer(node.id)])
      case .datasetVersion:
        return try database.scalarString(
          "SELECT digest FROM dataset_versions WHERE id = ?", [.integer(node.id)])
      case .artifact:
        return try database.scalarString("SELECT digest FROM artifacts WHERE id = ?", [.integer(node.id)])
      case .run:
        return nil
      }
    }
  }
}
