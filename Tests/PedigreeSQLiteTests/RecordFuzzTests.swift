import Foundation
import PedigreeTestSupport
import Testing

@testable import PedigreeCore
@testable import PedigreeSQLite

/// Thousands of seeded inputs through the run-record decoder (`JSONValue.parse` then
/// `RunDocument(json:)`) and, when it accepts them, through `SQLiteRegistry.record`: random bytes, every
/// truncation of a valid record, random mutations of it, deep nesting, huge numbers and every field
/// swapped for every JSON type. Nothing crashes or hangs; every refusal is a `JSONSyntaxError` or a
/// `PedigreeError` of kind `.invalidInput`; recording an accepted document either writes it whole
/// (one audit entry) or fails with a `PedigreeError` and writes nothing.
@Suite struct RecordFuzzTests {
  static let seed: UInt64 = 0x00F0_22ED_2026
  static let valid = Array(RecordTests.example.utf8)

  /// Where the outcomes of a batch of inputs are tallied.
  struct Tally {
    var syntaxErrors = 0
    var refused = 0
    var recorded = 0
    var recordFailures = 0
  }

  /// Decodes `input`; returns the document when the decoder accepts it. Any other outcome than
  /// a syntax error or an `.invalidInput` error is a test failure.
  static func decode(_ input: [UInt8], _ tally: inout Tally) -> RunDocument? {
    let general = generalDecode(input, &tally)
    expectFastPathAgrees(input, general)
    return general
  }

  /// The fast decoder (`RecordDecoder`, what `run record` uses) must accept exactly what the
  /// general path accepts, with the same document, and refuse with the same message.
  static func expectFastPathAgrees(_ input: [UInt8], _ general: RunDocument?) {
    let fast = input.withUnsafeBufferPointer { bytes in
      Result { () throws(PedigreeError) in try RecordDecoder.decode(bytes) }
    }
    let text = String(decoding: input.prefix(200), as: UTF8.self)
    switch (fast, general) {
    case (.success(var document), let general?):
      // Points without a time take the record's default, "now" when it has no times: allow for
      // the clock moving between the two decodes.
      for (index, point) in document.log.metrics.enumerated() where index < general.log.metrics.count {
        let other = general.log.metrics[index].timestamp.milliseconds
        if abs(point.timestamp.milliseconds - other) < 5_000 {
          document.log.metrics[index].timestamp = general.log.metrics[index].timestamp
        }
      }
      #expect(document == general, "fast and general decoders differ for \(text)")
    case (.failure(let error), nil):
      #expect(error.kind == .invalidInput, "\(error) for \(text)")
    case (.success, nil):
      Issue.record("the fast decoder accepted what the general path refuses: \(text)")
    case (.failure(let error), .some):
      Issue.record("the fast decoder refused (\(error)) what the general path accepts: \(text)")
    }
  }

  static func generalDecode(_ input: [UInt8], _ tally: inout Tally) -> RunDocument? {
    let json: JSONValue
    do {
      json = try input.withUnsafeBufferPointer { bytes throws(JSONSyntaxError) in try JSONValue.parse(bytes) }
    } catch {
      tally.syntaxErrors += 1
      return nil
    }
    do {
      return try RunDocument(json: json)
    } catch {
      #expect(
        error.kind == .invalidInput, "\(error) for \(String(decoding: input.prefix(200), as: UTF8.self))")
      tally.refused += 1
      return nil
    }
  }

  /// Decodes every input and records the accepted ones, checking that a record is all or nothing.
  static func run(_ inputs: [[UInt8]]) throws -> Tally {
    let fixture = try Fixture()
    _ = try fixture.writer.registerDataset(DatasetInput(name: "transactions", uri: "s3://tx"))
    var tally = Tally()
    for input in inputs {
      guard let document = decode(input, &tally) else { continue }
      let before = try fixture.count("audit_log")
      do {
        // A mutation can repeat an earlier record's content: a retry, which writes nothing.
        let result = try fixture.writer.record(document)
        tally.recorded += 1
        #expect(try fixture.count("audit_log") == before + (result.changed ? 1 : 0))
      } catch {
        tally.recordFailures += 1
        #expect(try fixture.count("audit_log") == before, "a failed record wrote: \(error)")
      }
    }
    return tally
  }

  @Test func randomBytes() throws {
    var random = SeededGenerator(seed: Self.seed)
    let inputs = (0..<2000).map { _ in
      (0..<Int.random(in: 0...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
    }
    let tally = try Self.run(inputs)
    #expect(tally.syntaxErrors > 1900)
  }

  @Test func everyTruncation() throws {
    let inputs = (0..<Self.valid.count).map { Array(Self.valid.prefix($0)) }
    let tally = try Self.run(inputs)
    #expect(tally.syntaxErrors == Self.valid.count)
    // The whole record, for comparison, is accepted and recorded.
    #expect(try Self.run([Self.valid]).recorded == 1)
  }

  @Test func randomMutations() throws {
    var random = SeededGenerator(seed: Self.seed &+ 1)
    let snippets = [
      "\"", "{", "}", "[", "]", ",", ":", "null", "true", "-", "0", "1e999", "\\u", "\\ud800", "\u{0}",
      "\"NaN\"", "[[0, 1]]", "{\"a\": 1}", "é", "\u{FFFD}",
    ].map { Array($0.utf8) }
    let inputs = (0..<3000).map { _ in
      var bytes = Self.valid
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        let at = Int.random(in: 0..<max(1, bytes.count), using: &random)
        let end = min(bytes.count, at + Int.random(in: 1...16, using: &random))
        switch Int.random(in: 0..<5, using: &random) {
        case 0 where at < bytes.count: bytes[at] = UInt8.random(in: 0...255, using: &random)
        case 1 where at < bytes.count: bytes[at] ^= 1 << UInt8.random(in: 0..<8, using: &random)
        case 2: bytes.removeSubrange(at..<end)
        case 3: bytes.insert(contentsOf: Array(bytes[at..<end]), at: at)
        default: bytes.insert(contentsOf: snippets.randomElement(using: &random) ?? [], at: at)
        }
      }
      return bytes
    }
    let tally = try Self.run(inputs)
    #expect(tally.syntaxErrors + tally.refused + tally.recorded + tally.recordFailures == inputs.count)
  }

  @Test func deepNesting() throws {
    var inputs: [[UInt8]] = []
    for depth in [2, 100, 255, 256, 257, 1_000, 100_000] {
      let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
      let objects = String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
      inputs += [
        arrays, objects, #"{"metrics": {"loss": \#(arrays)}}"#, #"{"params": {"p": \#(objects)}}"#,
        #"{"inputs": \#(arrays)}"#, String(repeating: "[", count: depth),
      ].map { Array($0.utf8) }
    }
    let tally = try Self.run(inputs)
    #expect(tally.recorded == 0)
  }

  static let hugeNumbers = [
    "1e308", "1e309", "-1e400", "1e-400", "9223372036854775807", "9223372036854775808",
    "-9223372036854775809", "9007199254740993", "123456789012345678901234567890", "-0", "0.0",
    "1" + String(repeating: "0", count: 5_000), "0." + String(repeating: "0", count: 5_000) + "1",
  ]

  @Test func hugeNumbersInEveryNumericPlace() throws {
    let templates = [
      #"{"metrics": {"auc": #}}"#, #"{"metrics": {"loss": [[#, 1]]}}"#, #"{"metrics": {"loss": [[0, #]]}}"#,
      #"{"metrics": {"loss": [[0, 1, #]]}}"#, #"{"started_at": #}"#, #"{"ended_at": #}"#,
      #"{"params": {"p": #}}"#, #"{"inputs": [{"artifact": #}]}"#,
      #"{"outputs": [{"artifact": {"name": "m", "uri": "s3://m", "size": #}}]}"#,
      #"{"inputs": [{"dataset": {"name": "d", "uri": "s3://d", "rows": #, "size": #}}]}"#,
    ]
    let inputs = templates.flatMap { template in
      Self.hugeNumbers.map { Array(template.replacingOccurrences(of: "#", with: $0).utf8) }
    }
    let tally = try Self.run(inputs)
    #expect(tally.syntaxErrors + tally.refused + tally.recorded + tally.recordFailures == inputs.count)
  }

  /// Every value in the valid record (at any depth) replaced, one at a time, by each JSON type.
  @Test func everyFieldSwappedForEveryType() throws {
    let replacements: [JSONValue] = [
      .null, .bool(true), .integer(0), .integer(-1), .integer(Int64.max), .number(1.5), .number(-1e300),
      .string(""), .string("x"), .string("NaN"), .array([]), .array([.array([])]), .object(JSONObject()),
    ]
    let document = try JSONValue.parse(RecordTests.example)
    let inputs = Self.paths(in: document).flatMap { path in
      replacements.map { Array(Self.replacing(path, in: document, with: $0).serialized().utf8) }
    }
    #expect(inputs.count > 500)
    let tally = try Self.run(inputs)
    #expect(tally.refused > 0 && tally.recorded > 0)
  }

  /// Every JSON Lines line mutated, through the streaming bulk path: every line is counted as
  /// written or failed, and exactly the written ones have audit entries.
  @Test func mutatedJSONLinesThroughTheBulkPath() throws {
    var random = SeededGenerator(seed: Self.seed &+ 2)
    let line = Array(RecordTests.example.replacingOccurrences(of: "\n", with: " ").utf8)
    let lines = (0..<500).map { _ in
      var bytes = line
      let at = Int.random(in: 0..<bytes.count, using: &random)
      bytes[at] = UInt8.random(in: 0x20...0x7e, using: &random)
      return bytes
    }
    let fixture = try Fixture()
    _ = try fixture.writer.registerDataset(DatasetInput(name: "transactions", uri: "s3://tx"))
    let file = fixture.directory.file("runs.jsonl")
    try Data(Array(lines.joined(separator: [0x0A]))).write(to: URL(fileURLWithPath: file))
    let before = try fixture.count("audit_log")
    let summary = try fixture.writer.recordLines(try LineReader(path: file)) { _, _ in }
    #expect(summary.written + summary.unchanged + summary.failed == lines.count)
    #expect(try fixture.count("audit_log") == before + Int64(summary.written))
  }

  /// The paths to every value in `value`: object keys and array indexes.
  static func paths(in value: JSONValue) -> [[PathStep]] {
    switch value {
    case .object(let object):
      return object.pairs.flatMap { pair in
        [[PathStep.key(pair.key)]] + paths(in: pair.value).map { [.key(pair.key)] + $0 }
      }
    case .array(let values):
      return values.enumerated().flatMap { index, element in
        [[PathStep.index(index)]] + paths(in: element).map { [.index(index)] + $0 }
      }
    default:
      return []
    }
  }

  enum PathStep {
    case key(String)
    case index(Int)
  }

  /// `value` with the value at `path` replaced by `replacement`.
  static func replacing(_ path: [PathStep], in value: JSONValue, with replacement: JSONValue) -> JSONValue {
    guard let step = path.first else { return replacement }
    switch (step, value) {
    case (.key(let key), .object(var object)):
      object[key] = object[key].map { replacing(Array(path.dropFirst()), in: $0, with: replacement) }
      return .object(object)
    case (.index(let index), .array(var values)) where values.indices.contains(index):
      values[index] = replacing(Array(path.dropFirst()), in: values[index], with: replacement)
      return .array(values)
    default:
      return value
    }
  }
}
