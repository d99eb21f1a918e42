/// Times as users type them on a command line (PRODUCT.md, "Times"): ISO 8601, or `now`, `today`,
/// `yesterday`, or `N seconds|minutes|hours|days|weeks ago` (`2h ago`, `3 days ago`).
///
/// ```swift
/// let since = try Timestamp(parsingUserTime: "2h ago", now: .now())
/// ```
extension Timestamp {
  /// Parses `text` as a time relative to `now` or as ISO 8601 (`Timestamp(parsing:)`).
  ///
  /// `today` and `yesterday` are the start of that UTC day, or with `endOfDay` its last
  /// millisecond (so `--until yesterday` includes yesterday), as for a date alone.
  public init(parsingUserTime text: String, endOfDay: Bool = false, now: Timestamp) throws(PedigreeError) {
    let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
    let day: Int64 = 86_400_000
    let startOfToday = now.milliseconds - ((now.milliseconds % day) + day) % day
    let dayOffset: Int64? =
      switch words.count == 1 ? words[0] : "" {
      case "today": 0
      case "yesterday": -1
      default: nil
      }
    if let dayOffset {
      self.init(milliseconds: startOfToday + dayOffset * day + (endOfDay ? day - 1 : 0))
    } else if words.count == 1, words[0] == "now" {
      self = now
    } else if words.count >= 2, words.last == "ago" {
      let span = words.dropLast().joined()
      guard let milliseconds = TimeSpan.milliseconds(span),
        case let (value, overflow) = now.milliseconds.subtractingReportingOverflow(milliseconds), !overflow,
        Timestamp.representable.contains(value)
      else { throw Timestamp.invalidUserTime(text) }
      self.init(milliseconds: value)
    } else {
      do { try self.init(parsing: text, endOfDay: endOfDay) } catch { throw Timestamp.invalidUserTime(text) }
    }
  }

  static func invalidUserTime(_ text: String) -> PedigreeError {
    PedigreeError.usage(
      "invalid time '\(text.prefix(64))'",
      hint: "use ISO 8601 (2026-03-01, 2026-03-01T14:30:00Z), now, today, yesterday, "
        + "or N seconds|minutes|hours|days|weeks ago (2h ago, 3 days ago)")
  }
}

/// A span of time as users type it: `90s`, `15 minutes`, `2h`, `3 days`, `1w`.
public enum TimeSpan {
  /// Milliseconds per unit, by every spelling accepted.
  private static let units: [String: Int64] = {
    var units: [String: Int64] = [:]
    let spellings: [(Int64, [String])] = [
      (1000, ["s", "sec", "secs", "second", "seconds"]),
      (60_000, ["m", "min", "mins", "minute", "minutes"]),
      (3_600_000, ["h", "hr", "hrs", "hour", "hours"]),
      (86_400_000, ["d", "day", "days"]),
      (604_800_000, ["w", "wk", "wks", "week", "weeks"]),
    ]
    for (milliseconds, names) in spellings { for name in names { units[name] = milliseconds } }
    return units
  }()

  /// The length of `text` (a whole number then a unit, spaces allowed between them) in
  /// milliseconds, or `nil` when it is not a span or does not fit in 64 bits.
  public static func milliseconds(_ text: some StringProtocol) -> Int64? {
    let utf8 = Array(text.lowercased().utf8.filter { $0 != UInt8(ascii: " ") })
    let digitCount = utf8.prefix(while: { (0x30...0x39).contains($0) }).count
    guard digitCount > 0, digitCount <= 18,
      let count = Int64(String(decoding: utf8[..<digitCount], as: UTF8.self)),
      let unit = units[String(decoding: utf8[digitCount...], as: UTF8.self)]
    else { return nil }
    let (product, overflow) = count.multipliedReportingOverflow(by: unit)
    return overflow ? nil : product
  }

  /// Parses `text` as a span; a usage error names what was wrong.
  public static func parse(_ text: String) throws(PedigreeError) -> Int64 {
    guard let milliseconds = milliseconds(text) else {
      throw PedigreeError.usage(
        "invalid duration '\(text.prefix(64))'",
        hint: "write a whole number and a unit: 90s, 15m, 2h, 3 days, 1w")
    }
    return milliseconds
  }
}
