import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the server benchmark does (`pedigree-bench --mlflow-client PYTHON [--mlflow-server
/// PYTHON]`).
public struct ServerBenchOptions: Sendable {
  /// A Python with the MLflow client (`mlflow-skinny` is enough): it runs the script against both.
  public var clientPython: String
  /// A Python with the full `mlflow` package, to run `mlflow server`; `nil` measures Pedigree only.
  public var mlflowPython: String?
  /// The script's size: runs, metrics per run, steps per metric.
  public var runs = 10
  public var metrics = 10
  public var steps = 50
  /// Before the timed pass, an untimed one of 1 run x 1 metric x 1 step into experiment
  /// "warm-up" and model "warm-up-model": every route once (an `mlflow server` worker opens
  /// its stores on its first request of each kind, Pedigree's readers their connections).
  public var warmUp = true
  /// Rounds, each with a fresh store per server (Pedigree, then MLflow); medians are reported.
  public var repeats = 3
  /// Where the script, the stores and `server-results.json` go.
  public var outputDirectory = ".build/bench"
  /// The `pedigree` CLI (`pedigree serve` execs the `pedigree-server` beside it).
  public var pedigreeExecutable: String
  public var log: @Sendable (String) -> Void = { line in
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  public init(clientPython: String, pedigreeExecutable: String) {
    self.clientPython = clientPython
    self.pedigreeExecutable = pedigreeExecutable
  }
}

/// One run of the client script against one server: what it printed, plus the machine's load.
public struct ClientFigure: Sendable, Codable {
  /// Wall time per phase, in the script's order (seconds summed over the phase's calls).
  public struct Phase: Sendable, Codable {
    public var name: String
    public var seconds: Double
    /// The client's own CPU time (user + system) in the phase.
    public var clientCpuSeconds: Double?

    public init(name: String, seconds: Double, clientCpuSeconds: Double? = nil) {
      self.name = name
      self.seconds = seconds
      self.clientCpuSeconds = clientCpuSeconds
    }
  }

  public var phases: [Phase]
  public var totalSeconds: Double
  /// The client's own CPU time (user + system, from its start): what no server can take away.
  public var clientCpuSeconds: Double?
  /// What the script wrote and read back: run ids, model versions, the alias's final version,
  /// the search answers' sizes, metric points read, the downloaded model's files.
  public var runIds: [String]
  public var versions: [String]
  public var champion: String
  public var searchCounts: [Int]
  public var searchAll: Int
  public var historyPoints: Int
  public var downloaded: [String]
  /// The server's CPU time during the timed pass (every process of its group; `nil` off Linux).
  public var serverCpuSeconds: Double?
  /// The 1-minute load average before and after the script (`/proc/loadavg`).
  public var loadBefore: Double?
  public var loadAfter: Double?

  public init(
    phases: [Phase], totalSeconds: Double, runIds: [String], versions: [String], champion: String,
    searchCounts: [Int], searchAll: Int, historyPoints: Int, downloaded: [String],
    loadBefore: Double? = nil, loadAfter: Double? = nil
  ) {
    self.phases = phases
    self.totalSeconds = totalSeconds
    self.runIds = runIds
    self.versions = versions
    self.champion = champion
    self.searchCounts = searchCounts
    self.searchAll = searchAll
    self.historyPoints = historyPoints
    self.downloaded = downloaded
    self.loadBefore = loadBefore
    self.loadAfter = loadAfter
  }
}

/// Both servers' figures, round by round.
public struct ServerBenchReport: Sendable, Codable {
  public var machine: MachineInfo
  public var runs: Int
  public var metrics: Int
  public var steps: Int
  public var pedigree: [ClientFigure] = []
  public var mlflow: [ClientFigure] = []
  /// `mlflow server --version`'s answer, when measured.
  public var mlflowVersion: String?

  public init(runs: Int, metrics: Int, steps: Int) {
    machine = .current(sqliteVersion: sqliteVersion())
    (self.runs, self.metrics, self.steps) = (runs, metrics, steps)
  }
}

/// Runs the MLflow client script (`MLflowClientScript`) against a fresh `pedigree serve` (SQLite
/// registry, its artifact store) and a fresh `mlflow server` (SQLite backend store, local
/// artifact destination, `--serve-artifacts`), each started on a free port, waited for until
/// `GET /health` answers, and stopped after: start-up and migrations are not timed, the
/// script's own clock starts at `set_tracking_uri`.
public struct ServerBenchmark {
  public let options: ServerBenchOptions

  public init(_ options: ServerBenchOptions) { self.options = options }

  private var directory: NSString { options.outputDirectory as NSString }
  var scriptPath: String { directory.appendingPathComponent("mlflow_client.py") }

  /// Creates the output directory and writes the client script into it.
  public func prepare() throws {
    try FileManager.default.createDirectory(
      atPath: options.outputDirectory, withIntermediateDirectories: true)
    try Data(MLflowClientScript.source.utf8).write(to: URL(fileURLWithPath: scriptPath))
  }

  public func run() throws -> ServerBenchReport {
    try prepare()
    var report = ServerBenchReport(runs: options.runs, metrics: options.metrics, steps: options.steps)
    if let python = options.mlflowPython {
      report.mlflowVersion = try? ChildProcess.run(python, ["-m", "mlflow", "--version"]).stdout
        .trimmingCharacters(in: .whitespacesAndNewlines)
    }
    for round in 1...max(1, options.repeats) {
      options.log("server benchmark: round \(round), pedigree serve")
      report.pedigree.append(try runPedigree(round: round).figure)
      if let python = options.mlflowPython {
        options.log("server benchmark: round \(round), mlflow server")
        report.mlflow.append(try runMLflow(python, round: round))
      }
    }
    return report
  }

  /// One round against `pedigree serve --auth none` on a new registry; the figure and the
  /// registry's path.
  public func runPedigree(round: Int) throws -> (figure: ClientFigure, registry: String) {
    let store = try freshDirectory("server-pedigree-\(round)")
    let registry = (store as NSString).appendingPathComponent("pedigree.db")
    let created = try ChildProcess.run(options.pedigreeExecutable, ["init", "--db", registry])
    guard created.status == 0 else {
      throw BenchError("pedigree init exited \(created.status): \(created.stderr.prefix(300))")
    }
    let server = try ServerProcess(
      "pedigree serve", options.pedigreeExecutable,
      [
        "serve", "--db", registry, "--port", "0", "--auth", "none", "--artifacts",
        (store as NSString).appendingPathComponent("artifacts"),
      ], logs: (store as NSString).appendingPathComponent("server"))
    defer { server.stop() }
    var url = ""
    try server.wait(upTo: 120, for: "its URL") {
      url = server.stdout.split(separator: "\n").first { $0.hasPrefix("http://") }.map(String.init) ?? ""
      return !url.isEmpty
    }
    let port = Int(url.split(separator: ":").last ?? "") ?? 0
    try server.wait(upTo: 120, for: "GET /health") { ServerProcess.isHealthy(port: port) }
    return (try client(url, server), registry)
  }

  /// One round against `mlflow server` on a new SQLite backend store and artifact directory, with
  /// its defaults (uvicorn, 4 workers) but without its job runner (`huey` consumers for jobs the
  /// script never starts, which only take CPU from the server on a small machine).
  func runMLflow(_ python: String, round: Int) throws -> ClientFigure {
    let store = try freshDirectory("server-mlflow-\(round)") as NSString
    let port = try ServerProcess.freePort()
    let server = try ServerProcess(
      "mlflow server", python,
      [
        "-m", "mlflow", "server", "--host", "127.0.0.1", "--port", String(port), "--backend-store-uri",
        "sqlite:///" + store.appendingPathComponent("mlflow.db"), "--artifacts-destination",
        store.appendingPathComponent("mlartifacts"), "--serve-artifacts",
      ], logs: store.appendingPathComponent("server"),
      environment: ["MLFLOW_SERVER_ENABLE_JOB_EXECUTION": "false", "MLFLOW_DISABLE_TELEMETRY": "true"])
    defer { server.stop() }
    try server.wait(upTo: 300, for: "GET /health") { ServerProcess.isHealthy(port: port) }
    return try client("http://127.0.0.1:\(port)", server)
  }

  /// Runs the script against `server` at `url` (after the warm-up pass) and decodes what it
  /// printed, with the server's CPU time and the load around it.
  func client(_ url: String, _ server: ServerProcess) throws -> ClientFigure {
    if options.warmUp {
      _ = try script(
        url,
        [
          "--runs", "1", "--metrics", "1", "--steps", "1", "--experiment", "warm-up", "--model",
          "warm-up-model",
        ])
    }
    let before = loadAverage()
    let serverBefore = server.cpuSeconds
    let line = try script(
      url,
      [
        "--runs", String(options.runs), "--metrics", String(options.metrics), "--steps",
        String(options.steps),
      ])
    let after = loadAverage()
    let serverAfter = server.cpuSeconds
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    var figure = try decoder.decode(ClientFigure.self, from: Data(line.utf8))
    if let serverBefore, let serverAfter {
      figure.serverCpuSeconds = serverAfter - serverBefore
    }
    figure.loadBefore = before
    figure.loadAfter = after
    return figure
  }

  /// Runs the script; its last line of output.
  private func script(_ url: String, _ arguments: [String]) throws -> String {
    let result = try ChildProcess.run(
      options.clientPython, [scriptPath, url] + arguments,
      environment: ["MLFLOW_DISABLE_TELEMETRY": "true", "DO_NOT_TRACK": "true"])
    guard result.status == 0 else {
      throw BenchError("the MLflow client script exited \(result.status): \(result.stderr.suffix(2000))")
    }
    return result.stdout.split(separator: "\n").last.map(String.init) ?? ""
  }

  private func freshDirectory(_ name: String) throws -> String {
    let path = directory.appendingPathComponent(name)
    try? FileManager.default.removeItem(atPath: path)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  private func loadAverage() -> Double? {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))
      .flatMap { $0.split(separator: " ").first }.flatMap { Double($0) }
  }
}
