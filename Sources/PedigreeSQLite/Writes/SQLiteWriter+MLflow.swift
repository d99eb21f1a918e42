import PedigreeCore

extension SQLiteWriter {
  /// Creates an experiment with its tags (`experiment.create`); an existing name changes nothing.
  public func createExperiment(name: String, tags: [KeyValue]) throws(PedigreeError)
    -> Outcome<MLflowExperiment>
  {
    try Names.validate(name, as: "experiment")
    try Self.validate(tags: tags)
    return try write {
      if let existing = try registry.mlflowExperiment(named: name), existing.rowID != nil {
        return Outcome(value: existing, changed: false)
      }
      let id = try experimentRowID(name)
      for tag in tags { try insertExperimentTag(tag, experimentID: id) }
      try appendAudit(
        action: .experimentCreate, entity: "experiment:\(name)",
        details: ["experiment_id": .integer(id), "name": .string(name), "tags": tags.jsonObject])
      guard let experiment = try registry.mlflowExperiment(named: name) else {
        throw PedigreeError(.io, "experiment \(name) vanished while creating it")
      }
      return Outcome(value: experiment, changed: true)
    }
  }

  /// Starts a run in the experiment with MLflow id `experimentID` (`run.start`, with the run's
  /// tags in the details).
  public func startRun(experimentID: String, _ start: RunStart)
    throws(PedigreeError) -> RunHandle
  {
    guard let experiment = try registry.mlflowExperiment(id: experimentID) else {
      throw PedigreeError.notFound("no experiment with id \(experimentID.prefix(40))")
    }
    var start = start
    start.experiment = experiment.name
    try Self.validate(start)
    return try write {
      let handle = try insertRun(start)
      var details = try startDetails(start, handle)
      details["tags"] = start.tags.jsonObject
      try appendAudit(action: .runStart, entity: "run:\(handle.uuid)", details: details)
      return handle
    }
  }

  /// Logs params, metric points and tags to a run in one `run.log` (or `run.tag`, for tags
  /// alone) entry. Tags overwrite: each change is a `run_tag_events` row and an old → new pair
  /// in the details.
  public func logBatch(_ run: Ref, params: [KeyValue], metrics: [MetricPoint], tags: [KeyValue])
    throws(PedigreeError) -> Outcome<NodeRef>
  {
    let log = RunLog(params: params, metrics: metrics)
    try Self.validate(log)
    try Self.validate(tags: tags)
    return try write {
      let node = try resolve(run)
      guard node.kind == .run else { throw PedigreeError.usage("\(run) is not a run") }
      let before = database.totalChanges
      var details: JSONObject = [:]
      if !log.isEmpty { details = try apply(log, to: node.id, recorded: .exact).details }
      let logged = database.totalChanges != before
      let changes = try overwriteTags(tags, runID: node.id)
      guard logged || !changes.isEmpty else { return Outcome(value: node, changed: false) }
      if !changes.isEmpty { details["tags"] = .object(JSONObject(changes)) }
      details["content_digest"] = .string(try RunContent.digest(database, runID: node.id))
      try appendAudit(
        action: logged ? .runLog : .runTag, entity: "run:\(node.name)", details: details)
      return Outcome(value: node, changed: true)
    }
  }

  // MARK: Inside a transaction

  /// The row id of the experiment called `name`, created when missing.
  func experimentRowID(_ name: String) throws -> Int64 {
    try database.run(
      "INSERT INTO experiments(name, created_at) VALUES (?, ?) ON CONFLICT(name) DO NOTHING",
      [.text(name), .integer(clock().milliseconds)])
    guard let id = try database.scalarInt("SELECT id FROM experiments WHERE name = ?", [.text(name)])
    else { throw PedigreeError(.io, "experiment \(name) vanished") }
    return id
  }

  /// Sets run tags to new values, keeping each change as an event. Returns `key → {from, to}`
  /// for the tags that changed.
  func overwriteTags(_ tags: [KeyValue], runID: Int64) throws -> [(key: String, value: JSONValue)] {
    var changes: [(key: String, value: JSONValue)] = []
    var wanted: [String: String] = [:]
    for tag in tags { wanted[tag.key] = tag.value }
    for (key, value) in wanted.sorted(by: { $0.key < $1.key }) {
      let previous = try database.scalarString(
        "SELECT value FROM run_tags WHERE run_id = ? AND key = ?", [.integer(runID), .text(key)])
      if previous == value { continue }
      try database.run(
        "INSERT INTO run_tag_events(run_id, key, value, previous, actor, at) VALUES (?, ?, ?, ?, ?, ?)",
        [
          .integer(runID), .text(key), .text(value), SQLValue(previous), .text(actor),
          .integer(clock().milliseconds),
        ])
      try upsertTags([KeyValue(key, value)], runID: runID)
      changes.append((key, .object(["from": .optional(previous), "to": .string(value)])))
    }
    return changes
  }
}

extension Array where Element == KeyValue {
  /// The pairs as a JSON object, in order.
  var jsonObject: JSONValue { .object(JSONObject(map { (key: $0.key, value: .string($0.value)) })) }
}
