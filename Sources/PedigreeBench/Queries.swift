import Foundation
import PedigreeStore

/// What the query cases need to know about the registry they run on: read from it once, before
/// timing, so every case can vary its target from one iteration to the next.
public struct QueryContext: Sendable {
  /// Models that have a `production` alias.
  public var productionModels: [String]
  /// Every dataset version, as `NAME@N`.
  public var datasetVersions: [String]
  /// The times of the alias events, for time travel.
  public var aliasTimes: [Timestamp]

  /// Reads the context from a registry.
  public init(_ registry: Registry) throws {
    let database = registry.database
    productionModels = try database.query(
      "SELECT DISTINCT m.name FROM alias_events e JOIN models m ON m.id = e.model_id "
        + "WHERE e.alias = ? ORDER BY m.name", [.text(Workload.alias)]
    ) { $0.string(0) }
    datasetVersions = try database.query(
      "SELECT d.name || '@' || v.version FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id "
        + "ORDER BY d.name, v.version"
    ) { $0.string(0) }
    aliasTimes = try database.query("SELECT at FROM alias_events ORDER BY id") {
      Timestamp(milliseconds: $0.int64(0))
    }
    guard !productionModels.isEmpty, !datasetVersions.isEmpty, !aliasTimes.isEmpty else {
      throw BenchError("the registry has no production alias or no dataset: was the workload applied?")
    }
  }

  func model(_ iteration: Int) -> String { productionModels[iteration % productionModels.count] }
  func datasetVersion(_ iteration: Int) -> String { datasetVersions[iteration % datasetVersions.count] }
  func aliasTime(_ iteration: Int) -> Timestamp { aliasTimes[iteration % aliasTimes.count] }
}

/// One question the benchmark times: `body` answers it for iteration `i` (which picks the target)
/// and returns how many rows the answer has, so the work cannot be skipped and can be checked.
public struct QueryCase {
  public let name: String
  public let body: (Registry, Int) throws -> Int

  public init(name: String, body: @escaping (Registry, Int) throws -> Int) {
    self.name = name
    self.body = body
  }
}

/// A set of implementations of the benchmark's questions.
///
/// The questions are PedigreeQuery's (lineage, impact, audit, search, time travel). Until that
/// module is merged, `rawSQL` answers them with the obvious SQL over the schema, so the figures
/// are real measurements of what the schema and its indexes allow.
// TODO(issue 6): once PedigreeQuery lands, add `QuerySuite.pedigreeQuery` calling its lineage,
// impact, audit, search and time-travel entry points with the same targets, and make it the
// default in `BenchmarkOptions.querySuite` (keep `rawSQL` as a reference row if useful).
public struct QuerySuite: Sendable {
  public let name: String
  public let cases: @Sendable (QueryContext) -> [QueryCase]

  public init(name: String, cases: @escaping @Sendable (QueryContext) -> [QueryCase]) {
    self.name = name
    self.cases = cases
  }
}

extension QuerySuite {
  /// The questions answered with plain SQL over the schema (recursive CTEs for the graph).
  public static let rawSQL = QuerySuite(name: "raw SQL over the schema (stand-in for PedigreeQuery)") {
    context in
    [
      QueryCase(name: "lineage of NAME@production (upstream)") { registry, iteration in
        let node = try registry.resolve(
          .model(name: context.model(iteration), selector: .alias(Workload.alias)))
        return try RawSQL.lineage(registry, from: node.id, upstream: true)
      },
      QueryCase(name: "impact of a dataset version") { registry, iteration in
        let parts = context.datasetVersion(iteration).split(separator: "@")
        let node = try registry.resolve(
          .dataset(name: String(parts[0]), selector: .version(Int(parts[1]) ?? 1)))
        return try RawSQL.impact(registry, of: node.id)
      },
      QueryCase(name: "audit report of NAME@production") { registry, iteration in
        try registry.read {
          let node = try registry.resolve(
            .model(name: context.model(iteration), selector: .alias(Workload.alias)))
          return try RawSQL.audit(registry, modelVersion: node.id)
        }
      },
      QueryCase(name: "search: metrics.accuracy > X and params.optimizer = Y") { registry, iteration in
        let thresholds = [0.90, 0.93, 0.95, 0.97]
        let values = Workload.searchParam.values
        return try RawSQL.search(
          registry, metricAbove: thresholds[iteration % thresholds.count],
          param: values[iteration % values.count])
      },
      QueryCase(name: "time travel: NAME@production at T") { registry, iteration in
        let node = try registry.resolve(
          .model(name: context.model(iteration), selector: .alias(Workload.alias)),
          at: context.aliasTime(iteration))
        return try RawSQL.modelVersion(registry, node.id)
      },
      QueryCase(name: "model show NAME@production (in process)") { registry, iteration in
        let node = try registry.resolve(
          .model(name: context.model(iteration), selector: .alias(Workload.alias)))
        return try RawSQL.modelVersion(registry, node.id)
      },
    ]
  }
}

/// The plain-SQL answers behind `QuerySuite.rawSQL`. Each returns its row count.
enum RawSQL {
  /// Every node up- or downstream of `id`, with its kind, display name and distance. `UNION` with
  /// a depth cap keeps a cycle from running forever.
  static func lineage(_ registry: Registry, from id: Int64, upstream: Bool) throws -> Int {
    let step =
      upstream
      ? "SELECT e.src, walk.depth + 1 FROM edges e JOIN walk ON e.dst = walk.id"
      : "SELECT e.dst, walk.depth + 1 FROM edges e JOIN walk ON e.src = walk.id"
    return try registry.database.query(
      """
      WITH RECURSIVE walk(id, depth) AS (SELECT ?, 0 UNION \(step) WHERE walk.depth < 64),
      reached AS (SELECT id, min(depth) AS depth FROM walk GROUP BY id)
      SELECT n.id, n.kind, reached.depth,
        coalesce(d.name || '@' || dv.version, r.uuid, 'artifact:' || a.id, m.name || '@' || mv.version)
      FROM reached JOIN nodes n ON n.id = reached.id
      LEFT JOIN dataset_versions dv ON dv.id = n.id LEFT JOIN datasets d ON d.id = dv.dataset_id
      LEFT JOIN runs r ON r.id = n.id LEFT JOIN artifacts a ON a.id = n.id
      LEFT JOIN model_versions mv ON mv.id = n.id LEFT JOIN models m ON m.id = mv.model_id
      ORDER BY reached.depth, n.id
      """, [.integer(id)]
    ) { ($0.int64(0), $0.string(1), $0.int64(2), $0.string(3)) }.count
  }

  /// Everything downstream of a node, with the aliases that serve each model version now.
  static func impact(_ registry: Registry, of id: Int64) throws -> Int {
    try registry.database.query(
      """
      WITH RECURSIVE walk(id, depth) AS (
        SELECT ?, 0 UNION SELECT e.dst, walk.depth + 1 FROM edges e JOIN walk ON e.src = walk.id
        WHERE walk.depth < 64),
      reached AS (SELECT DISTINCT id FROM walk),
      serving AS (
        SELECT e.to_version_id AS version_id, m.name || '@' || e.alias AS alias
        FROM alias_events e JOIN models m ON m.id = e.model_id
        WHERE e.id = (SELECT max(x.id) FROM alias_events x WHERE x.model_id = e.model_id AND x.alias = e.alias))
      SELECT n.id, n.kind, coalesce(r.uuid, m.name || '@' || mv.version, 'artifact:' || n.id),
        (SELECT group_concat(alias) FROM serving WHERE serving.version_id = n.id)
      FROM reached JOIN nodes n ON n.id = reached.id
      LEFT JOIN runs r ON r.id = n.id
      LEFT JOIN model_versions mv ON mv.id = n.id LEFT JOIN models m ON m.id = mv.model_id
      ORDER BY n.id
      """, [.integer(id)]
    ) { ($0.int64(0), $0.string(1), $0.string(2), $0.optionalString(3)) }.count
  }

  /// One model version's report: the version, its run and code, params, final metrics, inputs
  /// with digests, the model's alias history and the audit entries of the version and its run.
  static func audit(_ registry: Registry, modelVersion id: Int64) throws -> Int {
    let database = registry.database
    guard
      let (runID, uuid, name) = try database.queryFirst(
        """
        SELECT r.id, r.uuid, m.name || '@' || mv.version FROM model_versions mv
        JOIN models m ON m.id = mv.model_id JOIN runs r ON r.id = mv.run_id WHERE mv.id = ?
        """, [.integer(id)], { ($0.int64(0), $0.string(1), $0.string(2)) })
    else { throw BenchError("no model version \(id)") }
    var rows = 1
    rows += try modelVersion(registry, id)
    rows += try database.query(
      """
      SELECT r.uuid, x.name, r.name, r.status, r.started_at, r.ended_at, r.git_commit, r.git_repo,
        r.entry_point, r.actor FROM runs r JOIN experiments x ON x.id = r.experiment_id WHERE r.id = ?
      """, [.integer(runID)]
    ) { $0.string(0) }.count
    rows += try database.query(
      "SELECT key, value FROM params WHERE run_id = ? ORDER BY key", [.integer(runID)]
    ) { ($0.string(0), $0.string(1)) }.count
    rows += try database.query(
      "SELECT key, step, value FROM latest_metrics WHERE run_id = ? ORDER BY key", [.integer(runID)]
    ) { ($0.string(0), $0.int64(1), $0.optionalDouble(2)) }.count
    rows += try database.query(
      """
      SELECT d.name || '@' || dv.version, dv.uri, dv.digest FROM edges e
      JOIN dataset_versions dv ON dv.id = e.src JOIN datasets d ON d.id = dv.dataset_id
      WHERE e.dst = ? AND e.relation = 'input' ORDER BY 1
      """, [.integer(runID)]
    ) { ($0.string(0), $0.string(1), $0.optionalString(2)) }.count
    rows += try database.query(
      """
      SELECT e.alias, e.action, f.version, t.version, e.actor, e.reason, e.at FROM alias_events e
      JOIN model_versions t ON t.id = e.to_version_id LEFT JOIN model_versions f ON f.id = e.from_version_id
      WHERE e.model_id = (SELECT model_id FROM model_versions WHERE id = ?) ORDER BY e.id
      """, [.integer(id)]
    ) { ($0.string(0), $0.string(1), $0.int64(3)) }.count
    rows += try database.query(
      "SELECT at, actor, action, details FROM audit_log WHERE entity IN (?, ?) ORDER BY id",
      [.text("model:" + name), .text("run:" + uuid)]
    ) { ($0.int64(0), $0.string(1), $0.string(2), $0.string(3)) }.count
    return rows
  }

  /// Runs whose latest accuracy is above `threshold` and whose optimizer is `param`, newest first.
  static func search(_ registry: Registry, metricAbove threshold: Double, param: String) throws -> Int {
    try registry.database.query(
      """
      SELECT r.uuid, r.name, r.started_at, lm.value FROM latest_metrics lm
      JOIN params p ON p.run_id = lm.run_id AND p.key = ? AND p.value = ?
      JOIN runs r ON r.id = lm.run_id
      WHERE lm.key = ? AND lm.value > ? AND r.status = 'finished'
      ORDER BY r.started_at DESC LIMIT 1000
      """,
      [
        .text(Workload.searchParam.name), .text(param), .text(Workload.searchMetric), .real(threshold),
      ]
    ) { ($0.string(0), $0.string(1), $0.int64(2), $0.double(3)) }.count
  }

  /// A model version's row with its artifact and the aliases on it now.
  static func modelVersion(_ registry: Registry, _ id: Int64) throws -> Int {
    try registry.database.query(
      """
      SELECT m.name, mv.version, r.uuid, a.uri, mv.artifact_digest, a.size_bytes, mv.created_at,
        mv.deprecated_at,
        (SELECT group_concat(e.alias) FROM alias_events e WHERE e.model_id = mv.model_id
          AND e.to_version_id = mv.id
          AND e.id = (SELECT max(x.id) FROM alias_events x WHERE x.model_id = e.model_id AND x.alias = e.alias))
      FROM model_versions mv JOIN models m ON m.id = mv.model_id JOIN runs r ON r.id = mv.run_id
      LEFT JOIN artifacts a ON a.id = mv.artifact_id WHERE mv.id = ?
      """, [.integer(id)]
    ) { ($0.string(0), $0.int64(1), $0.string(2)) }.count
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
    let registry = try Registry.open(path: path, access: .read, actor: "bench")
    let context = try QueryContext(registry)
    return try suite.cases(context).map { query in
      try measure(query.name, iterations: iterations, warmup: warmup) { iteration in
        try query.body(registry, iteration)
      }
    }
  }
}
