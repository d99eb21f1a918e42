import ArgumentParser
import PedigreeCore
import PedigreeOpenLineage
import PedigreeQuery
import PedigreeSQLite

/// `pedigree openlineage import|export`: OpenLineage RunEvents in and out (OPENLINEAGE.md §7).
struct OpenLineageCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "openlineage",
    abstract: "OpenLineage RunEvents in and out (Airflow, Spark, dbt, Marquez).",
    subcommands: [Import.self, Export.self])

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Fold OpenLineage events from files into the registry.",
      discussion: """
        Takes what OpenLineage's file transport writes: JSON Lines, one event per file, a \
        pretty-printed event; also a JSON array of events and Marquez's {"events": […]} export. \
        Each event is written on its own, the same way `pedigree serve` takes it at \
        POST /api/v1/lineage: one run per runId, terminal states sticky, datasets named after their \
        namespace and name, the version read recorded for every input. A replayed event changes \
        nothing. Bad events are named FILE:LINE on stderr; the exit code is 65 if any failed.

        Example: pedigree openlineage import events-*.json
        """)

    @Argument(help: "Files of events, or - for standard input.") var files: [String]
    @OptionGroup var db: RegistryOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func validate() throws { if files.isEmpty { throw ValidationError("give a file of events, or -") } }

    func run() throws {
      try execute {
        let writer = try db.writer(as: try actor.author())
        var summary = ImportSummary()
        for file in files {
          let reader = file == "-" ? LineReader(handle: .standardInput) : try LineReader(path: file)
          try summary.read(reader, named: file == "-" ? "-" : file, into: writer)
        }
        if summary.events == 0 {
          throw PedigreeError.invalidInput("no OpenLineage events in \(files.joined(separator: ", "))")
        }
        output.emit(summary, text: summary.text)
        if summary.failed > 0 { throw ExitCode(65) }
      }
    }
  }

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Print runs as OpenLineage RunEvents, one per line.",
      discussion: """
        Each run becomes a START (with its inputs) and, once it ended, a COMPLETE, FAIL or ABORT \
        (with its outputs), ordered by event time, in a form Marquez accepts; params, latest metrics, \
        dataset versions and model versions travel in facets, so importing the output again gives \
        the same runs. --original prints the OpenLineage events as they were received instead (the \
        way back to Marquez). --json prints one {"events": […]} document.

        Example: pedigree openlineage export --since "7 days ago" > lineage.jsonl
        """)

    @Option(name: .customLong("run"), help: "Only this run (repeatable).") var runs: [String] = []
    @Option(help: "Runs started or events at or after this time (\(TimeArgument.help)).") var since: String?
    @Option(help: "Runs started or events at or before this time.") var until: String?
    @Flag(help: "Print the stored OpenLineage events verbatim.") var original = false
    @OptionGroup var db: RegistryOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let registry = try db.open()
        let since = try TimeArgument.parse(since)
        let until = try TimeArgument.parse(until, endOfDay: true)
        let selected = try runs.map { (text) throws(PedigreeError) in
          try registry.resolve(text, kinds: [.run]).id
        }
        let lines = try registry.read { () throws(PedigreeError) in
          try original
            ? OpenLineageExport.originalLines(
              registry, runIDs: runs.isEmpty ? nil : selected, since: since, until: until)
            : OpenLineageExport(reader: registry).events(
              ofRuns: runs.isEmpty ? try registry.runIDs(startedSince: since, until: until) : selected
            ).map { $0.serialized() }
        }
        if output.json {
          output.emit(.object(["events": .array(lines.compactMap { try? JSONValue.parse($0) })]), text: "")
        } else {
          let out = StreamedOutput()
          for line in lines { out.write(line + "\n") }
          out.flush()
        }
      }
    }
  }
}

extension OpenLineageExport {
  /// The stored events as lines: verbatim, unless an event was pretty-printed (then compacted).
  static func originalLines(
    _ reader: any RegistryReading, runIDs: [Int64]?, since: Timestamp?, until: Timestamp?
  ) throws(PedigreeError) -> [String] {
    var lines: [String] = []
    try reader.forEachOpenLineageEvent(runIDs: runIDs, since: since, until: until) { event in
      let text = String(decoding: event.body, as: UTF8.self)
      lines.append(
        text.contains("\n")
          ? ((try? JSONValue.parse(text))?.serialized() ?? text.split(separator: "\n").joined()) : text)
    }
    return lines
  }
}

/// What `openlineage import` did, across its files.
struct ImportSummary: JSONConvertible {
  var events = 0
  var written = 0
  var duplicates = 0
  var failed = 0
  var createdRuns = Set<String>()
  var updatedRuns = Set<String>()
  var errors: [JSONValue] = []

  /// Ingests every event of one input, naming each bad one `FILE:LINE` on stderr.
  mutating func read(_ reader: LineReader, named file: String, into writer: SQLiteWriter) throws {
    try EventStream.forEachEvent(in: reader) { line, event in
      events += 1
      do {
        let outcome = try writer.ingestOpenLineage(try event.mapError(\.pedigreeError).get())
        if !outcome.changed { duplicates += 1 } else { written += 1 }
        if let run = outcome.value.runID {
          if outcome.value.createdRun {
            createdRuns.insert(run)
          } else if outcome.changed {
            updatedRuns.insert(run)
          }
        }
      } catch let error as PedigreeError {
        guard error.kind == .invalidInput || error.kind == .refused else { throw error }
        failed += 1
        errors.append(.object(["file": .string(file), "line": .int(line), "error": .string(error.message)]))
        Output.error("\(file):\(line): \(error.message)")
      }
    }
  }

  var json: JSONValue {
    .object([
      "events": .int(events), "written": .int(written), "duplicates": .int(duplicates),
      "failed": .int(failed),
      "runs_created": .int(createdRuns.count),
      "runs_updated": .int(updatedRuns.subtracting(createdRuns).count),
      "errors": .array(errors),
    ])
  }

  var text: String {
    "imported \(events) event\(events == 1 ? "" : "s"): \(written) written, \(duplicates) unchanged, "
      + "\(failed) failed; \(createdRuns.count) run\(createdRuns.count == 1 ? "" : "s") created, "
      + "\(updatedRuns.subtracting(createdRuns).count) updated"
  }
}
