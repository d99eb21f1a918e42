import PedigreeCore

/// The content digest of a run: SHA-256 over its params (by key) and every metric point (by
/// metric key id, then in history order, `ChunkPoint.precedes`), in a fixed binary encoding.
///
/// Every write that adds params or metric points to a run (`run.start`, `run.log`,
/// `run.record`) records the run's digest after the write in its audit entry, which the hash
/// chain protects. `db check` recomputes each run's digest and compares it with the last one
/// recorded, so a metric edited behind Pedigree's back — even by someone who dropped the
/// append-only trigger and put it back — is named.
///
/// The digest is over the points, not their storage: the row-per-point layout of schema
/// versions 1–4 and the chunks of version 5 give the same digest for the same history (a NaN is
/// encoded as 0.0 with a NaN flag, as the rows stored it; -0.0, which the rows could not hold,
/// as itself).
public enum RunContent {
  /// The digest of run `runID` as the database holds it now, `sha256:<hex>`.
  public static func digest(_ database: Database, runID: Int64) throws -> String {
    var encoder = Encoder()
    let params = try database.prepare(
      "SELECT key, value FROM params WHERE run_id = ? ORDER BY key")
    try params.bind([.integer(runID)])
    while try params.step() { encoder.param(params.row.string(0), params.row.string(1)) }
    params.reset()
    for keyID in try database.chunkKeyIDs(runID: runID) {
      let key = try database.scalarString("SELECT key FROM metric_keys WHERE id = ?", [.integer(keyID)]) ?? ""
      try database.forEachStoredPoint(runID: runID, keyID: keyID) { point in
        encoder.point(key: key, point)
        return true
      }
    }
    return encoder.finalize()
  }

  /// `digest(_:runID:)`, or, when a metric chunk of the run does not decode, a text that is no
  /// digest (so it differs from any recorded one): for `db check`, which names the run.
  static func checkedDigest(_ database: Database, runID: Int64) throws -> String {
    do {
      return try digest(database, runID: runID)
    } catch is ChunkDamage {
      return "damaged metric chunks"
    }
  }

  /// The digest of a new run holding exactly `params` and the metric `histories` its write
  /// stored (by key id, each in history order without duplicates), computed without reading
  /// them back: equal to `digest(_:runID:)`.
  static func digest(
    params: [KeyValue], histories: [(keyID: Int64, key: String, points: [ChunkPoint])]
  ) -> String {
    var encoder = Encoder()
    var seen = Set<String>()
    let sortedParams = params.filter { seen.insert($0.key).inserted }.sorted {
      $0.key.utf8.lexicographicallyPrecedes($1.key.utf8)
    }
    for param in sortedParams { encoder.param(param.key, param.value) }
    for history in histories {
      for point in history.points { encoder.point(key: history.key, point) }
    }
    return encoder.finalize()
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

    mutating func point(key: String, _ point: ChunkPoint) {
      buffer.append(UInt8(ascii: "m"))
      append(key)
      append(UInt64(bitPattern: point.step))
      append(UInt64(bitPattern: point.timestamp))
      append(point.value.isNaN ? 0 : point.value.bitPattern)
      buffer.append(point.value.isNaN ? 1 : 0)
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
