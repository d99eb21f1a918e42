import Foundation
import PedigreeTestSupport
import Testing

@testable import PedigreeCore
@testable import PedigreeSQLite

@Suite struct RecordTests {
  static let digestA = Digest.sha256(Array("labels".utf8))
  static let digestM = Digest.sha256(Array("model".utf8))

  static let example = """
    {"experiment": "fraud", "name": "xgb-nightly", "status": "finished",
     "started_at": "2026-11-28T10:00:00Z", "ended_at": "2026-11-28T10:42:00Z",
     "code": {"git_commit": "9f2c1e7", "repo": "git@example.com:risk/fraud.git", "entry_point": "train.py"},
     "params": {"lr": "0.01", "max_depth": 6},
     "metrics": {"auc": 0.931, "loss": [[0, 0.71], [1, 0.52], [2, "NaN"]]},
     "inputs": [{"dataset": "transactions@1"},
                {"dataset": {"name": "labels", "uri": "s3://risk/labels.parquet", "digest": "\(digestA)"}}],
     "outputs": [{"artifact": {"name": "model.onnx", "uri": "file:///models/fraud.onnx", "digest": "\(digestM)", "size": 18234}}],
     "register": {"model": "fraud-detector", "artifact": "model.onnx", "alias": "staging"},
     "tags": {"team": "risk"}}
    """

  func document(_ text: String) throws -> RunDocument {
    try RunDocument(json: try JSONValue.parse(text))
  }

  @Test func recordsAWholeRun() throws {
    let fixture = try Fixture()
    _ = try fixture.writer.registerDataset(DatasetInput(name: "transactions", uri: "s3://tx"))
    let result = try fixture.writer.record(try document(Self.example))
    #expect(result.paramCount == 2 && result.metricPointCount == 4 && result.inputCount == 2)
    #expect(result.modelVersion?.value.ref == "fraud-detector@1")
    #expect(result.aliasMove?.alias == "staging")
    let db = fixture.registry.database
    #expect(try db.scalarString("SELECT value FROM params WHERE key = 'max_depth'") == "6")
    #expect(
      try db.scalarInt(
        "SELECT count(*) FROM edges WHERE dst = ? AND relation = 'input'", [.integer(result.run.id)]) == 2)
    #expect(try db.scalarString("SELECT git_commit FROM runs") == "9f2c1e7")
    #expect(try db.scalarInt("SELECT ended_at - started_at FROM runs") == 42 * 60 * 1000)
    #expect(try db.scalarInt("SELECT count(*) FROM artifacts") == 1, "the model reuses the output artifact")
    #expect(try fixture.count("audit_log") == 3)
    #expect(try db.scalarString("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1") == "run.record")
  }

  @Test func aRecordWithOneBadPartWritesNothing() throws {
    let fixture = try Fixture()
    _ = try fixture.writer.registerDataset(DatasetInput(name: "transactions", uri: "s3://tx"))
    let tables = [
      "runs", "params", "metric_chunks", "datasets", "dataset_versions", "artifacts", "models",
      "model_versions", "alias_events", "edges", "nodes", "audit_log", "experiments",
    ]
    let before = try tables.map { try fixture.count($0) }
    let broken = Self.example.replacingOccurrences(
      of: "\"artifact\": \"model.onnx\"", with: "\"artifact\": \"nope\"")
    expectError(.invalidInput) { try fixture.writer.record(try document(broken)) }
    let unknownInput = Self.example.replacingOccurrences(of: "transactions@1", with: "transactions@7")
    expectError(.notFound) { try fixture.writer.record(try document(unknownInput)) }
    #expect(try tables.map { try fixture.count($0) } == before)
  }

  @Test func recordedContentDigestMatchesTheStoredRun() throws {
    let fixture = try Fixture()
    let awkward = """
      {"params": {"z": "1", "a": "2", "m.k": "3"}, "started_at": "2026-01-01T00:00:00Z",
       "metrics": {"zeta": [[3, 1.5], [1, -0.0], [1, -0.0], [2, "NaN"], [2, "NaN"], [0, "-Infinity"]],
                   "alpha": [[5, 0.25, 10], [5, 0.25, 10], [5, 0.125, 10], [4, 1e300]], "beta": 7}}
      """
    for text in [awkward, Self.example.replacingOccurrences(of: "transactions@1", with: "labels2@1")] {
      let result = try fixture.writer.record(
        try document(
          text.replacingOccurrences(of: "\"labels2@1\"", with: "{\"name\": \"l\", \"uri\": \"x\"}")))
      let recorded = try fixture.registry.database.scalarString(
        "SELECT json_extract(details, '$.content_digest') FROM audit_log WHERE entity = ?",
        [.text("run:\(result.run.uuid)")])
      #expect(recorded == (try RunContent.digest(fixture.registry.database, runID: result.run.id)))
    }
    #expect(try fixture.metricPointCount() > 0)
  }

  @Test func metricKeysMayContainDotsAndSlashes() throws {
    let document = try document(#"{"metrics": {"val.loss": [[0, 1], [1, 0.5]], "train/acc": 0.9}}"#)
    #expect(Set(document.log.metrics.map(\.key)) == ["val.loss", "train/acc"])
  }

  @Test func documentErrorsNameTheField() throws {
    let cases: [(String, String)] = [
      (#"{"metrics": {"loss": [[0]]}}"#, "metrics.loss[0]"),
      (#"{"params": {"lr": [1]}}"#, "params.lr"),
      (#"{"status": "done"}"#, "status"),
      (#"{"metrcs": {}}"#, "did you mean metrics?"),
      (#"{"outputs": [{"artifact": {"name": "m"}}]}"#, "outputs[0].artifact.uri"),
      (#"{"started_at": "yesterday"}"#, "started_at"),
      (#"{"metrics": {"loss": [[0, 1], [-1, 0.5]]}}"#, "metrics.loss[1][0]: step -1 is negative"),
      (#"{"metrics": {"loss": [[-2, 0.5, 1700000000000]]}}"#, "metrics.loss[0][0]"),
    ]
    for (text, expected) in cases {
      let error = expectError(.invalidInput) { try document(text) }
      #expect(error?.message.contains(expected) == true, "\(error?.message ?? "") should mention \(expected)")
    }
  }

  @Test func jsonLinesWritesGoodRecordsAndNamesBadLines() throws {
    let fixture = try Fixture()
    let directory = TemporaryDirectory("pedigree-store")
    let path = directory.file("runs.jsonl")
    let lines = [
      #"{"name": "a", "params": {"x": "1"}, "metrics": {"m": 1}}"#,
      #"{"name": "b", "metrics": {"m": "oops"}}"#,
      "",
      #"{"name": "c""#,
      #"{"name": "d", "inputs": [{"dataset": "missing@1"}]}"#,
      #"{"name": "e"}"#,
    ]
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    var seen: [Int: Bool] = [:]
    let summary = try fixture.writer.recordLines(try LineReader(path: path), batchSize: 2) { line, result in
      if case .success = result { seen[line] = true } else { seen[line] = false }
    }
    #expect(summary.written == 2 && summary.failed == 3)
    #expect(summary.failedLines == [2, 4, 5])
    #expect(seen == [1: true, 2: false, 4: false, 5: false, 6: true])
    #expect(
      try fixture.registry.database.query("SELECT name FROM runs ORDER BY name") { $0.string(0) } == [
        "a", "e",
      ])
    #expect(try AuditChain.verify(fixture.registry.database) == nil)
    // Line 5 failed after it wrote (its run, before the missing input): its batch was written
    // again record by record, and nothing of it reached line 6's entry.
    #expect(try fixture.registry.integrityProblems().isEmpty)
    #expect(try fixture.count("audit_log") == 3)
  }

  @Test func aFailedRecordDoesNotLeaveStaleIDsForTheNextOnes() throws {
    let fixture = try Fixture()
    let directory = TemporaryDirectory("pedigree-store")
    let path = directory.file("runs.jsonl")
    let lines = [
      // Adds metric key "first" and experiment "new", then fails: both rows are rolled back.
      #"{"experiment": "new", "metrics": {"first": 1}, "register": {"model": "m", "artifact": "none"}}"#,
      // Takes the ids "first" and "new" briefly had.
      #"{"experiment": "other", "metrics": {"second": 2}}"#,
      #"{"experiment": "new", "metrics": {"first": 3}}"#,
    ]
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let summary = try fixture.writer.recordLines(try LineReader(path: path)) { _, _ in }
    #expect(summary.written == 2 && summary.failedLines == [1])
    var points: [String] = []
    for runID in try fixture.registry.database.query("SELECT id FROM runs ORDER BY id", [], { $0.int64(0) }) {
      for info in try fixture.registry.metricKeys(runID: runID) {
        try fixture.registry.forEachMetricPoint(runID: runID, key: info.key) {
          points.append("\($0.key)=\($0.value)")
        }
      }
    }
    #expect(points == ["second=2.0", "first=3.0"])
    let experiments = try fixture.registry.database.query(
      "SELECT x.name FROM runs r JOIN experiments x ON x.id = r.experiment_id ORDER BY r.id"
    ) {
      $0.string(0)
    }
    #expect(experiments == ["other", "new"])
  }

  @Test func aPrettyPrintedDocumentIsOneRecord() throws {
    let fixture = try Fixture()
    let directory = TemporaryDirectory("pedigree-store")
    let path = directory.file("run.json")
    try "{\n  \"name\": \"pretty\",\n  \"params\": {\"a\": \"b\"}\n}\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    let summary = try fixture.writer.recordLines(try LineReader(path: path)) { _, _ in }
    #expect(summary.written == 1 && summary.failed == 0)
  }

  @Test func lineReaderHandlesChunkBoundariesAndNoTrailingNewline() throws {
    let directory = TemporaryDirectory("pedigree-store")
    let path = directory.file("lines")
    let long = String(repeating: "x", count: 3 << 20)
    try "a\n\(long)\nlast".write(toFile: path, atomically: true, encoding: .utf8)
    let reader = try LineReader(path: path)
    var lines: [Int] = []
    while let line = try reader.next() { lines.append(line.bytes.count) }
    #expect(lines == [1, 3 << 20, 4])
  }
}
