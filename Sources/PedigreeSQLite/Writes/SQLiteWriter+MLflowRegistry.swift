import PedigreeCore

extension SQLiteWriter {
  /// Creates a registered model without versions (`model.create`), with MLflow's description
  /// and tags; an existing name changes nothing.
  public func createRegisteredModel(name: String, description: String?, tags: [KeyValue])
    throws(PedigreeError) -> Outcome<RegisteredModelInfo>
  {
    try Names.validate(name, as: "model")
    let description = description?.isEmpty == true ? nil : description
    if let description { try Limits.validateText(description, as: "description") }
    try Self.validate(tags: tags)
    return try write {
      if let existing = try registry.registeredModel(named: name) {
        return Outcome(value: existing, changed: false)
      }
      let now = clock().milliseconds
      let id = try database.insertReturningID(
        "INSERT INTO models(name, created_at, created_by) VALUES (?, ?, ?)",
        [.text(name), .integer(now), .text(actor)])
      let events = (description.map { [(String?.none, $0)] } ?? []) + tags.map { ($0.key, $0.value) }
      for (key, value) in events {
        try insertModelMetadata(key: key, value: value, modelID: id, at: Timestamp(milliseconds: now))
      }
      try appendAudit(
        action: .modelCreate, entity: "model:\(name)",
        details: ["description": .optional(description), "tags": tags.jsonObject])
      guard let model = try registry.registeredModel(named: name) else {
        throw PedigreeError(.io, "model \(name) vanished while creating it")
      }
      return Outcome(value: model, changed: true)
    }
  }

  /// Registers a version from MLflow's `source` (`model.register`): a logged model (its
  /// directory artifact and source run), a file or directory of the artifact proxy (digested:
  /// a directory by the manifest of its files), or an external URI (recorded, never fetched).
  public func createModelVersion(_ input: MLflowVersionInput) throws(PedigreeError)
    -> Outcome<ModelVersion>
  {
    try Names.validate(input.model, as: "model")
    try Limits.validateText(input.source, as: "source")
    if let link = input.runLink { try Limits.validateText(link, as: "run_link", allowEmpty: true) }
    if let description = input.description, !description.isEmpty {
      try Limits.validateText(description, as: "description")
    }
    try Self.validateTags(input.tags.map(\.key), input.tags.map(\.value))
    return try write {
      guard try registry.registeredModel(named: input.model) != nil else {
        throw PedigreeError.notFound(
          "no registered model \(input.model)", hint: "create it first (registered-models/create)")
      }
      let (artifact, sourceRun, loggedModel) = try resolveSource(input)
      guard let run = input.run.flatMap({ $0.isEmpty ? nil : $0 }) ?? sourceRun else {
        throw PedigreeError.usage(
          "a model version needs the run that produced it",
          hint: "give run_id, or register a logged model (models:/m-…) that has a source run")
      }
      var registration = ModelRegistration(
        model: input.model, run: .run(run), artifact: artifact,
        description: input.description?.isEmpty == true ? nil : input.description)
      registration.tags = input.tags
      let outcome = try insertModelVersion(registration)
      guard outcome.changed else { return outcome }
      var details = outcome.value.auditDetails
      if !input.tags.isEmpty {
        try insertTagEvents(versionID: outcome.value.id, input.tags.map { ($0.key, $0.value) })
        details["tags"] = input.tags.jsonObject
      }
      try database.run(
        "INSERT INTO model_version_sources(model_version_id, source, run_link, logged_model_id) VALUES (?, ?, ?, ?)",
        [
          .integer(outcome.value.id), .text(input.source), SQLValue(input.runLink),
          SQLValue(loggedModel?.rowID),
        ])
      details["source"] = .string(input.source)
      details["run_link"] = .optional(input.runLink)
      details["logged_model"] = .optional(loggedModel?.modelID)
      details["description"] = .optional(registration.description)
      try appendAudit(action: .modelRegister, entity: "model:\(outcome.value.ref)", details: details)
      return outcome
    }
  }

  // MARK: Inside a transaction

  /// The artifact a version's source names, the run it implies and the logged model it is.
  private func resolveSource(_ input: MLflowVersionInput) throws -> (
    ArtifactInput, String?, LoggedModel?
  ) {
    let source = input.source
    var loggedModelID = input.loggedModelID.flatMap { $0.isEmpty ? nil : $0 }
    if loggedModelID == nil, source.hasPrefix("models:/m-") {
      loggedModelID = String(source.dropFirst("models:/".count).prefix { $0 != "/" })
    }
    if let id = loggedModelID, source.hasPrefix("models:/") || !source.hasPrefix("mlflow-artifacts:") {
      let model = try loggedModel(id)
      guard model.status == .ready, let artifactID = model.artifactID,
        let artifact = try database.queryFirst(
          "SELECT name, uri, digest, size_bytes FROM artifacts WHERE id = ?", [.integer(artifactID)],
          {
            ArtifactInput(
              name: $0.string(0), uri: $0.string(1), digest: $0.optionalString(2),
              sizeBytes: $0.optionalInt64(3))
          })
      else {
        throw PedigreeError.refused(
          "logged model \(id) is \(model.status.rawValue), not LOGGED_MODEL_READY",
          hint: "finalize it before registering it")
      }
      return (artifact, model.sourceRunUUID, model)
    }
    var path: String?
    var run: String?
    if source.hasPrefix("runs:/") {
      let rest = source.dropFirst("runs:/".count)
      let uuid = String(rest.prefix { $0 != "/" })
      let node = try resolve(.run(uuid))
      let experiment =
        try database.scalarInt(
          "SELECT experiment_id FROM runs WHERE id = ?", [.integer(node.id)]) ?? 0
      let name = try database.scalarString(
        "SELECT name FROM experiments WHERE id = ?", [.integer(experiment)])
      let mlflowID = name == MLflowExperiment.defaultName ? "0" : String(experiment)
      let sub = rest.dropFirst(uuid.count).drop { $0 == "/" }
      path = "\(mlflowID)/\(node.name)/artifacts" + (sub.isEmpty ? "" : "/\(sub)")
      run = node.name
    } else if let stripped = MLflowPath.stripScheme(source) {
      path = stripped
    }
    guard let path else {
      let name = source.split(separator: "/").last.map(String.init) ?? source
      return (ArtifactInput(name: name, uri: source), nil, nil)
    }
    if case .run(let uuid, _)? = try? MLflowPath.owner(of: path), run == nil { run = uuid }
    let name = path.split(separator: "/").last.map(String.init) ?? path
    if let file = try registry.mlflowFile(path: path) {
      return (
        ArtifactInput(name: name, uri: MLflowPath.uri(path), digest: file.digest, sizeBytes: file.sizeBytes),
        run, nil
      )
    }
    let files = try registry.mlflowFiles(under: path)
    guard !files.isEmpty else {
      throw PedigreeError.notFound(
        "nothing was uploaded at \(source.prefix(200))", hint: "log the model's files first")
    }
    let (digest, size) = DirectoryManifest.digest(
      files.map { (String($0.path.dropFirst(path.count + 1)), $0.digest, $0.sizeBytes) })
    return (
      ArtifactInput(name: name, uri: MLflowPath.uri(path), digest: digest, sizeBytes: size), run, nil
    )
  }
}
