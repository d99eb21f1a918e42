import Foundation
import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

/// Issue 13 (MLflow): the compatibility layer under MLflow's REST API. Every write is one audit
/// entry carrying its facts; a repeat changes nothing and writes no entry.
@Suite struct MLflowCompatTests {
  static let bytes = Digest.sha256(Array("weights".utf8))
  static let other = Digest.sha256(Array("other".utf8))

  @Test func defaultExperimentIsZeroBeforeAndAfterItsFirstRun() throws {
    let fixture = try Fixture()
    let placeholder = try #require(try fixture.registry.mlflowExperiment(id: "0"))
    #expect(placeholder.name == "Default" && placeholder.mlflowID == "0")
    let run = try fixture.registry.writing(as: Author("ci", claimedActor: "ana")).startRun(
      experimentID: "0", RunStart(name: "r", tags: [KeyValue("mlflow.user", "ana")]))
    #expect(try fixture.registry.runSummary(id: run.id).experiment == "Default")
    let stored = try #require(try fixture.registry.mlflowExperiment(named: "Default"))
    #expect(stored.rowID != nil && stored.mlflowID == "0")
    let entry = try #require(
      try fixture.registry.database.scalarString(
        "SELECT details FROM audit_log WHERE action = 'run.start'"))
    #expect(entry.contains("\"claimed_actor\":\"ana\"") && entry.contains("mlflow.user"))
    #expect(try fixture.registry.mlflowExperiment(id: "77") == nil)
    #expect(try fixture.registry.mlflowExperiment(id: "007") == nil)
  }

  @Test func creatingAnExperimentTwiceChangesNothing() throws {
    let fixture = try Fixture()
    let first = try fixture.writer.createExperiment(name: "fraud", tags: [KeyValue("team", "risk")])
    #expect(first.changed && first.value.tags == [KeyValue("team", "risk")])
    let audit = try fixture.count("audit_log")
    let again = try fixture.writer.createExperiment(name: "fraud", tags: [])
    #expect(!again.changed && again.value.mlflowID == first.value.mlflowID)
    #expect(try fixture.count("audit_log") == audit)
    #expect(try fixture.registry.mlflowExperiment(id: first.value.mlflowID)?.name == "fraud")
    expectError(.usage) { try fixture.writer.createExperiment(name: "my experiment", tags: []) }
  }

  @Test func aReplayedBatchWritesNothingAndTagsOverwriteWithHistory() throws {
    let fixture = try Fixture()
    let run = try fixture.writer.startRun(experimentID: "0", RunStart())
    let points = [
      MetricPoint(key: "loss", value: .nan, step: 0, timestamp: Timestamp(milliseconds: 1)),
      MetricPoint(key: "loss", value: .infinity, step: (1 << 53) + 1, timestamp: Timestamp(milliseconds: 2)),
    ]
    let batch = {
      try fixture.writer.logBatch(
        .run(run.uuid), params: [KeyValue("lr", "0.1")], metrics: points,
        tags: [KeyValue("stage", "a")])
    }
    #expect(try batch().changed)
    let audit = try fixture.count("audit_log")
    #expect(try !batch().changed)
    #expect(try fixture.count("audit_log") == audit)
    #expect(try fixture.registry.database.scalarInt("SELECT sum(count) FROM metric_chunks") == 2)
    let moved = try fixture.writer.logBatch(
      .run(run.uuid), params: [], metrics: [], tags: [KeyValue("stage", "b")])
    #expect(moved.changed)
    #expect(try fixture.registry.tags(runID: run.id).map(\.value) == ["b"])
    let details = try #require(
      try fixture.registry.database.scalarString(
        "SELECT details FROM audit_log WHERE action = 'run.tag'"))
    #expect(details.contains("\"from\":\"a\"") && details.contains("\"to\":\"b\""))
    #expect(try fixture.count("run_tag_events") == 2)
    expectError(.refused) {
      try fixture.writer.logBatch(
        .run(run.uuid), params: [KeyValue("lr", "0.2")], metrics: points, tags: [KeyValue("x", "y")])
    }
    #expect(try fixture.count("audit_log") == audit + 1)
  }

  @Test func uploadsAreIdempotentAndSupersede() throws {
    let fixture = try Fixture()
    let run = try fixture.writer.startRun(experimentID: "0", RunStart())
    let path = "0/\(run.uuid)/artifacts/model/model.pkl"
    let first = try fixture.writer.recordFile(path: path, digest: Self.bytes, sizeBytes: 7)
    #expect(first.changed && first.value.artifactID != nil)
    let audit = try fixture.count("audit_log")
    #expect(try !fixture.writer.recordFile(path: path, digest: Self.bytes, sizeBytes: 7).changed)
    #expect(try fixture.count("audit_log") == audit)
    #expect(try fixture.writer.recordFile(path: path, digest: Self.other, sizeBytes: 5).changed)
    #expect(try fixture.registry.mlflowFile(path: path)?.digest == Self.other)
    #expect(try fixture.count("mlflow_files") == 2)
    #expect(try fixture.registry.mlflowFiles(under: "0/\(run.uuid)/artifacts").count == 1)
    for hostile in [
      "../etc/passwd", "/abs/x", "0/\(run.uuid)/artifacts/a/../b", "0/x\u{0}/artifacts/y", "0/loose",
    ] {
      expectError(.usage, hostile) {
        try fixture.writer.recordFile(path: hostile, digest: Self.bytes, sizeBytes: 1)
      }
    }
    expectError(.notFound) {
      try fixture.writer.recordFile(
        path: "0/\(String(repeating: "f", count: 32))/artifacts/x", digest: Self.bytes, sizeBytes: 1)
    }
  }

  @Test func aLoggedModelIsFinalizedIntoADigestedDirectoryAndRegistersWithItsRun() throws {
    let fixture = try Fixture()
    let writer = fixture.writer
    let run = try writer.startRun(experimentID: "0", RunStart())
    let model = try writer.createLoggedModel(
      LoggedModelInput(
        experimentID: "0", name: "model", sourceRun: run.uuid, modelType: nil,
        params: [KeyValue("lr", "0.1")], tags: [KeyValue("mlflow.source.name", "train.py")]))
    #expect(model.modelID.hasPrefix("m-") && model.modelID.count == 34 && model.status == .pending)
    _ = try writer.recordFile(path: model.artifactPath + "/MLmodel", digest: Self.bytes, sizeBytes: 7)
    _ = try writer.recordFile(path: model.artifactPath + "/model.pkl", digest: Self.other, sizeBytes: 5)
    let ready = try writer.finalizeLoggedModel(id: model.modelID, status: .ready)
    #expect(ready.changed && ready.value.status == .ready)
    let expected = DirectoryManifest.digest([
      ("model.pkl", Self.other, 5), ("MLmodel", Self.bytes, 7),
    ])
    let artifact = try #require(ready.value.artifactID)
    #expect(
      try fixture.registry.recordedDigest(of: NodeRef(kind: .artifact, id: artifact, name: ""))
        == expected.digest)
    let audit = try fixture.count("audit_log")
    #expect(try !writer.finalizeLoggedModel(id: model.modelID, status: .ready).changed)
    expectError(.refused) { try writer.finalizeLoggedModel(id: model.modelID, status: .uploadFailed) }
    #expect(try writer.logModelOutputs(.run(run.uuid), models: [(model.modelID, 0)]).changed)
    #expect(try !writer.logModelOutputs(.run(run.uuid), models: [(model.modelID, 0)]).changed)
    #expect(try fixture.registry.runModelOutputs(runID: run.id).map(\.modelID) == [model.modelID])
    #expect(try fixture.count("audit_log") == audit + 1)

    #expect(try writer.createRegisteredModel(name: "fraud", description: "d", tags: []).changed)
    #expect(try !writer.createRegisteredModel(name: "fraud", description: nil, tags: []).changed)
    let input = MLflowVersionInput(
      model: "fraud", source: "models:/\(model.modelID)", run: nil, loggedModelID: model.modelID,
      runLink: nil, description: nil, tags: [KeyValue("k", "v")])
    let version = try writer.createModelVersion(input)
    #expect(version.changed && version.value.version == 1 && version.value.runUUID == run.uuid)
    #expect(version.value.digest == expected.digest)
    #expect(try !writer.createModelVersion(input).changed)
    let source = try #require(try fixture.registry.modelVersionSource(versionID: version.value.id))
    #expect(source.loggedModelID == model.modelID)
    #expect(
      try writer.tagLoggedModel(id: model.modelID, tags: [KeyValue("mlflow.modelVersions", "[]")]).changed)
    #expect(
      try !writer.tagLoggedModel(id: model.modelID, tags: [KeyValue("mlflow.modelVersions", "[]")]).changed)
    expectError(.notFound) {
      try writer.createModelVersion(
        MLflowVersionInput(
          model: "nope", source: "s3://b/m", run: run.uuid, loggedModelID: nil, runLink: nil,
          description: nil, tags: []))
    }
  }

  @Test func runDirectoriesAndExternalSourcesRegister() throws {
    let fixture = try Fixture()
    let writer = fixture.writer
    let run = try writer.startRun(experimentID: "0", RunStart())
    _ = try writer.recordFile(path: "0/\(run.uuid)/artifacts/model/MLmodel", digest: Self.bytes, sizeBytes: 7)
    _ = try writer.createRegisteredModel(name: "m", description: nil, tags: [])
    let fromRun = try writer.createModelVersion(
      MLflowVersionInput(
        model: "m", source: "runs:/\(run.uuid)/model", run: nil, loggedModelID: nil, runLink: nil,
        description: nil, tags: []))
    #expect(fromRun.value.digest == DirectoryManifest.digest([("MLmodel", Self.bytes, 7)]).digest)
    let proxied = try writer.createModelVersion(
      MLflowVersionInput(
        model: "m", source: "mlflow-artifacts:/0/\(run.uuid)/artifacts/model", run: run.uuid,
        loggedModelID: nil, runLink: nil, description: nil, tags: []))
    #expect(!proxied.changed && proxied.value.version == 1)
    let external = try writer.createModelVersion(
      MLflowVersionInput(
        model: "m", source: "s3://bucket/model", run: run.uuid, loggedModelID: nil, runLink: nil,
        description: nil, tags: []))
    #expect(external.changed && external.value.version == 2 && external.value.digest == nil)
    expectError(.usage) {
      try writer.createModelVersion(
        MLflowVersionInput(
          model: "m", source: "s3://bucket/other", run: nil, loggedModelID: nil, runLink: nil,
          description: nil, tags: []))
    }
  }
}
