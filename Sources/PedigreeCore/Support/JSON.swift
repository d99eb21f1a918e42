#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A JSON document: what run records are parsed into and what `--json` output is built from.
///
/// Objects keep their keys in order, so output is stable and reads in a sensible order.
/// Integers that fit in 64 bits stay exact (`.integer`); other numbers are `.number`.
public enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case integer(Int64)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)

  /// A metric value: a number, or one of the strings `"NaN"`, `"Infinity"`, `"-Infinity"` that
  /// stand for the values JSON cannot write.
  public static func metric(_ value: Double) -> JSONValue {
    if value.isNaN { return .string("NaN") }
    if value.isInfinite { return .string(value < 0 ? "-Infinity" : "Infinity") }
    return .number(value)
  }

  /// `.string(value)` or `.null`.
  public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
  /// `.integer(value)` or `.null`.
  public static func optional(_ value: Int64?) -> JSONValue {
    value.map(JSONValue.integer) ?? .null
  }

  /// The object's value for `key`, or `nil` when this is not an object or has no such key.
  public subscript(key: String) -> JSONValue? {
    if case .object(let object) = self { return object[key] }
    return nil
  }

  /// A short name of the value's type, for error messages.
  public var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .integer, .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}

/// A JSON object with ordered keys.
public struct JSONObject: Equatable, Sendable, ExpressibleByDictionaryLiteral {
  public var pairs: [(key: String, value: JSONValue)]

  public init(_ pairs: [(key: String, value: JSONValue)] = []) { self.pairs = pairs }
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    pairs = elements.map { (key: $0.0, value: $0.1) }
  }

  /// The value for `key`; setting appends a new key or replaces an existing one in place.
  public subscript(key: String) -> JSONValue? {
    get { pairs.first { $0.key == key }?.value }
    set {
      if let index = pairs.firstIndex(where: { $0.key == key }) {
        if let newValue { pairs[index].value = newValue } else { pairs.remove(at: index) }
      } else if let newValue {
        pairs.append((key, newValue))
      }
    }
  }

  public var keys: [String] { pairs.map(\.key) }

  public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    lhs.pairs.count == rhs.pairs.count
      && zip(lhs.pairs, rhs.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
  }
}

// MARK: - Writing

extension JSONValue {
  /// The JSON text of the value: compact, or indented by two spaces when `pretty`.
  public func serialized(pretty: Bool = false) -> String {
    var out = ""
    write(to: &out, pretty: pretty, indent: 0)
    return out
  }

  private func write(to out: inout String, pretty: Bool, indent: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .integer(let value): out += String(value)
    case .number(let value):
      if value.isFinite {
        if value == value.rounded(.towardZero) && abs(value) < 1e15 {
          out += String(Int64(value))
        } else {
          out += "\(value)"
        }
      } else {
        JSONValue.metric(value).write(to: &out, pretty: pretty, indent: indent)
      }
    case .string(let value): JSONValue.writeString(value, to: &out)
    case .array(let values):
      if values.isEmpty { out += "[]"; return }
      out += "["
      for (index, value) in values.enumerated() {
        if index > 0 { out += "," }
        if pretty { JSONValue.newline(&out, indent + 1) }
        value.write(to: &out, pretty: pretty, indent: indent + 1)
      }
      if pretty { JSONValue.newline(&out, indent) }
      out += "]"
    case .object(let object):
      if object.pairs.isEmpty { out += "{}"; return }
      out += "{"
      for (index, pair) in object.pairs.enumerated() {
        if index > 0 { out += "," }
        if pretty { JSONValue.newline(&out, indent + 1) }
        JSONValue.writeString(pair.key, to: &out)
        out += pretty ? ": " : ":"
        pair.value.write(to: &out, pretty: pretty, indent: indent + 1)
      }
      if pretty { JSONValue.newline(&out, indent) }
      out += "}"
    }
  }

  private static func newline(_ out: inout String, _ indent: Int) {
    out += "\n"
    out += String(repeating: "  ", count: indent)
  }

  private static func writeString(_ value: String, to out: inout String) {
    out += "\""
    // Most strings need no escape: append them whole rather than scalar by scalar.
    if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
      out += value
      out += "\""
      return
    }
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}

// MARK: - Parsing

/// A JSON syntax error, with the 1-based line and column where it was found.
public struct JSONSyntaxError: Error, CustomStringConvertible, Sendable {
  public let message: String
  public let line: Int
  public let column: Int
  public var description: String { "\(message) at line \(line), column \(column)" }
}

extension JSONValue {
  /// Parses one JSON document. Strings must be valid UTF-8; nesting deeper than 256 levels, trailing
  /// content and duplicate object keys are errors.
  public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    var text = text
    let result = text.withUTF8 { bytes in
      Result { () throws(JSONSyntaxError) -> JSONValue in try parse(bytes) }
    }
    return try result.get()
  }

  /// Parses one JSON document from UTF-8 bytes.
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
    var parser = JSONParser(bytes: bytes)
    parser.skipWhitespace()
    let value = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    if parser.position < bytes.count { throw parser.error("unexpected content after the document") }
    return value
  }
}

struct JSONParser {
  let bytes: UnsafeBufferPointer<UInt8>
  var position = 0
  static let maximumDepth = 256

  init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
    let end = min(offset ?? position, bytes.count)
    var line = 1
    var lineStart = 0
    for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
      line += 1
      lineStart = index + 1
    }
    return JSONSyntaxError(message: message, line: line, column: end - lineStart + 1)
  }

  mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x0A, 0x0D, 0x09: position += 1
      default: return
      }
    }
  }

  mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    guard position < bytes.count else { throw error("unexpected end of input") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
    case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
    case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
    case UInt8(ascii: "n"): try expectLiteral("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw error("unexpected character '\(printable(bytes[position]))'")
    }
  }

  private func printable(_ byte: UInt8) -> String {
    byte >= 0x20 && byte < 0x7f ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
  }

  private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
    let count = literal.utf8CodeUnitCount
    guard position + count <= bytes.count else { throw error("unexpected end of input") }
    for index in 0..<count where bytes[position + index] != literal.utf8Start[index] {
      throw error("invalid literal, expected '\(literal)'")
    }
    position += count
  }

  private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    if depth > JSONParser.maximumDepth { throw error("nesting is too deep") }
    position += 1
    var object = JSONObject()
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
      position += 1
      return .object(object)
    }
    while true {
      skipWhitespace()
      guard position < bytes.count else { throw error("unexpected end of input in an object") }
      guard bytes[position] == UInt8(ascii: "\"") else { throw error("expected a string key") }
      let keyStart = position
      let key = try parseString()
      if object.pairs.contains(where: { $0.key == key }) {
        throw error("duplicate key \"\(key)\"", at: keyStart)
      }
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
        throw error("expected ':' after a key")
      }
      position += 1
      skipWhitespace()
      object.pairs.append((key, try parseValue(depth: depth)))
      skipWhitespace()
      guard position < bytes.count else { throw error("unexpected end of input in an object") }
      switch bytes[position] {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "}"): position += 1; return .object(object)
      default: throw error("expected ',' or '}' in an object")
      }
    }
  }

  private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    if depth > JSONParser.maximumDepth { throw error("nesting is too deep") }
    position += 1
    var values: [JSONValue] = []
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
      position += 1
      return .array(values)
    }
    while true {
      skipWhitespace()
      values.append(try parseValue(depth: depth))
      skipWhitespace()
      guard position < bytes.count else { throw error("unexpected end of input in an array") }
      switch bytes[position] {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "]"): position += 1; return .array(values)
      default: throw error("expected ',' or ']' in an array")
      }
    }
  }

  mutating func parseString() throws(JSONSyntaxError) -> String {
    let start = position
    position += 1
    let contentStart = position
    // Fast path: no escapes.
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let slice = UnsafeBufferPointer(rebasing: bytes[contentStart..<position])
        position += 1
        guard let string = String(validating: slice, as: UTF8.self) else {
          throw error("invalid UTF-8 in a string", at: start)
        }
        return string
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw error("control character in a string") }
      position += 1
    }
    var buffer = Array(bytes[contentStart..<position])
    while position < bytes.count {
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "\""):
        position += 1
        guard let string = String(validating: buffer, as: UTF8.self) else {
          throw error("invalid UTF-8 in a string", at: start)
        }
        return string
      case UInt8(ascii: "\\"):
        position += 1
        guard position < bytes.count else { break }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "\""): buffer.append(0x22)
        case UInt8(ascii: "\\"): buffer.append(0x5C)
        case UInt8(ascii: "/"): buffer.append(0x2F)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try parseHex4()
          if (0xD800..<0xDC00).contains(scalar) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
              bytes[position + 1] == UInt8(ascii: "u")
            else { throw error("unpaired surrogate in a string") }
            position += 2
            let low = try parseHex4()
            guard (0xDC00..<0xE000).contains(low) else { throw error("invalid surrogate pair") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          } else if (0xDC00..<0xE000).contains(scalar) {
            throw error("unpaired surrogate in a string")
          }
          guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
          buffer.append(contentsOf: Array(String(Character(unicode)).utf8))
        default: throw error("invalid escape '\\\(printable(escape))'")
        }
      default:
        if byte < 0x20 { throw error("control character in a string") }
        buffer.append(byte)
        position += 1
      }
    }
    throw error("unterminated string", at: start)
  }

  private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
    guard position + 4 <= bytes.count else { throw error("unexpected end of input in \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[position]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw error("invalid \\u escape")
      }
      value = value << 4 | UInt32(digit)
      position += 1
    }
    return value
  }

  /// Powers of ten that a double holds exactly.
  private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
    (0..<exponent).reduce(1.0) { value, _ in value * 10 }
  }

  /// 10^0 through 10^19, every power of ten a `UInt64` holds.
  private static let integerPowersOfTen: [UInt64] = (0...19).map { exponent in
    (0..<exponent).reduce(1) { value, _ in value * 10 }
  }

  /// The double nearest `mantissa` × 10^`scale`, rounding half to even, for a mantissa above
  /// 2^53 (Clinger's fast path takes the others) and a scale within ±19, computed exactly in
  /// 128-bit integers: the quotient (or product) to at least 54 bits, the bits below the 53
  /// kept and the remainder deciding the rounding. Python's 17-digit reprs land here instead
  /// of in strtod, which takes its arbitrary-precision path for them (~8% of the decoding
  /// thread of a bulk `run record`).
  static func nearestDouble(mantissa: UInt64, scale: Int) -> Double {
    precondition(mantissa > 1 << 53 && abs(scale) <= 19, "outside the exact path's range")
    let power = UInt128(integerPowersOfTen[abs(scale)])
    var quotient: UInt128
    var remainderIsZero = true
    var shift = 0
    if scale >= 0 {
      quotient = UInt128(mantissa) * power
    } else {
      // Shift so that the quotient has 55 or 56 bits (at least 55 when no shift is needed).
      let mantissaBits = 64 - mantissa.leadingZeroBitCount
      let powerBits = 128 - power.leadingZeroBitCount
      shift = max(0, 55 + powerBits - mantissaBits)
      let numerator = UInt128(mantissa) << shift
      quotient = numerator / power
      remainderIsZero = numerator % power == 0
    }
    let extra = (128 - quotient.leadingZeroBitCount) - 53
    let kept = quotient >> extra
    let rest = quotient & ((1 << extra) - 1)
    let half: UInt128 = 1 << (extra - 1)
    let roundsUp = rest > half || (rest == half && (!remainderIsZero || kept & 1 == 1))
    quotient = kept + (roundsUp ? 1 : 0)
    return Double(sign: .plus, exponent: extra - shift, significand: Double(UInt64(quotient)))
  }

  /// The eight bytes at `offset` as an eight-digit decimal number, or `nil` when one of them is
  /// not an ASCII digit: a check and three multiplications on one 64-bit word (the SWAR method of
  /// simdjson's `parse_eight_digits_unrolled`), the first byte the most significant digit.
  @inline(__always)
  static func eightDigits(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64? {
    let word = UInt64(
      littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    // Every byte 0x30...0x39: its high nibble is 3, and still is with 6 added.
    guard
      (word & 0xF0F0_F0F0_F0F0_F0F0) | (((word &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4)
        == 0x3333_3333_3333_3333
    else { return nil }
    var digits = word &- 0x3030_3030_3030_3030
    digits = digits &* 10 &+ (digits >> 8)  // byte pairs: 10 * first + second
    let pairs: UInt64 = 0x0000_00FF_0000_00FF
    return ((digits & pairs) &* (100 + (1_000_000 << 32)) &+ ((digits >> 16) & pairs) &* (1 + (10_000 << 32)))
      >> 32
  }

  /// Reads a number, checking JSON's grammar and gathering what Clinger's fast path needs in the
  /// same pass: the digits as an integer (`mantissa`, exact while at most 19 are significant)
  /// and the power of ten that scales it.
  mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
    let start = position
    let zero = UInt8(ascii: "0")
    let negative = bytes[position] == UInt8(ascii: "-")
    if negative { position += 1 }
    var mantissa: UInt64 = 0
    var significant = 0
    var scale = 0
    var isInteger = true
    @inline(__always) func digit(_ parser: JSONParser) -> UInt64? {
      guard parser.position < parser.bytes.count else { return nil }
      let value = parser.bytes[parser.position] &- zero
      return value < 10 ? UInt64(value) : nil
    }
    let integerStart = position
    while let value = digit(self) {
      if mantissa != 0 || value != 0 { significant += 1 }
      if significant <= 19 { mantissa = mantissa &* 10 &+ value }
      position += 1
    }
    let integerDigits = position - integerStart
    guard integerDigits > 0 else { throw error("invalid number") }
    if integerDigits > 1 && bytes[integerStart] == zero {
      throw error("invalid number: leading zero", at: start)
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      isInteger = false
      position += 1
      let fractionStart = position
      while true {
        // Eight significant digits at a time while they still fit the 19 kept (a double's
        // fraction has 15 to 17: a digit at a time was most of this function).
        if mantissa != 0, significant <= 11, position + 8 <= bytes.count,
          let eight = Self.eightDigits(bytes, at: position)
        {
          mantissa = mantissa &* 100_000_000 &+ eight
          significant += 8
          scale -= 8
          position += 8
          continue
        }
        guard let value = digit(self) else { break }
        if mantissa != 0 || value != 0 { significant += 1 }
        if significant <= 19 { mantissa = mantissa &* 10 &+ value }
        scale -= 1
        position += 1
      }
      guard position > fractionStart else { throw error("invalid number: digits expected after '.'") }
    }
    if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
      isInteger = false
      position += 1
      var exponentNegative = false
      if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
      {
        exponentNegative = bytes[position] == UInt8(ascii: "-")
        position += 1
      }
      let exponentStart = position
      var exponent = 0
      while let value = digit(self) {
        if exponent < 100_000 { exponent = exponent * 10 + Int(value) }
        position += 1
      }
      guard position > exponentStart else { throw error("invalid number: digits expected in exponent") }
      scale += exponentNegative ? -exponent : exponent
    }
    let length = position - start
    // Up to 18 digits always fit in an Int64.
    if isInteger && significant <= 18 {
      return .integer(negative ? -Int64(mantissa) : Int64(mantissa))
    }
    if isInteger,
      let value = Int64(
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
    {
      return .integer(value)
    }
    // Clinger's fast path: digits forming an integer up to 2^53 (every such integer is a double
    // exactly) scaled by a power of ten up to 22 (exact too) is one IEEE multiplication or
    // division, so the correctly rounded double: what strtod returns, at a fraction of the cost.
    // Python's `repr` of a double has 16 or 17 digits, most of them below 2^53: a 15-digit limit
    // sent 92% of a training log's values to strtod, this one 31%.
    if significant <= 19, mantissa <= 1 << 53, abs(scale) <= 22 {
      let magnitude =
        scale >= 0
        ? Double(mantissa) * Self.exactPowersOfTen[scale] : Double(mantissa) / Self.exactPowersOfTen[-scale]
      return .number(negative ? -magnitude : magnitude)
    }
    if significant <= 19, mantissa > 1 << 53, abs(scale) <= 19 {
      let magnitude = Self.nearestDouble(mantissa: mantissa, scale: scale)
      return .number(negative ? -magnitude : magnitude)
    }
    // `Double(String)` runs strtod_l in the C locale. strtod gives the same value wherever the
    // locale's decimal point is `.` (it always is unless the process called setlocale), read here
    // from a NUL-terminated copy on the stack instead of a String on the heap. When it stops
    // short (another decimal point), the String path decides.
    let value =
      withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { text -> Double? in
        guard let base = text.baseAddress else { return nil }
        for offset in 0..<length { text[offset] = CChar(bitPattern: bytes[start + offset]) }
        text[length] = 0
        var end: UnsafeMutablePointer<CChar>?
        let value = strtod(base, &end)
        return end == base + length ? value : nil
      }
      ?? Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
    guard let value, value.isFinite else { throw error("number out of range", at: start) }
    return .number(value)
  }
}
