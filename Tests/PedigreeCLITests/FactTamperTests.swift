import Foundation
import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

/// Every fact a command shows, edited, added or removed behind Pedigree's back, with the table's
/// triggers dropped and then created again from their own SQL (so the schema looks untouched): `db
/// check` exits 65 and names the entity (PRODUCT.md, "Tamper evidence"). The registry is written
/// by every command that writes, and checks clean before each tampering.
@Suite struct FactTamperTests {
  /// The registry every case starts from, written once through the real binary, and the names
  /// its findings use (run ids, artifact ids, the next event ids), read from it.
  nonisolated(unsafe) static let template: (cli: CLI, names: [String: String]) = {
    let cli = CLI()
    do {
      _ = try cli.ok("init")
      try TamperRegistry.write(cli)
      let db = try Database(path: cli.database, mode: .readWrite)
      _ = try db.scalarInt("PRAGMA wal_checkpoint(TRUNCATE)")
      var names: [String: String] = [:]
      for (name, sql) in TamperRegistry.names { names[name] = try db.scalarString(sql) ?? "?" }
      return (cli, names)
    } catch {
      Issue.record("writing the template registry: \(error)")
      return (cli, [:])
    }
  }()

  /// A fresh copy of the template registry.
  static func registry() throws -> CLI {
    let cli = CLI()
    try FileManager.default.copyItem(atPath: template.cli.database, toPath: cli.database)
    return cli
  }

  static func named(_ text: String) -> String {
    template.names.reduce(text) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
  }

  @Test func everyLegitimateWriteChecksClean() throws {
    let cli = try Self.registry()
    let report = try cli.ok("db", "check", "--json")
    #expect(report.contains(#""ok": true"#), "\(report)")
    #expect(try cli.ok("db", "check").hasPrefix("ok:"))
  }

  /// The forgery of the issue: an alias event's actor and reason rewritten, which `model history`
  /// then shows; `db check --json` names it among its problems, in area `recorded_facts`.
  @Test func aRewrittenAliasEventIsAProblemInJSON() throws {
    let cli = try Self.registry()
    let db = try Database(path: cli.database, mode: .readWrite)
    let trigger = try #require(
      try db.scalarString("SELECT sql FROM sqlite_master WHERE name = 'alias_events_no_update'"))
    try db.execute("DROP TRIGGER alias_events_no_update")
    try db.execute(
      "UPDATE alias_events SET actor = 'newcomer', reason = 'approved by review board' WHERE id = 2")
    try db.execute(trigger)
    #expect(try cli.ok("model", "history", "fraud").contains("newcomer"))
    let result = try cli.run("db", "check", "--json")
    #expect(result.status == 65)
    let report = try JSONValue.parse(result.stdout)
    #expect(report["ok"] == .bool(false))
    guard case .array(let problems)? = report["problems"] else {
      Issue.record("no problems array: \(result.stdout)")
      return
    }
    #expect(
      problems.contains {
        $0["area"] == .string("recorded_facts")
          && $0["message"] == .string("alias_event:2: actor, reason differ from audit entry 12")
      }, "\(result.stdout)")
  }

  @Test(arguments: TamperRegistry.tamperings)
  func dbCheckNamesTheEntity(_ tampering: TamperRegistry.Tampering) throws {
    let cli = try Self.registry()
    let db = try Database(path: cli.database, mode: .readWrite)
    try db.execute("PRAGMA foreign_keys = OFF")
    let triggers = try db.query(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", [.text(tampering.table)]
    ) { (name: $0.string(0), sql: $0.string(1)) }
    for trigger in triggers { try db.execute("DROP TRIGGER \(trigger.name)") }
    try db.execute(Self.named(tampering.sql))
    #expect(db.changes > 0, "\(tampering.name): the tampering changed nothing")
    for trigger in triggers { try db.execute(trigger.sql) }
    let result = try cli.run("db", "check")
    let finding = Self.named(tampering.finding)
    #expect(result.status == 65, "\(tampering.name): \(result.stdout) \(result.stderr)")
    #expect(result.errorLine != nil, "\(result.stderr)")
    #expect(result.stdout.contains(finding), "\(tampering.name): wanted \(finding) in \(result.stdout)")
    #expect(!result.stdout.contains("schema:"), "\(tampering.name): the triggers were restored")
  }
}
