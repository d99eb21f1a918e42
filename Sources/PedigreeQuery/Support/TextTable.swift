/// An aligned text table for human output: a header row and rows of cells, columns separated by
/// two spaces, the last column not padded.
///
/// ```swift
/// var table = TextTable(["MODEL", "LATEST", "ALIASES"])
/// table.append(["fraud-detector", "3", "production=2"])
/// print(table.rendered())
/// ```
public struct TextTable: Sendable, Equatable {
  /// How a column's cells line up.
  public enum Alignment: Sendable, Equatable { case left, right }

  public var headers: [String]
  public var rows: [[String]]
  /// Per column; missing entries mean `.left`.
  public var alignments: [Alignment]

  public init(_ headers: [String], rows: [[String]] = [], alignments: [Alignment] = []) {
    self.headers = headers
    self.rows = rows
    self.alignments = alignments
  }

  /// Adds a row; missing cells are blank, extra cells are dropped.
  public mutating func append(_ row: [String]) { rows.append(row) }

  /// The table as text lines joined by newlines, without a trailing newline. An empty header
  /// list renders the rows alone.
  public func rendered() -> String {
    let columns = max(headers.count, rows.map(\.count).max() ?? 0)
    let all = (headers.isEmpty ? [] : [headers]) + rows
    let widths = (0..<columns).map { column in
      all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
    }
    return all.map { line(cells: $0, widths: widths) }.joined(separator: "\n")
  }

  private func line(cells: [String], widths: [Int]) -> String {
    var parts: [String] = []
    for (column, width) in widths.enumerated() {
      let cell = column < cells.count ? cells[column] : ""
      let padding = String(repeating: " ", count: max(0, width - cell.count))
      let isLast = column == widths.count - 1
      let alignment = column < alignments.count ? alignments[column] : .left
      parts.append(alignment == .right ? padding + cell : (isLast ? cell : cell + padding))
    }
    var text = parts.joined(separator: "  ")
    while text.last == " " { text.removeLast() }
    return text
  }

  /// Aligned `key: value` lines.
  public static func fields(_ pairs: [(String, String)]) -> String {
    let width = pairs.map { $0.0.count + 1 }.max() ?? 0
    return pairs.map { key, value in
      let label = key + ":"
      return label + String(repeating: " ", count: width - label.count) + "  " + value
    }.joined(separator: "\n")
  }
}
