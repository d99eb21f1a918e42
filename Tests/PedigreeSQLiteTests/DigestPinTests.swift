import Foundation
import PedigreeTestSupport
import Testing

@testable import PedigreeCore
@testable import PedigreeSQLite

/// The run content and record digests are recorded in the audit chain: a registry written before
/// a change to the ingest path and one written after must hold the same digests for the same
/// records. These literals were computed by the binary before the ingest was reworked (issue 12);
/// a change here means registries written by different versions disagree.
@Suite struct DigestPinTests {
  /// Awkward points on purpose: duplicates, NaN, ±Infinity, -0.0, subnormals, explicit times,
  /// keys out of order, a single value, 17-digit decimals.
  static let lines = [
    #"{"run_id": "00000000000000000000000000000001", "experiment": "pin", "name": "awkward", "status": "finished", "started_at": "2026-01-01T00:00:00Z", "ended_at": "2026-01-01T01:00:00Z", "params": {"z": "1", "a": "2", "m.k": "3"}, "tags": {"team": "risk", "gpu": "a100"}, "metrics": {"zeta": [[3, 1.5], [1, -0.0], [1, -0.0], [2, "NaN"], [2, "NaN"], [0, "-Infinity"], [7, "Infinity"]], "alpha": [[5, 0.25, 10], [5, 0.25, 10], [5, 0.125, 10], [4, 1e300], [4, 5e-324]], "beta": 7, "loss": [[0, 0.7123456789012345], [1, 0.1], [2, 2.5e-8], [3, 123456789.125]]}, "inputs": [{"dataset": {"name": "tx", "uri": "s3://tx/v1", "digest": "sha256:1111111111111111111111111111111111111111111111111111111111111111", "size": 10, "rows": 2}}], "outputs": [{"artifact": {"name": "model.onnx", "uri": "file:///m.onnx", "digest": "sha256:2222222222222222222222222222222222222222222222222222222222222222", "size": 5}}], "register": {"model": "pin-model", "artifact": "model.onnx"}}"#,
    #"{"experiment": "pin", "name": "no-id", "started_at": "2026-01-02T00:00:00Z", "params": {"lr": "0.01"}, "metrics": {"b": [[2, 0.5], [1, 0.25]], "a": [[0, 1], [1, 2, 1767225600000]]}}"#,
  ]

  /// (record digest, run content digest) of each line, as the binary before the change wrote them.
  static let expected = [
    (
      record: "sha256:1e6760b220b1f5e893483de7f50a62dfb435acdcc85c7d5dd18ac3c26f842e7f",
      content: "sha256:4f3faa0938969e515a8c9436aa1774e1db75d5c4902c70f45c988a3b54c3fa5f"
    ),
    (
      record: "sha256:0dd5c7a0956f0ee767a8634e8bc4c5d6b1d9722152756689dcd40adcfd20d7d2",
      content: "sha256:4c20760bf94fafd0a207cd0820ed2f3bde705a7200da4eb932e0e76f57feb881"
    ),
  ]

  /// Logged to the first run: its content digest afterwards must be the one a full read-back
  /// computes (`db check`'s), however the write computed it.
  static let appended: [MetricPoint] = [
    MetricPoint(key: "zeta", value: 0.5, step: 1, timestamp: Timestamp(milliseconds: 5)),
    MetricPoint(key: "aaa", value: .nan, step: 9, timestamp: Timestamp(milliseconds: 6)),
  ]

  static func digests(_ fixture: Fixture) throws -> [(record: String, content: String)] {
    try fixture.registry.database.query(
      """
      SELECT rr.digest, json_extract(a.details, '$.content_digest') FROM run_records rr
      JOIN runs r ON r.id = rr.run_id JOIN audit_log a ON a.entity = 'run:' || r.uuid
      WHERE a.action = 'run.record' ORDER BY r.id
      """
    ) { (record: $0.string(0), content: $0.string(1)) }
  }

  @Test func bulkRecordsKeepTheirDigests() throws {
    let fixture = try Fixture()
    let directory = TemporaryDirectory("pedigree-pin")
    let file = directory.file("pin.jsonl")
    try Data((Self.lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: file))
    let summary = try fixture.writer.recordLines(try LineReader(path: file)) { _, _ in }
    #expect(summary.written == 2 && summary.failed == 0)
    let found = try Self.digests(fixture)
    #expect(found.map(\.record) == Self.expected.map(\.record))
    #expect(found.map(\.content) == Self.expected.map(\.content))

    let run = try #require(try fixture.registry.database.scalarInt("SELECT min(id) FROM runs"))
    try fixture.writer.logMetrics(.run("00000000000000000000000000000001"), Self.appended)
    let after = try fixture.registry.database.scalarString(
      "SELECT json_extract(details, '$.content_digest') FROM audit_log ORDER BY id DESC LIMIT 1")
    #expect(after == (try RunContent.digest(fixture.registry.database, runID: run)))
  }

  @Test func singleRecordsKeepTheirDigests() throws {
    let fixture = try Fixture()
    for line in Self.lines {
      _ = try fixture.writer.record(try RunDocument(json: try JSONValue.parse(line)))
    }
    let found = try Self.digests(fixture)
    #expect(found.map(\.record) == Self.expected.map(\.record))
    #expect(found.map(\.content) == Self.expected.map(\.content))
  }
}
