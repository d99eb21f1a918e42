import Foundation
import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

/// `db head` and `db check --head` (PRODUCT.md, "Tamper evidence"): a head published outside the
/// registry catches what the hash chain alone cannot, a history rewritten with every hash
/// recomputed and a copy restored from before the head; and the chain's format
/// (docs/AUDIT-CHAIN.md) is checked by a Python script that shares no code with Pedigree.
@Suite struct AuditHeadTests {
  /// `python3` on PATH, or `nil` (the script tests are then skipped, saying why).
  static let python: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/python3" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }()

  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Scripts/verify_chain.py").path

  /// A registry filled by `pedigree demo`.
  static func demo() throws -> CLI {
    let cli = CLI()
    try cli.ok("demo")
    return cli
  }

  /// Runs `verify_chain.py` on `database`.
  static func verify(_ database: String, _ arguments: String...) throws -> Invocation {
    try Spawned.run(try #require(python), [script, database] + arguments)
  }

  /// SQL run with the audit log's append-only triggers out of the way (`CLI.behindPedigreesBack`).
  static func behindPedigreesBack(_ cli: CLI, _ body: (Database) throws -> Void) throws {
    try cli.behindPedigreesBack(table: "audit_log", body)
  }

  static func entryHash(_ cli: CLI, _ id: Int64) throws -> String {
    try #require(
      try cli.openDatabase().scalarString(
        "SELECT hash FROM audit_log WHERE id = ?", [.integer(id)]))
  }

  @Test func headPrintsTheLastEntryAndItsHash() throws {
    let cli = try Self.demo()
    let db = try cli.openDatabase()
    let last = try #require(try db.scalarInt("SELECT max(id) FROM audit_log"))
    let hash = try Self.entryHash(cli, last)
    #expect(try cli.ok("db", "head") == "\(last):\(hash)")

    let json = try cli.run("db", "head", "--json").json()
    #expect(json["entry"] == .integer(last))
    #expect(json["hash"] == .string(hash))
    #expect(json["head"] == .string("\(last):\(hash)"))
    let at = try #require(try db.scalarInt("SELECT at FROM audit_log WHERE id = ?", [.integer(last)]))
    #expect(json["at"] == .string(Timestamp(milliseconds: at).iso8601Milliseconds))

    // A write moves the head on.
    try cli.ok("model", "deprecate", "fraud-detector@1", "--reason", "leak")
    #expect(try cli.ok("db", "head").hasPrefix("\(last + 1):"))
  }

  @Test func checkHeadAcceptsTheCurrentAndAnOlderHead() throws {
    let cli = try Self.demo()
    let head = try cli.ok("db", "head")
    #expect(try cli.ok("db", "check", "--head", head).hasPrefix("ok:"))
    #expect(try cli.ok("db", "check", "--head", "3:\(try Self.entryHash(cli, 3))").hasPrefix("ok:"))
    // Hex digits in either case.
    #expect(try cli.ok("db", "check", "--head", head.uppercased()).hasPrefix("ok:"))
    let json = try cli.run("db", "check", "--head", head, "--json").json()
    #expect(json["ok"] == .bool(true))
  }

  @Test func checkHeadRejectsAWrongHashAndAHeadBeyondTheChain() throws {
    let cli = try Self.demo()
    let wrong = try cli.fails(65, "db", "check", "--head", "3:" + String(repeating: "a", count: 64))
    #expect(wrong.errorLine?.contains("audit entry 3:") == true, "\(wrong.stderr)")
    #expect(wrong.stdout.contains("history up to entry 3 was rewritten"), "\(wrong.stdout)")

    let beyond = try cli.fails(65, "db", "check", "--head", "9999:" + String(repeating: "b", count: 64))
    #expect(beyond.errorLine?.contains("audit entry 9999: missing") == true, "\(beyond.stderr)")
  }

  @Test(sqliteOnly) func checkHeadCatchesACopyRestoredFromBeforeTheHead() throws {
    let cli = try Self.demo()
    let old = cli.path("old.db")
    try cli.openDatabase().execute("VACUUM INTO '\(old)'")
    try cli.ok("model", "deprecate", "fraud-detector@1", "--reason", "leak")
    let head = try cli.ok("db", "head")
    try cli.ok("db", "check", "--db", old)  // the old copy is self-consistent
    let result = try cli.fails(65, "db", "check", "--db", old, "--head", head)
    let entry = head.prefix { $0 != ":" }
    #expect(result.errorLine?.contains("audit entry \(entry): missing") == true, "\(result.stderr)")
  }

  @Test(arguments: [
    "", "12", "12:", ":" + String(repeating: "a", count: 64), "0:" + String(repeating: "a", count: 64),
    "-1:" + String(repeating: "a", count: 64), "+3:" + String(repeating: "a", count: 64),
    "3:" + String(repeating: "a", count: 63), "3:" + String(repeating: "g", count: 64),
    "3:" + String(repeating: "a", count: 64) + ":x", "audit:3:" + String(repeating: "a", count: 64),
  ])
  func checkHeadRefusesAMalformedHead(_ value: String) throws {
    let cli = try CLI.initialized()
    let result = try cli.fails(64, "db", "check", "--head=\(value)")
    #expect(result.errorLine?.contains("head") == true, "\(result.stderr)")
  }

  /// A tamperer edits entry 3 and recomputes every hash after it: the chain is self-consistent, so
  /// plain `db check` (and an independent verifier) accepts it; the head published before does not.
  @Test func checkHeadCatchesARewrittenAndRehashedChain() throws {
    let cli = try Self.demo()
    let published = try cli.ok("db", "head")
    try Self.behindPedigreesBack(cli) { db in
      try db.execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 3")
      let entries = try db.query(
        "SELECT id, at, actor, action, entity, details, prev_hash, hash FROM audit_log ORDER BY id",
        [], AuditEntry.init(row:))
      var previous = AuditChain.genesis
      for entry in entries {
        let hash = AuditChain.hash(
          previous: previous, id: entry.id, at: entry.at, actor: entry.actor, action: entry.action,
          entity: entry.entity, details: entry.details)
        try db.run(
          "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?",
          [.text(previous), .text(hash), .integer(entry.id)])
        previous = hash
      }
    }
    #expect(try cli.ok("db", "check").hasPrefix("ok:"))
    let entry = published.prefix { $0 != ":" }
    let result = try cli.fails(65, "db", "check", "--head", published)
    #expect(result.errorLine?.contains("audit entry \(entry):") == true, "\(result.stderr)")
    // Entries before the rewrite still match their published hashes.
    try cli.ok("db", "check", "--head", "2:\(try Self.entryHash(cli, 2))")
  }

  @Test(
    sqliteOnly,  // the script reads an SQLite file
    .enabled(if: python != nil, "python3 is not on PATH: the independent chain check is skipped"))
  func anIndependentScriptVerifiesTheChain() throws {
    let cli = try Self.demo()
    let verified = try Self.verify(cli.database)
    #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
    #expect(verified.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == (try cli.ok("db", "head")))

    try Self.behindPedigreesBack(cli) { db in
      try db.execute(#"UPDATE audit_log SET details = '{"forged":true}' WHERE id = 4"#)
    }
    let broken = try Self.verify(cli.database)
    #expect(broken.status == 1, "\(broken.stdout) \(broken.stderr)")
    #expect(broken.stdout.contains("broken at entry 4"), "\(broken.stdout)")
  }

  /// The script's rewrite (every hash recomputed from the format document alone) passes Pedigree's
  /// own chain check, so the two agree on the format; the published head still catches it.
  @Test(
    sqliteOnly,  // the script reads an SQLite file
    .enabled(if: python != nil, "python3 is not on PATH: the independent chain check is skipped"))
  func aScriptRehashedChainPassesTheChainButNotTheHead() throws {
    let cli = try Self.demo()
    let published = try cli.ok("db", "head")
    try Self.behindPedigreesBack(cli) { db in
      try db.execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 5")
      let rehashed = try Self.verify(cli.database, "--rehash")
      #expect(rehashed.status == 0, "\(rehashed.stdout) \(rehashed.stderr)")
    }
    #expect(try cli.ok("db", "check").hasPrefix("ok:"))
    try cli.fails(65, "db", "check", "--head", published)
  }
}
