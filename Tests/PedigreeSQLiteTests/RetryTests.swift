import Foundation
import PedigreeTestSupport
import Testing

@testable import PedigreeCore
@testable import PedigreeSQLite

/// Issue 10, item 5: retries are harmless. A retried write finds its work done, answers
/// `changed: false` and writes nothing, not even an audit entry.
@Suite struct RetryTests {
  static let runID = "0123456789abcdef0123456789abcdef"
  static let record = """
    {"run_id": "\(runID)", "experiment": "fraud", "name": "xgb", "started_at": "2026-11-28T10:00:00Z",
     "params": {"lr": "0.01"}, "tags": {"team": "risk"}, "metrics": {"loss": [[0, 0.7], [1, "NaN"]]},
     "inputs": [{"dataset": "tx@1"}],
     "outputs": [{"artifact": {"name": "model.onnx", "uri": "s3://m/model.onnx"}}],
     "register": {"model": "fraud", "artifact": "model.onnx", "alias": "staging"}}
    """

  static func document(_ text: String) throws -> RunDocument {
    try RunDocument(json: try JSONValue.parse(text))
  }

  static func fixture() throws -> Fixture {
    let fixture = try Fixture()
    _ = try fixture.writer.registerDataset(DatasetInput(name: "tx", uri: "s3://tx"))
    return fixture
  }

  /// Every row of every table, to compare before and after a write that must change nothing.
  static func rows(_ fixture: Fixture) throws -> [String] {
    let db = fixture.registry.database
    let tables = try db.query(
      db.isPostgres
        ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
        : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
    ) { $0.string(0) }
    return try tables.flatMap { table in
      try db.query("SELECT * FROM \"\(table)\"") { row in
        "\(table): " + (0..<row.count).map { "\(row.value($0))" }.joined(separator: "|")
      }
    }.sorted()
  }

  @Test func aRecordWithARunIDRecordedAgainChangesNothing() throws {
    let fixture = try Self.fixture()
    let first = try fixture.writer.record(try Self.document(Self.record))
    #expect(first.changed && first.run.uuid == Self.runID)
    let before = try Self.rows(fixture)
    let again = try fixture.writer.record(try Self.document(Self.record))
    #expect(!again.changed && again.run == first.run)
    #expect(again.modelVersion?.value.ref == "fraud@1" && again.modelVersion?.changed == false)
    #expect(try Self.rows(fixture) == before)
  }

  @Test func otherContentUnderARecordedRunIDIsRefused() throws {
    let fixture = try Self.fixture()
    _ = try fixture.writer.record(try Self.document(Self.record))
    let before = try Self.rows(fixture)
    let changed = Self.record.replacingOccurrences(of: "0.01", with: "0.02")
    expectError(.refused) { try fixture.writer.record(try Self.document(changed)) }
    #expect(try Self.rows(fixture) == before)
    // A run started by hand has no record content: a record cannot claim its id.
    let started = try fixture.writer.startRun(RunStart())
    let claiming = Self.record.replacingOccurrences(of: Self.runID, with: started.uuid)
    expectError(.refused) { try fixture.writer.record(try Self.document(claiming)) }
  }

  @Test func aRecordWithoutARunIDIsFoundByItsContent() throws {
    let fixture = try Self.fixture()
    let text = Self.record.replacingOccurrences(of: "\"run_id\": \"\(Self.runID)\", ", with: "")
    let first = try fixture.writer.record(try Self.document(text))
    let before = try Self.rows(fixture)
    // Member order does not matter: the content is the same.
    let reordered = text.replacingOccurrences(
      of: "\"params\": {\"lr\": \"0.01\"}, \"tags\": {\"team\": \"risk\"}",
      with: "\"tags\": {\"team\": \"risk\"}, \"params\": {\"lr\": \"0.01\"}")
    let again = try fixture.writer.record(try Self.document(reordered))
    #expect(!again.changed && again.run == first.run)
    #expect(try Self.rows(fixture) == before)
    // The run recorded with a run_id is found by a retry without one, and a new start time is a
    // new run.
    let later = try fixture.writer.record(
      try Self.document(text.replacingOccurrences(of: "10:00:00Z", with: "11:00:00Z")))
    #expect(later.changed && later.run != first.run)
  }

  @Test func aRecordWithoutAStartTimeIsAlwaysANewRun() throws {
    let fixture = try Self.fixture()
    let text = #"{"experiment": "e", "params": {"a": "1"}, "metrics": {"m": 1}}"#
    let first = try fixture.writer.record(try Self.document(text))
    let second = try fixture.writer.record(try Self.document(text))
    #expect(first.changed && second.changed && first.run != second.run)
  }

  @Test func aRunIDRetryWithoutTimesMatchesDespiteTheClock() throws {
    let fixture = try Self.fixture()
    let text = #"{"run_id": "\#(Self.runID)", "metrics": {"m": [[0, 1], [1, 2]]}}"#
    let first = try fixture.writer.record(try Self.document(text))
    Thread.sleep(forTimeInterval: 0.005)
    let again = try fixture.writer.record(try Self.document(text))
    #expect(first.changed && !again.changed)
  }

  @Test func theContentDigestIgnoresOrderAndDuplicates() throws {
    let a = try Self.document(#"{"started_at": 1, "metrics": {"x": [[1, 2], [0, 1]], "y": 3}}"#)
    let b = try Self.document(#"{"metrics": {"y": 3, "x": [[0, 1], [1, 2], [0, 1]]}, "started_at": 1}"#)
    let c = try Self.document(#"{"started_at": 1, "metrics": {"x": [[0, 1], [1, 2.5]], "y": 3}}"#)
    #expect(RecordContent.digest(a) == RecordContent.digest(b))
    #expect(RecordContent.digest(a) != RecordContent.digest(c))
    var withID = a
    withID.runID = Self.runID
    #expect(RecordContent.digest(withID) == RecordContent.digest(a))
  }

  @Test func jsonLinesWithDuplicateLinesRecordEachRunOnce() throws {
    let fixture = try Self.fixture()
    let line = Self.record.replacingOccurrences(of: "\n", with: " ")
    let other = line.replacingOccurrences(of: Self.runID, with: String(repeating: "ab", count: 16))
      .replacingOccurrences(of: "10:00:00Z", with: "12:00:00Z")
    let file = fixture.directory.file("runs.jsonl")
    try Data([line, line, other, line].joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: file))
    let auditBefore = try fixture.count("audit_log")
    var changed: [Int: Bool] = [:]
    let summary = try fixture.writer.recordLines(try LineReader(path: file), batchSize: 64) { line, result in
      changed[line] = (try? result.get())?.changed
    }
    #expect(summary.written == 2 && summary.unchanged == 2 && summary.failed == 0)
    #expect(changed == [1: true, 2: false, 3: true, 4: false])
    #expect(try fixture.count("runs") == 2)
    #expect(try fixture.count("audit_log") == auditBefore + 2, "one entry per new run")
  }

  @Test func theFastAndGeneralDecodersAgreeOnRunID() throws {
    let text = Self.record
    let fast = try Array(text.utf8).withUnsafeBufferPointer { try RecordDecoder.decode($0) }
    #expect(fast == (try Self.document(text)) && fast.runID == Self.runID)
    for bad in ["\"ABC\"", "\"0123\"", "12", "\"\(Self.runID)0\""] {
      let text = #"{"run_id": \#(bad)}"#
      let error = expectError(.invalidInput) {
        _ = try Array(text.utf8).withUnsafeBufferPointer { try RecordDecoder.decode($0) }
      }
      #expect(error?.message.hasPrefix("run_id:") == true)
    }
  }

  @Test func aLogOfWhatTheRunHasWritesNothing() throws {
    let fixture = try Self.fixture()
    let run = try fixture.writer.startRun(RunStart(params: [KeyValue("lr", "0.01")]))
    let log = RunLog(
      params: [KeyValue("lr", "0.01")], metrics: [MetricPoint(key: "loss", value: 0.5, step: 3)],
      tags: [KeyValue("team", "risk")], inputs: [.ref(.dataset(name: "tx", selector: .version(1)))],
      outputs: [.artifact(ArtifactInput(name: "m", uri: "s3://m"))])
    #expect(try fixture.writer.logRun(.run(run.uuid), log).changed)
    let before = try Self.rows(fixture)
    // The same log again, its points stamped later (as a retried `run log` would): nothing new.
    var retry = log
    retry.metrics = [
      MetricPoint(
        key: "loss", value: 0.5, step: 3,
        timestamp: Timestamp(milliseconds: Timestamp.now().milliseconds + 5_000))
    ]
    #expect(try !fixture.writer.logRun(.run(run.uuid), retry).changed)
    #expect(try !fixture.writer.logRun(.run(run.uuid), RunLog(params: [KeyValue("lr", "0.01")])).changed)
    #expect(try Self.rows(fixture) == before)
    // A new value at the same step is a new point.
    #expect(
      try fixture.writer.logRun(
        .run(run.uuid), RunLog(metrics: [MetricPoint(key: "loss", value: 0.4, step: 3)])
      )
      .changed)
  }

  @Test func endingAndPromotingAgainWriteNothing() throws {
    let fixture = try Self.fixture()
    let recorded = try fixture.writer.record(try Self.document(Self.record))
    let before = try Self.rows(fixture)
    #expect(try !fixture.writer.endRun(.run(recorded.run.uuid), status: .finished, at: nil))
    #expect(try !fixture.writer.promote(.model(name: "fraud", selector: .version(1)), to: "staging").changed)
    #expect(try Self.rows(fixture) == before)
  }

  @Test func aModelRegisteredAgainWithoutADigestIsFoundByRunAndURI() throws {
    let fixture = try Self.fixture()
    let run = try fixture.writer.startRun(RunStart())
    let registration = ModelRegistration(
      model: "m", run: .run(run.uuid), artifact: ArtifactInput(name: "m.onnx", uri: "s3://m/1"))
    let first = try fixture.writer.registerModel(registration)
    let before = try Self.rows(fixture)
    let again = try fixture.writer.registerModel(registration)
    #expect(first.changed && !again.changed && again.value == first.value)
    #expect(try Self.rows(fixture) == before)
    var other = registration
    other.artifact?.uri = "s3://m/2"
    #expect(try fixture.writer.registerModel(other).value.version == 2)
  }
}
