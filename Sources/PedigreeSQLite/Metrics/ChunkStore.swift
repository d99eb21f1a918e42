import PedigreeCore

/// Metric histories in `metric_chunks` (see migrations/0005): each write of a run's metric
/// appends one row per key holding that write's points, encoded by `ChunkCodec`; rows are never
/// changed. A history is the merge of its chunks in step order.
extension Database {
  /// Appends the points of one metric of a run, in history order and without duplicates: one
  /// insert per `ChunkCodec.maximumPoints` points (one, for any write smaller than that).
  func appendChunks(runID: Int64, keyID: Int64, points: [ChunkPoint]) throws {
    try appendChunks(runID: runID, keyID: keyID, chunks: EncodedChunk.split(points))
  }

  /// Appends chunks of one metric already encoded (see `PreparedHistory`).
  func appendChunks(runID: Int64, keyID: Int64, chunks: [EncodedChunk]) throws {
    try appendChunks(runID: runID, chunks.map { (keyID, $0) })
  }

  /// Appends chunks of a run's metrics already encoded, up to 16 in one statement.
  func appendChunks(runID: Int64, _ chunks: [(keyID: Int64, chunk: EncodedChunk)]) throws {
    try Self.chunksInsert.run(chunks, in: self) { insert, row, index in
      try insert.bind(runID, at: index)
      try insert.bind(row.keyID, at: index + 1)
      try insert.bind(Int64(row.chunk.count), at: index + 2)
      try insert.bind(row.chunk.minStep, at: index + 3)
      try insert.bind(row.chunk.maxStep, at: index + 4)
      try insert.bind(.blob(row.chunk.bytes), at: index + 5)
    }
  }

  private static let chunksInsert = MultiRowInsert(
    "INSERT INTO metric_chunks(run_id, key_id, count, min_step, max_step, points)",
    row: "(?, ?, ?, ?, ?, ?)", maximumRows: 16)

  /// The ids of the metric keys the run has points of, ascending.
  func chunkKeyIDs(runID: Int64) throws -> [Int64] {
    try query(
      "SELECT DISTINCT key_id FROM metric_chunks WHERE run_id = ? ORDER BY key_id", [.integer(runID)]
    ) { $0.int64(0) }
  }

  /// The stored points of one metric of a run with a step in `steps`, in history order (for a
  /// write checking what is already recorded).
  func storedPoints(runID: Int64, keyID: Int64, steps: ClosedRange<Int64>) throws -> [ChunkPoint] {
    var found: [ChunkPoint] = []
    try forEachStoredPoint(runID: runID, keyID: keyID, fromStep: steps.lowerBound) { point in
      guard point.step <= steps.upperBound else { return false }
      found.append(point)
      return true
    }
    return found
  }

  /// Calls `body` with every point of one metric of a run whose step is at least `fromStep`, in
  /// history order (`ChunkPoint.precedes`), until it returns `false`.
  ///
  /// Chunks are read in order of their first step and merged: memory holds the chunks whose step
  /// ranges overlap the point being emitted (one, for a history logged in step order), never the
  /// whole history. When more overlap than `budget` allows (thousands of single-point chunks at
  /// one step, as a client logging one call per point at step 0 makes), the rest is read in
  /// passes that each keep only the next `budget.points` points: memory stays bounded, and such a
  /// history costs one scan of its overlapping chunks per pass.
  ///
  /// - Returns: what the read held and did, for tests of those bounds.
  /// - Throws: `ChunkDamage` (as `.io` at the public boundary) for a chunk that does not decode.
  @discardableResult
  func forEachStoredPoint(
    runID: Int64, keyID: Int64, fromStep: Int64 = .min, budget: ChunkReadBudget = .standard,
    _ body: (ChunkPoint) throws -> Bool
  ) throws -> ChunkReadStatistics {
    var statistics = ChunkReadStatistics()
    // Cached: callers never nest two merges (`body` runs no query of its own).
    let chunks = try chunkQuery(runID: runID, keyID: keyID, fromStep: fromStep)
    defer { chunks.reset() }
    var merge = ChunkMerge()
    var next: (minStep: Int64, points: [ChunkPoint])?
    var last: ChunkPoint?
    func fetch() throws {
      next = try chunks.step() ? try Self.decodeChunk(chunks.row) : nil
    }
    try fetch()
    while true {
      // A point may be emitted once no unread chunk can hold one before it: unread chunks
      // start at `next.minStep` or later.
      while let chunk = next, merge.isEmpty || chunk.minStep <= merge.headStep {
        if !merge.isEmpty && !budget.allows(merge, adding: chunk.points.count) {
          chunks.reset()
          try forEachSelectedPoint(
            runID: runID, keyID: keyID, fromStep: fromStep, after: last, budget: budget,
            statistics: &statistics, body)
          return statistics
        }
        merge.add(chunk.points)
        try fetch()
        statistics.peakPoints = max(statistics.peakPoints, merge.heldPoints + (next?.points.count ?? 0))
      }
      guard !merge.isEmpty else { return statistics }
      // With no unread chunk left, everything goes (a step of Int64.max included); otherwise
      // what precedes the next chunk's first step (the loop above made that at least one point).
      while !merge.isEmpty, next.map({ merge.headStep < $0.minStep }) ?? true {
        let point = merge.pop()
        last = point
        if point.step >= fromStep, try !body(point) { return statistics }
      }
    }
  }

  /// The bounded path of `forEachStoredPoint`: the points after `after`, in passes that each scan
  /// the chunks from `after`'s step and keep the `budget.points` first points, then emit them.
  private func forEachSelectedPoint(
    runID: Int64, keyID: Int64, fromStep: Int64, after: ChunkPoint?, budget: ChunkReadBudget,
    statistics: inout ChunkReadStatistics, _ body: (ChunkPoint) throws -> Bool
  ) throws {
    var after = after
    while true {
      var selection = PointSelection(capacity: budget.points)
      let chunks = try chunkQuery(runID: runID, keyID: keyID, fromStep: max(fromStep, after?.step ?? .min))
      while try chunks.step() {
        // Unread chunks start at this one's first step or later: past a full selection's last
        // point, none of their points can enter it.
        if let largest = selection.largestIfFull, chunks.row.int64(1) > largest.step { break }
        let points = try Self.decodeChunk(chunks.row).points
        statistics.peakPoints = max(statistics.peakPoints, selection.count + points.count)
        for point in points
        where point.step >= fromStep && after.map({ ChunkPoint.precedes($0, point) }) ?? true {
          selection.insert(point)
        }
      }
      chunks.reset()
      statistics.passes += 1
      let points = selection.sorted()
      for point in points where try !body(point) { return }
      guard points.count == budget.points else { return }
      after = points.last
    }
  }

  /// The chunks of one metric of a run that may hold a point at `fromStep` or later, by first step.
  private func chunkQuery(runID: Int64, keyID: Int64, fromStep: Int64) throws -> Statement {
    let chunks = try prepare(
      """
      SELECT count, min_step, max_step, points FROM metric_chunks
      WHERE run_id = ? AND key_id = ? AND max_step >= ? ORDER BY min_step
      """)
    try chunks.bind([.integer(runID), .integer(keyID), .integer(fromStep)])
    return chunks
  }

  private static func decodeChunk(_ row: Row) throws -> (minStep: Int64, points: [ChunkPoint]) {
    let (minStep, maxStep) = (row.int64(1), row.int64(2))
    let points = try row.withBlob(3) { (bytes) throws(ChunkDamage) in
      try ChunkCodec.decode(bytes, count: row.int(0), minStep: minStep, maxStep: maxStep)
    }
    return (minStep, points)
  }
}

/// How much one read of a history may hold decoded at once: `points` across the chunks it
/// merges, and `chunks` chunks.
struct ChunkReadBudget {
  var points: Int
  var chunks: Int

  /// 32,768 points (768 KiB) and 256 chunks: two full chunks that overlap merge directly.
  static let standard = ChunkReadBudget(points: 4 * ChunkCodec.maximumPoints, chunks: 256)

  func allows(_ merge: ChunkMerge, adding count: Int) -> Bool {
    merge.chunkCount < chunks && merge.heldPoints + count <= points
  }
}

/// What a history read held and did: the most decoded points it held at once, and how many
/// bounded passes it made.
struct ChunkReadStatistics {
  var peakPoints = 0
  var passes = 0
}

/// The `capacity` first points (in history order) of those inserted: a max-heap.
struct PointSelection {
  private var heap: [ChunkPoint] = []
  let capacity: Int

  init(capacity: Int) { self.capacity = capacity }

  var count: Int { heap.count }

  /// The last point kept, once `capacity` are kept.
  var largestIfFull: ChunkPoint? { heap.count == capacity ? heap.first : nil }

  mutating func insert(_ point: ChunkPoint) {
    if heap.count < capacity {
      heap.append(point)
      var child = heap.count - 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard ChunkPoint.precedes(heap[parent], heap[child]) else { break }
        heap.swapAt(child, parent)
        child = parent
      }
    } else if ChunkPoint.precedes(point, heap[0]) {
      heap[0] = point
      var parent = 0
      while true {
        let left = 2 * parent + 1
        guard left < heap.count else { return }
        var larger = left
        if left + 1 < heap.count, ChunkPoint.precedes(heap[left], heap[left + 1]) { larger = left + 1 }
        guard ChunkPoint.precedes(heap[parent], heap[larger]) else { return }
        heap.swapAt(larger, parent)
        parent = larger
      }
    }
  }

  /// The kept points in history order.
  func sorted() -> [ChunkPoint] { heap.sorted(by: ChunkPoint.precedes) }
}

/// The k-way merge of decoded chunks: a binary heap of cursors ordered by their current point.
struct ChunkMerge {
  private struct Cursor {
    let points: [ChunkPoint]
    var index: Int
    var head: ChunkPoint { points[index] }
  }
  private var heap: [Cursor] = []
  /// The points not yet popped, over every chunk.
  private(set) var heldPoints = 0

  var isEmpty: Bool { heap.isEmpty }
  var chunkCount: Int { heap.count }
  /// The step of the next point; only when not empty.
  var headStep: Int64 { heap[0].head.step }

  mutating func add(_ points: [ChunkPoint]) {
    guard !points.isEmpty else { return }
    heldPoints += points.count
    heap.append(Cursor(points: points, index: 0))
    var child = heap.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard ChunkPoint.precedes(heap[child].head, heap[parent].head) else { break }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  /// Removes and returns the next point in history order.
  mutating func pop() -> ChunkPoint {
    let point = heap[0].head
    heldPoints -= 1
    heap[0].index += 1
    if heap[0].index == heap[0].points.count {
      heap.swapAt(0, heap.count - 1)
      heap.removeLast()
    }
    if heap.count > 1 { siftDown() }
    return point
  }

  private mutating func siftDown() {
    var parent = 0
    while true {
      let left = 2 * parent + 1
      guard left < heap.count else { return }
      var best = left
      if left + 1 < heap.count, ChunkPoint.precedes(heap[left + 1].head, heap[left].head) {
        best = left + 1
      }
      guard ChunkPoint.precedes(heap[best].head, heap[parent].head) else { return }
      heap.swapAt(best, parent)
      parent = best
    }
  }
}
