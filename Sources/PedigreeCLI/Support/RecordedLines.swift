import PedigreeCore

/// What `run record` saw of its lines as they were recorded: the first record and the first
/// failure (for a single-record document), and the runs `--json` lists. Each failure is reported
/// on stderr as it happens, named by its line.
struct RecordedLines {
  /// How many recorded runs `--json` lists (with their line numbers), so memory stays bounded.
  static let listedRuns = 10_000

  private(set) var firstRecord: RecordResult?
  private(set) var firstFailure: PedigreeError?
  private(set) var listed: [JSONValue] = []

  /// Takes the result of the record on `line`.
  mutating func add(_ line: Int, _ result: Result<RecordResult, PedigreeError>) {
    switch result {
    case .success(let record):
      firstRecord = firstRecord ?? record
      if listed.count < Self.listedRuns {
        listed.append(
          .object([
            "line": .integer(Int64(line)), "run_id": .string(record.run.uuid),
            "changed": .bool(record.changed),
          ]))
      }
    case .failure(let error):
      firstFailure = firstFailure ?? error
      Output.error("line \(line): \(error.message)", hint: error.hint)
    }
  }

  /// `{written, unchanged, failed, metric_points, failed_lines, runs: [{line, run_id, changed}],
  /// runs_truncated}`; `unchanged` counts the records already held (retries).
  func json(_ summary: RecordSummary) -> JSONValue {
    .object([
      "written": .integer(Int64(summary.written)), "unchanged": .integer(Int64(summary.unchanged)),
      "failed": .integer(Int64(summary.failed)),
      "metric_points": .integer(Int64(summary.metricPoints)),
      "failed_lines": .array(summary.failedLines.map { .integer(Int64($0)) }),
      "runs": .array(listed), "runs_truncated": .bool(summary.written + summary.unchanged > listed.count),
    ])
  }

  /// `recorded 9 of 10 runs (1200 metric points); 1 failed (lines 4)`, with `; 2 already
  /// recorded` for retried records.
  func text(_ summary: RecordSummary) -> String {
    let total = summary.written + summary.unchanged + summary.failed
    let head =
      "recorded \(summary.written) of \(total) runs (\(summary.metricPoints) metric points)"
      + (summary.unchanged > 0 ? "; \(summary.unchanged) already recorded" : "")
    guard summary.failed > 0 else { return head }
    let lines = summary.failedLines.prefix(20).map(String.init).joined(separator: ", ")
    return head + "; \(summary.failed) failed (lines \(lines)\(summary.failed > 20 ? ", …" : ""))"
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
