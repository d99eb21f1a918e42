import PedigreeCore
import PedigreeQuery

/// `/runs?q=FILTER[&order_by=EXPR][&limit=N]`: run search with the DSL of `run search`.
enum RunsPage {
  static let maximumLimit = 500

  static func answer(_ request: Request, _ queries: Queries) throws(PedigreeError) -> WebUI.Answer {
    let text = try request.query.value("q")
    let orderText = try request.query.value("order_by")
    let limit = try request.query.integer("limit", in: 1...maximumLimit) ?? RunSearch.defaultLimit
    var content = PageContent(
      title: text.map { "Runs where \($0)" } ?? "Runs",
      json: Link.to(Link.api("/runs"), [("q", text), ("order_by", orderText), ("limit", String(limit))]),
      section: "Runs")
    content.blocks.append(
      .form(
        action: "/runs",
        inputs: [
          FormInput(label: "filter", name: "q", value: text ?? "", size: 60),
          FormInput(label: "order by", name: "order_by", value: orderText ?? "", size: 20),
        ], submit: "Search"))
    content.blocks.append(
      .text(
        "Example: metrics.auc > 0.9 and params.lr = '0.01' and attributes.status = 'finished'", cls: "muted"))
    let filter: RunFilter
    let order: RunOrder
    do {
      filter = try text.map(RunFilter.parse) ?? .all
      order = try orderText.map(RunOrder.parse) ?? .default
    } catch {
      throw PedigreeError.usage("filter: \(error.message)", hint: error.hint)
    }
    let result = try queries.searchRuns(filter: filter, orderBy: order, limit: limit)
    let overviews = try queries.overviews(of: result)
    guard !overviews.isEmpty else {
      content.blocks.append(.text("No run matches.", cls: "muted"))
      return .page(content)
    }
    let metricKeys = Array(Set(overviews.flatMap { $0.metrics.map(\.key) })).sorted().prefix(6)
    content.blocks.append(
      .table(
        headers: ["RUN", "EXPERIMENT", "NAME", "STATUS", "STARTED", "BY"] + metricKeys + ["PARAMS"],
        rows: overviews.map { overview in
          let metrics = Dictionary(
            overview.metrics.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
          return Row(
            cells: [
              Cell([
                Span(Format.shortRunID(overview.run.uuid), href: Link.run(overview.run.uuid), cls: "mono")
              ]),
              Cell(overview.run.experiment), Cell(overview.run.name ?? "-"),
              Cell([Span(overview.run.status, cls: "status \(overview.run.status)")]),
              Cell(overview.run.startedAt.iso8601), Cell(overview.run.actor),
            ] + metricKeys.map { Cell(Format.metric(metrics[$0]), cls: "number") }
              + [Cell(Format.pairs(overview.params))],
            cls: overview.run.status == "failed" ? "failed" : "")
        }))
    content.blocks.append(.text("\(overviews.count) runs (at most \(limit)).", cls: "muted"))
    return .page(content)
  }
}
