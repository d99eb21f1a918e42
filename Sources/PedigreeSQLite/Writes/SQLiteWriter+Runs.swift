import PedigreeCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension SQLiteWriter {
  /// Starts a run (or records a whole one, when `status` is not `running`) and returns its id.
  public func startRun(_ start: RunStart) throws(PedigreeError) -> RunHandle {
    try Self.validate(start)
    return try write {
      let handle = try insertRun(start)
      try appendAudit(
        action: .runStart, entity: "run:\(handle.uuid)", details: try startDetails(start, handle))
      return handle
    }
  }

  /// The details of a `run.start` entry.
  func startDetails(_ start: RunStart, _ handle: RunHandle) throws -> JSONObject {
    [
      "experiment": .string(start.experiment), "name": .optional(start.name),
      "params": .integer(Int64(start.params.count)),
      "inputs": .integer(Int64(start.inputs.count)),
      "input_refs": .array(try inputRefs(ofRun: handle.id)),
      "content_digest": .string(try RunContent.digest(database, runID: handle.id)),
    ]
  }

  /// Adds params, metric points, tags, inputs and outputs to a run, all or nothing.
  ///
  /// Params are immutable: setting a key again to the same value is accepted, to another value
  /// is refused (`.refused`) and nothing of the call is written. A retry is harmless: a param set
  /// to the value it has, a metric point already recorded (same key, step and value), a tag with
  /// its value, an input or output already linked add nothing; when nothing at all is new the
  /// call writes nothing, not even an audit entry (`changed == false`).
  ///
  /// - Returns: the run the ref named.
  @discardableResult
  public func logRun(_ ref: Ref, _ log: RunLog) throws(PedigreeError) -> Outcome<NodeRef> {
    try logRun(ref, log, recorded: .sameStepAndValue)
  }

  /// `logRun`, skipping the metric points that `recorded` says the run already has.
  func logRun(_ ref: Ref, _ log: RunLog, recorded: RecordedPoints) throws(PedigreeError)
    -> Outcome<NodeRef>
  {
    try Self.validate(log)
    if log.isEmpty {
      throw PedigreeError.usage(
        "nothing to log", hint: "give params, metrics, inputs or outputs", remedy: .sayWhatToLog)
    }
    return try write {
      let run = try resolve(ref)
      guard run.kind == .run else { throw PedigreeError.usage("\(ref) is not a run") }
      let before = database.totalChanges
      var details = try apply(log, to: run.id, recorded: recorded).details
      guard database.totalChanges != before else { return Outcome(value: run, changed: false) }
      details["content_digest"] = .string(try RunContent.digest(database, runID: run.id))
      try appendAudit(action: .runLog, entity: "run:\(run.name)", details: details)
      return Outcome(value: run, changed: true)
    }
  }

  /// Ends a running run with `status`. Ending it again with the same status changes nothing
  /// (returns `false`); with another status it is refused.
  @discardableResult
  public func endRun(_ ref: Ref, status: RunStatus = .finished, at time: Timestamp? = nil)
    throws(PedigreeError) -> Bool
  {
    guard status != .running else {
      throw PedigreeError.usage("a run ends as finished, failed or killed")
    }
    return try write {
      let run = try resolve(ref)
      guard run.kind == .run else { throw PedigreeError.usage("\(ref) is not a run") }
      guard
        let (current, startedAt) = try database.queryFirst(
          "SELECT status, started_at FROM runs WHERE id = ?", [.integer(run.id)],
          { ($0.string(0), $0.int64(1)) })
      else { throw PedigreeError.notFound("no run \(run.name)") }
      if current == status.rawValue { return false }
      guard current == RunStatus.running.rawValue else {
        throw PedigreeError.refused(
          "run \(run.name) already ended as \(current)", hint: "a run ends once")
      }
      try database.run(
        "UPDATE runs SET status = ?, ended_at = ? WHERE id = ?",
        [.text(status.rawValue), .integer(max((time ?? clock()).milliseconds, startedAt)), .integer(run.id)])
      try appendAudit(
        action: .runEnd, entity: "run:\(run.name)", details: ["status": .string(status.rawValue)])
      return true
    }
  }

  // MARK: Validation

  static func validate(_ start: RunStart) throws(PedigreeError) {
    try Names.validate(start.experiment, as: "experiment")
    if let name = start.name { try Limits.validateText(name, as: "run name", maximum: 250) }
    for text in [start.code.gitCommit, start.code.repo, start.code.entryPoint].compactMap({ $0 }) {
      try Limits.validateText(text, as: "code version", maximum: 1024)
    }
    if let ended = start.endedAt, let started = start.startedAt, ended < started {
      throw PedigreeError.usage("ended_at \(ended) is before started_at \(started)")
    }
    try Self.validate(params: start.params)
    try Self.validate(tags: start.tags)
    try Self.validate(inputs: start.inputs)
  }

  static func validate(_ log: RunLog) throws(PedigreeError) {
    try Self.validate(params: log.params)
    try Self.validate(tags: log.tags)
    try Self.validate(inputs: log.inputs)
    var checkedKey: String?
    for point in log.metrics {
      if point.step < 0 {
        throw PedigreeError.usage(
          "metric \(point.key.prefix(80)) has step \(point.step): steps are 0 or more")
      }
      guard point.key != checkedKey else { continue }
      try Limits.validateKey(point.key, as: "metric")
      checkedKey = point.key
    }
    for output in log.outputs {
      switch output {
      case .artifact(let artifact): _ = try Self.validated(artifact)
      case .dataset(let dataset): _ = try Self.validated(dataset)
      case .ref: break
      }
    }
  }

  static func validate(params: [KeyValue]) throws(PedigreeError) {
    var seen: [String: String] = [:]
    for param in params {
      try Limits.validateKey(param.key, as: "param")
      try Limits.validateText(
        param.value, as: "param \(param.key)", maximum: Limits.paramValueLength, allowEmpty: true)
      if let earlier = seen.updateValue(param.value, forKey: param.key), earlier != param.value {
        throw PedigreeError.usage("param \(param.key) is given twice with different values")
      }
    }
  }

  static func validate(inputs: [RunInput]) throws(PedigreeError) {
    for case .dataset(let dataset) in inputs { _ = try Self.validated(dataset) }
  }

  static func validated(_ artifact: ArtifactInput) throws(PedigreeError) -> ArtifactInput {
    var artifact = artifact
    try Limits.validateText(artifact.name, as: "artifact name", maximum: 1024)
    try Limits.validateText(artifact.uri, as: "artifact URI")
    artifact.digest = try artifact.digest.map { (digest) throws(PedigreeError) in
      try Digest.normalized(digest)
    }
    if let size = artifact.sizeBytes { try Limits.validateCount(size, as: "size") }
    return artifact
  }

  // MARK: Inside a transaction

  /// Inserts a validated run with its params, tags and inputs (with the client's `uuid`, if it
  /// chose one). No audit entry.
  func insertRun(_ start: RunStart, uuid chosen: String? = nil) throws -> RunHandle {
    let now = clock()
    let experimentSQL = "SELECT id FROM experiments WHERE name = ?"
    var experimentID = try database.scalarInt(experimentSQL, [.text(start.experiment)])
    if experimentID == nil {
      try database.run(
        "INSERT INTO experiments(name, created_at) VALUES (?, ?) ON CONFLICT(name) DO NOTHING",
        [.text(start.experiment), .integer(now.milliseconds)])
      experimentID = try database.scalarInt(experimentSQL, [.text(start.experiment)])
    }
    let id = try insertNode(.run)
    let uuid = chosen ?? SQLiteWriter.newRunID()
    let startedAt = start.startedAt ?? now
    var endedAt = start.endedAt
    if start.status != .running && endedAt == nil { endedAt = max(now, startedAt) }
    try database.run(
      """
      INSERT INTO runs(id, uuid, experiment_id, name, status, started_at, ended_at, git_commit,
        git_repo, entry_point, actor)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .integer(id), .text(uuid), .integer(experimentID ?? 0), SQLValue(start.name),
        .text(start.status.rawValue), .integer(startedAt.milliseconds),
        SQLValue(endedAt?.milliseconds), SQLValue(start.code.gitCommit), SQLValue(start.code.repo),
        SQLValue(start.code.entryPoint), .text(actor),
      ])
    try FactTracking.inserted(into: "runs", entity: id, database)
    try insertParams(start.params, runID: id, runName: uuid)
    try upsertTags(start.tags, runID: id)
    for input in start.inputs { try link(input, toRun: id) }
    return RunHandle(id: id, uuid: uuid)
  }

  /// Applies a validated log to a run. Returns counts for the audit entry and the metric points
  /// it wrote.
  ///
  /// - Parameter recorded: for a log to an existing run (anything but `.none`): skip the metric
  ///   points it already has (as `recorded` compares them), and link
  ///   an output artifact it already produced (same digest, or same URI without one) again
  ///   rather than adding a copy.
  func apply(
    _ log: RunLog, to runID: Int64, recorded: RecordedPoints = .none, prepared: PreparedMetrics? = nil
  ) throws -> (details: JSONObject, metrics: WrittenMetrics) {
    let runName = try database.scalarString("SELECT uuid FROM runs WHERE id = ?", [.integer(runID)]) ?? ""
    try insertParams(log.params, runID: runID, runName: runName)
    let metrics = try insertMetrics(log.metrics, runID: runID, recorded: recorded, prepared: prepared)
    try upsertTags(log.tags, runID: runID)
    let inputRefs = try log.inputs.map { JSONValue.string(try link($0, toRun: runID)) }
    var outputs: [JSONValue] = []
    for output in log.outputs {
      if recorded != .none, case .artifact(let artifact) = output,
        let existing = try runOutputArtifact(runID: runID, matching: try Self.validated(artifact))
      {
        outputs.append(.string("artifact:\(existing)"))
        continue
      }
      outputs.append(.string(try link(output, fromRun: runID)))
    }
    let details: JSONObject = [
      "params": .integer(Int64(log.params.count)),
      "metric_points": .integer(Int64(log.metrics.count)),
      "inputs": .integer(Int64(log.inputs.count)), "outputs": .array(outputs),
    ]
    var withInputs = details
    if !inputRefs.isEmpty { withInputs["input_refs"] = .array(inputRefs) }
    return (withInputs, metrics)
  }

  func insertParams(_ params: [KeyValue], runID: Int64, runName: String) throws {
    try Self.paramsInsert.run(params, in: database) { insert, param, index in
      try insert.bind(runID, at: index)
      try insert.bind(param.key, at: index + 1)
      try insert.bind(param.value, at: index + 2)
    } afterEach: { group in
      let inserted = database.changes
      if inserted > 0 { try FactTracking.inserted(into: "params", entity: runID, database) }
      if inserted < group.count { try checkRecordedParams(group, runID: runID, runName: runName) }
    }
  }

  /// A run's params, in one statement (up to 32 of them).
  private static let paramsInsert = MultiRowInsert(
    "INSERT INTO params(run_id, key, value)", row: "(?, ?, ?)", tail: "ON CONFLICT(run_id, key) DO NOTHING",
    maximumRows: 32)

  /// Refuses a param the run already has with another value (params are immutable); the ones it
  /// has with the same value are a harmless retry.
  private func checkRecordedParams(_ params: ArraySlice<KeyValue>, runID: Int64, runName: String) throws {
    for param in params {
      let recorded = try database.scalarString(
        "SELECT value FROM params WHERE run_id = ? AND key = ?", [.integer(runID), .text(param.key)])
      if recorded != param.value {
        throw PedigreeError.refused(
          "param \(param.key) of run \(runName) is already '\(recorded ?? "")'; params are immutable",
          hint: "log the new value under another key, or start a new run")
      }
    }
  }

  func upsertTags(_ tags: [KeyValue], runID: Int64) throws {
    for tag in tags {
      try database.run(
        """
        INSERT INTO run_tags(run_id, key, value) VALUES (?, ?, ?)
        ON CONFLICT(run_id, key) DO UPDATE SET value = excluded.value
        WHERE run_tags.value IS DISTINCT FROM excluded.value
        """, [.integer(runID), .text(tag.key), .text(tag.value)])
      if database.changes > 0 { try FactTracking.inserted(into: "run_tags", entity: runID, database) }
    }
  }

  /// Links an input to a run (`input → run`), registering an inline dataset first. A deprecated
  /// dataset version is refused; an unversioned dataset ref skips deprecated versions. Returns the
  /// input's typed ref (for the audit entry's `input_refs`).
  @discardableResult
  func link(_ input: RunInput, toRun runID: Int64) throws -> String {
    let source: NodeRef
    switch input {
    case .ref(.dataset(let name, let selector)):
      source = try resolveInputDataset(
        .dataset(name: name, selector: selector), name: name, selector: selector)
    case .ref(let ref):
      source = try resolve(ref)
      if source.kind == .run {
        throw PedigreeError.usage("a run cannot be an input of a run", hint: "link its outputs instead")
      }
    case .dataset(let dataset):
      let version = try insertDatasetVersion(dataset).value
      if let reason = try datasetDeprecationReason(version.id) {
        throw PedigreeError.refused(
          "\(version.ref) (the version with this digest) is deprecated (\(reason)); it cannot be an input",
          hint: "use another version of \(version.name)")
      }
      source = NodeRef(kind: .datasetVersion, id: version.id, name: version.ref)
    }
    try insertEdge(from: source.id, to: runID, .input)
    return source.typedRef
  }

  /// Links an output to a run (`run → output`). Returns the output's display ref.
  func link(_ output: RunOutput, fromRun runID: Int64) throws -> String {
    switch output {
    case .artifact(let artifact):
      let id = try insertArtifact(artifact)
      try insertEdge(from: runID, to: id, .output)
      return "artifact:\(id)"
    case .dataset(let dataset):
      let version = try insertDatasetVersion(dataset).value
      try insertEdge(from: runID, to: version.id, .output)
      return "dataset:\(version.ref)"
    case .ref(let ref):
      let node = try resolve(ref)
      guard node.kind == .datasetVersion || node.kind == .artifact else {
        throw PedigreeError.usage(
          "\(node.typedRef) cannot be an output of a run",
          hint: "outputs are dataset versions (dataset:NAME@N), artifacts, files or URIs")
      }
      try insertEdge(from: runID, to: node.id, .output)
      return node.typedRef
    }
  }

  /// The typed refs of a run's inputs (`dataset:tx@3`, `model:fraud@2`, `artifact:7`), by node
  /// id: what `run.start` and `run.record` entries name in `input_refs`, so the audit log of a
  /// dataset version finds the runs that read it (and the versions a record registered inline).
  func inputRefs(ofRun runID: Int64) throws -> [JSONValue] {
    try database.query(
      """
      SELECT coalesce('dataset:' || d.name || '@' || dv.version, 'model:' || m.name || '@' || mv.version,
        'artifact:' || e.src)
      FROM edges e
      LEFT JOIN dataset_versions dv ON dv.id = e.src LEFT JOIN datasets d ON d.id = dv.dataset_id
      LEFT JOIN model_versions mv ON mv.id = e.src LEFT JOIN models m ON m.id = mv.model_id
      WHERE e.dst = ? AND e.relation = 'input' ORDER BY e.src
      """, [.integer(runID)]
    ) { .string($0.string(0)) }
  }

  func insertArtifact(_ artifact: ArtifactInput) throws -> Int64 {
    let id = try insertNode(.artifact)
    try database.run(
      """
      INSERT INTO artifacts(id, name, uri, digest, size_bytes, created_at, created_by)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .integer(id), .text(artifact.name), .text(artifact.uri), SQLValue(artifact.digest),
        SQLValue(artifact.sizeBytes), .integer(clock().milliseconds), .text(actor),
      ])
    try FactTracking.inserted(into: "artifacts", entity: id, database)
    return id
  }

  /// A new run id: 128 random bits as 32 lowercase hex digits.
  static func newRunID() -> String {
    var generator = SystemRandomNumberGenerator()
    let high = generator.next() as UInt64
    let low = generator.next() as UInt64
    let text = String(high, radix: 16).leftPadded(16) + String(low, radix: 16).leftPadded(16)
    return text
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
