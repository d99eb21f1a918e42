import PedigreeCore

extension SQLiteWriter {
  /// Stores one OpenLineage event verbatim and folds it into its run (OPENLINEAGE.md §4), in one
  /// transaction with one `openlineage.event` audit entry carrying what it changed.
  ///
  /// The run's state is derived from all its stored events, so the order they arrive in does not
  /// matter: started_at is the earliest START (else the nominal start, else the earliest event),
  /// the terminal event with the latest time sets status and ended_at, and a START, RUNNING or
  /// OTHER never reopens a finished run (S1–S3). A param keeps its first value; a different later
  /// value becomes a tag (P1). Each input resolves once per run (V1, V2, V5); outputs become
  /// versions when the run completes (V3). A byte-identical replay writes nothing.
  public func ingestOpenLineage(_ event: LineageEventInput) throws(PedigreeError)
    -> Outcome<LineageIngestResult>
  {
    try write {
      if let known = try database.queryFirst(
        "SELECT r.uuid FROM ol_events e LEFT JOIN runs r ON r.id = e.run_id WHERE e.body_sha256 = ?",
        [.text(event.bodyDigest)], { $0.optionalString(0) })
      {
        return Outcome(
          value: LineageIngestResult(runID: known, createdRun: false, duplicate: true), changed: false)
      }
      guard let run = event.run else { return try storeStaticEvent(event) }
      return try ingest(event, run)
    }
  }

  private func storeStaticEvent(_ event: LineageEventInput) throws -> Outcome<LineageIngestResult> {
    let eventID = try insertEvent(event, runID: nil)
    let subject =
      event.dataset.map { "dataset:\($0.namespace)/\($0.name)" }
      ?? event.job.map { "job:\($0.namespace)/\($0.name)" } ?? "event"
    try appendAudit(
      action: .openLineageEvent, entity: "openlineage:\(subject)",
      details: eventDetails(event, eventID: eventID))
    return Outcome(value: LineageIngestResult(runID: nil, createdRun: false, duplicate: false), changed: true)
  }

  private func ingest(_ event: LineageEventInput, _ run: LineageRunInput) throws -> Outcome<
    LineageIngestResult
  > {
    let (runID, created, adopted) = try openLineageRun(event, run)
    let eventID = try insertEvent(event, runID: runID)
    var details = eventDetails(event, eventID: eventID)
    details["ol_run_id"] = .string(run.originalRunID)
    if created { details["created"] = .bool(true) }
    if !created {
      try database.run(
        "UPDATE runs SET name = ?1 WHERE id = ?2 AND (name IS NULL OR name = 'unknown') AND ?1 != 'unknown'",
        [.text(run.name), .integer(runID)])
      try database.run(
        """
        UPDATE runs SET git_commit = ?, git_repo = ?, entry_point = ?
        WHERE id = ? AND git_commit IS NULL AND git_repo IS NULL AND entry_point IS NULL
        """,
        [
          SQLValue(run.code.gitCommit), SQLValue(run.code.repo), SQLValue(run.code.entryPoint),
          .integer(runID),
        ])
    }
    let conflicts = try insertFirstParams(run.params, runID: runID)
    try upsertTags(run.tags + conflicts, runID: runID)
    try insertMetrics(run.metrics, runID: runID, recorded: .sameStepAndValue)
    let state = try refreshState(ofRun: runID, adopted: adopted, nominalStart: run.nominalStart)
    var createdVersions: [JSONValue] = []
    var inputRefs: [JSONValue] = []
    for input in run.inputs {
      if let ref = try linkOpenLineageInput(
        input, runID: runID, at: event.eventTime, created: &createdVersions)
      {
        inputRefs.append(.string(ref))
      }
    }
    for output in run.outputs {
      let dataset = try openLineageDataset(output, at: event.eventTime, created: &createdVersions)
      try database.run(
        "INSERT INTO ol_run_outputs(event_id, run_id, dataset_id, facts) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [.integer(eventID), .integer(runID), .integer(dataset.id), .text(output.facts.json.serialized())])
    }
    var outputRefs: [JSONValue] = []
    if state.status == .finished || run.streaming {
      outputRefs = try materializeOutputs(
        ofRun: runID, at: run.streaming ? event.eventTime : (state.endedAt ?? event.eventTime),
        created: &createdVersions
      ).map(JSONValue.string)
    } else if state.status != .running {
      let unwritten = try pendingOutputNames(ofRun: runID)
      if !unwritten.isEmpty {
        try upsertTags(
          [KeyValue("openlineage.unwritten_outputs", unwritten.joined(separator: ","))], runID: runID)
      }
    }
    for artifact in run.artifacts {
      if try runOutputArtifact(runID: runID, matching: artifact) != nil { continue }
      let id = try insertArtifact(artifact)
      try insertEdge(from: runID, to: id, .output)
      outputRefs.append(.string("artifact:\(id)"))
    }
    details["run"] = try runFacts(runID)
    if !inputRefs.isEmpty { details["input_refs"] = .array(inputRefs) }
    if !outputRefs.isEmpty { details["outputs"] = .array(outputRefs) }
    if !createdVersions.isEmpty { details["created"] = .array(createdVersions) }
    details["content_digest"] = .string(try RunContent.digest(database, runID: runID))
    let uuid = try database.scalarString("SELECT uuid FROM runs WHERE id = ?", [.integer(runID)]) ?? run.runID
    try appendAudit(action: .openLineageEvent, entity: "run:\(uuid)", details: details)
    return Outcome(
      value: LineageIngestResult(runID: uuid, createdRun: created, duplicate: false), changed: true)
  }

  // MARK: The run

  /// The run of `run.runID`: found (with whether it was a Pedigree run before its first event)
  /// or created as running at the event's time.
  private func openLineageRun(_ event: LineageEventInput, _ run: LineageRunInput) throws -> (
    id: Int64, created: Bool, adopted: Bool
  ) {
    if let id = try database.scalarInt("SELECT id FROM runs WHERE uuid = ?", [.text(run.runID)]) {
      if let adopted = try database.scalarInt("SELECT adopted FROM ol_runs WHERE run_id = ?", [.integer(id)])
      {
        return (id, false, adopted != 0)
      }
      try insertOrigin(runID: id, event: event, run: run, adopted: true)
      return (id, false, true)
    }
    let start = RunStart(
      experiment: run.experiment, name: run.name, status: .running, startedAt: event.eventTime,
      code: run.code)
    let handle = try insertRun(start, uuid: run.runID)
    try insertOrigin(runID: handle.id, event: event, run: run, adopted: false)
    return (handle.id, true, false)
  }

  private func insertOrigin(runID: Int64, event: LineageEventInput, run: LineageRunInput, adopted: Bool)
    throws
  {
    try database.run(
      "INSERT INTO ol_runs(run_id, ol_run_id, job_namespace, job_name, adopted) VALUES (?, ?, ?, ?, ?)",
      [
        .integer(runID), .text(run.originalRunID), .text(event.job?.namespace ?? ""),
        .text(event.job?.name ?? ""), .integer(adopted ? 1 : 0),
      ])
  }

  private func insertEvent(_ event: LineageEventInput, runID: Int64?) throws -> Int64 {
    try database.insertReturningID(
      """
      INSERT INTO ol_events(body_sha256, kind, event_type, event_time, received_at, run_id, producer, body)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .text(event.bodyDigest), .text(event.kind.rawValue), SQLValue(event.eventType),
        .integer(event.eventTime.milliseconds), .integer(clock().milliseconds), SQLValue(runID),
        .text(event.producer), .blob(event.body),
      ])
  }

  private func eventDetails(_ event: LineageEventInput, eventID: Int64) -> JSONObject {
    [
      "event": .integer(eventID), "kind": .string(event.kind.rawValue),
      "event_type": .optional(event.eventType), "event_time": .time(event.eventTime),
      "producer": .string(event.producer), "body_sha256": .string(event.bodyDigest),
      "body_size": .integer(Int64(event.body.count)),
    ]
  }

  /// Inserts the params a run does not have yet; a key it has with another value is returned as
  /// an `openlineage.param_conflict.KEY` tag instead of refusing the event (P1).
  private func insertFirstParams(_ params: [KeyValue], runID: Int64) throws -> [KeyValue] {
    var conflicts: [KeyValue] = []
    for param in params {
      try database.run(
        "INSERT INTO params(run_id, key, value) VALUES (?, ?, ?) ON CONFLICT(run_id, key) DO NOTHING",
        [.integer(runID), .text(param.key), .text(param.value)])
      let inserted = database.changes
      if inserted > 0 { try FactTracking.inserted(into: "params", entity: runID, database) }
      if inserted == 0,
        try database.scalarString(
          "SELECT value FROM params WHERE run_id = ? AND key = ?", [.integer(runID), .text(param.key)])
          != param.value
      {
        let key = "openlineage.param_conflict.\(param.key)"
        conflicts.append(KeyValue(String(key.utf8.prefix(Limits.keyLength)) ?? key, param.value))
      }
    }
    return conflicts
  }

  /// Sets the run's status, started_at and ended_at from all its stored events (S1–S3).
  private func refreshState(ofRun runID: Int64, adopted: Bool, nominalStart: Timestamp?) throws -> (
    status: RunStatus, endedAt: Timestamp?
  ) {
    let arguments: [SQLValue] = [.integer(runID)]
    let firstStart = try database.scalarInt(
      "SELECT min(event_time) FROM ol_events WHERE run_id = ? AND event_type = 'START'", arguments)
    let firstEvent = try database.scalarInt(
      "SELECT min(event_time) FROM ol_events WHERE run_id = ?", arguments)
    let terminal = try database.queryFirst(
      """
      SELECT event_type, event_time FROM ol_events
      WHERE run_id = ? AND event_type IN ('COMPLETE', 'FAIL', 'ABORT') ORDER BY event_time DESC, id DESC LIMIT 1
      """, arguments
    ) { ($0.string(0), $0.int64(1)) }
    guard
      let current = try database.queryFirst(
        "SELECT status, started_at, ended_at FROM runs WHERE id = ?", arguments,
        { (RunStatus(rawValue: $0.string(0)) ?? .running, $0.int64(1), $0.optionalInt64(2)) })
    else { throw PedigreeError.notFound("run vanished while ingesting") }
    var startedAt = current.1
    if let firstStart {
      startedAt = firstStart
    } else if !adopted {
      let nominal =
        try nominalStart?.milliseconds
        ?? database.scalarString(
          "SELECT value FROM run_tags WHERE run_id = ? AND key = 'openlineage.nominal_start_time'", arguments
        ).flatMap { try? Timestamp(parsing: $0).milliseconds }
      startedAt = nominal.map { min($0, firstEvent ?? $0) } ?? firstEvent ?? startedAt
    }
    var status = current.0
    var endedAt = current.2
    if let (type, time) = terminal {
      status = type == "COMPLETE" ? .finished : type == "FAIL" ? .failed : .killed
      endedAt = time
    } else if !adopted {
      status = .running
      endedAt = nil
    }
    if let ended = endedAt { startedAt = min(startedAt, ended) }
    if (status, startedAt, endedAt) != (current.0, current.1, current.2) {
      try database.run(
        "UPDATE runs SET status = ?, started_at = ?, ended_at = ? WHERE id = ?",
        [.text(status.rawValue), .integer(startedAt), SQLValue(endedAt), .integer(runID)])
    }
    return (status, endedAt.map { Timestamp(milliseconds: $0) })
  }

  /// The run's attributes after the event, for the audit entry.
  private func runFacts(_ runID: Int64) throws -> JSONValue {
    try database.queryFirst(
      """
      SELECT r.uuid, x.name, r.name, r.status, r.started_at, r.ended_at, r.git_commit, r.git_repo, r.entry_point
      FROM runs r JOIN experiments x ON x.id = r.experiment_id WHERE r.id = ?
      """, [.integer(runID)]
    ) { row in
      JSONValue.object([
        "run_id": .string(row.string(0)), "experiment": .string(row.string(1)),
        "name": .optional(row.optionalString(2)), "status": .string(row.string(3)),
        "started_at": .time(Timestamp(milliseconds: row.int64(4))),
        "ended_at": .time(row.optionalInt64(5).map { Timestamp(milliseconds: $0) }),
        "code": CodeVersion(
          gitCommit: row.optionalString(6), repo: row.optionalString(7), entryPoint: row.optionalString(8)
        ).json,
      ])
    } ?? .null
  }
}
