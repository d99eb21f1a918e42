import PedigreeCore

extension SQLiteWriter {
  /// Records a file uploaded through MLflow's artifact proxy (`artifact.upload`). The path must
  /// lie under a run's (`<exp>/<run>/artifacts/…`) or a logged model's
  /// (`<exp>/models/<m-id>/artifacts/…`) directory; a run's file is also an artifact output by
  /// the run. The same bytes again change nothing; other bytes supersede the earlier content.
  public func recordFile(path: String, digest: String, sizeBytes: Int64) throws(PedigreeError)
    -> Outcome<MLflowFile>
  {
    let owner = try MLflowPath.owner(of: path)
    let digest = try Digest.normalized(digest)
    try Limits.validateCount(sizeBytes, as: "size")
    return try write {
      let previous = try registry.mlflowFile(path: path)
      if let previous, previous.digest == digest { return Outcome(value: previous, changed: false) }
      var artifactID: Int64?
      let entity: String
      switch owner {
      case .run(let uuid, let relativePath):
        let run = try resolve(.run(uuid))
        artifactID = try insertArtifact(
          ArtifactInput(
            name: relativePath, uri: MLflowPath.uri(path), digest: digest, sizeBytes: sizeBytes))
        try insertEdge(from: run.id, to: artifactID!, .output)
        entity = "run:\(run.name)"
      case .loggedModel(let id, _):
        guard try registry.loggedModel(id: id) != nil else {
          throw PedigreeError.notFound("no logged model \(id)")
        }
        entity = "logged_model:\(id)"
      }
      try database.run(
        """
        INSERT INTO mlflow_files(path, digest, size_bytes, artifact_id, created_at, created_by)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
        [
          .text(path), .text(digest), .integer(sizeBytes), SQLValue(artifactID),
          .integer(clock().milliseconds), .text(actor),
        ])
      try appendAudit(
        action: .artifactUpload, entity: entity,
        details: [
          "path": .string(path), "digest": .string(digest), "size_bytes": .integer(sizeBytes),
          "artifact": .optional(artifactID.map { "artifact:\($0)" }),
          "supersedes": .optional(previous?.digest),
        ])
      let file = MLflowFile(path: path, digest: digest, sizeBytes: sizeBytes, artifactID: artifactID)
      return Outcome(value: file, changed: true)
    }
  }

  /// Creates a pending logged model with a new id `m-<32 hex>` (`logged_model.create`).
  public func createLoggedModel(_ input: LoggedModelInput)
    throws(PedigreeError) -> LoggedModel
  {
    try Names.validate(input.name, as: "logged model")
    try Self.validate(params: input.params)
    try Self.validate(tags: input.tags)
    if let type = input.modelType { try Limits.validateText(type, as: "model type", maximum: 250) }
    return try write {
      guard let experiment = try registry.mlflowExperiment(id: input.experimentID) else {
        throw PedigreeError.notFound("no experiment with id \(input.experimentID.prefix(40))")
      }
      let experimentID = try experimentRowID(experiment.name)
      let run = try input.sourceRun.map { (id) throws(PedigreeError) in try resolve(.run(id)) }
      let modelID = "m-" + SQLiteWriter.newRunID()
      let params = input.params.jsonObject
      let rowID = try database.insertReturningID(
        """
        INSERT INTO logged_models(model_id, experiment_id, name, source_run_id, model_type, params,
          created_at, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
          .text(modelID), .integer(experimentID), .text(input.name), SQLValue(run?.id),
          SQLValue(input.modelType), .text(params.serialized()), .integer(clock().milliseconds),
          .text(actor),
        ])
      try insertLoggedModelTags(input.tags, rowID: rowID)
      try appendAudit(
        action: .loggedModelCreate, entity: "logged_model:\(modelID)",
        details: [
          "experiment_id": .integer(experimentID), "name": .string(input.name),
          "source_run": .optional(run?.name), "model_type": .optional(input.modelType),
          "params": params, "tags": input.tags.jsonObject,
        ])
      return try loggedModel(modelID)
    }
  }

  /// Finalizes a logged model (`logged_model.finalize`): `READY` makes its directory an artifact
  /// (the digest of the manifest of its files) output by its source run.
  public func finalizeLoggedModel(id: String, status: LoggedModelStatus) throws(PedigreeError)
    -> Outcome<LoggedModel>
  {
    guard status != .pending else {
      throw PedigreeError.usage(
        "a logged model is finalized as LOGGED_MODEL_READY or LOGGED_MODEL_UPLOAD_FAILED")
    }
    return try write {
      let model = try loggedModel(id)
      if model.status == status { return Outcome(value: model, changed: false) }
      guard model.status == .pending else {
        throw PedigreeError.refused(
          "logged model \(id) is already \(model.status.rawValue)", hint: "a logged model is finalized once")
      }
      var details: JSONObject = ["status": .string(status.rawValue)]
      var artifactID: Int64?
      if status == .ready {
        let files = try registry.mlflowFiles(under: model.artifactPath)
        let (digest, size) = DirectoryManifest.digest(
          files.map { (String($0.path.dropFirst(model.artifactPath.count + 1)), $0.digest, $0.sizeBytes) })
        let artifact = ArtifactInput(
          name: model.name, uri: MLflowPath.uri(model.artifactPath), digest: digest, sizeBytes: size)
        let id = try insertArtifact(artifact)
        if let run = model.sourceRunUUID { try insertEdge(from: try resolve(.run(run)).id, to: id, .output) }
        artifactID = id
        details["artifact"] = .string("artifact:\(id)")
        details["digest"] = .string(digest)
        details["size_bytes"] = .integer(size)
        details["files"] = .integer(Int64(files.count))
      }
      try database.run(
        "INSERT INTO logged_model_finalizations(logged_model_id, status, artifact_id, actor, at) VALUES (?, ?, ?, ?, ?)",
        [
          .integer(model.rowID), .text(status.rawValue), SQLValue(artifactID), .text(actor),
          .integer(clock().milliseconds),
        ])
      try appendAudit(action: .loggedModelFinalize, entity: "logged_model:\(id)", details: details)
      return Outcome(value: try loggedModel(id), changed: true)
    }
  }

  /// Sets tags of a logged model (`logged_model.tag`); values it has already change nothing.
  public func tagLoggedModel(id: String, tags: [KeyValue]) throws(PedigreeError) -> Outcome<LoggedModel> {
    try Self.validate(tags: tags)
    return try write {
      let model = try loggedModel(id)
      var current: [String: String] = [:]
      for tag in model.tags { current[tag.key] = tag.value }
      var changed: [KeyValue] = []
      for tag in tags where current[tag.key] != tag.value {
        current[tag.key] = tag.value
        changed.append(tag)
      }
      if changed.isEmpty { return Outcome(value: model, changed: false) }
      try insertLoggedModelTags(changed, rowID: model.rowID)
      try appendAudit(
        action: .loggedModelTag, entity: "logged_model:\(id)", details: ["tags": changed.jsonObject])
      return Outcome(value: try loggedModel(id), changed: true)
    }
  }

  /// Records the logged models a run output (`run.outputs`); the run → model-directory edge is
  /// made at finalize, or here when the model is finalized already.
  public func logModelOutputs(_ run: Ref, models: [(modelID: String, step: Int64)])
    throws(PedigreeError) -> Outcome<NodeRef>
  {
    try write {
      let node = try resolve(run)
      guard node.kind == .run else { throw PedigreeError.usage("\(run) is not a run") }
      let before = database.totalChanges
      var written: [JSONValue] = []
      for (id, step) in models {
        let model = try loggedModel(id)
        try database.run(
          "INSERT INTO run_logged_model_outputs(run_id, logged_model_id, step) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
          [.integer(node.id), .integer(model.rowID), .integer(step)])
        if database.changes > 0 {
          written.append(.object(["model_id": .string(id), "step": .integer(step)]))
        }
        if let artifact = model.artifactID { try insertEdge(from: node.id, to: artifact, .output) }
      }
      guard database.totalChanges != before else { return Outcome(value: node, changed: false) }
      try appendAudit(action: .runOutputs, entity: "run:\(node.name)", details: ["models": .array(written)])
      return Outcome(value: node, changed: true)
    }
  }

  // MARK: Inside a transaction

  func loggedModel(_ id: String) throws -> LoggedModel {
    guard let model = try registry.loggedModel(id: id) else {
      throw PedigreeError.notFound("no logged model \(id.prefix(40))")
    }
    return model
  }

  private func insertLoggedModelTags(_ tags: [KeyValue], rowID: Int64) throws {
    for tag in tags {
      try database.run(
        "INSERT INTO logged_model_tag_events(logged_model_id, key, value, actor, at) VALUES (?, ?, ?, ?, ?)",
        [.integer(rowID), .text(tag.key), .text(tag.value), .text(actor), .integer(clock().milliseconds)])
    }
  }
}
