import PedigreeCore
import PedigreeQuery

/// `/runs/ID`: a run's attributes, params, tags, inputs, outputs, model versions and a chart per
/// metric key. `?overlay=k1,k2` draws those keys in one chart; `?overlay=run:ID2` adds another
/// run's history of each key; `?x=time` puts time on x; `?log=1` a log y axis; `?points=N`
/// changes the downsampling target. Each chart links its raw CSV (`/runs/ID/metrics.csv?key=K`).
enum RunPage {
  static let defaultPoints = 800
  static let maximumPoints = 2000
  static let maximumOverlayRuns = 6

  static func answer(_ request: Request, _ queries: Queries, id: String) throws(PedigreeError) -> WebUI.Answer
  {
    let node = try queries.reader.resolve(.run(id))
    let details = try queries.runShow(node)
    let run = details.run
    var content = PageContent(
      title: "Run \(Format.shortRunID(run.uuid))" + (run.name.map { " · \($0)" } ?? ""),
      json: Link.api(Link.run(run.uuid)), section: "Runs")
    content.subtitle = [
      Span("experiment \(run.experiment) · "), Span(run.status, cls: "status \(run.status)"),
      Span(" · "), Span("lineage", href: Link.lineage(node.typedRef)),
    ]
    content.blocks.append(
      .fields([
        ("run id", [Span(run.uuid, cls: "mono")]),
        ("status", [Span(run.status, cls: "status \(run.status)")]),
        ("started", [Span(Views.time(run.startedAt, now: request.now))]),
        ("ended", [Span(run.endedAt.map { Views.time($0, now: request.now) } ?? "-")]),
        ("by", [Span(run.actor)]),
        (
          "code",
          [
            Span(
              [run.code.gitCommit, run.code.repo, run.code.entryPoint].compactMap { $0 }.joined(
                separator: "  "),
              cls: "mono")
          ]
        ),
      ]))
    content.blocks.append(.heading("Metrics"))
    content.blocks += try charts(request, queries, run: node)
    content.blocks.append(.heading("Params"))
    content.blocks += pairs(details.params)
    content.blocks.append(.heading("Tags"))
    content.blocks += pairs(details.tags)
    content.blocks.append(.heading("Inputs"))
    content.blocks += Views.nodeTable(details.inputs, empty: "No inputs recorded.")
    content.blocks.append(.heading("Outputs"))
    content.blocks += Views.nodeTable(details.outputs, empty: "No outputs recorded.")
    content.blocks.append(.heading("Model versions registered from it"))
    content.blocks += Views.nodeTable(details.modelVersions, empty: "None.")
    return .page(content)
  }

  static func pairs(_ pairs: [(key: String, value: String)]) -> [Block] {
    guard !pairs.isEmpty else { return [.text("None.", cls: "muted")] }
    return [
      .table(
        headers: ["KEY", "VALUE"],
        rows: pairs.map { Row(cells: [Cell($0.key), Cell([Span($0.value, cls: "mono")])]) })
    ]
  }

  /// The chart blocks: overlays first, then one chart per remaining key.
  static func charts(_ request: Request, _ queries: Queries, run: NodeRef) throws(PedigreeError) -> [Block] {
    let keys = try queries.reader.metricKeys(runID: run.id)
    guard !keys.isEmpty else { return [.text("No metrics logged.", cls: "muted")] }
    let xText = try request.query.value("x") ?? "step"
    guard let xAxis = MetricChart.XAxis(rawValue: xText) else {
      throw PedigreeError.usage("x must be step or time, not '\(truncated(xText, 40))'")
    }
    let logY = request.query.flag("log")
    let target = try request.query.integer("points", in: 10...maximumPoints) ?? defaultPoints
    var overlayKeys: [String] = []
    var otherRuns: [NodeRef] = []
    for value in try request.query.values("overlay") {
      if keys.contains(where: { $0.key == value }) {
        overlayKeys.append(value)
      } else if let other = try? queries.reader.resolve(value, kinds: [.run]), other.kind == .run {
        if other.id != run.id && !otherRuns.contains(other) { otherRuns.append(other) }
      } else {
        throw PedigreeError.notFound(
          "overlay '\(truncated(value, 80))' is neither a metric of this run nor a run",
          hint: "its metrics: " + keys.map(\.key).joined(separator: ", "))
      }
    }
    guard otherRuns.count <= maximumOverlayRuns else {
      throw PedigreeError.usage("at most \(maximumOverlayRuns) runs can be overlaid")
    }
    var blocks: [Block] = [controls(request, run: run, keys: keys, xAxis: xAxis, logY: logY)]
    var groups: [[String]] = overlayKeys.count > 1 ? [overlayKeys] : []
    groups += keys.map(\.key).filter { !(overlayKeys.count > 1 && overlayKeys.contains($0)) }.map { [$0] }
    for group in groups {
      var series: [MetricChart.Series] = []
      for key in group {
        for source in [run] + otherRuns {
          let sourceKeys = source == run ? keys : try queries.reader.metricKeys(runID: source.id)
          guard let info = sourceKeys.first(where: { $0.key == key }) else { continue }
          let label = (otherRuns.isEmpty ? "" : "run \(Format.shortRunID(source.name)) · ") + key
          series.append(
            try queries.reader.read {
              try MetricChart.series(
                label: label, count: info.count, target: target, xAxis: xAxis, logY: logY
              ) {
                add in
                try queries.reader.forEachMetricPoint(runID: source.id, key: key) { point in
                  add(point.step, point.timestamp.milliseconds, point.value)
                }
              }
            })
        }
      }
      let title = group.joined(separator: " + ")
      let chart = MetricChart(
        title: "\(title) of run \(Format.shortRunID(run.name))", series: series, xAxis: xAxis, logY: logY)
      var caption = [Span(title, cls: "strong"), Span(" · raw CSV: ")]
      for key in group {
        caption.append(Span(key + " ", href: Link.to(Link.run(run.name) + "/metrics.csv", [("key", key)])))
      }
      blocks.append(.svg(chart.svg(), caption: caption, cls: "chart"))
    }
    return blocks
  }

  /// Links that change the charts: x axis, log scale, overlay all keys.
  static func controls(
    _ request: Request, run: NodeRef, keys: [MetricKeyInfo], xAxis: MetricChart.XAxis, logY: Bool
  )
    -> Block
  {
    let base = Link.run(run.name)
    let overlay = try? request.query.values("overlay").joined(separator: ",")
    func link(x: MetricChart.XAxis, log: Bool, overlay: String?) -> String {
      Link.to(base, [("x", x == .step ? nil : x.rawValue), ("log", log ? "1" : nil), ("overlay", overlay)])
    }
    var spans = [
      Span("x: "),
      Span("step", href: link(x: .step, log: logY, overlay: overlay), cls: xAxis == .step ? "current" : ""),
      Span(" "),
      Span("time", href: link(x: .time, log: logY, overlay: overlay), cls: xAxis == .time ? "current" : ""),
      Span(" · y: "),
      Span("linear", href: link(x: xAxis, log: false, overlay: overlay), cls: logY ? "" : "current"),
      Span(" "), Span("log", href: link(x: xAxis, log: true, overlay: overlay), cls: logY ? "current" : ""),
    ]
    if keys.count > 1 {
      spans += [
        Span(" · "),
        Span(
          "overlay all keys", href: link(x: xAxis, log: logY, overlay: keys.map(\.key).joined(separator: ","))
        ),
      ]
    }
    spans += [Span(" · "), Span("all metrics as CSV", href: base + "/metrics.csv")]
    spans += [Span(" · overlay another run: add "), Span("?overlay=run:ID", cls: "mono")]
    return .paragraph(spans, cls: "controls")
  }

  /// `/runs/ID/metrics.csv[?key=K]`: the raw history, exactly as `run metrics --format csv`.
  static func csv(_ request: Request, _ queries: Queries, id: String) throws(PedigreeError) -> WebUI.Answer {
    let node = try queries.reader.resolve(.run(id))
    let keys = try request.query.values("key")
    var body = ""
    try queries.writeMetricHistory(of: node, keys: keys, format: .csv) { body += $0 }
    return .file(
      WebPage(
        contentType: "text/csv; charset=utf-8", body: body,
        filename: "run-\(Format.shortRunID(node.name))" + (keys.count == 1 ? "-\(keys[0])" : "") + ".csv"))
  }
}
