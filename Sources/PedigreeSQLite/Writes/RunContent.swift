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
    try Stored.read(database, runID: runID).summary().digest
  }

  /// `digest(_:runID:)`, or, when a metric chunk of the run does not decode, a text that is no
  /// digest (so it differs from any recorded one): for `db check`, which names the run.
  static func checkedDigest(_ database: Database, runID: Int64) throws -> String {
    do {
      return try digest(database, runID: runID)
    } catch is ChunkDamage {
      return damaged
    }
  }

  /// What `checkedDigest` answers for a run whose chunks do not decode.
  static let damaged = "damaged metric chunks"

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
      let key = Encoder.keyHeader(history.key)
      for point in history.points { encoder.point(key: key, point) }
    }
    return encoder.finalize()
  }

  /// The fixed binary encoding, hashed in 64 KiB pieces: each param as `p`, its key and value;
  /// each point as `m`, its key, then step, time and value bits (big-endian 8 bytes each) and a
  /// NaN flag byte; every text as its UTF-8 length (8 bytes) and bytes. Points are written into a
  /// fixed buffer with plain stores: tens of millions of them go through here in `db check`.
  struct Encoder {
    private var hasher = SHA256()
    private let buffer = Buffer()

    /// The bytes waiting to be hashed.
    private final class Buffer {
      static let capacity = 64 << 10
      let base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
      var count = 0
      deinit { base.deallocate() }
    }

    init() { write(Array("pedigree-run-content-v1\n".utf8)) }

    /// `m`, the key's length and bytes: what precedes every point of the key.
    static func keyHeader(_ key: String) -> [UInt8] {
      var header: [UInt8] = [UInt8(ascii: "m")]
      withUnsafeBytes(of: UInt64(key.utf8.count).bigEndian) { header.append(contentsOf: $0) }
      header.append(contentsOf: key.utf8)
      return header
    }

    mutating func param(_ key: String, _ value: String) {
      write([UInt8(ascii: "p")])
      for text in [key, value] {
        withUnsafeBytes(of: UInt64(text.utf8.count).bigEndian) { write($0) }
        write(Array(text.utf8))
      }
    }

    /// One point of the key whose `keyHeader` is `key`.
    @inline(__always)
    mutating func point(key: [UInt8], _ point: ChunkPoint) {
      guard key.count + 25 <= Buffer.capacity - buffer.count else {
        return slowPoint(key: key, point)
      }
      let at = buffer.base + buffer.count
      key.withUnsafeBytes { at.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
      let nan = point.value.isNaN
      let fields = at + key.count
      fields.storeBytes(of: UInt64(bitPattern: point.step).bigEndian, as: UInt64.self)
      (fields + 8).storeBytes(of: UInt64(bitPattern: point.timestamp).bigEndian, as: UInt64.self)
      (fields + 16).storeBytes(of: (nan ? 0 : point.value.bitPattern).bigEndian, as: UInt64.self)
      (fields + 24).storeBytes(of: nan ? 1 : 0, as: UInt8.self)
      buffer.count += key.count + 25
    }

    private mutating func slowPoint(key: [UInt8], _ point: ChunkPoint) {
      let nan = point.value.isNaN
      write(key)
      for field in [
        UInt64(bitPattern: point.step), UInt64(bitPattern: point.timestamp), nan ? 0 : point.value.bitPattern,
      ] {
        withUnsafeBytes(of: field.bigEndian) { write($0) }
      }
      write([nan ? 1 : 0])
    }

    mutating func finalize() -> String {
      flush()
      return "sha256:"
        + hasher.finalize().map { String($0 >> 4, radix: 16) + String($0 & 0x0f, radix: 16) }.joined()
    }

    private mutating func flush() {
      hasher.update(bufferPointer: UnsafeRawBufferPointer(start: buffer.base, count: buffer.count))
      buffer.count = 0
    }

    private mutating func write(_ bytes: [UInt8]) {
      bytes.withUnsafeBytes { write($0) }
    }

    /// Appends `bytes`, hashing the buffer whenever it fills (bytes larger than it go straight
    /// to the hasher).
    private mutating func write(_ bytes: UnsafeRawBufferPointer) {
      if bytes.count > Buffer.capacity - buffer.count { flush() }
      guard bytes.count <= Buffer.capacity else { return hasher.update(bufferPointer: bytes) }
      if let source = bytes.baseAddress {
        (buffer.base + buffer.count).copyMemory(from: source, byteCount: bytes.count)
      }
      buffer.count += bytes.count
    }
  }
}
