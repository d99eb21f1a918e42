import PedigreeCore

extension RunContent {
  /// A run's params and metric chunks as the database holds them, copied out of it so that
  /// another thread can hash them (`db check` reads on one connection and hashes on every core).
  struct Stored: Sendable {
    struct Chunk: Sendable {
      let count: Int
      let minStep: Int64
      let maxStep: Int64
      let bytes: [UInt8]

      func decoded() throws(ChunkDamage) -> [ChunkPoint] {
        let result = bytes.withUnsafeBytes { bytes in
          Result { () throws(ChunkDamage) in
            try ChunkCodec.decode(bytes, count: count, minStep: minStep, maxStep: maxStep)
          }
        }
        return try result.get()
      }
    }

    var params: [(key: String, value: String)] = []
    /// By key id; each key's chunks by first step.
    var metrics: [(key: String, chunks: [Chunk])] = []
    /// The bytes copied, to bound what a batch holds.
    var size = 0

    static func read(_ database: Database, runID: Int64) throws -> Stored {
      var stored = Stored()
      let params = try database.prepare("SELECT key, value FROM params WHERE run_id = ? ORDER BY key")
      defer { params.reset() }
      try params.bind([.integer(runID)])
      while try params.step() {
        stored.params.append((key: params.row.string(0), value: params.row.string(1)))
      }
      let chunks = try database.prepare(
        """
        SELECT c.key_id, k.key, c.count, c.min_step, c.max_step, c.points
        FROM metric_chunks c LEFT JOIN metric_keys k ON k.id = c.key_id
        WHERE c.run_id = ? ORDER BY c.key_id, c.min_step
        """)
      defer { chunks.reset() }
      try chunks.bind([.integer(runID)])
      var keyID: Int64?
      while try chunks.step() {
        let row = chunks.row
        if row.int64(0) != keyID {
          keyID = row.int64(0)
          stored.metrics.append((key: row.string(1), chunks: []))
        }
        let bytes = row.withBlob(5) { Array($0) }
        stored.size += bytes.count
        stored.metrics[stored.metrics.count - 1].chunks.append(
          Chunk(count: row.int(2), minStep: row.int64(3), maxStep: row.int64(4), bytes: bytes))
      }
      return stored
    }

    /// The run's content digest, and each key's last point in history order (with every value
    /// recorded at that step and time: the `latest_metrics` row may hold any of them).
    ///
    /// A key whose chunks do not overlap in steps (a history logged in step order) is hashed
    /// chunk after chunk as it decodes; one whose chunks overlap is merged first.
    ///
    /// - Throws: `ChunkDamage` for a chunk that does not decode.
    func summary() throws(ChunkDamage) -> (digest: String, latest: [String: LatestPoint]) {
      var encoder = Encoder()
      for param in params { encoder.param(param.key, param.value) }
      var latest: [String: LatestPoint] = [:]
      for metric in metrics {
        let header = Encoder.keyHeader(metric.key)
        var last = LatestPoint()
        var previousMax = Int64.min
        for (index, chunk) in metric.chunks.enumerated() {
          // In step order, a chunk can go as it decodes: no later chunk holds a point before
          // it. Chunks that overlap must merge: start again, merging.
          if index > 0 && chunk.minStep <= previousMax { return try Self.mergedSummary(self) }
          previousMax = chunk.maxStep
          for point in try chunk.decoded() {
            encoder.point(key: header, point)
            last.add(point)
          }
        }
        latest[metric.key] = last
      }
      return (encoder.finalize(), latest)
    }

    /// `summary()` merging every key's chunks (some key's chunks overlap in steps).
    private static func mergedSummary(_ stored: Stored) throws(ChunkDamage)
      -> (digest: String, latest: [String: LatestPoint])
    {
      var encoder = Encoder()
      for param in stored.params { encoder.param(param.key, param.value) }
      var latest: [String: LatestPoint] = [:]
      for metric in stored.metrics {
        let header = Encoder.keyHeader(metric.key)
        var merge = ChunkMerge()
        for chunk in metric.chunks {
          merge.add(try chunk.decoded())
        }
        var last = LatestPoint()
        while !merge.isEmpty {
          let point = merge.pop()
          encoder.point(key: header, point)
          last.add(point)
        }
        latest[metric.key] = last
      }
      return (encoder.finalize(), latest)
    }
  }

  /// A history's last point in history order: its step and time, and every value the history
  /// holds at that step and time.
  struct LatestPoint: Sendable {
    var step = Int64.min
    var timestamp = Int64.min
    var values: [Double] = []

    mutating func add(_ point: ChunkPoint) {
      if point.step != step || point.timestamp != timestamp {
        step = point.step
        timestamp = point.timestamp
        values.removeAll(keepingCapacity: true)
      }
      values.append(point.value)
    }

    /// Whether a `latest_metrics` row (NaN stored as NULL: `nil`) is this point.
    func matches(step: Int64, timestamp: Int64, value: Double?) -> Bool {
      guard step == self.step, timestamp == self.timestamp else { return false }
      return values.contains { stored in value.map { stored == $0 } ?? stored.isNaN }
    }
  }
}
