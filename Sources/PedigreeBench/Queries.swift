import Foundation
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

/// What the query cases need to know about the registry they run on: read from it once, before
/// timing, so every case can vary its target from one iteration to the next.
public struct QueryContext: Sendable {
  /// Models that have a `production` alias.
  public var productionModels: [String]
  /// Every dataset version, as `NAME@N`.
  public var datasetVersions: [String]
  /// Each `production` move: the model and when, for time travel to a moment the alias was set.
  public var productionMoves: [(model: String, at: Timestamp)]
  /// Runs to read whole metric histories of (the latest 100).
  public var runs: [String]

  /// Reads the context from a registry.
  public init(_ registry: SQLiteRegistry) throws {
    let queries = registry.queries
    let moves = try queries.modelList().flatMap { model in
      try queries.aliasHistory(model: model.name, alias: Workload.alias)
    }.sorted { $0.id < $1.id }
    productionModels = Array(Set(moves.map(\.model))).sorted()
    datasetVersions = try queries.datasetList().flatMap { dataset in
      (0..<dataset.versionCount).map { "\(dataset.name)@\($0 + 1)" }
    }
    productionMoves = moves.map { (model: $0.model, at: $0.at) }
    runs = try queries.searchRuns(limit: 100).runs.map(\.runID)
    guard !productionModels.isEmpty, !datasetVersions.isEmpty, !productionMoves.isEmpty, !runs.isEmpty
    else {
      throw BenchError("the registry has no production alias or no dataset: was the workload applied?")
    }
  }

  func model(_ iteration: Int) -> String { productionModels[iteration % productionModels.count] }
  func datasetVersion(_ iteration: Int) -> String { datasetVersions[iteration % datasetVersions.count] }
  func run(_ iteration: Int) -> String { runs[iteration % runs.count] }
  /// A model and a time at which its `production` alias was set (right after one of its moves).
  func productionMove(_ iteration: Int) -> (model: String, at: Timestamp) {
    productionMoves[iteration % productionMoves.count]
  }
}

/// One question the benchmark times: `body` answers it for iteration `i` (which picks the target)
/// and returns how many rows the answer has, so the work cannot be skipped and can be checked.
public struct QueryCase {
  public let name: String
  public let body: (SQLiteRegistry, Int) throws -> Int

  public init(name: String, body: @escaping (SQLiteRegistry, Int) throws -> Int) {
    self.name = name
    self.body = body
  }
}

/// A set of implementations of the benchmark's questions.
public struct QuerySuite: Sendable {
  public let name: String
  public let cases: @Sendable (QueryContext) -> [QueryCase]

  public init(name: String, cases: @escaping @Sendable (QueryContext) -> [QueryCase]) {
    self.name = name
    self.cases = cases
  }
}

extension QuerySuite {
  /// The questions as `pedigree` answers them: through PedigreeQuery, as the CLI calls it
  /// (resolve the ref, then ask; each answer built into its typed result).
  public static let pedigreeQuery = QuerySuite(name: "PedigreeQuery") { context in
    [
      QueryCase(name: "lineage of NAME@production (upstream)") { registry, iteration in
        let node = try registry.resolve(
          .model(name: context.model(iteration), selector: .alias(Workload.alias)))
        return try registry.queries.lineage(of: node, direction: .upstream).nodes.count
      },
      QueryCase(name: "impact of a dataset version") { registry, iteration in
        let node = try registry.resolve(
          try Ref.parse(context.datasetVersion(iteration), defaultKind: .dataset))
        let report = try registry.queries.impact(of: node)
        return report.runs.count + report.modelVersions.count + report.servingAliases.count
      },
      QueryCase(name: "audit report of NAME@production") { registry, iteration in
        let node = try registry.resolve(
          .model(name: context.model(iteration), selector: .alias(Workload.alias)))
        let report = try registry.queries.auditReport(node)
        return report.params.count + report.metrics.count + report.inputs.count
      },
      QueryCase(name: "search: metrics.accuracy > X and params.optimizer = Y") { registry, iteration in
        let thresholds = [0.90, 0.93, 0.95, 0.97]
        let values = Workload.searchParam.values
        let filter = try RunFilter.parse(
          "metrics.accuracy > \(thresholds[iteration % thresholds.count]) and "
            + "params.\(Workload.searchParam.name) = '\(values[iteration % values.count])'")
        return try registry.searchRuns(filter: filter, limit: 100).runs.count
      },
      QueryCase(name: "model search: aliases = 'production' or run.metrics.accuracy > X") {
        registry, iteration in
        let thresholds = [0.95, 0.96, 0.97, 0.98]
        let filter = try ModelVersionFilter.parse(
          "aliases = '\(Workload.alias)' or run.metrics.accuracy > \(thresholds[iteration % thresholds.count])"
        )
        return try registry.queries.searchModelVersions(filter: filter, limit: 100).count
      },
      QueryCase(name: "full metric history of a run (every key)") { registry, iteration in
        let run = try registry.resolve(.run(context.run(iteration)))
        var points = 0
        for info in try registry.metricKeys(runID: run.id) {
          try registry.forEachMetricPoint(runID: run.id, key: info.key) { _ in points += 1 }
        }
        return points
      },
      QueryCase(name: "time travel: model show NAME@production --at T") { registry, iteration in
        let move = context.productionMove(iteration)
        return try registry.queries.modelShow(
          .model(name: move.model, selector: .alias(Workload.alias)), at: move.at
        ).model.versions.count
      },
      QueryCase(name: "model show NAME@production (in process)") { registry, iteration in
        try registry.queries.modelShow(
          .model(name: context.model(iteration), selector: .alias(Workload.alias))
        ).model.versions.count
      },
    ]
  }
}

/// The latency of one question over many iterations.
public struct LatencyFigure: Sendable, Codable, Equatable {
  public var name: String
  public var iterations: Int
  public var medianMilliseconds: Double
  public var p99Milliseconds: Double
  /// The rows of the answers, averaged over the iterations.
  public var meanRows: Double
}

/// Timing helpers shared by the query and process measurements.
public enum Latency {
  /// The value at `fraction` (0…1) of `samples` by nearest rank.
  public static func percentile(_ samples: [Double], _ fraction: Double) -> Double {
    guard !samples.isEmpty else { return 0 }
    let sorted = samples.sorted()
    let rank = Int((fraction * Double(sorted.count)).rounded(.up))
    return sorted[min(max(rank, 1), sorted.count) - 1]
  }

  /// Times `body` `iterations` times after `warmup` untimed calls.
  public static func measure(
    _ name: String, iterations: Int, warmup: Int, _ body: (Int) throws -> Int
  ) rethrows -> LatencyFigure {
    for iteration in 0..<warmup { _ = try body(iteration) }
    var samples: [Double] = []
    samples.reserveCapacity(iterations)
    var rows = 0
    for iteration in 0..<iterations {
      let started = ContinuousClock.now
      rows += try body(iteration)
      samples.append((ContinuousClock.now - started).seconds * 1000)
    }
    return LatencyFigure(
      name: name, iterations: iterations, medianMilliseconds: percentile(samples, 0.5),
      p99Milliseconds: percentile(samples, 0.99), meanRows: Double(rows) / Double(max(iterations, 1)))
  }

  /// Runs every case of `suite` against the registry at `path`, opened read-only.
  public static func queries(
    _ suite: QuerySuite, path: String, iterations: Int, warmup: Int = 10
  ) throws -> [LatencyFigure] {
    let registry = try SQLiteRegistry.open(path: path, access: .read)
    let context = try QueryContext(registry)
    return try suite.cases(context).map { query in
      try measure(query.name, iterations: iterations, warmup: warmup) { iteration in
        try query.body(registry, iteration)
      }
    }
  }
}
