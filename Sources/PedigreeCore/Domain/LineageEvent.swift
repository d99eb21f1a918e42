/// One OpenLineage event, parsed, validated and mapped to Pedigree's terms (OPENLINEAGE.md §4) by
/// `PedigreeOpenLineage`: what `RegistryWriting.ingestOpenLineage(_:)` folds into the registry.
///
/// Everything here comes from the one event. The rules that depend on what is recorded already
/// (terminal states are sticky, the first param value wins, outputs become versions when the run
/// completes, inputs resolve to the version current at the read) are the writer's.
public struct LineageEventInput: Sendable {
  /// The three kinds of event the endpoint takes.
  public enum Kind: String, Sendable {
    case run, job, dataset
  }

  public var kind: Kind
  /// The event's bytes as received (stored verbatim).
  public var body: [UInt8]
  /// `sha256:<hex>` of the event's canonical JSON: a replay is found by it.
  public var bodyDigest: String
  /// `START`, `RUNNING`, `COMPLETE`, `ABORT`, `FAIL`, `OTHER` (upper case), or `nil`.
  public var eventType: String?
  public var eventTime: Timestamp
  public var producer: String
  /// The job's namespace and name, verbatim (`nil` for a DatasetEvent).
  public var job: (namespace: String, name: String)?
  /// The run this event is about (RunEvents only).
  public var run: LineageRunInput?
  /// The dataset a DatasetEvent describes.
  public var dataset: LineageDatasetInput?

  public init(
    kind: Kind, body: [UInt8], bodyDigest: String, eventType: String?, eventTime: Timestamp,
    producer: String, job: (namespace: String, name: String)?, run: LineageRunInput?,
    dataset: LineageDatasetInput?
  ) {
    self.kind = kind
    self.body = body
    self.bodyDigest = bodyDigest
    self.eventType = eventType
    self.eventTime = eventTime
    self.producer = producer
    self.job = job
    self.run = run
    self.dataset = dataset
  }

  /// The run status a terminal event type sets (S1): `nil` for START, RUNNING, OTHER or none.
  public var terminalStatus: RunStatus? {
    switch eventType {
    case "COMPLETE": .finished
    case "FAIL": .failed
    case "ABORT": .killed
    default: nil
    }
  }
}

/// What one RunEvent says about its run.
public struct LineageRunInput: Sendable {
  /// The Pedigree run id (R1): 32 lowercase hex.
  public var runID: String
  /// The runId as sent.
  public var originalRunID: String
  /// The experiment (J1) and the run name (the job name, cut to 250 bytes).
  public var experiment: String
  public var name: String
  public var code: CodeVersion
  /// `executionParameters` (P1), stringified.
  public var params: [KeyValue]
  /// Tags from the facets (E1, E2) and the tags facet.
  public var tags: [KeyValue]
  /// Points of the `pedigree_metrics` facet.
  public var metrics: [MetricPoint]
  /// `nominalTime.nominalStartTime`: the start-time fallback when no START came (S2).
  public var nominalStart: Timestamp?
  /// `jobType.processingType = STREAMING`: outputs are versions at first sight (V3).
  public var streaming: Bool
  public var inputs: [LineageDatasetInput]
  /// Dataset outputs; `datasetType: MODEL` outputs are `artifacts` instead.
  public var outputs: [LineageDatasetInput]
  public var artifacts: [ArtifactInput]

  public init(
    runID: String, originalRunID: String, experiment: String, name: String,
    code: CodeVersion = CodeVersion(), params: [KeyValue] = [], tags: [KeyValue] = [],
    metrics: [MetricPoint] = [], nominalStart: Timestamp? = nil, streaming: Bool = false,
    inputs: [LineageDatasetInput] = [], outputs: [LineageDatasetInput] = [],
    artifacts: [ArtifactInput] = []
  ) {
    self.runID = runID
    self.originalRunID = originalRunID
    self.experiment = experiment
    self.name = name
    self.code = code
    self.params = params
    self.tags = tags
    self.metrics = metrics
    self.nominalStart = nominalStart
    self.streaming = streaming
    self.inputs = inputs
    self.outputs = outputs
    self.artifacts = artifacts
  }
}

/// An OpenLineage dataset as one event names it: its identity, its URI (D1), the Pedigree name it
/// gets if it is new (D2), and what the event says about the version read or written.
public struct LineageDatasetInput: Equatable, Sendable {
  /// The identity (D0).
  public var namespace: String
  public var name: String
  public var uri: String
  /// The name a new dataset gets (D2, or Pedigree's own `pedigree_datasetVersion.ref`).
  public var proposedName: String
  /// The name it gets when another dataset holds `proposedName` (D2's hashed suffix).
  public var alternateName: String
  /// Whether `proposedName` is Pedigree's own name (from its export): then an existing native
  /// dataset of that name is this dataset, not a name collision.
  public var isPedigreeName: Bool
  /// The version facts of the event.
  public var facts: LineageVersionFacts

  public init(
    namespace: String, name: String, uri: String, proposedName: String, alternateName: String,
    isPedigreeName: Bool = false, facts: LineageVersionFacts = LineageVersionFacts()
  ) {
    self.alternateName = alternateName
    self.namespace = namespace
    self.name = name
    self.uri = uri
    self.proposedName = proposedName
    self.isPedigreeName = isPedigreeName
    self.facts = facts
  }
}

/// What an event says about a dataset version (V1, V2, V4).
public struct LineageVersionFacts: Equatable, Sendable {
  /// `version.datasetVersion` as `sha256:<hex>` (V1).
  public var digest: String?
  /// Any other `datasetVersion` (V2).
  public var label: String?
  /// The version number Pedigree's own export named (`pedigree_datasetVersion.version`): that
  /// version, when the registry has it with the same digest.
  public var pedigreeVersion: Int?
  public var rowCount: Int64?
  public var sizeBytes: Int64?
  /// The schema facet's fields, as JSON text.
  public var schema: String?
  /// `storage`, `lifecycleStateChange` and the like, as version tags.
  public var tags: [KeyValue]

  public init(
    digest: String? = nil, label: String? = nil, pedigreeVersion: Int? = nil, rowCount: Int64? = nil,
    sizeBytes: Int64? = nil, schema: String? = nil, tags: [KeyValue] = []
  ) {
    self.digest = digest
    self.label = label
    self.pedigreeVersion = pedigreeVersion
    self.rowCount = rowCount
    self.sizeBytes = sizeBytes
    self.schema = schema
    self.tags = tags
  }

  /// Whether the event declared the version (V1 or V2) rather than leaving it to be made or found.
  public var isDeclared: Bool { digest != nil || label != nil }

  /// These facts with `later`'s known values on top (facets replace by name).
  public func merged(with later: LineageVersionFacts) -> LineageVersionFacts {
    var tags = self.tags
    for tag in later.tags {
      if let index = tags.firstIndex(where: { $0.key == tag.key }) {
        tags[index] = tag
      } else {
        tags.append(tag)
      }
    }
    return LineageVersionFacts(
      digest: later.digest ?? digest, label: later.label ?? label,
      pedigreeVersion: later.pedigreeVersion ?? pedigreeVersion, rowCount: later.rowCount ?? rowCount,
      sizeBytes: later.sizeBytes ?? sizeBytes, schema: later.schema ?? schema, tags: tags)
  }
}

extension LineageVersionFacts: JSONConvertible {
  public var json: JSONValue {
    var object: JSONObject = [:]
    if let digest { object["digest"] = .string(digest) }
    if let label { object["label"] = .string(label) }
    if let pedigreeVersion { object["pedigree_version"] = .integer(Int64(pedigreeVersion)) }
    if let rowCount { object["row_count"] = .integer(rowCount) }
    if let sizeBytes { object["size_bytes"] = .integer(sizeBytes) }
    if let schema { object["schema"] = .string(schema) }
    if !tags.isEmpty {
      object["tags"] = .object(JSONObject(tags.map { (key: $0.key, value: JSONValue.string($0.value)) }))
    }
    return .object(object)
  }

  /// Reads what `json` wrote; unknown or mistyped members are ignored.
  public init(json: JSONValue) {
    func string(_ key: String) -> String? { if case .string(let s) = json[key] { s } else { nil } }
    func integer(_ key: String) -> Int64? { if case .integer(let n) = json[key] { n } else { nil } }
    var tags: [KeyValue] = []
    if case .object(let object) = json["tags"] {
      for (key, value) in object.pairs {
        if case .string(let text) = value { tags.append(KeyValue(key, text)) }
      }
    }
    self.init(
      digest: string("digest"), label: string("label"),
      pedigreeVersion: integer("pedigree_version").map { Int($0) },
      rowCount: integer("row_count"),
      sizeBytes: integer("size_bytes"), schema: string("schema"), tags: tags)
  }
}

/// What ingesting one event did.
public struct LineageIngestResult: Equatable, Sendable {
  /// The run the event was folded into (RunEvents), 32 hex.
  public var runID: String?
  /// Whether the event created that run.
  public var createdRun: Bool
  /// Whether the event was a byte-identical replay of one already stored (nothing written).
  public var duplicate: Bool

  public init(runID: String?, createdRun: Bool, duplicate: Bool) {
    self.runID = runID
    self.createdRun = createdRun
    self.duplicate = duplicate
  }
}
