/// A registered dataset version.
public struct DatasetVersion: Equatable, Sendable {
  public let id: Int64
  public let name: String
  public let version: Int
  public let uri: String
  public let digest: String?
  public let sizeBytes: Int64?
  public let rowCount: Int64?
  /// `NAME@N`.
  public var ref: String { "\(name)@\(version)" }
  public init(
    id: Int64, name: String, version: Int, uri: String, digest: String?, sizeBytes: Int64?, rowCount: Int64?
  ) {
    self.id = id
    self.name = name
    self.version = version
    self.uri = uri
    self.digest = digest
    self.sizeBytes = sizeBytes
    self.rowCount = rowCount
  }
}

/// A started or recorded run.
public struct RunHandle: Equatable, Sendable {
  /// The node id.
  public let id: Int64
  /// The 32-hex-digit run id users see.
  public let uuid: String
  public init(id: Int64, uuid: String) {
    self.id = id
    self.uuid = uuid
  }
}

/// A registered model version.
public struct ModelVersion: Equatable, Sendable {
  public let id: Int64
  public let model: String
  public let version: Int
  public let runUUID: String
  public let artifactID: Int64?
  public let digest: String?
  public let sizeBytes: Int64?
  /// `NAME@N`.
  public var ref: String { "\(model)@\(version)" }
  public init(
    id: Int64, model: String, version: Int, runUUID: String, artifactID: Int64?, digest: String?,
    sizeBytes: Int64?
  ) {
    self.id = id
    self.model = model
    self.version = version
    self.runUUID = runUUID
    self.artifactID = artifactID
    self.digest = digest
    self.sizeBytes = sizeBytes
  }
}

/// The outcome of a write that may find its work already done (idempotent registrations,
/// a promotion onto the version the alias already has).
public struct Outcome<Value: Sendable>: Sendable {
  public let value: Value
  /// `false` when nothing was written because the registry already held this.
  public let changed: Bool
  public init(value: Value, changed: Bool) {
    self.value = value
    self.changed = changed
  }
}

extension Outcome: Equatable where Value: Equatable {}

/// One move of an alias.
public struct AliasMove: Equatable, Sendable {
  public let model: String
  public let alias: String
  /// The version the alias pointed at before, if any.
  public let from: Int?
  /// The version it points at now; `nil` after a removal.
  public let to: Int?
  public let action: AliasAction
  public init(model: String, alias: String, from: Int?, to: Int?, action: AliasAction) {
    self.model = model
    self.alias = alias
    self.from = from
    self.to = to
    self.action = action
  }
}

/// What one run record wrote.
public struct RecordResult: Equatable, Sendable {
  public let run: RunHandle
  public let paramCount: Int
  public let metricPointCount: Int
  public let inputCount: Int
  public let outputCount: Int
  /// The model version the record registered, when it had a `register` section.
  public let modelVersion: Outcome<ModelVersion>?
  /// The alias move the registration made, if any.
  public let aliasMove: AliasMove?
  /// `false` when the registry already held this record (a retry): nothing was written.
  public let changed: Bool
  /// The dataset versions the run produced, as typed refs (`dataset:NAME@N`).
  public let datasetsProduced: [String]
  public init(
    run: RunHandle, paramCount: Int, metricPointCount: Int, inputCount: Int, outputCount: Int,
    modelVersion: Outcome<ModelVersion>?, aliasMove: AliasMove?, changed: Bool = true,
    datasetsProduced: [String] = []
  ) {
    self.changed = changed
    self.datasetsProduced = datasetsProduced
    self.run = run
    self.paramCount = paramCount
    self.metricPointCount = metricPointCount
    self.inputCount = inputCount
    self.outputCount = outputCount
    self.modelVersion = modelVersion
    self.aliasMove = aliasMove
  }
}

/// Counts of a JSON Lines import.
public struct RecordSummary: Equatable, Sendable {
  public init() {}

  /// Records written (new runs).
  public var written = 0
  /// Records the registry already held (retries): nothing written.
  public var unchanged = 0
  public var failed = 0
  public var metricPoints = 0
  /// The line numbers of the failed records, in order.
  public var failedLines: [Int] = []

  /// Counts one record's result.
  public mutating func count(_ result: Result<RecordResult, PedigreeError>, line: Int) {
    switch result {
    case .success(let record) where !record.changed:
      unchanged += 1
    case .success(let record):
      written += 1
      metricPoints += record.metricPointCount
    case .failure:
      failed += 1
      failedLines.append(line)
    }
  }
}
