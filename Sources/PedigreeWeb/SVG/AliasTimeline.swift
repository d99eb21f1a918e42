import PedigreeCore

/// Who held each alias when: one lane per alias, one segment per stretch an alias pointed at a
/// version (from the move onto it to the next move, or to the end of the picture), and a marker
/// at every move carrying its time, action, versions, actor and reason.
public struct AliasTimeline: Sendable {
  public struct Segment: Equatable, Sendable {
    public let alias: String
    public let version: Int
    public let from: Timestamp
    public let until: Timestamp
    /// Whether the alias still holds the version at the end of the picture.
    public let isCurrent: Bool
    public let actor: String
    public let reason: String?
    public let action: String
  }

  /// Aliases top to bottom: `production` first, then by name.
  public let lanes: [String]
  public let segments: [Segment]
  public let moves: [AliasEvent]
  public let start: Timestamp
  public let end: Timestamp
  /// Versions deprecated (by the end of the picture), drawn hatched red.
  public let deprecated: Set<Int>

  static let width = 900.0
  static let laneHeight = 34.0
  static let labelWidth = 110.0
  static let top = 10.0
  static let axisHeight = 30.0

  /// - Parameters:
  ///   - events: the model's alias events up to `end`, oldest first.
  ///   - start: the left edge (the model's registration).
  ///   - end: the right edge: now, or the time the page is read as of.
  public init(events: [AliasEvent], start: Timestamp, end: Timestamp, deprecated: Set<Int> = []) {
    let events = events.filter { $0.at <= end }
    lanes = Set(events.map(\.alias)).sorted(by: AliasTimeline.laneOrder)
    var segments: [Segment] = []
    for lane in lanes {
      let own = events.filter { $0.alias == lane }
      // A removal ends the segment before it and opens none: the lane is empty until the next move.
      for (index, event) in own.enumerated() {
        guard let version = event.toVersion else { continue }
        let next = index + 1 < own.count ? own[index + 1].at : nil
        segments.append(
          Segment(
            alias: lane, version: version, from: event.at, until: next ?? end, isCurrent: next == nil,
            actor: event.actor, reason: event.reason, action: event.action))
      }
    }
    self.segments = segments
    self.moves = events
    self.start = min(start, events.first?.at ?? start)
    self.end = max(end, self.start)
    self.deprecated = deprecated
  }

  /// `production` first, then by name.
  static func laneOrder(_ a: String, _ b: String) -> Bool {
    if (a == "production") != (b == "production") { return a == "production" }
    return a < b
  }

  private func x(_ time: Timestamp) -> Double {
    let span = Double(max(1, end.milliseconds - start.milliseconds))
    let plot = Self.width - Self.labelWidth - 20
    return Self.labelWidth + Double(time.milliseconds - start.milliseconds) / span * plot
  }

  /// A colour per version, stable for the same number.
  static func color(_ version: Int) -> String {
    let palette = ["#2563eb", "#059669", "#d97706", "#7c3aed", "#db2777", "#0891b2", "#65a30d", "#9333ea"]
    return palette[(version - 1) % palette.count]
  }

  /// The timeline as an SVG document.
  public func svg(model: String) -> String {
    let height = Self.top + Double(max(1, lanes.count)) * Self.laneHeight + Self.axisHeight
    var svg = SVGWriter(width: Self.width, height: height, label: "alias timeline of \(model)")
    let n = SVGWriter.number
    if lanes.isEmpty {
      svg.label("no alias has been set", x: Self.labelWidth, y: Self.top + 20, fill: "#555")
    }
    for (row, lane) in lanes.enumerated() {
      let y = Self.top + Double(row) * Self.laneHeight
      svg.label(truncated(lane, 14), x: Self.labelWidth - 8, y: y + 21, anchor: "end", weight: "bold")
      for segment in segments where segment.alias == lane {
        let left = x(segment.from)
        let right = max(left + 2, x(segment.until))
        let bad = deprecated.contains(segment.version)
        svg.open("g", [("class", segment.isCurrent ? "segment current" : "segment")])
        svg.title(
          "\(lane) → \(model)@\(segment.version) from \(segment.from.iso8601) "
            + (segment.isCurrent ? "(still)" : "until \(segment.until.iso8601)")
            + " · \(segment.action) by \(segment.actor)" + (segment.reason.map { ": \($0)" } ?? "")
            + (bad ? " · version deprecated" : ""))
        svg.element(
          "rect",
          [
            ("x", n(left)), ("y", n(y + 6)), ("width", n(right - left)), ("height", n(Self.laneHeight - 12)),
            ("rx", "3"), ("fill", bad ? "#fecaca" : Self.color(segment.version)),
            ("stroke", bad ? "#dc2626" : "#fff"), ("stroke-width", bad ? "1.5" : "1"),
          ])
        if right - left > 26 {
          svg.label(
            "v\(segment.version)", x: left + 5, y: y + 21, fill: bad ? "#991b1b" : "#fff", size: 11,
            weight: "bold")
        }
        svg.end("g")
      }
    }
    for move in moves {
      guard let row = lanes.firstIndex(of: move.alias) else { continue }
      let y = Self.top + Double(row) * Self.laneHeight
      let at = x(move.at)
      svg.open("g", [("class", "move")])
      svg.title(
        "\(move.at.iso8601) \(move.action) \(move.alias): "
          + (move.fromVersion.map { "v\($0)" } ?? "unset") + " → "
          + (move.toVersion.map { "v\($0)" } ?? "unset") + " by \(move.actor)"
          + (move.reason.map { " — \($0)" } ?? ""))
      svg.element(
        "path",
        [
          ("d", "M\(n(at)),\(n(y + 2)) l5,-6 h-10 z"),
          ("fill", move.action == "rollback" ? "#dc2626" : "#111"),
        ])
      svg.element(
        "line",
        [
          ("x1", n(at)), ("y1", n(y + 2)), ("x2", n(at)), ("y2", n(y + Self.laneHeight - 4)),
          ("stroke", "#111"),
          ("stroke-width", "1"),
        ])
      svg.end("g")
    }
    let axis = Self.top + Double(max(1, lanes.count)) * Self.laneHeight + 4
    svg.element(
      "line",
      [
        ("x1", n(Self.labelWidth)), ("y1", n(axis)), ("x2", n(Self.width - 20)), ("y2", n(axis)),
        ("stroke", "#999"),
      ])
    svg.label(String(start.iso8601.prefix(10)), x: Self.labelWidth, y: axis + 16, fill: "#555", size: 11)
    svg.label(
      String(end.iso8601.prefix(16)), x: Self.width - 20, y: axis + 16, anchor: "end", fill: "#555", size: 11)
    return svg.finish()
  }
}
