import Foundation
import PedigreeCore
import PedigreeTestSupport
import Testing

@testable import PedigreeQuery
@testable import PedigreeSQLite

@Suite struct LineageTests {
  @Test func upstreamOfAModelVersionVisitsTheDiamondOnce() throws {
    let r = try Registry1()
    let graph = try r.queries.lineage(of: r.fraud1, direction: .upstream)
    let depths = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.ref.name, $0.depth) })
    #expect(
      depths == [
        "fraud@1": 0, r.runA.name: 1, r.artifactA.name: 1, "transactions@1": 2, "labels@1": 2,
        r.prep.name: 3, "raw@1": 4,
      ])
    #expect(graph.nodes.count == 7)
    #expect(graph.root.deprecated)
    #expect(
      Set(graph.edges) == [
        LineageEdge(src: r.runA.id, dst: r.fraud1.id, relation: .sourceRun),
        LineageEdge(src: r.artifactA.id, dst: r.fraud1.id, relation: .sourceArtifact),
        LineageEdge(src: r.runA.id, dst: r.artifactA.id, relation: .output),
        LineageEdge(src: r.transactions1.id, dst: r.runA.id, relation: .input),
        LineageEdge(src: r.labels.id, dst: r.runA.id, relation: .input),
        LineageEdge(src: r.prep.id, dst: r.transactions1.id, relation: .output),
        LineageEdge(src: r.raw.id, dst: r.prep.id, relation: .input),
      ])
  }

  @Test func depthLimitsCountEdges() throws {
    let r = try Registry1()
    let one = try r.queries.lineage(of: r.fraud1, direction: .upstream, depth: 1)
    #expect(Set(one.nodes.map(\.ref.name)) == ["fraud@1", r.runA.name, r.artifactA.name])
    let two = try r.queries.lineage(of: r.fraud1, direction: .upstream, depth: 2)
    #expect(
      Set(two.nodes.map(\.ref.name))
        == ["fraud@1", r.runA.name, r.artifactA.name, "transactions@1", "labels@1"])
    let zero = try r.queries.lineage(of: r.fraud1, direction: .upstream, depth: 0)
    #expect(zero.nodes.map(\.ref.name) == ["fraud@1"] && zero.edges.isEmpty)
    expectError(.usage) { try r.queries.lineage(of: r.fraud1, depth: -1) }
  }

  @Test func downstreamOfADatasetVersion() throws {
    let r = try Registry1()
    let graph = try r.queries.lineage(of: r.labels, direction: .downstream)
    let depths = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.ref.name, $0.depth) })
    #expect(
      depths == [
        "labels@1": 0, r.runA.name: 1, r.runB.name: 1, r.artifactA.name: 2, r.artifactB.name: 2,
        "fraud@1": 2, "fraud@2": 2,
      ])
    #expect(graph.node(id: r.fraud2.id)?.aliases == ["production", "staging"])
    #expect(graph.nodes.allSatisfy { $0.side == ($0.ref.id == r.labels.id ? .root : .downstream) })
  }

  @Test func bothDirectionsFromARun() throws {
    let r = try Registry1()
    let graph = try r.queries.lineage(of: r.runA, direction: .both, depth: 1)
    #expect(Set(graph.nodes(on: .upstream).map(\.ref.name)) == ["transactions@1", "labels@1"])
    #expect(Set(graph.nodes(on: .downstream).map(\.ref.name)) == [r.artifactA.name, "fraud@1"])
  }

  /// r1 → d1 → r2 → d2 → r1: a cycle (logging an input that is the run's own descendant) must
  /// still terminate.
  @Test func cyclesTerminateWithEachNodeOnce() throws {
    let f = try Fixture()
    let r1 = try f.trainingRun("r1", outputs: [.dataset(Fixture.datasetInput("d", 1))])
    let d1 = try f.node(.dataset(name: "d", selector: .version(1)))
    let r2 = try f.trainingRun("r2", inputs: [d1], outputs: [.dataset(Fixture.datasetInput("d", 2))])
    let d2 = try f.node(.dataset(name: "d", selector: .version(2)))
    // The write API does not refuse the input that closes the cycle.
    try f.writer().logRun(.run(r1.name), RunLog(inputs: [.ref(try Fixture.ref(d2))]))
    let down = try f.queries.lineage(of: r1, direction: .downstream)
    #expect(down.nodes.map(\.ref.name) == [r1.name, "d@1", r2.name, "d@2"])
    #expect(down.nodes.map(\.depth) == [0, 1, 2, 3])
    #expect(down.edges.count == 4)
    let up = try f.queries.lineage(of: r1, direction: .upstream)
    #expect(up.nodes.map(\.ref.name) == [r1.name, "d@2", r2.name, "d@1"])
    let both = try f.queries.lineage(of: r1, direction: .both)
    #expect(both.nodes.count == 4)
    #expect(Set(both.nodes.map(\.ref.id)).count == 4)
    let tree = LineageRenderer.tree(both)
    #expect(tree.contains("(see above)"))
  }

  @Test(sqliteOnly) func lineageQueriesUseTheEdgeIndexes() throws {
    let r = try Registry1()
    for upstream in [true, false] {
      let queries: [(String, [SQLValue])] = [
        (LineageSQL.walk(upstream: upstream), [.integer(r.fraud1.id), .integer(5)]),
        (LineageSQL.reach(upstream: upstream), [.integer(r.fraud1.id)]),
      ]
      for (sql, arguments) in queries {
        let plan = try r.fixture.plan(sql, arguments)
        #expect(!plan.contains { $0.hasPrefix("SCAN e") || $0.contains("SCAN edges") }, "\(plan)")
        let index = upstream ? "edges_by_dst" : "PRIMARY KEY"
        #expect(plan.contains { $0.contains("SEARCH e USING") && $0.contains(index) }, "\(plan)")
      }
    }
    let plan = try r.fixture.plan(LineageSQL.edgesFrom, [.text("[1,2]")])
    #expect(!plan.contains { $0.hasPrefix("SCAN e") }, "\(plan)")
    #expect(plan.contains { $0.contains("SEARCH e USING") && $0.contains("PRIMARY KEY (src=?)") }, "\(plan)")
  }
}

@Suite struct LineageRendererTests {
  @Test func treeShowsRelationsAndAttributes() throws {
    let r = try Registry1()
    let tree = LineageRenderer.tree(try r.queries.lineage(of: r.fraud2, direction: .upstream, depth: 2))
    let lines = tree.split(separator: "\n").map(String.init)
    #expect(lines[0].hasPrefix("fraud@2  [sha256:"))
    #expect(lines[0].hasSuffix("aliases: production, staging]"))
    #expect(lines[1] == "upstream:")
    // Labels read in the walk's direction (issue 10): the model was produced by the run, which
    // was trained on the dataset; the JSON/DOT/Mermaid relations stay source_run and input.
    #expect(tree.contains("produced by: run \(r.runB.name.prefix(8)) (fraud/xgb-b)  [finished]"))
    #expect(tree.contains("trained on: transactions@2"))
    #expect(!tree.contains("source_run:") && !tree.contains("input:"))
    #expect(tree.contains("(see above)"))
  }

  @Test func jsonHasNodesAndEdgesWithSnakeCaseKeys() throws {
    let r = try Registry1()
    let json = try r.queries.lineage(of: r.fraud1, direction: .upstream, depth: 1).json
    #expect(json["root"] == .string("model:fraud@1"))
    #expect(json["depth"] == .integer(1))
    guard case .array(let nodes)? = json["nodes"], case .array(let edges)? = json["edges"] else {
      Issue.record("no nodes/edges")
      return
    }
    #expect(nodes.count == 3 && edges.count == 3)
    #expect(nodes[0]["deprecated"] == .bool(true))
    #expect(
      edges.contains {
        $0["src"] == .string("run:\(r.runA.name)") && $0["dst"] == .string("model:fraud@1")
          && $0["relation"] == .string("source_run")
      })
  }

  @Test func dotHasSafeIdentifiersAndEscapedLabels() throws {
    let f = try Fixture()
    let run = try f.trainingRun("quote\"back\\slash", experiment: "e")
    let art = try f.artifact("we<ird>#\"name\".onnx", from: run, digest: Fixture.digest("x"))
    let dot = LineageRenderer.dot(try f.queries.lineage(of: run))
    #expect(dot.hasPrefix("digraph lineage {"))
    #expect(dot.contains("n\(run.id) -> n\(art.id) [label=\"output\"];"))
    #expect(dot.contains("quote\\\"back\\\\slash"))
    #expect(dot.contains("we<ird>#\\\"name\\\".onnx"))
  }

  @Test(
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dot"),
      "graphviz is not installed (/usr/bin/dot): DOT output not validated by dot -Tsvg"))
  func dotRendersWithGraphviz() throws {
    let r = try Registry1()
    let f = r.fixture
    _ = try f.artifact("odd \"name\" \\ {x}; <y>", from: r.runB, digest: Fixture.digest("odd"))
    let dot = LineageRenderer.dot(try r.queries.lineage(of: r.labels))
    let directory = TemporaryDirectory("pedigree-lineage")
    let graphviz = try Spawned.run(
      "/usr/bin/dot", ["-Tsvg", "-o", "/dev/null", try directory.write("lineage.dot", dot)])
    #expect(graphviz.status == 0, "\(graphviz.stderr)")
  }

  @Test func mermaidIsAWellFormedFlowchart() throws {
    let r = try Registry1()
    _ = try r.fixture.artifact("a\"b<c>#d|e", from: r.runB, digest: Fixture.digest("m"))
    let graph = try r.queries.lineage(of: r.labels)
    let text = LineageRenderer.mermaid(graph)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.first == "flowchart LR")
    let edges = lines.filter { $0.contains("-->") }
    #expect(edges.count == graph.edges.count)
    let edgeLine = try Regex(#"^  n[0-9]+ -->\|[a-z_]+\| n[0-9]+$"#)
    #expect(edges.allSatisfy { $0.wholeMatch(of: edgeLine) != nil }, "\(edges)")
    let nodeLine = try Regex(#"^  n[0-9]+(\[\(|\[/|\(\[|\[)"[^"<>|]*(<br/>[^"<>|]*)*"(\)\]|/\]|\]\)|\])$"#)
    let nodes = lines.filter { $0.contains("\"") }
    #expect(nodes.count == graph.nodes.count)
    #expect(nodes.allSatisfy { $0.wholeMatch(of: nodeLine) != nil }, "\(nodes)")
    #expect(text.contains("a#quot;b#lt;c#gt;#35;d#124;e"))
  }
}
