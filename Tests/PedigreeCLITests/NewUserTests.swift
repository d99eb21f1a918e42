import Foundation
import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

/// What a new user hit (issue 10, items 0, 1 and 10), end to end through the real binary.
@Suite struct NewUserTests {
  /// Every file a registry at `path` could leave behind.
  static func traces(of path: String) -> [String] {
    [path, path + "-wal", path + "-shm", path + "-journal"].filter {
      FileManager.default.fileExists(atPath: $0)
    }
  }

  /// Only `init` and `demo` create a registry: every other command, writes included, on a mistyped
  /// --db or $PEDIGREE_DB exits 74, suggests `pedigree init --db PATH` and leaves no file.
  @Test func noSilentRegistries() throws {
    let cli = CLI()
    let record = #"{"name": "r"}"#
    let run = "abcdef123456"
    let commands: [[String]] = [
      ["dataset", "register", "tx", "--uri", "s3://tx"], ["run", "start"],
      ["run", "log", run, "--param", "a=1"],
      ["run", "end", run], ["run", "record", "-"],
      ["model", "register", "m", "--run", run, "--artifact", "s3://m.onnx"],
      ["model", "promote", "m@1", "--to", "production"], ["model", "rollback", "logreg"],
      ["model", "deprecate", "m@1", "--reason", "bad"], ["model", "list"], ["model", "show", "m"],
      ["model", "versions", "m"], ["model", "history", "m"], ["dataset", "list"], ["run", "list"],
      ["lineage", "m@1"], ["impact", "tx@1"], ["audit", "m@1"], ["diff", "m@1", "m@2"], ["log"],
      ["verify", "m@1", "--file", "x"], ["db", "status"], ["db", "check"], ["db", "migrate"],
    ]
    let typo = cli.path("regsitry.db")
    let deeper = cli.path("one/level/too/deep/pedigree.db")
    for command in commands {
      for path in [typo, deeper] {
        // Through --db, then through $PEDIGREE_DB.
        let viaFlag = try cli.fails(74, command + ["--db", path], input: record)
        #expect(viaFlag.stderr.contains("pedigree init --db \(path)"), "\(command): \(viaFlag.stderr)")
        cli.environment["PEDIGREE_DB"] = path
        let viaEnvironment = try cli.fails(74, command, input: record)
        #expect(
          viaEnvironment.stderr.contains("pedigree init --db \(path)"), "\(command): \(viaEnvironment.stderr)"
        )
        cli.environment["PEDIGREE_DB"] = cli.path("reg.db")
        #expect(Self.traces(of: path).isEmpty, "\(command) left \(Self.traces(of: path))")
      }
    }
    #expect(!FileManager.default.fileExists(atPath: cli.path("one")))
    #expect(Self.traces(of: cli.database).isEmpty)
    // init and demo create.
    try cli.ok("init", "--db", typo)
    #expect(FileManager.default.fileExists(atPath: typo))
    try cli.ok("demo", "--db", cli.path("demo.db"))
    try cli.ok("model", "list", "--db", cli.path("demo.db"))
  }

  /// An empty file is not a registry to write into (78, untouched: no WAL header, no -wal/-shm);
  /// a directory is not a registry file (74).
  @Test func emptyFilesAndDirectoriesAreRefused() throws {
    let cli = CLI()
    let empty = try cli.write("empty.db", "")
    for command in [
      ["run", "start"], ["dataset", "register", "tx", "--uri", "s3://tx"], ["model", "list"],
    ] {
      let result = try cli.fails(78, command + ["--db", empty])
      #expect(result.stderr.contains("pedigree init --db \(empty)"))
      #expect(try Data(contentsOf: URL(fileURLWithPath: empty)).isEmpty)
      #expect(Self.traces(of: empty) == [empty])
    }
    try cli.fails(74, "run", "start", "--db", cli.directory)
    // init makes the empty file a registry.
    try cli.ok("init", "--db", empty)
    try cli.ok("run", "start", "--db", empty)
  }

  /// Python's `isoformat()` writes six fractional digits: they were a SIGILL.
  @Test func microsecondTimes() throws {
    let cli = try CLI.initialized()
    let run = try cli.ok(
      "run", "record", "-",
      input:
        #"{"name": "py", "started_at": "2026-11-28T10:00:00.123456Z", "ended_at": "2026-11-28T12:42:00.987654321+02:00"}"#
    )
    let shown = try cli.run("run", "show", run, "--json").json()
    #expect(shown["started_at"] == .string("2026-11-28T10:00:00.123Z"))
    #expect(shown["ended_at"] == .string("2026-11-28T10:42:00.987Z"))
    let file = try cli.write("m.onnx", "weights")
    try cli.ok("model", "register", "m", "--run", run, "--artifact", file, "--alias", "production")
    // A time after the registration and not in the future, written with six fractional digits.
    Thread.sleep(forTimeInterval: 1.1)
    let second = Timestamp(milliseconds: Timestamp.now().milliseconds / 1000 * 1000).iso8601
    let at = second.dropLast() + ".000456Z"
    let asOf = try cli.ok("model", "show", "m@production", "--at", String(at))
    #expect(asOf.contains("as of \(second)"), "\(asOf)")
    // Before the model existed: an answer (not found), not a crash.
    let before = try cli.fails(1, "model", "show", "m", "--at", "2026-11-28T10:00:00.123456Z")
    #expect(before.stderr.contains("did not exist yet at 2026-11-28T10:00:00.123Z"), "\(before.stderr)")
    try cli.fails(64, "model", "show", "m", "--at", "2026-11-28T10:00:00.Z")
  }

  /// Relative times wherever a time is taken; `--at` in the future is refused.
  @Test func relativeTimes() throws {
    let cli = try CLI.initialized()
    try cli.ok("run", "start", "--name", "one")
    let run = try cli.ok("run", "start", "--name", "two")
    let file = try cli.write("m.onnx", "weights")
    try cli.ok("model", "register", "m", "--run", run, "--artifact", file, "--alias", "production")
    for since in ["yesterday", "today", "2h ago", "3 days ago", "90 seconds ago", "1w ago"] {
      let entries = try cli.run("log", "--since", since, "--json").json()
      #expect(entries.testArray?.count == 4, "--since \(since)")  // create + 2 run starts + register
    }
    #expect(try cli.run("log", "--until", "yesterday", "--json").json().testArray?.count == 0)
    #expect(try cli.run("log", "--until", "today", "--json").json().testArray?.count == 4)
    #expect(try cli.run("log", "--since", "now", "--until", "now", "--json").json().testArray?.count == 0)
    try cli.ok("model", "show", "m@production", "--at", "now")
    let before = try cli.fails(1, "model", "show", "m", "--at", "2 days ago")
    #expect(before.stderr.contains("did not exist yet"))
    for future in ["2999-01-01", "tomorrow", "in 2h"] {
      try cli.fails(64, "model", "show", "m", "--at", future)
    }
    let future = try cli.fails(64, "model", "show", "m", "--at", "2999-01-01")
    #expect(future.stderr.contains("in the future"))
    try cli.fails(64, "log", "--since", "2 fortnights ago")
  }

  @Test func invalidBusyTimeoutIsRefused() throws {
    let cli = try CLI.initialized()
    for bad in ["abc", "-5", "1.5", "", " 10", "99999999999999999999"] {
      cli.environment["PEDIGREE_BUSY_TIMEOUT_MS"] = bad
      let result = try cli.fails(64, "run", "start")
      #expect(result.stderr.contains("PEDIGREE_BUSY_TIMEOUT_MS"), "\(bad): \(result.stderr)")
      try cli.fails(64, "model", "list")
    }
    cli.environment["PEDIGREE_BUSY_TIMEOUT_MS"] = "0"
    try cli.ok("run", "start")
    cli.environment["PEDIGREE_BUSY_TIMEOUT_MS"] = "2500"
    try cli.ok("model", "list")
  }

  @Test func negativeStepsAreRefused() throws {
    let cli = try CLI.initialized()
    let run = try cli.ok("run", "start")
    try cli.fails(64, "run", "log", run, "--metric", "loss=0.5@-1")
    try cli.ok("run", "log", run, "--metric", "loss=0.5@0")
    let record = try cli.fails(
      65, "run", "record", "-", input: #"{"name": "r", "metrics": {"loss": [[0, 1], [-1, 0.5]]}}"#)
    #expect(record.stderr.contains("metrics.loss[1][0]"), "\(record.stderr)")
    try cli.fails(
      65, "run", "record", "-", input: #"{"name": "r", "metrics": {"loss": [[-3, 1, 1700000000000]]}}"#)
  }

  /// Rollback says what is true when there is nowhere to go, and points a ref at --alias / --to.
  @Test func rollbackMessages() throws {
    let cli = try CLI.initialized()
    let run = try cli.ok("run", "start")
    for version in 1...3 {
      let file = try cli.write("m\(version).onnx", "weights \(version)")
      try cli.ok("model", "register", "fraud", "--run", run, "--artifact", file)
      try cli.ok("model", "promote", "fraud@\(version)", "--to", "production")
    }
    try cli.ok("model", "rollback", "fraud")
    try cli.ok("model", "rollback", "fraud")
    let started = try cli.fails(2, "model", "rollback", "fraud")
    #expect(
      started.stderr.contains(
        "production is back at fraud@1, where it started: every later move was rolled back"),
      "\(started.stderr)")
    #expect(!started.stderr.contains("only"))
    try cli.ok("model", "promote", "fraud@2", "--to", "production")
    try cli.ok("model", "promote", "fraud@3", "--to", "production")
    try cli.ok("model", "deprecate", "fraud@1", "--reason", "leak")
    try cli.ok("model", "deprecate", "fraud@2", "--reason", "leak")
    let deprecated = try cli.fails(2, "model", "rollback", "fraud")
    #expect(
      deprecated.stderr.contains(
        "every earlier version production pointed at is deprecated (fraud@1, fraud@2)"),
      "\(deprecated.stderr)")
    try cli.ok("model", "promote", "fraud@3", "--to", "staging")
    let once = try cli.fails(2, "model", "rollback", "fraud", "--alias", "staging")
    #expect(once.stderr.contains("staging has only ever pointed at fraud@3"), "\(once.stderr)")
    let alias = try cli.fails(64, "model", "rollback", "fraud@staging")
    #expect(
      alias.stderr.contains("use --alias") && alias.stderr.contains("--alias staging"), "\(alias.stderr)")
    let typed = try cli.fails(64, "model", "rollback", "model:fraud@production")
    #expect(typed.stderr.contains("pedigree model rollback fraud --alias production"), "\(typed.stderr)")
    let version = try cli.fails(64, "model", "rollback", "fraud@1")
    #expect(version.stderr.contains("--to 1"), "\(version.stderr)")
  }

  /// The demo's story, read by a new user: time travel, lineage, diff, conflicting flags.
  @Test func demoReadsRight() throws {
    let cli = CLI()
    try cli.ok("demo")
    // staging was first set 27 days before the end of the story, production 39 days before.
    let hint = try cli.fails(1, "model", "show", "fraud-detector@staging", "--at", "30 days ago")
    #expect(hint.stderr.contains("fraud-detector@staging was not set at"), "\(hint.stderr)")
    #expect(hint.stderr.contains("it was first set at"), "\(hint.stderr)")
    #expect(hint.stderr.contains("its aliases then: production)"), "\(hint.stderr)")
    let never = try cli.fails(1, "model", "show", "fraud-detector@canary", "--at", "1 day ago")
    #expect(
      never.stderr.contains("it was never set; its aliases then: production, staging"), "\(never.stderr)")

    let tree = try cli.ok("lineage", "fraud-detector@production")
    #expect(tree.contains("produced by: run "))
    #expect(tree.contains("trained on: transactions-clean@2"))
    #expect(tree.contains("artifact: model.onnx"))
    #expect(!tree.contains("output:") && !tree.contains("input:") && !tree.contains("source_run:"))
    let downstream = try cli.ok("lineage", "dataset:transactions-clean@2", "--downstream")
    #expect(downstream.contains("consumed by: run "))
    #expect(downstream.contains("registered as: fraud-detector@2"))
    let upstreamOfData = try cli.ok("lineage", "dataset:transactions-clean@2", "--upstream")
    #expect(upstreamOfData.contains("produced by: run "))
    #expect(upstreamOfData.contains("consumed: transactions@2"), "\(upstreamOfData)")
    // JSON, DOT and Mermaid keep the relations.
    #expect(
      try cli.ok("lineage", "fraud-detector@production", "--format", "dot").contains("label=\"source_run\""))
    #expect(try cli.ok("lineage", "fraud-detector@production", "--json").contains("\"relation\": \"input\""))

    let same = try cli.ok("diff", "fraud-detector@2", "fraud-detector@2")
    #expect(same.contains("no differences (") && same.contains("params equal)"))
    #expect(!same.contains("(none)"))

    for format in ["dot", "mermaid", "tree"] {
      let conflict = try cli.fails(64, "lineage", "fraud-detector@production", "--json", "--format", format)
      #expect(conflict.stderr.contains("--json and --format \(format)"))
    }
    for format in ["markdown", "text"] {
      try cli.fails(64, "audit", "fraud-detector@production", "--json", "--format", format)
    }
    try cli.ok("lineage", "fraud-detector@production", "--json", "--format", "json")
    try cli.ok("audit", "fraud-detector@production", "--json", "--format", "json")
  }

  @Test func datasetRegisterFileWithoutURI() throws {
    let cli = try CLI.initialized()
    let file = try cli.write("tx.csv", "id,amount\n1,2\n")
    #expect(try cli.ok("dataset", "register", "tx", "--file", file) == "tx@1")
    let shown = try cli.run("dataset", "show", "tx@1", "--json").json()
    #expect(
      shown["uri"] == .string(URL(fileURLWithPath: file).standardizedFileURL.absoluteString), "\(shown)")
    #expect(shown["uri"]?.testString?.hasPrefix("file:///") == true)
    let missing = try cli.fails(64, "dataset", "register", "tx", "--rows", "3")
    #expect(missing.stderr.contains("--uri"))
  }
}

extension JSONValue {
  fileprivate var testArray: [JSONValue]? { if case .array(let values) = self { values } else { nil } }
  fileprivate var testString: String? { if case .string(let text) = self { text } else { nil } }
}
