#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A point in time as milliseconds since the Unix epoch, UTC: how Pedigree stores every time.
public struct Timestamp: Comparable, Hashable, Sendable, CustomStringConvertible {
  public var milliseconds: Int64

  public init(milliseconds: Int64) { self.milliseconds = milliseconds }

  /// The current time.
  public static func now() -> Timestamp {
    Timestamp(milliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
  }

  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
    lhs.milliseconds < rhs.milliseconds
  }

  /// ISO 8601 in UTC: `2026-11-28T10:00:00Z`, with milliseconds only when there are some.
  public var iso8601: String { format(alwaysMilliseconds: false) }

  /// ISO 8601 in UTC, always with milliseconds (`2026-11-28T10:00:00.000Z`): the JSON contract's
  /// form, so every time in a document has the same width and precision.
  public var iso8601Milliseconds: String { format(alwaysMilliseconds: true) }

  private func format(alwaysMilliseconds: Bool) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(24)
    appendISO8601(to: &bytes, alwaysMilliseconds: alwaysMilliseconds)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `iso8601` (or, with `alwaysMilliseconds`, `iso8601Milliseconds`) as UTF-8. Writes
  /// the digits by hand: `String(format:)` goes through Foundation's CFString formatter and
  /// dynamic casts of its variadic arguments, which cost microseconds a time (`run metrics`
  /// prints a million of them).
  public func appendISO8601(to bytes: inout [UInt8], alwaysMilliseconds: Bool = false) {
    let seconds = milliseconds.floorDivided(by: 1000)
    let millis = milliseconds - seconds * 1000
    let days = seconds.floorDivided(by: 86_400)
    let secondOfDay = seconds - days * 86_400
    let (year, month, day) = Timestamp.civil(fromDays: days)
    bytes.appendDecimal(Int64(year), width: 4)
    bytes.append(UInt8(ascii: "-"))
    bytes.appendDecimal(Int64(month), width: 2)
    bytes.append(UInt8(ascii: "-"))
    bytes.appendDecimal(Int64(day), width: 2)
    bytes.append(UInt8(ascii: "T"))
    bytes.appendDecimal(secondOfDay / 3600, width: 2)
    bytes.append(UInt8(ascii: ":"))
    bytes.appendDecimal(secondOfDay % 3600 / 60, width: 2)
    bytes.append(UInt8(ascii: ":"))
    bytes.appendDecimal(secondOfDay % 60, width: 2)
    if millis != 0 || alwaysMilliseconds {
      bytes.append(UInt8(ascii: "."))
      bytes.appendDecimal(millis, width: 3)
    }
    bytes.append(UInt8(ascii: "Z"))
  }

  public var description: String { iso8601 }

  /// Parses ISO 8601: `2026-03-01`, `2026-03-01T10:00`, `2026-03-01T10:00:00`, with optional
  /// fractional seconds and a `Z` or `±HH:MM` offset (no offset means UTC). A date alone means
  /// the start of that day, UTC; with `endOfDay`, its last millisecond (so `--until 2026-03-01`
  /// includes that day).
  public init(parsing text: String, endOfDay: Bool = false) throws(PedigreeError) {
    guard let value = Timestamp.parse(Array(text.utf8), endOfDay: endOfDay) else {
      throw PedigreeError.usage(
        "invalid time '\(text.prefix(64))'",
        hint: "use ISO 8601, e.g. 2026-03-01 or 2026-03-01T14:30:00Z")
    }
    self = value
  }

  private static func parse(_ b: [UInt8], endOfDay: Bool) -> Timestamp? {
    var i = 0
    func number(_ width: Int) -> Int64? {
      guard i + width <= b.count else { return nil }
      var value: Int64 = 0
      for k in i..<(i + width) {
        guard (0x30...0x39).contains(b[k]) else { return nil }
        value = value * 10 + Int64(b[k] - 0x30)
      }
      i += width
      return value
    }
    func expect(_ c: Unicode.Scalar) -> Bool {
      guard i < b.count, b[i] == UInt8(ascii: c) else { return false }
      i += 1
      return true
    }
    guard let year = number(4), expect("-"), let month = number(2), expect("-"),
      let day = number(2), (1...12).contains(month), day >= 1,
      day <= daysInMonth(year: year, month: month)
    else { return nil }
    var hour: Int64 = 0
    var minute: Int64 = 0
    var second: Int64 = 0
    var millis: Int64 = 0
    var offsetSeconds: Int64 = 0
    let dateOnly = i == b.count
    if !dateOnly {
      guard expect("T") || expect(" ") || expect("t"), let h = number(2), expect(":"),
        let m = number(2), h < 24, m < 60
      else { return nil }
      hour = h
      minute = m
      if expect(":") {
        guard let s = number(2), s < 60 else { return nil }
        second = s
        if expect(".") || expect(",") {
          // Any number of fractional digits (Python's isoformat writes six, others nine):
          // the first three are the milliseconds, the rest is truncated.
          var digits = 0
          while i < b.count, (0x30...0x39).contains(b[i]) {
            if digits < 3 { millis = millis * 10 + Int64(b[i] - 0x30) }
            digits += 1
            i += 1
          }
          guard digits > 0 else { return nil }
          while digits < 3 {
            millis *= 10
            digits += 1
          }
        }
      }
      if expect("Z") || expect("z") {
      } else if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
        let sign: Int64 = b[i] == UInt8(ascii: "-") ? -1 : 1
        i += 1
        guard let oh = number(2), oh < 24 else { return nil }
        _ = expect(":")
        guard let om = number(2), om < 60 else { return nil }
        offsetSeconds = sign * (oh * 3600 + om * 60)
      }
      guard i == b.count else { return nil }
    }
    let days = daysFromCivil(year: year, month: month, day: day)
    var ms = ((days * 86_400 + hour * 3600 + minute * 60 + second) - offsetSeconds) * 1000 + millis
    if dateOnly && endOfDay { ms += 86_400_000 - 1 }
    // An offset can push a year-0000 or year-9999 time out of the four-digit years.
    guard representable.contains(ms) else { return nil }
    return Timestamp(milliseconds: ms)
  }

  /// The times that print as four-digit-year ISO 8601 (0000-01-01 … 9999-12-31), so every time
  /// Pedigree accepts reads back from what it prints.
  public static let representable: ClosedRange<Int64> = -62_167_219_200_000...253_402_300_799_999

  private static func daysInMonth(year: Int64, month: Int64) -> Int64 {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  // Howard Hinnant's civil-calendar algorithms (http://howardhinnant.github.io/date_algorithms.html).
  private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = y.floorDivided(by: 400)
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
    let z = days + 719_468
    let era = z.floorDivided(by: 146_097)
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}

extension Int64 {
  fileprivate func floorDivided(by divisor: Int64) -> Int64 {
    let quotient = self / divisor
    return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }
}
