import Foundation
import PedigreeCore
import PedigreePostgres
import PedigreeSQLite
import Testing

@Suite struct WriteCommandTests {
  static let digest = "sha256:" + String(repeating: "ab", count: 32)

  @Test func initIsIdempotentAndWritesNothingTheSecondTime() throws {
    let cli = CLI()
    #expect(try cli.ok("init").contains("initialised"))
    let before = cli.snapshot()
    #expect(try cli.ok("init").contains("up to date"))
    #expect(cli.snapshot() == before)
    let json = try cli.run("init", "--json").json()
    #expect(json["schema_version"] == .integer(Int64(Migration.latestVersion)))
    #expect(json["applied"] == .array([]))
  }

  @Test func readCommandsOnAMissingRegistryFailAndSuggestInit() throws {
    let cli = CLI()
    let result = try cli.fails(74, "db", "status")
    #expect(result.stderr.contains("pedigree init"))
    #expect(!FileManager.default.fileExists(atPath: cli.database))
    try cli.fails(74, "verify", "m@1", "--file", "x")
  }

  @Test func datasetRegisterPrintsTheRefAndIsIdempotentOnContent() throws {
    let cli = try CLI.initialized()
    let data = try cli.write("tx.csv", "id,amount\n1,2\n")
    #expect(
      try cli.ok("dataset", "register", "tx", "--uri", "s3://b/tx.csv", "--file", data, "--rows", "1")
        == "tx@1")
    #expect(try cli.ok("dataset", "register", "tx", "--uri", "s3://b/tx.csv", "--file", data) == "tx@1")
    #expect(try cli.ok("dataset", "register", "tx", "--uri", "s3://b/other") == "tx@2")
    let json = try cli.run("dataset", "register", "tx", "--uri", "s3://b", "--digest", Self.digest, "--json")
      .json()
    #expect(json["ref"] == .string("dataset:tx@3"))
    #expect(json["digest"] == .string(Self.digest))
    #expect(json["created"] == .bool(true))
  }

  @Test func datasetRegisterRejectsBadInput() throws {
    let cli = CLI()
    try cli.ok("init")
    try cli.fails(64, "dataset", "register", "bad name", "--uri", "x")
    try cli.fails(64, "dataset", "register", "tx", "--uri", "x", "--digest", "sha256:zz")
    try cli.fails(64, "dataset", "register", "tx", "--uri", "x", "--rows", "-5")
    try cli.fails(64, "dataset", "register", "tx", "--uri", "x", "--tag", "novalue")
    try cli.fails(74, "dataset", "register", "tx", "--uri", "x", "--file", cli.path("missing.csv"))
    try cli.fails(64, "dataset", "register", "tx")
    try cli.fails(64, "dataset", "register", String(repeating: "n", count: 129), "--uri", "x")
  }

  @Test func runLifecycle() throws {
    let cli = try CLI.initialized()
    try cli.ok("dataset", "register", "tx", "--uri", "s3://tx", "--digest", Self.digest)
    let run = try cli.ok(
      "run", "start", "--experiment", "fraud", "--param", "lr=0.01", "--input", "tx@1", "--git-commit",
      "9f2c1e7")
    #expect(run.count == 32)
    let prefix = String(run.prefix(8))
    try cli.ok("run", "log", prefix, "--metric", "loss=0.5@1", "--metric", "auc=nan", "--param", "lr=0.01")
    let changed = try cli.fails(2, "run", "log", prefix, "--param", "lr=0.02", "--metric", "loss=0.1@2")
    #expect(changed.stderr.contains("immutable"))
    try cli.fails(64, "run", "log", prefix, "--metric", "loss=abc")
    try cli.fails(64, "run", "log", prefix, "--metric", "loss=1@x")
    try cli.fails(1, "run", "log", "abcdef123456", "--metric", "loss=1")
    try cli.fails(64, "run", "log", "abc", "--metric", "loss=1")
    try cli.fails(1, "run", "log", prefix, "--input", "tx@9")
    try cli.fails(64, "run", "log", prefix)
    #expect(try cli.ok("run", "end", prefix, "--status", "failed").contains("failed"))
    try cli.fails(2, "run", "end", prefix)
    try cli.fails(64, "run", "end", prefix, "--status", "exploded")
  }

  /// Changing several tags of a run in one `run log` (or a param and a tag) failed with exit 2,
  /// "UNIQUE constraint failed: pedigree_touched…", before the fact-tracking triggers stopped
  /// inheriting the tag upsert's conflict policy.
  @Test func runLogChangesSeveralTagsAtOnce() throws {
    let cli = try CLI.initialized()
    let run = try cli.ok("run", "start", "--tag", "a=1", "--tag", "b=1")
    try cli.ok("run", "log", run, "--tag", "a=2", "--tag", "b=2")
    try cli.ok("run", "log", run, "--param", "lr=0.1", "--tag", "a=3")
    let shown = try cli.run("run", "show", run, "--json").json()
    #expect(shown["tags"] == .object(["a": .string("3"), "b": .string("2")]))
    #expect(try cli.ok("db", "check").hasPrefix("ok"))
  }

  @Test func modelRegisterPromoteRollback() throws {
    let cli = try CLI.initialized()
    let run = try cli.ok("run", "start")
    let files = try (1...3).map { try cli.write("m\($0).onnx", "weights \($0)") }
    for (index, file) in files.enumerated() {
      #expect(
        try cli.ok("model", "register", "fraud", "--run", run, "--artifact", file) == "fraud@\(index + 1)")
    }
    #expect(try cli.ok("model", "register", "fraud", "--run", run, "--artifact", files[0]) == "fraud@1")
    for version in 1...3 { try cli.ok("model", "promote", "fraud@\(version)", "--to", "production") }
    let back = try cli.run("model", "rollback", "fraud", "--reason", "bad precision", "--json").json()
    #expect(back["from_version"] == .integer(3) && back["to_version"] == .integer(2))
    #expect(try cli.ok("model", "rollback", "fraud") == "fraud@production: fraud@2 → fraud@1")
    let nowhere = try cli.fails(2, "model", "rollback", "fraud")
    #expect(nowhere.stderr.contains("nothing to roll back to"))
    try cli.ok("model", "deprecate", "fraud@2", "--reason", "leak")
    try cli.fails(2, "model", "rollback", "fraud", "--to", "2")
    try cli.fails(2, "model", "promote", "fraud@2", "--to", "production")
    try cli.fails(2, "model", "deprecate", "fraud@2", "--reason", "again")
    #expect(try cli.ok("model", "rollback", "fraud", "--to", "3") == "fraud@production: fraud@1 → fraud@3")
    #expect(try cli.ok("model", "promote", "fraud@3", "--to", "production").contains("nothing changed"))
  }

  @Test func modelErrors() throws {
    let cli = try CLI.initialized()
    let run = try cli.ok("run", "start")
    try cli.write("m.onnx", "w")
    try cli.ok("model", "register", "fraud", "--run", run, "--artifact", cli.path("m.onnx"))
    let typo = try cli.fails(1, "model", "promote", "fraud-detectr@1", "--to", "production")
    _ = typo
    let suggestion = try cli.fails(1, "model", "rollback", "frad")
    #expect(suggestion.stderr.contains("did you mean fraud?"))
    try cli.fails(1, "model", "promote", "fraud@7", "--to", "production")
    try cli.fails(1, "model", "rollback", "fraud", "--alias", "staging")
    try cli.fails(64, "model", "promote", "fraud@1", "--to", "42")
    try cli.fails(64, "model", "promote", "fraud@1")
    try cli.fails(74, "model", "register", "fraud", "--run", run, "--artifact", cli.path("nope.onnx"))
    try cli.fails(1, "model", "register", "fraud", "--run", "ffffff000000", "--artifact", "s3://m")
    try cli.fails(64, "model", "register", "Bad Name", "--run", run, "--artifact", "s3://m")
    try cli.fails(64, "model", "deprecate", "fraud@1")
    try cli.fails(64, "model", "frobnicate")
  }

  @Test func verifyComparesDigests() throws {
    let cli = try CLI.initialized()
    let run = try cli.ok("run", "start")
    let file = try cli.write("m.onnx", "weights")
    try cli.ok("model", "register", "fraud", "--run", run, "--artifact", file, "--alias", "production")
    #expect(try cli.ok("verify", "fraud@production", "--file", file).hasPrefix("OK"))
    let other = try cli.write("other.onnx", "tampered")
    let mismatch = try cli.fails(65, "verify", "fraud@1", "--file", other)
    #expect(mismatch.stderr.contains("does not match"))
    try cli.ok("model", "register", "nodigest", "--run", run, "--artifact", "s3://bucket/m.onnx")
    try cli.fails(2, "verify", "nodigest@1", "--file", file)
    try cli.fails(74, "verify", "fraud@1", "--file", cli.path("missing"))
  }

  @Test func unusableDatabasePaths() throws {
    let cli = CLI()
    try cli.fails(74, "init", "--db", cli.path("no/such/dir/reg.db"))
    try cli.fails(74, "dataset", "register", "tx", "--uri", "x", "--db", cli.directory)
    let text = try cli.write("notes.txt", String(repeating: "not a database\n", count: 100))
    let before = try Data(contentsOf: URL(fileURLWithPath: text))
    try cli.fails(78, "init", "--db", text)
    try cli.fails(78, "run", "start", "--db", text)
    #expect(try Data(contentsOf: URL(fileURLWithPath: text)) == before)
  }

  @Test func aWriterBlockedPastTheTimeoutExits75AndReadersCarryOn() throws {
    let cli = try CLI.initialized()
    try cli.ok("run", "start", "--name", "before")
    cli.environment["PEDIGREE_BUSY_TIMEOUT_MS"] = "200"
    let holder = try cli.openDatabase()
    // The writers' lock: SQLite's file lock, or PostgreSQL's audit chain lock.
    try holder.execute(
      cli.isPostgres
        ? "BEGIN; SELECT pg_advisory_xact_lock(\(PostgresConnection.auditChainLockKey))" : "BEGIN IMMEDIATE")
    let blocked = try cli.run("run", "start", "--name", "blocked")
    #expect(blocked.status == 75, "\(blocked.stderr)")
    #expect(blocked.errorLine?.contains("busy") == true, "\(blocked.stderr)")
    let list = try cli.run("run", "list", "--json").json()
    guard case .array(let runs) = list else { Issue.record("run list --json is not an array"); return }
    #expect(runs.count == 1, "a reader is not blocked by the writer's lock (WAL)")
    try holder.execute("ROLLBACK")
    try cli.ok("run", "start", "--name", "after")
    #expect(try holder.query("SELECT name FROM runs ORDER BY id") { $0.string(0) } == ["before", "after"])
  }

  @Test func actorIsRecorded() throws {
    let cli = try CLI.initialized()
    try cli.ok("run", "start", "--actor", "ana")
    cli.environment["PEDIGREE_ACTOR"] = "bob"
    try cli.ok("run", "start")
    let db = try cli.openDatabase()
    #expect(try db.query("SELECT actor FROM runs ORDER BY id") { $0.string(0) } == ["ana", "bob"])
    #expect(
      try db.query("SELECT actor FROM audit_log WHERE action = 'run.start' ORDER BY id") { $0.string(0) } == [
        "ana", "bob",
      ])
  }

  @Test func demoFillsAFreshRegistryOnce() throws {
    let cli = CLI()
    let output = try cli.ok("demo")
    #expect(output.contains("pedigree lineage fraud-detector@production"))
    try cli.fails(2, "demo")
    let db = try cli.openDatabase()
    #expect(try db.scalarInt("SELECT count(*) FROM runs") == 9)
    #expect(try db.scalarInt("SELECT count(*) FROM model_versions") == 6)
    #expect(try AuditChain.verify(db) == nil)
  }
}
