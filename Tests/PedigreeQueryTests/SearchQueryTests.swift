import PedigreeCore
import PedigreeTestSupport
import Testing

@testable import PedigreeQuery
@testable import PedigreeSQLite

/// Searches on the fixture registry (see `SearchFixture` for its runs), checked against the exact
/// runs expected.
@Suite struct SearchQueryTests {
  let fixture: SearchFixture

  init() throws { fixture = try SearchFixture() }

  @Test(arguments: [
    ("", ["xgb-a", "xgb-b", "lgbm-c", "Lgbm-d", "nn_e", "-"]),
    ("metrics.auc > 0.9", ["xgb-a", "Lgbm-d", "-"]),
    ("metrics.auc > 0.9 and tags.team = 'risk'", ["xgb-a", "-"]),
    ("params.lr = '0.01' or attributes.status = 'killed'", ["xgb-a", "lgbm-c", "nn_e"]),
    ("tags.team = 'risk' or params.lr = '0.01' and metrics.auc > 0.9", ["xgb-a", "nn_e", "-"]),
    ("(tags.team = 'risk' or params.lr = '0.01') and metrics.auc > 0.9", ["xgb-a", "-"]),
    ("params.lr IN ('0.01', '0.05')", ["xgb-a", "lgbm-c", "Lgbm-d"]),
    ("params.lr NOT IN ('0.01', '0.05')", ["xgb-b"]),
    ("metrics.auc IN (0.93, 0.95)", ["xgb-a", "Lgbm-d", "-"]),
    ("metrics.auc >= 0.88 and metrics.auc <= 0.93", ["xgb-a", "xgb-b", "-"]),
    ("metrics.auc = 0.93 or metrics.auc != 0.93", ["xgb-a", "xgb-b", "Lgbm-d", "-"]),
    ("metrics.`val/loss` < 1", ["lgbm-c"]),
    ("metrics.\"val/loss\" < 1", ["lgbm-c"]),
    ("metrics.val/loss < 1", ["lgbm-c"]),
    ("tags.team IS NULL", ["Lgbm-d"]),
    ("metrics.auc IS NOT NULL", ["xgb-a", "xgb-b", "lgbm-c", "Lgbm-d", "-"]),
    ("attributes.run_name IS NULL", ["-"]),
    ("attributes.end_time IS NULL", ["Lgbm-d"]),
    ("attributes.experiment = 'churn'", ["Lgbm-d", "nn_e", "-"]),
    ("attributes.actor = 'ana' and attributes.status != 'failed'", ["xgb-a", "-"]),
    ("attributes.status = 'FINISHED'", ["xgb-a", "xgb-b", "-"]),
    ("attributes.status IN ('running', 'Killed')", ["Lgbm-d", "nn_e"]),
    ("attributes.start_time >= '2026-01-01T04:00:00Z'", ["Lgbm-d", "nn_e", "-"]),
    ("attributes.start_time < '2026-01-01T03:00:00+01:00'", ["xgb-a"]),
    ("attributes.start_time = 1767229200000", ["xgb-a"]),
    ("attributes.end_time > '2026-01-01T05:05:00Z'", ["nn_e", "-"]),
    ("attributes.run_id = '{run 2}'", ["xgb-b"]),
    ("run.id = '0000000000000000000000000000000A'", []),
    (
      "attributes.git_commit LIKE 'c0ffee%' and attributes.git_commit != 'c0ffee1'",
      ["xgb-b", "lgbm-c", "Lgbm-d", "nn_e", "-"]
    ),
    ("params.lr = '0.01' and (tags.team = 'growth' or metrics.auc > 0.9)", ["xgb-a", "lgbm-c"]),
  ])
  func filterMatchesExactly(filter: String, expected: [String]) throws {
    #expect(try fixture.nameSet(fixture.expanding(filter)) == Set(expected), "filter: \(filter)")
  }

  @Test(arguments: [
    ("attributes.run_name LIKE 'lgbm%'", ["lgbm-c"]),
    ("attributes.run_name ILIKE 'lgbm%'", ["lgbm-c", "Lgbm-d"]),
    ("attributes.run_name NOT LIKE 'lgbm%'", ["xgb-a", "xgb-b", "Lgbm-d", "nn_e"]),
    ("attributes.run_name NOT ILIKE 'LGBM%'", ["xgb-a", "xgb-b", "nn_e"]),
    ("tags.team LIKE 'R%'", ["xgb-b"]),
    ("tags.team ILIKE 'r%'", ["xgb-a", "xgb-b", "nn_e", "-"]),
    ("tags.team = 'risk'", ["xgb-a", "nn_e", "-"]),
    ("params.optimizer LIKE 'adam_w'", ["Lgbm-d"]),
    ("params.optimizer LIKE 'adam%'", ["Lgbm-d", "nn_e"]),
    ("params.optimizer LIKE 'adam_'", []),
    ("params.optimizer LIKE 'ada_'", ["nn_e"]),
    ("tags.note LIKE '%[draft]*'", ["nn_e"]),
    ("tags.note LIKE '%50?%'", []),
    ("tags.note LIKE 'it''s%'", ["nn_e"]),
    ("tags.note = 'it\\'s 50% [draft]*'", ["nn_e"]),
    ("attributes.status LIKE 'fin%'", ["xgb-a", "xgb-b", "-"]),
    ("attributes.status LIKE 'FIN%'", []),
    ("attributes.status ILIKE 'FIN%'", ["xgb-a", "xgb-b", "-"]),
  ])
  func likeIsCaseSensitiveAndILikeIsNot(filter: String, expected: [String]) throws {
    #expect(try fixture.nameSet(filter) == Set(expected), "filter: \(filter)")
  }

  @Test func likeStaysCaseSensitiveUnderThePragma() throws {
    try fixture.registry.database.execute("PRAGMA case_sensitive_like = ON")
    #expect(try fixture.nameSet("attributes.run_name ILIKE 'LGBM%'") == ["lgbm-c", "Lgbm-d"])
    try fixture.registry.database.execute("PRAGMA case_sensitive_like = OFF")
    #expect(try fixture.nameSet("attributes.run_name LIKE 'Lgbm%'") == ["Lgbm-d"])
  }

  @Test(arguments: [
    "metrics.loss != 0.2", "metrics.loss = 0", "metrics.loss > -1e308", "metrics.loss < 1e308",
    "metrics.loss NOT IN (0.2)", "metrics.loss IN (0, 0.2) and attributes.run_name = 'xgb-b'",
  ])
  func nanMetricsNeverMatchAComparison(filter: String) throws {
    #expect(try !fixture.nameSet(filter).contains("xgb-b"), "filter: \(filter)")
    #expect(try !fixture.nameSet(filter.replacingOccurrences(of: "loss", with: "auc")).contains("lgbm-c"))
  }

  @Test(arguments: [
    (nil, [SearchFixture.tiedRuns, "Lgbm-d", "lgbm-c", "xgb-b", "xgb-a"]),
    ("metrics.auc DESC", ["Lgbm-d", "-", "xgb-a", "xgb-b", "nn_e", "lgbm-c"]),
    ("metrics.auc", ["xgb-b", "-", "xgb-a", "Lgbm-d", "nn_e", "lgbm-c"]),
    ("metrics.auc ASC, attributes.run_name DESC", ["xgb-b", "xgb-a", "-", "Lgbm-d", "nn_e", "lgbm-c"]),
    ("params.lr asc, attributes.run_name desc", ["xgb-a", "lgbm-c", "Lgbm-d", "xgb-b", "nn_e", "-"]),
    ("attributes.start_time", ["xgb-a", "xgb-b", "lgbm-c", "Lgbm-d", SearchFixture.tiedRuns]),
    ("attributes.end_time DESC", [SearchFixture.tiedRuns, "lgbm-c", "xgb-b", "xgb-a", "Lgbm-d"]),
    ("tags.team, attributes.actor desc", ["xgb-b", "lgbm-c", "nn_e", "-", "xgb-a", "Lgbm-d"]),
    (
      "attributes.experiment, attributes.status desc",
      ["Lgbm-d", "nn_e", "-", "xgb-b", "xgb-a", "lgbm-c"]
    ),
  ])
  func orderSortsTiesByStartTimeAndMissingValuesLast(order: String?, expected: [String]) throws {
    #expect(
      try fixture.names("", orderBy: order) == fixture.resolvingTies(expected), "order: \(order ?? "default")"
    )
  }

  @Test func limitCutsTheOrderedList() throws {
    #expect(try fixture.names("", limit: 2) == fixture.resolvingTies([SearchFixture.tiedRuns]))
    #expect(try fixture.names("metrics.auc > 0", orderBy: "metrics.auc desc", limit: 1) == ["Lgbm-d"])
    #expect(try fixture.names("", limit: 1_000_000).count == 6)
    for limit in [0, -1, Int.min] {
      expectError(.usage, "limit \(limit)") { try fixture.names("", limit: limit) }
    }
    let error = try #require(throws: PedigreeError.self) { try fixture.names("", limit: 0) }
    #expect(error.kind == .usage)
    #expect(error.message == "invalid limit 0: it must be at least 1")
  }

  @Test func hitsCarryTheNamedMetricsParamsAndTags() throws {
    let result = try fixture.registry.searchRuns(
      filter: RunFilter.parse("metrics.auc > 0 or params.lr = '0.01' or tags.team = 'x'"),
      orderBy: RunOrder.parse("params.lr, metrics.auc desc, metrics.`val/loss`"), limit: 10)
    #expect(result.metricKeys == ["auc", "val/loss"])
    #expect(result.paramKeys == ["lr"])
    #expect(result.tagKeys == ["team"])
    let byName = Dictionary(uniqueKeysWithValues: result.runs.map { ($0.name ?? "-", $0) })
    let a = try #require(byName["xgb-a"])
    #expect(a.runID == fixture.uuid(1))
    #expect(a.experiment == "fraud" && a.status == "finished" && a.actor == "ana")
    #expect(a.metrics == ["auc": 0.93])
    #expect(a.params == ["lr": "0.01"])
    #expect(a.tags == ["team": "risk"])
    #expect(a.gitCommit == "c0ffee1")
    #expect(a.startedAt.milliseconds == SearchFixture.base + SearchFixture.hour)
    let c = try #require(byName["lgbm-c"])
    #expect(c.metrics["auc"]?.isNaN == true)
    #expect(c.metrics["val/loss"] == 0.5)
    #expect(byName["Lgbm-d"]?.endedAt == nil)
  }

  @Test func jsonUsesSnakeCaseAndWritesNaNAsAString() throws {
    let result = try fixture.registry.searchRuns(
      filter: RunFilter.parse("attributes.run_name = 'lgbm-c'"),
      orderBy: RunOrder.parse("metrics.auc, params.depth"))
    let expected: JSONValue = .array([
      .object([
        "run_id": .string(fixture.uuid(3)), "experiment": .string("fraud"),
        "name": .string("lgbm-c"), "status": .string("failed"),
        "started_at": .string("2026-01-01T03:00:00.000Z"), "ended_at": .string("2026-01-01T03:10:00.000Z"),
        "actor": .string("ana"), "git_commit": .string("c0ffee3"),
        "metrics": .object(["auc": .string("NaN")]),
        "params": .object(["depth": .null]), "tags": .object([:]),
      ])
    ])
    #expect(result.json == expected)
  }

  /// The query plan: each comparison reads its table's `(key, value)` index and runs are looked
  /// up by rowid, never scanned.
  @Test(arguments: [
    ("metrics.auc > 0.9", "latest_metrics_by_key (key=? AND value>?)"),
    ("params.lr = '0.01'", "params_by_key (key=? AND value=?)"),
    ("tags.team IN ('risk', 'growth')", "run_tags_by_key (key=? AND value=?)"),
    ("params.optimizer LIKE 'adam%'", "params_by_key (key=? AND value>? AND value<?)"),
  ])
  func searchUsesTheKeyValueIndexes(filter: String, expected: String) throws {
    let plan = try queryPlan(filter)
    #expect(plan.contains { $0.contains(expected) }, "plan: \(plan)")
    #expect(plan.contains { $0.contains("SEARCH r USING INTEGER PRIMARY KEY (rowid=?)") }, "plan: \(plan)")
    #expect(!plan.contains { $0.hasPrefix("SCAN r") }, "plan: \(plan)")
  }

  @Test func conjunctionDrivesFromOneIndexAndProbesTheOthers() throws {
    let plan = try queryPlan("metrics.auc > 0.9 and params.lr = '0.01' and tags.team = 'risk'")
    for index in ["latest_metrics_by_key", "params_by_key", "run_tags_by_key"] {
      #expect(plan.contains { $0.contains(index) }, "plan: \(plan)")
    }
    #expect(!plan.contains { $0.hasPrefix("SCAN r") }, "plan: \(plan)")
  }

  private func queryPlan(_ filter: String) throws -> [String] {
    let query = RunSearchQuery(filter: try RunFilter.parse(filter), order: .default, limit: 100).build(
      postgres: false)
    return try fixture.registry.database.prepareUncached("EXPLAIN QUERY PLAN " + query.sql)
      .bind(query.arguments).map { $0.string(3) }
  }
}
