import ArgumentParser
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

struct DB: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "db", abstract: "Inspect, upgrade and check the registry file.",
    subcommands: [Status.self, Migrate.self, Check.self, Head.self])

  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "status",
      abstract: "Show the schema version and pending migrations.",
      discussion: "Example: pedigree db status --db registry.db")

    @OptionGroup var db: RegistryOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let status = try SQLiteRegistry.openForMaintenance(path: try db.location, busyTimeout: db.busyTimeout)
          .schemaStatus()
        output.emit(status.json, text: status.text)
        if status.state == .foreign || status.state.isAhead {
          throw PedigreeError(.incompatible, "\(status.path): \(status.stateText)")
        }
      }
    }
  }

  struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "migrate",
      abstract: "Apply pending migrations.", discussion: "Example: pedigree db migrate --db registry.db")

    @OptionGroup var db: RegistryOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let registry = try SQLiteRegistry.openForMaintenance(
          path: try db.location, busyTimeout: db.busyTimeout)
        let applied = try registry.migrate(by: try actor.author())
        output.emit(
          migrationReport(registry, applied: applied),
          text: applied.isEmpty
            ? "nothing to migrate: \(registry.path) is at schema version \(registry.latestSchemaVersion)"
            : "applied \(applied.map(\.fileName).joined(separator: ", "))")
      }
    }
  }
}

extension SchemaState {
  var isAhead: Bool {
    if case .ahead = self { return true }
    return false
  }
}

extension DB {
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Check integrity, foreign keys, the audit hash chain, migrations and the schema.",
      discussion: """
        Names the first audit entry that was altered, forged or removed, and any trigger or table \
        changed behind Pedigree's back. With --head N:HASH (a head published earlier with \
        `pedigree db head`), also proves the chain still holds entry N with that hash, so a \
        history rewritten with every hash recomputed, or a copy restored from before entry N, is \
        caught. Exits 65 when it finds a problem.

        Example: pedigree db check --db registry.db --head 42:9f86d081884c7d65…
        """)

    @OptionGroup var db: RegistryOptions
    @Option(name: .long, help: "A published head (N:HASH) the chain must still hold.")
    var head: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let head = try self.head.map(AuditHead.parse)
        let report = try db.open().queries.check(head: head)
        output.emit(report.json, text: report.text)
        if !report.isClean {
          throw PedigreeError(
            .invalidInput, "db check found \(report.problems.count) problem(s); first: \(report.problems[0])")
        }
      }
    }
  }
}

extension DB {
  struct Head: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "head",
      abstract: "Print the audit chain's head (N:HASH) to publish outside the registry.",
      discussion: """
        Prints the last audit entry's number and hash. Publish it where the registry's writers \
        cannot rewrite it (a ticket, a git commit, a file appended to by a cron job); `pedigree db \
        check --head N:HASH` later proves the history up to it is unchanged.

        Example: pedigree db head --db registry.db >> /srv/audit/pedigree-heads.txt
        """)

    @OptionGroup var db: RegistryOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let head = try db.open().queries.head()
        output.emit(head.json, text: head.head.description)
      }
    }
  }
}

extension SchemaStatus {
  /// The state in words, with the command that moves it on.
  var stateText: String {
    switch state {
    case .uninitialized: "empty (run `pedigree init`)"
    case .current: "up to date"
    case .behind: "\(pending.count) migration(s) pending (run `pedigree db migrate`)"
    case .ahead: "newer than this pedigree (\(Migration.latestVersion)): upgrade pedigree"
    case .foreign: "not a Pedigree database"
    }
  }

  /// The state as a token for scripts: `empty`, `up_to_date`, `pending`, `newer`, `foreign`.
  var stateToken: String {
    switch state {
    case .uninitialized: "empty"
    case .current: "up_to_date"
    case .behind: "pending"
    case .ahead: "newer"
    case .foreign: "foreign"
    }
  }

  /// `{path, schema_version, latest_version, state, state_text, applied: [{version, name,
  /// applied_at, checksum_ok}], pending: ["0002_name", …]}`; `state` is a token, `state_text` the
  /// sentence the text output shows.
  var json: JSONValue {
    .object([
      "path": .string(path), "schema_version": .integer(Int64(version)),
      "latest_version": .integer(Int64(Migration.latestVersion)), "state": .string(stateToken),
      "state_text": .string(stateText),
      "applied": .array(
        applied.map {
          .object([
            "version": .integer(Int64($0.version)), "name": .string($0.name),
            "applied_at": .string($0.appliedAt.iso8601Milliseconds), "checksum_ok": .bool($0.checksumMatches),
          ])
        }),
      "pending": .array(pending.map { .string($0.fileName) }),
    ])
  }

  /// The human form: one aligned line per fact, a warning for edited migrations.
  var text: String {
    let appliedList = applied.map {
      "\(NumberText.zeroPadded($0.version, width: 4))_\($0.name) (\($0.appliedAt.iso8601))"
    }
    var lines = [
      "registry:        \(path)",
      "schema version:  \(version) (this pedigree: \(Migration.latestVersion))",
      "state:           \(stateText)",
      "applied:         \(appliedList.joined(separator: ", "))",
    ]
    if !pending.isEmpty {
      lines.append("pending:         \(pending.map(\.fileName).joined(separator: ", "))")
    }
    if !edited.isEmpty {
      lines.append(
        "warning:         migration(s) \(edited.map { String($0.version) }.joined(separator: ", ")) "
          + "differ from this binary's copy")
    }
    return lines.joined(separator: "\n")
  }
}
