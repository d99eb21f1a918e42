import Foundation
import PedigreeTestSupport
import Testing

@testable import PedigreeCore
@testable import PedigreeSQLite

/// The reading thread of a bulk `run record` (issue 12): records come out in line order with
/// their digests, bad lines as failures, and a consumer that stops early does not hang.
@Suite struct DecodedRecordsTests {
  static func reader(_ text: String, maximumLineLength: Int = 64 << 20) throws -> (
    LineReader, TemporaryDirectory
  ) {
    let directory = TemporaryDirectory("pedigree-decoded")
    let path = directory.file("runs.jsonl")
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return (try LineReader(path: path, maximumLineLength: maximumLineLength), directory)
  }

  static func record(_ index: Int) -> String {
    #"{"experiment": "e", "name": "r\#(index)", "started_at": "2026-01-01T00:00:00Z", "metrics": {"loss": [[0, 0.5], [1, \#(index)]]}}"#
  }

  @Test func recordsComeInLineOrderWithTheirDigests() throws {
    let text = [Self.record(1), "", "{not json", "  ", Self.record(2)].joined(separator: "\n")
    let (lines, directory) = try Self.reader(text)
    let records = DecodedRecords(lines, depth: 1)
    var seen: [(Int, Bool)] = []
    while let record = try records.next() {
      switch record.document {
      case .success(let document):
        #expect(record.digest == RecordContent.digest(document))
        seen.append((record.line, true))
      case .failure(let error):
        #expect(error.kind == .invalidInput && record.digest == nil)
        seen.append((record.line, false))
      }
    }
    #expect(seen.map(\.0) == [1, 3, 5] && seen.map(\.1) == [true, false, true])
    #expect(try records.next() == nil)
    _ = directory
  }

  @Test func manyRecordsThroughAShortQueueKeepTheirOrder() throws {
    let (lines, directory) = try Self.reader((1...300).map(Self.record).joined(separator: "\n") + "\n")
    let records = DecodedRecords(lines, depth: 2)
    var names: [String?] = []
    while let record = try records.next() { names.append(try record.document.get().start.name) }
    #expect(names == (1...300).map { "r\($0)" })
    _ = directory
  }

  @Test func aConsumerThatStopsEarlyReleasesTheReader() throws {
    let (lines, directory) = try Self.reader((1...200).map(Self.record).joined(separator: "\n"))
    do {
      let records = DecodedRecords(lines, depth: 1)
      #expect(try records.next()?.line == 1)
    }
    // The reading thread was waiting on a full queue; dropping the records let it end.
    _ = directory
  }
}
