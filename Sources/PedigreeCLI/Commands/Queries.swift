import ArgumentParser
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

extension LineageFormat: ExpressibleByArgument {}

struct Lineage: ParsableCommand {
  static let configuration = CommandConfiguration(
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
  @Option(help: "tree, json, dot or mermaid.") var format: LineageFormat = .tree
  @OptionGroup var global: GlobalOptions

  func validate() throws {
    if upstream && downstream {
      throw ValidationError("give --upstream or --downstream, not both (default: both)")
    }
    if let depth, depth < 0 { throw ValidationError("--depth must be 0 or more") }
  }

  func run() throws {
    try execute {
      let registry = try global.open()
      let node = try registry.resolve(ref, kinds: [.model, .dataset, .run, .artifact])
      let direction: LineageDirection = upstream ? .upstream : (downstream ? .downstream : .both)
      let graph = try registry.queries.lineage(of: node, direction: direction, depth: depth)
      global.output.emit(graph.json, text: LineageRenderer.render(graph, as: format))
    }
  }
}

struct Impact: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Everything downstream of a dataset version, run or artifact, and the aliases serving it now.",
    discussion: """
      The question after a bad dataset: which runs read it, which models came from them, and what is in \
      production because of it. Untyped refs are dataset versions (then model versions).

      Example: pedigree impact transactions@3
      """)

  @Argument(help: "The node: dataset NAME@N, run:ID, artifact:ID or model:NAME@N.") var ref: String
  @OptionGroup var global: GlobalOptions

  func run() throws {
    try execute {
      let registry = try global.open()
      let node = try registry.resolve(ref, kinds: [.dataset, .model])
      let report = try registry.queries.impact(of: node)
      global.output.emit(report.json, text: report.document.text())
    }
  }
}

struct Audit: ParsableCommand {
  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

  static let configuration = CommandConfiguration(
    abstract: "One report on a model version: data, code, params, metrics, people, alias history, digests.",
    discussion: "Example: pedigree audit fraud-detector@production --format markdown > audit.md")

  @Argument(help: "The model version: NAME@N or NAME@ALIAS.") var ref: String
  @Option(help: "text, json or markdown.") var format: Format = .text
  @OptionGroup var global: GlobalOptions

  func run() throws {
    try execute {
      let registry = try global.open()
      let node = try registry.resolve(ref, kinds: [.model])
      guard node.kind == .modelVersion else {
        throw PedigreeError.usage(
          "audit reports are about model versions", hint: "try `pedigree lineage \(ref)`")
      }
      let report = try registry.queries.auditReport(node)
      if global.json || format == .json {
        Output(json: true).emit(report.json, text: "")
      } else {
        global.output.emit(
          report.json, text: format == .markdown ? report.document.markdown() : report.document.text())
      }
    }
  }
}

struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "What differs between two model versions or two runs: params, metrics, inputs, code, artifact.",
    discussion: "Example: pedigree diff fraud-detector@2 fraud-detector@3")

  @Argument(help: "The first version or run.") var left: String
  @Argument(help: "The second version or run.") var right: String
  @OptionGroup var global: GlobalOptions

  func run() throws {
    try execute {
      let registry = try global.open()
      let nodes = try [left, right].map { (text) throws(PedigreeError) in
        try registry.resolve(text, kinds: [.model, .run])
      }
      let diff = try registry.queries.diff(nodes[0], nodes[1])
      global.output.emit(diff.json, text: diff.document.text())
    }
  }
}

struct Log: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log", abstract: "The audit log: who did what, when (newest first).",
    discussion: """
      --actor A shows only A's entries. Times are ISO 8601; a date alone means that whole day \
      for --until.

      Example: pedigree log --since 2026-11-01 --actor ana --entity fraud-detector
      """)

  @Option(help: "Entries at or after this time.") var since: String?
  @Option(help: "Entries at or before this time.") var until: String?
  @Option(help: "Only entries about this ref (fraud-detector, model:fraud-detector@3, run:ID, dataset:tx).")
  var entity: String?
  @Option(help: "At most this many entries.") var limit: Int?
  @Flag(help: "Oldest first.") var reverse = false
  @OptionGroup var global: GlobalOptions

  func validate() throws {
    if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
  }

  func run() throws {
    try execute {
      var filter = AuditLogFilter()
      filter.since = try since.map { (text) throws(PedigreeError) in try Timestamp(parsing: text) }
      filter.until = try until.map { (text) throws(PedigreeError) in
        try Timestamp(parsing: text, endOfDay: true)
      }
      filter.actor = global.actor  // on `log`, --actor filters (it is a read: nobody acts)
      filter.entity = entity
      filter.limit = limit
      filter.order = reverse ? .oldestFirst : .newestFirst
      let entries = try global.open().queries.auditLog(filter)
      global.output.emit(
        entries.json, text: entries.isEmpty ? "no entries" : AuditEntry.table(entries).rendered())
    }
  }
}
