import PedigreeCore

/// The `--json` document of `run record` (and of `POST /api/v1/runs/record`), built as records
/// are written: `{runs: [{line, run_id, ref, …, changed}], failed: [{line, error}], written,
/// unchanged, failed_count, metric_points, runs_truncated}`. At most `listed` runs and failures
/// are kept, so memory stays bounded whatever the stream's length.
public struct RecordReport: Sendable {
  /// How many recorded runs and failures the document lists.
  public static let listed = 10_000

  private var runs: [JSONValue] = []
  private var failures: [JSONValue] = []
  /// The first failure, for the exit code or status.
  public private(set) var firstFailure: PedigreeError?

  public init() {}

  /// Takes the result of the record on `line`.
  public mutating func add(_ line: Int, _ result: Result<RecordResult, PedigreeError>) {
    switch result {
    case .success(let record):
      if runs.count < Self.listed {
        runs.append(JSONValue.object(["line": .integer(Int64(line))]).adding(record.json.objectFields))
      }
    case .failure(let error):
      firstFailure = firstFailure ?? error
      if failures.count < Self.listed {
        failures.append(.object(["line": .integer(Int64(line)), "error": .string(error.description)]))
      }
    }
  }

  /// The document, with `summary`'s counts.
  public func document(_ summary: RecordSummary) -> JSONValue {
    .object([
      "runs": .array(runs), "failed": .array(failures),
      "written": .integer(Int64(summary.written)), "unchanged": .integer(Int64(summary.unchanged)),
      "failed_count": .integer(Int64(summary.failed)),
      "metric_points": .integer(Int64(summary.metricPoints)),
      "runs_truncated": .bool(summary.written + summary.unchanged > runs.count),
    ])
  }
}

extension JSONValue {
  /// The fields of an object (none for any other value).
  var objectFields: JSONObject {
    if case .object(let fields) = self { return fields }
    return JSONObject()
  }
}
