import Hummingbird
import PedigreeCore
import PedigreeQuery

extension MLflowAPI {
  /// Experiments, runs, params, metrics, tags and histories (MLFLOW.md §a, tracking).
  func addTrackingRoutes() {
    addExperimentRoutes()
    on(.post, "runs/create", .writer) { message, context in
      let (start, experimentID, claimed) = try MLflowRunStart.parse(message)
      let handle = try await write(context, claimed: claimed) { writer in
        try writer.startRun(experimentID: experimentID, start)
      }
      return .object(["run": try await read { try MLflowDocuments.run($0, id: handle.id) }])
    }
    on(.post, "runs/update", .writer) { message, context in
      let id = try message.runID()
      let status = try message.string("status") ?? "RUNNING"
      let endTime = try message.int64("end_time").map(Timestamp.init(milliseconds:))
      if let ended = RunStatus(rawValue: status.lowercased()), ended != .running {
        _ = try await write(context) { try $0.endRun(.run(id), status: ended, at: endTime) }
      } else if !["RUNNING", "SCHEDULED"].contains(status) {
        throw MLflowError.invalid("invalid status '\(status.prefix(40))'")
      }
      return try await read { reader in
        let node = try MLflowAPI.runNode(reader, id)
        let tags = try reader.tags(runID: node).map { KeyValue($0.key, $0.value) }
        return .object([
          "run_info": try MLflowDocuments.runInfo(reader, try reader.runSummary(id: node), tags: tags)
        ])
      }
    }
    on(.get, "runs/get", .reader) { message, _ in
      let id = try message.runID()
      return try await read {
        .object(["run": try MLflowDocuments.run($0, id: try MLflowAPI.runNode($0, id))])
      }
    }
    on(.post, "runs/search", .reader) { message, _ in try await searchRuns(message) }
    on(.post, "runs/log-parameter", .writer) { message, context in
      let param = KeyValue(try message.required("key"), try message.string("value") ?? "")
      return try await logBatch(message, context, params: [param])
    }
    on(.post, "runs/log-metric", .writer) { message, context in
      try await logBatch(message, context, metrics: [try MLflowAPI.point(message)])
    }
    on(.post, "runs/set-tag", .writer) { message, context in
      let tag = KeyValue(try message.required("key"), try message.string("value") ?? "")
      return try await logBatch(message, context, tags: [tag])
    }
    on(.post, "runs/log-batch", .writer) { message, context in
      let metrics = try message.messages("metrics").map(MLflowAPI.point)
      let params = try message.keyValues("params")
      let tags = try message.keyValues("tags")
      for (what, count, limit) in [
        ("metrics", metrics.count, 1000), ("params", params.count, 100), ("tags", tags.count, 100),
      ]
      where count > limit {
        throw MLflowError.invalid(
          "A batch logging request can contain at most \(limit) \(what); got \(count)")
      }
      return try await logBatch(message, context, params: params, metrics: metrics, tags: tags)
    }
    on(.post, "runs/log-inputs", .writer) { message, context in
      let id = try message.runID()
      let datasets = try message.messages("datasets").map { input in
        guard let dataset = try input.message("dataset") else {
          throw MLflowError.invalid("a dataset input needs its 'dataset'")
        }
        return MLflowDatasetInput(
          name: try dataset.string("name").flatMap { $0.isEmpty ? nil : $0 } ?? "dataset",
          digest: try dataset.required("digest"), sourceType: try dataset.string("source_type") ?? "external",
          source: try dataset.string("source") ?? "{}", schema: try dataset.string("schema"),
          profile: try dataset.string("profile"), tags: try input.keyValues("tags"))
      }
      if !datasets.isEmpty {
        _ = try await write(context) { try $0.logInputs(.run(id), datasets: datasets) }
      }
      return MLflowAPI.empty
    }
    on(.post, "runs/outputs", .writer) { message, context in
      let id = try message.runID()
      let models = try message.messages("models").map { model in
        (modelID: try model.required("model_id"), step: try model.int64("step") ?? 0)
      }
      _ = try await write(context) { try $0.logModelOutputs(.run(id), models: models) }
      return MLflowAPI.empty
    }
    on(.get, "metrics/get-history", .reader) { message, _ in try await metricHistory(message) }
  }

  private func logBatch(
    _ message: MLflowMessage, _ context: ServerContext, params: [KeyValue] = [],
    metrics: [MetricPoint] = [], tags: [KeyValue] = []
  ) async throws -> JSONValue {
    let id = try message.runID()
    _ = try await write(context) { writer in
      try writer.logBatch(.run(id), params: params, metrics: metrics, tags: tags)
    }
    return MLflowAPI.empty
  }

  /// A metric point of `log-metric` or of `log-batch`'s `metrics`.
  static func point(_ message: MLflowMessage) throws -> MetricPoint {
    guard let value = try message.double("value") else {
      throw MLflowError.invalid("Missing value for required parameter 'value'")
    }
    return MetricPoint(
      key: try message.required("key"), value: value, step: try message.int64("step") ?? 0,
      timestamp: try message.int64("timestamp").map(Timestamp.init(milliseconds:)) ?? .now())
  }

  private func searchRuns(_ message: MLflowMessage) async throws -> JSONValue {
    let experimentIDs = try message.strings("experiment_ids")
    let maxResults = Int(try message.int64("max_results") ?? 1000)
    guard (1...50_000).contains(maxResults) else {
      throw MLflowError.invalid("max_results must be between 1 and 50000")
    }
    let offset = try PageToken.offset(try message.string("page_token"))
    let filterText = try message.string("filter") ?? ""
    let order = try MLflowSearch.runOrder(try message.strings("order_by"))
    if try message.string("run_view_type") == "DELETED_ONLY" { return MLflowAPI.empty }
    return try await read { reader in
      let names = try experimentIDs.compactMap { try reader.mlflowExperiment(id: $0)?.name }
      if names.isEmpty { return MLflowAPI.empty }
      let filter = try RunFilter.parse(MLflowSearch.runFilter(filterText, experiments: names))
      let hits = try reader.searchRuns(filter: filter, orderBy: order, limit: offset + maxResults + 1)
      let (page, next) = PageToken.page(hits.runs, offset: offset, limit: maxResults)
      let runs = try page.map { try MLflowDocuments.run(reader, id: try MLflowAPI.runNode(reader, $0.runID)) }
      return MLflowDocuments.object([
        ("runs", runs.isEmpty ? nil : .array(runs)), ("next_page_token", next.map(JSONValue.string)),
      ])
    }
  }

  private func metricHistory(_ message: MLflowMessage) async throws -> JSONValue {
    let id = try message.runID()
    let key = try message.required("metric_key")
    let maxResults = Int(try message.int64("max_results") ?? 25_000)
    guard (1...100_000).contains(maxResults) else {
      throw MLflowError.invalid("max_results must be between 1 and 100000")
    }
    let offset = try PageToken.offset(try message.string("page_token"))
    return try await read { reader in
      let node = try MLflowAPI.runNode(reader, id)
      var points: [JSONValue] = []
      var seen = 0
      try reader.forEachMetricPoint(runID: node, key: key) { point in
        defer { seen += 1 }
        guard seen >= offset, points.count <= maxResults else { return }
        points.append(
          MLflowDocuments.metric(key: key, value: point.value, timestamp: point.timestamp, step: point.step))
      }
      let (page, next) = PageToken.page(points, offset: 0, limit: maxResults)
      return MLflowDocuments.object([
        ("metrics", page.isEmpty ? nil : .array(page)),
        ("next_page_token", next.map { _ in .string(PageToken.token(offset: offset + maxResults)) }),
      ])
    }
  }
}

/// `runs/create`'s request as a `RunStart`: name, start time, tags (all kept), the code version
/// from MLflow's `mlflow.source.*` tags, and the claimed user.
enum MLflowRunStart {
  static func parse(_ message: MLflowMessage) throws -> (RunStart, String, String?) {
    var tags = try message.keyValues("tags")
    func tag(_ key: String) -> String? { tags.first { $0.key == key }?.value }
    let name =
      try message.string("run_name").flatMap { $0.isEmpty ? nil : $0 } ?? tag("mlflow.runName")
      ?? "run-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
    if tag("mlflow.runName") == nil { tags.append(KeyValue("mlflow.runName", name)) }
    let start = RunStart(
      name: name, startedAt: try message.int64("start_time").map(Timestamp.init(milliseconds:)),
      code: CodeVersion(
        gitCommit: tag("mlflow.source.git.commit"), repo: tag("mlflow.source.git.repoURL"),
        entryPoint: tag("mlflow.source.name")),
      tags: tags)
    let claimed = try message.string("user_id").flatMap { $0.isEmpty ? nil : $0 } ?? tag("mlflow.user")
    return (start, try message.string("experiment_id") ?? "0", claimed)
  }
}
