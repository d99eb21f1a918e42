import Foundation
import PedigreeCore
import PedigreeSQLite
import Testing

/// What one run of the `pedigree` binary did.
struct Invocation {
  let status: Int32
  let stdout: String
  let stderr: String

  /// stdout parsed as JSON (fails the test when it is not JSON).
  func json(sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
    try JSONValue.parse(stdout)
  }

  /// The single `error:` line on stderr, or `nil`.
  var errorLine: String? {
    let lines = stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
    return lines.count == 1 ? String(lines[0]) : nil
  }
}

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

  let directory: String
  var environment: [String: String]
  /// A command that `spawn` runs the binary through (`setpriv …` to run as another user).
  var launcher: [String] = []

  init() {
    directory = NSTemporaryDirectory() + "pedigree-cli-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var environment = ProcessInfo.processInfo.environment
    environment["PEDIGREE_DB"] = directory + "/reg.db"
    environment["PEDIGREE_ACTOR"] = "tester"
    self.environment = environment
  }

  deinit { try? FileManager.default.removeItem(atPath: directory) }

  var database: String { environment["PEDIGREE_DB"] ?? "" }

  func path(_ name: String) -> String { directory + "/" + name }

  /// Writes a file in the test directory and returns its path.
  @discardableResult
  func write(_ name: String, _ contents: String) throws -> String {
    try contents.write(toFile: path(name), atomically: true, encoding: .utf8)
    return path(name)
  }

  /// Runs `pedigree ARGS…`, feeding `input` on stdin.
  @discardableResult
  func run(_ arguments: String..., input: String? = nil) throws -> Invocation {
    try run(arguments, input: input)
  }

  func run(_ arguments: [String], input: String? = nil) throws -> Invocation {
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let stdout = Pipe()
    let stderr = Pipe()
    let stdin = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Invocation(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: err, as: UTF8.self))
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
  /// anything is caught (WAL files make byte comparison of the main file meaningless).
  func snapshot() -> [String] {
    guard FileManager.default.fileExists(atPath: database),
      let db = try? Database(path: database, mode: .readWrite)
    else { return [] }
    let tables =
      (try? db.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") { $0.string(0) })
      ?? []
    return tables.flatMap { table in
      (try? db.query("SELECT * FROM \"\(table)\"") { row in
        "\(table): " + (0..<row.count).map { "\(row.value($0))" }.joined(separator: "|")
      }) ?? []
    }.sorted()
  }
}
