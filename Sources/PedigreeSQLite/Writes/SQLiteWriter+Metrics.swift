import PedigreeCore

/// What `insertMetrics` wrote: the metric keys' ids, and per key (by id) the points stored, in
/// history order: for a new run, its whole history, from which its digest is computed without
/// reading it back.
struct WrittenMetrics {
  var keyIDs: [String: Int64] = [:]
  var histories: [(keyID: Int64, key: String, points: [ChunkPoint])] = []
  /// The new run's content digest, when the prepared metrics brought it for these key ids.
  var contentDigest: String?
}

/// Which points of a write are already recorded, and so skipped (see `insertMetrics`).
enum RecordedPoints {
  /// A new run: nothing is stored yet; only exact duplicates within the write collapse.
  case none
  /// A retried `run log`, which stamps its points with a new time: skip a point whose key, step
  /// and value the run already has, or that the write already carries.
  case sameStepAndValue
  /// A retried client that sends its own times (MLflow's `log-batch`): skip a point the run has
  /// with the same key, step, time and value.
  case exact
}

extension SQLiteWriter {
  /// Appends metric points to a run, all or nothing, for clients that send each point's own time
  /// (MLflow's `log-metric` and `log-batch`, one point or up to a thousand at a time).
  ///
  /// Each key's new points are one `metric_chunks` row; a point the run already has with the
  /// same key, step, time and value adds nothing, so a retried batch is harmless, and a call
  /// with nothing new writes nothing, not even an audit entry (`changed == false`). Otherwise one
  /// `run.log` entry, with the run's content digest, as `logRun` writes.
  @discardableResult
  public func logMetrics(_ ref: Ref, _ points: [MetricPoint]) throws(PedigreeError) -> Outcome<NodeRef> {
    try logRun(ref, RunLog(metrics: points), recorded: .exact)
  }

  /// Appends metric points to a run: per key, one `metric_chunks` row holding the write's new
  /// points (see `Database.appendChunks`), then the latest value of each key once. Exact
  /// duplicates within the write collapse; `recorded` says what else is skipped.
  ///
  /// Only points written count for the latest value, which is the highest step, then the latest
  /// time; later points in the write win ties.
  ///
  /// - Parameter prepared: `points` made ready by a bulk `run record`'s decoding thread, for a
  ///   new run (`recorded == .none`). When its content digest's key ids are committed ones, no
  ///   key is looked up; expected ones are checked.
  /// - Returns: the keys' ids and the points stored, and the prepared digest if it holds.
  @discardableResult
  func insertMetrics(
    _ points: [MetricPoint], runID: Int64, recorded: RecordedPoints = .none, prepared: PreparedMetrics? = nil
  ) throws -> WrittenMetrics {
    guard !points.isEmpty else { return WrittenMetrics() }
    var keyIDs: [String: Int64] = [:]
    var histories: [(keyID: Int64, history: PreparedHistory)] = []
    var contentDigest: String?
    if let prepared {
      precondition(recorded == .none, "prepared metrics are a new run's")
      let assumed = prepared.contentDigest
      let committed = assumed?.confirmed == true ? assumed?.keyIDs : nil
      for (index, history) in prepared.histories.enumerated() {
        let keyID = try committed?[index] ?? metricKeyID(history.key, cache: &keyIDs)
        keyIDs[history.key] = keyID
        histories.append((keyID, history))
      }
      if let assumed, assumed.keyIDs == histories.map(\.keyID) { contentDigest = assumed.digest }
    } else {
      for group in PreparedHistory.grouped(points) {
        let keyID = try metricKeyID(group.key, cache: &keyIDs)
        let kept =
          recorded == .none
          ? group.points
          : try withoutRecorded(group.points, runID: runID, key: group.key, keyID: keyID, recorded: recorded)
        if let history = PreparedHistory(key: group.key, kept: kept) { histories.append((keyID, history)) }
      }
    }

    try database.appendChunks(
      runID: runID, histories.flatMap { keyID, history in history.chunks.map { (keyID, $0) } })
    try Self.latestUpsert.run(histories, in: database) { upsert, row, index in
      let latest = row.history.latest
      try upsert.bind(runID, at: index)
      try upsert.bind(row.history.key, at: index + 1)
      try upsert.bind(latest.step, at: index + 2)
      try upsert.bind(latest.timestamp, at: index + 3)
      try upsert.bind(latest.value.isNaN ? .null : .real(latest.value), at: index + 4)
    }
    var written = histories.map { (keyID: $0.keyID, key: $0.history.key, points: $0.history.points) }
    written.sort { $0.keyID < $1.keyID }
    return WrittenMetrics(keyIDs: keyIDs, histories: written, contentDigest: contentDigest)
  }

  /// Each key's latest point, up to 16 keys in one statement. A key already in the table keeps
  /// its row unless the new point is later (a higher step, or the same step at a later or equal
  /// time); keys are distinct within a write.
  private static let latestUpsert = MultiRowInsert(
    "INSERT INTO latest_metrics(run_id, key, step, timestamp, value)", row: "(?, ?, ?, ?, ?)",
    tail: """
      ON CONFLICT(run_id, key) DO UPDATE SET
        step = excluded.step, timestamp = excluded.timestamp, value = excluded.value
      WHERE excluded.step > latest_metrics.step
        OR (excluded.step = latest_metrics.step AND excluded.timestamp >= latest_metrics.timestamp)
      """, maximumRows: 16)

  /// `given` without the points the run already has (as `recorded` compares them), in the
  /// write's order. The run's latest point (`latest_metrics`) rules out most lookups: a write
  /// that only goes past it (training logs step after step) reads no chunk.
  private func withoutRecorded(
    _ given: [ChunkPoint], runID: Int64, key: String, keyID: Int64, recorded: RecordedPoints
  ) throws -> [ChunkPoint] {
    struct StepValue: Hashable {
      let step: Int64
      let bits: UInt64
    }
    struct Exact: Hashable {
      let step: Int64
      let timestamp: Int64
      let bits: UInt64
    }
    var steps = (low: Int64.max, high: Int64.min)
    var first = (step: Int64.max, timestamp: Int64.max)
    for point in given {
      steps = (min(steps.low, point.step), max(steps.high, point.step))
      if (point.step, point.timestamp) < first { first = (point.step, point.timestamp) }
    }
    var stored: [ChunkPoint] = []
    if let last = try database.queryFirst(
      "SELECT step, timestamp FROM latest_metrics WHERE run_id = ? AND key = ?",
      [.integer(runID), .text(key)], { (step: $0.int64(0), timestamp: $0.int64(1)) }),
      recorded == .exact ? first <= (last.step, last.timestamp) : steps.low <= last.step
    {
      stored = try database.storedPoints(runID: runID, keyID: keyID, steps: steps.low...steps.high)
    }
    switch recorded {
    case .none: return given
    case .exact:
      var seen = Set(stored.map { Exact(step: $0.step, timestamp: $0.timestamp, bits: $0.value.bitPattern) })
      return given.filter {
        seen.insert(Exact(step: $0.step, timestamp: $0.timestamp, bits: $0.value.bitPattern)).inserted
      }
    case .sameStepAndValue:
      var seen = Set(stored.map { StepValue(step: $0.step, bits: $0.value.bitPattern) })
      return given.filter { seen.insert(StepValue(step: $0.step, bits: $0.value.bitPattern)).inserted }
    }
  }

  /// The id of a metric name in `metric_keys`, added on first use. `cache` saves the lookups
  /// within one call (ids are never reused, but a cache kept across transactions could hold the id
  /// of a key whose insert was rolled back).
  func metricKeyID(_ key: String, cache: inout [String: Int64]) throws -> Int64 {
    if let id = cache[key] { return id }
    // Most keys are known: one lookup, and an insert only for a new one.
    if let id = try database.scalarInt("SELECT id FROM metric_keys WHERE key = ?", [.text(key)]) {
      cache[key] = id
      return id
    }
    try database.run(
      "INSERT INTO metric_keys(key) VALUES (?) ON CONFLICT(key) DO NOTHING", [.text(key)])
    guard let id = try database.scalarInt("SELECT id FROM metric_keys WHERE key = ?", [.text(key)])
    else { throw PedigreeError(.io, "metric key \(key) vanished while logging") }
    cache[key] = id
    return id
  }
}
