import PedigreeCore

/// MLflow's JSON documents (snake_case proto field names; ids and versions as strings, times
/// as epoch milliseconds, NaN and ±Infinity as strings, enums upper-case, empty lists left out).
enum MLflowDocuments {
  static func millis(_ time: Timestamp) -> JSONValue { .integer(time.milliseconds) }

  /// `[{key, value}]`, or nothing when empty.
  static func pairs(_ pairs: [KeyValue]) -> JSONValue? {
    pairs.isEmpty
      ? nil : .array(pairs.map { .object(["key": .string($0.key), "value": .string($0.value)]) })
  }

  /// An object without the keys whose value is `nil`.
  static func object(_ pairs: [(String, JSONValue?)]) -> JSONValue {
    .object(JSONObject(pairs.compactMap { key, value in value.map { (key: key, value: $0) } }))
  }

  static func experiment(_ experiment: MLflowExperiment) -> JSONValue {
    object([
      ("experiment_id", .string(experiment.mlflowID)), ("name", .string(MLflowExperimentName.of(experiment))),
      ("artifact_location", .string("mlflow-artifacts:/\(experiment.mlflowID)")),
      ("lifecycle_stage", .string("active")), ("creation_time", millis(experiment.createdAt)),
      ("last_update_time", millis(experiment.updatedAt)), ("tags", pairs(experiment.tags)),
    ])
  }

  static func metric(key: String, value: Double, timestamp: Timestamp, step: Int64) -> JSONValue {
    .object([
      "key": .string(key), "value": .metric(value), "timestamp": millis(timestamp),
      "step": .integer(step),
    ])
  }

  /// MLflow's run status for Pedigree's.
  static func status(_ status: String) -> String { status.uppercased() }

  /// `RunInfo` of a run (node id), with its tags (for `mlflow.user`).
  static func runInfo(_ reader: any RegistryReading, _ run: RunSummary, tags: [KeyValue]) throws
    -> JSONValue
  {
    let experimentID = try reader.mlflowExperiment(named: run.experiment)?.mlflowID ?? "0"
    let user = tags.first { $0.key == "mlflow.user" }?.value ?? run.actor
    return object([
      ("run_id", .string(run.uuid)), ("run_uuid", .string(run.uuid)),
      ("run_name", run.name.map(JSONValue.string)), ("experiment_id", .string(experimentID)),
      ("user_id", .string(user)), ("status", .string(status(run.status))),
      ("start_time", millis(run.startedAt)), ("end_time", run.endedAt.map(millis)),
      ("artifact_uri", .string("mlflow-artifacts:/\(experimentID)/\(run.uuid)/artifacts")),
      ("lifecycle_stage", .string("active")),
    ])
  }

  /// The whole `Run`: info, data (latest metrics, params, tags), inputs and outputs.
  static func run(_ reader: any RegistryReading, id: Int64) throws -> JSONValue {
    let summary = try reader.runSummary(id: id)
    let tags = try reader.tags(runID: id).map { KeyValue($0.key, $0.value) }
    let params = try reader.params(runID: id).map { KeyValue($0.key, $0.value) }
    let metrics = try reader.latestMetrics(runID: id).map {
      metric(key: $0.key, value: $0.value, timestamp: $0.timestamp, step: $0.step)
    }
    let outputs = try reader.runModelOutputs(runID: id).map {
      JSONValue.object(["model_id": .string($0.modelID), "step": .integer($0.step)])
    }
    let inputs = try reader.mlflowDatasetInputs(runID: id).map(datasetInput)
    return object([
      ("info", try runInfo(reader, summary, tags: tags)),
      (
        "data",
        object([
          ("metrics", metrics.isEmpty ? nil : .array(metrics)), ("params", pairs(params)),
          ("tags", pairs(tags)),
        ])
      ),
      ("inputs", object([("dataset_inputs", inputs.isEmpty ? nil : .array(inputs))])),
      ("outputs", object([("model_outputs", outputs.isEmpty ? nil : .array(outputs))])),
    ])
  }

  static func datasetInput(_ input: MLflowDatasetInput) -> JSONValue {
    object([
      ("tags", pairs(input.tags)),
      (
        "dataset",
        object([
          ("name", .string(input.name)), ("digest", .string(input.digest)),
          ("source_type", .string(input.sourceType)), ("source", .string(input.source)),
          ("schema", input.schema.map(JSONValue.string)), ("profile", input.profile.map(JSONValue.string)),
        ])
      ),
    ])
  }

  static func loggedModel(_ model: LoggedModel) -> JSONValue {
    .object([
      "info": object([
        ("model_id", .string(model.modelID)), ("experiment_id", .string(model.experimentID)),
        ("name", .string(model.name)), ("creation_timestamp_ms", millis(model.createdAt)),
        ("last_updated_timestamp_ms", millis(model.updatedAt)),
        ("artifact_uri", .string(MLflowPath.uri(model.artifactPath))),
        ("status", .string(model.status.rawValue)),
        ("source_run_id", model.sourceRunUUID.map(JSONValue.string)),
        ("model_type", model.modelType.map(JSONValue.string)), ("tags", pairs(model.tags)),
      ]),
      "data": object([("params", pairs(model.params))]),
    ])
  }

  /// A model version as MLflow's `ModelVersion`, `status: READY` always.
  static func modelVersion(_ reader: any RegistryReading, id: Int64) throws -> JSONValue {
    let info = try reader.modelVersionInfo(id: id, at: nil)
    let source = try reader.modelVersionSource(versionID: id)
    let stage =
      info.aliases.contains("production")
      ? "Production" : info.aliases.contains("staging") ? "Staging" : "None"
    return object([
      ("name", .string(info.model)), ("version", .string(String(info.version))),
      ("creation_timestamp", millis(info.createdAt)),
      ("last_updated_timestamp", millis(info.createdAt)), ("user_id", .string(info.createdBy)),
      ("current_stage", .string(stage)), ("description", .string(info.description ?? "")),
      ("source", .string(source?.source ?? info.artifact?.uri ?? "")),
      ("run_id", .string(info.runUUID)), ("status", .string("READY")),
      ("run_link", .string(source?.runLink ?? "")),
      ("tags", pairs(info.tags.sorted { $0.key < $1.key }.map { KeyValue($0.key, $0.value) })),
      ("aliases", info.aliases.isEmpty ? nil : .array(info.aliases.sorted().map(JSONValue.string))),
      ("model_id", source?.loggedModelID.map(JSONValue.string)),
    ])
  }

  /// A registered model with its aliases and latest version.
  static func registeredModel(_ reader: any RegistryReading, _ model: RegisteredModelInfo) throws
    -> JSONValue
  {
    let aliases = try reader.aliasPointers(modelID: model.modelID, at: nil).map {
      JSONValue.object(["alias": .string($0.alias), "version": .string(String($0.version))])
    }
    let latest = try reader.modelVersionIDs(modelID: model.modelID).last.map {
      [try modelVersion(reader, id: $0)]
    }
    return object([
      ("name", .string(model.name)), ("creation_timestamp", millis(model.createdAt)),
      ("last_updated_timestamp", millis(model.updatedAt)),
      ("description", model.description.map(JSONValue.string)), ("tags", pairs(model.tags)),
      ("aliases", aliases.isEmpty ? nil : .array(aliases)),
      ("latest_versions", latest.map(JSONValue.array)),
    ])
  }
}
