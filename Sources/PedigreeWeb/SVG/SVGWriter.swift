/// Builds SVG text by hand, deterministically: numbers are printed with at most one decimal (so
/// the same drawing is byte for byte the same file), every attribute value and text node is
/// escaped, and only presentation attributes are used (no `style`, which the pages' CSP forbids).
struct SVGWriter {
  private(set) var text = ""

  init(width: Double, height: Double, label: String) {
    text =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVGWriter.number(width))\" "
      + "height=\"\(SVGWriter.number(height))\" viewBox=\"0 0 \(SVGWriter.number(width)) "
      + "\(SVGWriter.number(height))\" role=\"img\" aria-label=\"\(SVGWriter.escape(label))\" "
      + "font-family=\"sans-serif\" font-size=\"12\">"
  }

  /// The finished document.
  mutating func finish() -> String {
    text += "</svg>"
    return text
  }

  /// `0.1` precision, no trailing `.0`, no `-0`.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let tenths = (value * 10).rounded()
    if tenths == 0 { return "0" }
    let whole = Int64(tenths) / 10
    let fraction = abs(Int64(tenths) % 10)
    if fraction == 0 { return String(whole) }
    return (tenths < 0 && whole == 0 ? "-0" : String(whole)) + "." + String(fraction)
  }

  /// Escapes text for an XML attribute value or text node.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        // XML 1.0 forbids most control characters even as references: drop them.
        if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
          scalar.value < 0x20, scalar != "\n", scalar != "\t", scalar != "\r"
        {
          continue
        }
        out.append(character)
      }
    }
    return out
  }

  /// Opens an element with attributes (values escaped); `close: true` makes it empty (`/>`).
  mutating func open(_ name: String, _ attributes: [(String, String)], close: Bool = false) {
    text += "<" + name
    for (key, value) in attributes { text += " \(key)=\"\(SVGWriter.escape(value))\"" }
    text += close ? "/>" : ">"
  }

  mutating func end(_ name: String) { text += "</\(name)>" }

  /// An empty element.
  mutating func element(_ name: String, _ attributes: [(String, String)]) {
    open(name, attributes, close: true)
  }

  /// An element holding escaped text.
  mutating func element(_ name: String, _ attributes: [(String, String)], text content: String) {
    open(name, attributes)
    text += SVGWriter.escape(content)
    end(name)
  }

  /// A `<title>` child: the tooltip a browser shows on hover.
  mutating func title(_ content: String) { element("title", [], text: content) }

  /// A text label.
  mutating func label(
    _ content: String, x: Double, y: Double, anchor: String = "start", fill: String = "#222",
    size: Double? = nil, weight: String? = nil
  ) {
    var attributes = [("x", SVGWriter.number(x)), ("y", SVGWriter.number(y)), ("fill", fill)]
    if anchor != "start" { attributes.append(("text-anchor", anchor)) }
    if let size { attributes.append(("font-size", SVGWriter.number(size))) }
    if let weight { attributes.append(("font-weight", weight)) }
    element("text", attributes, text: content)
  }

  /// `x1,y1 x2,y2 …` for `points=`.
  static func points(_ points: [(Double, Double)]) -> String {
    points.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " ")
  }
}

/// Text cut to `limit` characters with an ellipsis, for labels in fixed-width boxes.
func truncated(_ text: String, _ limit: Int) -> String {
  text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
}
