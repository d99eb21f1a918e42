import PedigreeCore

/// `run show`: a run with its params, latest metrics, tags and lineage neighbours.
public struct RunDetails: Sendable {
  public let run: RunSummary
  public let params: [(key: String, value: String)]
  public let tags: [(key: String, value: String)]
  /// The latest point of each metric, by key.
  public let metrics: [LatestMetric]
  /// What it read: dataset versions, artifacts, model versions.
  public let inputs: [LineageNode]
  /// What it wrote: artifacts and dataset versions.
  public let outputs: [LineageNode]
  /// The model versions registered from it.
  public let modelVersions: [LineageNode]
}

/// A run with its params, tags and latest metrics: the one shape of a run wherever a command lists
/// runs with their contents (`run search`, and `run show` before its lineage).
public struct RunOverview: Sendable {
  public let run: RunSummary
  public let params: [(key: String, value: String)]
  public let tags: [(key: String, value: String)]
  /// The latest point of each metric, by key.
  public let metrics: [LatestMetric]
}

extension RunOverview: JSONConvertible {
  /// The run's attributes, then `params` and `tags` as objects and `metrics` as
  /// `{"KEY": {"value", "step", "timestamp"}}` (PRODUCT.md, "The JSON contract").
  public var json: JSONValue {
    run.json.adding([
      "params": .pairs(params), "tags": .pairs(tags), "metrics": metrics.latestJSON,
      // Kept for scripts written before `metrics` carried the step.
      "metric_steps": .object(JSONObject(metrics.map { (key: $0.key, value: .integer($0.step)) })),
    ])
  }
}

extension Array where Element == LatestMetric {
  /// `{"KEY": {"value", "step", "timestamp"}}`: the contract's one shape for latest metrics.
  public var latestJSON: JSONValue {
    .object(
      JSONObject(
        map { metric in
          (
            key: metric.key,
            value: .object([
              "value": .metric(metric.value), "step": .integer(metric.step),
              "timestamp": .time(metric.timestamp),
            ])
          )
        }))
  }
}

extension RunDetails: JSONConvertible {
  public var json: JSONValue {
    guard
      case .object(var object) = RunOverview(run: run, params: params, tags: tags, metrics: metrics).json
    else { return run.json }
    object["inputs"] = inputs.json
    object["outputs"] = outputs.json
    object["model_versions"] = modelVersions.json
    return .object(object)
  }
}

extension RunDetails {
  /// The human form: the run's fields, then params, metrics, tags and lineage.
  public var document: ReportDocument {
    return ReportDocument(
      title: "run \(run.uuid)",
      sections: [
        .init("Run", [.fields(run.fields)]),
        .init("Params", [.table(TextTable(["KEY", "VALUE"], rows: params.map { [$0.key, $0.value] }))]),
        .init("Metrics", [.table(LatestMetric.table(metrics))]),
        .init("Tags", [.table(TextTable(["KEY", "VALUE"], rows: tags.map { [$0.key, $0.value] }))]),
        .init("Inputs", [.lines(inputs.map(\.line))]),
        .init("Outputs", [.lines((outputs + modelVersions).map(\.line))]),
      ])
  }
}

extension RunSummary {
  /// The run's attributes as `key: value` fields.
  public var fields: [(String, String)] {
    [
      ("run", uuid), ("experiment", experiment), ("name", Format.text(name)), ("status", status),
      ("started", startedAt.iso8601), ("ended", Format.time(endedAt)), ("actor", actor),
      ("git commit", Format.text(code.gitCommit)), ("repo", Format.text(code.repo)),
      ("entry point", Format.text(code.entryPoint)),
    ]
  }
}

extension LatestMetric {
  /// Latest metrics as a table: key, value, step.
  public static func table(_ metrics: [LatestMetric]) -> TextTable {
    TextTable(
      ["KEY", "VALUE", "STEP"], rows: metrics.map { [$0.key, Format.metric($0.value), String($0.step)] },
      alignments: [.left, .right, .right])
  }
}

extension Queries {
  /// Everything about one run, in one snapshot.
  ///
  /// - Throws: `.usage` when `node` is not a run.
  public func runShow(_ node: NodeRef) throws(PedigreeError) -> RunDetails {
    guard node.kind == .run else {
      throw PedigreeError.usage("\(node.typedRef) is not a run", hint: "use run:ID")
    }
    return try read { try runDetails(id: node.id) }
  }

  func runDetails(id: Int64) throws -> RunDetails {
    RunDetails(
      run: try runSummary(id: id), params: try params(runID: id), tags: try tags(runID: id),
      metrics: try latestMetrics(runID: id),
      inputs: try neighbours(of: id, upstream: true, relation: .input),
      outputs: try neighbours(of: id, upstream: false, relation: .output),
      modelVersions: try neighbours(of: id, upstream: false, relation: .sourceRun))
  }

  /// The runs a search found, each with all its params, tags and latest metrics (not only the
  /// keys the filter named), in the search's order and one snapshot.
  public func overviews(of result: RunSearchResult) throws(PedigreeError) -> [RunOverview] {
    try read {
      try result.runs.map { hit in
        let id = try reader.resolve(.run(hit.runID)).id
        return RunOverview(
          run: try runSummary(id: id), params: try params(runID: id), tags: try tags(runID: id),
          metrics: try latestMetrics(runID: id))
      }
    }
  }

  /// The most recent runs first (by start time), optionally of one experiment.
  ///
  /// - Parameter limit: at most this many (default 50).
  public func runList(experiment: String? = nil, limit: Int = 50) throws(PedigreeError) -> [RunSummary] {
    try read { try reader.runList(experiment: experiment, limit: limit) }
  }
}
