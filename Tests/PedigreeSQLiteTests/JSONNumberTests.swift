import Foundation
import Testing

@testable import PedigreeCore
@testable import PedigreeSQLite

@Suite struct JSONNumberTests {
  /// Numbers parse to exactly what `Int64(String)` and `Double(String)` give.
  @Test func numbersParseExactlyAsTheStandardLibraryDoes() throws {
    var generator = SystemRandomNumberGenerator()
    var texts = [
      "0", "-0", "7", "-12", "999999999999999999", "-999999999999999999", "9223372036854775807",
      "-9223372036854775808", "9223372036854775808", "123456789012345678901234567890", "0.1", "-0.5",
      "1e5", "1E-7", "2.5e+300", "4.9e-324", "1e-400", "0.30000000000000004", "1.7976931348623157e308",
    ]
    for _ in 0..<2000 {
      let double = Double(bitPattern: generator.next() as UInt64)
      guard double.isFinite else { continue }
      texts += [double.description, String(format: "%.17g", double), String(format: "%.3e", double)]
    }
    for text in texts {
      let parsed = try JSONValue.parse(text)
      if let integer = Int64(text) {
        #expect(parsed == .integer(integer), "\(text)")
      } else if case .number(let value) = parsed, let expected = Double(text) {
        #expect(value.bitPattern == expected.bitPattern, "\(text)")
      } else {
        Issue.record("\(text) parsed as \(parsed)")
      }
    }
    #expect(throws: JSONSyntaxError.self) { try JSONValue.parse("1e400") }
  }

  /// Short decimals, the metric values training scripts write, are read by the exact fast path:
  /// every one must still be bit-for-bit what `Double(String)` (strtod) gives.
  @Test func shortDecimalsMatchStrtod() throws {
    var generator = SystemRandomNumberGenerator()
    var texts: [String] = [
      "0.0", "-0.0", "0.1", "0.7", "123456789012345", "1.23456789012345e-22",
      "9.99999999999999e22", "0.000001", "1e22", "1e23", "5e-324", "0.1e1", "100.0e-2",
      // Around 2^53, the fast path's limit: 2^53 + 1 is no double, strtod must round it.
      "9007199254740992", "9007199254740993", "9.007199254740992", "9.007199254740993",
      "0.9007199254740993", "9007199254740993e-22", "9.007199254740991e22", "-0.9504707570683489",
      "2.530169010358809", "0.8987772399197511", "1.0000000000000002", "0.30000000000000004",
    ]
    for _ in 0..<20_000 {
      let digits = Int.random(in: 1...21, using: &generator)
      var mantissa = String((0..<digits).map { _ in "0123456789".randomElement(using: &generator)! })
      while mantissa.count > 1 && mantissa.hasPrefix("0") { mantissa.removeFirst() }
      let point = Int.random(in: 0...mantissa.count, using: &generator)
      var text =
        point == mantissa.count
        ? mantissa : String(mantissa.prefix(max(1, point))) + "." + mantissa.dropFirst(max(1, point))
      if text.hasSuffix(".") { text += "0" }
      if Bool.random(using: &generator) { text += "e\(Int.random(in: -30...30, using: &generator))" }
      if Bool.random(using: &generator) { text = "-" + text }
      texts.append(text)
    }
    for text in texts {
      guard case .number(let value) = try JSONValue.parse(text), let expected = Double(text) else {
        continue  // integers take the integer path
      }
      #expect(value.bitPattern == expected.bitPattern, "\(text)")
      #expect(try Self.inDocument(text)?.bitPattern == expected.bitPattern, "\(text) in a document")
    }
  }

  /// A number followed by more of a document, as in a record (the eight-digit step reads past
  /// the number's end only when eight bytes are left): the value of `[TEXT,1]`'s first element.
  private static func inDocument(_ text: String) throws -> Double? {
    guard case .array(let elements) = try JSONValue.parse("[" + text + ",1]"),
      case .number(let value)? = elements.first
    else { return nil }
    return value
  }

  /// `eightDigits` reads any eight ASCII digits as their number, and refuses a window with any
  /// other byte anywhere in it (the bytes just outside 0-9 included).
  @Test func eightDigitsAreReadOnlyWhenAllEightAreDigits() {
    var generator = SystemRandomNumberGenerator()
    func read(_ bytes: [UInt8]) -> UInt64? {
      bytes.withUnsafeBufferPointer { JSONParser.eightDigits($0, at: 0) }
    }
    for _ in 0..<10_000 {
      let digits = (0..<8).map { _ in UInt8.random(in: 0x30...0x39, using: &generator) }
      #expect(read(digits) == UInt64(String(decoding: digits, as: UTF8.self)))
    }
    #expect(read(Array("00000000".utf8)) == 0 && read(Array("99999999".utf8)) == 99_999_999)
    for position in 0..<8 {
      for byte in UInt8.min...UInt8.max where !(0x30...0x39).contains(byte) {
        var window = Array("12345678".utf8)
        window[position] = byte
        #expect(read(window) == nil, "byte \(byte) at \(position)")
      }
    }
  }

  /// Mantissas above 2^53 with up to 19 digits and a scale within ±19 take the exact 128-bit
  /// path (`nearestDouble`): every one bit-for-bit what strtod gives, ties to even included.
  @Test func longMantissasMatchStrtod() throws {
    var generator = SystemRandomNumberGenerator()
    var texts: [String] = [
      // Exact ties between two doubles: round half to even.
      "9007199254740993.0", "9007199254740995.0", "18014398509481985.0", "18014398509481987.0",
      "18014398509481986.0", "1801439850948198.5", "1801439850948198.50", "9.007199254740993e15",
      // Just above and below a tie: the remainder decides.
      "9007199254740993.000000001", "9007199254740992.999999999", "18014398509481985.01",
      "0.0009999998333333417", "0.8918228239220265", "0.98765432109876543", "9999999999999999999e-19",
      "18446744073709551615e-19", "9007199254740993e19", "9999999999999999999e19", "1e-19",
    ]
    for _ in 0..<50_000 {
      let digits = Int.random(in: 16...19, using: &generator)
      var mantissa = String((0..<digits).map { _ in "0123456789".randomElement(using: &generator)! })
      mantissa.replaceSubrange(
        mantissa.startIndex...mantissa.startIndex, with: String(Int.random(in: 1...9, using: &generator)))
      let point = Int.random(in: 1...digits, using: &generator)
      var text = String(mantissa.prefix(point)) + "." + mantissa.dropFirst(point)
      if text.hasSuffix(".") { text += "0" }
      if Bool.random(using: &generator) { text += "e\(Int.random(in: -20...20, using: &generator))" }
      texts.append(text)
    }
    for _ in 0..<20_000 {
      let double = Double.random(in: 1e-4..<1e4, using: &generator)
      texts += [double.description, String(format: "%.17g", double), String(format: "%.19g", double)]
    }
    var exactPath = 0
    for text in texts {
      guard case .number(let value) = try JSONValue.parse(text), let expected = Double(text) else {
        Issue.record("\(text) is no number")
        continue
      }
      #expect(value.bitPattern == expected.bitPattern, "\(text)")
      #expect(try Self.inDocument(text)?.bitPattern == expected.bitPattern, "\(text) in a document")
      if text.filter(\.isNumber).drop(while: { $0 == "0" }).count >= 17 { exactPath += 1 }
    }
    #expect(exactPath > 50_000)
  }

  @Test func theExactPathRoundsTiesToEven() {
    // 2^53 + 1 and 2^53 + 3 lie halfway between two doubles: they round to the even one.
    #expect(JSONParser.nearestDouble(mantissa: 9_007_199_254_740_993, scale: 0) == 9_007_199_254_740_992)
    #expect(JSONParser.nearestDouble(mantissa: 9_007_199_254_740_995, scale: 0) == 9_007_199_254_740_996)
    #expect(JSONParser.nearestDouble(mantissa: 90_071_992_547_409_930, scale: -1) == 9_007_199_254_740_992)
    #expect(JSONParser.nearestDouble(mantissa: 90_071_992_547_409_931, scale: -1) == 9_007_199_254_740_994)
  }
}
