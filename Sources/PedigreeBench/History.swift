import Foundation
import PedigreeCore
import PedigreeSQLite

/// A registry holding one run with a long history, for timing `pedigree run metrics` of a whole
/// history as a process (the Budgets' "full metric history").
public enum HistoryRegistry {
  /// The metrics of the run; each has `points / keys` steps.
  public static let keys = 10

  /// Writes a registry at `path` (replaced) with one finished run of `points` points (10 metrics,
  /// one point per step, 100 ms apart) and returns the run's id.
  public static func make(path: String, points: Int = 1_000_000) throws -> String {
    removeRegistry(at: path)
    let author = Author("bench")
    let writer = try SQLiteRegistry.open(path: path, access: .create(by: author)).writing(as: author)
    let steps = max(1, points / keys)
    var metrics: [MetricPoint] = []
    metrics.reserveCapacity(steps * keys)
    for key in 0..<keys {
      for step in 0..<steps {
        metrics.append(
          MetricPoint(
            key: "metric_\(key)", value: sin(Double(step) / 1000 + Double(key)), step: Int64(step),
            timestamp: Timestamp(milliseconds: Workload.epoch.milliseconds + Int64(step) * 100)))
      }
    }
    let result = try writer.record(
      RunDocument(
        start: RunStart(
          experiment: "history", name: "long-history", status: .finished, startedAt: Workload.epoch),
        log: RunLog(metrics: metrics)))
    try writer.registry.checkpoint()
    return result.run.uuid
  }
}
