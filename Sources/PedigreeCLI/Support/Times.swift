import PedigreeCore

/// Times on the command line (`--at`, `--since`, `--until`): ISO 8601 or relative (`2h ago`,
/// `yesterday`), read against the current time.
enum TimeArgument {
  /// Help text shared by every time option.
  static let help = "ISO 8601, now, today, yesterday or N minutes|hours|days|weeks ago"

  /// Parses a `--since`/`--until` time; with `endOfDay`, a date (or `today`) means its last millisecond.
  static func parse(_ text: String?, endOfDay: Bool = false, now: Timestamp = .now()) throws(PedigreeError)
    -> Timestamp?
  {
    guard let text else { return nil }
    return try Timestamp(parsingUserTime: text, endOfDay: endOfDay, now: now)
  }

  /// Parses an `--at` time: the registry as it stood then, so a time in the future is refused.
  static func parsePast(_ text: String?, flag: String = "--at", now: Timestamp = .now()) throws(PedigreeError)
    -> Timestamp?
  {
    guard let time = try parse(text, now: now) else { return nil }
    if time > now {
      throw PedigreeError.usage(
        "\(flag) \(time.iso8601) is in the future (it is now \(now.iso8601))",
        hint: "\(flag) shows the registry as it stood at a past time; leave it out for now")
    }
    return time
  }
}
