import PedigreeCore
import PedigreeOpenLineage
import PedigreeQuery
import PedigreeSQLite
import PedigreeTestSupport
import Testing

/// A registry on disk and the events folded into it.
struct Registry {
  let directory = TemporaryDirectory("pedigree-ol")
  let registry: SQLiteRegistry
  var writer: SQLiteWriter { registry.writing(as: Author("ol")) }

  init() throws {
    registry = try SQLiteRegistry.open(path: directory.file("reg.db"), access: .create(by: Author("ol")))
  }

  @discardableResult
  func ingest(_ event: JSONValue) throws -> Outcome<LineageIngestResult> {
    try writer.ingestOpenLineage(try OpenLineageEvent.parse(Events.bytes(event)))
  }

  func count(_ table: String) throws -> Int64 {
    try registry.database.scalarInt("SELECT count(*) FROM \(table)") ?? -1
  }

  func run(_ id: String) throws -> RunSummary {
    try registry.runSummary(id: try registry.resolve(.run(id)).id)
  }

  func tags(_ id: String) throws -> [String: String] {
    Dictionary(try registry.tags(runID: try registry.resolve(.run(id)).id).map { ($0.key, $0.value) }) {
      a, _ in a
    }
  }

  func inputs(_ id: String) throws -> [String] {
    try registry.neighbours(of: try registry.resolve(.run(id)).id, upstream: true, relation: .input).map(
      \.ref.name)
  }

  func outputs(_ id: String) throws -> [String] {
    try registry.neighbours(of: try registry.resolve(.run(id)).id, upstream: false, relation: .output).map(
      \.ref.name)
  }
}

@Suite struct IngestTests {
  let runID = "01936f2e-8a4b-7c3d-9e5f-0a1b2c3d4e5f"
  let hex = "01936f2e8a4b7c3d9e5f0a1b2c3d4e5f"

  func pipeline(_ id: String) -> [JSONValue] {
    let raw = Events.dataset("s3://risk-lake", "raw/tx.csv")
    let clean = Events.dataset("s3://risk-lake", "clean/tx", rows: 98, output: true)
    return [
      Events.run("START", runID: id, at: "2026-11-28T02:00:00.000Z", inputs: [raw], outputs: [clean]),
      Events.run("RUNNING", runID: id, at: "2026-11-28T02:10:00.000Z"),
      Events.run("COMPLETE", runID: id, at: "2026-11-28T02:42:00.000Z", inputs: [raw], outputs: [clean]),
      Events.run("OTHER", runID: id, at: "2026-11-28T03:00:00.000Z"),
    ]
  }

  @Test func theOrderOfEventsDoesNotMatter() throws {
    let orders = [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1], [1, 3, 0, 2]]
    var states: [String] = []
    for order in orders {
      let registry = try Registry()
      let events = pipeline(runID)
      for index in order { try registry.ingest(events[index]) }
      let run = try registry.run(hex)
      states.append(
        "\(run.status) \(run.startedAt) \(run.endedAt.map(\.iso8601) ?? "-") \(try registry.outputs(hex))")
      #expect(run.status == "finished")
      #expect(run.startedAt == (try Timestamp(parsing: "2026-11-28T02:00:00Z")))
      #expect(run.endedAt == (try Timestamp(parsing: "2026-11-28T02:42:00Z")))
      #expect(run.experiment == "spark-prod")
      #expect(try registry.outputs(hex) == ["risk-lake.clean.tx@1"])
      #expect(try registry.count("audit_log") == 5)
      #expect(try registry.registry.queries.check().isClean)
    }
    #expect(Set(states).count == 1)
  }

  @Test func aReplayWritesNothing() throws {
    let registry = try Registry()
    for event in pipeline(runID) { try registry.ingest(event) }
    let entries = try registry.count("audit_log")
    for event in pipeline(runID) {
      let outcome = try registry.ingest(event)
      #expect(!outcome.changed)
      #expect(outcome.value.duplicate)
      #expect(outcome.value.runID == hex)
    }
    #expect(try registry.count("audit_log") == entries)
    #expect(try registry.count("ol_events") == 4)
  }

  @Test func theLatestTerminalEventDecidesAndStartNeverReopens() throws {
    let registry = try Registry()
    try registry.ingest(Events.run("FAIL", runID: runID, at: "2026-11-28T02:30:00Z"))
    #expect(try registry.run(hex).status == "failed")
    try registry.ingest(Events.run("COMPLETE", runID: runID, at: "2026-11-28T02:40:00Z"))
    try registry.ingest(Events.run("START", runID: runID, at: "2026-11-28T02:00:00Z"))
    try registry.ingest(Events.run("ABORT", runID: runID, at: "2026-11-28T02:35:00Z"))
    let run = try registry.run(hex)
    #expect(run.status == "finished")
    #expect(run.endedAt == (try Timestamp(parsing: "2026-11-28T02:40:00Z")))
    #expect(run.startedAt == (try Timestamp(parsing: "2026-11-28T02:00:00Z")))
  }

  @Test func aStartAloneStaysRunningAndAFailureWritesNoOutputs() throws {
    let registry = try Registry()
    let out = Events.dataset("s3://lake", "out", output: true)
    try registry.ingest(Events.run("START", runID: runID, at: "2026-11-28T02:00:00Z", outputs: [out]))
    #expect(try registry.run(hex).status == "running")
    #expect(try registry.run(hex).endedAt == nil)
    #expect(try registry.outputs(hex).isEmpty)
    try registry.ingest(Events.run("FAIL", runID: runID, at: "2026-11-28T02:05:00Z"))
    #expect(try registry.outputs(hex).isEmpty)
    #expect(try registry.tags(hex)["openlineage.unwritten_outputs"] == "lake.out")
  }

  @Test func aChangedParamBecomesATagAndTheEventIsKept() throws {
    let registry = try Registry()
    let params = { (value: String) in
      [
        "executionParameters": Events.facet([
          "parameters": .array([.object(["key": .string("lr"), "value": .string(value)])])
        ])
      ]
    }
    try registry.ingest(
      Events.run("START", runID: runID, at: "2026-11-28T02:00:00Z", runFacets: params("0.1")))
    try registry.ingest(
      Events.run("COMPLETE", runID: runID, at: "2026-11-28T02:01:00Z", runFacets: params("0.2")))
    let id = try registry.registry.resolve(.run(hex)).id
    #expect(try registry.registry.params(runID: id).map(\.value) == ["0.1"])
    #expect(try registry.tags(hex)["openlineage.param_conflict.lr"] == "0.2")
    #expect(try registry.run(hex).status == "finished")
  }

  @Test func inputsReadTheVersionCurrentAtTheRead() throws {
    let registry = try Registry()
    let writer = "a0000000-0000-4000-8000-000000000001"
    let early = "b0000000-0000-4000-8000-000000000002"
    let late = "c0000000-0000-4000-8000-000000000003"
    let table = { (output: Bool) in Events.dataset("s3://lake", "clean", output: output) }
    // An early reader finds nothing yet: an observed version.
    try registry.ingest(
      Events.run("START", runID: early, at: "2026-11-28T01:00:00Z", job: "read", inputs: [table(false)]))
    try registry.ingest(
      Events.run("COMPLETE", runID: writer, at: "2026-11-28T02:00:00Z", job: "write", outputs: [table(true)]))
    // A late reader reads the version the writer made; replaying the early reader changes nothing.
    try registry.ingest(
      Events.run("START", runID: late, at: "2026-11-28T03:00:00Z", job: "read", inputs: [table(false)]))
    #expect(try registry.inputs("b0000000000040008000000000000002") == ["lake.clean@1"])
    #expect(try registry.outputs("a0000000000040008000000000000001") == ["lake.clean@2"])
    #expect(try registry.inputs("c0000000000040008000000000000003") == ["lake.clean@2"])
    // A declared digest and label link exactly that version (Marquez #2733).
    let digest = "sha256:" + String(repeating: "ab", count: 32)
    let pinned = "d0000000-0000-4000-8000-000000000004"
    try registry.ingest(
      Events.run(
        "START", runID: pinned, at: "2026-11-28T04:00:00Z", job: "pinned",
        inputs: [
          Events.dataset("s3://lake", "clean", version: digest),
          Events.dataset("s3://lake", "other", version: "snap-7"),
        ]))
    #expect(try registry.inputs("d0000000000040008000000000000004") == ["lake.clean@3", "lake.other@1"])
    #expect(
      try registry.registry.recordedDigest(
        of: try registry.registry.resolve(.dataset(name: "lake.clean", selector: .version(3)))) == digest)
    #expect(try registry.registry.queries.check().isClean)
  }

  @Test func datasetsKeepTheirIdentity() throws {
    let registry = try Registry()
    try registry.ingest(
      Events.run(
        "START", runID: runID, at: "2026-11-28T02:00:00Z",
        inputs: [Events.dataset("s3://lake", "t"), Events.dataset("gs://lake", "t")]))
    let names = try registry.inputs(hex)
    #expect(names.count == 2)
    #expect(names.contains("lake.t@1"))
    #expect(try registry.registry.openLineageDatasetName(uri: "gs://lake/t") != "lake.t")
    #expect(try registry.registry.openLineageDatasetName(uri: "s3://lake/t") == "lake.t")
    #expect(
      try registry.registry.openLineageDatasetIdentity(dataset: "lake.t").map { "\($0.namespace) \($0.name)" }
        == "s3://lake t")
  }

  @Test func exportThenImportGivesTheSameRuns() throws {
    let source = try Registry()
    for event in pipeline(runID) { try source.ingest(event) }
    let native = try source.writer.startRun(
      RunStart(
        experiment: "fraud", name: "train", status: .finished,
        startedAt: try Timestamp(parsing: "2026-11-29T00:00:00Z"),
        endedAt: try Timestamp(parsing: "2026-11-29T01:00:00Z"), params: [KeyValue("lr", "0.01")],
        inputs: [.ref(.dataset(name: "risk-lake.clean.tx", selector: .version(1)))]))
    _ = try source.writer.logRun(
      .run(native.uuid), RunLog(metrics: [MetricPoint(key: "auc", value: .nan, step: 3)]))
    let events = try OpenLineageExport(reader: source.registry).events(
      ofRuns: try source.registry.runIDs(startedSince: nil, until: nil))
    #expect(events.count == 4)
    let target = try Registry()
    for event in events {
      let parsed = try OpenLineageEvent.parse(Array(event.serialized().utf8))
      _ = try target.writer.ingestOpenLineage(parsed)
    }
    for id in [hex, native.uuid] {
      let a = try source.run(id)
      let b = try target.run(id)
      #expect(a.status == b.status)
      #expect(a.startedAt == b.startedAt)
      #expect(a.endedAt == b.endedAt)
      #expect(a.experiment == b.experiment)
    }
    #expect(try target.inputs(native.uuid) == ["risk-lake.clean.tx@1"])
    #expect(try target.outputs(hex) == ["risk-lake.clean.tx@1"])
    let nativeID = try target.registry.resolve(.run(native.uuid)).id
    #expect(try target.registry.params(runID: nativeID).map(\.value) == ["0.01"])
    #expect(try target.registry.latestMetrics(runID: nativeID).first?.value.isNaN == true)
    #expect(try target.registry.queries.check().isClean)
  }

  @Test func exportImportedBackChangesNoRunOrVersion() throws {
    let registry = try Registry()
    _ = try registry.writer.registerDataset(DatasetInput(name: "transactions", uri: "s3://risk/tx.csv"))
    let native = try registry.writer.startRun(
      RunStart(
        experiment: "fraud", name: "train", status: .finished,
        startedAt: try Timestamp(parsing: "2026-11-29T00:00:00Z"),
        endedAt: try Timestamp(parsing: "2026-11-29T01:00:00Z"),
        inputs: [.ref(.dataset(name: "transactions", selector: .version(1)))]))
    let versions = try registry.count("dataset_versions")
    let events = try OpenLineageExport(reader: registry.registry).events(ofRuns: [
      try registry.registry.resolve(.run(native.uuid)).id
    ])
    for event in events {
      try registry.writer.ingestOpenLineage(try OpenLineageEvent.parse(Array(event.serialized().utf8)))
    }
    #expect(try registry.count("dataset_versions") == versions)
    #expect(try registry.count("runs") == 1)
    #expect(try registry.inputs(native.uuid) == ["transactions@1"])
    #expect(try registry.run(native.uuid).status == "finished")
    #expect(try registry.registry.queries.check().isClean)
  }
}
