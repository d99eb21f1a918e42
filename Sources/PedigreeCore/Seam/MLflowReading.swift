/// The reads MLflow's REST API needs beyond Pedigree's own (see `RegistryReading`): experiments by
/// MLflow id, uploaded files, logged models, registered-model metadata and version sources.
public protocol MLflowReading {
  /// The experiment with MLflow id `id` (`"0"` is `Default`, which always exists), or `nil`.
  func mlflowExperiment(id: String) throws(PedigreeError) -> MLflowExperiment?

  /// The experiment called `name`, or `nil` (`Default` always exists).
  func mlflowExperiment(named name: String) throws(PedigreeError) -> MLflowExperiment?

  /// Every experiment, by row id (`Default` first).
  func mlflowExperiments() throws(PedigreeError) -> [MLflowExperiment]

  /// The current content of the file at `path` under the artifact root, or `nil`.
  func mlflowFile(path: String) throws(PedigreeError) -> MLflowFile?

  /// The current content of every file under the directory `path` (recursively), by path.
  func mlflowFiles(under path: String) throws(PedigreeError) -> [MLflowFile]

  /// The logged model `m-…`, or `nil`.
  func loggedModel(id: String) throws(PedigreeError) -> LoggedModel?

  /// The logged models of these experiments (row ids), optionally of one name, newest first.
  func loggedModels(experiments: [Int64], name: String?, limit: Int) throws(PedigreeError)
    -> [LoggedModel]

  /// The logged models a run output (`runs/outputs`), with their steps.
  func runModelOutputs(runID: Int64) throws(PedigreeError) -> [(modelID: String, step: Int64)]

  /// The dataset versions a run read, as MLflow's dataset inputs, with the input's tags.
  func mlflowDatasetInputs(runID: Int64) throws(PedigreeError) -> [MLflowDatasetInput]

  /// The registered model called `name` with its MLflow metadata, or `nil`.
  func registeredModel(named name: String) throws(PedigreeError) -> RegisteredModelInfo?

  /// The versions of a model (node ids), oldest first.
  func modelVersionIDs(modelID: Int64) throws(PedigreeError) -> [Int64]

  /// What MLflow said when it created the version (node id), or `nil` for a version registered
  /// by Pedigree itself.
  func modelVersionSource(versionID: Int64) throws(PedigreeError) -> ModelVersionSource?
}
