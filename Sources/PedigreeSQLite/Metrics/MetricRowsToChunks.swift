/// Migration 0005's conversion: the row-per-point `metrics` table of schema versions 1–4 into
/// `metric_chunks`, one chunk per run and key (split every `ChunkCodec.maximumPoints` points),
/// inside the migration's transaction.
///
/// The rows are read in their primary key's order, which is the history order of
/// `ChunkPoint.precedes`, so nothing is sorted and memory holds one run's key at a time. A row
/// with `is_nan = 1` becomes NaN; every other value is kept bit for bit.
enum MetricRowsToChunks {
  static func convert(_ database: Database) throws {
    let rows = try database.prepareUncached(
      """
      SELECT run_id, key_id, step, timestamp, value, is_nan FROM metrics
      ORDER BY run_id, key_id, step, timestamp, value, is_nan
      """)
    var current: (run: Int64, key: Int64)?
    var points: [ChunkPoint] = []
    func flush() throws {
      if let current, !points.isEmpty {
        try database.appendChunks(runID: current.run, keyID: current.key, points: points)
      }
      points.removeAll(keepingCapacity: true)
    }
    while try rows.step() {
      let row = rows.row
      let owner = (run: row.int64(0), key: row.int64(1))
      if current.map({ $0 != owner }) ?? true {
        try flush()
        current = owner
      }
      points.append(
        ChunkPoint(
          step: row.int64(2), timestamp: row.int64(3), value: row.int64(5) != 0 ? .nan : row.double(4)))
    }
    try flush()
  }
}
