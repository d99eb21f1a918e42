import Foundation
import PedigreeCore
import PedigreeTestSupport
import Testing

/// The trait of a test that runs on PostgreSQL too.
let needsPostgresServer = ConditionTrait.enabled(if: PostgresServer.isAvailable, PostgresServer.hint)

/// The conformance of the two backends as a user sees it: the same story gives the same answers,
/// bad input is refused the same way and changes nothing, concurrent writers lose nothing, and
/// tampering behind Pedigree's back is caught. (PRODUCT.md, "Backends".)
@Suite(needsPostgresServer) struct PostgresBackendTests {
  /// The read commands whose JSON answers the differential test compares.
  static let questions: [[String]] = [
    ["model", "list"], ["model", "history", "fraud-detector"], ["lineage", "fraud-detector@production"],
    ["impact", "dataset:labels@1"], ["audit", "fraud-detector@production"],
    ["model", "show", "fraud-detector@production", "--at", "2026-11-23T10:00:00Z"],
    ["diff", "fraud-detector@2", "fraud-detector@3"], ["run", "search", "metrics.auc > 0.9"],
    ["run", "search", "metrics.loss < 0.5", "--order-by", "metrics.loss DESC"],
    ["run", "search", "params.lr LIKE '0.0%' or attributes.run_name ILIKE 'NAN%'"],
    [
      "model", "search", "run.metrics.auc > 0.9 and deprecated = false", "--order-by", "run.metrics.auc DESC",
    ],
    ["policy", "list"], ["dataset", "list"], ["run", "list"], ["db", "head"], ["db", "check"],
    ["log", "--limit", "200"],
  ]

  /// Runs that make NaN and ±Infinity matter: a NaN `auc` must not match `> 0.9` on either
  /// backend (PostgreSQL sorts NaN above every number), and infinities order the same.
  static let extraRuns = [
    #"{"experiment": "edge", "name": "nan-auc", "started_at": "2026-11-30T10:00:00Z", "params": {"lr": "0.05"}, "metrics": {"auc": "NaN", "loss": [[0, "Infinity"], [1, 0.25]]}}"#,
    #"{"experiment": "edge", "name": "inf-auc", "started_at": "2026-11-30T11:00:00Z", "params": {"lr": "0.5"}, "metrics": {"auc": "Infinity", "loss": [[0, "-Infinity"]]}}"#,
    #"{"experiment": "edge", "name": "Plain", "started_at": "2026-11-30T12:00:00Z", "params": {"lr": "1"}, "metrics": {"auc": 0.95, "loss": 0.4}}"#,
  ]

  @Test func oneStoryGivesTheSameAnswersOnBothBackends() throws {
    var answers: [Backend: [String]] = [:]
    for backend in Backend.allCases {
      let cli = try backend.cli()
      try cli.ok("demo")
      try cli.ok("run", "record", "-", input: Self.extraRuns.joined(separator: "\n") + "\n")
      try cli.ok("model", "rollback", "fraud-detector", "--reason", "differential test")
      answers[backend] = try Self.questions.map { question in
        let result = try cli.run(question + ["--json"])
        #expect(result.status == 0, "\(backend) \(question): \(result.stderr)")
        return Self.normalized(result.stdout)
      }
    }
    for (question, (sqlite, postgresql)) in zip(Self.questions, zip(answers[.sqlite]!, answers[.postgresql]!))
    {
      #expect(sqlite == postgresql, "pedigree \(question.joined(separator: " ")) answers differently")
    }
    let search = try #require(answers[.postgresql]?[7])
    #expect(!search.contains("nan-auc") && search.contains("inf-auc"), "NaN must not match > 0.9")
  }

  /// Run ids are random and the clock's times differ from one backend's run to the other's:
  /// each distinct run id (32 hex digits) and chain hash (64) becomes its order of first
  /// appearance, and every time (ISO or epoch milliseconds) `<time>`, so the answers must agree
  /// on everything else, order included, and on which ids are equal. The `registry.create`
  /// entry's list of migrations, which are each backend's own, is left out.
  static func normalized(_ text: String) -> String {
    var names: [Substring: String] = [:]
    let pattern =
      /\b[0-9a-f]{64}\b|\b[0-9a-f]{32}\b|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z|\b1\d{12}\b|"migration": "[^"]*"/
    // Simple word boundaries: under Unicode's, `run:5a01…` is one word and the id has none.
    return text.replacing(pattern.wordBoundaryKind(.simple)) { match in
      if match.output.0.hasPrefix("\"migration\"") { return "\"migration\": …" }
      if match.output.0.count < 32 || match.output.0.contains("T") { return "<time>" }
      if let name = names[match.output.0] { return name }
      let name = "<\(names.count)>"
      names[match.output.0] = name
      return name
    }
  }

  @Test(arguments: Backend.allCases) func badInputIsRefusedAndChangesNothing(_ backend: Backend) throws {
    let cli = try backend.cli()
    try cli.ok("init")
    try cli.ok("run", "record", "-", input: Self.extraRuns[2] + "\n")
    let before = try cli.ok("log", "--json")
    let cases: [(status: Int32, arguments: [String], input: String?)] = [
      (65, ["run", "record", "-"], #"{"experiment": "e", "params": {"lr": 1}, "metrics": {"auc": "x"}}"#),
      (64, ["run", "search", "metrics.auc >"], nil),
      (1, ["model", "show", "nope@1"], nil),
      (1, ["model", "rollback", "nope", "--reason", "none"], nil),
      (64, ["model", "register", "Bad Name!", "--run", "x", "--artifact", "y"], nil),
    ]
    for (status, arguments, input) in cases {
      let result = try cli.run(arguments, input: input)
      #expect(result.status == status, "\(backend) \(arguments): \(result.stderr)")
      #expect(result.stderr.hasPrefix("error: "), "\(backend) \(arguments): \(result.stderr)")
    }
    #expect(try cli.ok("log", "--json") == before, "\(backend): a refused command wrote")
  }

  @Test(arguments: Backend.allCases) func eightWritersAtOnceLoseNothing(_ backend: Backend) throws {
    let cli = try backend.cli()
    try cli.ok("init")
    let writers = 8
    let runsEach = 12
    let processes = try (0..<writers).map { writer in
      let lines = (0..<runsEach).map { run in
        #"{"experiment": "load", "name": "w\#(writer)-r\#(run)", "params": {"seed": "\#(run)"}, "metrics": {"loss": [[0, 1.0], [1, 0.5]]}, "outputs": [{"artifact": {"name": "m\#(writer)-\#(run)", "uri": "file:///m\#(writer)-\#(run)"}}], "register": {"model": "shared", "artifact": "m\#(writer)-\#(run)"}}"#
      }
      let file = try cli.write("writer-\(writer).jsonl", lines.joined(separator: "\n") + "\n")
      return try cli.spawn(["run", "record", file])
    }
    for process in processes {
      let result = process.invocation
      #expect(result.status == 0, "\(backend): \(result.stderr)")
    }
    guard case .array(let runs) = try JSONValue.parse(try cli.ok("run", "list", "--limit", "1000", "--json")),
      case .array(let models) = try JSONValue.parse(try cli.ok("model", "list", "--json")),
      let shared = models.first
    else { return #expect(Bool(false), "\(backend): run list or model list is not an array") }
    #expect(runs.count == writers * runsEach, "\(backend): runs lost")
    // Version numbers are unique (a constraint): as many as the largest means none was skipped.
    #expect(shared["versions"] == .integer(Int64(writers * runsEach)), "\(backend)")
    #expect(shared["latest_version"] == .integer(Int64(writers * runsEach)), "\(backend)")
    try cli.ok("db", "check")
  }

  @Test func tamperingWithPsqlIsCaught() throws {
    let cli = try Backend.postgresql.cli()
    try cli.ok("demo")
    let server = try PostgresServer.shared()
    let database = Backend.databaseName(cli)
    try cli.ok("db", "check")
    // Triggers refuse a plain edit…
    #expect(throws: (any Error).self) { try server.psql(database, "UPDATE params SET value = '9'") }
    // …so a tamperer turns them off for the session; the facts the audit chain recorded differ.
    _ = try server.psql(
      database,
      "SET session_replication_role = replica; UPDATE params SET value = '9' WHERE key = 'max_depth'")
    let edited = try cli.run("db", "check")
    #expect(edited.status == 65 && edited.stdout.contains("recorded_facts"), "\(edited.stdout)")
    // A dropped append-only trigger is schema drift; an edited entry breaks the chain.
    _ = try server.psql(
      database,
      """
      DROP TRIGGER audit_log_no_update ON audit_log;
      UPDATE audit_log SET actor = 'mallory' WHERE id = 3;
      """)
    let forged = try cli.run("db", "check")
    #expect(forged.status == 65, "\(forged.stdout)")
    #expect(forged.stdout.contains("audit_log_no_update is missing"), "\(forged.stdout)")
    #expect(forged.stdout.contains("audit entry 3: altered"), "\(forged.stdout)")
    // TRUNCATE is refused by a statement trigger (SQLite has no TRUNCATE to refuse).
    #expect(throws: (any Error).self) { try server.psql(database, "TRUNCATE alias_events") }
  }

  @Test func aDatabaseThatIsNotARegistryIsRefusedUntouched() throws {
    let server = try PostgresServer.shared()
    let name = try server.createDatabase("foreign")
    _ = try server.psql(name, "CREATE TABLE customers(id int); INSERT INTO customers VALUES (1)")
    let cli = CLI()
    cli.environment["PEDIGREE_DB"] = server.url(database: name)
    for arguments in [["init"], ["model", "list"], ["db", "migrate"]] {
      let result = try cli.run(arguments)
      #expect(result.status == 78, "\(arguments): \(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count <= 2 && result.stderr.hasPrefix("error: "))
    }
    #expect(try server.psql(name, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == "1\n")
    let empty = CLI()
    empty.environment["PEDIGREE_DB"] = server.url(database: try server.createDatabase("empty"))
    #expect(try empty.run("model", "list").status == 74, "an empty database is not a registry until init")
  }

  @Test func wrongCredentialsAreOneLineAnd74() throws {
    let server = try PostgresServer.shared()
    let role = PostgresServer.passwordRole
    let cli = CLI()
    cli.environment["PEDIGREE_DB"] = server.url(
      database: "postgres", user: role.name, password: "wrong-guess")
    let result = try cli.run("model", "list")
    #expect(result.status == 74, "\(result.stderr)")
    #expect(result.stderr.hasPrefix("error: cannot connect to") && !result.stderr.contains("wrong-guess"))
    #expect(result.stderr.split(separator: "\n").count <= 2, "\(result.stderr)")
  }

  @Test func anUnreachableServerIsOneLineAnd74() throws {
    let cli = CLI()
    cli.environment["PEDIGREE_DB"] = "postgresql://ana:secret@127.0.0.1:1/registry"
    let result = try cli.run("model", "list")
    #expect(result.status == 74)
    #expect(result.stderr.hasPrefix("error: cannot connect to postgresql://ana:***@127.0.0.1:1/registry"))
    #expect(!result.stderr.contains("secret"))
  }
}
