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

  /// Every metric with points in the run, by key: point count and step range.
  func metricKeys(runID: Int64) throws(PedigreeError) -> [MetricKeyInfo]

  /// Calls `body` with every point of one metric of the run, in step order, then timestamp
  /// order (then value), one at a time: a million points stream in bounded memory (the server's
  /// charts stream through this too). Values come back exactly: NaN, ±Infinity and -0.0 (which
  /// registries before schema version 5 stored as 0.0) included.
  func forEachMetricPoint(runID: Int64, key: String, _ body: (MetricPoint) -> Void)
    throws(PedigreeError)

  /// One page of a metric's history in the order of `forEachMetricPoint`: at most `limit` points
  /// after the point `after` (the last point of the previous page; `nil` for the first page), for
  /// MLflow's `metrics/get-history` and other paged clients. A page costs the points it returns
  /// plus the chunks it starts in, wherever in the history it is.
  func metricHistoryPage(runID: Int64, key: String, after: MetricPoint?, limit: Int)
    throws(PedigreeError) -> [MetricPoint]

  /// Every experiment by name, with its run count and last activity.
  func experimentList() throws(PedigreeError) -> [ExperimentSummary]
}
