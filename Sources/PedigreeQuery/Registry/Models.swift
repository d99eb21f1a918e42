import PedigreeCore

extension ModelSummary {
  /// The models as a table: name, latest version, versions, aliases now.
  public static func table(_ models: [ModelSummary]) -> TextTable {
    TextTable(
      ["MODEL", "LATEST", "VERSIONS", "ALIASES"],
      rows: models.map { model in
        [
          model.name, model.latestVersion.map { number in "v\(number)" } ?? "-",
          String(model.versionCount),
          Format.list(
            model.aliases.map { alias in
              "\(alias.alias)=v\(alias.version)"
                + (model.deprecatedData[alias.alias].map { refs in
                  " (deprecated data: \(refs.joined(separator: ", ")))"
                } ?? "")
            }),
        ]
      }, alignments: [.left, .right, .right])
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
      "as_of": .time(model.at), "version": version.json, "aliases": aliasList(model.aliases),
      "versions": .array(model.versions.map { .int($0.version) }),
      "alias_moves": model.aliases.json,
    ])
  }
}

extension ModelShow {
  /// The human form: the version's fields, then the model's aliases and versions (as of then).
  public var document: ReportDocument {
    let aliases = TextTable(
      ["ALIAS", "VERSION", "SINCE", "BY", "HOW", "REASON"],
      rows: model.aliases.map {
        [
          $0.alias, "v\($0.version)", $0.since.iso8601, $0.actor, Format.text($0.action),
          Format.text($0.reason),
        ]
      })
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
  /// Every model, by name, with its latest version, version count and aliases now, and the
  /// deprecated dataset versions each alias's version was trained on (through lineage).
  public func modelList() throws(PedigreeError) -> [ModelSummary] {
    try read {
      var models = try reader.modelList()
      var found: [Int64: [String]] = [:]
      for index in models.indices {
        for alias in models[index].aliases {
          let data = try found[alias.versionID] ?? deprecatedData(upstreamOf: alias.versionID)
          found[alias.versionID] = data
          if !data.isEmpty { models[index].deprecatedData[alias.alias] = data }
        }
      }
      return models
    }
  }

  /// The deprecated dataset versions upstream of a node, as typed refs.
  func deprecatedData(upstreamOf id: Int64) throws -> [String] {
    try lineageGraph(of: id, direction: .upstream, depth: nil).nodes(on: .upstream)
      .filter { $0.ref.kind == .datasetVersion && $0.deprecated }.map(\.ref.typedRef)
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
      let node = try reader.resolve(ref, at: at)
      return ModelShow(
        version: try modelVersion(id: node.id, at: at), model: try snapshot(modelID: modelID, at: at))
    }
  }

  /// Every alias event of a model (or of one alias), oldest first.
  public func aliasHistory(model name: String, alias: String? = nil) throws(PedigreeError)
    -> [AliasEvent]
  {
    try read { try aliasEvents(modelID: try reader.modelID(name), alias: alias) }
  }

  /// The model's id; throws `.notFound` when it did not exist yet at `at`.
  func existingModel(_ name: String, at: Timestamp?) throws -> Int64 {
    let id = try reader.modelID(name)
    if let at, let created = try reader.modelCreatedAt(id: id), at < created {
      throw PedigreeError.notFound(
        "model \(name) did not exist yet at \(at.iso8601)", hint: "it was registered at \(created.iso8601)")
    }
    return id
  }

  func snapshot(modelID: Int64, at: Timestamp?) throws -> ModelSnapshot {
    try reader.modelSnapshot(modelID: modelID, at: at)
  }
}

extension Queries {
  /// The promotion policies in force, by alias then pattern.
  public func promotionPolicies() throws(PedigreeError) -> [PromotionPolicy] {
    try read { try reader.promotionPolicies() }
  }
}

extension PromotionPolicy {
  /// The policies as a table: pattern, alias, conditions, set when and by whom.
  public static func table(_ policies: [PromotionPolicy]) -> TextTable {
    TextTable(
      ["PATTERN", "ALIAS", "REQUIRES", "SET", "BY"],
      rows: policies.map {
        [$0.pattern, $0.alias, $0.conditions.joined(separator: "; "), $0.createdAt.iso8601, $0.createdBy]
      })
  }
}
