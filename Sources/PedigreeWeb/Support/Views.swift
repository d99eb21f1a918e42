import PedigreeCore
import PedigreeQuery

/// Small pieces every page shows the same way: times, refs, chips, documents.
enum Views {
  /// `2026-11-20T10:00:00Z (3 days ago)`.
  static func time(_ time: Timestamp, now: Timestamp) -> String {
    "\(time.iso8601) (\(ago(time, now: now)))"
  }

  /// `3 days ago`, `in 2 hours`, `just now`.
  static func ago(_ time: Timestamp, now: Timestamp) -> String {
    let seconds = (now.milliseconds - time.milliseconds) / 1000
    let magnitude = abs(seconds)
    let (amount, unit): (Int64, String) =
      magnitude < 60
      ? (magnitude, "second")
      : magnitude < 3600
        ? (magnitude / 60, "minute")
        : magnitude < 86_400 ? (magnitude / 3600, "hour") : (magnitude / 86_400, "day")
    if magnitude < 5 { return "just now" }
    let text = "\(amount) \(unit)\(amount == 1 ? "" : "s")"
    return seconds >= 0 ? text + " ago" : "in " + text
  }

  /// An alias chip linking to the model page.
  static func chip(_ alias: String, model: String) -> Span {
    Span(alias, href: Link.model(model), cls: alias == "production" ? "chip production" : "chip")
  }

  /// A link to a lineage node's page, red when deprecated.
  static func node(_ node: LineageNode, digest: Bool = true) -> [Span] {
    var spans = [Span(node.label, href: Link.node(node), cls: node.deprecated ? "deprecated" : "")]
    if node.deprecated { spans += [Span(" "), Span("deprecated", cls: "badge deprecated")] }
    if digest, let value = node.digest {
      spans.append(Span(" " + Format.shortDigest(value), cls: "mono muted"))
    }
    for alias in node.aliases {
      spans.append(Span(" ")); spans.append(chip(alias, model: node.entityName ?? ""))
    }
    return spans
  }

  /// Nodes as a table: node, kind, digest, URI.
  static func nodeTable(_ nodes: [LineageNode], empty: String) -> [Block] {
    guard !nodes.isEmpty else { return [.text(empty, cls: "muted")] }
    return [
      .table(
        headers: ["NODE", "KIND", "DIGEST", "URI"],
        rows: nodes.map { node in
          Row(
            cells: [
              Cell(self.node(node, digest: false)), Cell(node.ref.kind.noun),
              Cell([Span(node.digest ?? "-", cls: "mono")]),
              Cell([Span(node.uri ?? "-", cls: "mono")]),
            ], cls: node.deprecated ? "deprecated" : "")
        })
    ]
  }

  /// A report document (the one `--format markdown` prints) as page blocks: each section a
  /// heading, its fields a definition list, its tables tables, its lines a list of paragraphs.
  static func document(_ document: ReportDocument, skip: Set<String> = []) -> [Block] {
    var blocks: [Block] = []
    for section in document.sections where !skip.contains(section.title) {
      blocks.append(.heading(section.title))
      for block in section.blocks {
        switch block {
        case .fields(let fields):
          blocks.append(
            .fields(
              fields.map { key, value in
                (key, [Span(value, cls: key == "deprecated" && value != "no" ? "deprecated" : "")])
              }))
        case .table(let table):
          if table.rows.isEmpty {
            blocks.append(.text("none", cls: "muted"))
          } else {
            blocks.append(
              .table(
                headers: table.headers,
                rows: table.rows.map { row in
                  Row(
                    cells: row.map { Cell($0) },
                    cls: row.contains { $0.contains("deprecated") || $0.hasPrefix("yes") } ? "deprecated" : ""
                  )
                }))
          }
        case .lines(let lines):
          blocks += lines.map {
            .paragraph([Span($0)], cls: $0.contains("deprecated") ? "line deprecated" : "line")
          }
        }
      }
    }
    return blocks
  }

  /// A user time (`2026-11-20`, `3 days ago`); `.usage` naming the parameter when it is bad.
  static func time(_ text: String?, name: String, now: Timestamp, endOfDay: Bool = false)
    throws(PedigreeError)
    -> Timestamp?
  {
    guard let text else { return nil }
    do {
      return try Timestamp(parsingUserTime: text, endOfDay: endOfDay, now: now)
    } catch {
      throw PedigreeError.usage("\(name): \(error.message)", hint: error.hint)
    }
  }
}
