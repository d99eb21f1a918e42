import ArgumentParser
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

struct Impact: ParsableCommand {
  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

  static let configuration = CommandConfiguration(
    commandName: "impact",
    abstract:
      "Everything downstream of a dataset version, run or artifact, and the aliases that serve or served it.",
    discussion: """
      The question after a bad dataset: which runs read it, which models came from them, and what is in \
      production because of it, and which aliases served an affected version in the past, from when \
      until when. Untyped refs are dataset versions (then model versions).

      Example: pedigree impact transactions@3 --format markdown > incident.md
      """)

  @Argument(help: "The node: dataset NAME@N, run:ID, artifact:ID or model:NAME@N.") var ref: String
  @Option(help: "text (the default), json or markdown.") var format: Format?
  @OptionGroup var db: RegistryOptions
  @OptionGroup var output: OutputOptions

  func validate() throws { if let format { try output.checkCompatible(format: format) } }

  func run() throws {
    try execute {
      let registry = try db.open()
      let node = try registry.resolve(ref, kinds: [.dataset, .model])
      let report = try registry.queries.impact(of: node)
      emitReport(report.json, report.document, format: format?.rawValue, output: output)
    }
  }
}
