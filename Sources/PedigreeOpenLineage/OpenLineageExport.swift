import PedigreeCore

/// Pedigree's runs as OpenLineage RunEvents (OPENLINEAGE.md §5) that Marquez's validation
/// accepts: every facet with `_producer` and `_schemaURL`, a complete `jobType`, eventTime with
/// milliseconds and `Z`, NaN and ±Infinity as strings. Pedigree's own `pedigree_*` facets carry
/// what OpenLineage has no field for, so that export → import gives the same runs, states,
/// edges, params and latest metrics.
public struct OpenLineageExport {
  /// The `producer` of exported events and the `_producer` of their facets.
  public static let producer = "https://github.com/pedigree-registry/pedigree/tree/0.1.0"
  /// The event schema exported events follow.
  public static let schemaURL = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"
  /// Where Pedigree's custom facets' schemas are published.
  public static let facetSchemaBase =
    "https://github.com/pedigree-registry/pedigree/blob/main/docs/openlineage"

  let reader: any RegistryReading

  public init(reader: any RegistryReading) { self.reader = reader }

  /// The events of the runs `ids`, ordered by eventTime (a run's START before its end).
  public func events(ofRuns ids: [Int64]) throws(PedigreeError) -> [JSONValue] {
    var timed: [(time: Timestamp, order: Int, event: JSONValue)] = []
    for id in ids {
      for event in try events(ofRun: id) { timed.append((event.time, timed.count, event.json)) }
    }
    return timed.sorted { ($0.time, $0.order) < ($1.time, $1.order) }.map(\.event)
  }

  /// A run's START (with its inputs), then its COMPLETE, FAIL or ABORT (inputs and outputs).
  func events(ofRun id: Int64) throws(PedigreeError) -> [(time: Timestamp, json: JSONValue)] {
    let run = try reader.runSummary(id: id)
    let origin = try reader.openLineageRunOrigin(runID: id)
    let inputs = try reader.neighbours(of: id, upstream: true, relation: .input).map {
      (node) throws(PedigreeError) in try dataset(node, input: true)
    }
    let outputs = try reader.neighbours(of: id, upstream: false, relation: .output).map {
      (node) throws(PedigreeError) in try dataset(node, input: false)
    }
    let tags = try reader.tags(runID: id)
    let job = JSONValue.object([
      "namespace": .string(origin?.jobNamespace ?? run.experiment),
      "name": .string(origin?.jobName ?? run.name ?? "run-\(run.uuid.prefix(8))"),
      "facets": .object(jobFacets(run)),
    ])
    let runObject = JSONValue.object([
      "runId": .string(origin?.runID ?? OpenLineageNaming.uuid(run.uuid)),
      "facets": .object(try runFacets(run, tags: tags)),
    ])
    func event(_ type: String, _ time: Timestamp, outputs: [JSONValue]) -> (Timestamp, JSONValue) {
      (
        time,
        .object([
          "eventType": .string(type), "eventTime": .string(time.iso8601Milliseconds), "run": runObject,
          "job": job, "inputs": .array(inputs), "outputs": .array(outputs),
          "producer": .string(Self.producer), "schemaURL": .string(Self.schemaURL),
        ])
      )
    }
    var result = [event("START", run.startedAt, outputs: [])]
    let terminal = ["finished": "COMPLETE", "failed": "FAIL", "killed": "ABORT"][run.status]
    if let terminal, let ended = run.endedAt { result.append(event(terminal, ended, outputs: outputs)) }
    return result
  }

  // MARK: Facets

  func jobFacets(_ run: RunSummary) -> JSONObject {
    var facets: JSONObject = [
      "jobType": facet(
        "2-0-3", "JobTypeJobFacet",
        ["processingType": .string("BATCH"), "integration": .string("PEDIGREE"), "jobType": .string("RUN")]),
      "ownership": facet(
        "1-0-1", "OwnershipJobFacet",
        ["owners": .array([.object(["name": .string(run.actor), "type": .string("USER")])])]),
    ]
    if run.code.repo != nil || run.code.gitCommit != nil {
      var code: JSONObject = [
        "type": .string("git"), "url": .string(run.code.repo ?? "urn:unknown"),
        "repoUrl": .string(run.code.repo ?? "urn:unknown"),
      ]
      if let commit = run.code.gitCommit { code["version"] = .string(commit) }
      if let path = run.code.entryPoint { code["path"] = .string(path) }
      facets["sourceCodeLocation"] = facet("1-1-0", "SourceCodeLocationJobFacet", code)
    }
    return facets
  }

  func runFacets(_ run: RunSummary, tags: [(key: String, value: String)]) throws(PedigreeError) -> JSONObject
  {
    var facets: JSONObject = [:]
    let params = try reader.params(runID: run.id)
    if !params.isEmpty {
      facets["executionParameters"] = facet(
        "1-0-0", "ExecutionParametersRunFacet",
        ["parameters": .array(params.map { .object(["key": .string($0.key), "value": .string($0.value)]) })])
    }
    if !tags.isEmpty {
      facets["tags"] = facet(
        "1-0-0", "TagsRunFacet",
        [
          "tags": .array(
            tags.map {
              .object(["key": .string($0.key), "value": .string($0.value), "source": .string("PEDIGREE")])
            })
        ])
    }
    if run.status == "failed", let message = tags.first(where: { $0.key == "openlineage.error.message" }) {
      facets["errorMessage"] = facet(
        "1-0-1", "ErrorMessageRunFacet",
        ["message": .string(message.value), "programmingLanguage": .string("unknown")])
    }
    let metrics = try reader.latestMetrics(runID: run.id)
    if !metrics.isEmpty {
      let values = JSONObject(
        metrics.map {
          (
            key: $0.key,
            value: JSONValue.object([
              "value": .metric($0.value), "step": .integer($0.step),
              "timestamp": .string($0.timestamp.iso8601Milliseconds),
            ])
          )
        })
      facets["pedigree_metrics"] = customFacet("PedigreeMetricsRunFacet", ["metrics": .object(values)])
    }
    return facets
  }

  /// A dataset version, artifact or model version as an OpenLineage dataset.
  func dataset(_ node: LineageNode, input: Bool) throws(PedigreeError) -> JSONValue {
    var facets: JSONObject = [:]
    var extra: JSONObject = [:]
    let identity: (namespace: String, name: String)
    switch node.ref.kind {
    case .datasetVersion:
      let info = try reader.datasetVersionInfo(node.ref)
      identity =
        try reader.openLineageDatasetIdentity(dataset: info.name)
        ?? OpenLineageNaming.split(uri: info.uri) ?? ("pedigree", info.name)
      let label = info.tags.first { $0.key == "openlineage.dataset_version" }?.value
      facets["version"] = facet(
        "1-0-1", "DatasetVersionDatasetFacet",
        ["datasetVersion": .string(info.digest ?? label ?? String(info.version))])
      if let schema = info.schemaJSON, let fields = try? JSONValue.parse(schema), case .array = fields {
        facets["schema"] = facet("1-2-0", "SchemaDatasetFacet", ["fields": fields])
      }
      facets["pedigree_datasetVersion"] = customFacet(
        "PedigreeDatasetVersionDatasetFacet",
        [
          "ref": .string("\(info.name)@\(info.version)"), "version": .int(info.version),
          "digest": .optional(info.digest), "size": .optional(info.sizeBytes),
          "rows": .optional(info.rowCount),
        ])
      if info.rowCount != nil || info.sizeBytes != nil {
        var statistics: JSONObject = [:]
        if let rows = info.rowCount { statistics["rowCount"] = .integer(rows) }
        if let size = info.sizeBytes { statistics["size"] = .integer(size) }
        extra[input ? "inputStatistics" : "outputStatistics"] =
          input
          ? facet("1-0-0", "InputStatisticsInputDatasetFacet", statistics)
          : facet("1-0-2", "OutputStatisticsOutputDatasetFacet", statistics)
      }
    case .artifact, .modelVersion:
      let models = try modelVersions(servedBy: node)
      let uri = node.uri ?? ""
      identity =
        OpenLineageNaming.split(uri: uri)
        ?? ("pedigree", node.ref.kind == .artifact ? "artifact/\(node.ref.id)" : "model/\(node.ref.name)")
      facets["datasetType"] = facet(
        "1-0-0", "DatasetTypeDatasetFacet",
        ["datasetType": .string(models.isEmpty && node.ref.kind == .artifact ? "FILE" : "MODEL")])
      if let digest = node.digest {
        facets["version"] = facet("1-0-1", "DatasetVersionDatasetFacet", ["datasetVersion": .string(digest)])
      }
      if node.ref.kind == .artifact {
        facets["pedigree_artifact"] = customFacet(
          "PedigreeArtifactDatasetFacet", ["id": .integer(node.ref.id), "name": .optional(node.entityName)])
      }
      if let model = models.first {
        facets["pedigree_modelVersion"] = customFacet(
          "PedigreeModelVersionDatasetFacet",
          [
            "model": .optional(model.entityName), "version": .int(model.version),
            "aliases": .strings(model.aliases),
          ])
      }
    case .run:
      identity = ("pedigree", "run/\(node.ref.name)")
    }
    var dataset: JSONObject = [
      "namespace": .string(identity.namespace), "name": .string(identity.name), "facets": .object(facets),
    ]
    dataset[input ? "inputFacets" : "outputFacets"] = .object(extra)
    return .object(dataset)
  }

  /// The model versions an artifact serves (or the model version itself).
  func modelVersions(servedBy node: LineageNode) throws(PedigreeError) -> [LineageNode] {
    if node.ref.kind == .modelVersion { return [node] }
    return try reader.neighbours(of: node.ref.id, upstream: false, relation: .sourceArtifact)
  }

  func facet(_ version: String, _ name: String, _ fields: JSONObject) -> JSONValue {
    var object: JSONObject = [
      "_producer": .string(Self.producer),
      "_schemaURL": .string("https://openlineage.io/spec/facets/\(version)/\(name).json#/$defs/\(name)"),
    ]
    for (key, value) in fields.pairs { object[key] = value }
    return .object(object)
  }

  func customFacet(_ name: String, _ fields: JSONObject) -> JSONValue {
    var object: JSONObject = [
      "_producer": .string(Self.producer),
      "_schemaURL": .string("\(Self.facetSchemaBase)/\(name).json#/$defs/\(name)"),
    ]
    for (key, value) in fields.pairs { object[key] = value }
    return .object(object)
  }
}
