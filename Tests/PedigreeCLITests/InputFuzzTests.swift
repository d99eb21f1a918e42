import PedigreeCore
import PedigreeTestSupport
import Testing

@testable import PedigreeCLI

/// Every parser of user input — times, relative times, durations, refs, names, keys, `key=value`
/// and metric values — fed seeded random and mutated strings: each answers with a value or a
/// `PedigreeError`, never a crash (issue 10: six fractional digits killed the binary with SIGILL).
/// A failing input is replayed from the seed.
@Suite struct InputFuzzTests {
  static let seed: UInt64 = 0x1F02_2026_0010
  static let iterations = 4000

  /// Valid inputs of every parser, the starting points for mutation.
  static let seeds = [
    "2026-11-28T10:00:00.123456Z", "2026-11-28T10:00:00Z", "2026-03-01", "2026-11-28T12:00:00.5+02:00",
    "2026-11-28 10:00:00,123456789-05:30", "2024-02-29T23:59", "now", "today", "yesterday", "2h ago",
    "3 days ago", "90 seconds ago", "1w ago", "15m", "fraud@3", "model:fraud@production", "dataset:tx@2",
    "run:3f9a1c0b", "artifact:42", "fraud-detector", "lr=0.01", "loss=0.42@3", "auc=nan", "x=-inf@0",
    "a=1e308@9223372036854775807", "team=risk=a",
  ]

  /// Characters that matter to these parsers, plus a few that must never confuse them.
  static let alphabet: [Character] =
    Array("0123456789-:T Z.+,@=tz:abcdefhmswkoyrnlAGO_ \t/") + [
      "é", "\u{301}", "\u{0}", "😀", "٣", "\u{FEFF}", "\n", "9", "9", "0",
    ]

  static func randomString(_ random: inout SeededGenerator) -> String {
    String((0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
  }

  static func mutated(_ text: String, _ random: inout SeededGenerator) -> String {
    var characters = Array(text)
    for _ in 0..<Int.random(in: 1...4, using: &random) {
      let position = characters.isEmpty ? 0 : Int.random(in: 0..<characters.count, using: &random)
      switch Int.random(in: 0..<6, using: &random) {
      case 0: characters.insert(alphabet.randomElement(using: &random)!, at: position)
      case 1: if !characters.isEmpty { characters.remove(at: position) }
      case 2: if !characters.isEmpty { characters[position] = alphabet.randomElement(using: &random)! }
      case 3:  // a long run of digits: many fractional digits, huge numbers
        characters.insert(
          contentsOf: repeatElement("9", count: Int.random(in: 1...40, using: &random)), at: position)
      case 4: characters = Array(characters.prefix(position))
      default: characters += characters.prefix(Int.random(in: 0...characters.count, using: &random))
      }
    }
    return String(characters)
  }

  /// The inputs of one run: seeds, their mutations, and random strings.
  static func inputs() -> [String] {
    var random = SeededGenerator(seed: seed)
    var inputs = seeds
    for _ in 0..<iterations {
      inputs.append(
        Bool.random(using: &random)
          ? mutated(seeds.randomElement(using: &random)!, &random) : randomString(&random))
    }
    return inputs
  }

  @Test func timesNeverCrash() throws {
    let now = Timestamp(milliseconds: 1_796_000_000_000)
    for text in Self.inputs() {
      for endOfDay in [false, true] {
        if let time = try? Timestamp(parsing: text, endOfDay: endOfDay) {
          // What parses prints as UTC ISO 8601 that reads back as the same instant.
          #expect(try Timestamp(parsing: time.iso8601).milliseconds == time.milliseconds, "\(text)")
        }
        if let time = try? Timestamp(parsingUserTime: text, endOfDay: endOfDay, now: now) {
          #expect(try Timestamp(parsing: time.iso8601).milliseconds == time.milliseconds, "\(text)")
        }
        _ = try? TimeArgument.parsePast(text, now: now)
      }
      if let span = TimeSpan.milliseconds(text) { #expect(span >= 0, "\(text)") }
    }
  }

  @Test func refsAndNamesNeverCrash() throws {
    for text in Self.inputs() {
      for kind in Ref.Kind.allCases {
        if let ref = try? Ref.parse(text, defaultKind: kind) {
          #expect(try Ref.parse(ref.description) == ref, "\(text) as \(kind)")
        }
      }
      _ = try? Names.validate(text, as: "model")
      _ = try? Names.validateAlias(text)
      _ = try? Limits.validateKey(text, as: "param")
      _ = try? Limits.validateText(text, as: "reason")
    }
  }

  @Test func keyValuesAndMetricsNeverCrash() {
    let now = Timestamp(milliseconds: 0)
    for text in Self.inputs() {
      if let pair = try? parseKeyValue(text, what: "param") {
        #expect(pair.key + "=" + pair.value == text)
      }
      if let point = try? parseMetric(text, at: now) { #expect(point.step >= 0, "\(text)") }
    }
  }

  /// The crash of issue 10 and its neighbours, exactly.
  @Test func fractionsOfAnyLengthAndOffsets() throws {
    let cases = [
      ("2026-11-28T10:00:00.123456Z", "2026-11-28T10:00:00.123Z"),
      ("2026-11-28T10:00:00.123456789Z", "2026-11-28T10:00:00.123Z"),
      ("2026-11-28T10:00:00.9999999999999999999999999Z", "2026-11-28T10:00:00.999Z"),
      ("2026-11-28T10:00:00.1Z", "2026-11-28T10:00:00.100Z"),
      ("2026-11-28T12:00:00.123456+02:00", "2026-11-28T10:00:00.123Z"),
      ("2026-11-28T05:30:00.5-05:30", "2026-11-28T11:00:00.500Z"),
      ("2026-11-28T10:00:00,25+0000", "2026-11-28T10:00:00.250Z"),
    ]
    for (text, printed) in cases { #expect(try Timestamp(parsing: text).iso8601 == printed, "\(text)") }
    for bad in ["2026-11-28T10:00:00.Z", "2026-11-28T10:00:00.123456", "2026-11-28T10:00:00.12x"] {
      if bad.hasSuffix("123456") {
        #expect(try Timestamp(parsing: bad).iso8601 == "2026-11-28T10:00:00.123Z")  // no offset: UTC
      } else {
        expectError(.usage) { try Timestamp(parsing: bad) }
      }
    }
  }

  @Test func relativeTimes() throws {
    let now = try Timestamp(parsing: "2026-12-01T09:30:00.250Z")
    let cases = [
      ("now", "2026-12-01T09:30:00.250Z"), ("today", "2026-12-01T00:00:00Z"),
      ("yesterday", "2026-11-30T00:00:00Z"), ("2h ago", "2026-12-01T07:30:00.250Z"),
      ("2 h ago", "2026-12-01T07:30:00.250Z"), ("3 days ago", "2026-11-28T09:30:00.250Z"),
      ("1 day ago", "2026-11-30T09:30:00.250Z"), ("90 seconds ago", "2026-12-01T09:28:30.250Z"),
      ("15m ago", "2026-12-01T09:15:00.250Z"), ("15 minutes ago", "2026-12-01T09:15:00.250Z"),
      ("1w ago", "2026-11-24T09:30:00.250Z"), ("2 weeks ago", "2026-11-17T09:30:00.250Z"),
      ("  Yesterday ", "2026-11-30T00:00:00Z"), ("2026-03-01", "2026-03-01T00:00:00Z"),
    ]
    for (text, expected) in cases {
      #expect(try Timestamp(parsingUserTime: text, now: now).iso8601 == expected, "\(text)")
    }
    #expect(
      try Timestamp(parsingUserTime: "today", endOfDay: true, now: now).iso8601 == "2026-12-01T23:59:59.999Z")
    #expect(
      try Timestamp(parsingUserTime: "yesterday", endOfDay: true, now: now).iso8601
        == "2026-11-30T23:59:59.999Z")
    for bad in [
      "ago", "2 ago", "h ago", "-2h ago", "2.5h ago", "2 fortnights ago", "2h", "in 2h", "tomorrow",
      "99999999999999999999 weeks ago", "15260000000 weeks ago", "600000 weeks ago", "now now",
    ] {
      expectError(.usage) { try Timestamp(parsingUserTime: bad, now: now) }
    }
    #expect(TimeSpan.milliseconds("2h") == 7_200_000)
    #expect(TimeSpan.milliseconds("1 week") == 604_800_000)
    expectError(.usage) { try TimeSpan.parse("2 parsecs") }
    // --at: a time in the future is refused, the present is not.
    #expect(try TimeArgument.parsePast("now", now: now) == now)
    expectError(.usage) { try TimeArgument.parsePast("2026-12-02", now: now) }
  }

  @Test func negativeStepsAreUsageErrors() throws {
    let now = Timestamp(milliseconds: 0)
    #expect(try parseMetric("loss=0.5@3", at: now).step == 3)
    #expect(try parseMetric("loss=0.5@0", at: now).step == 0)
    for bad in ["loss=0.5@-1", "loss=0.5@-9223372036854775808", "loss=0.5@", "loss=0.5@x"] {
      expectError(.usage) { try parseMetric(bad, at: now) }
    }
  }
}
