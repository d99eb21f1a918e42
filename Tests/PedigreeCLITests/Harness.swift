import Foundation
import PedigreeCore
import PedigreePostgres
import PedigreeSQLite
import PedigreeTestSupport
import Testing

/// Runs the real `pedigree` binary in a temporary directory, as a user would.
final class CLI {
  static let binary: URL = {
    // The test bundle sits in .build/<config>/; the executable is built beside it.
    var directory = Bundle.main.bundleURL
    for _ in 0..<4 {
      let candidate = directory.appendingPathComponent("pedigree")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory.deleteLastPathComponent()
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return root.appendingPathComponent(".build/debug/pedigree")
  }()

  /// The test's own directory (removed with the value): the registry, files, process output.
  let scratch = TemporaryDirectory("pedigree-cli")
  var directory: String { scratch.path }
  var environment: [String: String]
  /// A command that `spawn` runs the binary through (`setpriv …` to run as another user).
  var launcher: [String] = []

  /// A CLI whose registry location is of `Backend.underTest`: `reg.db` in the test's directory,
  /// or a new empty database on the tests' PostgreSQL server (`PEDIGREE_TEST_BACKEND=postgresql`).
  init() {
    var environment = ProcessInfo.processInfo.environment
    environment["PEDIGREE_DB"] = scratch.file("reg.db")
    environment["PEDIGREE_ACTOR"] = "tester"
    self.environment = environment
    if Backend.underTest == .postgresql {
      do {
        let server = try PostgresServer.shared()
        self.environment["PEDIGREE_DB"] = server.url(database: try server.createDatabase("cli"))
      } catch {
        Issue.record("the PostgreSQL pass needs its server: \(error)")
      }
    }
  }

  /// The registry's default artifact store: `<registry>.artifacts` beside a file, `pedigree-artifacts`
  /// in the working directory (the test's) for a PostgreSQL registry.
  var artifacts: String { isPostgres ? path("pedigree-artifacts") : database + ".artifacts" }

  /// Whether the registry is a PostgreSQL database.
  var isPostgres: Bool { database.hasPrefix("postgresql://") }

  /// Runs `body` on the registry's database with the append-only triggers of `table` out of the
  /// way, as someone editing it behind Pedigree's back would: on SQLite they are dropped (with
  /// foreign keys off) and created again from their own SQL afterwards, so the schema looks
  /// untouched; on PostgreSQL the session's `session_replication_role` is `replica`, which
  /// fires no trigger (a superuser's way around them).
  func behindPedigreesBack(table: String, _ body: (Database) throws -> Void) throws {
    let db = try openDatabase()
    if isPostgres {
      try db.execute("SET session_replication_role = replica")
      try body(db)
      try db.execute("SET session_replication_role = DEFAULT")
      return
    }
    try db.execute("PRAGMA foreign_keys = OFF")
    let triggers = try db.query(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", [.text(table)]
    ) { (name: $0.string(0), sql: $0.string(1)) }
    for trigger in triggers { try db.execute("DROP TRIGGER \(trigger.name)") }
    try body(db)
    for trigger in triggers { try db.execute(trigger.sql) }
  }

  /// The registry's database opened directly, for a test to look inside or tamper with it: the
  /// SQLite file, or the PostgreSQL database.
  func openDatabase() throws -> Database {
    isPostgres
      ? try Database(postgres: PostgresURL(database)) : try Database(path: database, mode: .readWrite)
  }

  /// A CLI whose registry exists: `pedigree init` has run. Only `init` and `demo` create a
  /// registry; every other command on a missing file fails (74).
  static func initialized(sourceLocation: SourceLocation = #_sourceLocation) throws -> CLI {
    let cli = CLI()
    let result = try cli.run("init")
    #expect(result.status == 0, "pedigree init: \(result.stderr)", sourceLocation: sourceLocation)
    return cli
  }

  var database: String { environment["PEDIGREE_DB"] ?? "" }

  func path(_ name: String) -> String { scratch.file(name) }

  /// Writes a file in the test directory and returns its path.
  @discardableResult
  func write(_ name: String, _ contents: String) throws -> String {
    try scratch.write(name, contents)
  }

  /// Runs `pedigree ARGS…`, feeding `input` on stdin.
  @discardableResult
  func run(_ arguments: String..., input: String? = nil) throws -> Invocation {
    try run(arguments, input: input)
  }

  func run(_ arguments: [String], input: String? = nil) throws -> Invocation {
    let stdin = try input.map { try write("stdin-\(UUID().uuidString)", $0) }
    return try spawn(arguments, stdin: stdin).invocation
  }

  /// Runs a command that must succeed and returns its trimmed stdout.
  @discardableResult
  func ok(_ arguments: String..., input: String? = nil, sourceLocation: SourceLocation = #_sourceLocation)
    throws -> String
  {
    try ok(arguments, input: input, sourceLocation: sourceLocation)
  }

  @discardableResult
  func ok(_ arguments: [String], input: String? = nil, sourceLocation: SourceLocation = #_sourceLocation)
    throws -> String
  {
    let result = try run(arguments, input: input)
    #expect(
      result.status == 0, "pedigree \(arguments.joined(separator: " ")): \(result.stderr)",
      sourceLocation: sourceLocation)
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Runs a command that must fail with `status` and one `error:` line, changing nothing in the
  /// registry (its bytes are compared before and after when it exists).
  @discardableResult
  func fails(
    _ status: Int32, _ arguments: String..., input: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Invocation {
    try fails(status, arguments, input: input, sourceLocation: sourceLocation)
  }

  @discardableResult
  func fails(
    _ status: Int32, _ arguments: [String], input: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Invocation {
    let before = snapshot()
    let result = try run(arguments, input: input)
    let command = "pedigree \(arguments.joined(separator: " "))"
    #expect(
      result.status == status, "\(command): exit \(result.status), stderr: \(result.stderr)",
      sourceLocation: sourceLocation)
    #expect(
      result.errorLine != nil, "\(command): expected one error: line, got \(result.stderr)",
      sourceLocation: sourceLocation)
    #expect(snapshot() == before, "\(command) changed the registry", sourceLocation: sourceLocation)
    return result
  }

  /// The registry's logical content: every row of every table, so a failed command that wrote
  /// anything is caught (WAL files make byte comparison of the main file meaningless). Empty when
  /// there is no registry file; a registry file that cannot be read is a recorded issue, never an
  /// empty snapshot that any other empty snapshot would equal.
  func snapshot(sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    guard isPostgres || FileManager.default.fileExists(atPath: database) else { return [] }
    do {
      let db = try openDatabase()
      let tables =
        isPostgres
        ? try db.query("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1") {
          $0.string(0)
        }
        : try db.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") { $0.string(0) }
      if isPostgres && tables.isEmpty { return [] }  // an empty database: no registry yet
      guard !tables.isEmpty else {
        Issue.record(
          "\(database) exists but holds no tables: the registry-unchanged check cannot compare it",
          sourceLocation: sourceLocation)
        return ["unreadable: no tables"]
      }
      return try tables.flatMap { table in
        try db.query("SELECT * FROM \"\(table)\"") { row in
          "\(table): " + (0..<row.count).map { "\(row.value($0))" }.joined(separator: "|")
        }
      }.sorted()
    } catch {
      Issue.record(
        "cannot read the registry \(database) to check it is unchanged: \(error)",
        sourceLocation: sourceLocation)
      return ["unreadable: \(error)"]
    }
  }
}

extension JSONValue {
  /// The `runs` list of a `run record --json` document (empty when there is none).
  var runs: [JSONValue] {
    if case .array(let runs)? = self["runs"] { return runs }
    return []
  }
}
