import ArgumentParser
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "What differs between two model versions or two runs: params, metrics, inputs, code, artifact.",
    discussion: "Example: pedigree diff fraud-detector@2 fraud-detector@3")

  @Argument(help: "The first version or run.") var left: String
  @Argument(help: "The second version or run.") var right: String
  @OptionGroup var db: RegistryOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    try execute {
      let registry = try db.open()
      let nodes = try [left, right].map { (text) throws(PedigreeError) in
        try registry.resolve(text, kinds: [.model, .run])
      }
      let diff = try registry.queries.diff(nodes[0], nodes[1])
      output.emit(diff.json, text: diff.document.text())
    }
  }
}
