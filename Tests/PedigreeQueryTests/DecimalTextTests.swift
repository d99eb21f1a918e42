import PedigreeCore
import Testing

/// `appendDecimal` and `Timestamp.appendISO8601`, which `run metrics` prints a million points
/// with: the same text as Swift's own formatting, for every width and sign.
@Suite struct DecimalTextTests {
  @Test func decimalsMatchSwiftsDescriptionAtEveryMagnitude() {
    var values: [Int64] = [0, 1, 9, 10, 99, 100, Int64.max, Int64.min, Int64.min + 1, -1, -10]
    var power: Int64 = 1
    for _ in 0..<18 {
      power *= 10
      values += [power - 1, power, power + 1, -power, -(power - 1)]
    }
    for value in values {
      var bytes: [UInt8] = []
      bytes.appendDecimal(value)
      #expect(String(decoding: bytes, as: UTF8.self) == String(value), "\(value)")
    }
  }

  @Test func decimalsArePaddedWithZerosAfterTheSign() {
    func text(_ value: Int64, _ width: Int) -> String {
      var bytes: [UInt8] = Array("x".utf8)
      bytes.appendDecimal(value, width: width)
      return String(decoding: bytes, as: UTF8.self)
    }
    #expect(text(7, 3) == "x007")
    #expect(text(-7, 4) == "x-0007")
    #expect(text(12345, 2) == "x12345")
    #expect(text(0, 2) == "x00")
  }

  @Test func timestampsPrintAsISO8601() {
    let cases: [(Int64, String, String)] = [
      (0, "1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000Z"),
      (1_767_226_860_005, "2026-01-01T00:21:00.005Z", "2026-01-01T00:21:00.005Z"),
      (-1, "1969-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z"),
      (253_402_300_799_000, "9999-12-31T23:59:59Z", "9999-12-31T23:59:59.000Z"),
    ]
    for (milliseconds, plain, withMilliseconds) in cases {
      let time = Timestamp(milliseconds: milliseconds)
      #expect(time.iso8601 == plain)
      #expect(time.iso8601Milliseconds == withMilliseconds)
      var bytes: [UInt8] = []
      time.appendISO8601(to: &bytes)
      #expect(String(decoding: bytes, as: UTF8.self) == plain)
    }
  }
}
