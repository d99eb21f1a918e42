/// An experiment as MLflow sees it: a stable integer id (the experiment named `Default` answers
/// as `"0"`), a name, its tags and times.
public struct MLflowExperiment: Equatable, Sendable {
  /// The row id (`experiments.id`); `nil` for `Default` before any run was logged into it.
  public let rowID: Int64?
  /// The name.
  public let name: String
  /// When it was created.
  public let createdAt: Timestamp
  /// When it last changed (a tag, a run started in it).
  public let updatedAt: Timestamp
  /// Its current tags, by key.
  public let tags: [KeyValue]

  public init(
    rowID: Int64?, name: String, createdAt: Timestamp, updatedAt: Timestamp, tags: [KeyValue]
  ) {
    self.rowID = rowID
    self.name = name
    self.createdAt = createdAt
    self.updatedAt = updatedAt
    self.tags = tags
  }

  /// The name of MLflow's default experiment, id `"0"`.
  public static let defaultName = "Default"

  /// MLflow's id: `"0"` for `Default`, else the row id as a decimal string.
  public var mlflowID: String {
    name == Self.defaultName ? "0" : rowID.map(String.init) ?? "0"
  }

  /// The experiment `Default` before anything was written into it.
  public static let placeholderDefault = MLflowExperiment(
    rowID: nil, name: defaultName, createdAt: Timestamp(milliseconds: 0),
    updatedAt: Timestamp(milliseconds: 0), tags: [])
}

/// A file uploaded through MLflow's artifact proxy: its path under the artifact root and the
/// digest and size of its current content.
public struct MLflowFile: Equatable, Sendable {
  /// The path under the artifact root, `<exp>/<run>/artifacts/<relpath>`.
  public let path: String
  /// `sha256:<hex>` of the content.
  public let digest: String
  /// The size in bytes.
  public let sizeBytes: Int64
  /// The artifact node of a run's file; `nil` for a logged model's files.
  public let artifactID: Int64?

  public init(path: String, digest: String, sizeBytes: Int64, artifactID: Int64?) {
    self.path = path
    self.digest = digest
    self.sizeBytes = sizeBytes
    self.artifactID = artifactID
  }
}

/// The status of an MLflow 3 logged model, in MLflow's spelling.
public enum LoggedModelStatus: String, Sendable, CaseIterable {
  case pending = "LOGGED_MODEL_PENDING"
  case ready = "LOGGED_MODEL_READY"
  case uploadFailed = "LOGGED_MODEL_UPLOAD_FAILED"
}

/// An MLflow 3 logged model (`m-<32 hex>`): a model directory a run produced, before (or
/// without) registration.
public struct LoggedModel: Equatable, Sendable {
  /// The row id.
  public let rowID: Int64
  /// `m-<32 hex>`.
  public let modelID: String
  /// The experiment's row id.
  public let experimentRowID: Int64
  /// The experiment's MLflow id.
  public let experimentID: String
  /// Its name (`model` by default).
  public let name: String
  /// The run that logged it, as its 32-hex id.
  public let sourceRunUUID: String?
  /// The flavor's model type, when given.
  public let modelType: String?
  /// The params copied from the run at creation.
  public let params: [KeyValue]
  /// Its current tags.
  public let tags: [KeyValue]
  /// Pending until finalized.
  public let status: LoggedModelStatus
  /// The directory artifact made at finalize.
  public let artifactID: Int64?
  /// When it was created and when it last changed.
  public let createdAt: Timestamp
  public let updatedAt: Timestamp

  public init(
    rowID: Int64, modelID: String, experimentRowID: Int64, experimentID: String, name: String,
    sourceRunUUID: String?, modelType: String?, params: [KeyValue], tags: [KeyValue],
    status: LoggedModelStatus, artifactID: Int64?, createdAt: Timestamp, updatedAt: Timestamp
  ) {
    self.rowID = rowID
    self.modelID = modelID
    self.experimentRowID = experimentRowID
    self.experimentID = experimentID
    self.name = name
    self.sourceRunUUID = sourceRunUUID
    self.modelType = modelType
    self.params = params
    self.tags = tags
    self.status = status
    self.artifactID = artifactID
    self.createdAt = createdAt
    self.updatedAt = updatedAt
  }

  /// The directory its files live in, under the artifact root.
  public var artifactPath: String { "\(experimentID)/models/\(modelID)/artifacts" }
}

/// What a new logged model is created with.
public struct LoggedModelInput: Equatable, Sendable {
  public var experimentID: String
  public var name: String
  public var sourceRun: String?
  public var modelType: String?
  public var params: [KeyValue]
  public var tags: [KeyValue]

  public init(
    experimentID: String, name: String, sourceRun: String?, modelType: String?,
    params: [KeyValue], tags: [KeyValue]
  ) {
    self.experimentID = experimentID
    self.name = name
    self.sourceRun = sourceRun
    self.modelType = modelType
    self.params = params
    self.tags = tags
  }
}

/// A registered model's MLflow metadata: creation, description and tags.
public struct RegisteredModelInfo: Equatable, Sendable {
  public let modelID: Int64
  public let name: String
  public let createdAt: Timestamp
  public let updatedAt: Timestamp
  public let description: String?
  public let tags: [KeyValue]

  public init(
    modelID: Int64, name: String, createdAt: Timestamp, updatedAt: Timestamp,
    description: String?, tags: [KeyValue]
  ) {
    self.modelID = modelID
    self.name = name
    self.createdAt = createdAt
    self.updatedAt = updatedAt
    self.description = description
    self.tags = tags
  }
}

/// What MLflow said when it created a model version.
public struct ModelVersionSource: Equatable, Sendable {
  /// The `source` URI as given (`models:/m-…`, `mlflow-artifacts:/…`, `s3://…`).
  public let source: String
  public let runLink: String?
  /// The logged model registered, `m-<32 hex>`.
  public let loggedModelID: String?

  public init(source: String, runLink: String?, loggedModelID: String?) {
    self.source = source
    self.runLink = runLink
    self.loggedModelID = loggedModelID
  }
}

/// An MLflow `model-versions/create`: the source to register and what to attach.
public struct MLflowVersionInput: Equatable, Sendable {
  public var model: String
  public var source: String
  /// The run, when the client named one.
  public var run: String?
  /// The logged model, from `model_id` or a `models:/m-…` source.
  public var loggedModelID: String?
  public var runLink: String?
  public var description: String?
  public var tags: [KeyValue]

  public init(
    model: String, source: String, run: String?, loggedModelID: String?, runLink: String?,
    description: String?, tags: [KeyValue]
  ) {
    self.model = model
    self.source = source
    self.run = run
    self.loggedModelID = loggedModelID
    self.runLink = runLink
    self.description = description
    self.tags = tags
  }
}

/// A dataset input as MLflow logs it (`runs/log-inputs`): its own 8-hex digest (kept as
/// `mlflow:<hex>`), its source, schema and profile as JSON strings returned byte for byte, and
/// the input's tags (`mlflow.data.context`).
public struct MLflowDatasetInput: Equatable, Sendable {
  public var name: String
  /// The digest as MLflow computed it (hex, without a scheme), or a Pedigree `sha256:` digest.
  public var digest: String
  public var sourceType: String
  public var source: String
  public var schema: String?
  public var profile: String?
  public var tags: [KeyValue]

  public init(
    name: String, digest: String, sourceType: String, source: String, schema: String?,
    profile: String?, tags: [KeyValue]
  ) {
    self.name = name
    self.digest = digest
    self.sourceType = sourceType
    self.source = source
    self.schema = schema
    self.profile = profile
    self.tags = tags
  }

  /// Where the data lives, from the source JSON (`uri`, `url`), else `mlflow-dataset:<type>`.
  public var uri: String {
    if case .object(let object)? = try? JSONValue.parse(source) {
      for key in ["uri", "url", "path"] {
        if case .string(let text)? = object[key], !text.isEmpty { return text }
      }
    }
    return "mlflow-dataset:\(sourceType)"
  }

  /// The row count from the profile's `num_rows`.
  public var rowCount: Int64? {
    guard let profile, case .object(let object)? = try? JSONValue.parse(profile) else { return nil }
    if case .integer(let rows)? = object["num_rows"], rows >= 0 { return rows }
    return nil
  }

  /// The tags its dataset version keeps MLflow's verbatim fields under.
  public static let sourceTypeTag = "mlflow.source_type"
  public static let sourceTag = "mlflow.source"
  public static let profileTag = "mlflow.profile"
}
