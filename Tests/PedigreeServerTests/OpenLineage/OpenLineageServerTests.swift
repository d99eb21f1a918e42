import Foundation
import PedigreeCore
import PedigreeTestSupport
import Testing

/// `POST /api/v1/lineage` and `/api/v1/lineage/batch` on a real `pedigree serve`, by hand and
/// with the real openlineage-python client (OPENLINEAGE.md §6).
@Suite("pedigree serve: OpenLineage ingestion")
struct OpenLineageServerTests {
  static func event(_ type: String, _ run: String, _ time: String) -> String {
    #"{"eventType": "\#(type)", "eventTime": "\#(time)", "run": {"runId": "\#(run)", "facets": {}}, "job": {"namespace": "spark-prod", "name": "clean", "facets": {}}, "inputs": [{"namespace": "s3://lake", "name": "raw", "facets": {}}], "outputs": [], "producer": "https://example.com/p", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"}"#
  }

  static let runID = "3b452093-782c-4ef2-9c0c-aafe2aa6f34d"

  func auditEntries(_ server: TestServer) throws -> JSONValue? {
    try server.cliJSON(["db", "head"])["entry"]
  }

  @Test func answersAsMarquezDoes() async throws {
    let server = try await TestServer.start()
    let start = Self.event("START", Self.runID, "2026-11-28T02:00:00.000Z")
    let created = try await server.post("/api/v1/lineage", start)
    #expect(created.status == 201, "\(created.text)")
    #expect(created.body.isEmpty)
    let head = try auditEntries(server)
    let replay = try await server.post("/api/v1/lineage", start)
    #expect(replay.status == 201)
    #expect(try auditEntries(server) == head)
    let notJSON = try await server.post("/api/v1/lineage", #"{"eventTime": "2026"#)
    #expect(notJSON.status == 400)
    #expect(try notJSON.json()["code"] == .integer(400))
    let invalid = try await server.post(
      "/api/v1/lineage",
      #"{"eventTime": "2026-11-28T02:00:00Z", "run": {}, "job": {"namespace": "n", "name": "j"}}"#)
    #expect(invalid.status == 422)
    #expect(try invalid.json()["message"] == .string("run.runId: required"))
    #expect(try invalid.json()["errors"] == .array([.string("run.runId: required")]))
    let dateOnly = try await server.post(
      "/api/v1/lineage",
      #"{"eventTime": "2026-11-28", "run": {"runId": "r"}, "job": {"namespace": "n", "name": "j"}}"#)
    #expect(dateOnly.status == 422)
    let brotli = try await server.request(
      "POST", "/api/v1/lineage", body: Data(start.utf8), headers: ["Content-Encoding": "br"])
    #expect(brotli.status == 415)
    let corrupt = try await server.request(
      "POST", "/api/v1/lineage", body: Data("not gzip".utf8), headers: ["Content-Encoding": "gzip"])
    #expect(corrupt.status == 400)
    let form = try await server.request(
      "POST", "/api/v1/lineage", body: Data(Self.event("COMPLETE", Self.runID, "2026-11-28T02:05:00Z").utf8),
      contentType: "application/x-www-form-urlencoded")
    #expect(form.status == 201)
    #expect(
      try server.cliJSON(["run", "show", "3b452093782c4ef29c0caafe2aa6f34d"])["status"] == .string("finished")
    )
    #expect(try server.pedigree(["db", "check"]).status == 0)
  }

  @Test func takesBatches() async throws {
    let server = try await TestServer.start()
    let batch =
      "[" + Self.event("START", Self.runID, "2026-11-28T02:00:00Z") + ", {\"eventTime\": \"x\"}, "
      + Self.event("COMPLETE", Self.runID, "2026-11-28T02:01:00Z") + "]"
    let answer = try await server.post("/api/v1/lineage/batch", batch)
    #expect(answer.status == 200)
    let document = try answer.json()
    #expect(document["status"] == .string("partial_success"))
    #expect(document["summary"]?["successful"] == .integer(2))
    #expect(document["summary"]?["non_retriable"] == .integer(1))
    guard case .array(let failed)? = document["failed_events"] else {
      Issue.record("no failed_events in \(answer.text)")
      return
    }
    #expect(failed.first?["index"] == .integer(1))
    let all = try await server.post(
      "/api/v1/lineage/batch", "[" + Self.event("OTHER", Self.runID, "2026-11-28T03:00:00Z") + "]")
    #expect(try all.json()["status"] == .string("success"))
    #expect(try await server.post("/api/v1/lineage/batch", "{}").status == 400)
  }

  @Test func needsAWriterToken() async throws {
    var writer = ""
    var reader = ""
    let server = try await TestServer.start(["--auth", "tokens"]) { server in
      writer = try server.token("airflow", role: "writer")
      reader = try server.token("viewer", role: "reader")
    }
    let start = Self.event("START", Self.runID, "2026-11-28T02:00:00Z")
    let anonymous = try await server.post("/api/v1/lineage", start)
    #expect(anonymous.status == 401)
    #expect(anonymous.header("WWW-Authenticate")?.contains("Bearer") == true)
    #expect(try await server.post("/api/v1/lineage", start, token: reader).status == 403)
    #expect(try await server.post("/api/v1/lineage", start, token: writer).status == 201)
    let log = try server.cliJSON(["log"])
    #expect("\(log)".contains("airflow"))
  }

  /// The real client, unchanged, delivers a whole pipeline (out of order, replayed, failed,
  /// aborted and never-finished runs, gzip), then a model trained on its output is registered:
  /// `impact` of the raw file names the alias serving it, `lineage` walks back to the raw file,
  /// and the same events through `openlineage import` give the same runs.
  @Test(
    .enabled(if: ExternalTools.python(importing: ["openlineage.client"]) != nil, ExternalTools.pythonHint))
  func theRealClientDeliversAPipeline() async throws {
    let python = try #require(ExternalTools.python(importing: ["openlineage.client"]))
    var token = ""
    let server = try await TestServer.start(["--auth", "tokens"]) { server in
      token = try server.token("airflow", role: "writer")
    }
    let script = try server.scratch.write("pipeline.py", Self.pipelineScript)
    let events = server.scratch.file("events.jsonl")
    let sent = try Spawned.run(python, [script, server.url, token, events], directory: server.scratch.path)
    #expect(sent.status == 0, "\(sent.stderr)")
    let runs = try JSONValue.parse(sent.stdout)
    func run(_ name: String) throws -> JSONValue {
      guard case .string(let id)? = runs[name] else { throw PedigreeError.notFound("no run \(name)") }
      return try server.cliJSON(["run", "show", id.replacingOccurrences(of: "-", with: "")])
    }
    #expect(try run("clean")["status"] == .string("finished"))
    #expect(try run("clean")["started_at"] == .string("2026-11-28T02:00:00.000Z"))
    #expect(try run("features")["status"] == .string("finished"))
    #expect(try run("broken")["status"] == .string("failed"))
    #expect(try run("aborted")["status"] == .string("killed"))
    #expect(try run("stuck")["status"] == .string("running"))
    // A training run recorded by Pedigree reads the features and registers a model.
    let train = try server.pedigreeOK([
      "run", "start", "--experiment", "fraud", "--input", "risk-lake.features.daily",
    ])
    .trimmingCharacters(in: .whitespacesAndNewlines)
    _ = try server.pedigreeOK(["run", "end", train])
    let weights = try server.scratch.write("model.onnx", "weights")
    _ = try server.pedigreeOK(["model", "register", "fraud-detector", "--run", train, "--artifact", weights])
    _ = try server.pedigreeOK([
      "model", "promote", "fraud-detector@1", "--to", "production", "--reason", "first",
    ])
    let impact = try server.cliJSON(["impact", "s3://risk-lake/raw/transactions/2026-11-28.csv"])
    #expect("\(impact["serving_aliases"] ?? .null)".contains("production"))
    #expect("\(impact["serving_aliases"] ?? .null)".contains("model:fraud-detector@1"))
    let lineage = try server.pedigreeOK(["lineage", "fraud-detector@production", "--upstream"])
    #expect(lineage.contains("risk-lake.raw.transactions.2026-11-28.csv@1"))
    #expect(try server.pedigree(["db", "check"]).status == 0)
    // The file transport wrote the same events: importing them gives the same runs.
    let copy = TemporaryDirectory("pedigree-ol-copy")
    let environment = server.environment.merging(["PEDIGREE_DB": copy.file("reg.db")]) { _, new in new }
    let pedigree = TestServer.binaries.appendingPathComponent("pedigree").path
    #expect(try Spawned.run(pedigree, ["init"], environment: environment).status == 0)
    let imported = try Spawned.run(pedigree, ["openlineage", "import", events], environment: environment)
    #expect(imported.status == 0, "\(imported.stderr)")
    for name in ["clean", "features", "broken", "aborted", "stuck"] {
      guard case .string(let id)? = runs[name] else { continue }
      let shown = try Spawned.run(
        pedigree, ["run", "show", id.replacingOccurrences(of: "-", with: ""), "--json"],
        environment: environment)
      let original = try run(name)
      let again = try shown.json()
      for key in ["status", "started_at", "ended_at", "experiment", "name"] {
        #expect(again[key] == original[key], "\(name).\(key)")
      }
    }
  }

  /// The async transport with 100 requests in flight: 200 runs, none lost.
  @Test(
    .enabled(if: ExternalTools.python(importing: ["openlineage.client"]) != nil, ExternalTools.pythonHint))
  func theAsyncTransportLosesNothingUnderLoad() async throws {
    let python = try #require(ExternalTools.python(importing: ["openlineage.client"]))
    let server = try await TestServer.start()
    let script = try server.scratch.write("load.py", Self.loadScript)
    let sent = try Spawned.run(python, [script, server.url, "200"], directory: server.scratch.path)
    #expect(sent.status == 0, "\(sent.stderr)")
    let list = try server.cliJSON(["run", "list", "--experiment", "load", "--limit", "1000"])
    guard case .array(let runs) = list["runs"] ?? list else {
      Issue.record("run list: \(list)")
      return
    }
    #expect(runs.count == 200)
    #expect(runs.allSatisfy { $0["status"] == .string("finished") })
  }

  static let pipelineScript = #"""
    import json, sys, uuid
    from openlineage.client import OpenLineageClient
    from openlineage.client.event_v2 import RunEvent, RunState, Run, Job, InputDataset, OutputDataset
    from openlineage.client.facet_v2 import (
        dataset_version_dataset, error_message_run, output_statistics_output_dataset, parent_run)
    from openlineage.client.transport.file import FileConfig, FileTransport
    from openlineage.client.transport.http import ApiKeyTokenProvider, HttpCompression, HttpConfig, HttpTransport

    url, token, events = sys.argv[1], sys.argv[2], sys.argv[3]
    auth = ApiKeyTokenProvider({"apiKey": token})
    plain = HttpTransport(HttpConfig(url=url, auth=auth))
    gzipped = HttpTransport(HttpConfig(url=url, auth=auth, compression=HttpCompression.GZIP))
    file = FileTransport(FileConfig(log_file_path=events, append=True))
    clients = [OpenLineageClient(transport=plain), OpenLineageClient(transport=gzipped)]
    recorder = OpenLineageClient(transport=file)

    def emit(event, gzip=False):
        clients[1 if gzip else 0].emit(event)
        recorder.emit(event)

    digest = "sha256:d7439bee24773bcbfa2d0a97947ee36227b10d1022b1a55847e928965bb6bfde"
    raw = InputDataset("s3://risk-lake", "raw/transactions/2026-11-28.csv",
                       facets={"version": dataset_version_dataset.DatasetVersionDatasetFacet(datasetVersion=digest)})
    clean_out = OutputDataset("s3://risk-lake", "clean/transactions", outputFacets={
        "outputStatistics": output_statistics_output_dataset.OutputStatisticsOutputDatasetFacet(rowCount=98028, size=4194332)})
    clean_in = InputDataset("s3://risk-lake", "clean/transactions")
    features = OutputDataset("s3://risk-lake", "features/daily")
    runs = {name: str(uuid.uuid4()) for name in ["dag", "clean", "features", "broken", "aborted", "stuck"]}

    def event(state, name, time, inputs=(), outputs=(), namespace="spark-prod", facets=None):
        return RunEvent(eventType=state, eventTime=time, run=Run(runId=runs[name], facets=facets or {}),
                        job=Job(namespace=namespace, name=name), producer="https://example.com/spark",
                        inputs=list(inputs), outputs=list(outputs))

    parent = {"parent": parent_run.ParentRunFacet(
        run=parent_run.Run(runId=runs["dag"]), job=parent_run.Job(namespace="airflow-prod", name="features_dag"))}
    # Spark: COMPLETE arrives before START, START is retried, an OTHER comes after the end.
    complete = event(RunState.COMPLETE, "clean", "2026-11-28T02:42:00.000Z", [raw], [clean_out], facets=parent)
    start = event(RunState.START, "clean", "2026-11-28T02:00:00.000Z", [raw], [clean_out], facets=parent)
    emit(complete)
    emit(start, gzip=True)
    emit(start)
    emit(event(RunState.OTHER, "clean", "2026-11-28T03:00:00.000Z"))
    # Airflow: features from the clean table.
    emit(event(RunState.START, "features", "2026-11-28T04:00:00.000Z", [clean_in], [], "airflow-prod"))
    emit(event(RunState.RUNNING, "features", "2026-11-28T04:05:00.000Z", namespace="airflow-prod"))
    emit(event(RunState.COMPLETE, "features", "2026-11-28T04:10:00.000Z", [clean_in], [features], "airflow-prod"), gzip=True)
    # A failed run, an aborted one whose ABORT overtook its START, one that never finishes.
    emit(event(RunState.START, "broken", "2026-11-28T05:00:00.000Z", [clean_in]))
    emit(event(RunState.FAIL, "broken", "2026-11-28T05:01:00.000Z", facets={
        "errorMessage": error_message_run.ErrorMessageRunFacet(message="OOM", programmingLanguage="python")}))
    emit(event(RunState.ABORT, "aborted", "2026-11-28T06:01:00.000Z"))
    emit(event(RunState.START, "aborted", "2026-11-28T06:00:00.000Z"))
    emit(event(RunState.START, "stuck", "2026-11-28T07:00:00.000Z", [clean_in]))
    print(json.dumps(runs))
    """#

  static let loadScript = #"""
    import sys, uuid
    from openlineage.client import OpenLineageClient
    from openlineage.client.event_v2 import RunEvent, RunState, Run, Job, InputDataset, OutputDataset
    from openlineage.client.transport.async_http import AsyncHttpConfig, AsyncHttpTransport

    url, count = sys.argv[1], int(sys.argv[2])
    transport = AsyncHttpTransport(AsyncHttpConfig(url=url, max_concurrent_requests=100))
    client = OpenLineageClient(transport=transport)
    for i in range(count):
        run = str(uuid.uuid4())
        for state, time in [(RunState.START, "2026-11-28T02:00:00Z"), (RunState.COMPLETE, "2026-11-28T02:01:00Z")]:
            client.emit(RunEvent(eventType=state, eventTime=time, run=Run(runId=run), job=Job(namespace="load", name=f"job-{i}"),
                                 producer="https://example.com/load",
                                 inputs=[InputDataset("s3://load", f"in/{i % 10}")],
                                 outputs=[OutputDataset("s3://load", f"out/{i}")]))
    transport.wait_for_completion(timeout=120)
    stats = transport.get_stats()
    transport.close()
    if stats.get("failed", 0):
        sys.exit(f"failed: {stats}")
    """#
}
