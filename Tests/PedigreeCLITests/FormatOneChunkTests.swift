import Foundation
import PedigreeSQLite
import Testing

/// Chunk format 2 needs no migration: a registry written at schema 9 by the previous binary
/// (Fixtures/registry-v9.sql, made by Fixtures/make-registry-v9.sh), whose chunks are all format
/// 1, reads back exactly as that binary printed it once migrated to the latest schema (the later
/// migrations leave chunks alone), checks clean, and takes format-2 chunks that merge with the old
/// ones.
@Suite(sqliteOnly) struct FormatOneChunkTests {
  static let run = "0123456789abcdef0123456789abcdef"

  static func oldRegistry() throws -> CLI {
    let cli = CLI()
    let sql = try String(
      contentsOf: MigrationTests.fixtures.appendingPathComponent("registry-v9.sql"), encoding: .utf8)
    try Database(path: cli.database, writeAheadLog: false).execute(sql)
    return cli
  }

  static func formats(_ cli: CLI) throws -> [Int64] {
    try Database(path: cli.database).query(
      "SELECT unicode(substr(points, 1, 1)) FROM metric_chunks ORDER BY id"
    ) { $0.int64(0) }
  }

  @Test func aFormatOneRegistryReadsAsBeforeAndTakesNewChunks() throws {
    let cli = try Self.oldRegistry()
    #expect(try Set(Self.formats(cli)) == [1])
    try cli.ok("db", "migrate")
    #expect(try Set(Self.formats(cli)) == [1])
    let printed = try MigrationTests.expected("registry-v9-metrics.csv")
      .trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(try cli.ok("run", "metrics", Self.run, "--format", "csv") == printed)
    try cli.ok("db", "check")

    // Step 4 already holds three loss points; 0.125 there is a fourth, 9999 a new last step.
    try cli.ok(
      "run", "log", String(Self.run.prefix(8)), "--metric", "loss=0.125@4", "--metric", "loss=0.5@9999",
      "--metric", "special=-inf@3")
    #expect(try Self.formats(cli).last == 2)
    let lines = try cli.ok("run", "metrics", Self.run, "--key", "loss", "--format", "csv")
      .split(separator: "\n")
    let old = printed.split(separator: "\n").filter { $0.hasPrefix("loss,") }
    #expect(lines.count == old.count + 3)
    let stepFour = lines.filter { $0.hasPrefix("loss,4,") }
    #expect(stepFour.count == 4 && stepFour.contains { $0.hasSuffix(",0.125") })
    #expect(lines.last?.hasPrefix("loss,9999,") == true && lines.last?.hasSuffix(",0.5") == true)
    #expect(
      Array(lines.dropFirst().filter { !$0.hasPrefix("loss,4,") && !$0.hasPrefix("loss,9999,") })
        == old.filter { !$0.hasPrefix("loss,4,") })
    try cli.ok("db", "check")
    // An existing registry keeps its page size.
    #expect(try Database(path: cli.database).scalarInt("PRAGMA page_size") == 4096)
  }
}
