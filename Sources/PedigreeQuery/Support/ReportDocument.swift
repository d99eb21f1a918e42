/// A report as titled sections of fields, tables and lines, rendered as plain text for the
/// terminal or as Markdown to paste into a review. Reports build one document and render it
/// either way, so the two forms never disagree.
public struct ReportDocument: Sendable {
  /// One piece of a section.
  public enum Block: Sendable {
    /// Aligned `key: value` lines (a Markdown bullet list).
    case fields([(String, String)])
    /// A table (a Markdown pipe table).
    case table(TextTable)
    /// Lines of text (Markdown list items).
    case lines([String])
  }

  /// A titled part of a report.
  public struct Section: Sendable {
    public var title: String
    public var blocks: [Block]

    public init(_ title: String, _ blocks: [Block]) {
      self.title = title
      self.blocks = blocks
    }
  }

  public var title: String
  public var sections: [Section]

  public init(title: String, sections: [Section]) {
    self.title = title
    self.sections = sections
  }

  /// Plain text: the title, then each section under an underlined heading.
  public func text() -> String {
    var parts = [title, String(repeating: "=", count: title.count)]
    for section in sections {
      parts.append("")
      parts.append(section.title)
      parts.append(String(repeating: "-", count: section.title.count))
      for block in section.blocks { parts.append(Self.text(block)) }
    }
    return parts.joined(separator: "\n")
  }

  private static func text(_ block: Block) -> String {
    switch block {
    case .fields(let pairs): TextTable.fields(pairs)
    case .table(let table): table.rows.isEmpty ? "(none)" : table.rendered()
    case .lines(let lines): lines.isEmpty ? "(none)" : lines.joined(separator: "\n")
    }
  }

  /// Markdown: `#` title, `##` sections, bullet lists and pipe tables; values are escaped.
  public func markdown() -> String {
    var parts = ["# \(Self.escape(title))"]
    for section in sections {
      parts.append("")
      parts.append("## \(Self.escape(section.title))")
      for block in section.blocks {
        parts.append("")
        parts.append(Self.markdown(block))
      }
    }
    return parts.joined(separator: "\n") + "\n"
  }

  private static func markdown(_ block: Block) -> String {
    switch block {
    case .fields(let pairs):
      return pairs.map { "- **\(escape($0.0)):** \(escape($0.1))" }.joined(separator: "\n")
    case .lines(let lines):
      return lines.isEmpty ? "_none_" : lines.map { "- \(escape($0))" }.joined(separator: "\n")
    case .table(let table):
      guard !table.rows.isEmpty else { return "_none_" }
      let row = { (cells: [String]) in "| " + cells.map(escape).joined(separator: " | ") + " |" }
      let rule = "|" + String(repeating: " --- |", count: table.headers.count)
      return ([row(table.headers), rule] + table.rows.map(row)).joined(separator: "\n")
    }
  }

  /// Escapes the characters Markdown would read as markup, and folds newlines into spaces.
  static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "\\", "`", "*", "_", "|", "<", ">", "[", "]", "#": out += "\\\(character)"
      case "\n", "\r": out += " "
      default: out.append(character)
      }
    }
    return out
  }
}
