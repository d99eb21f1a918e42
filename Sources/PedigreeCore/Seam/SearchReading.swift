/// The search reads of a backend (see `RegistryReading`).
public protocol SearchReading {
  /// The runs `filter` matches, sorted by `order` (ties: start time, newest first, then run id),
  /// at most `limit` of them, each with the latest values of the metrics and the params and tags
  /// that the filter or the order names; the result's key lists name those keys in order of
  /// first appearance.
  ///
  /// The filter is a parsed value: a backend compiles it into its own query with every key and
  /// literal bound as a parameter, so no filter ever runs SQL of its own.
  ///
  /// - Parameter limit: at least 1 (the caller checks).
  func searchRuns(_ filter: RunFilter, order: RunOrder, limit: Int) throws(PedigreeError) -> RunSearchResult

  /// The model versions `filter` matches, sorted by `order` (ties: creation time, newest first,
  /// then model name and version), at most `limit` of them, each with its aliases, tags and
  /// description now. Compiled like `searchRuns`: every key and literal bound as a parameter.
  ///
  /// - Parameter limit: at least 1 (the caller checks).
  func searchModelVersions(_ filter: ModelVersionFilter, order: ModelVersionOrder, limit: Int)
    throws(PedigreeError) -> [ModelVersionInfo]
}
