import Foundation
import PedigreeCore
import PedigreeSQLite
import Testing

@testable import PedigreeQuery

/// A registry in a temporary directory with a few runs written by raw SQL (the write API lives
/// elsewhere), for the search tests.
///
/// | id | name    | experiment | status   | actor | start | params                    | metrics                         | tags |
/// |----|---------|------------|----------|-------|-------|---------------------------|---------------------------------|------|
/// | 1  | xgb-a   | fraud      | finished | ana   | 01:00 | lr=0.01 depth=6           | auc=0.93 loss=0.2               | team=risk |
/// | 2  | xgb-b   | fraud      | finished | bob   | 02:00 | lr=0.1 depth=8            | auc=0.88 loss=NaN               | team=Risk |
/// | 3  | lgbm-c  | fraud      | failed   | ana   | 03:00 | lr=0.01                   | auc=NaN val/loss=0.5            | team=growth |
/// | 4  | Lgbm-d  | churn      | running  | carl  | 04:00 | lr=0.05 optimizer=adam_w  | auc=0.95 (no end time)          | — |
/// | 5  | nn_e    | churn      | killed   | bob   | 05:00 | optimizer=adam            | —                               | team=risk note="it's 50% [draft]*" |
/// | 6  | (none)  | churn      | finished | ana   | 05:00 | —                         | auc=0.93                        | team=risk note="its 50 draft" |
final class SearchFixture {
  let directory: URL
  let registry: SQLiteRegistry

  /// 2026-01-01T00:00:00Z in milliseconds.
  static let base: Int64 = 1_767_225_600_000
  static let hour: Int64 = 3_600_000

  init() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("pedigree-search-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    registry = try SQLiteRegistry.open(
      path: directory.appendingPathComponent("test.db").path, access: .create(by: Author("t")))
    try populate()
    // Every expectation about result sets assumes the six runs are all there.
    try #require(try registry.database.scalarInt("SELECT count(*) FROM runs") == 6)
  }

  deinit { try? FileManager.default.removeItem(at: directory) }

  /// The run id of the fixture run with row id `id`.
  static func uuid(_ id: Int) -> String { String(format: "%032x", id) }

  private func populate() throws {
    let db = registry.database
    try db.execute(
      "INSERT INTO experiments (id, name, created_at) VALUES (1, 'fraud', 0), (2, 'churn', 0)")
    try addRun(1, "xgb-a", experiment: 1, status: "finished", actor: "ana", hour: 1)
    try addRun(2, "xgb-b", experiment: 1, status: "finished", actor: "bob", hour: 2)
    try addRun(3, "lgbm-c", experiment: 1, status: "failed", actor: "ana", hour: 3)
    try addRun(4, "Lgbm-d", experiment: 2, status: "running", actor: "carl", hour: 4)
    try addRun(5, "nn_e", experiment: 2, status: "killed", actor: "bob", hour: 5)
    try addRun(6, nil, experiment: 2, status: "finished", actor: "ana", hour: 5)
    try set(
      "params",
      [
        (1, "lr", "0.01"), (1, "depth", "6"), (2, "lr", "0.1"), (2, "depth", "8"), (3, "lr", "0.01"),
        (4, "lr", "0.05"), (4, "optimizer", "adam_w"), (5, "optimizer", "adam"),
      ])
    try set(
      "run_tags",
      [
        (1, "team", "risk"), (2, "team", "Risk"), (3, "team", "growth"), (5, "team", "risk"),
        (5, "note", "it's 50% [draft]*"), (6, "team", "risk"), (6, "note", "its 50 draft"),
      ])
    try metric(1, "auc", 0.93)
    try metric(1, "loss", 0.2)
    try metric(2, "auc", 0.88)
    try metric(2, "loss", .nan)
    try metric(3, "auc", .nan)
    try metric(3, "val/loss", 0.5)
    try metric(4, "auc", 0.95)
    try metric(6, "auc", 0.93)
  }

  private func addRun(
    _ id: Int, _ name: String?, experiment: Int, status: String, actor: String, hour: Int64
  ) throws {
    let db = registry.database
    let started = SearchFixture.base + hour * SearchFixture.hour
    try db.run("INSERT INTO nodes (id, kind) VALUES (?, 'run')", [.integer(Int64(id))])
    try db.run(
      """
      INSERT INTO runs (id, uuid, experiment_id, name, status, started_at, ended_at, git_commit, actor)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .integer(Int64(id)), .text(SearchFixture.uuid(id)), .integer(Int64(experiment)),
        SQLValue(name), .text(status), .integer(started),
        status == "running" ? .null : .integer(started + 600_000), .text("c0ffee\(id)"),
        .text(actor),
      ])
  }

  private func set(_ table: String, _ rows: [(Int, String, String)]) throws {
    for (id, key, value) in rows {
      try registry.database.run(
        "INSERT INTO \(table) (run_id, key, value) VALUES (?, ?, ?)",
        [.integer(Int64(id)), .text(key), .text(value)])
    }
  }

  /// A latest metric value; NaN is stored as NULL, as the writer does.
  private func metric(_ id: Int, _ key: String, _ value: Double) throws {
    try registry.database.run(
      "INSERT INTO latest_metrics (run_id, key, step, timestamp, value) VALUES (?, ?, 0, 0, ?)",
      [.integer(Int64(id)), .text(key), value.isNaN ? .null : .real(value)])
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
