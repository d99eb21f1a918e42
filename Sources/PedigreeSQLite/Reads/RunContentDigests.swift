import Dispatch
import PedigreeCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `db check`'s pass over every run's content: the digest each run's last digest-recording
/// entry holds, against the digest of its params and points as stored, and its `latest_metrics`
/// rows against its histories' last points.
///
/// One connection reads (SQLite's rows are copied out in batches of a few MiB); the batch is then
/// decoded and hashed on every core. The work per run is independent, and the results come back
/// in run order.
enum RunContentDigests {
  /// The copied bytes a batch holds at most (a single larger run is a batch of its own).
  static let batchBytes = 8 << 20

  static func digests(_ database: Database) throws
    -> [(run: String, entry: Int64, recorded: String, current: String, stale: String?)]
  {
    // The last entry recording each run's digest: one pass over the log, in entry order.
    var last: [String: (entry: Int64, digest: String)] = [:]
    let entries = try database.prepareUncached(
      """
      SELECT entity, id, json_extract(details, '$.content_digest') FROM audit_log
      WHERE action IN ('run.start', 'run.log', 'run.record', 'openlineage.event')
        AND instr(details, '"content_digest"') > 0 AND json_valid(details)
      ORDER BY id
      """)
    while try entries.step() {
      let row = entries.row
      guard !row.isNull(2), row.string(0).hasPrefix("run:") else { continue }
      last[String(row.string(0).dropFirst(4))] = (row.int64(1), row.string(2))
    }
    let runs = try database.query("SELECT id, uuid FROM runs ORDER BY id") {
      (id: $0.int64(0), uuid: $0.string(1))
    }
    .compactMap { run in last[run.uuid].map { (id: run.id, uuid: run.uuid, recorded: $0) } }

    var results: [(run: String, entry: Int64, recorded: String, current: String, stale: String?)] = []
    results.reserveCapacity(runs.count)
    var start = 0
    while start < runs.count {
      var batch: [(stored: RunContent.Stored, latest: [LatestRow])] = []
      var size = 0
      var end = start
      while end < runs.count && (batch.isEmpty || size < batchBytes) {
        let stored = try RunContent.Stored.read(database, runID: runs[end].id)
        size += stored.size
        batch.append((stored, try latestRows(database, runID: runs[end].id)))
        end += 1
      }
      let outcomes = summarize(batch)
      for (index, outcome) in outcomes.enumerated() {
        let run = runs[start + index]
        results.append(
          (
            run: run.uuid, entry: run.recorded.entry, recorded: run.recorded.digest,
            current: outcome.digest, stale: outcome.stale
          ))
      }
      start = end
    }
    return results
  }

  /// One `latest_metrics` row: key, step, time and value (NULL for NaN).
  typealias LatestRow = (key: String, step: Int64, timestamp: Int64, value: Double?)

  static func latestRows(_ database: Database, runID: Int64) throws -> [LatestRow] {
    let statement = try database.prepare(
      "SELECT key, step, timestamp, value FROM latest_metrics WHERE run_id = ? ORDER BY key")
    defer { statement.reset() }
    try statement.bind([.integer(runID)])
    var rows: [LatestRow] = []
    while try statement.step() {
      let row = statement.row
      rows.append((row.string(0), row.int64(1), row.int64(2), row.optionalDouble(3)))
    }
    return rows
  }

  /// Each run's digest and stale key, computed on every core.
  static func summarize(_ batch: [(stored: RunContent.Stored, latest: [LatestRow])])
    -> [(digest: String, stale: String?)]
  {
    let outcomes = UnsafeMutableBufferPointer<(digest: String, stale: String?)>.allocate(
      capacity: batch.count)
    outcomes.initialize(repeating: (digest: "", stale: nil))
    defer { outcomes.deallocate() }
    nonisolated(unsafe) let shared = outcomes
    let workers = min(batch.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      for index in stride(from: worker, to: batch.count, by: workers) {
        shared[index] = outcome(batch[index].stored, batch[index].latest)
      }
    }
    return Array(outcomes)
  }

  static func outcome(_ stored: RunContent.Stored, _ rows: [LatestRow]) -> (digest: String, stale: String?) {
    let summary: (digest: String, latest: [String: RunContent.LatestPoint])
    do {
      summary = try stored.summary()
    } catch {
      return (RunContent.damaged, nil)
    }
    var unmatched = summary.latest
    for row in rows {
      guard let point = unmatched.removeValue(forKey: row.key) else {
        return (summary.digest, "\(row.key) has a latest value but no points")
      }
      if !point.matches(step: row.step, timestamp: row.timestamp, value: row.value) {
        return (summary.digest, "\(row.key)'s latest value is not its last point")
      }
    }
    if let key = unmatched.keys.sorted().first {
      return (summary.digest, "\(key) has points but no latest value")
    }
    return (summary.digest, nil)
  }
}
