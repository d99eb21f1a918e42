import Foundation
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

/// What a benchmark run does.
public struct BenchmarkOptions: Sendable {
  /// The workload sizes (runs) to measure, in order.
  public var runs: [Int] = [1000]
  public var seed: UInt64 = 42
  /// Where the workload files and registries go.
  public var outputDirectory: String = ".build/bench"
  /// Floor and bulk ingests alternate this many times; the median rate of each is reported.
  public var repeats: Int = 3
  /// Records per transaction on the bulk path (`recordLines`' default).
  public var batchSize: Int = 64
  /// Timed iterations of each query (after 10 untimed ones).
  public var queryIterations: Int = 200
  /// Timed runs of each whole-process command.
  public var processIterations: Int = 30
  public var skipCLI = false
  /// Measure the queries (and processes) only, on the bulk registry of an earlier run when it is
  /// there (ingesting once when it is not).
  public var queriesOnly = false
  /// Run the ingest measurements in this process instead of a fresh child each (for tests: peak
  /// memory is then this process's, not the ingest's).
  public var inProcess = false
  /// The `pedigree-bench` executable to spawn as an ingest worker; default: this process's.
  public var benchExecutable: String? = Bundle.main.executableURL?.path
  /// The `pedigree` CLI; default: beside the bench executable (`.build/release/pedigree`).
  public var pedigreeExecutable: String?
  public var querySuite: QuerySuite = .pedigreeQuery
  /// A PostgreSQL database the benchmark may empty and fill: the PostgreSQL column
  /// (`measurePostgres`). `nil`: SQLite only.
  public var postgresURL: String?
  /// Where progress lines go (standard error by default).
  public var log: @Sendable (String) -> Void = { line in
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  public init() {}

  var pedigree: String? {
    pedigreeExecutable
      ?? benchExecutable.map {
        (($0 as NSString).deletingLastPathComponent as NSString).appendingPathComponent("pedigree")
      }
  }
}

/// Everything measured at one workload size.
public struct ScaleReport: Sendable, Codable {
  public var spec: WorkloadSpec
  public var workload: WorkloadFile?
  public var floor: IngestFigure?
  /// Python's `executemany` of the same rows: the reference of the ingest budget.
  public var pythonFloor: IngestFigure?
  public var bulk: IngestFigure?
  public var cli: IngestFigure?
  /// The rate of every repeat, points per second.
  public var floorRates: [Double] = []
  public var bulkRates: [Double] = []
  public var pythonFloorRates: [Double] = []
  public var cliRates: [Double] = []
  /// Bulk (and CLI) rate over the floor's rate.
  public var bulkToFloor: Double?
  public var cliToFloor: Double?
  /// CLI rate over Python's `executemany` (the budget asks for 4x).
  public var cliToExecutemany: Double?
  /// The promotions and rollbacks, through the library.
  public var aliasMoves: Int = 0
  public var aliasSeconds: Double?
  public var querySuite: String?
  public var queries: [LatencyFigure] = []
  public var processes: [ProcessFigure] = []
  /// What was not measured, and why (shown in the table too).
  public var skipped: [String] = []
  /// The same measurements on PostgreSQL, when the run was given a database.
  public var postgres: PostgresFigures?

  public init(spec: WorkloadSpec) { self.spec = spec }
}

/// The machine the figures were measured on.
public struct MachineInfo: Sendable, Codable {
  public var cores: Int
  public var memoryGiB: Double
  public var system: String
  public var sqlite: String
  public var swift: String

  public static func current(sqliteVersion: String) -> MachineInfo {
    let release = (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8)) ?? ""
    let pretty = release.split(separator: "\n").first { $0.hasPrefix("PRETTY_NAME=") }
    var swift = "5"
    #if swift(>=6.3)
      swift = "6.3 or later"
    #elseif swift(>=6.0)
      swift = "6.x"
    #endif
    return MachineInfo(
      cores: ProcessInfo.processInfo.activeProcessorCount,
      memoryGiB: (Double(ProcessInfo.processInfo.physicalMemory) / Double(1 << 30) * 10).rounded() / 10,
      system: pretty.map {
        String($0.dropFirst("PRETTY_NAME=".count)).replacingOccurrences(of: "\"", with: "")
      }
        ?? ProcessInfo.processInfo.operatingSystemVersionString,
      sqlite: sqliteVersion, swift: swift)
  }
}

/// The whole benchmark's result.
public struct BenchmarkReport: Sendable, Codable {
  public var machine: MachineInfo
  public var seed: UInt64
  public var scales: [ScaleReport]
}

/// Runs the benchmark: for each size, generate the workload, measure the floor, the bulk path and
/// the CLI, apply the alias moves, then time the queries and whole `pedigree` processes.
public struct Benchmark {
  public let options: BenchmarkOptions

  public init(_ options: BenchmarkOptions) { self.options = options }

  public func run() throws -> BenchmarkReport {
    try FileManager.default.createDirectory(
      atPath: options.outputDirectory, withIntermediateDirectories: true)
    let scales = try options.runs.map { runs in
      try measure(Workload(WorkloadSpec(runs: runs, seed: options.seed)))
    }
    return BenchmarkReport(
      machine: .current(sqliteVersion: sqliteVersion()), seed: options.seed, scales: scales)
  }

  private func file(_ name: String, _ spec: WorkloadSpec) -> String {
    (options.outputDirectory as NSString).appendingPathComponent("\(name)-\(spec.runs)")
  }

  func measure(_ workload: Workload) throws -> ScaleReport {
    let spec = workload.spec
    var report = ScaleReport(spec: spec)
    let runsFile = file("runs", spec) + ".jsonl"
    let bulkPath = file("bulk", spec) + ".db"
    let reuse = options.queriesOnly && (try? isComplete(bulkPath, spec)) == true
    if !reuse {
      options.log("R=\(spec.runs): generating \(spec.metricPoints) metric points into \(runsFile)")
      report.workload = try workload.write(to: runsFile)
      try workload.writeAliasScript(to: file("aliases", spec) + ".sh")
      try ingest(workload, runsFile: runsFile, bulkPath: bulkPath, into: &report)
      options.log("R=\(spec.runs): applying \(workload.aliasOperations().count) alias moves")
      report.aliasMoves = workload.aliasOperations().count
      report.aliasSeconds = try BulkIngest.applyAliasMoves(workload, path: bulkPath)
      report.bulk?.databaseBytes = registryBytes(at: bulkPath)
    } else {
      options.log("R=\(spec.runs): reusing \(bulkPath) (--queries-only)")
    }

    options.log("R=\(spec.runs): timing queries (\(options.queryIterations) iterations each)")
    report.querySuite = options.querySuite.name
    report.queries = try Latency.queries(
      options.querySuite, path: bulkPath, iterations: options.queryIterations)

    if let pedigree = options.pedigree {
      let models = try SQLiteRegistry.open(path: bulkPath, access: .read)
      let context = try QueryContext(models)
      let historyPath = file("history", spec) + ".db"
      options.log("R=\(spec.runs): writing a run of 1,000,000 points into \(historyPath)")
      let historyRun = try HistoryRegistry.make(path: historyPath)
      for process in ProcessCase.standard(
        pedigree: pedigree, path: bulkPath, models: context.productionModels,
        history: (historyPath, historyRun))
      {
        options.log("R=\(spec.runs): timing `\(process.commandLine)`")
        switch Latency.process(process, iterations: options.processIterations, helper: helper) {
        case .success(let figure): report.processes.append(figure)
        case .failure(let problem): report.skipped.append("\(process.name): \(problem)")
        }
      }
    }
    if let url = options.postgresURL {
      report.postgres = try measurePostgres(
        workload, runsFile: runsFile, url: url, pedigree: options.pedigree)
    }
    return report
  }

  /// Every ingest path in turn, `repeats` rounds (the machine's load drifts: rounds side by side
  /// share it), and the median of each.
  private func ingest(
    _ workload: Workload, runsFile: String, bulkPath: String, into report: inout ScaleReport
  ) throws {
    let spec = workload.spec
    var floors: [IngestFigure] = []
    var bulks: [IngestFigure] = []
    var pythonFloors: [IngestFigure] = []
    var clis: [IngestFigure] = []
    let python = options.queriesOnly ? nil : PythonFloor.interpreter()
    if !options.queriesOnly && python == nil {
      report.skipped.append("Python executemany floor: no python3 (set PEDIGREE_PYTHON)")
    }
    let pedigree = options.queriesOnly ? nil : cliToMeasure(spec, into: &report)
    let repeats = options.queriesOnly ? 1 : max(1, options.repeats)
    for round in 1...repeats {
      let progress = "R=\(spec.runs), round \(round) of \(repeats)"
      if !options.queriesOnly {
        options.log("\(progress): floor")
        floors.append(try worker(.floor, spec: spec, file: runsFile, path: file("floor", spec) + ".db"))
      }
      options.log("\(progress): bulk path (recordLines)")
      bulks.append(try worker(.bulk, spec: spec, file: runsFile, path: bulkPath))
      if let python {
        options.log("\(progress): Python executemany floor (\(python))")
        pythonFloors.append(
          try PythonFloor.measure(workload, python: python, path: file("executemany", spec) + ".db"))
      }
      if let pedigree {
        options.log("\(progress): CLI path (pedigree run record)")
        clis.append(
          try CLIIngest.measure(
            pedigree, file: runsFile, path: file("cli", spec) + ".db", spec: spec, helper: helper))
      }
    }
    report.floorRates = floors.map(\.pointsPerSecond)
    report.bulkRates = bulks.map(\.pointsPerSecond)
    report.pythonFloorRates = pythonFloors.map(\.pointsPerSecond)
    report.cliRates = clis.map(\.pointsPerSecond)
    report.floor = median(floors)
    report.bulk = median(bulks)
    report.pythonFloor = median(pythonFloors)
    report.cli = median(clis)
    if let floor = report.floor, let bulk = report.bulk {
      report.bulkToFloor = bulk.pointsPerSecond / floor.pointsPerSecond
    }
    if let cli = report.cli {
      if let floor = report.floor { report.cliToFloor = cli.pointsPerSecond / floor.pointsPerSecond }
      if let python = report.pythonFloor {
        report.cliToExecutemany = cli.pointsPerSecond / python.pointsPerSecond
      }
    }
  }

  /// The `pedigree` binary whose `run record` is measured, or `nil` (and why, in the report).
  private func cliToMeasure(_ spec: WorkloadSpec, into report: inout ScaleReport) -> String? {
    guard !options.skipCLI else {
      report.skipped.append("CLI ingest: skipped (--skip-cli)")
      return nil
    }
    guard let pedigree = options.pedigree else {
      report.skipped.append("CLI ingest: cannot locate the pedigree binary")
      return nil
    }
    if let reason = CLIIngest.unavailableReason(pedigree) {
      options.log("R=\(spec.runs): CLI ingest skipped: \(reason)")
      report.skipped.append("CLI ingest: \(reason)")
      return nil
    }
    return pedigree
  }

  /// The executable that measures child processes (see `ChildProcess.measured`).
  var helper: String? { options.inProcess ? nil : options.benchExecutable }

  private func median(_ figures: [IngestFigure]) -> IngestFigure? {
    let sorted = figures.sorted { $0.pointsPerSecond < $1.pointsPerSecond }
    return sorted.isEmpty ? nil : sorted[(sorted.count - 1) / 2]
  }

  private func isComplete(_ path: String, _ spec: WorkloadSpec) throws -> Bool {
    guard FileManager.default.fileExists(atPath: path) else { return false }
    let registry = try SQLiteRegistry.open(path: path, access: .read)
    let models = try registry.queries.modelList()
    return try registry.statistics().runs == spec.runs && models.contains { !$0.aliases.isEmpty }
  }

  /// Runs one ingest measurement in a fresh `pedigree-bench --worker` process (so its peak memory
  /// is its own), or in this process with `inProcess`.
  private func worker(_ kind: WorkerKind, spec: WorkloadSpec, file: String, path: String) throws
    -> IngestFigure
  {
    guard !options.inProcess, let executable = options.benchExecutable else {
      return try kind.run(spec: spec, file: file, path: path, batchSize: options.batchSize)
    }
    let result = try ChildProcess.run(
      executable,
      [
        "--worker", kind.rawValue, "--runs", String(spec.runs), "--seed", String(spec.seed), "--file", file,
        "--db", path, "--batch-size", String(options.batchSize),
      ])
    guard result.status == 0 else {
      throw BenchError("\(kind.rawValue) worker exited \(result.status): \(result.stderr.prefix(400))")
    }
    return try JSONDecoder().decode(IngestFigure.self, from: Data(result.stdout.utf8))
  }
}

/// The ingest measurements a worker process can run.
public enum WorkerKind: String, Sendable {
  case floor, bulk

  public func run(spec: WorkloadSpec, file: String, path: String, batchSize: Int) throws -> IngestFigure {
    switch self {
    case .floor: try Floor.measure(Workload(spec), path: path)
    case .bulk: try BulkIngest.measure(file: file, path: path, batchSize: batchSize)
    }
  }
}
