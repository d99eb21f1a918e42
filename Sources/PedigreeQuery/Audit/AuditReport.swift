import PedigreeCore

/// A metric of a run: its final value and a summary of its whole history.
public struct MetricSummary: Sendable {
  public let key: String
  /// The latest point (highest step, then latest time); `nil` if only history exists.
  public let final: LatestMetric?
  /// Points logged, and how many of them were NaN.
  public let count: Int
  public let nanCount: Int
  /// Over the points that are not NaN (±Infinity included); `nil` when all were NaN.
  public let min: Double?
  public let max: Double?
  /// The earliest and latest points (by step, then time); NaN when that point was NaN.
  public let first: Double?
  public let last: Double?
}

extension MetricSummary: JSONConvertible {
  public var json: JSONValue {
    .object([
      "key": .string(key), "value": .metric(final?.value), "step": .optional(final?.step),
      "count": .int(count), "nan_count": .int(nanCount), "min": .metric(min), "max": .metric(max),
      "first": .metric(first), "last": .metric(last),
    ])
  }
}

/// One input of the source run, with its own upstream lineage.
public struct AuditInput: Sendable {
  /// The dataset version (or artifact, or model version) the run read.
  public let node: LineageNode
  /// Where that input came from (empty for a dataset registered from outside).
  public let upstream: LineageGraph
}

extension AuditInput: JSONConvertible {
  public var json: JSONValue {
    guard case .object(var object) = node.json else { return node.json }
    object["upstream"] = upstream.nodes(on: .upstream).json
    object["upstream_edges"] = .array(upstream.edges.map { $0.json(in: upstream) })
    return .object(object)
  }
}

/// Everything a reviewer asks about one model version: data, code, params, final metrics,
/// people, alias history, digests.
public struct AuditReport: Sendable {
  /// The version: model, description, created at/by, artifact, digest, deprecation, aliases now.
  public let version: ModelVersionInfo
  public let run: RunSummary
  public let tags: [(key: String, value: String)]
  public let params: [(key: String, value: String)]
  /// Every metric of the source run, by key.
  public let metrics: [MetricSummary]
  public let inputs: [AuditInput]
  /// The alias events that moved an alias onto this version: who promoted it and when.
  public let promotions: [AliasEvent]
  /// Alias events touching this version (onto it or away from it), oldest first.
  public let versionAliasEvents: [AliasEvent]
  /// The model's whole alias history, oldest first.
  public let modelAliasHistory: [AliasEvent]
  /// The audit log entries that concern this version (its registration, every alias move onto
  /// or off it, its deprecation; see `VersionMention`), oldest first.
  public let auditEntries: [AuditEntry]
}

extension Queries {
  /// The audit report of a model version, in one snapshot.
  ///
  /// - Throws: `.usage` when `node` is not a model version.
  public func auditReport(_ node: NodeRef) throws(PedigreeError) -> AuditReport {
    guard node.kind == .modelVersion else {
      throw PedigreeError.usage(
        "\(node.typedRef) is not a model version", hint: "audit reports are about NAME@N or NAME@ALIAS")
    }
    return try read { try auditReport(versionID: node.id) }
  }

  func auditReport(versionID: Int64) throws -> AuditReport {
    let version = try modelVersion(id: versionID)
    let runID = version.runID
    let modelID = try reader.modelID(version.model)
    let history = try aliasEvents(modelID: modelID)
    let touching = history.filter {
      ($0.toVersion == version.version || $0.fromVersion == version.version)
    }
    let inputs = try neighbours(of: runID, upstream: true, relation: .input).map { input in
      AuditInput(
        node: input, upstream: try lineageGraph(of: input.ref.id, direction: .upstream, depth: nil))
    }
    return AuditReport(
      version: version, run: try runSummary(id: runID), tags: try tags(runID: runID),
      params: try params(runID: runID), metrics: try metricSummaries(runID: runID), inputs: inputs,
      promotions: touching.filter { $0.toVersion == version.version }, versionAliasEvents: touching,
      modelAliasHistory: history,
      auditEntries: try reader.auditEntries(
        AuditLogFilter(order: .oldestFirst),
        entity: try entityMatch("model:\(version.name)")))
  }

  /// Final values and history summaries of every metric of a run.
  func metricSummaries(runID: Int64) throws -> [MetricSummary] {
    let finals = Dictionary(
      try latestMetrics(runID: runID).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    let history = try reader.metricHistories(runID: runID)
    var summaries = history.map { row in
      MetricSummary(
        key: row.key, final: finals[row.key], count: row.count, nanCount: row.nanCount, min: row.min,
        max: row.max, first: row.first, last: row.last)
    }
    let known = Set(history.map(\.key))
    for final in finals.values where !known.contains(final.key) {
      summaries.append(
        MetricSummary(
          key: final.key, final: final, count: 0, nanCount: 0, min: nil, max: nil, first: nil, last: nil))
    }
    return summaries.sorted { $0.key < $1.key }
  }
}

extension AuditReport: JSONConvertible {
  public var json: JSONValue {
    .object([
      "model": .string(version.model), "version": .int(version.version), "model_version": version.json,
      "run": run.json, "tags": .pairs(tags), "params": .pairs(params), "metrics": metrics.json,
      "inputs": inputs.json,
      "registered": .object(["at": .time(version.createdAt), "by": .string(version.createdBy)]),
      "promotions": promotions.json, "version_alias_events": versionAliasEvents.json,
      "model_alias_history": modelAliasHistory.json, "deprecation": version.deprecation?.json ?? .null,
      "audit_entries": auditEntries.json,
    ])
  }
}

extension AuditReport {
  /// The report as a document: render with `.text()` for the terminal, `.markdown()` for a review.
  public var document: ReportDocument {
    ReportDocument(
      title: "Audit report: \(version.name)",
      sections: [
        .init("Model version", [.fields(version.fields)]),
        .init("Source run", [.fields(run.fields + [("tags", Format.pairs(tags))])]),
        .init("Params", [.table(TextTable(["KEY", "VALUE"], rows: params.map { [$0.key, $0.value] }))]),
        .init("Final metrics", [.table(metricsTable)]),
        .init("Input data", [.table(inputsTable), .lines(upstreamLines)]),
        .init("People", [.fields(people)]),
        .init("Alias events of this version", [.table(AliasEvent.table(versionAliasEvents))]),
        .init("Alias history of \(version.model)", [.table(AliasEvent.table(modelAliasHistory))]),
        .init("Audit log", [.table(AuditEntry.table(auditEntries))]),
      ])
  }

  private var metricsTable: TextTable {
    TextTable(
      ["KEY", "FINAL", "STEP", "POINTS", "MIN", "MAX", "FIRST", "LAST"],
      rows: metrics.map {
        [
          $0.key, Format.metric($0.final?.value), Format.number($0.final?.step), String($0.count),
          Format.metric($0.min), Format.metric($0.max), Format.metric($0.first), Format.metric($0.last),
        ]
      }, alignments: [.left] + Array(repeating: .right, count: 7))
  }

  private var inputsTable: TextTable {
    TextTable(
      ["INPUT", "KIND", "DIGEST", "URI"],
      rows: inputs.map {
        [
          $0.node.label + ($0.node.deprecated ? " (deprecated)" : ""), $0.node.ref.kind.rawValue,
          Format.text($0.node.digest), Format.text($0.node.uri),
        ]
      })
  }

  private var upstreamLines: [String] {
    inputs.flatMap { input in
      input.upstream.nodes(on: .upstream).map {
        "\(input.node.label) ← \($0.label) (depth \($0.depth))"
          + ($0.attributes.isEmpty ? "" : " [\($0.attributes.joined(separator: ", "))]")
      }
    }
  }

  private var people: [(String, String)] {
    [
      ("registered", "\(version.createdAt.iso8601) by \(version.createdBy)"),
      ("run by", run.actor),
    ]
      + promotions.map {
        (
          "\($0.action == "promote" ? "promoted" : "rolled back") to \($0.alias)",
          "\($0.at.iso8601) by \($0.actor)"
        )
      }
      + [
        (
          "deprecated",
          version.deprecation.map { "\($0.at.iso8601) by \($0.by): \(Format.text($0.reason))" } ?? "no"
        )
      ]
  }
}
