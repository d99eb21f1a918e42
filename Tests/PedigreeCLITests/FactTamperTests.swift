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
      let db = try cli.openDatabase()
      if !cli.isPostgres { _ = try db.scalarInt("PRAGMA wal_checkpoint(TRUNCATE)") }
      var names: [String: String] = [:]
      for (name, sql) in TamperRegistry.names { names[name] = try db.scalarString(sql) ?? "?" }
      return (cli, names)
    } catch {
      Issue.record("writing the template registry: \(error)")
      return (cli, [:])
    }
  }()

  /// A fresh copy of the template registry (on PostgreSQL a database made from it as template).
  static func registry() throws -> CLI {
    let cli = CLI()
    guard cli.isPostgres else {
      try FileManager.default.copyItem(atPath: template.cli.database, toPath: cli.database)
      return cli
    }
    let server = try PostgresServer.shared()
    let copy = try server.createDatabase("tamper", template: Backend.databaseName(template.cli))
    cli.environment["PEDIGREE_DB"] = server.url(database: copy)
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
    try cli.behindPedigreesBack(table: "alias_events") { db in
      try db.execute(
        "UPDATE alias_events SET actor = 'newcomer', reason = 'approved by review board' WHERE id = 2")
    }
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
    try cli.behindPedigreesBack(table: tampering.table) { db in
      try db.execute(Self.named(tampering.sql(for: cli)))
      #expect(db.changes > 0, "\(tampering.name): the tampering changed nothing")
    }
    let result = try cli.run("db", "check")
    let finding = Self.named(tampering.finding)
    #expect(result.status == 65, "\(tampering.name): \(result.stdout) \(result.stderr)")
    #expect(result.errorLine != nil, "\(result.stderr)")
    #expect(result.stdout.contains(finding), "\(tampering.name): wanted \(finding) in \(result.stdout)")
    #expect(!result.stdout.contains("schema:"), "\(tampering.name): the triggers were restored")
  }
}
