import ArgumentParser
import PedigreeCore
import PedigreeSQLite

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `--db`: which registry a command opens. Every command has it.
struct RegistryOptions: ParsableArguments {
  @Option(name: .customLong("db"), help: "The registry file. Default: $PEDIGREE_DB, else ./pedigree.db.")
  var explicitPath: String?

  /// The registry path after the flag and the environment.
  var path: String {
    explicitPath ?? ProcessInfo.processInfo.environment["PEDIGREE_DB"].flatMap { $0.isEmpty ? nil : $0 }
      ?? "pedigree.db"
  }

  /// The registry: a file path, or a `postgresql://` URL (the PostgreSQL backend).
  var location: String {
    get throws(PedigreeError) { path }
  }

  /// Whether the path was chosen by the flag or the environment rather than defaulted.
  var isExplicit: Bool { explicitPath != nil || ProcessInfo.processInfo.environment["PEDIGREE_DB"] != nil }

  /// How long a write waits for another process's lock: `$PEDIGREE_BUSY_TIMEOUT_MS`, else 10 s.
  /// A value that is not a whole number of milliseconds (0 or more) is refused, not ignored.
  var busyTimeout: Duration {
    get throws(PedigreeError) {
      guard let text = ProcessInfo.processInfo.environment["PEDIGREE_BUSY_TIMEOUT_MS"] else {
        return SQLiteRegistry.defaultBusyTimeout
      }
      guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let milliseconds = Int(text),
        milliseconds <= Int(Int32.max)
      else {
        throw PedigreeError.usage(
          "invalid PEDIGREE_BUSY_TIMEOUT_MS '\(text.prefix(40))'",
          hint: "set it to a whole number of milliseconds, 0 or more (e.g. 10000), or unset it")
      }
      return .milliseconds(milliseconds)
    }
  }

  /// Opens the registry for reading (the file must exist).
  func open() throws(PedigreeError) -> SQLiteRegistry {
    try SQLiteRegistry.open(path: try location, access: .read, busyTimeout: busyTimeout)
  }

  /// Opens an existing registry for writing as `author`. A missing file is an error (74) with the
  /// remedy `pedigree init`: only `init` and `demo` create a registry, so a mistyped --db or
  /// $PEDIGREE_DB never becomes an empty registry that silently takes the writes.
  func writer(as author: Author) throws(PedigreeError) -> SQLiteWriter {
    try SQLiteRegistry.open(path: try location, access: .write, busyTimeout: busyTimeout).writing(as: author)
  }

  /// Opens the registry for writing as `author`, creating it when the file is missing or empty:
  /// for `demo`, which fills a new registry.
  func creatingWriter(as author: Author) throws(PedigreeError) -> SQLiteWriter {
    try SQLiteRegistry.open(path: try location, access: .create(by: author), busyTimeout: busyTimeout)
      .writing(as: author)
  }
}

/// `--actor`: who is acting. Only commands that write have it.
struct ActorOptions: ParsableArguments {
  @Option(help: "Who is acting, recorded on writes. Default: $PEDIGREE_ACTOR, else the OS user.")
  var actor: String?

  /// The acting author, validated: the flag, else `$PEDIGREE_ACTOR`, else the OS user.
  func author() throws(PedigreeError) -> Author {
    let name = actor ?? Self.fromEnvironment ?? Self.osUser
    try Limits.validateText(name, as: "actor", maximum: 128)
    return Author(name)
  }

  private static var fromEnvironment: String? {
    ProcessInfo.processInfo.environment["PEDIGREE_ACTOR"].flatMap { $0.isEmpty ? nil : $0 }
  }

  private static var osUser: String {
    if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
    return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
  }
}

/// `--json`: one JSON document on stdout instead of text. Every command has it.
struct OutputOptions: ParsableArguments {
  @Flag(help: "Print one JSON document on stdout instead of text.")
  var json = false

  /// Prints `text` (human mode) or `document` (JSON mode) on stdout.
  func emit(_ document: @autoclosure () -> JSONValue, text: @autoclosure () -> String) {
    Output(json: json).emit(document(), text: text())
  }

  /// Prints a result: its JSON form, or `text`.
  func emit(_ result: some JSONConvertible, text: @autoclosure () -> String) {
    Output(json: json).emit(result.json, text: text())
  }

  /// Refuses `--json` beside a `--format` that is not JSON: the two ask for different outputs,
  /// and silently preferring one would hand a script the wrong document. Call it from
  /// `validate()` of every command with a `--format`.
  func checkCompatible(format: some RawRepresentable<String>) throws {
    if json && format.rawValue != "json" {
      throw ValidationError(
        "--json and --format \(format.rawValue) ask for different outputs: give one (--format json is --json)"
      )
    }
  }

  /// Prints an informational line on stderr in human mode (nothing in JSON mode).
  func note(_ text: String) { Output(json: json).note(text) }
}
