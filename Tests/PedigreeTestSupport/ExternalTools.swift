import Foundation
import Testing

/// The real peers the integration tests talk to: a Python with the `mlflow` and
/// `openlineage-python` clients, headless Chromium, PostgreSQL's server binaries.
///
/// Locally a missing tool skips its tests with a message that says how to get it
/// (`.enabled(if: ExternalTools.python(importing: ["mlflow"]) != nil, ExternalTools.pythonHint)`).
/// Under CI (`$CI` set) nothing skips: `.ci/run` installs every tool, so a missing one is a
/// failure there, and the conditions below say "available" to let the test fail loudly.
public enum ExternalTools {
  /// Whether this is a CI run, where every tool must be present.
  public static let isCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false

  /// The repository's root (the folder holding `Package.swift`).
  public static let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// How to get the Python clients: what `.ci/run` does.
  public static let pythonHint: Comment = """
    needs a Python with mlflow-skinny, sqlalchemy, alembic and openlineage-python: run .ci/run, \
    or set PEDIGREE_PYTHON to such an interpreter
    """

  /// A Python interpreter that imports every module named, or `nil`. Looks at `$PEDIGREE_PYTHON`,
  /// then the repository's `.venv` (made by `.ci/run`). Under CI, the first candidate is returned
  /// even if the import fails, so the test runs and fails with Python's own message.
  public static func python(importing modules: [String]) -> String? {
    let environment = ProcessInfo.processInfo.environment
    let candidates = [environment["PEDIGREE_PYTHON"], repositoryRoot + "/.venv/bin/python"]
      .compactMap { $0 }.filter { FileManager.default.isExecutableFile(atPath: $0) }
    let found = candidates.first { imports($0, modules) }
    return found ?? (isCI ? candidates.first ?? "/usr/bin/python3" : nil)
  }

  /// Headless Chromium (`chromium`, or `chromium-browser`), or `nil`.
  public static var chromium: String? {
    executable(named: ["chromium", "chromium-browser"], in: ["/usr/bin", "/usr/local/bin"])
  }

  /// PostgreSQL's server binaries' folder (holding `initdb`, `pg_ctl`, `postgres`), or `nil`.
  public static var postgresqlBin: String? {
    let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
    let folders = versions.sorted().reversed().map { "/usr/lib/postgresql/\($0)/bin" } + ["/usr/local/bin"]
    return folders.first { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") }
  }

  private static func executable(named names: [String], in folders: [String]) -> String? {
    for folder in folders {
      for name in names where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
        return "\(folder)/\(name)"
      }
    }
    return isCI ? "/usr/bin/\(names[0])" : nil
  }

  nonisolated(unsafe) private static var importCache: [String: Bool] = [:]
  private static let importLock = NSLock()

  private static func imports(_ python: String, _ modules: [String]) -> Bool {
    let key = python + " " + modules.joined(separator: ",")
    importLock.lock()
    defer { importLock.unlock() }
    if let known = importCache[key] { return known }
    let script = modules.map { "import \($0)" }.joined(separator: "; ")
    let works = (try? Spawned.run(python, ["-c", script]).status) == 0
    importCache[key] = works
    return works
  }
}
