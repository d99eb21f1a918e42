import PedigreeCore
import PedigreeQuery

/// `/log?since=&until=&by=&entity=&limit=&page=`: the audit log, newest first, `limit` entries a
/// page (pages count from 1; the most entries a page reaches back is `maximumReach`).
enum LogPage {
  static let defaultLimit = 50
  static let maximumLimit = 500
  static let maximumReach = 20_000

  static func answer(_ request: Request, _ queries: Queries) throws(PedigreeError) -> WebUI.Answer {
    let query = request.query
    var filter = AuditLogFilter()
    let since = try query.value("since")
    let until = try query.value("until")
    filter.since = try Views.time(since, name: "since", now: request.now)
    filter.until = try Views.time(until, name: "until", now: request.now, endOfDay: true)
    filter.actor = try query.value("by")
    filter.entity = try query.value("entity")
    let limit = try query.integer("limit", in: 1...maximumLimit) ?? defaultLimit
    let page = try query.integer("page", in: 1...(maximumReach / limit)) ?? 1
    filter.limit = limit * page + 1
    let entries = try queries.auditLog(filter)
    let shown = Array(entries.dropFirst(limit * (page - 1)).prefix(limit))
    let hasMore = entries.count > limit * page

    let parameters: [(String, String?)] = [
      ("since", since), ("until", until), ("by", filter.actor), ("entity", filter.entity),
      ("limit", limit == defaultLimit ? nil : String(limit)),
    ]
    var content = PageContent(
      title: "Audit log",
      json: Link.to(Link.api("/log"), parameters),
      section: "Log")
    content.blocks.append(
      .form(
        action: "/log",
        inputs: [
          FormInput(label: "since", name: "since", value: since ?? "", size: 16),
          FormInput(label: "until", name: "until", value: until ?? "", size: 16),
          FormInput(label: "by", name: "by", value: filter.actor ?? "", size: 10),
          FormInput(label: "entity", name: "entity", value: filter.entity ?? "", size: 28),
          FormInput(label: "limit", name: "limit", value: String(limit), size: 4),
        ], submit: "Filter"))
    content.blocks += table(shown, now: request.now)
    var paging: [Span] = [Span("Page \(page)")]
    if page > 1 {
      paging += [
        Span(" · "),
        Span("newer", href: Link.to("/log", parameters + [("page", page == 2 ? nil : String(page - 1))])),
      ]
    }
    if hasMore && page < maximumReach / limit {
      paging += [
        Span(" · "), Span("older", href: Link.to("/log", parameters + [("page", String(page + 1))])),
      ]
    }
    content.blocks.append(.paragraph(paging, cls: "paging"))
    return .page(content)
  }

  /// Entries as a table: number, time, actor, action, entity, details.
  static func table(_ entries: [AuditEntry], now: Timestamp) -> [Block] {
    guard !entries.isEmpty else { return [.text("No entries.", cls: "muted")] }
    return [
      .table(
        headers: ["#", "WHEN", "BY", "ACTION", "ENTITY", "DETAILS"],
        rows: entries.map { entry in
          Row(
            cells: [
              Cell(String(entry.id), cls: "number"), Cell(Views.time(entry.at, now: now)),
              Cell(entry.actor, href: Link.to("/log", [("by", entry.actor)])),
              Cell([Span(entry.action, cls: "badge")]),
              Cell([Span(entry.entity, href: Link.to("/log", [("entity", entry.entity)]), cls: "mono")]),
              Cell([Span(truncated(entry.details, 160), cls: "mono small")]),
            ], cls: entry.action.hasSuffix("deprecate") ? "deprecated" : "")
        }, cls: "log")
    ]
  }
}
