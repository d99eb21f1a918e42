import Foundation
import PedigreeTestSupport
import Testing

@testable import PedigreeCore
@testable import PedigreeSQLite

/// Issue 10, item 6: a deprecated dataset version is skipped by unversioned inputs, refused as a
/// named input, deprecated once, and its deprecation cannot be edited or removed.
@Suite struct DatasetDeprecationTests {
  static func fixture() throws -> Fixture {
    let fixture = try Fixture()
    for n in 1...3 {
      _ = try fixture.writer.registerDataset(
        DatasetInput(
          name: "tx", uri: "s3://tx/\(n)", digest: "sha256:" + String(repeating: "\(n)", count: 64)))
    }
    return fixture
  }

  static func v(_ number: Int) -> Ref { .dataset(name: "tx", selector: .version(number)) }

  @Test func deprecatingIsAuditedOnceAndRefusedTheSecondTime() throws {
    let fixture = try Self.fixture()
    let before = try fixture.count("audit_log")
    let version = try fixture.writer.deprecateDataset(Self.v(3), reason: "leaked labels")
    #expect(version.ref == "tx@3")
    #expect(try fixture.count("audit_log") == before + 1)
    let entry = try fixture.registry.database.queryFirst(
      "SELECT action, entity, details FROM audit_log ORDER BY id DESC LIMIT 1", []
    ) { [$0.string(0), $0.string(1), $0.string(2)] }
    #expect(entry?.prefix(2) == ["dataset.deprecate", "dataset:tx@3"])
    let details = try JSONValue.parse(entry?.last ?? "")
    #expect(details["reason"] == .string("leaked labels"))
    #expect(details["facts"]?["dataset:tx@3"]?["deprecation_reason"] == .string("leaked labels"))
    expectError(.refused) { try fixture.writer.deprecateDataset(Self.v(3), reason: "again") }
    expectError(.notFound) { try fixture.writer.deprecateDataset(Self.v(9), reason: "x") }
    expectError(.usage) {
      try fixture.writer.deprecateDataset(.model(name: "tx", selector: .latest), reason: "x")
    }
    #expect(try fixture.count("audit_log") == before + 1)
  }

  @Test func theDeprecationCannotBeEditedOrRemoved() throws {
    let fixture = try Self.fixture()
    _ = try fixture.writer.deprecateDataset(Self.v(2), reason: "bad")
    let db = fixture.registry.database
    #expect(throws: SQLiteError.self) { try db.execute("UPDATE dataset_deprecations SET reason = 'fine'") }
    #expect(throws: SQLiteError.self) { try db.execute("DELETE FROM dataset_deprecations") }
    _ = try fixture.writer.record(RunDocument(start: RunStart(startedAt: Timestamp(milliseconds: 1))))
    #expect(throws: SQLiteError.self) { try db.execute("UPDATE run_records SET digest = 'sha256:0'") }
    #expect(throws: SQLiteError.self) { try db.execute("DELETE FROM run_records") }
  }

  @Test func inputsSkipOrRefuseDeprecatedVersions() throws {
    let fixture = try Self.fixture()
    _ = try fixture.writer.deprecateDataset(Self.v(3), reason: "bad")
    let run = try fixture.writer.startRun(RunStart(inputs: [.ref(.dataset(name: "tx", selector: .latest))]))
    let input = try fixture.registry.database.scalarInt(
      "SELECT src FROM edges WHERE dst = ? AND relation = 'input'", [.integer(run.id)])
    #expect(input == (try fixture.registry.resolve(Self.v(2)).id), "latest not deprecated is tx@2")
    let runs = try fixture.count("runs")
    expectError(.refused) { try fixture.writer.startRun(RunStart(inputs: [.ref(Self.v(3))])) }
    expectError(.refused) { try fixture.writer.logRun(.run(run.uuid), RunLog(inputs: [.ref(Self.v(3))])) }
    let inline = DatasetInput(
      name: "tx", uri: "s3://x", digest: "sha256:" + String(repeating: "3", count: 64))
    expectError(.refused) {
      try fixture.writer.record(RunDocument(start: RunStart(inputs: [.dataset(inline)])))
    }
    let record = try RunDocument(json: try JSONValue.parse(#"{"inputs": [{"dataset": "tx@3"}]}"#))
    expectError(.refused) { try fixture.writer.record(record) }
    #expect(try fixture.count("runs") == runs)
    _ = try fixture.writer.deprecateDataset(Self.v(2), reason: "bad")
    _ = try fixture.writer.deprecateDataset(Self.v(1), reason: "bad")
    let error = expectError(.refused) {
      try fixture.writer.startRun(RunStart(inputs: [.ref(.dataset(name: "tx", selector: .latest))]))
    }
    #expect(error?.message.contains("every version") == true)
  }

  @Test func lineageMarksTheDeprecatedDatasetNode() throws {
    let fixture = try Self.fixture()
    _ = try fixture.writer.deprecateDataset(Self.v(2), reason: "bad")
    let node = try fixture.registry.lineageNode(id: try fixture.registry.resolve(Self.v(2)).id)
    #expect(node.deprecated)
    #expect(node.json["deprecated"] == .bool(true))
    let fine = try fixture.registry.lineageNode(id: try fixture.registry.resolve(Self.v(1)).id)
    #expect(!fine.deprecated && fine.json["deprecated"] == .bool(false))
  }
}
