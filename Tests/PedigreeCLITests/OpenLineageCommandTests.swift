import Foundation
import PedigreeCore
import Testing

/// `pedigree openlineage import|export` through the real binary, and what `impact`, `lineage`,
/// `run show` and `db check` answer on the imported pipeline.
@Suite struct OpenLineageCommandTests {
  static let raw = #"{"namespace": "s3://risk-lake", "name": "raw/tx.csv", "facets": {}}"#
  static let clean = #"{"namespace": "s3://risk-lake", "name": "clean/tx", "facets": {}}"#

  static func event(_ type: String, _ run: String, _ time: String, inputs: String = "", outputs: String = "")
    -> String
  {
    #"{"eventType": "\#(type)", "eventTime": "\#(time)", "run": {"runId": "\#(run)", "facets": {}}, "job": {"namespace": "spark-prod", "name": "clean", "facets": {}}, "inputs": [\#(inputs)], "outputs": [\#(outputs)], "producer": "https://example.com/spark", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"}"#
  }

  static let sparkRun = "01936f2e-8a4b-7c3d-9e5f-0a1b2c3d4e5f"
  static let sparkID = "01936f2e8a4b7c3d9e5f0a1b2c3d4e5f"

  /// A Spark-like run raw → clean, delivered out of order, with an OTHER after its COMPLETE.
  static let pipeline = [
    event("COMPLETE", sparkRun, "2026-11-28T02:42:00.000Z", inputs: raw, outputs: clean),
    event("START", sparkRun, "2026-11-28T02:00:00.000Z", inputs: raw, outputs: clean),
    event("OTHER", sparkRun, "2026-11-28T03:00:00.000Z"),
  ].joined(separator: "\n")

  @Test func anImportedPipelineAnswersImpactAndLineage() throws {
    let cli = try CLI.initialized()
    let file = try cli.write("events.jsonl", Self.pipeline + "\n")
    let summary = try JSONValue.parse(try cli.ok("openlineage", "import", file, "--json"))
    #expect(summary["events"] == .integer(3))
    #expect(summary["written"] == .integer(3))
    #expect(summary["runs_created"] == .integer(1))
    let run = try JSONValue.parse(try cli.ok("run", "show", Self.sparkID, "--json"))
    #expect(run["status"] == .string("finished"))
    // A training run recorded by Pedigree reads the clean data, and registers a model.
    let train = try cli.ok("run", "start", "--experiment", "fraud", "--input", "risk-lake.clean.tx")
    try cli.ok("run", "end", train)
    try cli.ok(
      "model", "register", "fraud-detector", "--run", train, "--artifact", try cli.write("m.onnx", "w"))
    try cli.ok("model", "promote", "fraud-detector@1", "--to", "production", "--reason", "first")
    let impact = try JSONValue.parse(try cli.ok("impact", "s3://risk-lake/raw/tx.csv", "--json"))
    #expect(impact["root"]?["ref"] == .string("dataset:risk-lake.raw.tx.csv@1"))
    #expect(impact["serving_aliases"] == .array([try #require(impact["serving_aliases"]?.firstElement)]))
    #expect(impact["serving_aliases"]?.firstElement?["ref"] == .string("model:fraud-detector@1"))
    #expect(impact["serving_aliases"]?.firstElement?["alias"] == .string("production"))
    let text = try cli.ok("impact", "s3://risk-lake/raw/tx.csv")
    #expect(text.contains("fraud-detector"))
    let lineage = try cli.ok("lineage", "fraud-detector@production", "--upstream")
    #expect(lineage.contains("risk-lake.raw.tx.csv@1"))
    #expect(lineage.contains("run 01936f2e (spark-prod/clean)  [finished]"))
    try cli.ok("db", "check")
    // Importing the same file again changes nothing.
    let before = cli.snapshot()
    let again = try JSONValue.parse(try cli.ok("openlineage", "import", file, "--json"))
    #expect(again["duplicates"] == .integer(3))
    #expect(cli.snapshot() == before)
  }

  @Test func everyFileShapeImports() throws {
    let cli = try CLI.initialized()
    let one = Self.event("START", "3b452093-782c-4ef2-9c0c-aafe2aa6f34d", "2026-11-28T02:00:00Z")
    let pretty = try JSONValue.parse(
      Self.event("COMPLETE", "3b452093-782c-4ef2-9c0c-aafe2aa6f34d", "2026-11-28T02:01:00Z")
    )
    .serialized(pretty: true)
    let array =
      "[" + Self.event("START", "4b452093-782c-4ef2-9c0c-aafe2aa6f34d", "2026-11-28T02:00:00Z") + "]"
    let marquez =
      #"{"events": ["# + Self.event("START", "5b452093-782c-4ef2-9c0c-aafe2aa6f34d", "2026-11-28T02:00:00Z")
      + #"], "totalCount": 1}"#
    let files = [
      try cli.write("a.json", one), try cli.write("b.json", pretty), try cli.write("c.json", array),
      try cli.write("d.json", marquez),
    ]
    let result = try cli.run(["openlineage", "import"] + files + ["--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let summary = try JSONValue.parse(result.stdout)
    #expect(summary["written"] == .integer(4))
    #expect(summary["runs_created"] == .integer(3))
    let show = try JSONValue.parse(try cli.ok("run", "show", "3b452093782c4ef29c0caafe2aa6f34d", "--json"))
    #expect(show["status"] == .string("finished"))
    let stdin = try JSONValue.parse(try cli.ok("openlineage", "import", "-", "--json", input: one + "\n"))
    #expect(stdin["duplicates"] == .integer(1))
  }

  @Test func badEventsAreNamedByFileAndLine() throws {
    let cli = try CLI.initialized()
    let good = Self.event("START", Self.sparkRun, "2026-11-28T02:00:00Z")
    let file = try cli.write(
      "mixed.jsonl",
      [
        good, #"{"eventTime": "2026-11-28T02:00:00Z", "run": {}, "job": {"namespace": "n", "name": "j"}}"#,
        "{oops",
      ]
      .joined(separator: "\n"))
    let result = try cli.run("openlineage", "import", file)
    #expect(result.status == 65)
    #expect(result.stderr.contains("\(file):2: run.runId: required"))
    #expect(result.stderr.contains("\(file):3: not JSON"))
    try cli.ok("run", "show", Self.sparkID)
  }

  @Test func badInputChangesNothing() throws {
    let cli = try CLI.initialized()
    let bad = try cli.write(
      "bad.json",
      #"{"eventTime": "2026-11-28", "run": {"runId": "r"}, "job": {"namespace": "n", "name": "j"}}"#)
    let refused = try cli.fails(65, "openlineage", "import", bad)
    #expect(refused.stderr.contains("bad.json:1: eventTime:"))
    try cli.fails(65, "openlineage", "import", try cli.write("empty.json", "\n\n"))
    try cli.fails(74, "openlineage", "import", cli.path("missing.json"))
    try cli.fails(64, "openlineage", "import")
    try cli.fails(74, "openlineage", "import", bad, "--db", cli.path("nowhere.db"))
    try cli.fails(64, "openlineage", "export", "--since", "not a time")
    try cli.fails(1, "openlineage", "export", "--run", "abcdef0123")
    try cli.fails(1, "impact", "s3://risk-lake/none")
  }

  @Test func exportRoundTripsAndOriginalReplaysVerbatim() throws {
    let cli = try CLI.initialized()
    let file = try cli.write("events.jsonl", Self.pipeline)
    try cli.ok("openlineage", "import", file)
    let original = try cli.ok("openlineage", "export", "--original")
    #expect(Set(original.split(separator: "\n")) == Set(Self.pipeline.split(separator: "\n")))
    let exported = try cli.ok("openlineage", "export", "--run", Self.sparkID)
    let lines = exported.split(separator: "\n")
    #expect(lines.count == 2)
    for line in lines {
      let event = try JSONValue.parse(String(line))
      #expect(event["run"]?["runId"] == .string(Self.sparkRun))
      #expect(event["job"]?["facets"]?["jobType"]?["jobType"] == .string("RUN"))
    }
    let other = CLI()
    try other.ok("init")
    try other.ok("openlineage", "import", "-", input: exported)
    let show = try JSONValue.parse(try other.ok("run", "show", Self.sparkID, "--json"))
    #expect(show["status"] == .string("finished"))
    #expect(show["started_at"] == .string("2026-11-28T02:00:00.000Z"))
    try other.ok("db", "check")
  }
}

extension JSONValue {
  fileprivate var firstElement: JSONValue? {
    if case .array(let elements) = self { elements.first } else { nil }
  }
}
