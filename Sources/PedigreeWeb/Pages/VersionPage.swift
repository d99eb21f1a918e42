import PedigreeCore
import PedigreeQuery

/// `/models/NAME/versions/N`: the audit report as a page (the document `audit --format
/// markdown` prints, section by section), the upstream lineage graph, and the report's `.md`
/// and `.json` downloads.
enum VersionPage {
  static func answer(_ request: Request, _ queries: Queries, name: String, version: Int) throws(PedigreeError)
    -> WebUI.Answer
  {
    let node = try queries.reader.resolve(.model(name: name, selector: .version(version)))
    let report = try queries.auditReport(node)
    let path = Link.version(name, version)
    var content = PageContent(
      title: "Audit report: \(name)@\(version)", json: Link.to(Link.api("/audit"), [("ref", node.typedRef)]),
      section: "Models")
    content.subtitle = [
      Span("Model ", cls: "muted"), Span(name, href: Link.model(name)), Span(" · download "),
      Span("Markdown", href: path + "/audit.md"), Span(" · "), Span("JSON", href: path + "/audit.json"),
      Span(" · "), Span("lineage explorer", href: Link.lineage(node.typedRef, direction: "upstream")),
    ]
    if let deprecation = report.version.deprecation {
      content.blocks.append(
        .text(
          "Deprecated \(deprecation.at.iso8601) by \(deprecation.by): \(Format.text(deprecation.reason))",
          cls: "banner deprecated"))
    }
    var summary: [(String, [Span])] = [
      ("artifact digest", [Span(report.version.artifactDigest ?? "-", cls: "mono")]),
      (
        "source run",
        [
          Span(report.run.uuid, href: Link.run(report.run.uuid), cls: "mono"),
          Span(" (\(report.run.experiment))"),
        ]
      ),
      (
        "code",
        [
          Span(
            [report.run.code.gitCommit, report.run.code.repo, report.run.code.entryPoint].compactMap { $0 }
              .joined(separator: "  "), cls: "mono")
        ]
      ),
    ]
    for input in report.inputs {
      summary.append(("data", Views.node(input.node)))
    }
    content.blocks.append(.fields(summary, cls: "summary"))
    let graph = try queries.lineage(of: node, direction: .upstream, depth: nil)
    content.blocks.append(.heading("Where it came from"))
    content.blocks.append(
      .svg(
        LineageDrawing(graph, link: { Link.lineage($0, direction: "upstream") }).svg(
          label: "upstream lineage of \(name)@\(version)"),
        caption: [Span("Upstream lineage; click a node to explore around it.")], cls: "lineage"))
    content.blocks += Views.document(report.document)
    return .page(content)
  }

  /// `audit.md` / `audit.json`: the report exactly as `pedigree audit --format markdown|json`.
  static func download(_ request: Request, _ queries: Queries, name: String, version: Int, file: String)
    throws(PedigreeError) -> WebUI.Answer
  {
    let node = try queries.reader.resolve(.model(name: name, selector: .version(version)))
    let report = try queries.auditReport(node)
    if file == "audit.json" {
      return .file(
        WebPage(
          contentType: "application/json", body: report.json.serialized(pretty: true) + "\n",
          filename: "\(name)@\(version)-audit.json"))
    }
    return .file(
      WebPage(
        contentType: "text/markdown; charset=utf-8", body: report.document.markdown(),
        filename: "\(name)@\(version)-audit.md"))
  }
}
