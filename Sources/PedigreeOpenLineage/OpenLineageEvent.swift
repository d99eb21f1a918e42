import PedigreeCore

/// Parses, validates and maps OpenLineage events (OPENLINEAGE.md §1, §4, §6).
///
/// Refuses only what is malformed: a body that is not a JSON object (`.syntax`), or missing or
/// mistyped required fields, an eventTime without a time of day, an eventType outside the enum,
/// inputs or outputs that are not arrays, a dataset without namespace or name (`.invalid`, the
/// JSON path named). Everything else — unknown and custom facets, facets without `_producer`,
/// unknown fields, a missing eventType, non-UUID runIds, any characters in names — is accepted.
public enum OpenLineageEvent {
  /// The event types of the spec.
  public static let eventTypes: Set<String> = ["START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER"]

  /// Parses one event from its bytes (after any decompression).
  public static func parse(_ body: [UInt8]) throws(OpenLineageError) -> LineageEventInput {
    let json: JSONValue
    do {
      json = try body.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try JSONValue.parse(buffer)
      }
    } catch {
      throw OpenLineageError(.syntax, "body is not JSON: \(error)")
    }
    return try map(json, body: body)
  }

  /// Maps one parsed event; `body` is what is stored verbatim.
  public static func map(_ json: JSONValue, body: [UInt8]) throws(OpenLineageError) -> LineageEventInput {
    guard case .object(let root) = json else {
      throw OpenLineageError(.syntax, "body is not a JSON object but \(json.typeName)")
    }
    let event = Fields(root, path: "")
    let eventTime = try event.time("eventTime")
    let producer = try event.optionalString("producer") ?? ""
    var eventType = try event.optionalString("eventType")?.uppercased()
    if let type = eventType, !eventTypes.contains(type) {
      throw OpenLineageError.invalid(
        "eventType", "'\(type.prefix(40))' is not one of START, RUNNING, COMPLETE, ABORT, FAIL, OTHER")
    }
    let kind = try self.kind(of: root, schemaURL: try event.optionalString("schemaURL"))
    if kind != .run { eventType = nil }
    let digest = Digest.sha256(Array(json.serialized().utf8))
    switch kind {
    case .dataset:
      let dataset = try datasetInput(try event.object("dataset"), facetsKey: nil, output: false)
      return LineageEventInput(
        kind: .dataset, body: body, bodyDigest: digest, eventType: nil, eventTime: eventTime,
        producer: producer, job: nil, run: nil, dataset: dataset.dataset)
    case .job:
      let job = try event.object("job")
      _ = try datasets(event, "inputs", output: false)
      _ = try datasets(event, "outputs", output: true)
      return LineageEventInput(
        kind: .job, body: body, bodyDigest: digest, eventType: nil, eventTime: eventTime,
        producer: producer, job: (try job.string("namespace"), try job.string("name")), run: nil,
        dataset: nil)
    case .run:
      let run = try runInput(event, eventTime: eventTime, producer: producer)
      return LineageEventInput(
        kind: .run, body: body, bodyDigest: digest, eventType: eventType, eventTime: eventTime,
        producer: producer, job: run.job, run: run.run, dataset: nil)
    }
  }

  /// The kind by `schemaURL`'s last segment (`…#/$defs/RunEvent`), else by shape; RunEvent by
  /// default, as Marquez does.
  static func kind(of root: JSONObject, schemaURL: String?) throws(OpenLineageError) -> LineageEventInput.Kind
  {
    if let url = schemaURL, let last = url.split(separator: "/").last {
      switch last {
      case "RunEvent": return .run
      case "JobEvent": return .job
      case "DatasetEvent": return .dataset
      default: break
      }
    }
    if root["run"] != nil { return .run }
    if root["dataset"] != nil { return .dataset }
    if root["job"] != nil { return .job }
    return .run
  }

  // MARK: Runs

  static func runInput(_ event: Fields, eventTime: Timestamp, producer: String) throws(OpenLineageError) -> (
    run: LineageRunInput, job: (namespace: String, name: String)
  ) {
    let runObject = try event.object("run")
    let originalRunID = try runObject.string("runId")
    let job = try event.object("job")
    let namespace = try job.string("namespace")
    let jobName = try job.string("name")
    let (runID, isUUID) = OpenLineageNaming.runID(originalRunID)
    let runFacets = try runObject.facets()
    let jobFacets = try job.facets()
    var tags = Tags()
    tags["openlineage.producer"] = producer.isEmpty ? nil : producer
    tags["openlineage.job.namespace"] = namespace
    if !isUUID { tags["openlineage.run_id"] = originalRunID }
    var run = LineageRunInput(
      runID: runID, originalRunID: originalRunID, experiment: OpenLineageNaming.experiment(namespace),
      name: Text.cut(jobName, to: 250))
    Facets.runFacets(runFacets, eventTime: eventTime, into: &run, tags: &tags)
    Facets.jobFacets(jobFacets, into: &run, tags: &tags)
    run.tags = tags.pairs
    for dataset in try datasets(event, "inputs", output: false) { run.inputs.append(dataset.dataset) }
    for dataset in try datasets(event, "outputs", output: true) {
      if let artifact = dataset.artifact {
        run.artifacts.append(artifact)
      } else {
        run.outputs.append(dataset.dataset)
      }
    }
    return (run, (namespace, jobName))
  }

  // MARK: Datasets

  static func datasets(_ event: Fields, _ key: String, output: Bool) throws(OpenLineageError) -> [(
    dataset: LineageDatasetInput, artifact: ArtifactInput?
  )] {
    var result: [(dataset: LineageDatasetInput, artifact: ArtifactInput?)] = []
    for element in try event.objects(key) {
      result.append(
        try datasetInput(element, facetsKey: output ? "outputFacets" : "inputFacets", output: output))
    }
    return result
  }

  static func datasetInput(_ dataset: Fields, facetsKey: String?, output: Bool) throws(OpenLineageError) -> (
    dataset: LineageDatasetInput, artifact: ArtifactInput?
  ) {
    let namespace = try dataset.string("namespace")
    let name = try dataset.string("name")
    let facets = try dataset.facets()
    let extra = try facetsKey.map { (key) throws(OpenLineageError) in try dataset.facets(key) } ?? [:]
    let uri = OpenLineageNaming.uri(namespace: namespace, name: name)
    var proposed = OpenLineageNaming.datasetName(namespace: namespace, name: name)
    var isPedigreeName = false
    if case .string(let ref) = facets["pedigree_datasetVersion"]?["ref"] {
      let bare = ref.hasPrefix("dataset:") ? String(ref.dropFirst(8)) : ref
      let datasetName = String(bare.split(separator: "@", maxSplits: 1).first ?? "")
      if (try? Names.validate(datasetName, as: "dataset")) != nil {
        proposed = datasetName
        isPedigreeName = true
      }
    }
    let facts = Facets.versionFacts(facets, extra)
    let input = LineageDatasetInput(
      namespace: namespace, name: name, uri: uri, proposedName: proposed,
      alternateName: OpenLineageNaming.alternateDatasetName(namespace: namespace, name: name),
      isPedigreeName: isPedigreeName, facts: facts)
    let isModel = Facets.string(facets["datasetType"]?["datasetType"])?.uppercased() == "MODEL"
    if output, isModel || facets["pedigree_artifact"] != nil {
      let last =
        Facets.string(facets["pedigree_artifact"]?["name"]) ?? name.split(separator: "/").last.map(
          String.init)
        ?? name
      let artifact = ArtifactInput(
        name: Text.cut(last, to: 1024), uri: uri, digest: facts.digest, sizeBytes: facts.sizeBytes)
      return (input, artifact)
    }
    return (input, nil)
  }
}

/// Tags in first-set order, a later value replacing an earlier one (facets replace by name).
struct Tags {
  private(set) var pairs: [KeyValue] = []

  subscript(key: String) -> String? {
    get { pairs.first { $0.key == key }?.value }
    set {
      let key = Text.key(key)
      guard let value = newValue.map({ Text.cut(Text.clean($0), to: Limits.textLength) }) else { return }
      if let index = pairs.firstIndex(where: { $0.key == key }) {
        pairs[index].value = value
      } else {
        pairs.append(KeyValue(key, value))
      }
    }
  }
}
