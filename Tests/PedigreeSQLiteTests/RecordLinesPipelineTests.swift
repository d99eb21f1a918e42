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
    let busyWriter = try SQLiteRegistry.open(path: fixture.path, access: .write, busyTimeout: .zero)
    let holder = try SQLiteRegistry.open(path: fixture.path, access: .write)
    try holder.database.holdWritersLock()
    defer { try? holder.database.execute("ROLLBACK") }
    let error = #expect(throws: PedigreeError.self) {
      try busyWriter.writing(as: Author("t")).recordLines(try LineReader(path: path), batchSize: 4) { _, _ in
      }
    }
    #expect(error?.kind == .busy)
    try holder.database.execute("ROLLBACK")
    #expect(try fixture.count("runs") == 0)
  }
  /// Later batches' metrics are made ready on the decoding thread, their run content digests
  /// with the key ids the writer committed before (`PreparedMetrics`): what it computes must be
  /// what the writer would, for keys in any order, duplicates, NaN, a key first seen mid-stream
  /// and a history longer than a chunk.
  @Test func metricsPreparedAheadStoreTheSameHistoriesAndDigests() throws {
    let fixture = try Fixture()
    let path = fixture.directory.file("runs.jsonl")
    let lines = (1...60).map { index in
      let extra = index > 30 ? #", "late": [[3, 1], [1, "NaN"], [1, "NaN"], [2, -0.0]]"# : ""
      let long =
        index == 50 ? #", "long": ["# + (0..<9000).map { "[\($0), \($0)]" }.joined(separator: ",") + "]" : ""
      return
        #"{"experiment": "pipe", "name": "r\#(index)", "started_at": "2026-01-01T00:00:00Z", "params": {"b": "2", "a": "\#(index)"}, "metrics": {"#
        + #""z": [[2, 0.5], [0, 1], [2, 0.5]], "a": [[0, "Infinity"], [1, 0.25]]\#(extra)\#(long)}}"#
    }
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let summary = try fixture.writer.recordLines(try LineReader(path: path), batchSize: 4) { _, _ in }
    #expect(summary.written == 60)
    #expect(try fixture.metricPointCount() == 60 * 4 + 30 * 3 + 9000)  // duplicates collapse
    #expect(try fixture.registry.integrityProblems().isEmpty)
    // Recorded again one by one, without the decoding thread, each run's content is the same.
    let single = try Fixture()
    for line in lines {
      _ = try single.writer.record(RunDocument(json: JSONValue.parse(line)))
    }
    let digests = { (fixture: Fixture) throws -> [String] in
      try fixture.registry.database.query(
        "SELECT json_extract(details, '$.content_digest') FROM audit_log WHERE action = 'run.record' ORDER BY id"
      ) { $0.string(0) }
    }
    #expect(try digests(fixture) == digests(single))
  }
  /// An expected key id that another writer took first is caught: the record's digest is
  /// computed again from the ids the keys really got.
  @Test func anExpectedKeyIDThatIsTakenIsNotTrusted() throws {
    let fixture = try Fixture()
    let directory = MetricKeyDirectory()
    let document = try RunDocument(
      json: JSONValue.parse(
        #"{"experiment": "pipe", "started_at": "2026-01-01T00:00:00Z", "metrics": {"q": [[0, 1]], "p": [[0, 2]]}}"#
      ))
    let prepared = PreparedMetrics(document, metricKeys: directory)
    #expect(prepared.contentDigest?.keyIDs == [1, 2] && prepared.contentDigest?.confirmed == false)
    // `p` takes id 1 (expected: `q`), so the run's histories hash in another order.
    try fixture.writer.logMetrics(.run(try fixture.run().uuid), [MetricPoint(key: "p", value: 1)])
    let result = try fixture.registry.write {
      try fixture.writer.insertRecord(document, metrics: prepared)
    }
    let recorded = try #require(
      try fixture.registry.database.scalarString(
        "SELECT json_extract(details, '$.content_digest') FROM audit_log WHERE entity = ?",
        [.text("run:\(result.run.uuid)")]))
    #expect(recorded == (try RunContent.digest(fixture.registry.database, runID: result.run.id)))
    #expect(recorded != prepared.contentDigest?.digest)
    #expect(try fixture.registry.integrityProblems().isEmpty)
  }
}
