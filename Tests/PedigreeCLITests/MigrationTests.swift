import Foundation
import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

/// Migration 0005 (metric chunks) on a registry written by the previous binary
/// (Fixtures/registry-v3.sql, made by Fixtures/make-registry-v3.sh with `pedigree` at schema
/// version 3): every point kept bit for bit, every run's content digest unchanged, `db check`
/// clean, and a migration killed at any moment leaves the old registry or the new one.
@Suite(sqliteOnly) struct MigrationTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
  static let edgeRun = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
  static let loggedRun = "1db423f6c7939c43de9cf1264c2705a6"
  static let bigRun = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
  static let seed: UInt64 = 0x0005_C4A1_4C5D
  static let kills = 6

  /// A CLI whose registry is the version-3 fixture.
  static func oldRegistry() throws -> CLI {
    let cli = CLI()
    let sql = try String(
      contentsOf: fixtures.appendingPathComponent("registry-v3.sql"), encoding: .utf8)
    let database = try Database(path: cli.database, writeAheadLog: false)
    try database.execute(sql)
    return cli
  }

  static func expected(_ name: String) throws -> String {
    try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
  }

  /// The content digest each run's last audit entry recorded (the audit log is not migrated).
  static func recordedDigests(_ cli: CLI) throws -> [String: String] {
    let rows = try Database(path: cli.database).query(
      """
      SELECT substr(entity, 5), json_extract(details, '$.content_digest') FROM audit_log
      WHERE json_extract(details, '$.content_digest') IS NOT NULL ORDER BY id
      """
    ) { ($0.string(0), $0.string(1)) }
    return Dictionary(rows, uniquingKeysWith: { _, last in last })
  }

  /// The digest of each run as stored now, which must be the one recorded.
  static func storedDigests(_ cli: CLI) throws -> [String: String] {
    let registry = try SQLiteRegistry.open(path: cli.database, access: .read)
    var digests: [String: String] = [:]
    for run in try registry.runContentDigests() {
      #expect(run.recorded == run.current, "run \(run.run)")
      digests[run.run] = run.current
    }
    return digests
  }

  /// The big run's 200,000 points as the fixture generates them: 10 keys × 20,000 steps.
  static func checkBigRun(_ cli: CLI) throws {
    let csv = try cli.ok("run", "metrics", bigRun, "--key", "big3", "--format", "csv")
    let lines = csv.split(separator: "\n")
    #expect(lines.count == 20_001)
    #expect(lines[1] == "big3,0,2026-11-29T11:00:00Z,3.0")
    #expect(lines[1001] == "big3,1000,2026-11-29T11:00:00Z,3.0")
    #expect(lines[20_000] == "big3,19999,2026-11-29T11:00:00Z,127.875")
  }

  @Test func migratesARegistryWrittenByTheVersion3Binary() throws {
    let cli = try Self.oldRegistry()
    let before = try Self.recordedDigests(cli)
    #expect(before.count == 3)
    try cli.fails(78, "run", "metrics", Self.edgeRun)
    #expect(try cli.ok("db", "migrate").contains("0005_metric_chunks"))
    try cli.ok("db", "check")
    #expect(try Self.storedDigests(cli) == before)
    // The very output the version-3 binary printed: step order, NaN, ±Infinity, duplicates.
    #expect(
      try cli.run("run", "metrics", Self.edgeRun, "--format", "json").stdout
        == (try Self.expected("registry-v3-run-aaaa.json")))
    #expect(
      try cli.run("run", "metrics", Self.loggedRun, "--format", "json").stdout
        == (try Self.expected("registry-v3-run-logged.json")))
    try Self.checkBigRun(cli)
    let db = try Database(path: cli.database)
    #expect(
      try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE name IN ('metrics', 'metric_points')") == 0)
    #expect(try db.scalarInt("SELECT sum(count) FROM metric_chunks") == 200_030)
    // Writes after the migration append to the converted histories; retries add nothing.
    try cli.ok("run", "log", Self.loggedRun, "--metric", "loss=0.6@4", "--metric", "loss=0.9@0")
    let entries = try cli.ok("log", "--json")
    try cli.ok("run", "log", Self.loggedRun, "--metric", "loss=0.6@4")
    #expect(try cli.ok("log", "--json") == entries)
    let loss = try cli.ok("run", "metrics", Self.loggedRun, "--key", "loss", "--format", "csv")
    #expect(loss.split(separator: "\n").count == 1 + 7)
    try cli.ok("db", "check")
  }

  /// `pedigree db migrate` killed with SIGKILL at seeded random moments: each time the registry
  /// opens at version 3 or 5, never in between, and once migrated passes `db check` with every
  /// point.
  @Test func aKilledMigrationLeavesTheOldRegistryOrTheNew() throws {
    var schedule = SeededGenerator(seed: Self.seed)
    var outcomes: Set<Int64> = []
    for _ in 0..<Self.kills {
      let cli = try Self.oldRegistry()
      let process = try cli.spawn(["db", "migrate"])
      Thread.sleep(forTimeInterval: Double(Int.random(in: 0..<900, using: &schedule)) / 1000)
      process.kill()
      let version = try Database(path: cli.database).scalarInt("PRAGMA user_version") ?? -1
      // Each migration is its own transaction: a kill leaves the registry at one of them.
      #expect((3...Int64(Migration.latestVersion)).contains(version), "version \(version)")
      outcomes.insert(version)
      if version < Int64(Migration.latestVersion) { try cli.fails(78, "db", "check") }
      try cli.ok("db", "migrate")
      try cli.ok("db", "check")
      #expect(try Database(path: cli.database).scalarInt("SELECT sum(count) FROM metric_chunks") == 200_030)
    }
    try Self.checkBigRun(try Self.oldRegistry().migrated())
  }
}

extension CLI {
  /// The CLI after `pedigree db migrate`.
  func migrated() throws -> CLI {
    try ok("db", "migrate")
    return self
  }
}
