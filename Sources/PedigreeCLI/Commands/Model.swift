import ArgumentParser
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

struct ModelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "model", abstract: "Register, promote, roll back and inspect model versions.",
    subcommands: [
      Register.self, Promote.self, Rollback.self, Deprecate.self, Tag.self, Describe.self, List.self,
      Show.self, Versions.self, Search.self, History.self, Download.self, Unalias.self,
    ])

  struct Register: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "register",
      abstract: "Register a model version from a run; prints NAME@N.",
      discussion: """
        --artifact is required. A local --artifact is hashed (SHA-256) and copied into the artifact \
        store (<registry>.artifacts, or $PEDIGREE_ARTIFACTS) for model download; a URI is recorded as given, \
        with --digest if known. A retry is harmless: registering an artifact digest the model \
        already has returns the existing version, and without a digest so does the same run and URI.

        Example: pedigree model register fraud-detector --run 3f9a1c --artifact model.onnx --alias staging
        """)

    @Argument(help: "The model's name.") var name: String
    @Option(name: .customLong("run"), help: "The run that produced it (id or unique prefix).") var runID:
      String
    @Option(help: "The model file (hashed) or its URI (required).") var artifact: String
    @Option(help: "The artifact's digest, sha256:<hex> (for a URI).") var digest: String?
    @Option(help: "An alias to point at the new version.") var alias: String?
    @Option(help: "A description of this version.") var description: String?
    @Option(name: .customLong("tag"), help: "A tag of this version, key=value (repeatable).") var tags:
      [String] = []
    @OptionGroup var db: RegistryOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let writer = try db.writer(as: actor.author())
        let registration = try registration()
        // A local file's bytes go into the artifact store once the version is registered.
        let upload = artifact.contains("://") ? nil : try db.artifactStore.stage(fileAt: artifact)
        let outcome: Outcome<ModelVersion>
        do { outcome = try writer.registerModel(registration) } catch {
          upload?.abort()
          throw error
        }
        try upload.map { (upload) throws(PedigreeError) in
          try commitArtifact(upload, path: artifact, expecting: registration.artifact?.digest)
        }
        output.note(outcome.registrationNote(alias: alias))
        // `created` predates `changed` (the JSON contract's name) and stays for scripts.
        output.emit(WriteDocuments.modelRegistered(outcome, alias: alias), text: outcome.value.ref)
      }
    }

    /// The registration the flags describe; a local artifact is hashed here.
    private func registration() throws(PedigreeError) -> ModelRegistration {
      try Names.validate(name, as: "model")
      if let alias { try Names.validateAlias(alias) }
      var registration = ModelRegistration(
        model: name, run: try Ref.parse(runID, defaultKind: .run),
        artifact: try artifactInput(artifact, digest: digest),
        alias: alias, description: description)
      registration.tags = try keyValues(tags, "tag")
      return registration
    }
  }

  struct Promote: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "promote",
      abstract: "Move an alias onto a version.",
      discussion:
        "Example: pedigree model promote fraud-detector@4 --to production --reason \"AUC +2pt on holdout\"")

    @Argument(help: "The version: NAME@N, or NAME@ALIAS to promote what another alias has.") var ref: String
    @Option(help: "The alias to move (production, staging, …).") var to: String
    @Option(help: "Why, for the record.") var reason: String?
    @OptionGroup var db: RegistryOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let target = try Ref.parse(ref, defaultKind: .model)
        try Names.validateAlias(to)
        let outcome = try db.writer(as: actor.author()).promote(target, to: to, reason: reason)
        emit(outcome, output)
      }
    }
  }

  struct Rollback: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rollback",
      abstract: "Undo the alias's last move (default alias: production).",
      discussion: """
        Each promotion pushes onto the alias's stack and each rollback pops it: promote v1, v2, v3, \
        then rollback → v2, rollback → v1. Deprecated versions are skipped. --to N jumps to N.

        Example: pedigree model rollback fraud-detector --reason "precision dropped in prod"
        """)

    @Argument(help: "The model's name.") var name: String
    @Option(help: "The alias to roll back.") var alias = "production"
    @Option(help: "Jump to this version number instead of the previous one.") var to: Int?
    @Option(help: "Why, for the record.") var reason: String?
    @OptionGroup var db: RegistryOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        try refuseRefAsName()
        let outcome = try db.writer(as: actor.author()).rollback(
          model: name, alias: alias, to: to, reason: reason)
        emit(outcome, output)
      }
    }

    /// `rollback fraud@staging` reads as "roll back fraud's staging alias" and `rollback fraud@3` as
    /// "go back to version 3": say which flag means that instead of "'@' is not allowed".
    private func refuseRefAsName() throws(PedigreeError) {
      guard let at = name.firstIndex(of: "@") else { return }
      let model = name[..<at].split(separator: ":").last ?? ""  // model:fraud@staging too
      let tail = name[name.index(after: at)...]
      let isVersion = !tail.isEmpty && tail.utf8.allSatisfy { (0x30...0x39).contains($0) }
      throw PedigreeError.usage(
        "model rollback takes a model name, not the ref '\(name.prefix(140))'",
        hint: isVersion
          ? "use --to to jump to a version: pedigree model rollback \(model) --to \(tail)"
          : "use --alias to roll back that alias: pedigree model rollback \(model) --alias \(tail.prefix(128))"
      )
    }
  }

  struct Deprecate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "deprecate",
      abstract: "Mark a version bad: rollback skips it and promote refuses it.",
      discussion: "Example: pedigree model deprecate fraud-detector@3 --reason \"trained on leaked labels\"")

    @Argument(help: "The version, NAME@N or NAME@ALIAS.") var ref: String
    @Option(help: "Why it is bad (required).") var reason: String
    @OptionGroup var db: RegistryOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let version = try db.writer(as: actor.author()).deprecate(
          try Ref.parse(ref, defaultKind: .model), reason: reason)
        output.emit(
          WriteDocuments.modelDeprecated(version, reason: reason),
          text: "deprecated \(version.ref): \(reason)")
      }
    }
  }
}

extension ModelCommand {
  struct Tag: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "tag",
      abstract: "Set or unset tags of a model version; every change is kept in its history.",
      discussion: """
        A tag set to the value it has, or unset when absent, changes nothing. Tags are searchable: \
        pedigree model search "tags.reviewed = 'yes'".

        Example: pedigree model tag fraud-detector@4 --set reviewed=yes --set ticket=RISK-42 --unset draft
        """)

    @Argument(help: "The version: NAME@N, NAME@ALIAS or NAME (latest).") var ref: String
    @Option(name: .customLong("set"), help: "A tag to set, key=value (repeatable).") var sets: [String] = []
    @Option(name: .customLong("unset"), help: "A tag key to remove (repeatable).") var unsets: [String] = []
    @OptionGroup var db: RegistryOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
      if sets.isEmpty && unsets.isEmpty { throw ValidationError("give --set k=v or --unset k") }
    }

    func run() throws {
      try execute {
        let target = try Ref.parse(ref, defaultKind: .model)
        let outcome = try db.writer(as: actor.author()).tagModelVersion(
          target, set: try keyValues(sets, "tag"), unset: unsets)
        output.emit(
          outcome,
          text: outcome.changed
            ? "\(outcome.value.name): tags \(outcome.value.tagList)"
            : "\(outcome.value.name) already has these tags; nothing changed")
      }
    }
  }

  struct Describe: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "describe",
      abstract: "Replace a model version's description; the earlier ones are kept in its history.",
      discussion:
        "Example: pedigree model describe fraud-detector@4 --description \"XGBoost on the fixed labels\"")

    @Argument(help: "The version: NAME@N, NAME@ALIAS or NAME (latest).") var ref: String
    @Option(help: "The new description (empty: clear it).") var description: String
    @OptionGroup var db: RegistryOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let target = try Ref.parse(ref, defaultKind: .model)
        let outcome = try db.writer(as: actor.author()).describeModelVersion(target, description: description)
        let name = outcome.value.name
        output.emit(
          outcome,
          text: !outcome.changed
            ? "\(name) already has this description; nothing changed"
            : outcome.value.description == nil ? "\(name): description cleared" : "\(name): description set")
      }
    }
  }

  struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "search",
      abstract:
        "Find model versions with the search language: aliases, tags, deprecation, the run's metrics.",
      discussion: """
        Fields: name, version, description, deprecated (true/false), created_at, created_by, \
        aliases, tags.K (the version's), and the source run's run.metrics.K (latest value), \
        run.params.K, run.tags.K, run.attributes.{status, name, experiment, …}. Operators as in \
        run search.

        Example: pedigree model search "run.metrics.auc > 0.9 and aliases = 'staging' and deprecated = false" --order-by "run.metrics.auc DESC"
        """)

    @Argument(help: "The filter (empty: every version).") var filter: String = ""
    @Option(help: "Sort keys, e.g. \"run.metrics.auc DESC, created_at\".") var orderBy: String?
    @Option(help: "At most this many versions.") var limit = RunSearch.defaultLimit
    @OptionGroup var db: RegistryOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let parsedFilter = try ModelVersionFilter.parse(filter)
        let order =
          try orderBy.map { (text) throws(PedigreeError) in try ModelVersionOrder.parse(text) } ?? .default
        let versions = try db.open().queries.searchModelVersions(
          filter: parsedFilter, orderBy: order, limit: limit)
        output.emit(
          versions.json,
          text: versions.isEmpty
            ? "no model versions match" : ModelVersionInfo.searchTable(versions).rendered())
      }
    }
  }
}

/// Prints an alias move: `fraud-detector@production: 3 → 2`, or a removal: `… 3 → (unset)`.
func emit(_ outcome: Outcome<AliasMove>, _ output: OutputOptions) {
  let move = outcome.value
  let name = { (version: Int?) in version.map { "\(move.model)@\($0)" } ?? "(unset)" }
  let unchanged =
    move.to == nil
    ? "\(move.model)@\(move.alias) is already removed; nothing changed"
    : "\(move.model)@\(move.alias) already points at \(name(move.to)); nothing changed"
  output.emit(
    outcome,
    text: outcome.changed ? "\(move.model)@\(move.alias): \(name(move.from)) → \(name(move.to))" : unchanged)
}

extension ModelCommand {
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List models with their latest version and aliases.",
      discussion: "Example: pedigree model list")

    @OptionGroup var db: RegistryOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let models = try db.open().queries.modelList()
        output.emit(
          models.json, text: models.isEmpty ? "no models" : ModelSummary.table(models).rendered())
      }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show a model version and the model's aliases, now or as they stood at a time.",
      discussion: """
        --at answers "what was in production on that day": aliases, versions and deprecations as \
        they stood then (a date alone means 00:00 UTC; relative times such as "2h ago" or \
        yesterday work too; a time in the future is refused).

        Example: pedigree model show fraud-detector@production --at 2026-03-01T12:00:00Z
        """)

    @Argument(help: "The version: NAME@N, NAME@ALIAS or NAME (latest).") var ref: String
    @Option(help: "Show it as it stood at this past time (\(TimeArgument.help)).") var at: String?
    @OptionGroup var db: RegistryOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let time = try TimeArgument.parsePast(at)
        let parsed = try Ref.parse(ref, defaultKind: .model)
        let shown = try db.open().queries.modelShow(parsed, at: time)
        output.emit(shown.json, text: shown.document.text())
      }
    }
  }

  struct Versions: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "versions",
      abstract: "List a model's versions with their aliases, runs and deprecations.",
      discussion: "Example: pedigree model versions fraud-detector")

    @Argument(help: "The model's name.") var name: String
    @OptionGroup var db: RegistryOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        try Names.validate(name, as: "model")
        let versions = try db.open().queries.modelVersions(name)
        output.emit(
          versions.json, text: versions.isEmpty ? "no versions" : ModelVersionInfo.table(versions).rendered())
      }
    }
  }

  struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "history",
      abstract: "Every alias event of a model, oldest first: who moved what where, and why.",
      discussion: "Example: pedigree model history fraud-detector --alias production")

    @Argument(help: "The model's name.") var name: String
    @Option(help: "Only this alias.") var alias: String?
    @OptionGroup var db: RegistryOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        try Names.validate(name, as: "model")
        if let alias { try Names.validateAlias(alias) }
        let events = try db.open().queries.aliasHistory(model: name, alias: alias)
        output.emit(
          events.json, text: events.isEmpty ? "no alias events" : AliasEvent.table(events).rendered())
      }
    }
  }
}

extension Outcome<ModelVersion> {
  /// `registered fraud@2 (sha256:…, 17 MiB) → fraud@staging`, or that nothing changed.
  func registrationNote(alias: String?) -> String {
    guard changed else { return "\(value.ref) already has this artifact; nothing changed" }
    return "registered \(value.ref)" + contentSummary(digest: value.digest, size: value.sizeBytes)
      + (alias.map { " → \(value.model)@\($0)" } ?? "")
  }
}
