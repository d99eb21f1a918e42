import Foundation
import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

/// The bad-input catalogue (PRODUCT.md, "Reliability and bad input"): one row per bad input,
/// across every command, the run-record format and the database file itself. Each must print
/// exactly one `error:` line containing the row's text, exit with the row's code, and leave every
/// database file byte-identical (the main file and its WAL) and its content unchanged.
@Suite struct BadInputTests {
  /// One bad input. In `arguments`, `{NAME}` is replaced by the fixture's value of that name (a
  /// run id, a file) and `{FF}` by the byte 0xFF (invalid UTF-8). `stdin` is fed to the process.
  struct Case: Sendable {
    let arguments: [String]
    var stdin: String? = nil
    let status: Int32
    let error: String

    init(_ status: Int32, _ error: String, _ arguments: [String], stdin: String? = nil) {
      self.status = status
      self.error = error
      self.arguments = arguments
      self.stdin = stdin
    }
  }

  static let digest = "sha256:" + String(repeating: "ab", count: 32)
  static let valid = RecordCommandTests.record

  static let cases: [Case] = [
    // The run-record format, on stdin.
    Case(65, "malformed JSON", ["run", "record", "-"], stdin: #"{"name": "x", "params": {"lr": "#),
    Case(65, "malformed JSON", ["run", "record", "-"], stdin: String(valid.prefix(valid.count / 2))),
    Case(65, "malformed JSON", ["run", "record", "-"], stdin: #"{"name": "x"} {"name": "y"}x"#),
    Case(65, "expected an object, found null", ["run", "record", "-"], stdin: "null"),
    Case(65, "params.lr: expected a string", ["run", "record", "-"], stdin: #"{"params": {"lr": [1]}}"#),
    Case(
      65, "metrics.auc: expected a number", ["run", "record", "-"], stdin: #"{"metrics": {"auc": "high"}}"#),
    Case(65, "expected [step, value]", ["run", "record", "-"], stdin: #"{"metrics": {"loss": [[0]]}}"#),
    Case(
      65, "metrics.loss[0][0]: expected an integer", ["run", "record", "-"],
      stdin: #"{"metrics": {"loss": [[0.5, 1]]}}"#),
    Case(65, "invalid metric key", ["run", "record", "-"], stdin: #"{"metrics": {"bad key!": 1}}"#),
    Case(65, "started_at: invalid time", ["run", "record", "-"], stdin: #"{"started_at": "yesterday"}"#),
    Case(
      65, "is before started_at", ["run", "record", "-"],
      stdin: #"{"started_at": "2026-02-01T00:00:00Z", "ended_at": "2026-01-01T00:00:00Z"}"#),
    Case(65, "name: expected a string", ["run", "record", "-"], stdin: #"{"name": 42}"#),
    Case(65, "status: unknown status", ["run", "record", "-"], stdin: #"{"status": "done"}"#),
    Case(65, "duplicate key", ["run", "record", "-"], stdin: #"{"name": "a", "name": "b"}"#),
    Case(
      65, "nesting is too deep", ["run", "record", "-"],
      stdin: #"{"params": "# + String(repeating: "[", count: 100_000)),
    Case(65, "number out of range", ["run", "record", "-"], stdin: #"{"metrics": {"auc": 1e999}}"#),
    Case(65, "control character", ["run", "record", "-"], stdin: #"{"name": "a\u0000b"}"#),
    Case(
      65, "invalid experiment name", ["run", "record", "-"],
      stdin: #"{"experiment": "\#(String(repeating: "e", count: 200))"}"#),
    Case(65, "invalid model name", ["run", "record", "-"], stdin: #"{"register": {"model": "-bad"}}"#),
    Case(
      65, "cannot be all digits", ["run", "record", "-"],
      stdin: #"{"register": {"model": "m", "alias": "123"}}"#),
    Case(
      65, "out of range", ["run", "record", "-"],
      stdin: #"{"outputs": [{"artifact": {"name": "m", "uri": "s3://m", "size": 9007199254740993}}]}"#),
    Case(
      65, "size: expected an integer", ["run", "record", "-"],
      stdin: #"{"outputs": [{"artifact": {"name": "m", "uri": "s3://m", "size": 1e300}}]}"#),
    Case(
      65, "out of range", ["run", "record", "-"],
      stdin: #"{"inputs": [{"dataset": {"name": "d", "uri": "s3://d", "rows": -1}}]}"#),
    Case(
      65, "invalid digest", ["run", "record", "-"],
      stdin: #"{"outputs": [{"artifact": {"name": "m", "uri": "s3://m", "digest": "md5:abc"}}]}"#),
    Case(1, "no model named ghost", ["run", "record", "-"], stdin: #"{"inputs": [{"model": "ghost@1"}]}"#),
    Case(1, "no artifact 999999", ["run", "record", "-"], stdin: #"{"inputs": [{"artifact": 999999}]}"#),
    Case(65, "is too long", ["run", "record", "{HUGE_PARAM}"]),
    Case(65, "invalid UTF-8", ["run", "record", "{BAD_UTF8_KEY}"]),
    Case(65, "no run records", ["run", "record", "{BLANK}"]),
    Case(74, "cannot read", ["run", "record", "{DIR}"]),

    // Refs, names and values on the command line.
    Case(64, "is ambiguous", ["run", "show", "{PREFIX}"]),
    Case(64, "is ambiguous", ["run", "log", "{PREFIX}", "--metric", "loss=1"]),
    Case(64, "invalid run id", ["run", "show", "12345"]),
    Case(64, "invalid run id", ["run", "show", "zzzzzzzz"]),
    Case(1, "no run ffffffffffff", ["run", "show", "ffffffffffff"]),
    Case(2, "params are immutable", ["run", "log", "{RUN}", "--param", "lr=0.02", "--tag", "k=v"]),
    Case(
      64, "invalid model name",
      ["model", "register", String(repeating: "m", count: 200), "--run", "{RUN}", "--artifact", "s3://m"]),
    Case(64, "invalid dataset name", ["dataset", "register", "../etc", "--uri", "s3://x"]),
    Case(64, "only ASCII", ["model", "versions", "modèle"]),
    Case(
      64, "argument 3 is not valid UTF-8",
      ["model", "register", "fraud{FF}", "--run", "{RUN}", "--artifact", "s3://m"]),
    Case(64, "argument 5 is not valid UTF-8", ["run", "log", "{RUN}", "--param", "note={FF}"]),
    Case(64, "out of range", ["dataset", "register", "tx", "--uri", "s3://x", "--rows", "9007199254740993"]),
    Case(64, "rows", ["dataset", "register", "tx", "--uri", "s3://x", "--rows", "99999999999999999999999"]),
    Case(64, "is too long", ["run", "start", "--param", "big=" + String(repeating: "x", count: 100_000)]),
    Case(64, "invalid step", ["run", "log", "{RUN}", "--metric", "loss=1@99999999999999999999"]),
    Case(
      64, "invalid digest",
      ["model", "register", "fraud", "--run", "{RUN}", "--artifact", "s3://m", "--digest", "sha256:abc"]),
    Case(64, "actor", ["run", "start", "--actor", String(repeating: "a", count: 200)]),
    Case(64, "invalid version", ["dataset", "show", "tx@0"]),
    Case(1, "no version 99 of model fraud", ["model", "rollback", "fraud", "--to", "99"]),
    Case(64, "invalid version", ["model", "rollback", "fraud", "--to", "0"]),
    Case(64, "cannot be all digits", ["model", "rollback", "fraud", "--alias", "123"]),
    Case(1, "has no alias staging", ["model", "promote", "fraud@staging", "--to", "canary"]),
    Case(1, "no model named ghost", ["audit", "ghost@1"]),
    Case(1, "no model named ghost", ["diff", "fraud@1", "ghost@1"]),
    Case(1, "no such version of dataset tx", ["impact", "dataset:tx@9"]),
    Case(1, "no such version of dataset tx", ["audit", "dataset:tx@9"]),
    Case(64, "--json and --format markdown", ["impact", "tx@1", "--json", "--format", "markdown"]),
    Case(64, "format", ["impact", "tx@1", "--format", "svg"]),
    Case(64, "depth", ["lineage", "fraud@1", "--depth", "-1"]),
    Case(64, "format", ["lineage", "fraud@1", "--format", "svg"]),
    Case(64, "invalid time", ["model", "show", "fraud@1", "--at", "not-a-time"]),
    Case(64, "invalid time", ["log", "--since", "2026-13-45"]),
    Case(64, "limit", ["log", "--limit", "0"]),
    Case(64, "status", ["run", "end", "{RUN}", "--status", "running"]),
    Case(74, "cannot read", ["verify", "fraud@1", "--file", "{DIR}"]),

    // Filters that try SQL.
    Case(64, "not SQL", ["run", "search", "params.lr = '1'; DROP TABLE runs; --"]),
    Case(64, "found 'UNION'", ["run", "search", "metrics.auc > 0 UNION SELECT hash FROM audit_log"]),
    Case(64, "invalid status 'x'", ["run", "search", "attributes.status = 'x' OR 1=1"]),
    Case(64, "not SQL", ["run", "search", "params.lr = ''", "--order-by", "metrics.auc; DROP TABLE runs"]),
    Case(64, "unmatched ')'", ["run", "search", "metrics.auc > 0) OR (1=1"]),

    // The database file.
    Case(74, "malformed", ["model", "list", "--db", "{CORRUPT}"]),
    Case(74, "malformed", ["run", "start", "--db", "{CORRUPT}"]),
    Case(65, "db check found", ["db", "check", "--db", "{DAMAGED}"]),
    Case(74, "malformed", ["run", "list", "--db", "{TRUNCATED}"]),
    Case(74, "malformed", ["run", "start", "--db", "{TRUNCATED}"]),
    Case(78, "another application", ["model", "list", "--db", "{FOREIGN}"]),
    Case(78, "another application", ["init", "--db", "{FOREIGN}"]),
    Case(78, "another application", ["run", "start", "--db", "{FOREIGN}"]),
    Case(78, "not yet a Pedigree registry", ["model", "list", "--db", "{EMPTY}"]),
    Case(78, "newer than this pedigree", ["model", "list", "--db", "{FUTURE}"]),
    Case(78, "newer than this pedigree", ["run", "start", "--db", "{FUTURE}"]),
    Case(78, "newer than this pedigree", ["init", "--db", "{FUTURE}"]),
    Case(78, "newer than this pedigree", ["db", "migrate", "--db", "{FUTURE}"]),
    Case(
      74, "no registry at", ["run", "record", "-", "--db", "{DIR}/missing/reg.db"], stdin: #"{"name": "x"}"#),
    // A PostgreSQL URL, never taken as a file name: a server that is not there is an I/O failure.
    Case(
      74, "cannot connect to postgresql://ana@127.0.0.1:1/reg",
      ["init", "--db", "postgresql://ana@127.0.0.1:1/reg"]),
    Case(74, "no registry", ["log", "--db", "{DIR}/missing.db"]),
  ]

  @Test func everyBadInputFailsCleanlyAndChangesNothing() throws {
    let fixture = try Fixture()
    #expect(Self.cases.count >= 40)
    for (index, row) in Self.cases.enumerated() {
      let arguments = row.arguments.map { fixture.bytes($0) }
      let command = arguments.map { String(decoding: $0, as: UTF8.self).prefix(60) }.joined(separator: " ")
      let stdin = try row.stdin.map { try fixture.cli.write("stdin-\(index)", $0) }
      let files = fixture.databaseFiles()
      let content = fixture.cli.snapshot()
      let result = try fixture.cli.run(bytes: arguments, stdin: stdin)
      #expect(result.status == row.status, "\(command): exit \(result.status): \(result.stderr.prefix(300))")
      #expect(
        result.errorLine?.contains(row.error) == true,
        "\(command): expected one error line containing '\(row.error)', got \(result.stderr.prefix(300))")
      let changed = fixture.databaseFiles().filter { files[$0.key] != $0.value }.keys.sorted()
      #expect(changed.isEmpty, "\(command) changed \(changed)")
      #expect(fixture.cli.snapshot() == content, "\(command) changed the registry")
    }
  }

  static let setpriv = "/usr/bin/setpriv"
  static let canDropWriteAccess =
    geteuid() != 0 || FileManager.default.isExecutableFile(atPath: BadInputTests.setpriv)

  /// A registry file the process may not write (0444). Root ignores file modes, so as root the
  /// commands run as `nobody` through setpriv(1); without it the test is skipped (and says why).
  /// In a directory it may write, reads work (SQLite creates its `-shm` index beside the file);
  /// in one it may not (0555), reads fail too. Either way writes fail with exit 74 and one error
  /// line saying the registry is read-only, and the file is unchanged.
  @Test(.enabled(if: canDropWriteAccess, "needs a non-root user, or setpriv(1) to become one"))
  func readOnlyRegistry() throws {
    let cli = CLI()
    let directory = cli.path("shared")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
    cli.environment["PEDIGREE_DB"] = directory + "/reg.db"
    try cli.ok("init")
    let run = try cli.ok("run", "start")
    try cli.ok("model", "register", "fraud", "--run", run, "--artifact", "s3://models/fraud.onnx")
    let record = try cli.write("record.json", #"{"name": "r"}"#)
    let before = try Data(contentsOf: URL(fileURLWithPath: cli.database))
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: cli.database)
    if geteuid() == 0 {
      cli.launcher = [Self.setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    }
    let pedigree = { (arguments: [String], stdin: String?) in
      try cli.run(bytes: arguments.map { Array($0.utf8) }, stdin: stdin)
    }
    let writes: [([String], String?)] = [
      (["run", "start"], nil), (["model", "promote", "fraud@1", "--to", "production"], nil),
      (["dataset", "register", "tx", "--uri", "s3://tx"], nil), (["run", "record", "-"], record),
    ]
    for (mode, readable) in [(0o777, true), (0o555, false)] {
      for name in ["reg.db-shm", "reg.db-wal"] {
        try? FileManager.default.removeItem(atPath: "\(directory)/\(name)")
      }
      try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: directory)
      for (arguments, stdin) in writes {
        let result = try pedigree(arguments, stdin)
        #expect(result.status == 74, "\(arguments): exit \(result.status): \(result.stderr)")
        #expect(result.errorLine?.contains("is read-only") == true, "\(arguments): \(result.stderr)")
      }
      let read = try pedigree(["model", "list"], nil)
      if readable {
        #expect(read.status == 0 && read.stdout.contains("fraud"), "model list: \(read.stderr)")
      } else {
        #expect(read.status == 74, "model list: \(read.stderr)")
        #expect(read.errorLine?.contains("is read-only") == true, "model list: \(read.stderr)")
      }
      #expect(try Data(contentsOf: URL(fileURLWithPath: cli.database)) == before)
    }
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory)
  }

  /// The registry and the files the catalogue refers to.
  struct Fixture {
    let cli = CLI()
    var values: [String: String] = [:]

    init() throws {
      let run = try Self.fill(cli)
      values["RUN"] = run
      values["PREFIX"] = String(run.prefix(10))
      values["DIR"] = cli.directory
      try insertTwin(of: run, in: try cli.openDatabase())
      try writeFiles()
      try writeDatabases()
    }

    /// Creates the registry (of `--db`, when given) and writes its dataset, run, two model
    /// versions and a promotion; returns the run's id.
    static func fill(_ cli: CLI, db: [String] = []) throws -> String {
      try cli.ok(["init"] + db)
      try cli.ok(["dataset", "register", "tx", "--uri", "s3://tx", "--digest", BadInputTests.digest] + db)
      let run = try cli.ok(
        ["run", "start", "--experiment", "fraud", "--param", "lr=0.01", "--input", "tx@1"] + db)
      for version in 1...2 {
        let file = try cli.write("m\(version).onnx", "weights \(version)")
        try cli.ok(["model", "register", "fraud", "--run", run, "--artifact", file] + db)
      }
      try cli.ok(["model", "promote", "fraud@2", "--to", "production"] + db)
      return run
    }

    /// A second run whose id shares the first 10 characters with `run`, so that prefix is
    /// ambiguous. Inserted with SQL: random ids would need ~16^6 runs to collide.
    func insertTwin(of run: String, in db: Database) throws {
      let differing: Character = run.dropFirst(10).first == "0" ? "1" : "0"
      let twin = String(run.prefix(10)) + String(repeating: differing, count: 22)
      try db.write {
        let node = try db.insertReturningID("INSERT INTO nodes(kind) VALUES ('run')")
        try db.run(
          """
          INSERT INTO runs(id, uuid, experiment_id, status, started_at, actor)
          SELECT ?, ?, id, 'finished', 0, 'tester' FROM experiments WHERE name = 'fraud'
          """, [.integer(node), .text(twin)])
      }
    }

    mutating func writeFiles() throws {
      values["HUGE_PARAM"] = try cli.write(
        "huge.json", #"{"params": {"blob": "\#(String(repeating: "x", count: 10 << 20))"}}"#)
      let badKey = cli.path("bad-key.json")
      try Data(Array(#"{"params": {""#.utf8) + [0xC3, 0x28] + Array(#"": "1"}}"#.utf8))
        .write(to: URL(fileURLWithPath: badKey))
      values["BAD_UTF8_KEY"] = badKey
      values["BLANK"] = try cli.write("blank.jsonl", "\n  \n\t\n")
    }

    /// Damaged, foreign, empty and future database files beside the registry.
    /// (In the PostgreSQL pass they are made from an SQLite registry of their own.)
    mutating func writeDatabases() throws {
      let file = cli.isPostgres ? cli.path("file-registry.db") : cli.database
      if cli.isPostgres {
        let run = try Self.fill(cli, db: ["--db", file])
        try insertTwin(of: run, in: try Database(path: file, mode: .readWrite))
      }
      let registry = try Data(contentsOf: URL(fileURLWithPath: file))
      let pageSize = 4096
      let pages = registry.count / pageSize
      // Every b-tree page's header (bytes 0…7 of pages 2…N) overwritten: any table read fails.
      var corrupt = registry
      for page in 1..<pages {
        corrupt.replaceSubrange(page * pageSize..<page * pageSize + 8, with: Array(repeating: 0xFF, count: 8))
      }
      values["CORRUPT"] = try save("corrupt.db", corrupt)
      // The header of the audit log's root page, in the middle of the file, overwritten: the
      // schema still loads, and `db check` must report the damage rather than stop at it.
      var damaged = registry
      let root = try rootPage(of: "audit_log", in: file) - 1
      damaged.replaceSubrange(root * pageSize..<root * pageSize + 8, with: Array(repeating: 0xFF, count: 8))
      values["DAMAGED"] = try save("damaged.db", damaged)
      values["TRUNCATED"] = try save("truncated.db", registry.prefix(pages / 2 * pageSize))
      values["EMPTY"] = try save("empty.db", Data())
      let foreign = cli.path("foreign.db")
      try shell("sqlite3 '\(foreign)' 'CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT)'")
      values["FOREIGN"] = foreign
      let future = try save("future.db", registry)
      try shell("sqlite3 '\(future)' 'PRAGMA user_version = 99'")
      values["FUTURE"] = future
    }

    func rootPage(of table: String, in file: String) throws -> Int {
      let db = try Database(path: file, mode: .readWrite)
      return Int(try db.scalarInt("SELECT rootpage FROM sqlite_master WHERE name = ?", [.text(table)]) ?? 0)
    }

    func save(_ name: String, _ data: Data) throws -> String {
      try data.write(to: URL(fileURLWithPath: cli.path(name)))
      return cli.path(name)
    }

    func shell(_ command: String) throws {
      let shell = try Spawned.run("/bin/sh", ["-c", command])
      #expect(shell.status == 0, "\(command): \(shell.stderr)")
    }

    /// `text` with `{NAME}` replaced by fixture values and `{FF}` by the byte 0xFF.
    func bytes(_ text: String) -> [UInt8] {
      var text = text
      for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
      return text.components(separatedBy: "{FF}").map { Array($0.utf8) }
        .joined(separator: [0xFF]).map { $0 }
    }

    /// The bytes of every database file and WAL in the test directory (shared-memory index files,
    /// `-shm`, change on every read and are left out).
    func databaseFiles() -> [String: Data] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: cli.directory)) ?? []
      return Dictionary(
        uniqueKeysWithValues: names.filter { $0.hasSuffix(".db") || $0.hasSuffix(".db-wal") }.map {
          ($0, FileManager.default.contents(atPath: cli.path($0)) ?? Data())
        })
    }
  }
}
