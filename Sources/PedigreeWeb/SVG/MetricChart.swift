import Foundation
import PedigreeCore

/// A line chart of metric histories: one series per (run, key), downsampled with
/// `Downsampler`; NaN points break the line and are marked along the bottom, ±Infinity are
/// marked at the top and bottom edges; x is the step or the time; y may be logarithmic.
public struct MetricChart: Sendable {
  public enum XAxis: String, Sendable { case step, time }

  public struct Series: Sendable {
    public let label: String
    /// Drawn points (y already on the axis's scale: log10 of the value on a log axis).
    public let points: [ChartPoint]
    public let marks: ChartMarks
    /// Points in the history.
    public let count: Int
    /// Values a log axis cannot show (zero or less).
    public let hidden: Int

    public init(label: String, points: [ChartPoint], marks: ChartMarks, count: Int, hidden: Int = 0) {
      self.label = label
      self.points = points
      self.marks = marks
      self.count = count
      self.hidden = hidden
    }
  }

  public let title: String
  public let series: [Series]
  public let xAxis: XAxis
  public let logY: Bool

  static let width = 860.0
  static let height = 300.0
  static let left = 70.0
  static let right = 20.0
  /// Above the plot: one legend line per series.
  var top: Double { 12 + 15 * Double(max(1, series.count)) }
  static let bottom = 40.0
  static let colors = [
    "#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#65a30d",
  ]

  public init(title: String, series: [Series], xAxis: XAxis, logY: Bool) {
    self.title = title
    self.series = series
    self.xAxis = xAxis
    self.logY = logY
  }

  /// Reads a history into a series: `add` is called with a closure that takes each point in
  /// order (step, time in ms, value), so the history streams straight into the downsampler.
  public static func series(
    label: String, count: Int, target: Int, xAxis: XAxis, logY: Bool,
    read: ((_ step: Int64, _ time: Int64, _ value: Double) -> Void) throws -> Void
  ) rethrows -> Series {
    var sampler = Downsampler(count: count, target: target)
    var hidden = 0
    try read { step, time, value in
      let x = xAxis == .step ? Double(step) : Double(time)
      if logY && value.isFinite {
        guard value > 0 else {
          hidden += 1
          sampler.skip()
          return
        }
        sampler.add(x: x, y: log10(value))
      } else {
        sampler.add(x: x, y: value)
      }
    }
    let points = sampler.finish()
    return Series(label: label, points: points, marks: sampler.marks, count: count, hidden: hidden)
  }

  /// The chart as an SVG document.
  public func svg() -> String {
    var svg = SVGWriter(width: Self.width, height: Self.height, label: title)
    let n = SVGWriter.number
    let plotWidth = Self.width - Self.left - Self.right
    let top = self.top
    let plotHeight = Self.height - top - Self.bottom
    let xs = series.flatMap { $0.points.map(\.x) + $0.marks.marks.map(\.x) }
    let ys = series.flatMap { $0.points.map(\.y) }
    let minX = xs.min() ?? 0
    let maxX = xs.max() ?? 1
    var minY = ys.min() ?? 0
    var maxY = ys.max() ?? 1
    if minY == maxY {
      minY -= 1
      maxY += 1
    }
    let spanX = maxX > minX ? maxX - minX : 1
    func px(_ x: Double) -> Double { Self.left + (x - minX) / spanX * plotWidth }
    func py(_ y: Double) -> Double { top + (maxY - y) / (maxY - minY) * plotHeight }

    svg.element(
      "rect",
      [
        ("x", n(Self.left)), ("y", n(top)), ("width", n(plotWidth)), ("height", n(plotHeight)),
        ("fill", "#fff"), ("stroke", "#ccc"),
      ])
    // y ticks: min, middle, max.
    for fraction in [0.0, 0.5, 1.0] {
      let value = minY + (maxY - minY) * fraction
      let y = py(value)
      svg.element(
        "line",
        [
          ("x1", n(Self.left)), ("y1", n(y)), ("x2", n(Self.left + plotWidth)), ("y2", n(y)),
          ("stroke", "#eee"),
        ])
      svg.label(
        Self.tick(logY ? pow(10, value) : value), x: Self.left - 6, y: y + 4, anchor: "end", fill: "#555",
        size: 11)
    }
    svg.label(xLabel(minX), x: Self.left, y: Self.height - Self.bottom + 16, fill: "#555", size: 11)
    svg.label(
      xLabel(maxX), x: Self.left + plotWidth, y: Self.height - Self.bottom + 16, anchor: "end", fill: "#555",
      size: 11)
    svg.label(
      (xAxis == .step ? "step" : "time") + (logY ? " · log y" : ""), x: Self.left + plotWidth / 2,
      y: Self.height - Self.bottom + 16, anchor: "middle", fill: "#555", size: 11)

    for (index, series) in series.enumerated() {
      let color = Self.colors[index % Self.colors.count]
      svg.open("g", [("class", "series")])
      svg.title(series.label)
      var run: [(Double, Double)] = []
      var gap = series.points.first?.gap ?? 0
      func flush() {
        if run.count == 1 {
          svg.element(
            "circle", [("cx", n(run[0].0)), ("cy", n(run[0].1)), ("r", "2"), ("fill", color)])
        } else if run.count > 1 {
          svg.element(
            "polyline",
            [
              ("class", "line"), ("points", SVGWriter.points(run)), ("fill", "none"), ("stroke", color),
              ("stroke-width", "1.5"),
            ])
        }
        run = []
      }
      for point in series.points {
        if point.gap != gap {
          flush()
          gap = point.gap
        }
        run.append((px(point.x), py(point.y)))
      }
      flush()
      for mark in series.marks.marks {
        let x = px(mark.x)
        let (y, fill, what): (Double, String, String) =
          switch mark.kind {
          case .nan: (top + plotHeight - 4, "#dc2626", "NaN")
          case .positiveInfinity: (top + 4, "#7c3aed", "+Infinity")
          case .negativeInfinity: (top + plotHeight - 4, "#7c3aed", "-Infinity")
          }
        svg.open("g", [("class", "mark \(mark.kind.rawValue)")])
        svg.title("\(what) at \(xLabel(mark.x))")
        if mark.kind == .nan {
          svg.element(
            "line",
            [
              ("x1", n(x)), ("y1", n(top)), ("x2", n(x)), ("y2", n(top + plotHeight)),
              ("stroke", fill), ("stroke-width", "1"), ("stroke-dasharray", "2 3"),
            ])
          svg.label("NaN", x: x + 2, y: y, fill: fill, size: 9)
        } else {
          let direction = mark.kind == .positiveInfinity ? -1.0 : 1.0
          svg.element(
            "path",
            [("d", "M\(n(x)),\(n(y + 4 * direction)) l-5,\(n(6 * -direction)) h10 z"), ("fill", fill)])
        }
        svg.end("g")
      }
      svg.end("g")
    }
    // Legend above the plot.
    for (index, series) in series.enumerated() {
      let color = Self.colors[index % Self.colors.count]
      let y = 16 + Double(index) * 15
      svg.element(
        "rect",
        [("x", n(Self.left + 8)), ("y", n(y - 9)), ("width", "10"), ("height", "10"), ("fill", color)])
      var text = truncated(series.label, 60) + "  (\(series.count) points, \(series.points.count) drawn"
      for (kind, word) in [
        (ChartMarks.Kind.nan, "NaN"), (.positiveInfinity, "+Inf"), (.negativeInfinity, "-Inf"),
      ] {
        if let count = series.marks.counts[kind] { text += ", \(count) \(word)" }
      }
      if series.hidden > 0 { text += ", \(series.hidden) ≤ 0 hidden" }
      svg.label(text + ")", x: Self.left + 22, y: y, size: 11)
    }
    return svg.finish()
  }

  private func xLabel(_ x: Double) -> String {
    switch xAxis {
    case .step: String(Int64(x.rounded()))
    case .time: Timestamp(milliseconds: Int64(x.rounded())).iso8601
    }
  }

  /// A short, deterministic tick label: 4 significant digits.
  static func tick(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Infinity" : "-Infinity") }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    if magnitude >= 1e5 || magnitude < 1e-3 {
      let exponent = Int(floor(log10(magnitude)))
      let mantissa = value / pow(10, Double(exponent))
      return "\(rounded(mantissa, 3))e\(exponent)"
    }
    let decimals = max(0, 3 - Int(floor(log10(magnitude))))
    return rounded(value, decimals)
  }

  private static func rounded(_ value: Double, _ decimals: Int) -> String {
    let scale = pow(10, Double(decimals))
    let scaled = (value * scale).rounded()
    var text = String(Int64(scaled))
    guard decimals > 0 else { return text }
    let negative = scaled < 0
    if negative { text.removeFirst() }
    while text.count <= decimals { text = "0" + text }
    var result = String(text.dropLast(decimals)) + "." + String(text.suffix(decimals))
    while result.hasSuffix("0") { result.removeLast() }
    if result.hasSuffix(".") { result.removeLast() }
    return (negative ? "-" : "") + result
  }
}
