import PedigreeCore

extension Queries {
  /// Every experiment by name, with its run count and last activity.
  public func experimentList() throws(PedigreeError) -> [ExperimentSummary] {
    try read { try reader.experimentList() }
  }
}

extension ExperimentSummary {
  /// The experiments as a table: name, runs, last activity.
  public static func table(_ experiments: [ExperimentSummary]) -> TextTable {
    TextTable(
      ["EXPERIMENT", "RUNS", "LAST ACTIVITY"],
      rows: experiments.map { [$0.name, String($0.runCount), $0.lastActivity.iso8601] },
      alignments: [.left, .right])
  }
}
