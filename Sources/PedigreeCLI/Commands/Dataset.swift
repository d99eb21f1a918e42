import ArgumentParser
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

struct DatasetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dataset", abstract: "Register and inspect dataset versions.",
    subcommands: [Register.self, Deprecate.self, List.self, Show.self])

  struct Register: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "register",
      abstract: "Register a dataset version; prints NAME@N.",
      discussion: """
        With --file the content is hashed, so registering the same content again returns the \
        existing version; without --uri the file's absolute file:// URI is recorded. Without a \
        digest every registration is a new version.

        Example: pedigree dataset register transactions --uri s3://risk/tx.parquet --file tx.parquet --rows 120000
        """)

    @Argument(help: "The dataset's name.") var name: String
    @Option(help: "Where the data lives. Default with --file: the file's file:// URI.") var uri: String?
    @Option(help: "A local copy to hash (SHA-256) for the digest and size.") var file: String?
    @Option(
      help:
        "The content digest, sha256:<hex> (or MLflow's mlflow:<hex>, kept as given), when there is no local copy."
    ) var digest: String?
    @Option(help: "The number of rows.") var rows: Int64?
    @Option(help: "The size in bytes, when there is no local copy.") var size: Int64?
    @Option(help: "A description of the schema (JSON recommended).") var schema: String?
    @Option(name: .customLong("tag"), help: "A tag, key=value (repeatable).") var tags: [String] = []
    @OptionGroup var db: RegistryOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
      if file != nil && digest != nil { throw ValidationError("give --file or --digest, not both") }
      if file != nil && size != nil { throw ValidationError("--size is read from --file; do not give both") }
      if uri == nil && file == nil {
        throw ValidationError("give --uri (where the data lives), or --file to record the file's file:// URI")
      }
    }

    func run() throws {
      try execute {
        let outcome = try db.writer(as: actor.author()).registerDataset(try datasetInput())
        let version = outcome.value
        output.note(
          outcome.changed
            ? "registered \(version.ref)" + contentSummary(digest: version.digest, size: version.sizeBytes)
            : "\(version.ref) already has this digest; nothing changed")
        // `created` predates `changed` (the JSON contract's name) and stays for scripts.
        output.emit(WriteDocuments.datasetRegistered(outcome), text: version.ref)
      }
    }

    /// The dataset version the flags describe; a local file is hashed here, after the name is
    /// checked, so a typo fails fast.
    private func datasetInput() throws(PedigreeError) -> DatasetInput {
      var input = DatasetInput(
        name: name,
        uri: uri ?? file.map { URL(fileURLWithPath: $0).standardizedFileURL.absoluteString } ?? "",
        digest: digest, sizeBytes: size, rowCount: rows, schema: schema,
        tags: try keyValues(tags, "tag"))
      try Names.validate(name, as: "dataset")
      if let file {
        let hashed = try hashFile(file)
        input.digest = hashed.digest
        input.sizeBytes = hashed.size
      }
      return input
    }
  }
}

extension DatasetCommand {
  struct Deprecate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "deprecate",
      abstract: "Mark a dataset version bad: inputs skip or refuse it; lineage, impact and audit mark it.",
      discussion: """
        An input NAME (no version) then resolves to the latest version that is not deprecated, and \
        naming the deprecated version as an input is refused. Deprecating a version that a model \
        an alias serves was trained on (through lineage) warns, and model list marks that alias. \
        Deprecating it again is refused.

        Example: pedigree dataset deprecate transactions@3 --reason "labels leaked into features"
        """)

    @Argument(help: "The version, NAME@N or dataset:NAME@N.") var ref: String
    @Option(help: "Why it is bad (required).") var reason: String
    @OptionGroup var db: RegistryOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let parsed = try Ref.parse(ref, defaultKind: .dataset)
        if case .dataset(_, .latest) = parsed {
          throw PedigreeError.usage("name the version to deprecate", hint: "use NAME@N")
        }
        let writer = try db.writer(as: actor.author())
        let version = try writer.deprecateDataset(parsed, reason: reason)
        let impact = try writer.registry.queries.impact(
          of: NodeRef(kind: .datasetVersion, id: version.id, name: version.ref))
        for alias in impact.servingAliases {
          Output.warning(
            "\(alias.model)@\(alias.alias) serves \(alias.model)@\(alias.version), trained on \(version.ref)")
        }
        output.emit(
          WriteDocuments.datasetDeprecated(version, reason: reason, impact: impact),
          text: "deprecated \(version.ref): \(reason)")
      }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List datasets and their latest versions.", discussion: "Example: pedigree dataset list")

    @OptionGroup var db: RegistryOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let datasets = try db.open().queries.datasetList()
        output.emit(
          datasets.json, text: datasets.isEmpty ? "no datasets" : DatasetSummary.table(datasets).rendered())
      }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show a dataset version: URI, digest, size, rows, who produced and who used it.",
      discussion: "Example: pedigree dataset show transactions@3")

    @Argument(help: "The version, NAME@N or NAME (latest).") var ref: String
    @OptionGroup var db: RegistryOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let registry = try db.open()
        let node = try registry.resolve(ref, kinds: [.dataset])
        guard node.kind == .datasetVersion else {
          throw PedigreeError.usage("\(ref) is not a dataset version")
        }
        let info = try registry.queries.datasetShow(node)
        output.emit(info.json, text: info.document.text())
      }
    }
  }
}
