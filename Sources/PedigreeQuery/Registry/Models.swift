import PedigreeCore
import PedigreeSQLite

/// One registered model in `model list`.
public struct ModelSummary: Sendable {
  public let name: String
  public let createdAt: Timestamp
  public let createdBy: String
  /// The highest version number, or `nil` when it has none yet.
  public let latestVersion: Int?
  public let versionCount: Int
  /// Every alias and the version it points at now.
  public let aliases: [AliasPointer]
}

extension ModelSummary: JSONConvertible {
  public var json: JSONValue {
    .object([
      "name": .string(name), "latest_version": .int(latestVersion),
      "versions": .int(versionCount), "aliases": aliasMap(aliases),
      "created_at": .time(createdAt), "created_by": .string(createdBy),
    ])
  }
}

/// `{"production": 2, …}`.
func aliasMap(_ aliases: [AliasPointer]) -> JSONValue {
  .object(JSONObject(aliases.map { (key: $0.alias, value: .int($0.version)) }))
}

extension ModelSummary {
  /// The models as a table: name, latest version, versions, aliases now.
  public static func table(_ models: [ModelSummary]) -> TextTable {
    TextTable(
      ["MODEL", "LATEST", "VERSIONS", "ALIASES"],
      rows: models.map {
        [
          $0.name, $0.latestVersion.map { "v\($0)" } ?? "-", String($0.versionCount),
          Format.list($0.aliases.map { "\($0.alias)=v\($0.version)" }),
        ]
      }, alignments: [.left, .right, .right])
  }
}

/// A model as it stood at a time (or now): its versions then, its aliases then.
public struct ModelSnapshot: Sendable {
  public let name: String
  public let createdAt: Timestamp
  public let createdBy: String
  /// The time asked about, or `nil` for now.
  public let at: Timestamp?
  /// The versions that existed then, oldest first, with deprecation and aliases as of then.
  public let versions: [ModelVersionInfo]
  /// Every alias that was set then and the version it pointed at, by alias.
  public let aliases: [AliasPointer]
}

extension ModelSnapshot: JSONConvertible {
  public var json: JSONValue {
    .object([
      "name": .string(name), "as_of": .time(at), "created_at": .time(createdAt),
      "created_by": .string(createdBy), "aliases": aliasMap(aliases), "versions": versions.json,
    ])
  }
}

/// `model show`: one version and the model around it, now or as of a time.
public struct ModelShow: Sendable {
  public let version: ModelVersionInfo
  public let model: ModelSnapshot
}

extension ModelShow: JSONConvertible {
  public var json: JSONValue {
    .object([
      "as_of": .time(model.at), "version": version.json, "aliases": aliasMap(model.aliases),
      "versions": .array(model.versions.map { .int($0.version) }),
    ])
  }
}

extension ModelShow {
  /// The human form: the version's fields, then the model's aliases and versions (as of then).
  public var document: ReportDocument {
    let aliases = TextTable(
      ["ALIAS", "VERSION", "SINCE", "BY"],
      rows: model.aliases.map { [$0.alias, "v\($0.version)", $0.since.iso8601, $0.actor] })
    let asOf = model.at.map { " as of \($0.iso8601)" } ?? ""
    return ReportDocument(
      title: "\(version.name)\(asOf)",
      sections: [
        .init("Version", [.fields(version.fields)]),
        .init("Aliases of \(model.name)\(asOf)", [.table(aliases)]),
        .init("Versions of \(model.name)\(asOf)", [.table(ModelVersionInfo.table(model.versions))]),
      ])
  }
}

extension Queries {
  /// Every model, by name, with its latest version, version count and aliases now.
  public func modelList() throws(PedigreeError) -> [ModelSummary] {
    try read {
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

  /// The versions of a model, oldest first, with aliases and deprecation now.
  public func modelVersions(_ name: String) throws(PedigreeError) -> [ModelVersionInfo] {
    try modelSnapshot(name, at: nil).versions
  }

  /// The model as it stood at `at` (now when `nil`): versions created by then, each alias's
  /// target then, deprecations made by then.
  ///
  /// - Throws: `.notFound` when there is no such model, or it did not exist yet at `at`.
  public func modelSnapshot(_ name: String, at: Timestamp?) throws(PedigreeError) -> ModelSnapshot {
    try read { try snapshot(modelID: try existingModel(name, at: at), at: at) }
  }

  /// `model show REF [--at T]`: the version `ref` names (its alias read as of `at`) and the model
  /// as it stood then.
  ///
  /// - Throws: `.usage` for a ref that is not a model's; `.notFound` for an unknown model,
  ///   version or alias, or a time before the model (or that version, or that alias) existed.
  public func modelShow(_ ref: Ref, at: Timestamp? = nil) throws(PedigreeError) -> ModelShow {
    guard case .model(let name, _) = ref else {
      throw PedigreeError.usage("\(ref) is not a model version", hint: "use NAME, NAME@N or NAME@ALIAS")
    }
    return try read {
      let modelID = try existingModel(name, at: at)
      let node = try registry.resolve(ref, at: at)
      return ModelShow(
        version: try modelVersion(id: node.id, at: at), model: try snapshot(modelID: modelID, at: at))
    }
  }

  /// Every alias event of a model (or of one alias), oldest first.
  public func aliasHistory(model name: String, alias: String? = nil) throws(PedigreeError)
    -> [AliasEvent]
  {
    try read { try aliasEvents(modelID: try registry.modelID(name), alias: alias) }
  }

  /// The model's id; throws `.notFound` when it did not exist yet at `at`.
  func existingModel(_ name: String, at: Timestamp?) throws -> Int64 {
    let id = try registry.modelID(name)
    let created = try database.scalarInt("SELECT created_at FROM models WHERE id = ?", [.integer(id)])
    if let at, let created, at.milliseconds < created {
      throw PedigreeError.notFound(
        "model \(name) did not exist yet at \(at.iso8601)",
        hint: "it was registered at \(Timestamp(milliseconds: created).iso8601)")
    }
    return id
  }

  func snapshot(modelID: Int64, at: Timestamp?) throws -> ModelSnapshot {
    guard
      let model = try database.queryFirst(
        "SELECT name, created_at, created_by FROM models WHERE id = ?", [.integer(modelID)],
        { ($0.string(0), Timestamp(milliseconds: $0.int64(1)), $0.string(2)) })
    else { throw PedigreeError.notFound("no model with id \(modelID)") }
    let pointers = try aliasPointers(modelID: modelID, at: at)
    var versions = try database.query(
      ModelVersionSQL.select + " WHERE mv.model_id = ? AND mv.created_at <= ? ORDER BY mv.version",
      [.integer(modelID), .integer(at?.milliseconds ?? Int64.max)], { ModelVersionInfo(row: $0, at: at) })
    for index in versions.indices {
      versions[index].aliases = pointers.filter { $0.versionID == versions[index].id }.map(\.alias)
    }
    return ModelSnapshot(
      name: model.0, createdAt: model.1, createdBy: model.2, at: at, versions: versions,
      aliases: pointers)
  }
}
