import PedigreeCore
import PedigreeQuery

/// `/lineage?ref=&direction=&depth=`: the lineage explorer. Every node is a link that re-centres
/// the graph on it with the same direction and depth; depth and direction are links too; the
/// graph downloads as SVG, DOT, Mermaid and JSON (`/lineage.svg?…` and friends).
enum LineagePage {
  /// Depth when none is given, and the most a page walks (a cap against huge graphs).
  static let defaultDepth = 3
  static let maximumDepth = 25

  struct Parameters {
    let ref: String
    let direction: LineageDirection
    let depth: Int?
  }

  static func parameters(_ request: Request) throws(PedigreeError) -> Parameters? {
    guard let ref = try request.query.value("ref") else { return nil }
    let directionText = try request.query.value("direction") ?? "both"
    guard let direction = LineageDirection(rawValue: directionText) else {
      throw PedigreeError.usage(
        "direction must be upstream, downstream or both, not '\(truncated(directionText, 40))'")
    }
    let depthText = try request.query.value("depth")
    let depth: Int? =
      depthText == "all" ? nil : try request.query.integer("depth", in: 0...maximumDepth) ?? defaultDepth
    return Parameters(ref: ref, direction: direction, depth: depth)
  }

  static func graph(_ parameters: Parameters, _ queries: Queries) throws(PedigreeError) -> LineageGraph {
    let node = try queries.reader.resolve(
      parameters.ref, kinds: [.model, .dataset, .run, .artifact])
    return try queries.lineage(of: node, direction: parameters.direction, depth: parameters.depth)
  }

  static func link(_ parameters: Parameters) -> (String) -> String {
    { ref in
      Link.lineage(
        ref, direction: parameters.direction.rawValue, depth: parameters.depth)
        + (parameters.depth == nil ? "&depth=all" : "")
    }
  }

  static func answer(_ request: Request, _ queries: Queries) throws(PedigreeError) -> WebUI.Answer {
    var content = PageContent(title: "Lineage", section: "Lineage")
    let form = Block.form(
      action: "/lineage",
      inputs: [
        FormInput(label: "ref", name: "ref", value: (try? request.query.value("ref")) ?? "", size: 40),
        FormInput(
          label: "direction", name: "direction", value: (try? request.query.value("direction")) ?? "both",
          size: 10),
        FormInput(label: "depth", name: "depth", value: (try? request.query.value("depth")) ?? "", size: 4),
      ], submit: "Explore")
    guard let parameters = try parameters(request) else {
      content.blocks = [
        .text("Name a node to explore: model:NAME@N, dataset:NAME@N, run:ID or artifact:ID.", cls: "muted"),
        form,
      ]
      return .page(content)
    }
    let graph = try graph(parameters, queries)
    let root = graph.root
    content.title = "Lineage of \(root.label)"
    content.json = Link.to(
      Link.api("/lineage"),
      [
        ("ref", root.ref.typedRef), ("direction", parameters.direction.rawValue),
        ("depth", parameters.depth.map(String.init) ?? "all"),
      ])
    content.subtitle = [Span("Focus: ")] + Views.node(root)
    var depthLinks: [Span] = [Span("Depth: ")]
    for depth in [1, 2, 3, 5, 10] {
      depthLinks.append(
        Span(
          "\(depth) ",
          href: Link.lineage(root.ref.typedRef, direction: parameters.direction.rawValue, depth: depth),
          cls: parameters.depth == depth ? "current" : ""))
    }
    depthLinks.append(
      Span(
        "all", href: Link.lineage(root.ref.typedRef, direction: parameters.direction.rawValue) + "&depth=all",
        cls: parameters.depth == nil ? "current" : ""))
    var directionLinks: [Span] = [Span("Direction: ")]
    for direction in LineageDirection.allCases {
      directionLinks.append(
        Span(
          direction.rawValue + " ",
          href: Link.lineage(root.ref.typedRef, direction: direction.rawValue, depth: parameters.depth)
            + (parameters.depth == nil ? "&depth=all" : ""),
          cls: parameters.direction == direction ? "current" : ""))
    }
    let query = request.query.pairs.filter { ["ref", "direction", "depth"].contains($0.key) }
      .map { "\($0.key)=\(QueryString.encode($0.value))" }.joined(separator: "&")
    var downloads: [Span] = [Span("Download: ")]
    for (name, file) in [("SVG", "svg"), ("DOT", "dot"), ("Mermaid", "mmd"), ("JSON", "json")] {
      downloads.append(Span(name + " ", href: "/lineage.\(file)?" + query))
    }
    content.blocks = [
      .paragraph(directionLinks), .paragraph(depthLinks),
      .svg(
        LineageDrawing(graph, link: link(parameters)).svg(label: "lineage of \(root.label)"),
        caption: [Span("\(graph.nodes.count) nodes, \(graph.edges.count) edges. Click a node to re-centre.")],
        cls: "lineage"),
      .paragraph(downloads), form, .heading("Nodes"),
    ]
    content.blocks += Views.nodeTable(graph.nodes, empty: "no nodes")
    return .page(content)
  }

  /// The graph as a file: the SVG drawn above, or the CLI's DOT, Mermaid and JSON.
  static func download(_ request: Request, _ queries: Queries, format: String) throws(PedigreeError)
    -> WebUI.Answer
  {
    guard let parameters = try parameters(request) else {
      throw PedigreeError.usage("ref is required", hint: "add ?ref=model:NAME@N")
    }
    let graph = try graph(parameters, queries)
    let base = "lineage-" + String(graph.root.ref.typedRef.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    switch format {
    case "svg":
      return .file(
        WebPage(
          contentType: "image/svg+xml",
          body: LineageDrawing(graph, link: link(parameters)).svg(label: "lineage of \(graph.root.label)"),
          filename: base + ".svg"))
    case "dot":
      return .file(
        WebPage(
          contentType: "text/vnd.graphviz; charset=utf-8", body: LineageRenderer.dot(graph),
          filename: base + ".dot"))
    case "mmd":
      return .file(
        WebPage(
          contentType: "text/plain; charset=utf-8", body: LineageRenderer.mermaid(graph),
          filename: base + ".mmd"))
    default:
      return .file(
        WebPage(
          contentType: "application/json", body: graph.json.serialized(pretty: true) + "\n",
          filename: base + ".json"))
    }
  }
}
