import ArgumentParser
import Foundation
import PedigreeCore
import PedigreeSQLite

/// The options every command accepts: `--db`, `--json`, `--actor`.
public struct GlobalOptions: ParsableArguments {
  @Option(help: "The registry file. Default: $PEDIGREE_DB, else ./pedigree.db.")
  var db: String?

  @Flag(help: "Print one JSON document on stdout instead of text.")
  var json = false

  @Option(help: "Who is acting, recorded on writes. Default: $PEDIGREE_ACTOR, else the OS user.")
  var actor: String?

  public init() {}

  /// The registry path after flags and environment.
  var path: String {
    db ?? ProcessInfo.processInfo.environment["PEDIGREE_DB"].flatMap { $0.isEmpty ? nil : $0 }
      ?? "pedigree.db"
  }

  /// The actor after flags and environment.
  var resolvedActor: String {
    if let actor { return actor }
    if let fromEnvironment = ProcessInfo.processInfo.environment["PEDIGREE_ACTOR"],
      !fromEnvironment.isEmpty
    {
      return fromEnvironment
    }
    if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
      return String(cString: name)
    }
    return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
  }

  /// Who is acting, validated.
  func author() throws(PedigreeError) -> Author {
    let actor = resolvedActor
    try Limits.validateText(actor, as: "actor", maximum: 128)
    return Author(actor)
  }

  /// How long a write waits for another process's lock: `$PEDIGREE_BUSY_TIMEOUT_MS`, else 10 s.
  var busyTimeout: Duration {
    if let text = ProcessInfo.processInfo.environment["PEDIGREE_BUSY_TIMEOUT_MS"],
      let milliseconds = Int(text), milliseconds >= 0
    {
      return .milliseconds(milliseconds)
    }
    return SQLiteRegistry.defaultBusyTimeout
  }

  /// Opens the registry for reading (the file must exist).
  func open() throws(PedigreeError) -> SQLiteRegistry {
    try SQLiteRegistry.open(path: path, access: .read, busyTimeout: busyTimeout)
  }

  /// Opens the registry for writing as the acting author (created when missing).
  func writer() throws(PedigreeError) -> SQLiteWriter {
    let author = try author()
    return try SQLiteRegistry.open(path: path, access: .create(by: author), busyTimeout: busyTimeout)
      .writing(as: author)
  }

  /// The output for this invocation.
  var output: Output { Output(json: json) }
}
