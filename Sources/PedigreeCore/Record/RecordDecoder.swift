/// Decodes run documents from bytes, reading the `metrics` section straight into points.
///
/// A record's metric history is most of its bytes (a thousand `[step, value]` pairs is typical),
/// and building a `JSONValue` array per pair costs more than inserting the point. The fast path
/// parses the root object member by member, reads `metrics` without building values, and hands
/// the rest to `RunDocument(json:)`. Anything unusual in `metrics` (a duplicate key, a string time,
/// a step written as `1.0`, a syntax error anywhere) sends the whole document down the general
/// path, which accepts exactly the same documents and names the field of any mistake: the fast
/// path changes speed, never results or messages.
enum RecordDecoder {
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(PedigreeError) -> RunDocument {
    var parser = JSONParser(bytes: bytes)
    if let (rest, metrics) = parser.recordWithRawMetrics() {
      var document = try RunDocument(json: .object(rest))
      let defaultTime = document.clockTime ?? document.start.endedAt ?? document.start.startedAt ?? .now()
      document.log.metrics = metrics.map { point in
        MetricPoint(
          key: point.key, value: point.value, step: point.step,
          timestamp: point.time.map(Timestamp.init(milliseconds:)) ?? defaultTime)
      }
      return document
    }
    let json: JSONValue
    do {
      json = try JSONValue.parse(bytes)
    } catch {
      throw PedigreeError.invalidInput("malformed JSON: \(error)")
    }
    return try RunDocument(json: json)
  }
}

/// A metric point as written in a record, before the record's default time is known.
struct RawMetricPoint {
  let key: String
  let step: Int64
  let value: Double
  let time: Int64?
}

extension JSONParser {
  /// The root object without its `metrics` member, and the metric points read from it; `nil`
  /// when anything is unusual (the caller then takes the general path).
  mutating func recordWithRawMetrics() -> (JSONObject, [RawMetricPoint])? {
    skipWhitespace()
    guard consume(UInt8(ascii: "{")) else { return nil }
    var rest = JSONObject()
    var metrics: [RawMetricPoint]?
    var keys: Set<String> = []
    skipWhitespace()
    if consume(UInt8(ascii: "}")) { return finished(rest, metrics ?? []) }
    while true {
      skipWhitespace()
      guard peek(UInt8(ascii: "\"")), let key = try? parseString(), keys.insert(key).inserted else {
        return nil
      }
      skipWhitespace()
      guard consume(UInt8(ascii: ":")) else { return nil }
      skipWhitespace()
      if key == "metrics" {
        guard let points = rawMetrics() else { return nil }
        metrics = points
      } else {
        guard let value = try? parseValue(depth: 1) else { return nil }
        rest.pairs.append((key, value))
      }
      skipWhitespace()
      if consume(UInt8(ascii: ",")) { continue }
      guard consume(UInt8(ascii: "}")) else { return nil }
      return finished(rest, metrics ?? [])
    }
  }

  private mutating func finished(_ rest: JSONObject, _ metrics: [RawMetricPoint]) -> (
    JSONObject, [RawMetricPoint]
  )? {
    skipWhitespace()
    return position == bytes.count ? (rest, metrics) : nil
  }

  /// `{"key": value | [[step, value(, ms)], …], …}`. (The object loop repeats the root's on
  /// purpose: sharing it through a closure made `run record` 25% slower, 1.9 → 2.4 s of CPU for a
  /// million points.)
  private mutating func rawMetrics() -> [RawMetricPoint]? {
    guard consume(UInt8(ascii: "{")) else { return nil }
    var points: [RawMetricPoint] = []
    var keys: Set<String> = []
    skipWhitespace()
    if consume(UInt8(ascii: "}")) { return points }
    while true {
      skipWhitespace()
      guard peek(UInt8(ascii: "\"")), let key = try? parseString(), keys.insert(key).inserted else {
        return nil
      }
      skipWhitespace()
      guard consume(UInt8(ascii: ":")) else { return nil }
      skipWhitespace()
      if consume(UInt8(ascii: "[")) {
        guard rawHistory(key, into: &points) else { return nil }
      } else {
        guard let value = rawMetricValue() else { return nil }
        points.append(RawMetricPoint(key: key, step: 0, value: value, time: nil))
      }
      skipWhitespace()
      if consume(UInt8(ascii: ",")) { continue }
      return consume(UInt8(ascii: "}")) ? points : nil
    }
  }

  /// The points after a metric's opening `[`, through its closing `]`.
  private mutating func rawHistory(_ key: String, into points: inout [RawMetricPoint]) -> Bool {
    skipWhitespace()
    if consume(UInt8(ascii: "]")) { return true }
    while true {
      skipWhitespace()
      guard consume(UInt8(ascii: "[")) else { return false }
      skipWhitespace()
      // A negative step goes down the general path, which names it (`metrics.loss[0][0]`).
      guard let step = rawInteger(), step >= 0 else { return false }
      skipWhitespace()
      guard consume(UInt8(ascii: ",")) else { return false }
      skipWhitespace()
      guard let value = rawMetricValue() else { return false }
      skipWhitespace()
      var time: Int64?
      if consume(UInt8(ascii: ",")) {
        skipWhitespace()
        guard let milliseconds = rawInteger() else { return false }
        time = milliseconds
        skipWhitespace()
      }
      guard consume(UInt8(ascii: "]")) else { return false }
      points.append(RawMetricPoint(key: key, step: step, value: value, time: time))
      skipWhitespace()
      if consume(UInt8(ascii: ",")) { continue }
      return consume(UInt8(ascii: "]"))
    }
  }

  private mutating func rawInteger() -> Int64? {
    // Most are steps: a few digits ended by `,` or `]`, read here without the general number
    // path (and its checks for a sign, a fraction and an exponent).
    var end = position
    var value: Int64 = 0
    while end < bytes.count, end - position < 18, isDigit(bytes[end]) {
      value = value * 10 + Int64(bytes[end] - UInt8(ascii: "0"))
      end += 1
    }
    if end > position, end < bytes.count, bytes[end] == UInt8(ascii: ",") || bytes[end] == UInt8(ascii: "]"),
      end - position == 1 || bytes[position] != UInt8(ascii: "0")
    {
      position = end
      return value
    }
    guard position < bytes.count, bytes[position] == UInt8(ascii: "-") || isDigit(bytes[position]),
      case .integer(let value)? = try? parseNumber()
    else { return nil }
    return value
  }

  /// A number, or one of the strings `"NaN"`, `"Infinity"`, `"-Infinity"`.
  private mutating func rawMetricValue() -> Double? {
    guard position < bytes.count else { return nil }
    if bytes[position] == UInt8(ascii: "\"") {
      switch try? parseString() {
      case "NaN": return .nan
      case "Infinity": return .infinity
      case "-Infinity": return -.infinity
      default: return nil
      }
    }
    guard bytes[position] == UInt8(ascii: "-") || isDigit(bytes[position]) else { return nil }
    switch try? parseNumber() {
    case .integer(let value): return Double(value)
    case .number(let value): return value
    default: return nil
    }
  }

  private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

  private func peek(_ byte: UInt8) -> Bool { position < bytes.count && bytes[position] == byte }

  private mutating func consume(_ byte: UInt8) -> Bool {
    guard peek(byte) else { return false }
    position += 1
    return true
  }
}
