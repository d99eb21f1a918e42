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

  public init(
    runID: String, experiment: String, name: String?, status: String, startedAt: Timestamp,
    endedAt: Timestamp?, actor: String, gitCommit: String?, metrics: [String: Double] = [:],
    params: [String: String] = [:], tags: [String: String] = [:]
  ) {
    self.runID = runID
    self.experiment = experiment
    self.name = name
    self.status = status
    self.startedAt = startedAt
    self.endedAt = endedAt
    self.actor = actor
    self.gitCommit = gitCommit
    self.metrics = metrics
    self.params = params
    self.tags = tags
  }
}

/// What `searchRuns` returns: the runs in order, and the keys the filter and order named, in
/// order of first appearance (the extra columns of a table).
public struct RunSearchResult: Equatable, Sendable {
  public var runs: [RunSearchHit]
  public var metricKeys: [String]
  public var paramKeys: [String]
  public var tagKeys: [String]

  public init(runs: [RunSearchHit], metricKeys: [String], paramKeys: [String], tagKeys: [String]) {
    self.runs = runs
    self.metricKeys = metricKeys
    self.paramKeys = paramKeys
    self.tagKeys = tagKeys
  }

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
      "started_at": .string(startedAt.iso8601Milliseconds),
      "ended_at": .optional(endedAt?.iso8601Milliseconds),
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

extension RunSearchResult {
  /// An empty result whose key lists are the keys `fields` name, each once.
  package init(fields: [SearchField]) {
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
