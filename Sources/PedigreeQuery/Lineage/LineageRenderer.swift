import PedigreeCore

/// The output formats of `pedigree lineage`.
public enum LineageFormat: String, Sendable, CaseIterable {
  case tree, json, dot, mermaid
}

/// Renders a `LineageGraph` as an indented tree, JSON, Graphviz DOT or a Mermaid flowchart.
public enum LineageRenderer {
  /// The graph in `format`; JSON is pretty-printed.
  public static func render(_ graph: LineageGraph, as format: LineageFormat) -> String {
    switch format {
    case .tree: tree(graph)
    case .json: graph.json.serialized(pretty: true)
    case .dot: dot(graph)
    case .mermaid: mermaid(graph)
    }
  }

  // MARK: Tree

  /// An indented tree: the root, then an `upstream:` and/or `downstream:` branch, each edge
  /// labelled in the walk's direction (`produced by`, `trained on`, `consumed by`). A node reached
  /// again (a diamond, a cycle) is shown as `(see above)` and not expanded twice.
  public static func tree(_ graph: LineageGraph) -> String {
    var lines = [line(for: graph.root)]
    let sides: [Bool] =
      switch graph.direction {
      case .upstream: [true]
      case .downstream: [false]
      case .both: [true, false]
      }
    for upstream in sides {
      lines.append(upstream ? "upstream:" : "downstream:")
      let visited: Set<Int64> = [graph.root.ref.id]
      let before = lines.count
      let children = Dictionary(grouping: graph.edges) { upstream ? $0.dst : $0.src }
      var walk = TreeWalk(
        graph: graph, children: children, upstream: upstream, visited: visited,
        trainingRuns: Set(graph.edges.filter { $0.relation == .sourceRun }.map(\.src)))
      walk.branch(from: graph.root.ref.id, prefix: "", &lines)
      if lines.count == before { lines.append("  (nothing)") }
    }
    return lines.joined(separator: "\n")
  }

  static func line(for node: LineageNode) -> String {
    ([node.label] + (node.attributes.isEmpty ? [] : ["[" + node.attributes.joined(separator: ", ") + "]"]))
      .joined(separator: "  ")
  }

  // MARK: DOT

  /// A Graphviz `digraph`, left to right; node ids are `n<node id>`, labels escaped.
  public static func dot(_ graph: LineageGraph) -> String {
    var lines = ["digraph lineage {", "  rankdir=LR;", "  node [fontname=\"Helvetica\"];"]
    for node in graph.nodes {
      var attributes = [
        "label=\"\(dotEscape(([node.label] + node.attributes).joined(separator: "\n")))\"",
        "shape=\(shape(node.ref.kind).dot)",
      ]
      if node.deprecated { attributes.append("style=dashed") }
      if node.side == .root { attributes.append("penwidth=2") }
      lines.append("  \(identifier(node)) [\(attributes.joined(separator: ", "))];")
    }
    for edge in graph.edges {
      lines.append("  n\(edge.src) -> n\(edge.dst) [label=\"\(dotEscape(edge.relation.rawValue))\"];")
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  /// A node's identifier in DOT and Mermaid: `n` and its node id, always a safe identifier.
  static func identifier(_ node: LineageNode) -> String { "n\(node.ref.id)" }

  /// Each kind's shape: the DOT `shape`, and the brackets around a Mermaid label.
  private static func shape(_ kind: NodeRef.Kind) -> (dot: String, open: String, close: String) {
    switch kind {
    case .datasetVersion: ("cylinder", "[(", ")]")
    case .run: ("box", "[", "]")
    case .artifact: ("note", "[/", "/]")
    case .modelVersion: ("component", "([", "])")
    }
  }

  /// Escapes text for a double-quoted DOT string: backslashes, quotes, and newlines as `\n`.
  static func dotEscape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      case "\r": break
      default: out.append(character)
      }
    }
    return out
  }

  // MARK: Mermaid

  /// A Mermaid `flowchart LR`; node ids are `n<node id>`, labels quoted with entity escapes.
  public static func mermaid(_ graph: LineageGraph) -> String {
    var lines = ["flowchart LR"]
    for node in graph.nodes {
      let label = ([node.label] + node.attributes).map(mermaidEscape).joined(separator: "<br/>")
      let (_, open, close) = shape(node.ref.kind)
      lines.append("  \(identifier(node))\(open)\"\(label)\"\(close)")
    }
    for edge in graph.edges {
      lines.append("  n\(edge.src) -->|\(mermaidEscape(edge.relation.rawValue))| n\(edge.dst)")
    }
    lines.append("  classDef root stroke-width:3px")
    lines.append("  classDef deprecated stroke-dasharray:5 5")
    lines.append("  class \(identifier(graph.root)) root")
    let deprecated = graph.nodes.filter(\.deprecated).map(identifier)
    if !deprecated.isEmpty { lines.append("  class \(deprecated.joined(separator: ",")) deprecated") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Escapes text for a quoted Mermaid label with entity codes (`#quot;`, `#lt;`, …).
  static func mermaidEscape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "#": out += "#35;"
      case "\"": out += "#quot;"
      case "<": out += "#lt;"
      case ">": out += "#gt;"
      case "|": out += "#124;"
      case "\n", "\r": out += " "
      default: out.append(character)
      }
    }
    return out
  }
}

extension LineageEdge {
  func json(in graph: LineageGraph) -> JSONValue {
    let name = { (id: Int64) in graph.node(id: id).map { JSONValue.string($0.ref.typedRef) } ?? .null }
    return .object([
      "src": name(src), "dst": name(dst), "src_id": .integer(src), "dst_id": .integer(dst),
      "relation": .string(relation.rawValue),
    ])
  }
}

extension LineageGraph: JSONConvertible {
  /// `{root, direction, depth, nodes: [...], edges: [{src, dst, src_id, dst_id, relation}]}`;
  /// `src`/`dst` are typed refs (`model:fraud@2`), the same as each node's `ref`.
  public var json: JSONValue {
    .object([
      "root": .string(root.ref.typedRef), "direction": .string(direction.rawValue),
      "depth": .int(depthLimit), "nodes": nodes.json, "edges": .array(edges.map { $0.json(in: self) }),
    ])
  }
}

/// One side of the tree rendering: follows edges from the root, expanding each node once.
private struct TreeWalk {
  let graph: LineageGraph
  /// Edges by the node they lead away from (on this side).
  let children: [Int64: [LineageEdge]]
  let upstream: Bool
  var visited: Set<Int64>
  /// Runs a model version was registered from: their inputs read "trained on".
  let trainingRuns: Set<Int64>

  /// How an edge reads from the node the walk is at to the next one: upstream, what the node came
  /// from (`produced by: run …`, `trained on: transactions@2`); downstream, what came from it
  /// (`consumed by: run …`, `registered as: fraud@2`). JSON, DOT and Mermaid keep the relation.
  func label(_ edge: LineageEdge) -> String {
    switch (edge.relation, upstream) {
    case (.input, true): trainingRuns.contains(edge.dst) ? "trained on" : "consumed"
    case (.output, true), (.sourceRun, true): "produced by"
    case (.sourceArtifact, true): "artifact"
    case (.input, false): "consumed by"
    case (.output, false): "produced"
    case (.sourceRun, false), (.sourceArtifact, false): "registered as"
    }
  }

  mutating func branch(from id: Int64, prefix: String, _ lines: inout [String]) {
    let next = (children[id] ?? []).compactMap { edge in
      graph.node(id: upstream ? edge.src : edge.dst).map { ($0, label(edge)) }
    }
    for (index, (child, label)) in next.enumerated() {
      let isLast = index == next.count - 1
      let repeated = !visited.insert(child.ref.id).inserted
      lines.append(
        prefix + (isLast ? "└── " : "├── ") + label + ": " + LineageRenderer.line(for: child)
          + (repeated ? "  (see above)" : ""))
      if !repeated { branch(from: child.ref.id, prefix: prefix + (isLast ? "    " : "│   "), &lines) }
    }
  }
}
