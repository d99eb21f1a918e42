import Crypto

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
    var hasher = SHA256()
    var buffer: [UInt8] = Array("pedigree-run-content-v1\n".utf8)
    buffer.reserveCapacity(64 << 10)
    let params = try database.prepare(
      "SELECT key, value FROM params WHERE run_id = ? ORDER BY key")
    try params.bind([.integer(runID)])
    while try params.step() {
      buffer.append(UInt8(ascii: "p"))
      append(params.row.string(0), to: &buffer)
      append(params.row.string(1), to: &buffer)
    }
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
      buffer.append(UInt8(ascii: "m"))
      append(names[keyID] ?? "", to: &buffer)
      append(UInt64(bitPattern: row.int64(1)), to: &buffer)
      append(UInt64(bitPattern: row.int64(2)), to: &buffer)
      append(row.double(3).bitPattern, to: &buffer)
      buffer.append(UInt8(truncatingIfNeeded: row.int64(4)))
      if buffer.count >= 60 << 10 {
        hasher.update(data: buffer)
        buffer.removeAll(keepingCapacity: true)
      }
    }
    points.reset()
    hasher.update(data: buffer)
    return "sha256:"
      + hasher.finalize().map { byte in
        String(byte >> 4, radix: 16) + String(byte & 0x0f, radix: 16)
      }.joined()
  }

  private static func append(_ text: String, to buffer: inout [UInt8]) {
    append(UInt64(text.utf8.count), to: &buffer)
    buffer.append(contentsOf: text.utf8)
  }

  private static func append(_ value: UInt64, to buffer: inout [UInt8]) {
    withUnsafeBytes(of: value.bigEndian) { buffer.append(contentsOf: $0) }
  }
}
