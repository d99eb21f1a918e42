import Foundation
import PedigreeCore
import PedigreeSQLite

/// The whole-process time of one command: spawn, run, exit, reaped.
public struct ProcessFigure: Sendable, Codable, Equatable {
  public var name: String
  public var command: String
  public var iterations: Int
  public var medianMilliseconds: Double
  public var p99Milliseconds: Double
  /// The largest peak resident set size of one iteration, in KiB.
  public var peakMemoryKiB: Int
}

/// One command to time as a whole process, and how to tell that it really answered.
public struct ProcessCase: Sendable {
  public let name: String
  public let executable: String
  /// The arguments of iteration `i` (so a case can vary its target).
  public let arguments: @Sendable (Int) -> [String]
  /// Whether the output is an answer (`nil`) or why not.
  public let check: @Sendable (ChildResult) -> String?

  public init(
    name: String, executable: String, arguments: @escaping @Sendable (Int) -> [String],
    check: @escaping @Sendable (ChildResult) -> String? = { $0.status == 0 ? nil : "exit \($0.status)" }
  ) {
    self.name = name
    self.executable = executable
    self.arguments = arguments
    self.check = check
  }

  /// The command line of the first iteration, for the report.
  public var commandLine: String {
    ([(executable as NSString).lastPathComponent] + arguments(0)).joined(separator: " ")
  }

  /// The `sqlite3` shell, when installed: the reference for whole-process start-up.
  public static let sqliteShell = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// How the executable at `path` links the Swift runtime: `static Swift runtime` (built with
  /// `--static-swift-stdlib`, the README's install) or `dynamic Swift runtime`, read from the
  /// dynamic section's library names near the start of the file.
  public static func swiftRuntimeLinkage(of path: String) -> String {
    guard let file = fopen(path, "rb") else { return "unknown linkage" }
    defer { fclose(file) }
    var head = [UInt8](repeating: 0, count: 4 << 20)
    let count = fread(&head, 1, head.count, file)
    let needle = Array("libswiftCore.so".utf8)
    let dynamic = head[..<count].withUnsafeBufferPointer { bytes in
      bytes.count >= needle.count
        && (0...(bytes.count - needle.count)).contains { start in
          bytes[start] == needle[0] && Array(bytes[start..<start + needle.count]) == needle
        }
    }
    return dynamic ? "dynamic Swift runtime" : "static Swift runtime"
  }

  /// The process cases for a registry at `path` served by the `pedigree` binary at `pedigree`:
  /// the cost of starting any process, of the `sqlite3` shell answering one query on the same
  /// file, of starting `pedigree`, of answering questions, and (with `history`, a registry and
  /// the id of its long-history run) of printing a whole metric history to /dev/null.
  public static func standard(
    pedigree: String, path: String, models: [String], history: (path: String, run: String)? = nil
  ) -> [ProcessCase] {
    let model: @Sendable (Int) -> String = { iteration in
      models.isEmpty ? "model-0" : models[iteration % models.count]
    }
    let answersJSON: @Sendable (ChildResult) -> String? = { result in
      guard result.status == 0 else {
        return "exit \(result.status): \(result.stderr.split(separator: "\n").first ?? "")"
      }
      guard case .some(.object) = try? JSONValue.parse(result.stdout) else {
        return
          "not a JSON document: \(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).prefix(60))"
      }
      return nil
    }
    var cases = [
      ProcessCase(name: "start a process (/bin/true)", executable: "/bin/true", arguments: { _ in [] })
    ]
    // The README's install links the Swift runtime statically; say which build was measured.
    let build = " [\(swiftRuntimeLinkage(of: pedigree))]"
    if let shell = sqliteShell {
      cases.append(
        ProcessCase(
          name: "sqlite3 shell: one query on the same file", executable: shell,
          arguments: { _ in [path, "SELECT count(*) FROM runs"] }))
    }
    cases += [
      ProcessCase(
        name: "pedigree --version" + build, executable: pedigree, arguments: { _ in ["--version"] }),
      ProcessCase(
        name: "start pedigree (--help)" + build, executable: pedigree, arguments: { _ in ["--help"] }),
      ProcessCase(
        name: "pedigree model show NAME@production --json" + build, executable: pedigree,
        arguments: { ["model", "show", "\(model($0))@production", "--db", path, "--json"] },
        check: answersJSON),
      ProcessCase(
        name: "pedigree lineage NAME@production --json" + build, executable: pedigree,
        arguments: { ["lineage", "\(model($0))@production", "--db", path, "--json"] },
        check: answersJSON),
    ]
    if let history {
      // Through `sh -c 'exec …'` for the redirection: the shell is replaced, not waited for.
      cases.append(
        ProcessCase(
          name: "pedigree run metrics RUN --format csv > /dev/null (1M points)", executable: "/bin/sh",
          arguments: { _ in
            [
              "-c", "exec \"$0\" run metrics \(history.run) --db \"$1\" --format csv > /dev/null", pedigree,
              history.path,
            ]
          }))
    }
    return cases
  }
}

extension Latency {
  /// Times `process` over `iterations` runs after two untimed ones. Returns the figure, or why the
  /// command cannot be measured (its first run did not answer).
  public static func process(
    _ process: ProcessCase, iterations: Int, helper: String?
  ) -> Result<ProcessFigure, BenchError> {
    guard FileManager.default.isExecutableFile(atPath: process.executable) else {
      return .failure(BenchError("no executable at \(process.executable)"))
    }
    var peak = 0
    do {
      for iteration in 0..<2 {
        let result = try ChildProcess.measured(
          process.executable, process.arguments(iteration), helper: helper)
        if let problem = process.check(result) { return .failure(BenchError(problem)) }
      }
      var samples: [Double] = []
      for iteration in 0..<iterations {
        let result = try ChildProcess.measured(
          process.executable, process.arguments(iteration), helper: helper)
        if let problem = process.check(result) { throw BenchError(problem) }
        peak = max(peak, result.peakMemoryKiB)
        samples.append(result.seconds * 1000)
      }
      return .success(
        ProcessFigure(
          name: process.name, command: process.commandLine, iterations: iterations,
          medianMilliseconds: percentile(samples, 0.5), p99Milliseconds: percentile(samples, 0.99),
          peakMemoryKiB: peak))
    } catch let error as BenchError {
      return .failure(error)
    } catch {
      return .failure(BenchError("\(error)"))
    }
  }
}
