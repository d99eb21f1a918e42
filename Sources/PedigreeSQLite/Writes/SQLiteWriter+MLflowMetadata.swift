import PedigreeCore

extension SQLiteWriter {
  /// Sets a tag of the experiment with MLflow id `experimentID` (`experiment.tag`): a tag event,
  /// kept with the ones before it. The value it has already is no change.
  public func setExperimentTag(experimentID: String, key: String, value: String) throws(PedigreeError)
    -> Outcome<MLflowExperiment>
  {
    try validate(tags: [KeyValue(key, value)])
    return try write {
      guard let experiment = try registry.mlflowExperiment(id: experimentID) else {
        throw PedigreeError.notFound("no experiment with id \(experimentID.prefix(40))")
      }
      let previous = experiment.tags.first { $0.key == key }?.value
      guard previous != value else { return Outcome(value: experiment, changed: false) }
      let id = try experiment.rowID ?? experimentRowID(experiment.name)
      try database.run(
        "INSERT INTO experiment_tag_events(experiment_id, key, value, actor, at) VALUES (?, ?, ?, ?, ?)",
        [.integer(id), .text(key), .text(value), .text(actor), .integer(clock().milliseconds)])
      try appendAudit(
        action: .experimentTag, entity: "experiment:\(experiment.name)",
        details: ["tags": .object([key: .object(["from": .optional(previous), "to": .string(value)])])])
      return Outcome(value: try existingExperiment(experimentID), changed: true)
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
    try validate(tags: setTags)
    try validateTags(deleteTags, [])
    if let description, !description.isEmpty { try Limits.validateText(description, as: "description") }
    return try write {
      guard let model = try registry.registeredModel(named: name) else {
        throw PedigreeError.notFound("no registered model \(name)")
      }
      var events: [(key: String?, value: String?)] = []
      var changes: JSONObject = [:]
      if let description, description != (model.description ?? "") {
        events.append((nil, description.isEmpty ? nil : description))
        changes["description"] = .object([
          "from": .optional(model.description), "to": .optional(description.isEmpty ? nil : description),
        ])
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
      let now = clock().milliseconds
      for event in events {
        try database.run(
          "INSERT INTO model_metadata_events(model_id, key, value, actor, at) VALUES (?, ?, ?, ?, ?)",
          [.integer(model.modelID), SQLValue(event.key), SQLValue(event.value), .text(actor), .integer(now)])
      }
      try appendAudit(action: .modelUpdate, entity: "model:\(name)", details: changes)
      guard let updated = try registry.registeredModel(named: name) else {
        throw PedigreeError(.io, "model \(name) vanished while updating it")
      }
      return Outcome(value: updated, changed: true)
    }
  }

  private func existingExperiment(_ id: String) throws -> MLflowExperiment {
    guard let experiment = try registry.mlflowExperiment(id: id) else {
      throw PedigreeError(.io, "experiment \(id) vanished while tagging it")
    }
    return experiment
  }
}
