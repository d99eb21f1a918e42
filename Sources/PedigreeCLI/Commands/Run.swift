import ArgumentParser
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Start, log to, end and record runs.",
    subcommands: [
      Start.self, Log.self, End.self, Record.self, Show.self, List.self, Search.self, Metrics.self,
    ])

  struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "start",
      abstract: "Start a run; prints its id.",
      discussion: """
        Example: RUN=$(pedigree run start --experiment fraud --param lr=0.01 --input transactions@3 --git-commit 9f2c1e7)
        """)

    @Option(help: "The experiment (created on first use).") var experiment = "default"
    @Option(help: "A name for the run.") var name: String?
    @Option(name: .customLong("param"), help: "A param, key=value (repeatable; immutable once set).")
    var params: [String] = []
    @Option(
      name: .customLong("input"),
      help: "An input: a dataset version NAME@N, or model:NAME@N, artifact:ID (repeatable).")
    var inputs: [String] = []
    @Option(help: "The git commit of the code.") var gitCommit: String?
    @Option(help: "The code repository.") var repo: String?
    @Option(help: "The entry point (train.py).") var entryPoint: String?
    @Option(name: .customLong("tag"), help: "A tag, key=value (repeatable).") var tags: [String] = []
    @OptionGroup var db: RegistryOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let start = RunStart(
          experiment: experiment, name: name,
          code: CodeVersion(gitCommit: gitCommit, repo: repo, entryPoint: entryPoint),
          params: try keyValues(params, "param"), tags: try keyValues(tags, "tag"),
          inputs: try inputs.map { (input) throws(PedigreeError) in
            .ref(try Ref.parse(input, defaultKind: .dataset))
          })
        let handle = try db.writer(as: actor.author()).startRun(start)
        output.emit(handle, text: handle.uuid)
      }
    }
  }

  struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "log",
      abstract: "Add params, metrics, inputs and outputs to a run (all or nothing).",
      discussion: """
        Metrics are key=value or key=value@step; values may be nan, inf, -inf. An output is a local \
        file (hashed), a URI, or a typed ref to a version registered before (dataset:clean@1), \
        which the run then produced.

        Example: pedigree run log 3f9a1c --metric loss=0.42@3 --metric auc=0.93 --output model.onnx
        """)

    @Argument(help: "The run id (or a unique prefix of 6+ characters).") var runID: String
    @Option(name: .customLong("param"), help: "A param, key=value (repeatable).") var params: [String] = []
    @Option(name: .customLong("metric"), help: "A metric point, key=value[@step] (repeatable).")
    var metrics: [String] = []
    @Option(name: .customLong("input"), help: "An input ref (repeatable).") var inputs: [String] = []
    @Option(
      name: .customLong("output"),
      help: "An output: a file (hashed), a URI, or a registered dataset:NAME@N or artifact:ID (repeatable).")
    var outputs: [String] = []
    @Option(name: .customLong("tag"), help: "A tag, key=value (repeatable).") var tags: [String] = []
    @OptionGroup var db: RegistryOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let ref = try Ref.parse(runID, defaultKind: .run)
        let now = Timestamp.now()
        let log = RunLog(
          params: try keyValues(params, "param"),
          metrics: try metrics.map { (text) throws(PedigreeError) in try parseMetric(text, at: now) },
          tags: try keyValues(tags, "tag"),
          inputs: try inputs.map { (input) throws(PedigreeError) in
            .ref(try Ref.parse(input, defaultKind: .dataset))
          },
          outputs: try outputs.map(runOutput))
        let outcome = try db.writer(as: actor.author()).logRun(ref, log)
        let logged = LoggedRun(run: outcome.value, log: log, changed: outcome.changed)
        output.emit(logged, text: logged.text)
      }
    }
  }

  struct End: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "end",
      abstract: "End a run.", discussion: "Example: pedigree run end 3f9a1c --status failed")

    enum Status: String, ExpressibleByArgument, CaseIterable {
      case finished, failed, killed
    }

    @Argument(help: "The run id (or a unique prefix).") var runID: String
    @Option(help: "How it ended.") var status: Status = .finished
    @OptionGroup var db: RegistryOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let ref = try Ref.parse(runID, defaultKind: .run)
        let writer = try db.writer(as: actor.author())
        let changed = try writer.endRun(ref, status: RunStatus(rawValue: status.rawValue) ?? .finished)
        let id = try writer.registry.resolve(ref).name
        output.emit(
          WriteDocuments.runEnded(
            runID: id, status: RunStatus(rawValue: status.rawValue) ?? .finished, changed: changed),
          text: changed
            ? "run \(id) \(status.rawValue)" : "run \(id) had already \(status.rawValue); nothing changed")
      }
    }
  }

  struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "record",
      abstract: "Record whole runs from a JSON document, or JSON Lines for many.",
      discussion: """
        One JSON object records one run, all or nothing. JSON Lines records one run per line, each \
        atomically: good records are written, each failed one is named by its line number, and the \
        exit code is 65 if any failed.

        A retry is harmless: a record with "run_id" (32 lowercase hex digits, chosen by the client) \
        that is already recorded with the same content changes nothing and prints the same id; other \
        content under it is refused. Without run_id, a record with a started_at whose content equals \
        a recorded run's returns that run and writes nothing.

        Fields (all optional): run_id, experiment, name, status, started_at, ended_at, \
        code {git_commit, repo, entry_point}, params {k: v}, tags {k: v}, \
        metrics {k: value | [[step, value], [step, value, time], …]} (values may be "NaN", \
        "Infinity", "-Infinity"), inputs [{dataset: "NAME@N" | {name, uri, digest, size, rows}} | \
        {model: "NAME@N"} | {artifact: "ID"}], outputs [{artifact: {name, uri, digest, size}} | \
        {dataset: {…} | "NAME@N"}], register {model, artifact (an output's name), alias, description}. \
        The README's quick start has a whole example.

        Example: python train.py | pedigree run record -
        """)

    @Argument(help: "A JSON or JSON Lines file, or - for standard input.") var file: String
    @OptionGroup var db: RegistryOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let reader = file == "-" ? LineReader(handle: .standardInput) : try LineReader(path: file)
        var lines = RecordedLines(json: output.json)
        let summary = try db.writer(as: actor.author()).recordLines(reader) { lines.add($0, $1) }
        let total = summary.written + summary.unchanged + summary.failed
        if total == 0 {
          throw PedigreeError(.invalidInput, "no run records in \(file == "-" ? "standard input" : file)")
        }
        output.emit(lines.document(summary), text: "")
        if total == 1, let record = lines.lastRecord {
          if !record.changed { output.note("run \(record.run.uuid) is already recorded; nothing changed") }
          if let note = record.registrationNote { output.note(note) }
        } else if total > 1 {
          output.note(lines.summaryLine(summary))
        }
        if let failure = lines.firstFailure { throw ExitCode(total == 1 ? failure.kind.exitCode : 65) }
      }
    }

  }
}

/// An `--output`: a typed `dataset:`/`artifact:`/`model:`/`run:` ref names a registered node,
/// anything else is a file or URI.
func runOutput(_ text: String) throws(PedigreeError) -> RunOutput {
  if Ref.Kind.allCases.contains(where: { text.hasPrefix($0.rawValue + ":") }) {
    return .ref(try Ref.parse(text))
  }
  return .artifact(try artifactInput(text))
}

func keyValues(_ texts: [String], _ what: String) throws(PedigreeError) -> [KeyValue] {
  try texts.map { (text) throws(PedigreeError) in try parseKeyValue(text, what: what) }
}

extension RunCommand {
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show a run: attributes, code, params, latest metrics, tags, inputs and outputs.",
      discussion: "Example: pedigree run show 3f9a1c")

    @Argument(help: "The run id (or a unique prefix).") var runID: String
    @OptionGroup var db: RegistryOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let registry = try db.open()
        let details = try registry.queries.runShow(
          try registry.resolve(try Ref.parse(runID, defaultKind: .run)))
        output.emit(details.json, text: details.document.text())
      }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List recent runs, newest first.",
      discussion: "Example: pedigree run list --experiment fraud --limit 20")

    @Option(help: "Only this experiment's runs.") var experiment: String?
    @Option(help: "At most this many runs.") var limit = 50
    @OptionGroup var db: RegistryOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
      if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
      try execute {
        let runs = try db.open().queries.runList(experiment: experiment, limit: limit)
        output.emit(runs.json, text: runs.isEmpty ? "no runs" : RunSummary.table(runs).rendered())
      }
    }
  }

  struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "search",
      abstract: "Find runs with a filter: metrics.auc > 0.9 and params.lr = '0.01' and tags.team = 'risk'.",
      discussion: """
        Fields: metrics.K (latest value), params.K, tags.K, attributes.{status, name, experiment, \
        actor, start_time, end_time, git_commit, run_id}. Operators: = != < <= > >= LIKE ILIKE IN, \
        NOT IN, IS [NOT] NULL, and, or, parentheses. Strings in single quotes.

        Example: pedigree run search "metrics.auc > 0.9 and attributes.status = 'finished'" --order-by "metrics.auc DESC" --limit 5
        """)

    @Argument(help: "The filter (empty: every run).") var filter: String = ""
    @Option(help: "Sort keys, e.g. \"metrics.auc DESC, attributes.start_time\".") var orderBy: String?
    @Option(help: "At most this many runs.") var limit = RunSearch.defaultLimit
    @OptionGroup var db: RegistryOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let parsedFilter = try RunFilter.parse(filter)
        let order = try orderBy.map { (text) throws(PedigreeError) in try RunOrder.parse(text) } ?? .default
        if limit < 1 { throw PedigreeError.usage("invalid limit \(limit): it must be at least 1") }
        let registry = try db.open()
        let result = try registry.searchRuns(filter: parsedFilter, orderBy: order, limit: limit)
        // --json returns whole runs (every param, tag and latest metric); the table shows the
        // keys the filter and order named.
        let runs = output.json ? try registry.queries.overviews(of: result) : []
        output.emit(runs.json, text: result.runs.isEmpty ? "no runs match" : result.table.rendered())
      }
    }
  }
}

extension RunCommand {
  struct Metrics: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    static let configuration = CommandConfiguration(
      commandName: "metrics",
      abstract: "The full history of a run's metrics: every point in step order.",
      discussion: """
        Columns: key, step, timestamp, value. Values are exact (NaN, Infinity, -Infinity as \
        such). The points stream, so a million of them print in bounded memory. --json is \
        --format json.

        Example: pedigree run metrics 3f9a1c --key loss --format csv > loss.csv
        """)

    @Argument(help: "The run id (or a unique prefix of 6+ characters).") var runID: String
    @Option(name: .customLong("key"), help: "Only this metric (repeatable). Default: every metric.")
    var keys: [String] = []
    @Option(help: "table, json or csv.") var format: Format?
    @OptionGroup var db: RegistryOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
      if output.json, let format, format != .json {
        throw ValidationError("--json and --format \(format.rawValue) conflict; give one")
      }
    }

    func run() throws {
      try execute {
        let registry = try db.open()
        let run = try registry.resolve(try Ref.parse(runID, defaultKind: .run))
        let chosen = output.json ? .json : format ?? .table
        let stream = StreamedOutput()
        let count = try registry.queries.writeMetricHistory(
          of: run, keys: keys, format: MetricHistoryFormat(rawValue: chosen.rawValue) ?? .table,
          to: stream.write)
        stream.flush()
        if count == 0 && chosen == .table { output.note("run \(run.name) has no metric points") }
      }
    }
  }
}

extension LoggedRun {
  /// `logged to run …: 1 param, 2 metric points`.
  var text: String {
    let counts = [
      (log.params.count, "param"), (log.metrics.count, "metric point"), (log.tags.count, "tag"),
      (log.inputs.count, "input"), (log.outputs.count, "output"),
    ]
    guard changed else { return "run \(run.name) already has all of this; nothing changed" }
    return "logged to run \(run.name): "
      + counts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }.joined(separator: ", ")
  }
}
