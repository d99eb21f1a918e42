import PedigreeCore

/// Everything downstream of a node, and which aliases serve the affected model versions now:
/// the answer to "transactions@3 is bad: what in production is affected?".
public struct ImpactReport: Sendable {
  /// The node asked about.
  public let root: LineageNode
  /// Downstream nodes by kind, each by depth then id.
  public let datasetVersions: [LineageNode]
  public let runs: [LineageNode]
  public let artifacts: [LineageNode]
  /// The affected model versions (the root itself first, when it is one).
  public let modelVersions: [LineageNode]
  /// The aliases pointing at an affected model version now, by model and alias.
  public let servingAliases: [AliasPointer]
  /// Every stretch of time an alias served an affected model version, now and in the past, by
  /// model, version, alias, then start.
  public let servingHistory: [ServingSegment]

  /// Whether anything at all is downstream.
  public var isEmpty: Bool {
    datasetVersions.isEmpty && runs.isEmpty && artifacts.isEmpty
      && modelVersions.allSatisfy { $0.ref.id == root.ref.id }
  }
}

extension Queries {
  /// Everything downstream of `start` (any depth, cycle-safe), in one snapshot.
  public func impact(of start: NodeRef) throws(PedigreeError) -> ImpactReport {
    try read { try impactReport(of: start) }
  }

  /// `impact(of:)` inside a read that is already open.
  func impactReport(of start: NodeRef) throws -> ImpactReport {
    let graph = try lineageGraph(of: start.id, direction: .downstream, depth: nil)
    let downstream = graph.nodes(on: .downstream)
    let of = { (kind: NodeRef.Kind) in downstream.filter { $0.ref.kind == kind } }
    let models = (graph.root.ref.kind == .modelVersion ? [graph.root] : []) + of(.modelVersion)
    var serving: [AliasPointer] = []
    for model in models { serving += try aliases(ofVersion: model.ref.id, at: nil) }
    return ImpactReport(
      root: graph.root, datasetVersions: of(.datasetVersion), runs: of(.run),
      artifacts: of(.artifact), modelVersions: models,
      servingAliases: serving.sorted { ($0.model, $0.alias) < ($1.model, $1.alias) },
      servingHistory: try servingHistory(of: models))
  }

  /// The serving segments of model versions, from their models' alias events.
  func servingHistory(of versions: [LineageNode]) throws -> [ServingSegment] {
    var segments: [ServingSegment] = []
    var eventsByModel: [String: [AliasEvent]] = [:]
    for node in versions {
      guard let model = node.entityName, let version = node.version else { continue }
      if eventsByModel[model] == nil {
        eventsByModel[model] = try aliasEvents(modelID: try reader.modelID(model))
      }
      segments += ServingSegment.segments(
        of: node.ref, model: model, version: version, events: eventsByModel[model] ?? [])
    }
    return segments.sorted {
      ($0.model, $0.version, $0.alias, $0.from) < ($1.model, $1.version, $1.alias, $1.from)
    }
  }
}

extension ImpactReport: JSONConvertible {
  public var json: JSONValue {
    .object([
      "root": root.json, "serving_aliases": servingAliases.json,
      "serving_history": servingHistory.json,
      "model_versions": modelVersions.json, "runs": runs.json, "artifacts": artifacts.json,
      "dataset_versions": datasetVersions.json,
    ])
  }
}

extension ImpactReport {
  /// The report as sections: what serves affected versions now, then each kind of node.
  public var document: ReportDocument {
    let nodeTable = { (nodes: [LineageNode]) in
      TextTable(
        ["NODE", "DEPTH", "DETAILS"],
        rows: nodes.map { [$0.label, String($0.depth), Format.list($0.attributes)] })
    }
    let serving = TextTable(
      ["MODEL", "ALIAS", "VERSION", "SINCE", "BY"],
      rows: servingAliases.map { [$0.model, $0.alias, "v\($0.version)", $0.since.iso8601, $0.actor] })
    return ReportDocument(
      title: "Impact of \(root.label)",
      sections: [
        .init("Summary", [.fields(summary)]),
        .init("Serving now", [.table(serving)]),
        .init("Serving history", [.table(ServingSegment.table(servingHistory))]),
        .init("Model versions", [.table(nodeTable(modelVersions))]),
        .init("Runs", [.table(nodeTable(runs))]),
        .init("Artifacts", [.table(nodeTable(artifacts))]),
        .init("Dataset versions", [.table(nodeTable(datasetVersions))]),
      ])
  }

  private var summary: [(String, String)] {
    [
      ("node", root.label + (root.deprecated ? " (deprecated)" : "")),
      ("model versions", String(modelVersions.count)),
      ("aliases serving them", String(servingAliases.count)),
      ("aliases that served them", String(Set(servingHistory.map { "\($0.model)@\($0.alias)" }).count)),
      ("runs", String(runs.count)),
      ("artifacts", String(artifacts.count)), ("dataset versions", String(datasetVersions.count)),
    ]
  }
}
