import Foundation
import PedigreeCore
import Testing

/// Issue 13: `pedigree model unalias NAME ALIAS` (or `NAME@ALIAS`), and what the other commands
/// then say about the removed alias; `pedigree log --action`.
@Suite struct AliasRemovalCommandTests {
  @Test func unaliasRemovesAndEveryCommandSeesItGone() throws {
    let cli = CLI()
    try cli.ok("demo")
    let removed = try cli.run(
      "model", "unalias", "fraud-detector", "staging", "--reason", "env retired", "--json")
    #expect(removed.status == 0, "\(removed.stderr)")
    let json = try removed.json()
    #expect(
      json["action"] == .string("remove") && json["to_version"] == .null && json["changed"] == .bool(true))
    #expect(json["from_version"] == .integer(4), "\(json)")

    let show = try cli.fails(1, "model", "show", "fraud-detector@staging")
    #expect(show.stderr.contains("removed it"), "\(show.stderr)")
    #expect(show.stderr.contains("model rollback fraud-detector --alias staging"), "\(show.stderr)")
    let history = try cli.ok("model", "history", "fraud-detector", "--alias", "staging")
    #expect(history.split(separator: "\n").last?.contains("remove") == true, "\(history)")
    #expect(history.contains("env retired"))
    let model = try cli.run("model", "show", "fraud-detector", "--json").json()
    #expect(!model.serialized().contains("\"staging\""), "\(model)")
    let earlier = try cli.run("model", "show", "fraud-detector", "--at", "1 day ago", "--json").json()
    #expect(earlier.serialized().contains("\"staging\""), "time travel before the removal: \(earlier)")
    let audit = try cli.ok("audit", "fraud-detector@4", "--format", "json")
    #expect(audit.contains("\"remove\""), "\(audit.prefix(3000))")
    let log = try cli.run("log", "--action", "model.unalias", "--json").json()
    #expect(log.arrayCount == 1 && log.serialized().contains("model:fraud-detector@staging"), "\(log)")
    let versionLog = try cli.ok("log", "--entity", "model:fraud-detector@4")
    #expect(versionLog.contains("model.unalias"), "a removal is a move off the version: \(versionLog)")
    try cli.ok("db", "check")

    // Again: nothing changes. The ref form works too.
    let again = try cli.run("model", "unalias", "fraud-detector@staging", "--json").json()
    #expect(again["changed"] == .bool(false))
    #expect(try cli.ok("model", "unalias", "fraud-detector@staging").contains("already removed"))
    // Rollback restores it.
    let restored = try cli.run("model", "rollback", "fraud-detector", "--alias", "staging", "--json").json()
    #expect(restored["to_version"] == .integer(4) && restored["from_version"] == .null, "\(restored)")
    #expect(try cli.ok("model", "show", "fraud-detector@staging").contains("fraud-detector@4"))
    try cli.ok("db", "check")
  }

  @Test func badUnaliasesFailWithTheirExitCodesAndChangeNothing() throws {
    let cli = CLI()
    try cli.ok("demo")
    // The demo's policy on production requires a reason (64).
    let reason = try cli.fails(64, "model", "unalias", "fraud-detector", "production")
    #expect(reason.stderr.contains("requires a reason"), "\(reason.stderr)")
    try cli.fails(1, "model", "unalias", "fraud-detector", "champion")
    try cli.fails(1, "model", "unalias", "no-such-model", "staging")
    try cli.fails(64, "model", "unalias", "fraud-detector", "123")
    try cli.fails(64, "model", "unalias", "fraud-detector@3")
    try cli.fails(64, "model", "unalias", "bad name", "staging")
    try cli.fails(74, "model", "unalias", "fraud-detector", "staging", "--db", cli.path("missing.db"))
    try cli.fails(64, "log", "--action", "model.promot")
  }

  @Test func logFiltersByActionOrArea() throws {
    let cli = CLI()
    try cli.ok("demo")
    let promotions = try cli.run("log", "--action", "model.promote", "--json").json()
    let models = try cli.run("log", "--action", "model", "--json").json()
    guard case .array(let promoted) = promotions, case .array(let all) = models else {
      Issue.record("not arrays: \(promotions) \(models)")
      return
    }
    #expect(!promoted.isEmpty && promoted.allSatisfy { $0["action"] == .string("model.promote") })
    #expect(all.count > promoted.count)
    #expect(all.allSatisfy { ($0["action"]?.stringValue ?? "").hasPrefix("model.") })
  }
}

extension JSONValue {
  fileprivate var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  fileprivate var arrayCount: Int? {
    if case .array(let values) = self { return values.count }
    return nil
  }
}
