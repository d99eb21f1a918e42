/// A key and a string value: a param or a tag.
public struct KeyValue: Equatable, Hashable, Sendable {
  public var key: String
  public var value: String
  public init(_ key: String, _ value: String) {
    self.key = key
    self.value = value
  }
}

/// A dataset version to register.
public struct DatasetInput: Equatable, Sendable {
  public var name: String
  /// Where the data lives (`s3://…`, `file:///…`, a path).
  public var uri: String
  /// `sha256:<hex>` of the content, or a foreign digest kept as given (`mlflow:<hex>`, see
  /// `Digest.normalizedDataset(_:)`). Registering a digest the dataset already has returns the
  /// existing version; without a digest every registration is a new version.
  public var digest: String?
  public var sizeBytes: Int64?
  public var rowCount: Int64?
  /// A free-form description of the schema (JSON recommended).
  public var schema: String?
  public var tags: [KeyValue]

  public init(
    name: String, uri: String, digest: String? = nil, sizeBytes: Int64? = nil,
    rowCount: Int64? = nil, schema: String? = nil, tags: [KeyValue] = []
  ) {
    self.name = name
    self.uri = uri
    self.digest = digest
    self.sizeBytes = sizeBytes
    self.rowCount = rowCount
    self.schema = schema
    self.tags = tags
  }
}

/// A file a run produced.
public struct ArtifactInput: Equatable, Sendable {
  public var name: String
  public var uri: String
  public var digest: String?
  public var sizeBytes: Int64?

  public init(name: String, uri: String, digest: String? = nil, sizeBytes: Int64? = nil) {
    self.name = name
    self.uri = uri
    self.digest = digest
    self.sizeBytes = sizeBytes
  }
}

/// Something a run read: an existing node named by a ref, or a dataset version to register.
public enum RunInput: Equatable, Sendable {
  case ref(Ref)
  case dataset(DatasetInput)
}

/// Something a run produced.
public enum RunOutput: Equatable, Sendable {
  case artifact(ArtifactInput)
  case dataset(DatasetInput)
  /// A dataset version (or artifact) registered before, named by a ref: `dataset:clean@1`.
  case ref(Ref)
}

/// One point of a metric's history. NaN and ±Infinity are kept exactly.
public struct MetricPoint: Equatable, Sendable {
  public var key: String
  public var value: Double
  public var step: Int64
  public var timestamp: Timestamp

  public init(key: String, value: Double, step: Int64 = 0, timestamp: Timestamp = .now()) {
    self.key = key
    self.value = value
    self.step = step
    self.timestamp = timestamp
  }

  public static func == (lhs: MetricPoint, rhs: MetricPoint) -> Bool {
    lhs.key == rhs.key && lhs.step == rhs.step && lhs.timestamp == rhs.timestamp
      && (lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN))
  }
}

/// The code a run executed.
public struct CodeVersion: Hashable, Sendable {
  public var gitCommit: String?
  public var repo: String?
  public var entryPoint: String?

  public init(gitCommit: String? = nil, repo: String? = nil, entryPoint: String? = nil) {
    self.gitCommit = gitCommit
    self.repo = repo
    self.entryPoint = entryPoint
  }
}

/// The life-cycle state of a run.
public enum RunStatus: String, Sendable, CaseIterable {
  case running, finished, failed, killed
}

/// A run to start.
public struct RunStart: Equatable, Sendable {
  public var experiment: String
  public var name: String?
  public var status: RunStatus
  public var startedAt: Timestamp?
  public var endedAt: Timestamp?
  public var code: CodeVersion
  public var params: [KeyValue]
  public var tags: [KeyValue]
  public var inputs: [RunInput]

  public init(
    experiment: String = "default", name: String? = nil, status: RunStatus = .running,
    startedAt: Timestamp? = nil, endedAt: Timestamp? = nil, code: CodeVersion = CodeVersion(),
    params: [KeyValue] = [], tags: [KeyValue] = [], inputs: [RunInput] = []
  ) {
    self.experiment = experiment
    self.name = name
    self.status = status
    self.startedAt = startedAt
    self.endedAt = endedAt
    self.code = code
    self.params = params
    self.tags = tags
    self.inputs = inputs
  }
}

/// What to add to an existing run.
public struct RunLog: Equatable, Sendable {
  public var params: [KeyValue]
  public var metrics: [MetricPoint]
  public var tags: [KeyValue]
  public var inputs: [RunInput]
  public var outputs: [RunOutput]

  public init(
    params: [KeyValue] = [], metrics: [MetricPoint] = [], tags: [KeyValue] = [],
    inputs: [RunInput] = [], outputs: [RunOutput] = []
  ) {
    self.params = params
    self.metrics = metrics
    self.tags = tags
    self.inputs = inputs
    self.outputs = outputs
  }

  public var isEmpty: Bool {
    params.isEmpty && metrics.isEmpty && tags.isEmpty && inputs.isEmpty && outputs.isEmpty
  }
}

/// A model version to register.
public struct ModelRegistration: Equatable, Sendable {
  public var model: String
  /// The run that produced the model.
  public var run: Ref
  public var artifact: ArtifactInput?
  /// An alias to point at the new version (`staging`).
  public var alias: String?
  public var description: String?
  /// Tags of the new version (`--tag k=v`), recorded as its first tag events.
  public var tags: [KeyValue] = []

  public init(
    model: String, run: Ref, artifact: ArtifactInput? = nil, alias: String? = nil,
    description: String? = nil
  ) {
    self.model = model
    self.run = run
    self.artifact = artifact
    self.alias = alias
    self.description = description
  }
}
