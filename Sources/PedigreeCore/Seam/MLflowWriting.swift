/// The writes MLflow's REST API needs beyond Pedigree's own (see `RegistryWriting`). The same
/// rules hold: one transaction, one audit entry carrying every fact written, nothing written by
/// a call that changes nothing. Who the client claims to be (MLflow's `user_id`, `mlflow.user`)
/// travels in the author's `claimedActor`, kept in the audit details, never as the actor.
public protocol MLflowWriting {
  /// Creates an experiment; `changed: false` when one with that name exists (nothing written).
  func createExperiment(name: String, tags: [KeyValue]) throws(PedigreeError)
    -> Outcome<MLflowExperiment>

  /// Sets a tag of an experiment by MLflow id; the value it has is no change.
  func setExperimentTag(experimentID: String, key: String, value: String) throws(PedigreeError)
    -> Outcome<MLflowExperiment>

  /// Starts a run in an experiment by MLflow id.
  func startRun(experimentID: String, _ start: RunStart)
    throws(PedigreeError) -> RunHandle

  /// Logs params, metric points and tags to a run in one write. Params are immutable; tags
  /// overwrite (each change kept as a tag event, old → new in the audit entry); points already
  /// recorded are skipped.
  func logBatch(_ run: Ref, params: [KeyValue], metrics: [MetricPoint], tags: [KeyValue])
    throws(PedigreeError) -> Outcome<NodeRef>

  /// Deletes a run tag (kept as a tag event with no value); `.notFound` when the run has none.
  func deleteRunTag(_ run: Ref, key: String) throws(PedigreeError) -> Outcome<NodeRef>

  /// Links MLflow dataset inputs to a run: each a dataset version found by (name, digest) or
  /// registered, with the input's tags. A dataset already linked with its tags is no change.
  func logInputs(_ run: Ref, datasets: [MLflowDatasetInput]) throws(PedigreeError) -> Outcome<NodeRef>

  /// Records a file uploaded under the artifact root. The same bytes at the same path again is
  /// no change; other bytes supersede the earlier content (kept for audit). A file under a run's
  /// `artifacts/` directory is also an artifact output by that run.
  func recordFile(path: String, digest: String, sizeBytes: Int64) throws(PedigreeError)
    -> Outcome<MLflowFile>

  /// Creates a pending logged model (`m-<32 hex>`).
  func createLoggedModel(_ input: LoggedModelInput) throws(PedigreeError)
    -> LoggedModel

  /// Finalizes a logged model, once: `READY` digests its directory (the manifest of its files)
  /// into an artifact output by its source run. The same status again is no change.
  func finalizeLoggedModel(id: String, status: LoggedModelStatus) throws(PedigreeError)
    -> Outcome<LoggedModel>

  /// Sets tags of a logged model (values it has already are no change).
  func tagLoggedModel(id: String, tags: [KeyValue]) throws(PedigreeError) -> Outcome<LoggedModel>

  /// Records that a run output these logged models (`runs/outputs`).
  func logModelOutputs(_ run: Ref, models: [(modelID: String, step: Int64)]) throws(PedigreeError)
    -> Outcome<NodeRef>

  /// Creates a registered model (no versions yet); `changed: false` when it exists.
  func createRegisteredModel(name: String, description: String?, tags: [KeyValue])
    throws(PedigreeError) -> Outcome<RegisteredModelInfo>

  /// Changes a registered model's description (`nil` leaves it, empty clears it) and tags; a
  /// call changing nothing writes nothing. Deleting a tag the model does not have is `.notFound`.
  func updateRegisteredModel(name: String, description: String?, setTags: [KeyValue], deleteTags: [String])
    throws(PedigreeError) -> Outcome<RegisteredModelInfo>

  /// Registers a version from MLflow's `source` (a logged model, a directory or file of the
  /// artifact proxy, or an external URI). The digest the model already has returns that
  /// version (`changed: false`).
  func createModelVersion(_ input: MLflowVersionInput) throws(PedigreeError) -> Outcome<ModelVersion>
}
