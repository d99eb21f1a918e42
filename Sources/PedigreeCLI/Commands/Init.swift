import ArgumentParser
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create the registry, or upgrade it to this version's schema (idempotent).",
    discussion: "Example: pedigree init --db registry.db")

  @OptionGroup var db: RegistryOptions
  @OptionGroup var actor: ActorOptions
  @OptionGroup var output: OutputOptions

  /// The policy `init` suggests (and `demo` sets).
  static let policySuggestion = "pedigree policy set '*' --alias production --require-reason"

  func run() throws {
    try execute {
      let (registry, applied) = try SQLiteRegistry.initialize(
        path: try db.location, by: try actor.author(), busyTimeout: db.busyTimeout)
      output.emit(
        migrationReport(registry, applied: applied),
        text: applied.isEmpty
          ? "\(registry.path) is up to date (schema version \(registry.latestSchemaVersion))"
          : "initialised \(registry.path) (schema version \(registry.latestSchemaVersion))"
            + "\nTo require a reason for every production move: \(Init.policySuggestion)")
    }
  }
}

/// `{"path", "schema_version", "applied": ["0001_initial", …]}`.
func migrationReport(_ registry: SQLiteRegistry, applied: [Migration]) -> JSONValue {
  .object([
    "path": .string(registry.path), "schema_version": .integer(Int64(registry.latestSchemaVersion)),
    "applied": .array(applied.map { .string($0.fileName) }),
  ])
}

extension Migration {
  var fileName: String { "\(NumberText.zeroPadded(version, width: 4))_\(name)" }
}
