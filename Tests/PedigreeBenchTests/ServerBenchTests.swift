import Foundation
import PedigreeBench
import PedigreeCore
import PedigreeTestSupport
import Testing

/// Issue 13 (server benchmark): the MLflow client script that `pedigree-bench --mlflow-client`
/// runs against both servers, run here at a tiny size with the real client against a real
/// `pedigree serve` (through the benchmark's own harness), then the registry through the CLI.
/// Keeps the script from rotting; the timing itself is the benchmark's, never asserted here.
@Suite(
  "The server benchmark's MLflow client script",
  .enabled(if: ExternalTools.python(importing: ["mlflow"]) != nil, ExternalTools.pythonHint))
struct ServerBenchTests {
  /// The debug `pedigree` beside the test bundle (`pedigree serve` execs `pedigree-server` there).
  static let pedigree: String = {
    var directory = Bundle.main.bundleURL
    for _ in 0..<4 {
      let candidate = directory.appendingPathComponent("pedigree").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      directory.deleteLastPathComponent()
    }
    return ExternalTools.repositoryRoot + "/.build/debug/pedigree"
  }()

  @Test func theScriptLogsEveryPhaseIntoPedigreeServe() throws {
    let scratch = TemporaryDirectory("pedigree-server-bench")
    let python = try #require(ExternalTools.python(importing: ["mlflow"]))
    var options = ServerBenchOptions(clientPython: python, pedigreeExecutable: Self.pedigree)
    (options.runs, options.metrics, options.steps) = (2, 2, 3)
    options.outputDirectory = scratch.file("out")
    options.warmUp = false
    let benchmark = ServerBenchmark(options)
    try benchmark.prepare()
    let (figure, registry) = try benchmark.runPedigree(round: 1)

    #expect(
      figure.phases.map(\.name) == [
        "set_experiment", "start_run", "log_params_tags", "log_metric_per_step", "log_batch_history",
        "log_input", "log_artifact", "end_run", "register_model", "set_alias", "search_runs",
        "get_metric_history", "download_model",
      ])
    #expect(figure.runIds.count == 2 && figure.versions == ["1", "2"] && figure.champion == "2")
    #expect((figure.clientCpuSeconds ?? 0) > 0 && figure.phases.allSatisfy { $0.clientCpuSeconds != nil })
    #expect((figure.serverCpuSeconds ?? -1) >= 0)
    // Per run: "loss" and m0, m1 per step (3 points each), bulk.m0 and bulk.m1 (3 each).
    #expect(figure.historyPoints == 2 * 5 * 3)
    #expect(
      figure.searchAll == 2 && figure.downloaded == ["MLmodel", "registered_model_meta", "weights.bin"])

    // What the script wrote is Pedigree data.
    func cli(_ arguments: [String]) throws -> JSONValue {
      let run = try Spawned.run(Self.pedigree, arguments + ["--db", registry, "--json"])
      #expect(run.status == 0, "pedigree \(arguments.joined(separator: " ")): \(run.stderr)")
      return try JSONValue.parse(run.stdout)
    }
    #expect(items(try cli(["run", "list"])).count == 2)
    for runID in figure.runIds {
      let run = try cli(["run", "show", runID])
      #expect(run["status"] == .string("finished") && run["params"]?["p19"] != nil)
      let input = items(run["inputs"]).first?["ref"]
      #expect(input == .string("dataset:train@1") || input == .string("dataset:train@2"))
      #expect(items(try cli(["run", "metrics", runID, "--format", "json"])["points"]).count == 5 * 3)
    }
    let champion = try cli(["model", "show", "bench-model@champion"])
    #expect(champion["version"]?["ref"] == .string("model:bench-model@2"))
    #expect(champion["version"]?["run_id"] == .string(figure.runIds[1]))
    #expect(champion["version"]?["aliases"] == .array([.string("champion")]))
    let history = items(try cli(["model", "history", "bench-model", "--alias", "champion"]))
    #expect(history.map { $0["to_version"] } == [.integer(1), .integer(2)])
  }

  private func items(_ value: JSONValue?) -> [JSONValue] {
    if case .array(let items) = value { return items }
    return []
  }

  @Test func theTablePutsBothServersSideBySide() throws {
    func figure(_ seconds: Double) -> ClientFigure {
      ClientFigure(
        phases: [.init(name: "start_run", seconds: seconds)], totalSeconds: seconds * 2, runIds: [],
        versions: [], champion: "1", searchCounts: [], searchAll: 0, historyPoints: 0, downloaded: [],
        loadBefore: 1.5, loadAfter: 2)
    }
    var report = ServerBenchReport(runs: 1, metrics: 1, steps: 1)
    report.pedigree = [figure(0.1), figure(0.3), figure(0.2)]
    report.mlflow = [figure(2), figure(4), figure(3)]
    let table = report.table()
    #expect(table.contains("start_run") && table.contains("0.200") && table.contains("3.000"))
    #expect(table.contains("15.0x"))
    #expect(table.contains("round 2: pedigree 0.60 s (load 1.5 -> 2.0); mlflow 8.00 s"))
    #expect(items(try JSONValue.parse(try report.json())["mlflow"]).count == 3)
  }
}
