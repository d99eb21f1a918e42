import PedigreeCore

/// Defaults and limits of `run search`.
public enum RunSearch {
  /// How many runs a search returns unless told otherwise (MLflow's UI shows 100 too).
  public static let defaultLimit = 100
}

extension Queries {
  /// Finds runs matching `filter`, sorted by `orderBy`, at most `limit` of them.
  ///
  /// ```swift
  /// let result = try queries.searchRuns(
  ///   filter: try RunFilter.parse("metrics.auc > 0.9 and tags.team = 'risk'"),
  ///   orderBy: try RunOrder.parse("metrics.auc DESC"), limit: 10)
  /// for run in result.runs { print(run.runID, run.metrics["auc"] ?? .nan) }
  /// ```
  ///
  /// - Parameters:
  ///   - filter: default `.all`.
  ///   - orderBy: default `.default`, newest first.
  ///   - limit: at least 1; default `RunSearch.defaultLimit` (100).
  /// - Throws: `.usage` for a limit below 1; the backend's errors otherwise.
  public func searchRuns(
    filter: RunFilter = .all, orderBy: RunOrder = .default, limit: Int = RunSearch.defaultLimit
  ) throws(PedigreeError) -> RunSearchResult {
    guard limit >= 1 else {
      throw PedigreeError(.usage, "invalid limit \(limit): it must be at least 1")
    }
    return try reader.searchRuns(filter, order: orderBy, limit: limit)
  }
}

extension RegistryReading {
  /// Finds runs matching `filter`, sorted by `orderBy`, at most `limit` of them: see
  /// `Queries.searchRuns(filter:orderBy:limit:)`.
  ///
  /// ```swift
  /// let result = try registry.searchRuns(
  ///   filter: try RunFilter.parse("metrics.auc > 0.9 and tags.team = 'risk'"),
  ///   orderBy: try RunOrder.parse("metrics.auc DESC"), limit: 10)
  /// ```
  public func searchRuns(
    filter: RunFilter = .all, orderBy: RunOrder = .default, limit: Int = RunSearch.defaultLimit
  ) throws(PedigreeError) -> RunSearchResult {
    try queries.searchRuns(filter: filter, orderBy: orderBy, limit: limit)
  }
}

extension Queries {
  /// Finds model versions matching `filter` (the model search language, see
  /// `ModelVersionFilter`), sorted by `orderBy`, at most `limit` of them.
  ///
  /// ```swift
  /// let versions = try queries.searchModelVersions(
  ///   filter: try ModelVersionFilter.parse("aliases = 'staging' and run.metrics.auc > 0.9"),
  ///   orderBy: try ModelVersionOrder.parse("run.metrics.auc DESC"), limit: 5)
  /// ```
  ///
  /// - Throws: `.usage` for a limit below 1; the backend's errors otherwise.
  public func searchModelVersions(
    filter: ModelVersionFilter = .all, orderBy: ModelVersionOrder = .default,
    limit: Int = RunSearch.defaultLimit
  ) throws(PedigreeError) -> [ModelVersionInfo] {
    guard limit >= 1 else {
      throw PedigreeError(.usage, "invalid limit \(limit): it must be at least 1")
    }
    return try reader.searchModelVersions(filter, order: orderBy, limit: limit)
  }
}
