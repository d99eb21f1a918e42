import Foundation
import PedigreeCore
import PedigreeQuery
import PedigreeTestSupport
import Testing

@testable import PedigreeWeb

@Suite struct LayeredLayoutTests {
  @Test func longestPathLayeringLeftToRight() {
    // 1 → 2 → 3, and 1 → 3: 3 sits two layers right of 1.
    let layout = LayeredLayout(nodes: [1, 2, 3], edges: [(1, 2), (2, 3), (1, 3)])
    #expect(layout.places[1]?.layer == 0)
    #expect(layout.places[2]?.layer == 1)
    #expect(layout.places[3]?.layer == 2)
    // The long edge routes through one dummy place in layer 1.
    let long = layout.routes.first { $0.src == 1 && $0.dst == 3 }!
    #expect(long.places.map(\.layer) == [0, 1, 2])
    #expect(layout.routes.allSatisfy { !$0.reversed })
  }

  @Test func cyclesAreBrokenByReversingBackEdges() {
    let layout = LayeredLayout(nodes: [1, 2, 3], edges: [(1, 2), (2, 3), (3, 1)])
    let reversed = layout.routes.filter(\.reversed)
    #expect(reversed.count == 1)
    #expect(reversed.first?.src == 3 && reversed.first?.dst == 1)
    #expect(Set(layout.places.values.map(\.layer)) == [0, 1, 2], "every node still gets a layer")
    // Drawn the way the data flowed: from 3's place to 1's.
    #expect(reversed.first?.places.first == layout.places[3])
    #expect(reversed.first?.places.last == layout.places[1])
  }

  @Test func deterministicWhateverTheInputOrder() {
    let edges: [(src: Int64, dst: Int64)] = [
      (1, 5), (2, 5), (3, 6), (4, 6), (5, 7), (6, 7), (1, 6), (4, 5), (7, 2),
    ]
    let first = LayeredLayout(nodes: [1, 2, 3, 4, 5, 6, 7], edges: edges)
    for seed in 0..<20 {
      var shuffled = edges
      var nodes: [Int64] = [7, 6, 5, 4, 3, 2, 1]
      var generator = SeededGenerator(seed: UInt64(seed))
      shuffled.shuffle(using: &generator)
      nodes.shuffle(using: &generator)
      let again = LayeredLayout(nodes: nodes, edges: shuffled)
      #expect(again.places == first.places)
      #expect(again.routes == first.routes)
    }
  }

  @Test func barycenterSweepsRemoveAvoidableCrossings() {
    // Layer 0: 1, 2; layer 1: 3, 4 with 1→4 and 2→3: crossing in id order, none after a sweep.
    let layout = LayeredLayout(nodes: [1, 2, 3, 4], edges: [(1, 4), (2, 3)])
    #expect(layout.crossings == 0)
    #expect(layout.places[4]!.order < layout.places[3]!.order)
  }

  @Test func siblingsPastTheCapFoldIntoOneNode() throws {
    // One dataset version consumed by 45 runs: 7 stay, 38 fold into "+38 runs".
    func node(_ id: Int64, _ kind: NodeRef.Kind, depth: Int) -> LineageNode {
      LineageNode(
        ref: NodeRef(kind: kind, id: id, name: kind == .run ? String(format: "%032x", id) : "tx@\(id)"),
        depth: depth, side: depth == 0 ? .root : .downstream, entityName: kind == .run ? "train" : "tx",
        version: kind == .run ? nil : 1, digest: nil, uri: nil, status: kind == .run ? "finished" : nil,
        experiment: kind == .run ? "fraud" : nil, deprecated: false, aliases: [])
    }
    let root = node(1, .datasetVersion, depth: 0)
    let runs = (2...46).map { node(Int64($0), .run, depth: 1) }
    let graph = LineageGraph(
      root: root, direction: .downstream, depthLimit: 1, nodes: [root] + runs,
      edges: runs.map { LineageEdge(src: 1, dst: $0.ref.id, relation: .input) })
    let drawing = LineageDrawing(graph, siblingCap: 8, link: { "/lineage?ref=\($0)" })
    #expect(drawing.nodes.count == 1 + 7 + 1)
    let folded = try #require(drawing.nodes.first { $0.folded > 0 })
    #expect(folded.title == "+38 runs")
    #expect(drawing.nodes.filter { $0.kind == .run && $0.folded == 0 }.map(\.id) == Array(2...8))
    let svg = drawing.svg(label: "test")
    #expect(svg.contains("+38 runs"))
    #expect(xmlError(svg) == nil)
    #expect(svg == LineageDrawing(graph, siblingCap: 8, link: { "/lineage?ref=\($0)" }).svg(label: "test"))
  }
}
