import Foundation
import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

@testable import PedigreeQuery

/// A registry in a temporary directory with six runs recorded through the write API (each by its
/// actor, under a clock pinned at its start), for the search tests.
///
/// | # | name    | experiment | status   | actor | start | params                    | metrics                         | tags |
/// |---|---------|------------|----------|-------|-------|---------------------------|---------------------------------|------|
/// | 1 | xgb-a   | fraud      | finished | ana   | 01:00 | lr=0.01 depth=6           | auc=0.93 loss=0.2               | team=risk |
/// | 2 | xgb-b   | fraud      | finished | bob   | 02:00 | lr=0.1 depth=8            | auc=0.88 loss=NaN               | team=Risk |
/// | 3 | lgbm-c  | fraud      | failed   | ana   | 03:00 | lr=0.01                   | auc=NaN val/loss=0.5            | team=growth |
/// | 4 | Lgbm-d  | churn      | running  | carl  | 04:00 | lr=0.05 optimizer=adam_w  | auc=0.95 (no end time)          | — |
/// | 5 | nn_e    | churn      | killed   | bob   | 05:00 | optimizer=adam            | —                               | team=risk note="it's 50% [draft]*" |
/// | 6 | (none)  | churn      | finished | ana   | 05:00 | —                         | auc=0.93                        | team=risk note="its 50 draft" |
///
/// Ended runs end ten minutes after their start; run #N's git commit is `c0ffeeN`. Runs 5 and 6
/// start and end at the same time: orderings that cannot tell them apart fall back to the run id,
/// which the registry draws at random (see `tiedRuns`).
final class SearchFixture {
  let directory = TemporaryDirectory("pedigree-search")
  let registry: SQLiteRegistry
  /// The run ids, in the table's order (`uuids[0]` is run #1).
  private(set) var uuids: [String] = []

  /// 2026-01-01T00:00:00Z in milliseconds.
  static let base: Int64 = 1_767_225_600_000
  static let hour: Int64 = 3_600_000

  init() throws {
    registry = try SQLiteRegistry.open(
      path: directory.file("test.db"),
      access: .create(by: Author("t", clock: { Timestamp(milliseconds: SearchFixture.base) })))
    try populate()
    // Every expectation about result sets assumes the six runs are all there.
    try #require(try names("").count == 6)
  }

  /// The run id of the fixture's run #`number`.
  func uuid(_ number: Int) -> String { uuids[number - 1] }

  /// Stands, in an expected list of names, for runs 5 and 6 (`nn_e` and the unnamed run) when an
  /// ordering ties them: they come in run-id order.
  static let tiedRuns = "<nn_e, ->"

  /// `expected` with `tiedRuns` replaced by the two runs in run-id order.
  func resolvingTies(_ expected: [String]) -> [String] {
    let tied = uuid(5) < uuid(6) ? ["nn_e", "-"] : ["-", "nn_e"]
    return expected.flatMap { $0 == SearchFixture.tiedRuns ? tied : [$0] }
  }

  /// `filter` with `{run N}` replaced by run #N's id.
  func expanding(_ filter: String) -> String {
    (1...uuids.count).reduce(filter) { filter, number in
      filter.replacingOccurrences(of: "{run \(number)}", with: uuid(number))
    }
  }

  private func populate() throws {
    try addRun(
      1, "xgb-a", experiment: "fraud", status: .finished, actor: "ana", hour: 1,
      params: [("lr", "0.01"), ("depth", "6")], tags: [("team", "risk")],
      metrics: [("auc", 0.93), ("loss", 0.2)])
    try addRun(
      2, "xgb-b", experiment: "fraud", status: .finished, actor: "bob", hour: 2,
      params: [("lr", "0.1"), ("depth", "8")], tags: [("team", "Risk")],
      metrics: [("auc", 0.88), ("loss", .nan)])
    try addRun(
      3, "lgbm-c", experiment: "fraud", status: .failed, actor: "ana", hour: 3,
      params: [("lr", "0.01")], tags: [("team", "growth")], metrics: [("auc", .nan), ("val/loss", 0.5)])
    try addRun(
      4, "Lgbm-d", experiment: "churn", status: .running, actor: "carl", hour: 4,
      params: [("lr", "0.05"), ("optimizer", "adam_w")], metrics: [("auc", 0.95)])
    try addRun(
      5, "nn_e", experiment: "churn", status: .killed, actor: "bob", hour: 5,
      params: [("optimizer", "adam")], tags: [("team", "risk"), ("note", "it's 50% [draft]*")])
    try addRun(
      6, nil, experiment: "churn", status: .finished, actor: "ana", hour: 5,
      tags: [("team", "risk"), ("note", "its 50 draft")], metrics: [("auc", 0.93)])
  }

  /// Records run #`number` as `actor` at its start time; each metric is one point at step 0.
  private func addRun(
    _ number: Int, _ name: String?, experiment: String, status: RunStatus, actor: String, hour: Int64,
    params: [(String, String)] = [], tags: [(String, String)] = [], metrics: [(String, Double)] = []
  ) throws {
    let started = Timestamp(milliseconds: SearchFixture.base + hour * SearchFixture.hour)
    let start = RunStart(
      experiment: experiment, name: name, status: status, startedAt: started,
      endedAt: status == .running ? nil : Timestamp(milliseconds: started.milliseconds + 600_000),
      code: CodeVersion(gitCommit: "c0ffee\(number)"), params: params.map(KeyValue.init),
      tags: tags.map(KeyValue.init))
    let log = RunLog(
      metrics: metrics.map { MetricPoint(key: $0, value: $1, step: 0, timestamp: Timestamp(milliseconds: 0)) }
    )
    let author = Author(actor, clock: { started })
    let recorded = try registry.writing(as: author).record(RunDocument(start: start, log: log))
    try #require(uuids.count == number - 1)
    uuids.append(recorded.run.uuid)
  }

  /// The names of the runs a search returns, in order (`-` for the unnamed run).
  func names(_ filter: String, orderBy: String? = nil, limit: Int = 100) throws -> [String] {
    let order = try orderBy.map(RunOrder.parse) ?? .default
    return try registry.searchRuns(filter: RunFilter.parse(filter), orderBy: order, limit: limit)
      .runs.map { $0.name ?? "-" }
  }

  /// The same, as a set, for filters whose order does not matter.
  func nameSet(_ filter: String) throws -> Set<String> { Set(try names(filter)) }

  /// Every table's row count and the schema text: equal before and after means nothing changed.
  func snapshot() throws -> [String: Int64] {
    let db = registry.database
    let tables = try db.query("SELECT name FROM sqlite_master WHERE type = 'table'") { $0.string(0) }
    var counts: [String: Int64] = [
      "sqlite_master": try db.scalarInt("SELECT count(*) FROM sqlite_master") ?? -1
    ]
    for table in tables {
      counts[table] = try db.scalarInt("SELECT count(*) FROM \"\(table)\"") ?? -1
    }
    counts["schema"] = Int64(
      try db.scalarString("SELECT group_concat(sql, ';') FROM sqlite_master")?.hashValue ?? 0)
    return counts
  }
}
