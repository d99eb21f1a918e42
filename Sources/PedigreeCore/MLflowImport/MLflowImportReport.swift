/// Where the importer puts the bytes of MLflow's artifacts: the registry's content-addressed
/// artifact store (`PedigreeArtifacts.ArtifactStore` in the CLI).
public protocol ArtifactIngesting {
  /// Copies the file at `path` into the store, hashing it while it streams.
  func ingest(fileAt path: String) throws(PedigreeError) -> (digest: String, size: Int64)
  /// Stores `bytes` (a directory's manifest).
  func ingest(bytes: [UInt8]) throws(PedigreeError) -> (digest: String, size: Int64)
}

/// What `pedigree import mlflow` did, per kind of thing: how many it imported, how many the
/// registry already held (a second import finds everything here), and each one it skipped with
/// its MLflow id and the reason.
public struct MLflowImportReport: Sendable, Equatable {
  /// The kinds counted, in report order.
  public static let kinds = [
    "experiments", "runs", "params", "tags", "metric_points", "dataset_inputs", "artifacts",
    "models", "model_versions", "aliases",
  ]

  /// One thing not imported.
  public struct Skipped: Sendable, Equatable {
    public var kind: String
    /// MLflow's id: an experiment id, a run id, `RUN:NAME@DIGEST` of a dataset input, a model
    /// name, `NAME/VERSION` of a model version, `NAME@ALIAS`.
    public var mlflowID: String
    public var reason: String
  }

  public var source: String
  public var revision: String
  public private(set) var imported: [String: Int] = [:]
  public private(set) var alreadyPresent: [String: Int] = [:]
  public private(set) var skipped: [Skipped] = []

  public init(source: String, revision: String) {
    self.source = source
    self.revision = revision
  }

  /// Counts `count` things of `kind`, new or found.
  public mutating func count(_ kind: String, _ count: Int = 1, new: Bool) {
    guard count > 0 else { return }
    if new { imported[kind, default: 0] += count } else { alreadyPresent[kind, default: 0] += count }
  }

  public mutating func skip(_ kind: String, _ mlflowID: String, _ reason: String) {
    skipped.append(Skipped(kind: kind, mlflowID: mlflowID, reason: reason))
  }

  /// Whether this import wrote anything.
  public var changed: Bool { imported.values.contains { $0 > 0 } }
}

extension MLflowImportReport: JSONConvertible {
  /// `{source, mlflow_schema, changed, counts: {KIND: {imported, already_present, skipped}},
  /// skipped: [{kind, mlflow_id, reason}]}`.
  public var json: JSONValue {
    .object([
      "source": .string(source), "mlflow_schema": .string(revision), "changed": .bool(changed),
      "counts": .object(
        JSONObject(
          Self.kinds.map { kind in
            (
              key: kind,
              value: JSONValue.object([
                "imported": .integer(Int64(imported[kind] ?? 0)),
                "already_present": .integer(Int64(alreadyPresent[kind] ?? 0)),
                "skipped": .integer(Int64(skipped.filter { $0.kind == kind }.count)),
              ])
            )
          })),
      "skipped": .array(
        skipped.map {
          .object(["kind": .string($0.kind), "mlflow_id": .string($0.mlflowID), "reason": .string($0.reason)])
        }),
    ])
  }
}
