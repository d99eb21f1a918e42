import PedigreeCore

extension SQLiteWriter {
  /// Registers a new version of a model from a run (and its artifact), optionally pointing an
  /// alias at it. Returns `NAME@N`.
  ///
  /// Registering an artifact digest that the model already has returns that version with
  /// `changed == false` and writes nothing, so a training script's retry is harmless; without a
  /// digest, the same run and artifact URI do.
  public func registerModel(_ registration: ModelRegistration) throws(PedigreeError)
    -> Outcome<ModelVersion>
  {
    try Self.validate(registration)
    return try write {
      let outcome = try insertModelVersion(registration)
      guard outcome.changed else { return outcome }
      var details = outcome.value.auditDetails
      if !registration.tags.isEmpty {
        try insertTagEvents(versionID: outcome.value.id, registration.tags.map { ($0.key, $0.value) })
        details["tags"] = .object(
          JSONObject(registration.tags.map { (key: $0.key, value: .string($0.value)) }))
      }
      if let alias = registration.alias {
        try checkPolicy(
          model: registration.model, alias: alias, versionID: outcome.value.id,
          version: outcome.value.version, reason: nil)
        let move = try moveAlias(
          modelID: try modelID(registration.model), alias: alias, to: outcome.value.id,
          action: .promote, reason: "set at registration")
        details["alias"] = .string(alias)
        details["alias_from"] = .optional(move?.from.map(Int64.init))
      }
      try appendAudit(action: .modelRegister, entity: "model:\(outcome.value.ref)", details: details)
      return outcome
    }
  }

  /// Points `alias` at the version `ref` names. Promoting onto the version the alias already
  /// has changes nothing (`changed == false`). A deprecated version is refused.
  public func promote(_ ref: Ref, to alias: String, reason: String? = nil) throws(PedigreeError)
    -> Outcome<AliasMove>
  {
    try Names.validateAlias(alias)
    if let reason { try Limits.validateText(reason, as: "reason") }
    return try write {
      let target = try resolve(ref)
      guard target.kind == .modelVersion, case .model(let name, _) = ref else {
        throw PedigreeError.usage("only model versions can be promoted", hint: "use NAME@N")
      }
      let version = try versionRow(target.id)
      if let deprecation = version.deprecationReason {
        throw PedigreeError.refused(
          "\(target.name) is deprecated (\(deprecation)); it cannot be promoted",
          hint: "promote another version")
      }
      let model = try modelID(name)
      if try aliasTarget(modelID: model, alias: alias) != target.id {
        try checkPolicy(
          model: name, alias: alias, versionID: target.id, version: version.version, reason: reason)
      }
      guard
        let move = try moveAlias(
          modelID: model, alias: alias, to: target.id, action: .promote, reason: reason)
      else {
        return Outcome(
          value: AliasMove(
            model: name, alias: alias, from: version.version, to: version.version,
            action: .promote),
          changed: false)
      }
      try appendAudit(
        action: .modelPromote, entity: "model:\(name)@\(alias)", details: move.auditDetails(reason))
      return Outcome(value: move, changed: true)
    }
  }

  /// Undoes the alias's last move: the alias's moves form a stack (each promotion pushes, each
  /// rollback pops), so promote v1, v2, v3 → rollback → v2 → rollback → v1. Deprecated versions
  /// are skipped. With `to`, jumps to that version (refused when it is deprecated).
  ///
  /// - Throws: `.refused` when there is nowhere to go (nothing is changed), `.notFound` when the
  ///   model or the alias does not exist.
  public func rollback(
    model name: String, alias: String = "production", to version: Int? = nil, reason: String? = nil
  ) throws(PedigreeError) -> Outcome<AliasMove> {
    try Names.validate(name, as: "model")
    try Names.validateAlias(alias)
    if let reason { try Limits.validateText(reason, as: "reason") }
    if let version, version < 1 {
      throw PedigreeError.usage("invalid version \(version): versions start at 1")
    }
    return try write {
      let model = try modelID(name)
      let stack = try aliasStack(modelID: model, alias: alias)
      guard stack.wasEverSet else {
        throw PedigreeError.notFound(
          "model \(name) has no alias \(alias)",
          hint: "move \(alias) onto a version first", remedy: .promoteFirst(model: name, alias: alias))
      }
      // After a removal there is no current target: the rollback restores the alias.
      let current = stack.current
      let targetID: Int64
      if let version {
        let target = try resolve(.model(name: name, selector: .version(version)))
        if let deprecation = try versionRow(target.id).deprecationReason {
          throw PedigreeError.refused(
            "\(target.name) is deprecated (\(deprecation)); rollback will not land on it",
            hint: "pick another version", remedy: .pickAnotherVersion)
        }
        targetID = target.id
      } else {
        targetID = try rollbackTarget(stack: stack, current: current, model: name, alias: alias)
      }
      if targetID != current {
        try checkPolicy(
          model: name, alias: alias, versionID: targetID, version: try versionRow(targetID).version,
          reason: reason)
      }
      guard
        let move = try moveAlias(
          modelID: model, alias: alias, to: targetID, action: .rollback, reason: reason)
      else {
        let number = try versionRow(targetID).version
        return Outcome(
          value: AliasMove(model: name, alias: alias, from: number, to: number, action: .rollback),
          changed: false)
      }
      try appendAudit(
        action: .modelRollback, entity: "model:\(name)@\(alias)", details: move.auditDetails(reason))
      return Outcome(value: move, changed: true)
    }
  }

  /// Marks a version bad. It stays in the registry and in lineage; rollback skips it and promote
  /// refuses it. Deprecating it again is refused.
  public func deprecate(_ ref: Ref, reason: String) throws(PedigreeError) -> ModelVersion {
    try Limits.validateText(reason, as: "reason")
    return try write {
      let target = try resolve(ref)
      guard target.kind == .modelVersion else {
        throw PedigreeError.usage("only model versions can be deprecated")
      }
      let row = try versionRow(target.id)
      if let earlier = row.deprecationReason {
        throw PedigreeError.refused("\(target.name) is already deprecated (\(earlier))")
      }
      try database.run(
        "UPDATE model_versions SET deprecated_at = ?, deprecated_by = ?, deprecation_reason = ? WHERE id = ?",
        [.integer(clock().milliseconds), .text(actor), .text(reason), .integer(target.id)])
      try appendAudit(
        action: .modelDeprecate, entity: "model:\(target.name)", details: ["reason": .string(reason)])
      return try modelVersion(id: target.id)
    }
  }

  // MARK: Inside a transaction

  static func validate(_ registration: ModelRegistration) throws(PedigreeError) {
    try Names.validate(registration.model, as: "model")
    if let alias = registration.alias { try Names.validateAlias(alias) }
    if let description = registration.description {
      try Limits.validateText(description, as: "description")
    }
    if let artifact = registration.artifact { _ = try Self.validated(artifact) }
    try Self.validateTags(registration.tags.map(\.key), registration.tags.map(\.value))
  }

  /// Inserts a model version (or finds the one with the same artifact digest, or without a
  /// digest the same run and artifact URI). No audit entry, no alias.
  func insertModelVersion(_ registration: ModelRegistration) throws -> Outcome<ModelVersion> {
    let artifact = try registration.artifact.map { (artifact) throws(PedigreeError) in
      try Self.validated(artifact)
    }
    let run = try resolve(registration.run)
    guard run.kind == .run else {
      throw PedigreeError.usage(
        "\(registration.run) is not a run", hint: "name the run that produced the model", remedy: .nameRun)
    }
    if let digest = artifact?.digest,
      let existing = try database.scalarInt(
        """
        SELECT v.id FROM model_versions v JOIN models m ON m.id = v.model_id
        WHERE m.name = ? AND v.artifact_digest = ?
        """, [.text(registration.model), .text(digest)])
    {
      return Outcome(value: try modelVersion(id: existing), changed: false)
    }
    if artifact?.digest == nil,
      let existing = try database.scalarInt(
        """
        SELECT v.id FROM model_versions v JOIN models m ON m.id = v.model_id
        LEFT JOIN artifacts a ON a.id = v.artifact_id
        WHERE m.name = ? AND v.run_id = ? AND v.artifact_digest IS NULL AND a.uri IS NOT DISTINCT FROM ?
        ORDER BY v.version LIMIT 1
        """, [.text(registration.model), .integer(run.id), SQLValue(artifact?.uri)])
    {
      return Outcome(value: try modelVersion(id: existing), changed: false)
    }
    let now = clock().milliseconds
    try database.run(
      "INSERT INTO models(name, created_at, created_by) VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING",
      [.text(registration.model), .integer(now), .text(actor)])
    guard
      let (model, version) = try database.queryFirst(
        "UPDATE models SET last_version = last_version + 1 WHERE name = ? RETURNING id, last_version",
        [.text(registration.model)], { ($0.int64(0), $0.int64(1)) })
    else { throw PedigreeError(.io, "model \(registration.model) vanished while registering") }
    var artifactID: Int64?
    if let artifact {
      artifactID = try runOutputArtifact(runID: run.id, matching: artifact)
      if artifactID == nil {
        let id = try insertArtifact(artifact)
        try insertEdge(from: run.id, to: id, .output)
        artifactID = id
      }
    }
    let id = try insertNode(.modelVersion)
    try database.run(
      """
      INSERT INTO model_versions(id, model_id, version, run_id, artifact_id, artifact_digest,
        description, created_at, created_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .integer(id), .integer(model), .integer(version), .integer(run.id), SQLValue(artifactID),
        SQLValue(artifact?.digest), SQLValue(registration.description), .integer(now), .text(actor),
      ])
    try insertEdge(from: run.id, to: id, .sourceRun)
    if let artifactID { try insertEdge(from: artifactID, to: id, .sourceArtifact) }
    return Outcome(value: try modelVersion(id: id), changed: true)
  }

  /// An artifact the run already produced with the same digest (or, without a digest, the same
  /// URI), so registering it as a model does not duplicate it.
  func runOutputArtifact(runID: Int64, matching artifact: ArtifactInput) throws -> Int64? {
    try database.scalarInt(
      """
      SELECT a.id FROM edges e JOIN artifacts a ON a.id = e.dst
      WHERE e.src = ? AND e.relation = 'output'
        AND (a.digest = ? OR (CAST(? AS TEXT) IS NULL AND a.digest IS NULL AND a.uri = ?))
      ORDER BY a.id LIMIT 1
      """,
      [.integer(runID), SQLValue(artifact.digest), SQLValue(artifact.digest), .text(artifact.uri)])
  }

  /// Appends an alias event moving `alias` to `versionID`, or returns `nil` when it is already
  /// there.
  func moveAlias(
    modelID: Int64, alias: String, to versionID: Int64, action: AliasAction, reason: String?
  ) throws -> AliasMove? {
    let current = try aliasTarget(modelID: modelID, alias: alias)
    if current == versionID { return nil }
    try database.run(
      """
      INSERT INTO alias_events(model_id, alias, action, from_version_id, to_version_id, actor,
        reason, at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .integer(modelID), .text(alias), .text(action.rawValue), SQLValue(current), .integer(versionID),
        .text(actor), SQLValue(reason), .integer(clock().milliseconds),
      ])
    let name = try database.scalarString("SELECT name FROM models WHERE id = ?", [.integer(modelID)]) ?? ""
    return AliasMove(
      model: name, alias: alias, from: try current.map { try versionRow($0).version },
      to: try versionRow(versionID).version, action: action)
  }

  /// The alias's undo stack, rebuilt from its events (`AliasUndoStack`).
  func aliasStack(modelID: Int64, alias: String) throws -> AliasUndoStack<Int64> {
    let events = try database.query(
      "SELECT action, to_version_id FROM alias_events WHERE model_id = ? AND alias = ? ORDER BY id",
      [.integer(modelID), .text(alias)]
    ) { (action: AliasAction(rawValue: $0.string(0)) ?? .promote, target: $0.optionalInt64(1)) }
    return AliasUndoStack(events)
  }

  private func rollbackTarget(stack: AliasUndoStack<Int64>, current: Int64?, model: String, alias: String)
    throws -> Int64
  {
    if let target = try stack.rollbackTarget(isDeprecated: { try versionRow($0).deprecationReason != nil }) {
      return target
    }
    // Say what is true: every earlier target still on the undo stack is deprecated, or the stack
    // holds only where the alias started (it has never moved, or every later move was undone).
    guard let current else {
      throw PedigreeError.refused(
        "nothing to roll back to: \(alias) was removed and every version it pointed at is deprecated",
        hint: "promote a version", remedy: .chooseVersion)
    }
    let currentVersion = try versionRow(current).version
    var skipped: [Int] = []
    for id in stack.earlier where id != current {
      let version = try versionRow(id).version
      if !skipped.contains(version) { skipped.append(version) }
    }
    let moves =
      try database.scalarInt(
        "SELECT count(*) FROM alias_events WHERE model_id = ? AND alias = ?",
        [.integer(try modelID(model)), .text(alias)]) ?? 0
    let why =
      if !skipped.isEmpty {
        "every earlier version \(alias) pointed at is deprecated "
          + "(\(skipped.sorted().map { "\(model)@\($0)" }.joined(separator: ", ")))"
      } else if moves <= 1 {
        "\(alias) has only ever pointed at \(model)@\(currentVersion)"
      } else {
        "\(alias) is back at \(model)@\(currentVersion), where it started: every later move was rolled back"
      }
    throw PedigreeError.refused(
      "nothing to roll back to: \(why)", hint: "name the version to return to, or promote one",
      remedy: .chooseVersion)
  }

  struct VersionRow {
    let version: Int
    let deprecationReason: String?
  }

  func versionRow(_ id: Int64) throws -> VersionRow {
    guard
      let row = try database.queryFirst(
        "SELECT version, deprecated_at, deprecation_reason FROM model_versions WHERE id = ?",
        [.integer(id)],
        {
          VersionRow(version: $0.int(0), deprecationReason: $0.isNull(1) ? nil : ($0.optionalString(2) ?? ""))
        })
    else { throw PedigreeError.notFound("no model version \(id)") }
    return row
  }

  func modelVersion(id: Int64) throws(PedigreeError) -> ModelVersion {
    try registry.modelVersion(id: id)
  }
}

extension SQLiteRegistry {
  /// The model version with node id `id`.
  public func modelVersion(id: Int64) throws(PedigreeError) -> ModelVersion {
    try mapErrors {
      guard
        let version = try database.queryFirst(
          """
          SELECT v.id, m.name, v.version, r.uuid, v.artifact_id, v.artifact_digest, a.size_bytes
          FROM model_versions v JOIN models m ON m.id = v.model_id JOIN runs r ON r.id = v.run_id
          LEFT JOIN artifacts a ON a.id = v.artifact_id WHERE v.id = ?
          """, [.integer(id)],
          {
            ModelVersion(
              id: $0.int64(0), model: $0.string(1), version: $0.int(2), runUUID: $0.string(3),
              artifactID: $0.optionalInt64(4), digest: $0.optionalString(5),
              sizeBytes: $0.optionalInt64(6))
          })
      else { throw PedigreeError.notFound("no model version \(id)") }
      return version
    }
  }
}

extension ModelVersion {
  var auditDetails: JSONObject {
    [
      "run": .string(runUUID), "artifact": .optional(artifactID.map { "artifact:\($0)" }),
      "digest": .optional(digest), "size_bytes": .optional(sizeBytes),
    ]
  }
}

extension AliasMove {
  func auditDetails(_ reason: String?) -> JSONObject {
    [
      "alias": .string(alias), "from": .optional(from.map(Int64.init)), "to": .optional(to.map(Int64.init)),
      "reason": .optional(reason),
    ]
  }
}
