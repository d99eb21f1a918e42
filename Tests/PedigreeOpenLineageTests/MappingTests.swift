import PedigreeCore
import PedigreeOpenLineage
import Testing

@Suite struct MappingTests {
  @Test func datasetNamesFollowD2() {
    let cases: [(String, String, String)] = [
      ("s3://risk-lake", "clean/transactions", "risk-lake.clean.transactions"),
      ("postgres://db.example.com:5432", "shop.public.o", "db.example.com-5432.shop.public.o"),
      ("file", "/data/raw/events.csv", "file.data.raw.events.csv"),
      ("bigquery", "p.d.t", "bigquery.p.d.t"),
      (
        "abfss://c@acct.dfs.core.windows.net", "p/dt=2026-11-28/x.parquet",
        "c_acct.dfs.core.windows.net.p.dt_2026-11-28.x.parquet"
      ),
      ("s3://b", "données/été", "b.donn_es._t"),
      ("s3://", "///", "dataset"),
    ]
    for (namespace, name, expected) in cases {
      #expect(OpenLineageNaming.datasetName(namespace: namespace, name: name) == expected)
    }
    let long = OpenLineageNaming.datasetName(
      namespace: "s3://lake", name: String(repeating: "k/", count: 100))
    #expect(long.utf8.count <= 128)
    #expect((try? Names.validate(long, as: "dataset")) != nil)
    #expect(
      long.hasSuffix(
        "-"
          + String(
            Digest.sha256(Array("s3://lake/\(String(repeating: "k/", count: 100))".utf8)).dropFirst(7).prefix(
              8))))
  }

  @Test func urisFollowD1() {
    #expect(
      OpenLineageNaming.uri(namespace: "s3://risk-lake", name: "clean/transactions")
        == "s3://risk-lake/clean/transactions")
    #expect(
      OpenLineageNaming.uri(namespace: "postgres://db:5432", name: "shop.public.orders")
        == "postgres://db:5432/shop.public.orders")
    #expect(OpenLineageNaming.uri(namespace: "inmemory://", name: "tmp_1") == "inmemory://tmp_1")
    #expect(OpenLineageNaming.uri(namespace: "file", name: "/data/x.csv") == "file:///data/x.csv")
    #expect(OpenLineageNaming.uri(namespace: "bigquery", name: "proj.ds.table") == "bigquery:proj.ds.table")
    #expect(OpenLineageNaming.split(uri: "s3://b/k/x") ?? ("", "") == ("s3://b", "k/x"))
    #expect(OpenLineageNaming.split(uri: "file:///p/q") ?? ("", "") == ("file", "/p/q"))
  }

  @Test func runIDsAndExperimentsFollowR1AndJ1() {
    #expect(
      OpenLineageNaming.runID("01936F2E-8A4B-7C3D-9E5F-0A1B2C3D4E5F") == (
        "01936f2e8a4b7c3d9e5f0a1b2c3d4e5f", true
      ))
    let hashed = OpenLineageNaming.runID("spark-app-42")
    #expect(!hashed.isUUID)
    #expect(
      hashed.id == String(Digest.sha256(Array("openlineage-run:spark-app-42".utf8)).dropFirst(7).prefix(32)))
    #expect(
      OpenLineageNaming.uuid("01936f2e8a4b7c3d9e5f0a1b2c3d4e5f") == "01936f2e-8a4b-7c3d-9e5f-0a1b2c3d4e5f")
    #expect(OpenLineageNaming.experiment("spark-prod") == "spark-prod")
    #expect(OpenLineageNaming.experiment("http://airflow:8080") == "airflow-8080")
  }

  @Test func aRichEventMapsItsFacets() throws {
    let event = Events.run(
      "COMPLETE", runID: "01936f2e-8a4b-7c3d-9e5f-0a1b2c3d4e5f", at: "2026-11-28T02:42:00.000Z",
      inputs: [
        Events.dataset(
          "s3://risk-lake", "raw/tx.csv",
          version: "SHA256:D7439BEE24773BCBFA2D0A97947EE36227B10D1022B1A55847E928965BB6BFDE",
          rows: 100)
      ],
      outputs: [
        Events.dataset("s3://risk-lake", "clean/transactions", version: "2", rows: 98, output: true),
        Events.dataset(
          "s3://models", "fraud/model.onnx", output: true,
          extraFacets: ["datasetType": Events.facet(["datasetType": .string("MODEL")])]),
      ],
      runFacets: [
        "executionParameters": Events.facet([
          "parameters": .array([
            .object(["key": .string("timeout"), "value": .integer(3600)]),
            .object(["key": .string("mode"), "value": .string("full")]),
          ])
        ]),
        "errorMessage": Events.facet(["message": .string("boom"), "programmingLanguage": .string("python")]),
        "processing_engine": Events.facet(["name": .string("spark"), "version": .string("3.5.1")]),
        "parent": Events.facet([
          "run": .object(["runId": .string("e821c0d6-7b61-4348-b227-8e680a0c89ac")]),
          "job": .object(["namespace": .string("airflow-prod"), "name": .string("features_dag.clean")]),
        ]),
        "environmentVariables": Events.facet([
          "environmentVariables": .array([
            .object(["name": .string("AWS_SECRET"), "value": .string("s3cr3t")])
          ])
        ]),
        "pedigree_metrics": Events.facet(["metrics": .object(["auc": .number(0.93), "loss": .string("NaN")])]
        ),
      ],
      jobFacets: [
        "sourceCodeLocation": Events.facet([
          "type": .string("git"), "url": .string("https://github.com/x/p"),
          "repoUrl": .string("https://github.com/x/p.git"),
          "version": .string("4f3c2b1"), "path": .string("jobs/clean.py"),
        ])
      ])
    let mapped = try OpenLineageEvent.parse(Events.bytes(event))
    let run = try #require(mapped.run)
    #expect(mapped.terminalStatus == .finished)
    #expect(run.runID == "01936f2e8a4b7c3d9e5f0a1b2c3d4e5f")
    #expect(run.experiment == "spark-prod")
    #expect(run.name == "etl.clean")
    #expect(
      run.code
        == CodeVersion(gitCommit: "4f3c2b1", repo: "https://github.com/x/p.git", entryPoint: "jobs/clean.py"))
    #expect(run.params == [KeyValue("timeout", "3600"), KeyValue("mode", "full")])
    let tags = Dictionary(run.tags.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
    #expect(tags["openlineage.error.message"] == "boom")
    #expect(tags["openlineage.engine"] == "spark 3.5.1")
    #expect(tags["openlineage.parent.run_id"] == "e821c0d6-7b61-4348-b227-8e680a0c89ac")
    #expect(tags["openlineage.parent.job"] == "airflow-prod/features_dag.clean")
    #expect(!run.tags.contains { $0.value.contains("s3cr3t") })
    #expect(run.metrics.count == 2)
    #expect(run.metrics.contains { $0.key == "loss" && $0.value.isNaN })
    #expect(
      run.inputs.first?.facts.digest
        == "sha256:d7439bee24773bcbfa2d0a97947ee36227b10d1022b1a55847e928965bb6bfde")
    #expect(run.inputs.first?.facts.rowCount == 100)
    #expect(run.outputs.map(\.proposedName) == ["risk-lake.clean.transactions"])
    #expect(run.outputs.first?.facts.label == "2")
    #expect(run.artifacts.map(\.uri) == ["s3://models/fraud/model.onnx"])
    #expect(run.artifacts.first?.name == "model.onnx")
  }

  @Test func whatTheSpecAllowsIsAccepted() throws {
    let lenient: [String] = [
      // no eventType, non-UUID runId, eventTime without offset, unknown fields, facets without _producer
      #"{"eventTime": "2026-11-28T02:00:00", "run": {"runId": "app-1", "facets": {"custom_x": {"a": 1}}}, "job": {"namespace": "n", "name": "j"}, "extra": true, "producer": "p"}"#,
      // lower-case eventType, null facets, odd names
      #"{"eventType": "start", "eventTime": "2026-11-28T02:00:00+02:00", "run": {"runId": "3b452093-782c-4ef2-9c0c-aafe2aa6f34d", "facets": null}, "job": {"namespace": "n", "name": "j"}, "inputs": [{"namespace": "s3://a b", "name": "x@y=z%/ü", "facets": {}}]}"#,
      // a JobEvent and a DatasetEvent
      #"{"eventTime": "2026-11-28T02:00:00Z", "job": {"namespace": "n", "name": "j"}, "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/JobEvent"}"#,
      #"{"eventTime": "2026-11-28T02:00:00Z", "dataset": {"namespace": "n", "name": "d"}, "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent"}"#,
    ]
    for text in lenient { _ = try OpenLineageEvent.parse(Array(text.utf8)) }
  }

  @Test func malformedEventsNameTheirPath() {
    let cases: [(String, OpenLineageError.Kind, String)] = [
      (
        #"{"eventTime": "2026-11-28T02:00:00Z", "run": {}, "job": {"namespace": "n", "name": "j"}}"#,
        .invalid, "run.runId: required"
      ),
      (
        #"{"eventTime": "2026-11-28T02:00:00Z", "run": {"runId": "r"}, "job": {"name": "j"}}"#, .invalid,
        "job.namespace: required"
      ),
      (
        #"{"eventTime": "2026-11-28", "run": {"runId": "r"}, "job": {"namespace": "n", "name": "j"}}"#,
        .invalid, "eventTime: "
      ),
      (#"{"run": {"runId": "r"}, "job": {"namespace": "n", "name": "j"}}"#, .invalid, "eventTime: required"),
      (
        #"{"eventType": "DONE", "eventTime": "2026-11-28T02:00:00Z", "run": {"runId": "r"}, "job": {"namespace": "n", "name": "j"}}"#,
        .invalid, "eventType: "
      ),
      (
        #"{"eventTime": "2026-11-28T02:00:00Z", "run": {"runId": "r"}, "job": {"namespace": "n", "name": "j"}, "inputs": {}}"#,
        .invalid, "inputs: expected an array"
      ),
      (
        #"{"eventTime": "2026-11-28T02:00:00Z", "run": {"runId": "r"}, "job": {"namespace": "n", "name": "j"}, "outputs": [{"namespace": "n"}]}"#,
        .invalid, "outputs[0].name: required"
      ),
      (
        #"{"eventTime": "2026-11-28T02:00:00Z", "run": {"runId": 7}, "job": {"namespace": "n", "name": "j"}}"#,
        .invalid, "run.runId: expected a string"
      ),
      (#"{"eventTime": "2026-11-28T02:00:00Z", "#, .syntax, "body is not JSON"),
      (#"[1, 2]"#, .syntax, "body is not a JSON object"),
    ]
    for (text, kind, prefix) in cases {
      do {
        _ = try OpenLineageEvent.parse(Array(text.utf8))
        Issue.record("accepted \(text)")
      } catch {
        #expect(error.kind == kind, "\(text)")
        #expect(error.message.hasPrefix(prefix), "\(error.message)")
      }
    }
  }

  @Test func theDigestIgnoresWhitespace() throws {
    let event = Events.run(
      "START", runID: "3b452093-782c-4ef2-9c0c-aafe2aa6f34d", at: "2026-11-28T02:00:00.000Z")
    let compact = try OpenLineageEvent.parse(Array(event.serialized().utf8))
    let pretty = try OpenLineageEvent.parse(Array(event.serialized(pretty: true).utf8))
    #expect(compact.bodyDigest == pretty.bodyDigest)
    #expect(compact.body != pretty.body)
  }
}
