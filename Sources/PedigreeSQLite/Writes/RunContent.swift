import Crypto
import PedigreeCore

/// The content digest of a run: SHA-256 over its params and every metric point, in the order of
/// their primary keys, in a fixed binary encoding.
///
/// Every write that adds params or metric points to a run (`run.start`, `run.log`,
/// `run.record`) records the run's digest after the write in its audit entry, which the hash
/// chain protects. `db check` recomputes each run's digest and compares it with the last one
/// recorded, so a metric edited behind Pedigree's back — even by someone who dropped the
/// append-only trigger and put it back — is named.
public enum RunContent {
  /// The digest of run `runID` as the database holds it now, `sha256:<hex>`.
  public static func digest(_ database: Database, runID: Int64) throws -> String {
    var encoder = Encoder()
    let params = try database.prepare(
      "SELECT key, value FROM params WHERE run_id = ? ORDER BY key")
    try params.bind([.integer(runID)])
    while try params.step() { encoder.param(params.row.string(0), params.row.string(1)) }
    params.reset()
    let keyNames = try database.prepare("SELECT key FROM metric_keys WHERE id = ?")
    var names: [Int64: String] = [:]
    let points = try database.prepare(
      """
      SELECT key_id, step, timestamp, value, is_nan FROM metrics WHERE run_id = ?
      ORDER BY key_id, step, timestamp, value, is_nan
      """)
    try points.bind([.integer(runID)])
    while try points.step() {
      let row = points.row
      let keyID = row.int64(0)
      if names[keyID] == nil {
        try keyNames.bind([.integer(keyID)])
        names[keyID] = try keyNames.step() ? keyNames.row.string(0) : ""
        keyNames.reset()
      }
      encoder.point(
        key: names[keyID] ?? "", step: row.int64(1), timestamp: row.int64(2), value: row.double(3),
        isNaN: row.int64(4) != 0)
    }
    points.reset()
    return encoder.finalize()
  }

  /// The digest of a new run holding exactly `params` and `points` (with their metric keys'
  /// ids), computed without reading them back: equal to `digest(_:runID:)` once they are stored.
  /// Sorts like the primary keys and drops the exact duplicates the inserts ignore; -0.0 reads
  /// back as 0.0 and NaN as 0.0 with `is_nan`, so both are encoded that way.
  static func digest(params: [KeyValue], points: [MetricPoint], keyIDs: [String: Int64]) -> String {
    var encoder = Encoder()
    var seen = Set<String>()
    let sortedParams = params.filter { seen.insert($0.key).inserted }.sorted {
      $0.key.utf8.lexicographicallyPrecedes($1.key.utf8)
    }
    for param in sortedParams { encoder.param(param.key, param.value) }
    let stored = points.map { point in
      StoredPoint(
        keyID: keyIDs[point.key] ?? 0, key: point.key, step: point.step,
        timestamp: point.timestamp.milliseconds,
        value: point.value.isNaN || point.value == 0 ? 0.0 : point.value, isNaN: point.value.isNaN)
    }
    var previous: StoredPoint?
    for point in stored.sorted() where point != previous {
      encoder.point(
        key: point.key, step: point.step, timestamp: point.timestamp, value: point.value,
        isNaN: point.isNaN)
      previous = point
    }
    return encoder.finalize()
  }

  /// A metric point as the `metrics` table holds it, ordered like its primary key.
  private struct StoredPoint: Comparable {
    let keyID: Int64
    let key: String
    let step: Int64
    let timestamp: Int64
    let value: Double
    let isNaN: Bool

    static func < (a: StoredPoint, b: StoredPoint) -> Bool {
      if (a.keyID, a.step, a.timestamp) != (b.keyID, b.step, b.timestamp) {
        return (a.keyID, a.step, a.timestamp) < (b.keyID, b.step, b.timestamp)
      }
      return (a.value, a.isNaN ? 1 : 0) < (b.value, b.isNaN ? 1 : 0)
    }

    static func == (a: StoredPoint, b: StoredPoint) -> Bool {
      (a.keyID, a.step, a.timestamp, a.value, a.isNaN) == (b.keyID, b.step, b.timestamp, b.value, b.isNaN)
    }
  }

  /// The fixed binary encoding, hashed in 60 KiB pieces.
  struct Encoder {
    private var hasher = SHA256()
    private var buffer: [UInt8] = Array("pedigree-run-content-v1\n".utf8)

    mutating func param(_ key: String, _ value: String) {
      buffer.append(UInt8(ascii: "p"))
      append(key)
      append(value)
    }

    mutating func point(key: String, step: Int64, timestamp: Int64, value: Double, isNaN: Bool) {
      buffer.append(UInt8(ascii: "m"))
      append(key)
      append(UInt64(bitPattern: step))
      append(UInt64(bitPattern: timestamp))
      append(value.bitPattern)
      buffer.append(isNaN ? 1 : 0)
      if buffer.count >= 60 << 10 {
        hasher.update(data: buffer)
        buffer.removeAll(keepingCapacity: true)
      }
    }

    mutating func finalize() -> String {
      hasher.update(data: buffer)
      return "sha256:"
        + hasher.finalize().map { String($0 >> 4, radix: 16) + String($0 & 0x0f, radix: 16) }.joined()
    }

    private mutating func append(_ text: String) {
      append(UInt64(text.utf8.count))
      buffer.append(contentsOf: text.utf8)
    }

    private mutating func append(_ value: UInt64) {
      withUnsafeBytes(of: value.bigEndian) { buffer.append(contentsOf: $0) }
    }
  }
}
