import PedigreeCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension SQLiteWriter {
  /// Records a whole run from a run document, all or nothing: the run, its params, metrics, tags,
  /// inputs (registering inline datasets), outputs, and the model version of its `register`
  /// section, with one audit entry. On any error nothing of it is written.
  public func record(_ document: RunDocument) throws(PedigreeError) -> RecordResult {
    try write { try insertRecord(document) }
  }

  /// Records every document of a JSON Lines stream, each atomically. Records are written in
  /// batches of `batchSize` (the first one smaller), one transaction per batch, and a failed
  /// record is rolled back alone while the good ones around it are written (see `recordBatch`).
  /// The lines are read, parsed, validated and hashed on a second thread while the batch before
  /// them is written, and each batch is freed there once written.
  ///
  /// Memory stays bounded by the longest line and a few batches, whatever the stream's length.
  ///
  /// - Parameter onResult: called for each record, with its 1-based line number and outcome.
  public func recordLines(
    _ lines: LineReader, batchSize: Int = 64,
    onResult: (Int, Result<RecordResult, PedigreeError>) -> Void
  ) throws(PedigreeError) -> RecordSummary {
    var summary = RecordSummary()
    try keepSavepointJournalsInMemory()
    let metricKeys = MetricKeyDirectory()
    try mapErrors { try metricKeys.refresh(database) }
    let batches = DecodedBatches(lines, batchSize: batchSize, metricKeys: metricKeys)
    defer { batches.finish() }
    while let batch = try batches.next() {
      let results = try recordBatch(batch)
      try mapErrors { try metricKeys.refresh(database) }
      for (line, result) in zip(batch, results) {
        summary.count(result, line: line.number)
        onResult(line.number, result)
      }
      batches.recycle(consume batch)
    }
    return summary
  }

  /// A batch's records (decoded and validated), in one transaction. A savepoint per record
  /// would isolate each, but SQLite copies the original of every page a savepoint changes into
  /// its journal, and a record changes some 90 pages (each table and index it writes): a third
  /// of the writer's work. So the records are written straight into the transaction; a record
  /// that fails before it wrote anything (bad JSON, an invalid record, another content under its
  /// `run_id`) is only its own failure, and one that fails after (a deprecated input, a policy
  /// refusing its alias) rolls the transaction back, and the batch is written again in a new
  /// one with a savepoint per record.
  ///
  /// Not a savepoint around the batch either: each statement that may fail half-way keeps its
  /// own journal in the same in-memory sub-journal (a list of 1 KiB chunks), and ending one
  /// walks that list from its start to cut it back, so under a batch's savepoint every statement
  /// paid for the whole batch's journal so far: a tenth of the writer's time, in cache misses
  /// (perf) more than in instructions, and a bulk `run record` 14% faster without it.
  private func recordBatch(_ batch: [DecodedLine]) throws(PedigreeError) -> [Result<
    RecordResult, PedigreeError
  >] {
    var wroteBeforeFailing = false
    do {
      return try write {
        try batch.map { line in
          let changes = database.totalChanges
          do {
            return try record(line) { try insertRecord($0, digest: $1, metrics: $2, validated: true) }
          } catch let error as PedigreeError where database.totalChanges == changes {
            return .failure(error.asInputError)
          } catch {
            wroteBeforeFailing = true
            throw error
          }
        }
      }
    } catch  where wroteBeforeFailing {
      return try write {
        try batch.map { line in
          do {
            return try record(line) { document, digest, metrics in
              try database.write {
                try insertRecord(document, digest: digest, metrics: metrics, validated: true)
              }
            }
          } catch let error as PedigreeError {
            return .failure(error.asInputError)
          }
        }
      }
    }
  }

  /// `line`'s document written by `insert`, or why the line is no document.
  private func record(
    _ line: DecodedLine, _ insert: (RunDocument, String, PreparedMetrics) throws -> RecordResult
  ) throws -> Result<RecordResult, PedigreeError> {
    switch line.document {
    case .failure(let error): return .failure(error.asInputError)
    case .success(let (document, digest, metrics)): return .success(try insert(document, digest, metrics))
    }
  }

  /// A batch runs in a savepoint (and each of its records, when one fails after writing), and
  /// so do statements that may fail half-way; SQLite saves the original of every page a
  /// savepoint changes in a sub-journal: a temporary file (a `pwrite` per page, 15% of a bulk
  /// `run record`'s time) unless temporary storage is memory. A sub-journal holds the pages of
  /// one batch. Switching drops the connection's temporary objects, which
  /// `FactTracking.prepare` installs again before the next write, so switch only once.
  private func keepSavepointJournalsInMemory() throws(PedigreeError) {
    guard !database.isPostgres else { return }
    try mapErrors {
      if try database.scalarInt("PRAGMA temp_store") != 2 {
        try database.execute("PRAGMA temp_store = MEMORY")
      }
    }
  }

  /// Checks a record as its write would, needing no database (so a bulk `run record` checks on
  /// its decoding thread); a usage error in it is invalid input.
  static func validate(_ document: RunDocument) throws(PedigreeError) {
    do {
      try Self.validate(document.start)
      try Self.validate(document.log)
      if let section = document.register {
        try Names.validate(section.model, as: "model")
        if let alias = section.alias { try Names.validateAlias(alias) }
        if let description = section.description { try Limits.validateText(description, as: "description") }
      }
    } catch {
      throw error.asInputError
    }
  }

  /// Writes a record inside the caller's transaction, or finds it already written (a retry):
  /// the run its `run_id` names with the same content, or, without a `run_id`, a run recorded
  /// with the same content and an explicit `started_at`. Other content under a recorded
  /// `run_id` is refused. See `RecordContent`.
  ///
  /// - Parameters:
  ///   - digest: `RecordContent.digest(document)`, when the caller has it already.
  ///   - metrics: the document's metrics made ready, when the caller has them already.
  ///   - validated: whether the caller has validated the document already (`validate`).
  func insertRecord(
    _ document: RunDocument, digest: String? = nil, metrics prepared: PreparedMetrics? = nil,
    validated: Bool = false
  ) throws -> RecordResult {
    if !validated { try Self.validate(document) }
    let digest = digest ?? RecordContent.digest(document)
    if let found = try recordedRun(document, digest: digest) {
      return try unchangedRecord(document, run: found)
    }
    let run = try insertRun(document.start, uuid: document.runID)
    try database.run(
      "INSERT INTO run_records(run_id, digest) VALUES (?, ?)", [.integer(run.id), .text(digest)])
    try FactTracking.inserted(into: "run_records", entity: run.id, database)
    var log = document.log
    let outputs = log.outputs
    log.outputs = []
    let metrics = try apply(log, to: run.id, prepared: prepared).metrics
    var outputRefs: [JSONValue] = []
    var artifactIDs: [String: Int64] = [:]
    for output in outputs {
      let ref = try link(output, fromRun: run.id)
      outputRefs.append(.string(ref))
      if case .artifact(let artifact) = output, let id = Int64(ref.dropFirst("artifact:".count)) {
        artifactIDs[artifact.name] = artifactIDs[artifact.name] ?? id
      }
    }
    var details = try recordDetails(document, run: run, metrics: metrics, outputRefs: outputRefs)
    var registered: Outcome<ModelVersion>?
    var move: AliasMove?
    if let section = document.register {
      (registered, move) = try registerFromRecord(
        section, run: run, outputs: outputs, artifactIDs: artifactIDs)
      details["registered"] = .optional(registered?.value.ref)
      details["alias"] = .optional(move?.alias)
      if let from = move?.from { details["alias_from"] = .integer(Int64(from)) }
    }
    try appendAudit(action: .runRecord, entity: "run:\(run.uuid)", details: details)
    return RecordResult(
      run: run, paramCount: document.start.params.count, metricPointCount: log.metrics.count,
      inputCount: document.start.inputs.count, outputCount: outputs.count,
      modelVersion: registered, aliasMove: move,
      datasetsProduced: outputRefs.compactMap { ref in
        if case .string(let text) = ref, text.hasPrefix("dataset:") { text } else { nil }
      })
  }

  /// A `run.record` entry's details before `appendAudit` adds their `facts`: the counts, the
  /// refs `log --entity` finds the entry by, and the run's content digest. The run's experiment,
  /// name, status and record digest are not repeated here: its facts hold them (entries of
  /// earlier binaries repeat them, and still verify: `db check` reads `facts`).
  private func recordDetails(
    _ document: RunDocument, run: RunHandle, metrics: WrittenMetrics, outputRefs: [JSONValue]
  ) throws -> JSONObject {
    [
      "params": .integer(Int64(document.start.params.count)),
      "metric_points": .integer(Int64(document.log.metrics.count)),
      "inputs": .integer(Int64(document.start.inputs.count)),
      "input_refs": .array(try inputRefs(ofRun: run.id)), "outputs": .array(outputRefs),
      "content_digest": .string(
        try newRunDigest(document, runID: run.id, metrics: metrics)),
    ]
  }

  /// The run that already holds this record, if any.
  private func recordedRun(_ document: RunDocument, digest: String) throws -> RunHandle? {
    if let uuid = document.runID {
      guard
        let (id, recorded) = try database.queryFirst(
          "SELECT r.id, rr.digest FROM runs r LEFT JOIN run_records rr ON rr.run_id = r.id WHERE r.uuid = ?",
          [.text(uuid)], { ($0.int64(0), $0.optionalString(1)) })
      else { return nil }
      guard recorded == digest else {
        throw PedigreeError.refused(
          "run \(uuid) is already recorded with other content",
          hint: "a retry must send the same record; choose a new run_id for a new run")
      }
      return RunHandle(id: id, uuid: uuid)
    }
    // Without a start time the run starts now: never a retry of an earlier one.
    guard document.start.startedAt != nil else { return nil }
    return try database.queryFirst(
      """
      SELECT r.id, r.uuid FROM run_records rr JOIN runs r ON r.id = rr.run_id
      WHERE rr.digest = ? ORDER BY r.id LIMIT 1
      """, [.text(digest)], { RunHandle(id: $0.int64(0), uuid: $0.string(1)) })
  }

  /// What a retried record answers: the run it found, and the version its `register` section
  /// made then. Writes nothing.
  private func unchangedRecord(_ document: RunDocument, run: RunHandle) throws -> RecordResult {
    var version: Outcome<ModelVersion>?
    if let section = document.register,
      let id = try database.scalarInt(
        """
        SELECT v.id FROM model_versions v JOIN models m ON m.id = v.model_id
        WHERE m.name = ? AND v.run_id = ? ORDER BY v.version LIMIT 1
        """, [.text(section.model), .integer(run.id)])
    {
      version = Outcome(value: try modelVersion(id: id), changed: false)
    }
    return RecordResult(
      run: run, paramCount: document.start.params.count,
      metricPointCount: document.log.metrics.count, inputCount: document.start.inputs.count,
      outputCount: document.log.outputs.count, modelVersion: version, aliasMove: nil, changed: false,
      datasetsProduced: try database.query(
        """
        SELECT 'dataset:' || d.name || '@' || v.version FROM edges e
        JOIN dataset_versions v ON v.id = e.dst JOIN datasets d ON d.id = v.dataset_id
        WHERE e.src = ? AND e.relation = 'output' ORDER BY e.dst
        """, [.integer(run.id)]
      ) { $0.string(0) })
  }

  /// The content digest of a run the record just created, from what it wrote rather than read
  /// back (it holds everything the run has). Debug builds check it against the read-back.
  private func newRunDigest(_ document: RunDocument, runID: Int64, metrics: WrittenMetrics) throws
    -> String
  {
    let digest =
      metrics.contentDigest
      ?? RunContent.digest(params: document.start.params + document.log.params, histories: metrics.histories)
    assert(
      digest == (try? RunContent.digest(database, runID: runID)),
      "the in-memory run content digest differs from the stored run's")
    return digest
  }

  private func registerFromRecord(
    _ section: RunDocument.Registration, run: RunHandle, outputs: [RunOutput],
    artifactIDs: [String: Int64]
  ) throws -> (Outcome<ModelVersion>, AliasMove?) {
    var artifact: ArtifactInput?
    if let name = section.artifact {
      artifact =
        outputs.lazy.compactMap { output -> ArtifactInput? in
          if case .artifact(let candidate) = output, candidate.name == name { return candidate }
          return nil
        }.first
      if artifact == nil {
        throw PedigreeError.invalidInput(
          "register.artifact: no output artifact named '\(name)'",
          hint: "name one of the artifacts in outputs")
      }
    }
    let outcome = try insertModelVersion(
      ModelRegistration(
        model: section.model, run: .run(run.uuid), artifact: artifact, alias: section.alias,
        description: section.description))
    var move: AliasMove?
    if let alias = section.alias {
      try checkPolicy(
        model: section.model, alias: alias, versionID: outcome.value.id, version: outcome.value.version,
        reason: nil)
      move = try moveAlias(
        modelID: try modelID(section.model), alias: alias, to: outcome.value.id, action: .promote,
        reason: "registered by run record")
    }
    return (outcome, move)
  }
}

extension PedigreeError {
  /// A usage error inside a record is invalid input data; other kinds stay what they are.
  var asInputError: PedigreeError {
    kind == .usage ? PedigreeError(.invalidInput, message, hint: hint) : self
  }
}
