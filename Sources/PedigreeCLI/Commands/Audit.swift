import ArgumentParser
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

struct Audit: ParsableCommand {
  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

  static let configuration = CommandConfiguration(
    abstract: "One report on a model version: data, code, params, metrics, people, alias history, digests.",
    discussion: "Example: pedigree audit fraud-detector@production --format markdown > audit.md")

  @Argument(help: "The model version: NAME@N or NAME@ALIAS.") var ref: String
  @Option(help: "text (the default), json or markdown.") var format: Format?
  @OptionGroup var db: RegistryOptions
  @OptionGroup var output: OutputOptions

  func validate() throws { if let format { try output.checkCompatible(format: format) } }

  func run() throws {
    try execute {
      let registry = try db.open()
      let node = try registry.resolve(ref, kinds: [.model])
      guard node.kind == .modelVersion else {
        throw PedigreeError.usage(
          "audit reports are about model versions", hint: "try `pedigree lineage \(ref)`")
      }
      let report = try registry.queries.auditReport(node)
      if output.json || format == .json {
        Output(json: true).emit(report.json, text: "")
      } else {
        output.emit(
          report.json, text: format == .markdown ? report.document.markdown() : report.document.text())
      }
    }
  }
}
