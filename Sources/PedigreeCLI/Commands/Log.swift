import ArgumentParser
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

struct Log: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log", abstract: "The audit log: who did what, when (newest first).",
    discussion: """
      --by A shows only A's entries, --action X those with action X (model.promote) or of area X \
      (model). --entity REF returns every entry that concerns it: for a \
      model version its registration, each alias move onto or off it (a removal too) and its deprecation; for a \
      dataset version its registration and the runs that produced or read it. Times are ISO 8601 \
      or relative (now, today, yesterday, 2h ago, 3 days ago); a date alone (or today, yesterday) \
      means that whole day for --until.

      Example: pedigree log --since 2026-11-01 --by ana --entity model:fraud-detector@2
      """)

  @Option(help: "Entries at or after this time (\(TimeArgument.help)).") var since: String?
  @Option(help: "Entries at or before this time (\(TimeArgument.help)).") var until: String?
  @Option(help: "Only entries about this ref (fraud-detector, model:fraud-detector@3, run:ID, dataset:tx).")
  var entity: String?
  @Option(help: "Only entries by this actor.") var by: String?
  @Option(help: "Only entries with this action (model.promote), or of this area (model).") var action: String?
  /// The old name of `--by`, kept so existing scripts still work (`--actor` means "who is acting"
  /// on every other command).
  @Option(name: .customLong("actor"), help: .hidden) var deprecatedActor: String?
  @Option(help: "At most this many entries.") var limit: Int?
  @Flag(help: "Oldest first.") var reverse = false
  @OptionGroup var db: RegistryOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    if let by, let deprecatedActor, by != deprecatedActor {
      throw ValidationError("--by and --actor (its old name) disagree; give --by")
    }
  }

  func run() throws {
    try execute {
      var filter = AuditLogFilter()
      filter.since = try TimeArgument.parse(since)
      filter.until = try TimeArgument.parse(until, endOfDay: true)
      filter.actor = by ?? deprecatedActor
      filter.entity = entity
      filter.action = action
      filter.limit = limit
      filter.order = reverse ? .oldestFirst : .newestFirst
      let entries = try db.open().queries.auditLog(filter)
      output.emit(
        entries.json, text: entries.isEmpty ? "no entries" : AuditEntry.table(entries).rendered())
    }
  }
}
