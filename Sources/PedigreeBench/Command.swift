import Foundation

/// The `pedigree-bench` command line, parsed by hand (a handful of flags).
public enum BenchCommand {
  public static let usage = """
    usage: pedigree-bench [--runs N[,N...]] [--seed S] [--out DIR] [--json] [--skip-cli]
                          [--queries-only] [--repeats N] [--iterations N]
                          [--process-iterations N] [--batch-size N] [--pedigree PATH]
                          [--postgresql URL]
           pedigree-bench --generate-only [--runs N] [--seed S] [--out DIR]
           pedigree-bench --mlflow-client PYTHON [--mlflow-server PYTHON] [--server-runs N]
                          [--server-metrics N] [--server-steps N] [--repeats N] [--out DIR]

    Generates a seeded training-fleet workload (run records as JSON Lines) and measures ingest
    through the library's bulk path, the `pedigree run record` CLI and a bare SQLite insert loop
    (the floor), then query latencies and whole-process times. Writes DIR/results.json.

      --runs N[,N...]        workload sizes in runs (default 1000; e.g. --runs 1000,10000)
      --seed S               workload seed (default 42)
      --out DIR              workload files, registries and results.json (default .build/bench)
      --json                 print the JSON report instead of the table
      --skip-cli             do not measure `pedigree run record`
      --queries-only         reuse DIR's registry when complete; time queries and processes only
      --repeats N            floor/bulk ingest rounds; medians are reported (default 3)
      --iterations N         timed iterations per query (default 200)
      --process-iterations N timed runs per whole-process command (default 30)
      --batch-size N         records per transaction on the bulk path (default 64)
      --pedigree PATH        the pedigree CLI (default: beside this executable)
      --postgresql URL       also measure PostgreSQL: `pedigree run record`, the alias moves,
                             the queries and the processes on the database at URL, which the
                             benchmark empties first (DROP SCHEMA public CASCADE): give it its own
      --generate-only        write the workload files and stop

    The server benchmark (instead of the above): one MLflow client script (DIR/mlflow_client.py)
    against a fresh `pedigree serve` and, with --mlflow-server, a fresh `mlflow server` (SQLite
    backend store, local artifacts), --repeats rounds (default 3), each after an untimed warm-up
    pass; per-phase medians side by side.
    Writes DIR/server-results.json.

      --mlflow-client PYTHON a Python with the MLflow client (default $PEDIGREE_PYTHON)
      --mlflow-server PYTHON a Python with the full mlflow package, to run `mlflow server`
      --server-runs N        runs the script logs (default 10)
      --server-metrics N     metrics per run (default 10)
      --server-steps N       steps per metric (default 50)
    """

  /// Runs the command; returns the process exit code.
  public static func main(_ arguments: [String]) -> Int32 {
    do {
      var flags = try Flags(arguments)
      if arguments.first == "--measure-child", arguments.count >= 4, arguments[2] == "--" {
        return try ChildProcess.measureChild(report: arguments[1], Array(arguments.dropFirst(3)))
      }
      if let kind = try flags.take("--worker") {
        return try worker(kind, &flags)
      }
      if flags.has("--help") || flags.has("-h") {
        print(usage)
        return 0
      }
      let mlflowClient = try flags.take("--mlflow-client")
      let mlflowServer = try flags.take("--mlflow-server")
      if mlflowClient != nil || mlflowServer != nil {
        return try serverBenchmark(client: mlflowClient, server: mlflowServer, &flags)
      }
      var options = BenchmarkOptions()
      if let runs = try flags.take("--runs") {
        options.runs = try runs.split(separator: ",").map { try Flags.integer(String($0), "--runs") }
      }
      options.seed = try flags.takeInteger("--seed").map(UInt64.init) ?? options.seed
      options.outputDirectory = try flags.take("--out") ?? options.outputDirectory
      options.repeats = try flags.takeInteger("--repeats") ?? options.repeats
      options.queryIterations = try flags.takeInteger("--iterations") ?? options.queryIterations
      options.processIterations = try flags.takeInteger("--process-iterations") ?? options.processIterations
      options.batchSize = try flags.takeInteger("--batch-size") ?? options.batchSize
      options.pedigreeExecutable = try flags.take("--pedigree")
      options.postgresURL = try flags.take("--postgresql")
      options.skipCLI = flags.has("--skip-cli")
      options.queriesOnly = flags.has("--queries-only")
      let asJSON = flags.has("--json")
      let generateOnly = flags.has("--generate-only")
      try flags.finish()

      if generateOnly { return try generate(options) }
      let report = try Benchmark(options).run()
      return try emit(try report.json(), report.table(), options.outputDirectory, "results.json", asJSON)
    } catch {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      return 1
    }
  }

  private static func generate(_ options: BenchmarkOptions) throws -> Int32 {
    try FileManager.default.createDirectory(
      atPath: options.outputDirectory, withIntermediateDirectories: true)
    for runs in options.runs {
      let workload = Workload(WorkloadSpec(runs: runs, seed: options.seed))
      let directory = options.outputDirectory as NSString
      let file = try workload.write(to: directory.appendingPathComponent("runs-\(runs).jsonl"))
      try workload.writeAliasScript(to: directory.appendingPathComponent("aliases-\(runs).sh"))
      print(
        "\(file.path): \(file.lines) run records, \(file.bytes) bytes, \(workload.spec.metricPoints) metric points"
      )
    }
    return 0
  }

  /// `--mlflow-client PYTHON [--mlflow-server PYTHON] …`: the server benchmark.
  private static func serverBenchmark(client: String?, server: String?, _ flags: inout Flags) throws -> Int32
  {
    guard let python = client ?? ProcessInfo.processInfo.environment["PEDIGREE_PYTHON"] else {
      throw BenchError("the server benchmark needs --mlflow-client PYTHON (or $PEDIGREE_PYTHON)")
    }
    let pedigree =
      try flags.take("--pedigree")
      ?? ((Bundle.main.executableURL?.deletingLastPathComponent().path ?? ".") as NSString)
      .appendingPathComponent("pedigree")
    var options = ServerBenchOptions(clientPython: python, pedigreeExecutable: pedigree)
    options.mlflowPython = server
    options.runs = try flags.takeInteger("--server-runs") ?? options.runs
    options.metrics = try flags.takeInteger("--server-metrics") ?? options.metrics
    options.steps = try flags.takeInteger("--server-steps") ?? options.steps
    options.repeats = try flags.takeInteger("--repeats") ?? options.repeats
    options.outputDirectory = try flags.take("--out") ?? options.outputDirectory
    let asJSON = flags.has("--json")
    try flags.finish()
    let report = try ServerBenchmark(options).run()
    return try emit(try report.json(), report.table(), options.outputDirectory, "server-results.json", asJSON)
  }

  /// Writes `json` to `directory/file` and prints it (or `table`).
  private static func emit(
    _ json: String, _ table: String, _ directory: String, _ file: String, _ asJSON: Bool
  )
    throws -> Int32
  {
    let resultsPath = (directory as NSString).appendingPathComponent(file)
    try Data(json.utf8).write(to: URL(fileURLWithPath: resultsPath))
    print(asJSON ? json : table + "\nJSON report: \(resultsPath)")
    return 0
  }

  /// `--worker floor|bulk --runs N --seed S --file F --db PATH [--batch-size N]`: one ingest
  /// measurement, printed as JSON for the parent process.
  private static func worker(_ name: String, _ flags: inout Flags) throws -> Int32 {
    guard let kind = WorkerKind(rawValue: name) else { throw BenchError("unknown worker \(name)") }
    let spec = WorkloadSpec(
      runs: try flags.takeInteger("--runs") ?? 1000, seed: UInt64(try flags.takeInteger("--seed") ?? 42))
    guard let file = try flags.take("--file"), let path = try flags.take("--db") else {
      throw BenchError("a worker needs --file and --db")
    }
    let batchSize = try flags.takeInteger("--batch-size") ?? 64
    try flags.finish()
    let figure = try kind.run(spec: spec, file: file, path: path, batchSize: batchSize)
    print(String(decoding: try JSONEncoder().encode(figure), as: UTF8.self))
    return 0
  }
}

/// The arguments not yet consumed.
struct Flags {
  private var remaining: [String]

  init(_ arguments: [String]) throws { remaining = arguments }

  /// Removes `--name VALUE` and returns VALUE, or `nil` when the flag is absent.
  mutating func take(_ name: String) throws -> String? {
    guard let index = remaining.firstIndex(of: name) else { return nil }
    guard index + 1 < remaining.count else { throw BenchError("\(name) needs a value") }
    let value = remaining[index + 1]
    remaining.removeSubrange(index...index + 1)
    return value
  }

  mutating func takeInteger(_ name: String) throws -> Int? {
    try take(name).map { (text) throws in try Flags.integer(text, name) }
  }

  static func integer(_ text: String, _ name: String) throws -> Int {
    guard let value = Int(text.replacingOccurrences(of: "_", with: "")), value >= 0 else {
      throw BenchError("\(name) expects a non-negative integer, got '\(text)'")
    }
    return value
  }

  /// Removes a switch; whether it was there.
  mutating func has(_ name: String) -> Bool {
    guard let index = remaining.firstIndex(of: name) else { return false }
    remaining.remove(at: index)
    return true
  }

  func finish() throws {
    if let first = remaining.first {
      throw BenchError("unknown argument '\(first)'\n\(BenchCommand.usage)")
    }
  }
}
