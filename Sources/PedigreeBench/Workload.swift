import Foundation
import PedigreeCore
import PedigreeSQLite

/// The shape of a benchmark workload: a training fleet.
///
/// `runs` runs, each with `paramsPerRun` params, `metricsPerRun` metrics of `stepsPerMetric`
/// steps, two dataset inputs (drawn from `datasets` datasets of `versionsPerDataset` versions) and
/// one model artifact; every `registerEvery`-th run registers a version of one of `models` models.
/// After the runs: `promotions` promotions to `production` and `rollbacks` rollbacks.
public struct WorkloadSpec: Sendable, Equatable, Codable {
  public var runs: Int
  public var seed: UInt64
  public var datasets: Int
  public var versionsPerDataset: Int
  public var paramsPerRun: Int
  public var metricsPerRun: Int
  public var stepsPerMetric: Int
  public var models: Int
  public var registerEvery: Int
  public var promotions: Int
  public var rollbacks: Int

  public init(
    runs: Int = 1000, seed: UInt64 = 42, datasets: Int = 10, versionsPerDataset: Int = 10,
    paramsPerRun: Int = 20, metricsPerRun: Int = 10, stepsPerMetric: Int = 100, models: Int = 5,
    registerEvery: Int = 10, promotions: Int = 50, rollbacks: Int = 5
  ) {
    self.runs = max(1, runs)
    self.seed = seed
    self.datasets = max(2, datasets)
    self.versionsPerDataset = max(1, versionsPerDataset)
    self.paramsPerRun = max(0, paramsPerRun)
    self.metricsPerRun = max(1, metricsPerRun)
    self.stepsPerMetric = max(1, stepsPerMetric)
    self.models = max(1, models)
    self.registerEvery = max(1, registerEvery)
    self.promotions = max(0, promotions)
    self.rollbacks = max(0, rollbacks)
  }

  /// Metric points in one run.
  public var pointsPerRun: Int { metricsPerRun * stepsPerMetric }
  /// Metric points in the whole workload.
  public var metricPoints: Int { runs * pointsPerRun }
}

/// A move of an alias after the runs are recorded.
public enum AliasOperation: Equatable, Sendable {
  case promote(model: String, version: Int, alias: String)
  case rollback(model: String, alias: String)

  /// The same operation as a `pedigree` command line (for the replay script).
  public var commandLine: String {
    switch self {
    case .promote(let model, let version, let alias):
      "pedigree model promote \(model)@\(version) --to \(alias) --reason 'bench promotion'"
    case .rollback(let model, let alias):
      "pedigree model rollback \(model) --alias \(alias) --reason 'bench rollback'"
    }
  }
}

/// What `Workload.write(to:)` wrote.
public struct WorkloadFile: Sendable, Codable {
  public let path: String
  public let bytes: Int64
  public let lines: Int
  public let seconds: Double
}

/// A deterministic workload: every value is a pure function of the spec (and its seed), so the same
/// spec gives byte-identical files on every machine, and the floor can recompute the very metric
/// rows the run records carry without parsing them.
public struct Workload: Sendable {
  public let spec: WorkloadSpec
  /// The metric names, in the order each record lists them.
  public let metricKeys: [String]
  private let params: [(name: String, options: [String])]

  /// The first run starts at 2026-01-01T00:00:00Z; each next one 7 minutes later.
  public static let epoch = Timestamp(milliseconds: 1_767_225_600_000)
  /// The alias the workload promotes to and rolls back.
  public static let alias = "production"
  /// The metric the filtered search reads.
  public static let searchMetric = "accuracy"
  /// The param the filtered search reads, and its values.
  public static let searchParam = (name: "optimizer", values: ["adam", "adamw", "sgd"])

  private static let baseMetrics = [
    "loss", "accuracy", "val_loss", "val_accuracy", "precision", "recall", "f1", "auc",
    "learning_rate", "grad_norm",
  ]
  private static let baseParams: [(String, [String])] = [
    ("lr", ["0.1", "0.03", "0.01", "0.003", "0.001", "0.0003"]),
    ("batch_size", ["32", "64", "128", "256", "512"]), (searchParam.name, searchParam.values),
    ("epochs", ["10", "20", "50", "100"]), ("dropout", ["0.0", "0.1", "0.2", "0.3", "0.5"]),
    ("weight_decay", ["0", "1e-5", "1e-4", "1e-3"]), ("seed", []),
    ("max_depth", ["4", "6", "8", "10"]), ("n_estimators", ["100", "200", "500"]),
    ("hidden_size", ["128", "256", "512", "1024"]), ("num_layers", ["2", "4", "6", "12"]),
    ("warmup_steps", ["0", "100", "500", "1000"]), ("scheduler", ["cosine", "linear", "step", "constant"]),
    ("momentum", ["0.9", "0.95", "0.99"]), ("beta1", ["0.9", "0.85"]), ("beta2", ["0.999", "0.98"]),
    ("eps", ["1e-8", "1e-6"]), ("grad_clip", ["0.5", "1.0", "5.0"]), ("label_smoothing", ["0.0", "0.1"]),
    ("precision", ["fp32", "bf16", "fp16"]),
  ]

  public init(_ spec: WorkloadSpec) {
    self.spec = spec
    metricKeys = (0..<spec.metricsPerRun).map { index in
      index < Workload.baseMetrics.count ? Workload.baseMetrics[index] : "metric_\(index)"
    }
    params = (0..<spec.paramsPerRun).map { index in
      index < Workload.baseParams.count ? Workload.baseParams[index] : ("param_\(index)", [])
    }
  }

  // MARK: Values

  /// A uniform value in [0, 1) for this workload's seed and `words`.
  private func unit(_ words: UInt64...) -> Double {
    Double(SplitMix.hash(spec.seed, words) >> 11) * 0x1.0p-53
  }

  /// A uniform integer in 0..<count for this workload's seed and `words`.
  private func pick(_ count: Int, _ words: UInt64...) -> Int {
    Int(SplitMix.hash(spec.seed, words) % UInt64(max(count, 1)))
  }

  public func startedAt(run: Int) -> Timestamp {
    Timestamp(milliseconds: Workload.epoch.milliseconds + Int64(run) * 420_000)
  }

  public func endedAt(run: Int) -> Timestamp {
    Timestamp(milliseconds: startedAt(run: run).milliseconds + 300_000 + Int64(run % 60) * 1000)
  }

  /// The value of metric `metric` of run `run` at `step`: loss-like metrics fall, accuracy-like
  /// ones rise towards a per-run quality; one `grad_norm` point in 50 runs is NaN.
  public func metricValue(run: Int, metric: Int, step: Int) -> Double {
    if metric == 9 && run % 50 == 7 && step == spec.stepsPerMetric / 2 { return .nan }
    let quality = unit(UInt64(run), 0x51)
    let noise = unit(UInt64(run), UInt64(metric), UInt64(step))
    let progress = 1 - exp(-Double(step + 1) / 25)
    if metric % 2 == 0 {
      let scale = 1 + Double(metric) / 10
      return scale * (2.3 * (1 - progress) + 0.1 + 0.2 * (1 - quality)) * (0.95 + 0.1 * noise)
    }
    return 0.1 + (0.70 + 0.19 * quality) * progress + 0.01 * (noise - 0.5)
  }

  /// The metric time of every point: records give `[step, value]`, so points take `ended_at`.
  public func metricTimestamp(run: Int) -> Timestamp { endedAt(run: run) }

  public func datasetName(_ index: Int) -> String { "ds-\(index)" }

  /// The generator's version `version` of dataset `index` (the registry numbers versions in the
  /// order it first sees them, which may differ).
  public func datasetDigest(_ index: Int, version: Int) -> String {
    Digest.sha256(Array("pedigree-bench/\(spec.seed)/dataset/\(index)/\(version)".utf8))
  }

  /// The two datasets (index, version) run `run` reads: later runs read later versions.
  public func inputs(run: Int) -> [(dataset: Int, version: Int)] {
    let first = pick(spec.datasets, UInt64(run), 0x1D1)
    let second = (first + 1 + pick(spec.datasets - 1, UInt64(run), 0x1D2)) % spec.datasets
    let base = 1 + run * spec.versionsPerDataset / spec.runs
    return [first, second].enumerated().map { offset, dataset in
      let lag = unit(UInt64(run), 0x1D3, UInt64(offset)) < 0.3 ? 1 : 0
      return (dataset, max(1, base - lag))
    }
  }

  public func modelName(_ index: Int) -> String { "model-\(index)" }

  /// The model run `run` registers a version of, if it is one of every `registerEvery` runs.
  public func registeredModel(run: Int) -> Int? {
    (run + 1) % spec.registerEvery == 0 ? (run / spec.registerEvery) % spec.models : nil
  }

  /// How many versions of model `index` the runs register.
  public func versionCount(model index: Int) -> Int {
    let registering = spec.runs / spec.registerEvery
    return registering / spec.models + (index < registering % spec.models ? 1 : 0)
  }

  /// The alias moves after the runs: `promotions` promotions of a random other version, taking
  /// the models in turn, then `rollbacks` rollbacks, again taking the models in turn.
  public func aliasOperations() -> [AliasOperation] {
    var operations: [AliasOperation] = []
    var current = [Int](repeating: 0, count: spec.models)
    var promoted = [Int](repeating: 0, count: spec.models)
    for index in 0..<spec.promotions {
      let model = index % spec.models
      let count = versionCount(model: model)
      guard count > 0 else { continue }
      var version = 1 + pick(count, 0xA11A5, UInt64(index))
      if version == current[model] { version = version % count + 1 }
      guard version != current[model] else { continue }
      current[model] = version
      promoted[model] += 1
      operations.append(.promote(model: modelName(model), version: version, alias: Workload.alias))
    }
    for index in 0..<spec.rollbacks where promoted[index % spec.models] >= 2 {
      promoted[index % spec.models] -= 1
      operations.append(.rollback(model: modelName(index % spec.models), alias: Workload.alias))
    }
    return operations
  }

  // MARK: Run records

  /// The run record of run `run`, as one line of JSON (without the newline).
  public func record(run: Int) -> String {
    var out = ""
    out.reserveCapacity(32 * spec.pointsPerRun + 2048)
    let name = "run-" + padded(run, 6)
    out += #"{"experiment":"fleet-\#(run % 8)","name":"\#(name)","status":"finished","#
    out += #""started_at":"\#(startedAt(run: run).iso8601)","ended_at":"\#(endedAt(run: run).iso8601)","#
    let commit = String(SplitMix.mix(spec.seed ^ UInt64(run / 25)), radix: 16)
    out += #""code":{"git_commit":"\#(commit)","repo":"git@example.com:ml/fleet.git","#
    out += #""entry_point":"train.py"},"params":{"#
    for (index, param) in params.enumerated() {
      if index > 0 { out += "," }
      let value =
        param.options.isEmpty
        ? String(run * 7919 + index) : param.options[pick(param.options.count, UInt64(run), UInt64(index))]
      out += #""\#(param.name)":"\#(value)""#
    }
    out += #"},"metrics":{"#
    for (metric, key) in metricKeys.enumerated() {
      if metric > 0 { out += "," }
      out += #""\#(key)":["#
      for step in 0..<spec.stepsPerMetric {
        if step > 0 { out += "," }
        let value = metricValue(run: run, metric: metric, step: step)
        out += "[\(step),"
        out += value.isNaN ? #""NaN""# : value.description
        out += "]"
      }
      out += "]"
    }
    out += #"},"inputs":["#
    for (offset, input) in inputs(run: run).enumerated() {
      if offset > 0 { out += "," }
      let dataset = datasetName(input.dataset)
      let rows = 100_000 * (input.dataset + 1) + 1000 * input.version
      out += #"{"dataset":{"name":"\#(dataset)","uri":"s3://fleet/\#(dataset)/v\#(input.version).parquet","#
      out += #""digest":"\#(datasetDigest(input.dataset, version: input.version))","#
      out += #""size":\#(rows * 48),"rows":\#(rows)}}"#
    }
    let digest = Digest.sha256(Array("pedigree-bench/\(spec.seed)/artifact/\(run)".utf8))
    out += #"],"outputs":[{"artifact":{"name":"model.onnx","uri":"file:///models/fleet/\#(name).onnx","#
    out += #""digest":"\#(digest)","size":\#(1_000_000 + pick(9_000_000, UInt64(run), 0xA4))}}],"#
    if let model = registeredModel(run: run) {
      out += #""register":{"model":"\#(modelName(model))","artifact":"model.onnx"},"#
    }
    out += #""tags":{"team":"team-\#(run % 4)","gpu":"\#(run % 3 == 0 ? "a100" : "h100")"}}"#
    return out
  }

  private func padded(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// Streams every run record to `path` as JSON Lines, holding one buffer of about 4 MiB.
  public func write(to path: String) throws -> WorkloadFile {
    let started = ContinuousClock.now
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else { throw BenchError("cannot create \(path)") }
    defer { try? handle.close() }
    var buffer: [UInt8] = []
    buffer.reserveCapacity(5 << 20)
    var bytes: Int64 = 0
    for run in 0..<spec.runs {
      buffer.append(contentsOf: record(run: run).utf8)
      buffer.append(0x0A)
      if buffer.count >= 4 << 20 || run == spec.runs - 1 {
        try handle.write(contentsOf: buffer)
        bytes += Int64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
      }
    }
    return WorkloadFile(
      path: path, bytes: bytes, lines: spec.runs, seconds: (ContinuousClock.now - started).seconds)
  }

  /// Writes a shell script that replays the alias moves with the `pedigree` CLI (against
  /// `$PEDIGREE_DB`), for anyone reproducing the benchmark by hand.
  public func writeAliasScript(to path: String) throws {
    var text = "#!/bin/sh\n# The alias moves of the pedigree-bench workload (seed \(spec.seed), "
    text += "\(spec.runs) runs).\n# Run after `pedigree run record` of the runs file, with PEDIGREE_DB set.\n"
    text += "set -e\n"
    for operation in aliasOperations() { text += operation.commandLine + "\n" }
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }
}

/// A benchmark failure: what went wrong, in one line.
public struct BenchError: Error, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}

extension Duration {
  /// The duration in seconds, as a double.
  public var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) * 1e-18
  }
}
