/// A whole run as a training script describes it in one JSON document: `pedigree run record`.
///
/// ```json
/// {"experiment": "fraud", "name": "xgb-nightly", "status": "finished",
///  "started_at": "2026-11-28T10:00:00Z", "ended_at": "2026-11-28T10:42:00Z",
///  "code": {"git_commit": "9f2c1e7", "repo": "…", "entry_point": "train.py"},
///  "params": {"lr": "0.01"}, "metrics": {"auc": 0.931, "loss": [[0, 0.71], [1, 0.52]]},
///  "inputs": [{"dataset": "transactions@3"}], "outputs": [{"artifact": {"name": "model.onnx",
///  "uri": "file:///models/fraud.onnx", "digest": "sha256:…", "size": 18234}}],
///  "register": {"model": "fraud-detector", "artifact": "model.onnx", "alias": "staging"},
///  "tags": {"team": "risk"}}
/// ```
///
/// Metric values may be numbers or the strings `"NaN"`, `"Infinity"`, `"-Infinity"`; a metric
/// is a single value (step 0) or a list of `[step, value]` / `[step, value, time]` points, where
/// time is an ISO 8601 string or milliseconds since the epoch (default: `ended_at`, else now).
/// Params given as numbers or booleans are stored as their JSON text. Unknown fields are errors.
///
/// `run_id` (32 lowercase hex digits, chosen by the client) makes a retry harmless: recording the
/// same content under it again changes nothing, other content under it is refused.
public struct RunDocument: Equatable, Sendable {
  public var start: RunStart
  public var log: RunLog
  public var register: Registration?
  /// The client-chosen run id, when the record names one.
  public var runID: String?
  /// The clock reading the decoder gave metric points without a time, when the document has
  /// neither `ended_at` nor `started_at` (else `nil`: their default is in the document). Not part
  /// of equality: two decodings of the same bytes are equal documents.
  public var clockTime: Timestamp?

  /// The `register` section: make a model version from one of the run's output artifacts.
  public struct Registration: Equatable, Sendable {
    public var model: String
    /// The `name` of an artifact in `outputs`.
    public var artifact: String?
    public var alias: String?
    public var description: String?

    public init(model: String, artifact: String? = nil, alias: String? = nil, description: String? = nil) {
      self.model = model
      self.artifact = artifact
      self.alias = alias
      self.description = description
    }
  }

  /// A document built in code rather than parsed.
  public init(
    start: RunStart, log: RunLog = RunLog(), register: Registration? = nil, runID: String? = nil
  ) {
    self.start = start
    self.log = log
    self.register = register
    self.runID = runID
  }

  public static func == (lhs: RunDocument, rhs: RunDocument) -> Bool {
    lhs.start == rhs.start && lhs.log == rhs.log && lhs.register == rhs.register
      && lhs.runID == rhs.runID
  }

  /// The time metric points without one get: `ended_at`, else `started_at`, else the clock.
  static func defaultTime(start: RunStart) -> (time: Timestamp, isClock: Bool) {
    if let time = start.endedAt ?? start.startedAt { return (time, false) }
    return (.now(), true)
  }

  /// Decodes and validates the document's shape. Errors are `.invalidInput` naming the field
  /// (`metrics.loss[2]: expected [step, value]`).
  public init(json: JSONValue) throws(PedigreeError) {
    let root = try Field(path: "", value: json).object(
      allowing: [
        "experiment", "name", "status", "started_at", "ended_at", "code", "params",
        "metrics", "inputs", "outputs", "register", "tags", "run_id",
      ])
    runID = try root.optional("run_id")?.runID()
    start = RunStart(
      experiment: try root.optional("experiment")?.string() ?? "default",
      name: try root.optional("name")?.string(),
      status: try root.optional("status").map { (field) throws(PedigreeError) in try field.status() }
        ?? .finished,
      startedAt: try root.optional("started_at")?.time(),
      endedAt: try root.optional("ended_at")?.time())
    if let code = try root.optional("code")?.object(allowing: ["git_commit", "repo", "entry_point"]) {
      start.code = CodeVersion(
        gitCommit: try code.optional("git_commit")?.string(), repo: try code.optional("repo")?.string(),
        entryPoint: try code.optional("entry_point")?.string())
    }
    start.params =
      try root.optional("params")?.object().members.map { (field) throws(PedigreeError) in
        KeyValue(field.key, try field.paramText())
      } ?? []
    start.tags =
      try root.optional("tags")?.object().members.map { (field) throws(PedigreeError) in
        KeyValue(field.key, try field.string())
      } ?? []
    start.inputs =
      try root.optional("inputs")?.array().map { (field) throws(PedigreeError) in
        try field.input()
      } ?? []
    let (defaultTime, isClock) = RunDocument.defaultTime(start: start)
    clockTime = isClock ? defaultTime : nil
    log = RunLog()
    for metric in try root.optional("metrics")?.object().members ?? [] {
      log.metrics += try metric.metricPoints(defaultTime: defaultTime)
    }
    log.outputs =
      try root.optional("outputs")?.array().map { (field) throws(PedigreeError) in
        try field.output()
      } ?? []
    if let section = try root.optional("register")?.object(
      allowing: ["model", "artifact", "alias", "description"])
    {
      register = Registration(
        model: try section.required("model").string(),
        artifact: try section.optional("artifact")?.string(),
        alias: try section.optional("alias")?.string(),
        description: try section.optional("description")?.string())
    }
  }
}

/// A value at a path in a JSON document, with typed accessors that fail naming the path.
struct Field {
  let path: String
  let value: JSONValue
  /// The member name the field was read under (a param, tag or metric key, which may itself
  /// contain dots); empty for the root and array elements.
  var key: String = ""

  func fail(_ message: String) -> PedigreeError {
    PedigreeError.invalidInput(path.isEmpty ? message : "\(path): \(message)")
  }

  func child(_ name: String, _ value: JSONValue) -> Field {
    Field(path: path.isEmpty ? name : "\(path).\(name)", value: value, key: name)
  }

  func string() throws(PedigreeError) -> String {
    guard case .string(let text) = value else { throw fail("expected a string, found \(value.typeName)") }
    return text
  }

  func integer() throws(PedigreeError) -> Int64 {
    switch value {
    case .integer(let number): return number
    case .number(let number) where number == number.rounded() && abs(number) < 9e15:
      return Int64(number)
    default: throw fail("expected an integer, found \(value.typeName)")
    }
  }

  func number() throws(PedigreeError) -> Double {
    switch value {
    case .integer(let number): return Double(number)
    case .number(let number): return number
    case .string("NaN"): return .nan
    case .string("Infinity"): return .infinity
    case .string("-Infinity"): return -.infinity
    default:
      throw fail("expected a number (or \"NaN\", \"Infinity\", \"-Infinity\"), found \(value.typeName)")
    }
  }

  func time() throws(PedigreeError) -> Timestamp {
    if case .string(let text) = value {
      do { return try Timestamp(parsing: text) } catch { throw fail(error.message) }
    }
    return Timestamp(milliseconds: try integer())
  }

  /// A client-chosen run id: 32 lowercase hex digits.
  func runID() throws(PedigreeError) -> String {
    let text = try string()
    guard text.utf8.count == 32,
      text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
    else { throw fail("expected 32 lowercase hex digits") }
    return text
  }

  func status() throws(PedigreeError) -> RunStatus {
    guard let status = RunStatus(rawValue: try string()) else {
      throw fail("unknown status; expected one of running, finished, failed, killed")
    }
    return status
  }

  /// A param value: strings as they are; numbers and booleans as their JSON text.
  func paramText() throws(PedigreeError) -> String {
    switch value {
    case .string(let text): return text
    case .integer, .number, .bool: return value.serialized()
    default: throw fail("expected a string, found \(value.typeName)")
    }
  }

  func array() throws(PedigreeError) -> [Field] {
    guard case .array(let values) = value else { throw fail("expected an array, found \(value.typeName)") }
    return values.enumerated().map { element($0.offset, $0.element) }
  }

  func object(allowing allowed: Set<String>? = nil) throws(PedigreeError) -> ObjectField {
    guard case .object(let object) = value else { throw fail("expected an object, found \(value.typeName)") }
    if let allowed, let unknown = object.keys.first(where: { !allowed.contains($0) }) {
      let suggestion = Suggestion.closest(to: unknown, among: Array(allowed))
      throw child(unknown, .null).fail(
        "unknown field" + (suggestion.map { "; did you mean \($0)?" } ?? ""))
    }
    return ObjectField(field: self, object: object)
  }

  /// The points of a metric. The common shapes (`[int, number]`) are read without building a
  /// `Field` per point; anything else goes through the typed accessors, which name the path.
  func metricPoints(defaultTime: Timestamp) throws(PedigreeError) -> [MetricPoint] {
    guard case .array(let values) = value else {
      return [MetricPoint(key: key, value: try number(), step: 0, timestamp: defaultTime)]
    }
    var points: [MetricPoint] = []
    points.reserveCapacity(values.count)
    for (index, point) in values.enumerated() {
      guard case .array(let parts) = point, (2...3).contains(parts.count) else {
        throw element(index, point).fail("expected [step, value] or [step, value, time]")
      }
      func part(_ offset: Int) -> Field {
        element(index, point).element(offset, parts[offset])
      }
      // Checked in the order the accessors always ran: value, step, time.
      let number: Double
      switch parts[1] {
      case .number(let double): number = double
      case .integer(let integer): number = Double(integer)
      default: number = try part(1).number()
      }
      let step: Int64
      if case .integer(let integer) = parts[0] { step = integer } else { step = try part(0).integer() }
      if step < 0 { throw part(0).fail("step \(step) is negative: steps are 0 or more") }
      points.append(
        MetricPoint(
          key: key, value: number, step: step,
          timestamp: parts.count == 3 ? try part(2).time() : defaultTime))
    }
    return points
  }

  /// The element at `index` of this array field.
  func element(_ index: Int, _ value: JSONValue) -> Field {
    Field(path: "\(path)[\(index)]", value: value)
  }

  func input() throws(PedigreeError) -> RunInput {
    let object = try object(allowing: ["dataset", "model", "artifact"])
    guard object.object.pairs.count == 1, let first = object.members.first else {
      throw fail("expected exactly one of dataset, model, artifact")
    }
    if first.key == "dataset", case .object = first.value { return .dataset(try first.dataset()) }
    var text: String
    if case .integer(let id) = first.value, first.key == "artifact" {
      text = String(id)
    } else {
      text = try first.string()
    }
    do {
      return .ref(try Ref.parse(text, defaultKind: Ref.Kind(rawValue: first.key) ?? .dataset))
    } catch {
      throw first.fail(error.message)
    }
  }

  func output() throws(PedigreeError) -> RunOutput {
    let object = try object(allowing: ["dataset", "artifact"])
    guard object.object.pairs.count == 1, let first = object.object.pairs.first else {
      throw fail("expected exactly one of dataset, artifact")
    }
    let inner = child(first.key, first.value)
    if first.key == "dataset", case .string(let text) = first.value {
      do {
        return .ref(try Ref.parse(text, defaultKind: .dataset))
      } catch {
        throw inner.fail(error.message)
      }
    }
    if first.key == "dataset" { return .dataset(try inner.dataset()) }
    let artifact = try inner.object(allowing: ["name", "uri", "digest", "size"])
    return .artifact(
      ArtifactInput(
        name: try artifact.required("name").string(), uri: try artifact.required("uri").string(),
        digest: try artifact.optional("digest")?.string(),
        sizeBytes: try artifact.optional("size")?.integer()))
  }

  func dataset() throws(PedigreeError) -> DatasetInput {
    let object = try object(allowing: ["name", "uri", "digest", "size", "rows", "schema", "tags"])
    var schema: String?
    if let field = object.optional("schema") {
      if case .string(let text) = field.value { schema = text } else { schema = field.value.serialized() }
    }
    return DatasetInput(
      name: try object.required("name").string(), uri: try object.required("uri").string(),
      digest: try object.optional("digest")?.string(), sizeBytes: try object.optional("size")?.integer(),
      rowCount: try object.optional("rows")?.integer(), schema: schema,
      tags: try object.optional("tags")?.object().members.map { (field) throws(PedigreeError) in
        KeyValue(field.key, try field.string())
      } ?? [])
  }
}

/// An object-valued `Field`.
struct ObjectField {
  let field: Field
  let object: JSONObject

  var members: [Field] { object.pairs.map { field.child($0.key, $0.value) } }

  func optional(_ name: String) -> Field? {
    guard let value = object[name], value != .null else { return nil }
    return field.child(name, value)
  }

  func required(_ name: String) throws(PedigreeError) -> Field {
    guard let found = optional(name) else { throw field.child(name, .null).fail("required field is missing") }
    return found
  }
}
