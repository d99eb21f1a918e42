import ArgumentParser
import Foundation
import PedigreeStore

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

  /// Opens the registry for reading (the file must exist) or writing (created when missing).
  func open(_ access: Registry.Access) throws(PedigreeError) -> Registry {
    let actor = resolvedActor
    try Limits.validateText(actor, as: "actor", maximum: 128)
    return try Registry.open(path: path, access: access, actor: actor)
  }

  /// The output for this invocation.
  var output: Output { Output(json: json) }
}
