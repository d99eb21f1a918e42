import PedigreeCore
import PedigreeQuery

/// What `run record` saw of its lines as they were recorded. The output has one shape whatever
/// the number of lines: in text, one stdout line per recorded run as it is recorded (its id, then
/// the version it registered, if any); with `--json`, one document listing the runs and the
/// failures. Each failure is also reported on stderr as it happens, named by its line.
struct RecordedLines {
  let json: Bool
  private(set) var firstFailure: PedigreeError?
  private(set) var lastRecord: RecordResult?
  private var report = RecordReport()

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
      }
    case .failure(let error):
      firstFailure = firstFailure ?? error
      Output.error("line \(line): \(error.message)", hint: error.remedy?.commandLineHint ?? error.hint)
    }
    if json { report.add(line, result) }
  }

  /// The `--json` document (`RecordReport`'s).
  func document(_ summary: RecordSummary) -> JSONValue { report.document(summary) }

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

extension RecordResult {
  /// `recorded run … and registered fraud@2 → fraud@staging`, when the record registered a model.
  var registrationNote: String? {
    modelVersion.map { version in
      "recorded run \(run.uuid) and \(version.changed ? "registered" : "found") \(version.value.ref)"
        + (aliasMove.map { " → \($0.model)@\($0.alias)" } ?? "")
    }
  }
}
