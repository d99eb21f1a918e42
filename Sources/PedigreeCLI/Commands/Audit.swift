import ArgumentParser
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

struct Audit: ParsableCommand {
  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "One report on a model version or a dataset version.",
    discussion: """
      A model version: data, code, params, metrics, people, alias history, digests. A dataset version \
      (dataset:NAME@N): digest, size, URI, rows, who registered it, the run that produced it (its inputs, \
      code and params), the runs that consumed it, and the model versions and aliases it feeds, now and \
      in the past.

      Example: pedigree audit fraud-detector@production --format markdown > audit.md
      """)

  @Argument(help: "The version: NAME@N or NAME@ALIAS (a model), or dataset:NAME@N.") var ref: String
  @Option(help: "text (the default), json or markdown.") var format: Format?
  @OptionGroup var db: RegistryOptions
  @OptionGroup var output: OutputOptions

  func validate() throws { if let format { try output.checkCompatible(format: format) } }

  func run() throws {
    try execute {
      let registry = try db.open()
      let node = try registry.resolve(ref, kinds: [.model])
      if node.kind == .datasetVersion {
        let report = try registry.queries.datasetAuditReport(node)
        return emitReport(report.json, report.document, format: format?.rawValue, output: output)
      }
      guard node.kind == .modelVersion else {
        throw PedigreeError.usage(
          "audit reports are about model or dataset versions", hint: "try `pedigree lineage \(ref)`")
      }
      let report = try registry.queries.auditReport(node)
      emitReport(report.json, report.document, format: format?.rawValue, output: output)
    }
  }
}
