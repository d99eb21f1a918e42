import PedigreeCore

extension SQLiteWriter {
  /// Sets and unsets tags of a model version: one `model_version_tag_events` row per tag that
  /// changes and one `model.tag` audit entry. Tags already so change nothing; when none changes,
  /// nothing is written (`changed == false`).
  ///
  /// - Throws: `.usage` for no tags, an invalid key or value, or a key both set and unset;
  ///   `.notFound` for an unknown version.
  public func tagModelVersion(_ ref: Ref, set: [KeyValue], unset: [String]) throws(PedigreeError)
    -> Outcome<ModelVersionInfo>
  {
    if set.isEmpty && unset.isEmpty {
      throw PedigreeError.usage("nothing to change: give tags to set or unset")
    }
    try Self.validateTags(set.map(\.key) + unset, set.map(\.value))
    var wanted: [String: String] = [:]
    for tag in set {
      if let earlier = wanted[tag.key], earlier != tag.value {
        throw PedigreeError.usage("tag '\(tag.key)' is set twice, to '\(earlier)' and '\(tag.value)'")
      }
      wanted[tag.key] = tag.value
    }
    if let both = unset.first(where: { wanted[$0] != nil }) {
      throw PedigreeError.usage("tag '\(both)' is both set and unset")
    }
    return try write {
      let info = try metadataTarget(ref)
      let setting = wanted.filter { info.tags[$0.key] != $0.value }.sorted { $0.key < $1.key }
      let unsetting = Array(Swift.Set(unset.filter { info.tags[$0] != nil })).sorted()
      if setting.isEmpty && unsetting.isEmpty { return Outcome(value: info, changed: false) }
      try insertTagEvents(
        versionID: info.id, setting.map { ($0.key, $0.value) } + unsetting.map { ($0, nil) })
      try appendAudit(
        action: .modelTag, entity: "model:\(info.name)",
        details: [
          "set": .object(JSONObject(setting.map { (key: $0.key, value: .string($0.value)) })),
          "unset": .strings(unsetting),
        ])
      return Outcome(value: try registry.modelVersionInfo(id: info.id, at: nil), changed: true)
    }
  }

  /// Replaces a model version's description with one `model_version_description_events` row and
  /// one `model.describe` audit entry; `nil` or empty clears it. The description it already has
  /// changes nothing.
  public func describeModelVersion(_ ref: Ref, description: String?) throws(PedigreeError)
    -> Outcome<ModelVersionInfo>
  {
    let description = description?.isEmpty == true ? nil : description
    if let description { try Limits.validateText(description, as: "description") }
    return try write {
      let info = try metadataTarget(ref)
      if info.description == description { return Outcome(value: info, changed: false) }
      try database.run(
        """
        INSERT INTO model_version_description_events(model_version_id, description, actor, at)
        VALUES (?, ?, ?, ?)
        """, [.integer(info.id), SQLValue(description), .text(actor), .integer(clock().milliseconds)])
      try appendAudit(
        action: .modelDescribe, entity: "model:\(info.name)",
        details: ["description": .optional(description), "previous": .optional(info.description)])
      return Outcome(value: try registry.modelVersionInfo(id: info.id, at: nil), changed: true)
    }
  }

  // MARK: Inside a transaction

  /// The model version `ref` names, as it stands now.
  private func metadataTarget(_ ref: Ref) throws -> ModelVersionInfo {
    let target = try resolve(ref)
    guard target.kind == .modelVersion else {
      throw PedigreeError.usage("only model versions have version tags", hint: "use NAME@N")
    }
    return try registry.modelVersionInfo(id: target.id, at: nil)
  }

  /// Appends one tag event per pair: a value set, or `nil` for an unset.
  func insertTagEvents(versionID: Int64, _ tags: [(String, String?)]) throws {
    for (key, value) in tags {
      try database.run(
        "INSERT INTO model_version_tag_events(model_version_id, key, value, actor, at) VALUES (?, ?, ?, ?, ?)",
        [.integer(versionID), .text(key), SQLValue(value), .text(actor), .integer(clock().milliseconds)])
    }
  }

  /// Tag keys as run tag keys are; values free text up to `Limits.textLength`, possibly empty.
  static func validateTags(_ keys: [String], _ values: [String]) throws(PedigreeError) {
    for key in keys { try Limits.validateKey(key, as: "tag") }
    for value in values { try Limits.validateText(value, as: "tag value", allowEmpty: true) }
  }
}
