/// The run reads of a backend (see `RegistryReading`).
public protocol RunReading {
  /// The run with this node id.
  ///
  /// - Throws: `.notFound` when there is no such run.
  func runSummary(id: Int64) throws(PedigreeError) -> RunSummary

  /// The most recent runs first (by start time, then id), of one experiment when given.
  ///
  /// - Parameter limit: at most this many.
  func runList(experiment: String?, limit: Int) throws(PedigreeError) -> [RunSummary]

  /// A run's params, by key.
  func params(runID: Int64) throws(PedigreeError) -> [(key: String, value: String)]

  /// A run's tags, by key.
  func tags(runID: Int64) throws(PedigreeError) -> [(key: String, value: String)]

  /// A run's latest point of each metric, by key (a value stored as NULL is NaN).
  func latestMetrics(runID: Int64) throws(PedigreeError) -> [LatestMetric]
}
