import Foundation
import Testing

@testable import PedigreeStore

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
}
