import PedigreeCore

/// Metric histories in `metric_chunks` (see migrations/0005): each write of a run's metric
/// appends one row per key holding that write's points, encoded by `ChunkCodec`; rows are never
/// changed. A history is the merge of its chunks in step order.
extension Database {
  /// Appends the points of one metric of a run, in history order and without duplicates: one
  /// insert per `ChunkCodec.maximumPoints` points (one, for any write smaller than that).
  func appendChunks(runID: Int64, keyID: Int64, points: [ChunkPoint]) throws {
    let insert = try prepare(
      """
      INSERT INTO metric_chunks(run_id, key_id, count, min_step, max_step, points)
      VALUES (?, ?, ?, ?, ?, ?)
      """)
    var start = 0
    while start < points.count {
      let end = min(points.count, start + ChunkCodec.maximumPoints)
      let slice = points[start..<end]
      try insert.bind([
        .integer(runID), .integer(keyID), .integer(Int64(slice.count)),
        .integer(slice[slice.startIndex].step), .integer(slice[slice.endIndex - 1].step),
        .blob(ChunkCodec.encode(slice)),
      ]).run()
      start = end
    }
  }

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
  /// whole history.
  ///
  /// - Throws: `ChunkDamage` (as `.io` at the public boundary) for a chunk that does not decode.
  func forEachStoredPoint(
    runID: Int64, keyID: Int64, fromStep: Int64 = .min, _ body: (ChunkPoint) throws -> Bool
  ) throws {
    // Cached: callers never nest two merges (`body` runs no query of its own).
    let chunks = try prepare(
      """
      SELECT count, min_step, max_step, points FROM metric_chunks
      WHERE run_id = ? AND key_id = ? AND max_step >= ? ORDER BY min_step
      """)
    defer { chunks.reset() }
    try chunks.bind([.integer(runID), .integer(keyID), .integer(fromStep)])
    var merge = ChunkMerge()
    var next: (minStep: Int64, points: [ChunkPoint])?
    func fetch() throws {
      guard try chunks.step() else {
        next = nil
        return
      }
      let row = chunks.row
      let (minStep, maxStep) = (row.int64(1), row.int64(2))
      let points = try row.withBlob(3) { (bytes) throws(ChunkDamage) in
        try ChunkCodec.decode(bytes, count: row.int(0), minStep: minStep, maxStep: maxStep)
      }
      next = (minStep, points)
    }
    try fetch()
    while true {
      // A point may be emitted once no unread chunk can hold one before it: unread chunks
      // start at `next.minStep` or later.
      while let chunk = next, merge.isEmpty || chunk.minStep <= merge.headStep {
        merge.add(chunk.points)
        try fetch()
      }
      guard !merge.isEmpty else { return }
      // With no unread chunk left, everything goes (a step of Int64.max included); otherwise
      // what precedes the next chunk's first step (the loop above made that at least one point).
      while !merge.isEmpty, next.map({ merge.headStep < $0.minStep }) ?? true {
        let point = merge.pop()
        if point.step >= fromStep, try !body(point) { return }
      }
    }
  }
}

/// The k-way merge of decoded chunks: a binary heap of cursors ordered by their current point.
struct ChunkMerge {
  private struct Cursor {
    let points: [ChunkPoint]
    var index: Int
    var head: ChunkPoint { points[index] }
  }
  private var heap: [Cursor] = []

  var isEmpty: Bool { heap.isEmpty }
  /// The step of the next point; only when not empty.
  var headStep: Int64 { heap[0].head.step }

  mutating func add(_ points: [ChunkPoint]) {
    guard !points.isEmpty else { return }
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
