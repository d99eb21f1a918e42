import PedigreeCore
import PedigreeQuery

/// `/datasets/NAME/N`: the digest, who produced it, who consumed it, and the impact panel: which
/// model versions were built on it and which aliases serve them now (and served them before). A
/// deprecated version is red, here and wherever it appears.
enum DatasetPage {
  static func answer(_ request: Request, _ queries: Queries, name: String, version: Int) throws(PedigreeError)
    -> WebUI.Answer
  {
    let node = try queries.reader.resolve(.dataset(name: name, selector: .version(version)))
    let report = try queries.datasetAuditReport(node)
    let dataset = report.dataset
    let path = Link.dataset(name, version)
    var content = PageContent(title: "Dataset \(name)@\(version)", json: Link.api(path), section: "")
    content.subtitle = [
      Span("lineage", href: Link.lineage(node.typedRef, direction: "downstream")), Span(" · "),
      Span("impact as JSON", href: Link.to(Link.api("/impact"), [("ref", node.typedRef)])),
    ]
    if dataset.node.deprecated {
      let entry = report.auditEntries.first { $0.action == AuditAction.datasetDeprecate.rawValue }
      content.blocks.append(
        .text(
          "Deprecated" + (entry.map { " \($0.at.iso8601) by \($0.actor)" } ?? "")
            + ". Everything built on it is listed below.", cls: "banner deprecated"))
    }
    content.blocks.append(
      .fields(
        [
          ("digest", [Span(dataset.digest ?? "-", cls: "mono")]), ("uri", [Span(dataset.uri, cls: "mono")]),
          ("size", [Span(Format.bytes(dataset.sizeBytes))]),
          ("rows", [Span(Format.number(dataset.rowCount))]),
          (
            "registered", [Span("\(Views.time(dataset.createdAt, now: request.now)) by \(dataset.createdBy)")]
          ),
          ("tags", [Span(Format.pairs(dataset.tags))]),
        ], cls: dataset.node.deprecated ? "deprecated" : ""))

    content.blocks.append(.open(cls: "impact"))
    content.blocks.append(.heading("Impact: what is served from it"))
    let impact = report.impact
    if impact.servingAliases.isEmpty {
      content.blocks.append(.text("No alias serves a model built on it now.", cls: "muted"))
    } else {
      content.blocks.append(
        .table(
          headers: ["MODEL", "ALIAS", "VERSION", "SINCE", "BY"],
          rows: impact.servingAliases.map { alias in
            Row(
              cells: [
                Cell(alias.model, href: Link.model(alias.model)),
                Cell([Views.chip(alias.alias, model: alias.model)]),
                Cell("\(alias.model)@\(alias.version)", href: Link.version(alias.model, alias.version)),
                Cell(Views.time(alias.since, now: request.now)), Cell(alias.actor),
              ], cls: dataset.node.deprecated ? "deprecated" : "")
          }, cls: "serving"))
    }
    content.blocks.append(.heading("Model versions built on it"))
    content.blocks += Views.nodeTable(impact.modelVersions, empty: "None.")
    content.blocks.append(.heading("Served before"))
    content.blocks +=
      impact.servingHistory.isEmpty
      ? [.text("Never served.", cls: "muted")]
      : [
        .table(
          headers: ["MODEL VERSION", "ALIAS", "FROM", "UNTIL", "BY", "WHY"],
          rows: impact.servingHistory.map { segment in
            Row(cells: [
              Cell(segment.versionRef.name, href: Link.version(segment.model, segment.version)),
              Cell([Views.chip(segment.alias, model: segment.model)]), Cell(segment.from.iso8601),
              Cell(segment.until?.iso8601 ?? "now"), Cell(segment.actor), Cell(segment.reason ?? "-"),
            ])
          })
      ]
    content.blocks.append(.close)

    content.blocks.append(.heading("Produced by"))
    content.blocks += runTable(report.producers.map(\.run), now: request.now)
    content.blocks.append(.heading("Consumed by"))
    content.blocks += runTable(report.consumers, now: request.now)
    content.blocks.append(.heading("Audit log"))
    content.blocks += LogPage.table(report.auditEntries, now: request.now)
    return .page(content)
  }

  static func runTable(_ runs: [RunSummary], now: Timestamp) -> [Block] {
    guard !runs.isEmpty else { return [.text("None recorded.", cls: "muted")] }
    return [
      .table(
        headers: ["RUN", "EXPERIMENT", "NAME", "STATUS", "STARTED", "BY"],
        rows: runs.map { run in
          Row(cells: [
            Cell([Span(Format.shortRunID(run.uuid), href: Link.run(run.uuid), cls: "mono")]),
            Cell(run.experiment),
            Cell(run.name ?? "-"), Cell([Span(run.status, cls: "status \(run.status)")]),
            Cell(Views.time(run.startedAt, now: now)), Cell(run.actor),
          ])
        })
    ]
  }
}
