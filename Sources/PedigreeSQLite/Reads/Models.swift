import PedigreeCore

enum AliasSQL {
  /// `e` is the latest event of its (model, alias) at `?2` (a time in ms).
  static let isCurrent = """
    e.id = (SELECT max(x.id) FROM alias_events x
            WHERE x.model_id = e.model_id AND x.alias = e.alias AND x.at <= ?2)
    """

  /// `a` is the latest event of its (model, alias) now: the alias points at `a.to_version_id`
  /// (NULL when that event removed it).
  static let isLatest = """
    a.id = (SELECT max(x.id) FROM alias_events x WHERE x.model_id = a.model_id AND x.alias = a.alias)
    """

  static let pointersOfModel = """
    SELECT m.name, e.alias, e.to_version_id, mv.version, e.at, e.actor, e.action, e.reason
    FROM alias_events e JOIN model_versions mv ON mv.id = e.to_version_id
    JOIN models m ON m.id = e.model_id
    WHERE e.model_id = ?1 AND \(isCurrent) ORDER BY e.alias
    """

  static let pointersOfVersion = """
    SELECT m.name, e.alias, e.to_version_id, mv.version, e.at, e.actor, e.action, e.reason
    FROM alias_events e JOIN model_versions mv ON mv.id = e.to_version_id
    JOIN models m ON m.id = e.model_id
    WHERE e.to_version_id = ?1 AND e.at <= ?2 AND \(isCurrent) ORDER BY e.alias
    """

  /// Events with the model name and version numbers (no target for a removal); append a WHERE
  /// clause and ORDER BY.
  static let events = """
    SELECT e.id, e.at, m.name, e.alias, e.action, f.version, t.version, e.actor, e.reason
    FROM alias_events e JOIN models m ON m.id = e.model_id
    LEFT JOIN model_versions t ON t.id = e.to_version_id
    LEFT JOIN model_versions f ON f.id = e.from_version_id
    """
}

extension AliasPointer {
  init(row: Row) {
    self.init(
      model: row.string(0), alias: row.string(1), versionID: row.int64(2), version: row.int(3),
      since: Timestamp(milliseconds: row.int64(4)), actor: row.string(5), action: row.string(6),
      reason: row.optionalString(7))
  }
}

extension AliasEvent {
  init(row: Row) {
    self.init(
      id: row.int64(0), at: Timestamp(milliseconds: row.int64(1)), model: row.string(2),
      alias: row.string(3), action: row.string(4), fromVersion: row.optionalInt64(5).map { Int($0) },
      toVersion: row.optionalInt64(6).map { Int($0) }, actor: row.string(7), reason: row.optionalString(8))
  }
}

enum ModelVersionSQL {
  /// The description of `mv` now: its latest `model describe` event, else the registration's.
  static let currentDescription = """
    (CASE WHEN EXISTS (SELECT 1 FROM model_version_description_events d WHERE d.model_version_id = mv.id)
      THEN (SELECT d.description FROM model_version_description_events d
            WHERE d.model_version_id = mv.id ORDER BY d.id DESC LIMIT 1)
      ELSE mv.description END)
    """

  /// Append a WHERE clause.
  static let select = """
    SELECT mv.id, m.name, mv.version, mv.description, mv.created_at, mv.created_by, mv.run_id,
      r.uuid, mv.artifact_digest, mv.deprecated_at, mv.deprecated_by, mv.deprecation_reason,
      a.id, a.name, a.uri, a.digest, a.size_bytes, a.created_at, a.created_by
    FROM model_versions mv JOIN models m ON m.id = mv.model_id JOIN runs r ON r.id = mv.run_id
    LEFT JOIN artifacts a ON a.id = mv.artifact_id
    """
}

extension ModelVersionInfo {
  /// Reads `ModelVersionSQL.select`; a deprecation after `at` is not yet one.
  init(row: Row, at: Timestamp?) {
    let deprecatedAt = row.optionalInt64(9).map(Timestamp.init(milliseconds:))
    let deprecation = deprecatedAt.flatMap { time in
      time <= (at ?? time)
        ? Deprecation(at: time, by: row.string(10), reason: row.optionalString(11)) : nil
    }
    let artifact = row.optionalInt64(12).map { id in
      ArtifactInfo(
        id: id, name: row.string(13), uri: row.string(14), digest: row.optionalString(15),
        sizeBytes: row.optionalInt64(16), createdAt: Timestamp(milliseconds: row.int64(17)),
        createdBy: row.string(18))
    }
    self.init(
      id: row.int64(0), model: row.string(1), version: row.int(2),
      description: row.optionalString(3), createdAt: Timestamp(milliseconds: row.int64(4)),
      createdBy: row.string(5), runID: row.int64(6), runUUID: row.string(7), artifact: artifact,
      artifactDigest: row.optionalString(8), deprecation: deprecation, aliases: [])
  }
}

extension SQLiteRegistry {
  /// One statement for the models, then one for each model's aliases.
  public func modelList() throws(PedigreeError) -> [ModelSummary] {
    try mapErrors {
      let rows = try database.query(
        """
        SELECT m.id, m.name, m.created_at, m.created_by,
          (SELECT max(version) FROM model_versions WHERE model_id = m.id),
          (SELECT count(*) FROM model_versions WHERE model_id = m.id)
        FROM models m ORDER BY m.name
        """
      ) { row in
        (
          id: row.int64(0), name: row.string(1), createdAt: Timestamp(milliseconds: row.int64(2)),
          createdBy: row.string(3), latest: row.optionalInt64(4).map { Int($0) }, count: row.int(5)
        )
      }
      return try rows.map { model in
        ModelSummary(
          name: model.name, createdAt: model.createdAt, createdBy: model.createdBy,
          latestVersion: model.latest, versionCount: model.count,
          aliases: try aliasPointers(modelID: model.id, at: nil))
      }
    }
  }

  /// The `models` row's `created_at`.
  public func modelCreatedAt(id: Int64) throws(PedigreeError) -> Timestamp? {
    try mapErrors {
      try database.scalarInt("SELECT created_at FROM models WHERE id = ?", [.integer(id)])
        .map(Timestamp.init(milliseconds:))
    }
  }

  /// The model's row, its alias pointers then, and its versions then; each version's aliases
  /// come from those pointers.
  public func modelSnapshot(modelID: Int64, at: Timestamp?) throws(PedigreeError) -> ModelSnapshot {
    try mapErrors {
      guard
        let model = try database.queryFirst(
          "SELECT name, created_at, created_by FROM models WHERE id = ?", [.integer(modelID)],
          { ($0.string(0), Timestamp(milliseconds: $0.int64(1)), $0.string(2)) })
      else { throw PedigreeError.notFound("no model with id \(modelID)") }
      let pointers = try aliasPointers(modelID: modelID, at: at)
      var versions = try database.query(
        ModelVersionSQL.select + " WHERE mv.model_id = ? AND mv.created_at <= ? ORDER BY mv.version",
        [.integer(modelID), .integer(at?.milliseconds ?? Int64.max)], { ModelVersionInfo(row: $0, at: at) })
      let metadata = try versionMetadata(of: .model(modelID), at: at)
      for index in versions.indices {
        let id = versions[index].id
        versions[index].aliases = pointers.filter { $0.versionID == id }.map(\.alias)
        versions[index].tags = metadata.tags[id] ?? [:]
        if let description = metadata.descriptions[id] { versions[index].description = description }
      }
      return ModelSnapshot(
        name: model.0, createdAt: model.1, createdBy: model.2, at: at, versions: versions,
        aliases: pointers)
    }
  }

  /// The version (`ModelVersionSQL.select`), then its aliases as of `at`.
  public func modelVersionInfo(id: Int64, at: Timestamp?) throws(PedigreeError) -> ModelVersionInfo {
    try mapErrors {
      guard
        var info = try database.queryFirst(
          ModelVersionSQL.select + " WHERE mv.id = ?", [.integer(id)], { ModelVersionInfo(row: $0, at: at) })
      else { throw PedigreeError.notFound("no model version with node id \(id)") }
      info.aliases = try aliases(ofVersion: id, at: at).map(\.alias)
      try addMetadata(to: &info, at: at)
      return info
    }
  }

  /// Each alias's latest event up to `at` (`AliasSQL.pointersOfModel`).
  public func aliasPointers(modelID: Int64, at: Timestamp?) throws(PedigreeError) -> [AliasPointer] {
    try mapErrors {
      try database.query(
        AliasSQL.pointersOfModel, [.integer(modelID), .integer(at?.milliseconds ?? Int64.max)],
        AliasPointer.init(row:))
    }
  }

  /// The aliases whose latest event up to `at` moved them onto the version.
  public func aliases(ofVersion versionID: Int64, at: Timestamp?) throws(PedigreeError) -> [AliasPointer] {
    try mapErrors {
      try database.query(
        AliasSQL.pointersOfVersion, [.integer(versionID), .integer(at?.milliseconds ?? Int64.max)],
        AliasPointer.init(row:))
    }
  }

  /// The `alias_events` rows in id order, with model name and version numbers.
  public func aliasEvents(
    modelID: Int64, alias: String?, at: Timestamp?
  ) throws(PedigreeError) -> [AliasEvent] {
    try mapErrors {
      try database.query(
        AliasSQL.events
          + " WHERE e.model_id = ?1 AND (CAST(?2 AS TEXT) IS NULL OR e.alias = ?2) AND e.at <= ?3"
          + " ORDER BY e.id",
        [.integer(modelID), SQLValue(alias), .integer(at?.milliseconds ?? Int64.max)],
        AliasEvent.init(row:))
    }
  }
}

extension SQLiteRegistry {
  /// Sets the version's tags and description as of `at` from their events: each tag's latest
  /// event (unless an unset), the latest description event (else the registration's).
  func addMetadata(to info: inout ModelVersionInfo, at: Timestamp?) throws {
    let metadata = try versionMetadata(of: .version(info.id), at: at)
    info.tags = metadata.tags[info.id] ?? [:]
    if let description = metadata.descriptions[info.id] { info.description = description }
  }

  /// Every version of a model, or one version (by node id).
  enum VersionScope {
    case model(Int64)
    case version(Int64)
  }

  /// The tags and the latest description event of every version of a model (or of one version),
  /// as of `at`, in two queries: a model's snapshot asked two per version, ~400 for a model of
  /// 200 versions. A description event's `nil` is a description cleared.
  func versionMetadata(of versions: VersionScope, at: Timestamp?) throws
    -> (tags: [Int64: [String: String]], descriptions: [Int64: String?])
  {
    let (scope, id) =
      switch versions {
      case .model(let id): ("mv.model_id = ?1", id)
      case .version(let id): ("mv.id = ?1", id)
      }
    let arguments: [SQLValue] = [.integer(id), .integer(at?.milliseconds ?? Int64.max)]
    var tags: [Int64: [String: String]] = [:]
    for (id, key, value) in try database.query(
      """
      SELECT t.model_version_id, t.key, t.value FROM model_versions mv
      JOIN model_version_tag_events t ON t.model_version_id = mv.id
      WHERE \(scope) AND t.value IS NOT NULL
        AND t.id = (SELECT max(x.id) FROM model_version_tag_events x
                    WHERE x.model_version_id = t.model_version_id AND x.key = t.key AND x.at <= ?2)
      """, arguments, { ($0.int64(0), $0.string(1), $0.string(2)) })
    {
      tags[id, default: [:]][key] = value
    }
    var descriptions: [Int64: String?] = [:]
    for (id, description) in try database.query(
      """
      SELECT d.model_version_id, d.description FROM model_versions mv
      JOIN model_version_description_events d ON d.model_version_id = mv.id
      WHERE \(scope) AND d.id = (SELECT max(x.id) FROM model_version_description_events x
                                WHERE x.model_version_id = d.model_version_id AND x.at <= ?2)
      """, arguments, { ($0.int64(0), $0.optionalString(1)) })
    {
      descriptions[id] = description
    }
    return (tags, descriptions)
  }
}
