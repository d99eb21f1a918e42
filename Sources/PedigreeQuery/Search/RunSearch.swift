import PedigreeCore
import PedigreeSQLite

/// One run found by `searchRuns`, with the metrics, params and tags that the filter or the order
/// named (so a table can show what the runs were chosen and sorted by).
public struct RunSearchHit: Equatable, Sendable {
  /// The run id (32 hex digits).
  public var runID: String
  public var experiment: String
  public var name: String?
  /// `running`, `finished`, `failed` or `killed`.
  public var status: String
  public var startedAt: Timestamp
  public var endedAt: Timestamp?
  public var actor: String
  public var gitCommit: String?
  /// Latest values of the metrics named by the filter or order that the run has (NaN included).
  public var metrics: [String: Double] = [:]
  /// The params named by the filter or order that the run has.
  public var params: [String: String] = [:]
  /// The tags named by the filter or order that the run has.
  public var tags: [String: String] = [:]
}

/// What `searchRuns` returns: the runs in order, and the keys the filter and order named, in
/// order of first appearance (the extra columns of a table).
public struct RunSearchResult: Equatable, Sendable {
  public var runs: [RunSearchHit]
  public var metricKeys: [String]
  public var paramKeys: [String]
  public var tagKeys: [String]

  /// `--json`: an array with one object per run, snake_case keys, times in ISO 8601, and every
  /// named metric, param and tag (`null` when the run lacks it; NaN and ±Infinity as strings):
  ///
  /// ```json
  /// [{"run_id": "…", "experiment": "fraud", "name": "xgb", "status": "finished",
  ///   "started_at": "2026-11-28T10:00:00Z", "ended_at": null, "actor": "ana",
  ///   "git_commit": "9f2c1e7", "metrics": {"auc": 0.93}, "params": {"lr": "0.01"}, "tags": {}}]
  /// ```
  public var json: JSONValue {
    .array(runs.map { $0.json(metricKeys: metricKeys, paramKeys: paramKeys, tagKeys: tagKeys) })
  }
}

extension RunSearchHit {
  func json(metricKeys: [String], paramKeys: [String], tagKeys: [String]) -> JSONValue {
    let object: JSONObject = [
      "run_id": .string(runID),
      "experiment": .string(experiment),
      "name": .optional(name),
      "status": .string(status),
      "started_at": .string(startedAt.iso8601),
      "ended_at": .optional(endedAt?.iso8601),
      "actor": .string(actor),
      "git_commit": .optional(gitCommit),
      "metrics": .object(
        JSONObject(metricKeys.map { (key: $0, value: metrics[$0].map(JSONValue.metric) ?? .null) })),
      "params": .object(JSONObject(paramKeys.map { (key: $0, value: .optional(params[$0])) })),
      "tags": .object(JSONObject(tagKeys.map { (key: $0, value: .optional(tags[$0])) })),
    ]
    return .object(object)
  }
}

/// Defaults and limits of `run search`.
public enum RunSearch {
  /// How many runs a search returns unless told otherwise (MLflow's UI shows 100 too).
  public static let defaultLimit = 100
}

extension SQLiteRegistry {
  /// Finds runs matching `filter`, sorted by `orderBy`, at most `limit` of them.
  ///
  /// ```swift
  /// let result = try registry.searchRuns(
  ///   filter: try RunFilter.parse("metrics.auc > 0.9 and tags.team = 'risk'"),
  ///   orderBy: try RunOrder.parse("metrics.auc DESC"), limit: 10)
  /// for run in result.runs { print(run.runID, run.metrics["auc"] ?? .nan) }
  /// ```
  ///
  /// - Parameters:
  ///   - filter: default `.all`.
  ///   - orderBy: default `.default`, newest first.
  ///   - limit: at least 1; default `RunSearch.defaultLimit` (100).
  /// - Throws: `.usage` for a limit below 1; the database's errors otherwise.
  public func searchRuns(
    filter: RunFilter = .all, orderBy: RunOrder = .default, limit: Int = RunSearch.defaultLimit
  ) throws(PedigreeError) -> RunSearchResult {
    guard limit >= 1 else {
      throw PedigreeError(.usage, "invalid limit \(limit): it must be at least 1")
    }
    let fields = filter.fields + orderBy.terms.map(\.field)
    let query = RunSearchQuery(filter: filter, order: orderBy, limit: limit).build()
    return try read {
      let rows = try database.prepareUncached(query.sql).bind(query.arguments).map { row in
        (id: row.int64(0), hit: RunSearchHit(row: row))
      }
      var result = RunSearchResult(fields: fields)
      result.runs = try rows.map { try fillValues(of: $0.hit, id: $0.id, keys: result) }
      return result
    }
  }

  /// Adds the named metrics, params and tags of one run: one primary-key lookup each.
  private func fillValues(
    of hit: RunSearchHit, id: Int64, keys: RunSearchResult
  ) throws -> RunSearchHit {
    var hit = hit
    for key in keys.metricKeys {
      let value = try database.queryFirst(
        "SELECT value FROM latest_metrics WHERE run_id = ? AND key = ?", [.integer(id), .text(key)]
      ) { $0.optionalDouble(0) ?? .nan }
      hit.metrics[key] = value
    }
    for key in keys.paramKeys {
      hit.params[key] = try database.scalarString(
        "SELECT value FROM params WHERE run_id = ? AND key = ?", [.integer(id), .text(key)])
    }
    for key in keys.tagKeys {
      hit.tags[key] = try database.scalarString(
        "SELECT value FROM run_tags WHERE run_id = ? AND key = ?", [.integer(id), .text(key)])
    }
    return hit
  }
}

extension RunSearchResult {
  /// An empty result whose key lists are the keys `fields` name, each once.
  init(fields: [SearchField]) {
    func keys(_ select: (SearchField) -> String?) -> [String] {
      var seen = Set<String>()
      return fields.compactMap(select).filter { seen.insert($0).inserted }
    }
    self.init(
      runs: [],
      metricKeys: keys { if case .metric(let key) = $0 { key } else { nil } },
      paramKeys: keys { if case .param(let key) = $0 { key } else { nil } },
      tagKeys: keys { if case .tag(let key) = $0 { key } else { nil } })
  }
}

extension RunSearchHit {
  /// The hit from a row of `RunSearchQuery.columns` (the row id in column 0 is read apart).
  init(row: Row) {
    self.init(
      runID: row.string(1), experiment: row.string(2), name: row.optionalString(3),
      status: row.string(4), startedAt: Timestamp(milliseconds: row.int64(5)),
      endedAt: row.optionalInt64(6).map(Timestamp.init(milliseconds:)), actor: row.string(7),
      gitCommit: row.optionalString(8))
  }
}
