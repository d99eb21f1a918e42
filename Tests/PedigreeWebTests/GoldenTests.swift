import Foundation
import PedigreeCore
import PedigreeQuery
import PedigreeTestSupport
import Testing

@testable import PedigreeWeb

/// The deterministic drawings compared byte for byte with committed files. After an intended
/// change, re-record with `PEDIGREE_RECORD_GOLDEN=1 swift test --filter GoldenTests` and look at
/// the new files before committing them.
@Suite struct GoldenTests {
  static let folder = ExternalTools.repositoryRoot + "/Tests/PedigreeWebTests/Golden"
  static let recording = ProcessInfo.processInfo.environment["PEDIGREE_RECORD_GOLDEN"] == "1"

  func check(_ svg: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let path = Self.folder + "/" + name
    #expect(xmlError(svg) == nil, "\(name) is well-formed", sourceLocation: sourceLocation)
    if Self.recording {
      try svg.write(toFile: path, atomically: true, encoding: .utf8)
      return
    }
    let golden = try String(contentsOfFile: path, encoding: .utf8)
    #expect(
      svg == golden,
      "\(name) differs from its golden file; if intended: PEDIGREE_RECORD_GOLDEN=1 swift test --filter GoldenTests",
      sourceLocation: sourceLocation)
  }

  @Test func lineageAndTimelineMatchTheirGoldenFiles() throws {
    let fixture = try WebFixture()
    let queries = fixture.registry.queries
    let node = try fixture.registry.resolve(.model(name: "fraud-detector", selector: .version(3)))
    let graph = try queries.lineage(of: node, direction: .both, depth: nil)
    try check(
      LineageDrawing(graph, link: { Link.lineage($0) }).svg(label: "lineage"), "lineage-fraud-detector-3.svg")
    let dataset = try fixture.registry.resolve(.dataset(name: "transactions", selector: .version(2)))
    let downstream = try queries.lineage(of: dataset, direction: .downstream, depth: nil)
    try check(
      LineageDrawing(downstream, link: { Link.lineage($0) }).svg(label: "impact"),
      "lineage-transactions-2.svg")
    let snapshot = try queries.modelSnapshot("fraud-detector", at: nil)
    let timeline = AliasTimeline(
      events: try queries.aliasHistory(model: "fraud-detector"), start: snapshot.createdAt,
      end: WebFixture.now,
      deprecated: [2])
    try check(timeline.svg(model: "fraud-detector"), "timeline-fraud-detector.svg")
  }

  @Test func aCycleAndAFoldedFanOutMatchTheirGoldenFile() throws {
    func node(_ id: Int64, _ kind: NodeRef.Kind) -> LineageNode {
      LineageNode(
        ref: NodeRef(
          kind: kind, id: id, name: kind == .run ? String(repeating: "\(id % 10)", count: 32) : "d@\(id)"),
        depth: 1, side: .downstream, entityName: kind == .run ? "r\(id)" : "d",
        version: kind == .run ? nil : 1,
        digest: nil, uri: nil, status: kind == .run ? "finished" : nil, experiment: kind == .run ? "e" : nil,
        deprecated: id == 3, aliases: [])
    }
    let nodes =
      [node(1, .datasetVersion), node(2, .run), node(3, .datasetVersion)] + (10..<30).map { node($0, .run) }
    let edges =
      [
        LineageEdge(src: 1, dst: 2, relation: .input), LineageEdge(src: 2, dst: 3, relation: .output),
        LineageEdge(src: 3, dst: 1, relation: .input),
      ]
      + (10..<30).map { LineageEdge(src: 3, dst: $0, relation: .input) }
    let graph = LineageGraph(root: nodes[0], direction: .both, depthLimit: nil, nodes: nodes, edges: edges)
    let drawing = LineageDrawing(graph, link: { "/lineage?ref=\($0)" })
    #expect(drawing.layout.routes.contains { $0.reversed }, "the cycle is drawn with a dashed edge")
    #expect(drawing.nodes.contains { $0.title == "+13 runs" })
    try check(drawing.svg(label: "cycle"), "lineage-cycle-folded.svg")
  }
}
