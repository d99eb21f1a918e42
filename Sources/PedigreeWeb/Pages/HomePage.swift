import PedigreeCore
import PedigreeQuery

/// `/`: what serves now (every model's aliases: version, since, by whom, why), the last alias
/// moves, recent failed runs, the audit chain head, and what is known of the last `db check`.
enum HomePage {
  static let recentMoves = 10
  static let recentFailures = 10

  static func answer(_ request: Request, _ queries: Queries) throws(PedigreeError) -> WebUI.Answer {
    var content = PageContent(title: "What serves now", json: Link.api("/models"), section: "Home")
    let models = try queries.modelList()
    content.subtitle = [Span("\(models.count) models · drawn at \(request.now.iso8601)")]

    var rows: [Row] = []
    for model in models {
      if model.aliases.isEmpty {
        rows.append(
          Row(cells: [
            Cell(model.name, href: Link.model(model.name)), Cell([Span("no alias", cls: "muted")]), Cell("-"),
            Cell("-"), Cell("-"), Cell("-"),
          ]))
      }
      for alias in model.aliases {
        let bad = model.deprecatedData[alias.alias] ?? []
        var version = [Span("\(model.name)@\(alias.version)", href: Link.version(model.name, alias.version))]
        if !bad.isEmpty {
          version.append(
            Span(" trained on deprecated data: " + bad.joined(separator: ", "), cls: "deprecated"))
        }
        rows.append(
          Row(
            cells: [
              Cell(model.name, href: Link.model(model.name)),
              Cell([Views.chip(alias.alias, model: model.name)]),
              Cell(version), Cell(Views.time(alias.since, now: request.now)), Cell(alias.actor),
              Cell((alias.action.map { "\($0): " } ?? "") + (alias.reason ?? "-")),
            ], cls: bad.isEmpty ? "" : "deprecated"))
      }
    }
    content.blocks.append(.heading("Aliases now"))
    content.blocks.append(
      rows.isEmpty
        ? .text("No model is registered yet.", cls: "muted")
        : .table(headers: ["MODEL", "ALIAS", "VERSION", "SINCE", "BY", "WHY"], rows: rows, cls: "serving"))

    var moves: [AliasEvent] = []
    for model in models where !model.aliases.isEmpty {
      moves += try queries.aliasHistory(model: model.name)
    }
    moves.sort { ($0.at, $0.id) > ($1.at, $1.id) }
    content.blocks.append(.heading("Last alias moves"))
    content.blocks += moveTable(Array(moves.prefix(recentMoves)), now: request.now)

    let failed = try queries.searchRuns(
      filter: try RunFilter.parse("attributes.status = 'failed'"), limit: recentFailures)
    content.blocks.append(.heading("Recent failed runs"))
    content.blocks +=
      failed.runs.isEmpty
      ? [.text("No failed run.", cls: "muted")]
      : [
        .table(
          headers: ["RUN", "EXPERIMENT", "NAME", "STARTED", "BY"],
          rows: failed.runs.map { run in
            Row(cells: [
              Cell([Span(Format.shortRunID(run.runID), href: Link.run(run.runID), cls: "mono")]),
              Cell(run.experiment), Cell(run.name ?? "-"), Cell(Views.time(run.startedAt, now: request.now)),
              Cell(run.actor),
            ])
          })
      ]

    content.blocks.append(.heading("Audit chain"))
    let head = try queries.head()
    content.blocks.append(
      .fields([
        ("head", [Span("\(head.head.entry):\(head.head.hash)", cls: "mono")]),
        ("last write", [Span(Views.time(head.at, now: request.now))]),
        (
          "db check",
          [
            Span(
              "The registry records no db check result (checks are not audited writes). Run it, and "
                + "prove the published head:")
          ]
        ),
      ]))
    content.blocks.append(.command("pedigree db check --head \(head.head.entry):\(head.head.hash)"))
    content.blocks.append(
      .paragraph([
        Span("Full audit log", href: "/log"), Span(" · "), Span("Head as JSON", href: "/api/v1/audit/head"),
      ]))
    return .page(content)
  }

  /// Alias moves, newest first: time, model, alias, from → to, action, actor, reason.
  static func moveTable(_ moves: [AliasEvent], now: Timestamp) -> [Block] {
    guard !moves.isEmpty else { return [.text("No alias has moved yet.", cls: "muted")] }
    return [
      .table(
        headers: ["WHEN", "MODEL", "ALIAS", "FROM", "TO", "HOW", "BY", "WHY"],
        rows: moves.map { move in
          Row(
            cells: [
              Cell(Views.time(move.at, now: now)), Cell(move.model, href: Link.model(move.model)),
              Cell([Views.chip(move.alias, model: move.model)]),
              move.fromVersion.map { Cell("v\($0)", href: Link.version(move.model, $0)) } ?? Cell("-"),
              move.toVersion.map { Cell("v\($0)", href: Link.version(move.model, $0)) } ?? Cell("-"),
              Cell([
                Span(
                  move.action, cls: move.action == AliasAction.rollback.rawValue ? "badge rollback" : "badge")
              ]),
              Cell(move.actor), Cell(move.reason ?? "-"),
            ])
        }, cls: "moves")
    ]
  }
}
