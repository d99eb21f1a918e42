import Testing

@testable import PedigreeCore
@testable import PedigreeSQLite

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `recordLines` decodes on a second thread (`DecodedBatches`) while it writes: these pin what
/// the single-threaded loop did — every line once and in order, the lines before a read error
/// written, and a writer that fails stopping the decoder instead of hanging.
@Suite struct RecordLinesPipelineTests {
  private func document(_ index: Int) -> String {
    #"{"experiment": "pipe", "name": "r\#(index)", "params": {"i": "\#(index)"}, "metrics": {"loss": [[0, 1], [1, 0.5], [2, \#(index)]]}}"#
  }

  @Test func everyLineIsRecordedOnceInOrderAcrossManyBatches() throws {
    let fixture = try Fixture()
    let path = fixture.directory.file("runs.jsonl")
    var lines = (1...150).map(document)
    lines[40] = "{not json"
    lines[99] = "   "
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    var reported: [Int] = []
    let summary = try fixture.writer.recordLines(try LineReader(path: path), batchSize: 7) { line, _ in
      reported.append(line)
    }
    #expect(reported == Array(1...150).filter { $0 != 100 })
    #expect(summary.written == 148 && summary.failedLines == [41])
    #expect(try fixture.count("runs") == 148)
    #expect(try AuditChain.verify(fixture.registry.database) == nil)
  }

  @Test func theLinesBeforeAReadErrorAreWrittenThenTheErrorIsThrown() throws {
    let fixture = try Fixture()
    let path = fixture.directory.file("runs.jsonl")
    let tooLong = String(repeating: "x", count: 3 << 20)
    try ((1...20).map(document) + [tooLong, document(21)]).joined(separator: "\n")
      .write(toFile: path, atomically: true, encoding: .utf8)
    var written = 0
    let error = #expect(throws: PedigreeError.self) {
      try fixture.writer.recordLines(try LineReader(path: path, maximumLineLength: 1 << 20), batchSize: 3) {
        _, result in if case .success = result { written += 1 }
      }
    }
    #expect(error?.kind == .invalidInput)
    #expect(written == 20)
    #expect(try fixture.count("runs") == 20)
  }

  @Test func aWriterThatFailsStopsTheDecoderAndChangesNothing() throws {
    let fixture = try Fixture()
    let path = fixture.directory.file("runs.jsonl")
    try (1...500).map(document).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let busyWriter = try SQLiteRegistry.open(
      path: fixture.directory.file("reg.db"), access: .write, busyTimeout: .zero)
    let holder = try SQLiteRegistry.open(path: fixture.directory.file("reg.db"), access: .write)
    try holder.database.execute("BEGIN IMMEDIATE")
    defer { try? holder.database.execute("ROLLBACK") }
    let error = #expect(throws: PedigreeError.self) {
      try busyWriter.writing(as: Author("t")).recordLines(try LineReader(path: path), batchSize: 4) { _, _ in
      }
    }
    #expect(error?.kind == .busy)
    try holder.database.execute("ROLLBACK")
    #expect(try fixture.count("runs") == 0)
  }
}
