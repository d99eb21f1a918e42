import PedigreeCore

extension SQLiteWriter {
  /// Sets a tag of the experiment with MLflow id `experimentID` (`experiment.tag`): a tag event,
  /// kept with the ones before it. The value it has already is no change.
  public func setExperimentTag(experimentID: String, key: String, value: String) throws(PedigreeError)
    -> Outcome<MLflowExperiment>
  {
    try Self.validate(tags: [KeyValue(key, value)])
    return try write {
      guard let experiment = try registry.mlflowExperiment(id: experimentID) else {
        throw PedigreeError.notFound("no experiment with id \(experimentID.prefix(40))")
      }
      let previous = experiment.tags.first { $0.key == key }?.value
      guard previous != value else { return Outcome(value: experiment, changed: false) }
      try insertExperimentTag(
        KeyValue(key, value), experimentID: try experiment.rowID ?? experimentRowID(experiment.name))
      try appendAudit(
        action: .experimentTag, entity: "experiment:\(experiment.name)",
        details: ["tags": .object([key: .object(["from": .optional(previous), "to": .string(value)])])])
      guard let tagged = try registry.mlflowExperiment(id: experimentID) else {
        throw PedigreeError(.io, "experiment \(experimentID) vanished while tagging it")
      }
      return Outcome(value: tagged, changed: true)
    }
  }

  /// Changes a registered model's MLflow metadata (`model.update`): its description (`nil`
  /// leaves it, empty clears it), tags to set and tags to delete, each change a metadata event
  /// kept with the ones before it. A call that changes nothing writes nothing.
  ///
  /// - Throws: `.notFound` for an unknown model, or for deleting a tag the model does not have.
  public func updateRegisteredModel(
    name: String, description: String? = nil, setTags: [KeyValue] = [], deleteTags: [String] = []
  ) throws(PedigreeError) -> Outcome<RegisteredModelInfo> {
    try Self.validate(tags: setTags)
    try Self.validateTags(deleteTags, [])
    if let description, !description.isEmpty { try Limits.validateText(description, as: "description") }
    return try write {
      guard let model = try registry.registeredModel(named: name) else {
        throw PedigreeError.notFound("no registered model \(name)")
      }
      var events: [(key: String?, value: String?)] = []
      var changes: JSONObject = [:]
      if let description, description != (model.description ?? "") {
        let new = description.isEmpty ? nil : description
        events.append((nil, new))
        changes["description"] = .object(["from": .optional(model.description), "to": .optional(new)])
      }
      var tags: JSONObject = [:]
      let current = Dictionary(model.tags.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
      for tag in setTags where current[tag.key] != tag.value {
        events.append((tag.key, tag.value))
        tags[tag.key] = .object(["from": .optional(current[tag.key]), "to": .string(tag.value)])
      }
      for key in deleteTags {
        guard let previous = current[key] else {
          throw PedigreeError.notFound("registered model \(name) has no tag \(key.prefix(250))")
        }
        events.append((key, nil))
        tags[key] = .object(["from": .string(previous), "to": .null])
      }
      guard !events.isEmpty else { return Outcome(value: model, changed: false) }
      if !tags.pairs.isEmpty { changes["tags"] = .object(tags) }
      let now = clock()
      for event in events {
        try insertModelMetadata(key: event.key, value: event.value, modelID: model.modelID, at: now)
      }
      try appendAudit(action: .modelUpdate, entity: "model:\(name)", details: changes)
      guard let updated = try registry.registeredModel(named: name) else {
        throw PedigreeError(.io, "model \(name) vanished while updating it")
      }
      return Outcome(value: updated, changed: true)
    }
  }

  /// One experiment tag event (`experiment_tag_events`), by the writer's actor, now.
  func insertExperimentTag(_ tag: KeyValue, experimentID: Int64) throws {
    try database.run(
      "INSERT INTO experiment_tag_events(experiment_id, key, value, actor, at) VALUES (?, ?, ?, ?, ?)",
      [
        .integer(experimentID), .text(tag.key), .text(tag.value), .text(actor),
        .integer(clock().milliseconds),
      ])
  }

  /// One registered-model metadata event (`model_metadata_events`): a tag (`key`; a `nil` value
  /// deletes it) or, with no key, the description (`nil` clears it).
  func insertModelMetadata(key: String?, value: String?, modelID: Int64, at: Timestamp) throws {
    try database.run(
      "INSERT INTO model_metadata_events(model_id, key, value, actor, at) VALUES (?, ?, ?, ?, ?)",
      [.integer(modelID), SQLValue(key), SQLValue(value), .text(actor), .integer(at.milliseconds)])
  }
}
