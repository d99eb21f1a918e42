import ArgumentParser
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

struct ExperimentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "experiment", abstract: "Inspect experiments.", subcommands: [List.self])

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List experiments with their run counts and last activity.",
      discussion: "Example: pedigree experiment list --json")

    @OptionGroup var db: RegistryOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let experiments = try db.open().queries.experimentList()
        output.emit(
          experiments.json,
          text: experiments.isEmpty ? "no experiments" : ExperimentSummary.table(experiments).rendered())
      }
    }
  }
}
