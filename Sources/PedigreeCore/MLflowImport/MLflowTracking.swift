/// What an MLflow tracking database holds, as `pedigree import mlflow` reads it: MLflow's own
/// shapes (ids, millisecond times, status names), before any mapping to Pedigree's concepts.
public enum MLflowTracking {
  /// An experiment (`experiments`).
  public struct Experiment: Equatable, Sendable {
    /// MLflow's id, an integer rendered as a string (`"0"` is `Default`).
    public var id: String
    public var name: String
    /// Where its runs' artifacts live (a path, `file://…`, `mlflow-artifacts:/…`, `s3://…`).
    public var artifactLocation: String?
    /// `active` or `deleted`.
    public var lifecycleStage: String

    public init(id: String, name: String, artifactLocation: String?, lifecycleStage: String) {
      self.id = id
      self.name = name
      self.artifactLocation = artifactLocation
      self.lifecycleStage = lifecycleStage
    }
  }

  /// A run with everything logged to it (`runs`, `params`, `tags`, `metrics`, `inputs`).
  public struct Run: Equatable, Sendable {
    /// The 32-hex run id (`run_uuid`).
    public var id: String
    public var experimentID: String
    public var name: String?
    /// MLflow's status name: `RUNNING`, `SCHEDULED`, `FINISHED`, `FAILED`, `KILLED`.
    public var status: String
    /// Epoch milliseconds.
    public var startTime: Int64?
    public var endTime: Int64?
    public var artifactURI: String?
    /// `active` or `deleted`.
    public var lifecycleStage: String
    public var params: [KeyValue] = []
    public var tags: [KeyValue] = []
    /// The full history, NaN and ±Infinity restored (MLflow stores NaN as `is_nan` and clamps
    /// ±Infinity to ±1.7976931348623157e308), ordered by key, step, timestamp, value.
    public var metrics: [MetricPoint] = []
    public var inputs: [DatasetInput] = []

    public init(
      id: String, experimentID: String, name: String?, status: String, startTime: Int64?,
      endTime: Int64?, artifactURI: String?, lifecycleStage: String
    ) {
      self.id = id
      self.experimentID = experimentID
      self.name = name
      self.status = status
      self.startTime = startTime
      self.endTime = endTime
      self.artifactURI = artifactURI
      self.lifecycleStage = lifecycleStage
    }
  }

  /// A dataset logged as a run's input (`datasets` joined through `inputs`), with its input tags.
  public struct DatasetInput: Equatable, Sendable {
    public var name: String
    /// MLflow's digest as stored (8 hex digits of an md5 for MLflow's own dataset classes).
    public var digest: String
    public var sourceType: String
    /// JSON text (`{"uri": …}`, `{"url": …}`, …), kept verbatim.
    public var source: String
    public var schema: String?
    public var profile: String?
    /// The `mlflow.data.context` input tag (`training`, `eval`…).
    public var context: String?

    public init(
      name: String, digest: String, sourceType: String, source: String, schema: String?,
      profile: String?, context: String?
    ) {
      self.name = name
      self.digest = digest
      self.sourceType = sourceType
      self.source = source
      self.schema = schema
      self.profile = profile
      self.context = context
    }
  }

  /// A registered model (`registered_models`, `registered_model_tags`).
  public struct RegisteredModel: Equatable, Sendable {
    public var name: String
    public var createdAt: Int64?
    /// MLflow's last update of the model (an alias set, a version added): when imported aliases
    /// are stamped.
    public var updatedAt: Int64?
    public var description: String?
    public var tags: [KeyValue]

    public init(name: String, createdAt: Int64?, updatedAt: Int64?, description: String?, tags: [KeyValue]) {
      self.name = name
      self.createdAt = createdAt
      self.updatedAt = updatedAt
      self.description = description
      self.tags = tags
    }
  }

  /// A model version (`model_versions`, `model_version_tags`).
  public struct ModelVersion: Equatable, Sendable {
    public var model: String
    public var version: Int
    public var createdAt: Int64?
    public var description: String?
    /// Where the model files are: `storage_location` when MLflow resolved one, else `source`.
    public var source: String?
    public var runID: String?
    public var tags: [KeyValue]

    public init(
      model: String, version: Int, createdAt: Int64?, description: String?, source: String?,
      runID: String?, tags: [KeyValue]
    ) {
      self.model = model
      self.version = version
      self.createdAt = createdAt
      self.description = description
      self.source = source
      self.runID = runID
      self.tags = tags
    }
  }

  /// A current alias (`registered_model_aliases`).
  public struct Alias: Equatable, Sendable {
    public var model: String
    public var alias: String
    public var version: Int

    public init(model: String, alias: String, version: Int) {
      self.model = model
      self.alias = alias
      self.version = version
    }
  }
}

/// A readable MLflow tracking database: PedigreeSQLite's `MLflowDatabase` reads MLflow's SQLite
/// file; the importer sees only this.
public protocol MLflowTrackingSource {
  /// The alembic revision of the schema (`alembic_version`).
  var revision: String { get }
  func experiments() throws(PedigreeError) -> [MLflowTracking.Experiment]
  /// How many runs and metric points there are, for progress.
  func counts() throws(PedigreeError) -> (runs: Int, points: Int)
  /// Calls `body` with each run, whole, in run id order; only one run's history is in memory at
  /// a time.
  func forEachRun(_ body: (MLflowTracking.Run) throws(PedigreeError) -> Void) throws(PedigreeError)
  /// The names of every dataset logged, so name clashes are found before any is imported.
  func datasetNames() throws(PedigreeError) -> [String]
  func registeredModels() throws(PedigreeError) -> [MLflowTracking.RegisteredModel]
  /// Every model version, by model then version.
  func modelVersions() throws(PedigreeError) -> [MLflowTracking.ModelVersion]
  func aliases() throws(PedigreeError) -> [MLflowTracking.Alias]
}
