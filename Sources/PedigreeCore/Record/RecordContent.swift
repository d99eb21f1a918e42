/// The content digest of a run record: SHA-256 over a canonical encoding of everything the record
/// says (experiment, name, status, times, code, params, metrics, tags, inputs, outputs and its
/// `register` section), but not its `run_id`. Member order does not matter: params and tags are
/// sorted by key, metric points by (key, step, time, value), inputs and outputs by their encoding;
/// exact duplicates count once, as the registry stores them once.
///
/// A time the record leaves to the clock (no `started_at`; metric points without a time in a
/// record with neither `started_at` nor `ended_at`) is encoded as absent, so a retry of the same
/// bytes has the same digest.
public enum RecordContent {
  /// `sha256:<hex>` of `document`'s content.
  public static func digest(_ document: RunDocument) -> String {
    var encoder = Encoder()
    let start = document.start
    encoder.text(start.experiment)
    encoder.optional(start.name)
    encoder.text(start.status.rawValue)
    encoder.optional(start.startedAt?.milliseconds)
    encoder.optional(start.endedAt?.milliseconds)
    encoder.optional(start.code.gitCommit)
    encoder.optional(start.code.repo)
    encoder.optional(start.code.entryPoint)
    encoder.pairs(unique(start.params + document.log.params, keepingLast: false), tag: "p")
    encoder.pairs(unique(start.tags + document.log.tags, keepingLast: true), tag: "t")
    encoder.points(document.log.metrics, clockTime: document.clockTime)
    encoder.items((start.inputs + document.log.inputs).map(encoded), tag: "i")
    encoder.items(document.log.outputs.map(encoded), tag: "o")
    if let register = document.register {
      encoder.text("register")
      encoder.text(register.model)
      encoder.optional(register.artifact)
      encoder.optional(register.alias)
      encoder.optional(register.description)
    }
    return encoder.finalize()
  }

  /// One value per key, sorted by key: the first (params, which are immutable) or the last
  /// (tags, which a later value replaces).
  private static func unique(_ pairs: [KeyValue], keepingLast: Bool) -> [KeyValue] {
    var byKey: [String: String] = [:]
    for pair in pairs where keepingLast || byKey[pair.key] == nil { byKey[pair.key] = pair.value }
    return byKey.map { KeyValue($0.key, $0.value) }.sorted {
      $0.key.utf8.lexicographicallyPrecedes($1.key.utf8)
    }
  }

  private static func encoded(_ input: RunInput) -> [UInt8] {
    var encoder = Encoder(bare: true)
    switch input {
    case .ref(let ref): encoder.text("ref:\(ref)")
    case .dataset(let dataset): encoder.dataset(dataset)
    }
    return encoder.bytes
  }

  private static func encoded(_ output: RunOutput) -> [UInt8] {
    var encoder = Encoder(bare: true)
    switch output {
    case .artifact(let artifact):
      encoder.text("artifact")
      encoder.text(artifact.name)
      encoder.text(artifact.uri)
      encoder.optional(artifact.digest)
      encoder.optional(artifact.sizeBytes)
    case .dataset(let dataset): encoder.dataset(dataset)
    case .ref(let ref): encoder.text("ref:\(ref)")
    }
    return encoder.bytes
  }

  /// A length-prefixed binary encoding, hashed in 60 KiB pieces.
  struct Encoder {
    private var hasher = SHA256()
    private(set) var bytes: [UInt8]

    init(bare: Bool = false) {
      bytes = bare ? [] : Array("pedigree-run-record-v1\n".utf8)
    }

    mutating func text(_ text: String) {
      integer(UInt64(text.utf8.count))
      bytes.append(contentsOf: text.utf8)
    }

    mutating func optional(_ text: String?) {
      bytes.append(text == nil ? 0 : 1)
      if let text { self.text(text) }
    }

    mutating func optional(_ value: Int64?) {
      bytes.append(value == nil ? 0 : 1)
      if let value { integer(UInt64(bitPattern: value)) }
    }

    mutating func integer(_ value: UInt64) {
      withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func pairs(_ pairs: [KeyValue], tag: Character) {
      for pair in pairs {
        bytes.append(tag.asciiValue ?? 0)
        text(pair.key)
        text(pair.value)
      }
      flushIfLarge()
    }

    mutating func dataset(_ dataset: DatasetInput) {
      text("dataset")
      text(dataset.name)
      text(dataset.uri)
      optional(dataset.digest)
      optional(dataset.sizeBytes)
      optional(dataset.rowCount)
      optional(dataset.schema)
      for tag in unique(dataset.tags, keepingLast: true) {
        text(tag.key)
        text(tag.value)
      }
    }

    /// Sorted, unique encodings, each tagged and length-prefixed.
    mutating func items(_ items: [[UInt8]], tag: Character) {
      var previous: [UInt8]?
      for item in items.sorted(by: { $0.lexicographicallyPrecedes($1) }) where item != previous {
        bytes.append(tag.asciiValue ?? 0)
        integer(UInt64(item.count))
        bytes.append(contentsOf: item)
        previous = item
      }
    }

    /// Points sorted by (key, step, time, value); -0.0 as 0.0, every NaN alike; a clock time as
    /// absent. Keys are ranked once, so the sort compares integers, not strings.
    mutating func points(_ points: [MetricPoint], clockTime: Timestamp?) {
      let clock = clockTime?.milliseconds
      var ranks: [String: Int] = [:]
      var keys: [String] = []
      var lastKey: String?
      var lastRank = 0
      var canonical: [Point] = []
      canonical.reserveCapacity(points.count)
      for point in points {
        if point.key != lastKey {
          lastKey = point.key
          if let rank = ranks[point.key] {
            lastRank = rank
          } else {
            lastRank = keys.count
            ranks[point.key] = lastRank
            keys.append(point.key)
          }
        }
        canonical.append(
          Point(
            key: lastRank, step: point.step,
            time: point.timestamp.milliseconds == clock ? nil : point.timestamp.milliseconds,
            value: point.value.isNaN
              ? Double.nan.bitPattern : (point.value == 0 ? 0 : point.value.bitPattern)))
      }
      // Ranks in the keys' byte order.
      let order = keys.indices.sorted { keys[$0].utf8.lexicographicallyPrecedes(keys[$1].utf8) }
      var rankOf = [Int](repeating: 0, count: keys.count)
      for (rank, index) in order.enumerated() { rankOf[index] = rank }
      for index in canonical.indices { canonical[index].key = rankOf[canonical[index].key] }
      canonical.sort()
      bytes.reserveCapacity(bytes.count + min(canonical.count * 27, 61 << 10))
      var previous: Point?
      for point in canonical where point != previous {
        let sameKey = point.key == previous?.key
        if !sameKey {
          bytes.append(UInt8(ascii: "m"))
          text(keys[order[point.key]])
        }
        fields(of: point, sameKey: sameKey)
        previous = point
        if bytes.count >= 60 << 10 { flushIfLarge() }
      }
    }

    /// A point's step, optional time and value (after its key, or `m` and 0xff for the key of
    /// the point before), stored into a scratch buffer and appended at once: four appends per
    /// point were a third of a bulk `run record`'s record digests.
    @inline(__always)
    private mutating func fields(of point: Point, sameKey: Bool) {
      var scratch: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
      let count = withUnsafeMutableBytes(of: &scratch) { raw -> Int in
        var count = 0
        if sameKey {
          raw[0] = UInt8(ascii: "m")
          raw[1] = 0xff
          count = 2
        }
        raw.storeBytes(of: UInt64(bitPattern: point.step).bigEndian, toByteOffset: count, as: UInt64.self)
        count += 8
        if let time = point.time {
          raw[count] = 1
          raw.storeBytes(of: UInt64(bitPattern: time).bigEndian, toByteOffset: count + 1, as: UInt64.self)
          count += 9
        } else {
          raw[count] = 0
          count += 1
        }
        raw.storeBytes(of: point.value.bigEndian, toByteOffset: count, as: UInt64.self)
        return count + 8
      }
      withUnsafeBytes(of: &scratch) {
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[0..<count]))
      }
    }

    private mutating func flushIfLarge() {
      guard bytes.count >= 60 << 10 else { return }
      hasher.update(data: bytes)
      bytes.removeAll(keepingCapacity: true)
    }

    mutating func finalize() -> String {
      hasher.update(data: bytes)
      return Digest.format(hasher.finalize())
    }
  }

  /// A canonical point; `key` is the rank of its key in byte order.
  private struct Point: Comparable {
    var key: Int
    let step: Int64
    let time: Int64?
    let value: UInt64

    static func < (a: Point, b: Point) -> Bool {
      if a.key != b.key { return a.key < b.key }
      if a.step != b.step { return a.step < b.step }
      if a.time != b.time { return (a.time ?? .min) < (b.time ?? .min) }
      return a.value < b.value
    }
  }
}
