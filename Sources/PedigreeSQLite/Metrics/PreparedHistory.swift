import Dispatch
import PedigreeCore

/// One metric's new points, made ready to store: in history order without duplicates, the latest
/// of them, and the `metric_chunks` rows they make. Everything here follows from the points
/// alone, so a bulk `run record` prepares it on its decoding thread (see `PreparedMetrics`)
/// while the writer stores the records before.
struct PreparedHistory {
  let key: String
  /// The points in history order (`ChunkPoint.precedes`), each once.
  let points: [ChunkPoint]
  /// The latest point in the write's own order: highest step, then time; later points win ties.
  let latest: ChunkPoint
  /// The chunks, up to `ChunkCodec.maximumPoints` points each.
  let chunks: [EncodedChunk]

  /// `kept`, the points of `key` to store in the write's order; `nil` when there are none.
  init?(key: String, kept: [ChunkPoint]) {
    var latest: ChunkPoint?
    for point in kept {
      if let best = latest, (best.step, best.timestamp) > (point.step, point.timestamp) { continue }
      latest = point
    }
    guard let latest else { return nil }
    // A training log's history is in step order already, once each: kept as it is.
    var points = kept
    if !zip(kept, kept.dropFirst()).allSatisfy({ ChunkPoint.precedes($0, $1) }) {
      var sorted = kept
      sorted.sort(by: ChunkPoint.precedes)
      points = []
      points.reserveCapacity(sorted.count)
      for point in sorted where point != points.last { points.append(point) }
    }
    self.key = key
    self.points = points
    self.latest = latest
    self.chunks = EncodedChunk.split(points)
  }

  /// The points of a write by key, in the order each key first appears. Points usually come
  /// grouped by key (a record lists each metric's history in one piece): each run of one key's
  /// points is converted in one piece, and joins its key's group.
  static func grouped(_ points: [MetricPoint]) -> [(key: String, points: [ChunkPoint])] {
    var groups: [(key: String, points: [ChunkPoint])] = []
    var groupOfKey: [String: Int] = [:]
    var start = points.startIndex
    while start < points.endIndex {
      let key = points[start].key
      var end = start + 1
      while end < points.endIndex, points[end].key == key { end += 1 }
      let run = points[start..<end].map(ChunkPoint.init)
      if let group = groupOfKey[key] {
        groups[group].points += run
      } else {
        groupOfKey[key] = groups.count
        groups.append((key, run))
      }
      start = end
    }
    return groups
  }
}

/// One `metric_chunks` row's contents: the count, the step range and the encoded points.
struct EncodedChunk {
  let count: Int
  let minStep: Int64
  let maxStep: Int64
  let bytes: [UInt8]

  /// `points` (in history order) as chunks of at most `ChunkCodec.maximumPoints` points.
  static func split(_ points: [ChunkPoint]) -> [EncodedChunk] {
    stride(from: 0, to: points.count, by: ChunkCodec.maximumPoints).map { start in
      let slice = points[start..<min(points.count, start + ChunkCodec.maximumPoints)]
      return EncodedChunk(
        count: slice.count, minStep: slice[slice.startIndex].step, maxStep: slice[slice.endIndex - 1].step,
        bytes: ChunkCodec.encode(slice))
    }
  }
}

/// A new run's metric histories made ready by the decoding thread of a bulk `run record`, and
/// its content digest for the key ids the directory expects: all the writer would otherwise
/// compute from the points (a fifth of its work).
struct PreparedMetrics {
  let histories: [PreparedHistory]
  /// The run content digest (`RunContent.digest(params:histories:)`) for the key ids it assumed,
  /// in `histories` order: valid when the writer's ids are the same. `confirmed` when every one
  /// was committed already (a key the stream introduces has the id it is expected to get).
  let contentDigest: (keyIDs: [Int64], confirmed: Bool, digest: String)?

  /// Prepares `document`'s metrics as a new run stores them (`RecordedPoints.none`).
  init(_ document: RunDocument, metricKeys: MetricKeyDirectory) {
    histories = PreparedHistory.grouped(document.log.metrics).compactMap {
      PreparedHistory(key: $0.key, kept: $0.points)
    }
    guard !histories.isEmpty else {
      contentDigest = nil
      return
    }
    let (keyIDs, confirmed) = metricKeys.expectedIDs(of: histories.map(\.key))
    let stored = zip(keyIDs, histories).map { (keyID: $0, key: $1.key, points: $1.points) }
    contentDigest = (
      keyIDs, confirmed,
      RunContent.digest(
        params: document.start.params + document.log.params,
        histories: stored.sorted { $0.keyID < $1.keyID })
    )
  }
}

/// The ids of metric keys, shared by the writer of a bulk `run record` and its decoding thread:
/// the ones committed to the registry, as the writer last read them (an id never changes once
/// committed: `metric_keys` is append-only), and the ones the stream's new keys are expected to
/// get (the next ids, in the order the keys first appear), which the writer checks.
final class MetricKeyDirectory: @unchecked Sendable {
  // @unchecked: every property only under `lock`.
  private let lock = DispatchSemaphore(value: 1)
  private var committed: [String: Int64] = [:]
  private var lastCommittedID: Int64 = 0
  private var expected: [String: Int64] = [:]
  private var lastExpectedID: Int64 = 0

  /// The id of each of `keys`, committed or expected, and whether all were committed.
  func expectedIDs(of keys: [String]) -> (ids: [Int64], confirmed: Bool) {
    lock.wait()
    defer { lock.signal() }
    var confirmed = true
    let ids = keys.map { key in
      if let id = committed[key] { return id }
      confirmed = false
      if let id = expected[key] { return id }
      lastExpectedID = max(lastExpectedID, lastCommittedID) + 1
      expected[key] = lastExpectedID
      return lastExpectedID
    }
    return (ids, confirmed)
  }

  /// Reads the keys committed since the last call. Call outside a write transaction (after a
  /// commit), so only committed keys are read.
  func refresh(_ database: Database) throws {
    lock.wait()
    let after = lastCommittedID
    lock.signal()
    let added = try database.query(
      "SELECT id, key FROM metric_keys WHERE id > ? ORDER BY id", [.integer(after)]
    ) { (id: $0.int64(0), key: $0.string(1)) }
    guard let last = added.last else { return }
    lock.wait()
    for key in added { committed[key.key] = key.id }
    lastCommittedID = last.id
    // Expectations start again from what is committed: the ones met are committed now.
    expected.removeAll()
    lastExpectedID = 0
    lock.signal()
  }
}
