import ArgumentParser
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

struct Impact: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Everything downstream of a dataset version, run or artifact, and the aliases serving it now.",
    discussion: """
      The question after a bad dataset: which runs read it, which models came from them, and what is in \
      production because of it. Untyped refs are dataset versions (then model versions).

      Example: pedigree impact transactions@3
      """)

  @Argument(help: "The node: dataset NAME@N, run:ID, artifact:ID or model:NAME@N.") var ref: String
  @OptionGroup var db: RegistryOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    try execute {
      let registry = try db.open()
      let node = try registry.resolve(ref, kinds: [.dataset, .model])
      let report = try registry.queries.impact(of: node)
      output.emit(report.json, text: report.document.text())
    }
  }
}
