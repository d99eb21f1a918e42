import ArgumentParser
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

extension LineageFormat: ExpressibleByArgument {}

struct Lineage: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lineage",
    abstract: "Show the lineage graph around a node.",
    discussion: """
      Depth counts edges: a model version's source run is 1 away, the run's inputs 2. \
      Untyped refs are model versions; use dataset:NAME@N, run:ID or artifact:ID for others.

      Example: pedigree lineage fraud-detector@production --upstream --format dot | dot -Tsvg > lineage.svg
      """)

  @Argument(help: "The node: NAME@N, NAME@ALIAS, dataset:NAME@N, run:ID, artifact:ID.") var ref: String
  @Flag(help: "Only what it came from.") var upstream = false
  @Flag(help: "Only what came from it.") var downstream = false
  @Option(help: "How many edges to follow (default: all).") var depth: Int?
  @Option(help: "tree (the default), json, dot or mermaid.") var format: LineageFormat?
  @OptionGroup var db: RegistryOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if upstream && downstream {
      throw ValidationError("give --upstream or --downstream, not both (default: both)")
    }
    if let depth, depth < 0 { throw ValidationError("--depth must be 0 or more") }
    if let format { try output.checkCompatible(format: format) }
  }

  func run() throws {
    try execute {
      let registry = try db.open()
      let node = try registry.resolve(ref, kinds: [.model, .dataset, .run, .artifact])
      let direction: LineageDirection = upstream ? .upstream : (downstream ? .downstream : .both)
      let graph = try registry.queries.lineage(of: node, direction: direction, depth: depth)
      output.emit(graph.json, text: LineageRenderer.render(graph, as: format ?? .tree))
    }
  }
}
