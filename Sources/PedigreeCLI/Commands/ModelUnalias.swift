import ArgumentParser
import PedigreeCore
import PedigreeSQLite

extension ModelCommand {
  struct Unalias: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "unalias",
      abstract: "Remove an alias from a model (the alias is then not set).",
      discussion: """
        The removal is an alias event like a move (action remove): model history and audit keep it, \
        NAME@ALIAS is then not found, and model rollback restores the version the alias pointed at. \
        The alias's policy applies (--require-reason); removing an alias already removed changes \
        nothing.

        Example: pedigree model unalias fraud-detector staging --reason "staging environment retired"
        """)

    @Argument(help: "The model's name (or NAME@ALIAS, without the second argument).") var name: String
    @Argument(help: "The alias to remove.") var alias: String?
    @Option(help: "Why, for the record.") var reason: String?
    @OptionGroup var db: RegistryOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let (model, alias) = try target()
        let outcome = try db.writer(as: actor.author()).removeAlias(
          model: model, alias: alias, reason: reason)
        emit(outcome, output)
      }
    }

    /// `NAME ALIAS`, or `NAME@ALIAS` (typed `model:NAME@ALIAS` too) alone.
    private func target() throws(PedigreeError) -> (model: String, alias: String) {
      if let alias {
        try Names.validate(name, as: "model")
        try Names.validateAlias(alias)
        return (name, alias)
      }
      guard case .model(let model, .alias(let alias)) = try Ref.parse(name, defaultKind: .model) else {
        throw PedigreeError.usage(
          "model unalias takes a model and an alias: NAME ALIAS or NAME@ALIAS, not '\(name.prefix(140))'",
          hint: "example: pedigree model unalias fraud-detector staging")
      }
      return (model, alias)
    }
  }
}
