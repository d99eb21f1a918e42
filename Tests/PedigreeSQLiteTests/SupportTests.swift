import PedigreeTestSupport
import Testing

@testable import PedigreeCore
@testable import PedigreeSQLite

@Suite struct SupportTests {
  @Test func jsonRoundTrip() throws {
    let text = #"{"a":[1,-2.5,1e+20,true,null],"b":"\u00e9\n\"q\"","c":{},"d":"😀"}"#
    let value = try JSONValue.parse(text)
    #expect(value["b"] == .string("é\n\"q\""))
    #expect(value["d"] == .string("😀"))
    #expect(try JSONValue.parse(value.serialized()) == value)
    #expect(JSONValue.metric(.nan).serialized() == "\"NaN\"")
    #expect(JSONValue.metric(-.infinity).serialized() == "\"-Infinity\"")
  }

  @Test func jsonErrorsCarryPositions() {
    let cases: [(String, Int, Int)] = [
      ("{\"a\": }", 1, 7), ("[1,\n 2,,]", 2, 4), ("{\"a\":1,\"a\":2}", 1, 8), ("01", 1, 1),
      ("\"abc", 1, 1), ("[1] x", 1, 5), (String(repeating: "[", count: 300), 1, 257),
    ]
    for (text, line, column) in cases {
      do {
        _ = try JSONValue.parse(text)
        Issue.record("\(text) should not parse")
      } catch {
        #expect((error.line, error.column) == (line, column), "\(text): \(error)")
      }
    }
  }

  @Test func jsonRejectsInvalidUTF8() {
    let bytes: [UInt8] = [0x22, 0xff, 0xfe, 0x22]
    #expect(throws: JSONSyntaxError.self) {
      try bytes.withUnsafeBufferPointer { try JSONValue.parse($0) }
    }
  }

  @Test func timestamps() throws {
    #expect(try Timestamp(parsing: "2026-11-28T10:00:00Z").iso8601 == "2026-11-28T10:00:00Z")
    #expect(try Timestamp(parsing: "2026-03-01").iso8601 == "2026-03-01T00:00:00Z")
    #expect(try Timestamp(parsing: "2026-03-01", endOfDay: true).iso8601 == "2026-03-01T23:59:59.999Z")
    #expect(try Timestamp(parsing: "2026-11-28T12:00:00.5+02:00").iso8601 == "2026-11-28T10:00:00.500Z")
    #expect(try Timestamp(parsing: "1970-01-01T00:00:00Z").milliseconds == 0)
    #expect(try Timestamp(parsing: "2024-02-29T23:59").iso8601 == "2024-02-29T23:59:00Z")
    for bad in ["2026-02-30", "2026-13-01", "yesterday", "2026-11-28T25:00", "2026-11-28T10:00:00Zjunk", ""] {
      expectError(.usage) { try Timestamp(parsing: bad) }
    }
  }

  @Test func refsAndNames() throws {
    #expect(try Ref.parse("fraud@3") == .model(name: "fraud", selector: .version(3)))
    #expect(try Ref.parse("model:fraud@production") == .model(name: "fraud", selector: .alias("production")))
    #expect(try Ref.parse("dataset:tx") == .dataset(name: "tx", selector: .latest))
    #expect(try Ref.parse("tx@2", defaultKind: .dataset) == .dataset(name: "tx", selector: .version(2)))
    #expect(try Ref.parse("run:ABCDEF12") == .run("abcdef12"))
    #expect(try Ref.parse("artifact:42") == .artifact(42))
    for bad in [
      "", "-x", "a b", "fraud@0", "x@", String(repeating: "a", count: 129), "dataset:tx@prod", "run:xyz",
      "artifact:-1", "é",
    ] {
      expectError(.usage) { try Ref.parse(bad) }
    }
    #expect(
      Suggestion.closest(to: "fraud-detectr", among: ["fraud-detector", "churn"]) == "fraud-detector")
  }
}

/// Texts are bound by their UTF-8 bytes and length (`Statement.bindText`): the empty text is a
/// text, not NULL; short (inline) and long strings, non-ASCII ones and one with a NUL byte come
/// back byte for byte.
@Suite struct TextBindingTests {
  @Test func textsRoundTripByteForByte() throws {
    let database = try Database(path: ":memory:")
    let texts = [
      "", "a", "fifteen bytes!!", "sixteen bytes!!!", String(repeating: "long ", count: 200), "λ-ünïcode ✓",
      "nul\u{0}inside",
    ]
    for text in texts {
      #expect(try database.scalarString("SELECT typeof(?)", [.text(text)]) == "text", "\(text)")
      #expect(
        try database.scalarInt("SELECT length(CAST(? AS BLOB))", [.text(text)]) == Int64(text.utf8.count))
      let statement = try database.prepare("SELECT hex(CAST(? AS BLOB))")
      try statement.bind(text, at: 1)
      #expect(try statement.step())
      #expect(statement.row.string(0) == text.utf8.map { String(format: "%02X", $0) }.joined(), "\(text)")
      statement.reset()
    }
  }
}
