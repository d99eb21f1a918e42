import PedigreeCore
import PedigreeQuery

/// The lineage graph as SVG: a `LayeredLayout` of the walked nodes, each node a link that
/// re-centres the explorer on it, node kinds told apart by shape and colour (with a legend),
/// deprecated nodes in red, edges that closed a cycle dashed, and siblings past `siblingCap`
/// folded into one "+N runs" node.
public struct LineageDrawing: Sendable {
  /// One node as drawn: a real node, or several folded siblings.
  public struct Node: Equatable, Sendable {
    public let id: Int64
    public let kind: NodeRef.Kind
    public let title: String
    public let detail: String
    public let href: String
    public let deprecated: Bool
    public let isRoot: Bool
    /// How many siblings this node stands for (0 for a real node).
    public let folded: Int
  }

  public let nodes: [Node]
  public let edges: [(src: Int64, dst: Int64)]
  public let layout: LayeredLayout

  /// Siblings (nodes of one kind hanging off the same node and nothing else) shown one by one
  /// before the rest fold into one node.
  public static let siblingCap = 8

  /// Folded nodes' ids start here, far above any real node id (layout dummies are negative).
  static let foldedBase: Int64 = 1 << 60

  static let columnWidth = 220.0
  static let rowHeight = 64.0
  static let boxWidth = 176.0
  static let boxHeight = 42.0
  static let margin = 16.0
  static let legendHeight = 40.0

  /// - Parameter link: the URL a node re-centres on (`/lineage?ref=…` with the same direction
  ///   and depth).
  public init(_ graph: LineageGraph, siblingCap: Int = LineageDrawing.siblingCap, link: (String) -> String) {
    var nodes = graph.nodes.map { node in
      Node(
        id: node.ref.id, kind: node.ref.kind, title: truncated(LineageDrawing.title(node), 26),
        detail: truncated(node.attributes.filter { $0 != "deprecated" }.joined(separator: " · "), 30),
        href: link(node.ref.typedRef),
        deprecated: node.deprecated, isRoot: node.ref.id == graph.root.ref.id, folded: 0)
    }
    var edges = graph.edges.map { (src: $0.src, dst: $0.dst) }
    LineageDrawing.fold(&nodes, &edges, cap: siblingCap, root: graph.root.ref.id, link: link)
    self.nodes = nodes
    self.edges = edges
    self.layout = LayeredLayout(nodes: nodes.map(\.id), edges: edges)
  }

  static func title(_ node: LineageNode) -> String {
    switch node.ref.kind {
    case .run:
      let name = [node.experiment, node.entityName].compactMap { $0 }.joined(separator: "/")
      return "run " + Format.shortRunID(node.ref.name) + (name.isEmpty ? "" : " " + name)
    case .artifact: return node.entityName ?? node.ref.name
    case .datasetVersion, .modelVersion: return node.ref.name
    }
  }

  /// Folds, for every node, the leaves of one kind attached to it on one side past `cap`: the
  /// first `cap - 1` by id stay, the rest become one node (id: `foldedBase` plus the smallest
  /// folded id, so it is unique, deterministic and sorts after every real node).
  static func fold(
    _ nodes: inout [Node], _ edges: inout [(src: Int64, dst: Int64)], cap: Int, root: Int64,
    link: (String) -> String
  ) {
    var degree: [Int64: Int] = [:]
    for edge in edges {
      degree[edge.src, default: 0] += 1
      degree[edge.dst, default: 0] += 1
    }
    let byID = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    // (hub, leaf is downstream of hub, kind) -> leaves
    var groups: [String: (hub: Int64, downstream: Bool, kind: NodeRef.Kind, leaves: [Int64])] = [:]
    for edge in edges {
      for (hub, leaf, downstream) in [(edge.src, edge.dst, true), (edge.dst, edge.src, false)]
      where degree[leaf] == 1 && leaf != root {
        guard let kind = byID[leaf]?.kind else { continue }
        let key = "\(hub)|\(downstream)|\(kind.rawValue)"
        groups[key, default: (hub, downstream, kind, [])].leaves.append(leaf)
      }
    }
    var removed: Set<Int64> = []
    for key in groups.keys.sorted() {
      let group = groups[key]!
      let leaves = group.leaves.sorted()
      guard leaves.count > cap else { continue }
      let hidden = Array(leaves[(cap - 1)...])
      removed.formUnion(hidden)
      let id = LineageDrawing.foldedBase + hidden[0]
      let noun = hidden.count == 1 ? group.kind.noun : group.kind.noun + "s"
      let hub = byID[group.hub]!
      nodes.append(
        Node(
          id: id, kind: group.kind, title: "+\(hidden.count) \(noun)",
          detail: "folded; open " + truncated(hub.title, 18), href: hub.href, deprecated: false,
          isRoot: false, folded: hidden.count))
      edges.append(group.downstream ? (src: group.hub, dst: id) : (src: id, dst: group.hub))
    }
    nodes.removeAll { removed.contains($0.id) }
    edges.removeAll { removed.contains($0.src) || removed.contains($0.dst) }
  }

  /// The drawing as an SVG document.
  public func svg(label: String) -> String {
    let columns = max(1, layout.layerSizes.count)
    let rows = max(1, layout.layerSizes.max() ?? 1)
    let width = Self.margin * 2 + Double(columns - 1) * Self.columnWidth + Self.boxWidth
    let graphHeight = Self.margin * 2 + Double(rows - 1) * Self.rowHeight + Self.boxHeight
    var svg = SVGWriter(width: max(width, 560), height: graphHeight + Self.legendHeight, label: label)
    svg.open(
      "defs", [])
    svg.open(
      "marker",
      [
        ("id", "arrow"), ("viewBox", "0 0 10 10"), ("refX", "10"), ("refY", "5"), ("markerWidth", "7"),
        ("markerHeight", "7"), ("orient", "auto"),
      ])
    svg.element("path", [("d", "M0,0 L10,5 L0,10 z"), ("fill", "#666")])
    svg.end("marker")
    svg.end("defs")
    let offsets = layout.layerSizes.map { Double(rows - $0) * Self.rowHeight / 2 }
    func center(_ place: LayeredLayout.Place) -> (Double, Double) {
      (
        Self.margin + Double(place.layer) * Self.columnWidth + Self.boxWidth / 2,
        Self.margin + offsets[place.layer] + Double(place.order) * Self.rowHeight + Self.boxHeight / 2
      )
    }
    for route in layout.routes {
      var points = route.places.map(center)
      guard points.count >= 2 else { continue }
      // Leave from the side facing the target, arrive at the side facing the source (an edge
      // that closed a cycle runs right to left).
      let rightward = points[points.count - 1].0 >= points[0].0
      points[0].0 += rightward ? Self.boxWidth / 2 : -Self.boxWidth / 2
      points[points.count - 1].0 -= rightward ? Self.boxWidth / 2 : -Self.boxWidth / 2
      var attributes = [
        ("class", route.reversed ? "edge cycle" : "edge"), ("points", SVGWriter.points(points)),
        ("fill", "none"), ("stroke", route.reversed ? "#b45309" : "#888"), ("stroke-width", "1.5"),
        ("marker-end", "url(#arrow)"),
      ]
      if route.reversed { attributes.append(("stroke-dasharray", "6 4")) }
      svg.open("polyline", attributes)
      svg.title(route.reversed ? "edge closing a cycle" : "edge")
      svg.end("polyline")
    }
    for node in nodes {
      guard let place = layout.places[node.id] else { continue }
      let (cx, cy) = center(place)
      draw(node, at: (cx - Self.boxWidth / 2, cy - Self.boxHeight / 2), into: &svg)
    }
    drawLegend(at: graphHeight, into: &svg)
    return svg.finish()
  }

  /// The fill and stroke of a node kind.
  static func colors(_ kind: NodeRef.Kind) -> (fill: String, stroke: String) {
    switch kind {
    case .datasetVersion: ("#e0f2fe", "#0369a1")
    case .run: ("#fef3c7", "#b45309")
    case .artifact: ("#f3f4f6", "#4b5563")
    case .modelVersion: ("#ede9fe", "#6d28d9")
    }
  }

  private func shape(
    _ kind: NodeRef.Kind, x: Double, y: Double, width: Double, height: Double,
    attributes: [(String, String)], into svg: inout SVGWriter
  ) {
    let n = SVGWriter.number
    switch kind {
    case .datasetVersion:
      svg.element(
        "rect",
        [("x", n(x)), ("y", n(y)), ("width", n(width)), ("height", n(height)), ("rx", n(height / 2))]
          + attributes)
    case .run:
      svg.element(
        "rect", [("x", n(x)), ("y", n(y)), ("width", n(width)), ("height", n(height))] + attributes)
    case .artifact:
      let cut = height / 3
      let points = [
        (x, y), (x + width - cut, y), (x + width, y + cut), (x + width, y + height), (x, y + height),
      ]
      svg.element("polygon", [("points", SVGWriter.points(points))] + attributes)
    case .modelVersion:
      let inset = height / 2.5
      let points = [
        (x + inset, y), (x + width - inset, y), (x + width, y + height / 2), (x + width - inset, y + height),
        (x + inset, y + height), (x, y + height / 2),
      ]
      svg.element("polygon", [("points", SVGWriter.points(points))] + attributes)
    }
  }

  private func draw(_ node: Node, at origin: (Double, Double), into svg: inout SVGWriter) {
    let (x, y) = origin
    let colors = Self.colors(node.kind)
    var classes = ["node", node.kind.rawValue]
    if node.deprecated { classes.append("deprecated") }
    if node.isRoot { classes.append("root") }
    if node.folded > 0 { classes.append("folded") }
    svg.open("a", [("href", node.href), ("class", classes.joined(separator: " "))])
    svg.title(
      node.title + (node.detail.isEmpty ? "" : " — " + node.detail) + (node.deprecated ? " (deprecated)" : "")
    )
    shape(
      node.kind, x: x, y: y, width: Self.boxWidth, height: Self.boxHeight,
      attributes: [
        ("fill", node.deprecated ? "#fee2e2" : colors.fill),
        ("stroke", node.deprecated ? "#dc2626" : colors.stroke),
        ("stroke-width", node.isRoot ? "3" : "1.5"),
      ] + (node.folded > 0 ? [("stroke-dasharray", "4 3")] : []), into: &svg)
    svg.label(
      node.title, x: x + Self.boxWidth / 2, y: y + 17, anchor: "middle",
      fill: node.deprecated ? "#991b1b" : "#111", weight: node.isRoot ? "bold" : nil)
    let detail =
      node.deprecated
      ? truncated("DEPRECATED" + (node.detail.isEmpty ? "" : " · " + node.detail), 30) : node.detail
    svg.label(
      detail, x: x + Self.boxWidth / 2, y: y + 32, anchor: "middle",
      fill: node.deprecated ? "#dc2626" : "#555",
      size: 10)
    svg.end("a")
  }

  private func drawLegend(at top: Double, into svg: inout SVGWriter) {
    var x = Self.margin
    let y = top + 8
    svg.open("g", [("class", "legend")])
    for kind in [NodeRef.Kind.datasetVersion, .run, .artifact, .modelVersion] {
      let colors = Self.colors(kind)
      shape(
        kind, x: x, y: y, width: 34, height: 18,
        attributes: [("fill", colors.fill), ("stroke", colors.stroke), ("stroke-width", "1.5")], into: &svg)
      svg.label(kind.noun, x: x + 40, y: y + 13, size: 11)
      x += 40 + Double(kind.noun.count) * 7 + 18
    }
    svg.element(
      "rect",
      [
        ("x", SVGWriter.number(x)), ("y", SVGWriter.number(y)), ("width", "34"), ("height", "18"),
        ("fill", "#fee2e2"), ("stroke", "#dc2626"), ("stroke-width", "1.5"),
      ])
    svg.label("deprecated", x: x + 40, y: y + 13, size: 11)
    x += 40 + 70 + 18
    let n = SVGWriter.number
    svg.element(
      "line",
      [
        ("x1", n(x)), ("y1", n(y + 9)), ("x2", n(x + 34)), ("y2", n(y + 9)), ("stroke", "#b45309"),
        ("stroke-width", "1.5"), ("stroke-dasharray", "6 4"),
      ])
    svg.label("edge closing a cycle", x: x + 40, y: y + 13, size: 11)
    svg.end("g")
  }
}

extension NodeRef.Kind {
  /// What a node of this kind is called in labels: `dataset version`, `run`, …
  var noun: String {
    switch self {
    case .datasetVersion: "dataset"
    case .run: "run"
    case .artifact: "artifact"
    case .modelVersion: "model version"
    }
  }
}
