import Foundation
import PedigreeCore
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

  init() {
    var environment = ProcessInfo.processInfo.environment
    environment["PEDIGREE_DB"] = scratch.file("reg.db")
    environment["PEDIGREE_ACTOR"] = "tester"
    self.environment = environment
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
    guard FileManager.default.fileExists(atPath: database) else { return [] }
    do {
      let db = try Database(path: database, mode: .readWrite)
      let tables = try db.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") {
        $0.string(0)
      }
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
