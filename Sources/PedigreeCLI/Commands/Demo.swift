import ArgumentParser
import PedigreeCore
import PedigreeSQLite

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Fill a new registry with a small, realistic example and print what to try next.",
    discussion: """
      The story, over six weeks: raw and cleaned transaction data, preprocessing and training runs, \
      a fraud detector promoted three times, its third version deprecated for label leakage and \
      production rolled back, a failed run, and a churn model beside it.

      Example: pedigree demo --db demo.db
      """)

  @OptionGroup var db: RegistryOptions
  @OptionGroup var actor: ActorOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    try execute {
      let registry = try db.creatingWriter(as: actor.author()).registry
      if try !registry.queries.modelList().isEmpty {
        throw PedigreeError(
          .refused, "\(registry.path) already holds models; the demo fills a new registry",
          hint: "give it a new file: `pedigree demo --db demo.db`")
      }
      let story = DemoStory(registry: registry, end: Timestamp.now())
      try story.tell()
      let tryNext = tryNext(story).map { db.isExplicit ? $0 + " --db \(shellWord(registry.path))" : $0 }
      output.emit(
        .object(["path": .string(registry.path), "try_next": .array(tryNext.map(JSONValue.string))]),
        text: """
          Filled \(registry.path) with a six-week story: 3 datasets, 9 runs, fraud-detector@1…4 and
          churn-predictor@1…2. fraud-detector@3 was deprecated for label leakage and production was
          rolled back to fraud-detector@2.

          Try next:
          \(tryNext.map { "  " + $0 }.joined(separator: "\n"))
          """)
    }
  }

  /// The commands the demo suggests, one per question it can answer.
  private func tryNext(_ story: DemoStory) -> [String] {
    [
      "pedigree model list",
      "pedigree model history fraud-detector",
      "pedigree lineage fraud-detector@production",
      "pedigree impact dataset:labels@1",
      "pedigree audit fraud-detector@production --format markdown",
      "pedigree model show fraud-detector@production --at \(story.time(day: -9).iso8601)",
      "pedigree diff fraud-detector@2 fraud-detector@3",
      "pedigree run search \"metrics.auc > 0.9 and params.max_depth = '6'\"",
      "pedigree model search \"run.metrics.auc > 0.9 and deprecated = false\" --order-by \"run.metrics.auc DESC\"",
      "pedigree policy list",
      "pedigree log --limit 10",
      "pedigree model rollback fraud-detector --reason \"trying rollback\"",
    ]
  }
}

/// The demo's events, written through the public write API with a clock that walks through six
/// weeks ending `end`, so time travel and history have something to show.
final class DemoStory {
  let registry: SQLiteRegistry
  let end: Timestamp
  /// Who acts in the current scene, and when it happens.
  private var actor = "dana"
  private var moment: Timestamp

  init(registry: SQLiteRegistry, end: Timestamp) {
    self.registry = registry
    self.end = end
    self.moment = end
  }

  /// The writer for the current scene: its actor, at its moment.
  private var writer: SQLiteWriter { registry.writing(as: Author(actor).at(moment)) }

  func time(day: Int, hour: Int = 10) -> Timestamp {
    let startOfDay = end.milliseconds - end.milliseconds % 86_400_000
    return Timestamp(milliseconds: startOfDay + Int64(day) * 86_400_000 + Int64(hour) * 3_600_000)
  }

  private func at(day: Int, hour: Int = 10) {
    moment = time(day: day, hour: hour)
  }

  private func digest(_ seed: String) -> String { Digest.sha256(Array(seed.utf8)) }

  private func dataset(_ name: String, _ uri: String, rows: Int64, size: Int64) -> DatasetInput {
    DatasetInput(name: name, uri: uri, digest: digest(uri), sizeBytes: size, rowCount: rows)
  }

  /// A training run with a loss curve and a final AUC, registered as the next fraud-detector.
  private func train(
    _ name: String, day: Int, model: String = "fraud-detector", params: [String: String],
    auc: Double, inputs: [String], status: RunStatus = .finished, actor: String
  ) throws -> RecordResult {
    self.actor = actor
    at(day: day, hour: 9)
    let started = time(day: day, hour: 9)
    let ended = time(day: day, hour: 11)
    let losses = (0..<10).map { step in
      status == .failed && step > 5 ? Double.nan : 0.7 * pow(0.8, Double(step)) + (1 - auc) / 3
    }
    var document = RunDocument(start: RunStart(experiment: model == "fraud-detector" ? "fraud" : "churn"))
    document.start.name = name
    document.start.status = status
    document.start.startedAt = started
    document.start.endedAt = ended
    document.start.code = CodeVersion(
      gitCommit: String(digest(name).dropFirst(7).prefix(7)), repo: "git@example.com:risk/\(model).git",
      entryPoint: "train.py")
    document.start.params = params.sorted { $0.key < $1.key }.map { KeyValue($0.key, $0.value) }
    document.start.tags = [KeyValue("team", model == "fraud-detector" ? "risk" : "growth")]
    document.start.inputs = try inputs.map { .ref(try Ref.parse($0, defaultKind: .dataset)) }
    document.log.metrics = losses.enumerated().map {
      MetricPoint(
        key: "loss", value: $1, step: Int64($0),
        timestamp: Timestamp(milliseconds: started.milliseconds + Int64($0) * 600_000))
    }
    if status == .finished {
      document.log.metrics.append(MetricPoint(key: "auc", value: auc, step: 9, timestamp: ended))
      document.log.outputs = [
        .artifact(
          ArtifactInput(
            name: "model.onnx", uri: "s3://models/\(model)/\(name)/model.onnx", digest: digest(name),
            sizeBytes: 18_234_112))
      ]
      document.register = RunDocument.Registration(
        model: model, artifact: "model.onnx", alias: nil, description: name)
    }
    return try writer.record(document)
  }

  private func promote(
    _ ref: String, to alias: String, day: Int, hour: Int = 15, reason: String, actor: String
  ) throws {
    self.actor = actor
    at(day: day, hour: hour)
    _ = try writer.promote(try Ref.parse(ref), to: alias, reason: reason)
  }

  func tell() throws {
    actor = "dana"
    at(day: -42)
    // `pedigree policy set '*' --alias production --require-reason`: every production move below
    // gives its reason.
    _ = try writer.setPolicy(PolicyInput(pattern: "*", alias: "production", requireReason: true))
    _ = try writer.registerDataset(
      dataset(
        "transactions", "s3://risk-data/raw/transactions/2026-10.parquet", rows: 1_204_332, size: 402_113_024)
    )
    _ = try writer.registerDataset(
      dataset("labels", "s3://risk-data/labels/2026-10.parquet", rows: 1_204_332, size: 9_634_656))
    try clean(source: "transactions@1", output: "s3://risk-data/clean/transactions/2026-10.parquet", day: -41)

    _ = try train(
      "xgb-baseline", day: -40, params: ["lr": "0.1", "max_depth": "4", "n_estimators": "200"], auc: 0.89,
      inputs: ["transactions-clean@1", "labels@1"], actor: "ana")
    try promote("fraud-detector@1", to: "production", day: -39, reason: "first model", actor: "ana")

    actor = "dana"
    at(day: -30)
    _ = try writer.registerDataset(
      dataset(
        "transactions", "s3://risk-data/raw/transactions/2026-11.parquet", rows: 1_311_907, size: 438_291_456)
    )
    try clean(source: "transactions@2", output: "s3://risk-data/clean/transactions/2026-11.parquet", day: -29)
    _ = try train(
      "xgb-tuned", day: -28, params: ["lr": "0.05", "max_depth": "6", "n_estimators": "400"], auc: 0.921,
      inputs: ["transactions-clean@2", "labels@1"], actor: "ana")
    try promote("fraud-detector@2", to: "staging", day: -27, reason: "holdout AUC 0.921", actor: "ana")
    try promote(
      "fraud-detector@2", to: "production", day: -25, reason: "shadow traffic looked good", actor: "sam")

    _ = try train(
      "churn-logreg", day: -20, model: "churn-predictor", params: ["C": "1.0", "penalty": "l2"], auc: 0.81,
      inputs: ["transactions-clean@2"], actor: "lee")
    try promote("churn-predictor@1", to: "production", day: -19, reason: "first churn model", actor: "lee")

    _ = try train(
      "xgb-deep", day: -14, params: ["lr": "0.05", "max_depth": "10", "n_estimators": "800"], auc: 0.947,
      inputs: ["transactions-clean@2", "labels@1"], actor: "ana")
    try promote("fraud-detector@3", to: "staging", day: -13, reason: "holdout AUC 0.947", actor: "ana")
    try promote("fraud-detector@3", to: "production", day: -11, reason: "AUC +2.6pt", actor: "sam")

    actor = "sam"
    at(day: -7, hour: 3)
    _ = try writer.deprecate(
      try Ref.parse("fraud-detector@3"), reason: "label leakage: labels@1 joined after the fraud decision")
    _ = try writer.rollback(model: "fraud-detector", reason: "fraud-detector@3 deprecated (label leakage)")

    actor = "dana"
    at(day: -6)
    _ = try writer.registerDataset(
      dataset("labels", "s3://risk-data/labels/2026-11-fixed.parquet", rows: 1_311_907, size: 10_495_256))
    _ = try train(
      "lgbm-try", day: -5, params: ["lr": "0.3", "num_leaves": "255"], auc: 0.5,
      inputs: ["transactions-clean@2", "labels@2"], status: .failed, actor: "lee")
    _ = try train(
      "churn-gbm", day: -4, model: "churn-predictor", params: ["lr": "0.1", "max_depth": "5"], auc: 0.84,
      inputs: ["transactions-clean@2"], actor: "lee")
    _ = try train(
      "xgb-retrain", day: -3, params: ["lr": "0.05", "max_depth": "6", "n_estimators": "400"], auc: 0.924,
      inputs: ["transactions-clean@2", "labels@2"], actor: "ana")
    try promote("churn-predictor@2", to: "staging", day: -3, reason: "AUC +3pt", actor: "lee")
    try promote("fraud-detector@4", to: "staging", day: -2, reason: "retrained on fixed labels", actor: "ana")

  }

  /// A preprocessing run reading a raw dataset version and producing a cleaned one.
  private func clean(source: String, output: String, day: Int) throws {
    actor = "dana"
    at(day: day, hour: 8)
    var document = RunDocument(start: RunStart(experiment: "preprocessing", status: .finished))
    document.start.name = "clean-\(source)"
    document.start.startedAt = time(day: day, hour: 8)
    document.start.endedAt = time(day: day, hour: 9)
    document.start.code = CodeVersion(
      gitCommit: "4b1d9e0", repo: "git@example.com:risk/pipelines.git", entryPoint: "clean.py")
    document.start.params = [KeyValue("drop_duplicates", "true"), KeyValue("min_amount", "0.01")]
    document.start.inputs = [.ref(try Ref.parse(source, defaultKind: .dataset))]
    document.log.outputs = [
      .dataset(
        DatasetInput(name: "transactions-clean", uri: output, digest: digest(output), sizeBytes: 301_989_888))
    ]
    _ = try writer.record(document)
  }
}
