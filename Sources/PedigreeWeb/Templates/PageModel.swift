/// A piece of inline text, a link when `href` is set; `cls` picks its look (`chip`,
/// `deprecated`, `mono`, …). Its text is escaped by the template, whatever a user wrote in it.
struct Span {
  var text: String
  var href: String?
  var cls: String = ""

  init(_ text: String, href: String? = nil, cls: String = "") {
    self.text = text
    self.href = href
    self.cls = cls
  }

  /// Every key set, so a missing one never resolves from an enclosing context.
  var context: [String: Any] {
    ["text": text, "href": href ?? "", "hasHref": href != nil, "cls": cls]
  }
}

/// A table cell: spans, and a class for the cell.
struct Cell {
  var spans: [Span]
  var cls: String = ""

  init(_ spans: [Span], cls: String = "") {
    self.spans = spans
    self.cls = cls
  }

  init(_ text: String, href: String? = nil, cls: String = "") {
    self.init([Span(text, href: href)], cls: cls)
  }
}

/// A table row with its class (`deprecated` rows are red).
struct Row {
  var cells: [Cell]
  var cls: String = ""
}

/// One input of a GET form.
struct FormInput {
  var label: String
  var name: String
  var value: String
  var size: Int = 20
  var type: String = "text"
}

/// The blocks a page body is made of, in order.
enum Block {
  case heading(String, id: String = "")
  case paragraph([Span], cls: String = "")
  case fields([(String, [Span])], cls: String = "")
  case table(headers: [String], rows: [Row], cls: String = "")
  /// An SVG document `SVGWriter` built (inserted unescaped) and its caption.
  case svg(String, caption: [Span], cls: String = "")
  case command(String)
  case form(action: String, inputs: [FormInput], submit: String, method: String = "get")
  /// Opens and closes a `<section class=…>` around the blocks between.
  case open(cls: String)
  case close

  /// A paragraph of one plain text.
  static func text(_ text: String, cls: String = "") -> Block { .paragraph([Span(text)], cls: cls) }

  /// The template context: one `isKIND` flag true, every other key present.
  var context: [String: Any] {
    var context: [String: Any] = [
      "isHeading": false, "isParagraph": false, "isFields": false, "isTable": false, "isSVG": false,
      "isCommand": false, "isForm": false, "isOpen": false, "isClose": false, "cls": "", "text": "",
      "id": "", "spans": [Any](),
    ]
    switch self {
    case .heading(let text, let id):
      context["isHeading"] = true
      context["text"] = text
      context["id"] = id.isEmpty ? Block.anchor(text) : id
    case .paragraph(let spans, let cls):
      context["isParagraph"] = true
      context["spans"] = spans.map(\.context)
      context["cls"] = cls
    case .fields(let fields, let cls):
      context["isFields"] = true
      context["cls"] = cls
      context["fields"] = fields.map { key, spans in
        [
          "key": key, "spans": spans.map(\.context),
          "cls": spans.contains { $0.cls.contains("deprecated") } ? "deprecated" : "",
        ]
      }
    case .table(let headers, let rows, let cls):
      context["isTable"] = true
      context["cls"] = cls
      context["headers"] = headers
      context["rows"] = rows.map { row in
        [
          "cls": row.cls,
          "cells": row.cells.map { cell in
            ["cls": cell.cls, "spans": cell.spans.map(\.context)] as [String: Any]
          },
        ] as [String: Any]
      }
    case .svg(let svg, let caption, let cls):
      context["isSVG"] = true
      context["svg"] = svg
      context["spans"] = caption.map(\.context)
      context["cls"] = cls
    case .command(let text):
      context["isCommand"] = true
      context["text"] = text
    case .form(let action, let inputs, let submit, let method):
      context["isForm"] = true
      context["action"] = action
      context["method"] = method
      context["submit"] = submit
      context["inputs"] = inputs.map { input in
        [
          "label": input.label, "name": input.name, "value": input.value, "size": input.size,
          "type": input.type,
        ] as [String: Any]
      }
    case .open(let cls):
      context["isOpen"] = true
      context["cls"] = cls
    case .close:
      context["isClose"] = true
    }
    return context
  }

  /// `Alias timeline` → `alias-timeline`.
  static func anchor(_ text: String) -> String {
    String(
      text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }.prefix(40))
  }
}

/// A whole page before rendering.
struct PageContent {
  var title: String
  var subtitle: [Span] = []
  var blocks: [Block] = []
  /// The JSON twin under `/api/v1`, linked from the footer.
  var json: String?
  /// Which navigation entry is current.
  var section: String = ""
  var status: Int = 200

  static let navigation = [
    ("Home", "/"), ("Models", "/models"), ("Runs", "/runs"), ("Lineage", "/lineage"), ("Diff", "/diff"),
    ("Log", "/log"),
  ]

  /// The XHTML document.
  func render(session: Bool) -> String {
    let context: [String: Any] = [
      "title": title, "hasSubtitle": !subtitle.isEmpty, "subtitle": subtitle.map(\.context),
      "blocks": blocks.map(\.context), "hasJSON": json != nil, "json": json ?? "",
      "footer": "Pedigree web UI · read-only: promote and roll back from the terminal",
      "hasSession": session,
      "nav": PageContent.navigation.map { name, href in
        ["text": name, "href": href, "cls": name == section ? "current" : ""]
      },
    ]
    return Templates.library.render(context, withTemplate: "layout") ?? ""
  }
}
