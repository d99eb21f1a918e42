/// One point of a chart series: `x` is the step (or the time in milliseconds), `index` the
/// point's position in the history, `gap` how many unplottable points (NaN, ±Infinity) came
/// before it: two drawn points with different gaps are not joined.
public struct ChartPoint: Equatable, Sendable {
  public let index: Int
  public let x: Double
  public let y: Double
  public let gap: Int

  public init(index: Int, x: Double, y: Double, gap: Int = 0) {
    self.index = index
    self.x = x
    self.y = y
    self.gap = gap
  }
}

/// What a chart marks instead of drawing: where the history was NaN or ±Infinity.
public struct ChartMarks: Equatable, Sendable {
  public enum Kind: String, Sendable { case nan, positiveInfinity, negativeInfinity }
  /// At most one mark per kind per bucket (`x` of the first such point in it), so a history of a
  /// million NaNs still marks a bounded number of places; `counts` has the exact totals.
  public var marks: [(kind: Kind, x: Double)] = []
  public var counts: [Kind: Int] = [:]

  public static func == (a: ChartMarks, b: ChartMarks) -> Bool {
    a.counts == b.counts && a.marks.map(\.kind) == b.marks.map(\.kind) && a.marks.map(\.x) == b.marks.map(\.x)
  }
}

/// Largest-triangle-three-buckets (Steinarsson, 2013), streaming: the history is read once, one
/// point at a time, holding only two buckets, so a million points downsample in bounded memory.
/// It always keeps the first, last, minimum and maximum plottable points, so spikes survive.
///
/// `count` (the history's length, known from the metric's key info) fixes the buckets up front:
/// the points between the first and the last are cut into `target - 4` buckets by index; from
/// each, the point making the largest triangle with the point kept from the bucket before and
/// the average of the bucket after is kept. NaN and ±Infinity are never candidates: they break
/// the line (`ChartPoint.gap`) and are recorded in `marks`.
public struct Downsampler {
  public let count: Int
  public let target: Int
  /// Buckets between the first and last points: two of the target's slots are kept free for the
  /// minimum and maximum, so the result never exceeds `target`.
  private let bucketCount: Int
  private let every: Double

  private var index = 0
  private var gap = 0
  private var kept: [ChartPoint] = []
  private var first: ChartPoint?
  private var last: ChartPoint?
  private var minimum: ChartPoint?
  private var maximum: ChartPoint?
  /// The bucket whose point is chosen next, and the one after it (whose average is needed).
  private var current: [ChartPoint] = []
  private var next: [ChartPoint] = []
  private var currentBucket = 0
  private var lastMarkBucket: [ChartMarks.Kind: Int] = [:]
  public private(set) var marks = ChartMarks()

  /// - Parameters:
  ///   - count: how many points `add` will be given.
  ///   - target: how many points to keep at most (at least 5).
  public init(count: Int, target: Int = 800) {
    self.count = count
    self.target = max(5, target)
    bucketCount = self.target - 4
    every = count > self.target ? Double(count - 2) / Double(bucketCount) : 1
  }

  /// Whether every plottable point is kept (the history is no longer than the target).
  private var keepsAll: Bool { count <= target }

  /// The bucket of the point at `index` (1…count-2 are in buckets 0…bucketCount-1).
  private func bucket(of index: Int) -> Int {
    min(bucketCount - 1, Int(Double(index - 1) / every))
  }

  /// Reads the next point of the history.
  public mutating func add(x: Double, y: Double) {
    defer { index += 1 }
    guard y.isFinite else {
      let kind: ChartMarks.Kind = y.isNaN ? .nan : (y > 0 ? .positiveInfinity : .negativeInfinity)
      marks.counts[kind, default: 0] += 1
      let markBucket = keepsAll ? index : bucket(of: max(1, index))
      if lastMarkBucket[kind] != markBucket {
        lastMarkBucket[kind] = markBucket
        marks.marks.append((kind, x))
      }
      gap += 1
      return
    }
    let point = ChartPoint(index: index, x: x, y: y, gap: gap)
    if minimum == nil || y < minimum!.y { minimum = point }
    if maximum == nil || y > maximum!.y { maximum = point }
    if first == nil { first = point }
    last = point
    if keepsAll {
      kept.append(point)
      return
    }
    if index == 0 || index == count - 1 { return }  // first and last are kept anyway
    let pointBucket = bucket(of: index)
    while pointBucket > currentBucket + 1 { advance() }
    if pointBucket == currentBucket { current.append(point) } else { next.append(point) }
  }

  /// Reads a point that cannot be drawn on this chart though it is a number (zero or less on a
  /// log axis): it breaks the line like NaN, without a NaN mark.
  public mutating func skip() {
    index += 1
    gap += 1
  }

  /// Chooses the current bucket's point against the next bucket's average, then moves on.
  private mutating func advance() {
    choose(against: average(next))
    current = next
    next = []
    currentBucket += 1
  }

  private func average(_ points: [ChartPoint]) -> (Double, Double)? {
    guard !points.isEmpty else { return nil }
    var sumX = 0.0
    var sumY = 0.0
    for point in points {
      sumX += point.x
      sumY += point.y
    }
    return (sumX / Double(points.count), sumY / Double(points.count))
  }

  private mutating func choose(against after: (Double, Double)?) {
    guard let anchor = kept.last ?? first, !current.isEmpty else { return }
    let (cx, cy) = after ?? (anchor.x, anchor.y)
    var best = current[0]
    var bestArea = -1.0
    for point in current {
      let area = abs((anchor.x - cx) * (point.y - anchor.y) - (anchor.x - point.x) * (cy - anchor.y))
      if area > bestArea {
        bestArea = area
        best = point
      }
    }
    if kept.isEmpty, let first, first.index < best.index { kept.append(first) }
    kept.append(best)
  }

  /// The kept points in history order: first, one per bucket, last, plus the minimum and
  /// maximum when no bucket kept them.
  public mutating func finish() -> [ChartPoint] {
    if !keepsAll {
      while currentBucket < bucketCount - 1 { advance() }
      choose(against: last.map { ($0.x, $0.y) })
      current = []
    }
    var points = kept
    for extra in [first, minimum, maximum, last].compactMap({ $0 })
    where !points.contains(where: { $0.index == extra.index }) {
      points.append(extra)
    }
    points.sort { $0.index < $1.index }
    kept = points
    return points
  }

  /// Downsamples a whole array (tests, small series).
  public static func downsample(_ values: [(x: Double, y: Double)], target: Int = 800) -> (
    points: [ChartPoint], marks: ChartMarks
  ) {
    var sampler = Downsampler(count: values.count, target: target)
    for value in values { sampler.add(x: value.x, y: value.y) }
    let points = sampler.finish()
    return (points, sampler.marks)
  }
}
