import PedigreeCore

extension RunSummary {
  /// The runs as a table: id, experiment, name, status, started, actor.
  public static func table(_ runs: [RunSummary]) -> TextTable {
    TextTable(
      ["RUN", "EXPERIMENT", "NAME", "STATUS", "STARTED", "ACTOR"],
      rows: runs.map {
        [
          Format.shortRunID($0.uuid), $0.experiment, Format.text($0.name), $0.status,
          $0.startedAt.iso8601, $0.actor,
        ]
      })
  }
}

extension Queries {
  /// The run with this node id.
  func runSummary(id: Int64) throws -> RunSummary { try reader.runSummary(id: id) }

  /// A run's params, by key.
  func params(runID: Int64) throws -> [(key: String, value: String)] {
    try reader.params(runID: runID)
  }

  /// A run's tags, by key.
  func tags(runID: Int64) throws -> [(key: String, value: String)] { try reader.tags(runID: runID) }

  /// A run's latest metric points, by key (a NULL value is NaN).
  func latestMetrics(runID: Int64) throws -> [LatestMetric] { try reader.latestMetrics(runID: runID) }
}
