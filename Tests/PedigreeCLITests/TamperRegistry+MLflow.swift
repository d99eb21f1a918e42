import PedigreeCore
import PedigreeSQLite

/// What MLflow's REST API writes (migration 0008's tables), added to the tamper registry through
/// the writer `pedigree serve`'s MLflow routes call, and the tamperings of those tables.
extension TamperRegistry {
  static let weights = Digest.sha256(Array("weights".utf8))
  static let config = Digest.sha256(Array("config".utf8))

  /// Every MLflow write with its own table: an experiment with a tag, a run whose tag is
  /// overwritten, a dataset input with its context tag, an uploaded file, a logged model (tagged,
  /// finalized, output by the run), a registered model with a description and a tag, and a
  /// version made from the logged model (its source).
  static func writeMLflow(_ path: String) throws {
    let registry = try SQLiteRegistry.open(path: path, access: .write)
    let writer = registry.writing(as: Author("ml-bot"))
    let experiment = try writer.createExperiment(name: "mlx", tags: [KeyValue("owner", "risk")]).value
    let run = try writer.startRun(
      experimentID: experiment.mlflowID, RunStart(name: "mlrun", tags: [KeyValue("stage", "a")]))
    _ = try writer.logBatch(.run(run.uuid), params: [], metrics: [], tags: [KeyValue("stage", "b")])
    _ = try writer.logInputs(
      .run(run.uuid),
      datasets: [
        MLflowDatasetInput(
          name: "iris", digest: "fad98c68", sourceType: "http", source: #"{"url": "https://x/iris.csv"}"#,
          schema: nil, profile: nil, tags: [KeyValue("mlflow.data.context", "training")])
      ])
    _ = try writer.recordFile(
      path: "\(experiment.mlflowID)/\(run.uuid)/artifacts/notes.txt", digest: weights, sizeBytes: 7)
    let model = try writer.createLoggedModel(
      LoggedModelInput(
        experimentID: experiment.mlflowID, name: "lm", sourceRun: run.uuid, modelType: "sklearn",
        params: [KeyValue("lr", "0.1")], tags: [KeyValue("flavor", "pkl")]))
    _ = try writer.recordFile(path: model.artifactPath + "/MLmodel", digest: config, sizeBytes: 6)
    _ = try writer.finalizeLoggedModel(id: model.modelID, status: .ready)
    _ = try writer.tagLoggedModel(id: model.modelID, tags: [KeyValue("reviewed", "yes")])
    _ = try writer.logModelOutputs(.run(run.uuid), models: [(model.modelID, 3)])
    _ = try writer.createRegisteredModel(
      name: "mlmodel", description: "from mlflow", tags: [KeyValue("tier", "1")])
    _ = try writer.createModelVersion(
      MLflowVersionInput(
        model: "mlmodel", source: "models:/\(model.modelID)", run: nil, loggedModelID: model.modelID,
        runLink: "http://x/run", description: nil, tags: []))
  }

  /// Names the MLflow findings use, read from the registry by SQL.
  static let mlflowNames: [String: String] = [
    "ml_run": "SELECT uuid FROM runs WHERE name = 'mlrun'",
    "logged_model": "SELECT model_id FROM logged_models",
    "run_tag_event": "SELECT max(id) FROM run_tag_events",
    "experiment_tag_event": "SELECT max(id) FROM experiment_tag_events",
    "file": "SELECT min(id) FROM mlflow_files",
    "lm_tag_event": "SELECT max(id) FROM logged_model_tag_events",
    "metadata_event": "SELECT min(id) FROM model_metadata_events",
    "next_run_tag_event": "SELECT max(id) + 1 FROM run_tag_events",
    "next_file": "SELECT max(id) + 1 FROM mlflow_files",
  ]

  static let mlRun = "(SELECT id FROM runs WHERE name = 'mlrun')"
  static let mlVersion =
    "(SELECT v.id FROM model_versions v JOIN models m ON m.id = v.model_id WHERE m.name = 'mlmodel')"

  static let mlflowEdits: [Tampering] = [
    edit("run_tag_events", "value", where: "id = {run_tag_event}", "run_tag_event:{run_tag_event}"),
    edit("run_tag_events", "previous", where: "id = {run_tag_event}", "run_tag_event:{run_tag_event}"),
    edit("run_tag_events", "actor", where: "id = {run_tag_event}", "run_tag_event:{run_tag_event}"),
    edit(
      "experiment_tag_events", "value", where: "id = {experiment_tag_event}",
      "experiment_tag_event:{experiment_tag_event}"),
    edit("mlflow_files", "digest", where: "id = {file}", "mlflow_file:{file}"),
    edit("mlflow_files", "size_bytes", where: "id = {file}", "mlflow_file:{file}", text: false),
    edit("mlflow_files", "path", where: "id = {file}", "mlflow_file:{file}"),
    edit("logged_models", "params", to: #"'{"lr":"9"}'"#, where: "TRUE", "logged_model:{logged_model}"),
    edit("logged_models", "name", where: "TRUE", "logged_model:{logged_model}"),
    edit("logged_models", "model_type", where: "TRUE", "logged_model:{logged_model}"),
    edit(
      "logged_model_finalizations", "status", to: "'LOGGED_MODEL_UPLOAD_FAILED'", where: "TRUE",
      "logged_model:{logged_model}"),
    edit(
      "logged_model_finalizations", "artifact_id", to: "NULL", where: "TRUE", "logged_model:{logged_model}",
      "artifact is null"),
    edit(
      "logged_model_tag_events", "value", where: "id = {lm_tag_event}",
      "logged_model_tag_event:{lm_tag_event}"),
    edit(
      "run_logged_model_outputs", "step", where: "TRUE", "logged_model_output:run:{ml_run} {logged_model}",
      text: false),
    edit(
      "run_input_tags", "value", to: "'eval'", where: "run_id = \(mlRun)",
      "run_input_tag:run:{ml_run} dataset:iris@1 mlflow.data.context"),
    edit(
      "model_metadata_events", "value", where: "id = {metadata_event}",
      "model_metadata_event:{metadata_event}"),
    edit(
      "model_version_sources", "source", where: "model_version_id = \(mlVersion)",
      "model_version_source:model:mlmodel@1"),
    edit(
      "model_version_sources", "run_link", where: "model_version_id = \(mlVersion)",
      "model_version_source:model:mlmodel@1"),
    edit(
      "ol_events", "body", to: "CAST(replace(body, 'clean_tx', 'dirty_tx') AS BLOB)",
      onPostgres: "convert_to(replace(convert_from(body, 'UTF8'), 'clean_tx', 'dirty_tx'), 'UTF8')",
      where: "TRUE",
      "openlineage_event:{ol_event}", "its stored body no longer hashes"),
  ]

  static let mlflowAdditions: [Tampering] = [
    Tampering(
      name: "add a run tag event", table: "run_tag_events",
      sql: """
        INSERT INTO run_tag_events(run_id, key, value, previous, actor, at)
        VALUES (\(mlRun), 'stage', 'c', 'b', 'mallory', 0)
        """, finding: "run_tag_event:{next_run_tag_event}: no audit entry records it"),
    Tampering(
      name: "add an uploaded file", table: "mlflow_files",
      sql: """
        INSERT INTO mlflow_files(path, digest, size_bytes, created_at, created_by)
        VALUES ('x/y', 'sha256:' || 'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd', 1, 0, 'mallory')
        """, finding: "mlflow_file:{next_file}: no audit entry records it"),
    Tampering(
      name: "add a dataset input tag", table: "run_input_tags",
      sql: """
        INSERT INTO run_input_tags(run_id, dataset_version_id, key, value)
        SELECT \(mlRun), dataset_version_id, 'forged', 'yes' FROM run_input_tags
        """, finding: "run_input_tag:run:{ml_run} dataset:iris@1 forged: no audit entry records it"),
  ]

  static let mlflowRemovals: [Tampering] = [
    removal(
      "logged_model_finalizations", where: "TRUE", "logged_model:{logged_model}: status",
      "a logged model's finalization"),
    removal(
      "model_version_sources", where: "TRUE", "model_version_source:model:mlmodel@1: audit entry",
      "a model version's source"),
    removal(
      "run_logged_model_outputs", where: "TRUE",
      "logged_model_output:run:{ml_run} {logged_model}: audit entry",
      "a run's logged model output"),
    removal(
      "model_metadata_events", where: "id = {metadata_event}",
      "model_metadata_event:{metadata_event}: audit entry", "a registered model's description"),
  ]
}
