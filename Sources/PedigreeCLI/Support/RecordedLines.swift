import PedigreeCore

/// What `run record` saw of its lines as they were recorded. The output has one shape whatever
/// the number of lines: in text, one stdout line per recorded run as it is recorded (its id, then
/// the version it registered, if any); with `--json`, one document listing the runs and the
/// failures. Each failure is also reported on stderr as it happens, named by its line.
struct RecordedLines {
  /// How many recorded runs and failures `--json` lists, so memory stays bounded.
  static let listed = 10_000

  let json: Bool
  private(set) var firstFailure: PedigreeError?
  private(set) var lastRecord: RecordResult?
  private var runs: [JSONValue] = []
  private var failures: [JSONValue] = []

  init(json: Bool) { self.json = json }

  /// Takes the result of the record on `line`.
  mutating func add(_ line: Int, _ result: Result<RecordResult, PedigreeError>) {
    switch result {
    case .success(let record):
      lastRecord = record
      if !json {
        Output.write(
          record.run.uuid + (record.modelVersion.map { " \($0.value.ref)" } ?? "") + "\n",
          to: .standardOutput)
      } else if runs.count < Self.listed {
        runs.append(JSONValue.object(["line": .integer(Int64(line))]).merged(with: record.json))
      }
    case .failure(let error):
      firstFailure = firstFailure ?? error
      Output.error("line \(line): \(error.message)", hint: error.remedy?.commandLineHint ?? error.hint)
      if json && failures.count < Self.listed {
        failures.append(.object(["line": .integer(Int64(line)), "error": .string(error.description)]))
      }
    }
  }

  /// `{runs: [{line, run_id, ref, …, model_version, datasets_produced, changed}], failed: [{line,
  /// error}], written, unchanged, failed_count, metric_points, runs_truncated}`.
  func document(_ summary: RecordSummary) -> JSONValue {
    .object([
      "runs": .array(runs), "failed": .array(failures),
      "written": .integer(Int64(summary.written)), "unchanged": .integer(Int64(summary.unchanged)),
      "failed_count": .integer(Int64(summary.failed)),
      "metric_points": .integer(Int64(summary.metricPoints)),
      "runs_truncated": .bool(summary.written + summary.unchanged > runs.count),
    ])
  }

  /// `recorded 9 of 10 runs (1200 metric points); 1 failed (lines 4)`, with `; 2 already
  /// recorded` for retried records.
  func summaryLine(_ summary: RecordSummary) -> String {
    let total = summary.written + summary.unchanged + summary.failed
    let head =
      "recorded \(summary.written) of \(total) runs (\(summary.metricPoints) metric points)"
      + (summary.unchanged > 0 ? "; \(summary.unchanged) already recorded" : "")
    guard summary.failed > 0 else { return head }
    let lines = summary.failedLines.prefix(20).map(String.init).joined(separator: ", ")
    return head + "; \(summary.failed) failed (lines \(lines)\(summary.failed > 20 ? ", …" : ""))"
  }
}

extension JSONValue {
  /// This object followed by `other`'s fields; other values unchanged.
  func merged(with other: JSONValue) -> JSONValue {
    guard case .object(let fields) = other else { return self }
    return adding(fields)
  }
}

extension RecordResult {
  /// `recorded run … and registered fraud@2 → fraud@staging`, when the record registered a model.
  var registrationNote: String? {
    modelVersion.map { version in
      "recorded run \(run.uuid) and \(version.changed ? "registered" : "found") \(version.value.ref)"
        + (aliasMove.map { " → \($0.model)@\($0.alias)" } ?? "")
    }
  }
}
