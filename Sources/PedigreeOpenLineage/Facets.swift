import PedigreeCore

/// What Pedigree takes from each facet (OPENLINEAGE.md §1.2). A facet of an unexpected shape
/// contributes nothing; it is never a reason to refuse the event.
enum Facets {
  /// Run facets: parent, nominalTime, errorMessage, processing_engine, tags (E1, E2),
  /// executionParameters (P1), pedigree_metrics.
  static func runFacets(
    _ facets: [String: JSONValue], eventTime: Timestamp, into run: inout LineageRunInput, tags: inout Tags
  ) {
    if let parent = facets["parent"] {
      tags["openlineage.parent.run_id"] = string(parent["run"]?["runId"])
      if let namespace = string(parent["job"]?["namespace"]), let name = string(parent["job"]?["name"]) {
        tags["openlineage.parent.job"] = "\(namespace)/\(name)"
      }
      tags["openlineage.root.run_id"] = string(parent["root"]?["run"]?["runId"])
    }
    if let start = string(facets["nominalTime"]?["nominalStartTime"]) {
      tags["openlineage.nominal_start_time"] = start
      run.nominalStart = try? Timestamp(parsing: start)
    }
    if let error = facets["errorMessage"] {
      tags["openlineage.error.message"] = string(error["message"]).map { Text.cut($0, to: 4096) }
      tags["openlineage.error.language"] = string(error["programmingLanguage"])
    }
    if let engine = facets["processing_engine"], let name = string(engine["name"]) {
      tags["openlineage.engine"] = [name, string(engine["version"])].compactMap { $0 }.joined(separator: " ")
    }
    addTags(facets["tags"], to: &tags)
    if case .array(let parameters)? = facets["executionParameters"]?["parameters"] {
      var seen = Set<String>()
      for parameter in parameters {
        guard let key = string(parameter["key"]) ?? string(parameter["name"]), let value = parameter["value"]
        else { continue }
        let cleanKey = Text.key(key)
        guard seen.insert(cleanKey).inserted else { continue }
        run.params.append(
          KeyValue(cleanKey, Text.cut(Text.clean(Text.stringify(value)), to: Limits.paramValueLength)))
      }
    }
    if case .object(let metrics)? = facets["pedigree_metrics"]?["metrics"] {
      for (key, value) in metrics.pairs { run.metrics += points(Text.key(key), value, eventTime: eventTime) }
    }
  }

  /// Job facets: sourceCodeLocation (J2), jobType, ownership, tags.
  static func jobFacets(_ facets: [String: JSONValue], into run: inout LineageRunInput, tags: inout Tags) {
    if let code = facets["sourceCodeLocation"] {
      let cut = { (value: String?) in value.map { Text.cut(Text.clean($0), to: 1024) } }
      run.code = CodeVersion(
        gitCommit: cut(string(code["version"])), repo: cut(string(code["repoUrl"]) ?? string(code["url"])),
        entryPoint: cut(string(code["path"])))
    }
    if let jobType = facets["jobType"] {
      tags["openlineage.job_type"] = string(jobType["jobType"])
      tags["openlineage.integration"] = string(jobType["integration"])
      tags["openlineage.processing_type"] = string(jobType["processingType"])
      if string(jobType["processingType"])?.uppercased() == "STREAMING" { run.streaming = true }
    }
    if case .array(let owners)? = facets["ownership"]?["owners"] {
      tags["openlineage.owner"] = owners.compactMap { string($0["name"]) }.joined(separator: ",")
    }
    addTags(facets["tags"], to: &tags)
  }

  /// A dataset's version facts: `version` (V1, V2), `pedigree_datasetVersion`, statistics and
  /// schema (V4), storage and lifecycle as tags.
  static func versionFacts(_ facets: [String: JSONValue], _ extra: [String: JSONValue]) -> LineageVersionFacts
  {
    var facts = LineageVersionFacts()
    let pedigree = facets["pedigree_datasetVersion"]
    if let declared = pedigree.flatMap({ string($0["digest"]) })
      ?? string(facets["version"]?["datasetVersion"])
    {
      let lowered = declared.lowercased()
      if Digest.isValid(lowered) {
        facts.digest = lowered
      } else if !declared.isEmpty {
        facts.label = Text.cut(Text.clean(declared), to: Limits.textLength)
      }
    }
    if pedigree?["ref"] != nil, case .integer(let number)? = pedigree?["version"], number >= 1,
      number <= Int32.max
    {
      facts.pedigreeVersion = Int(number)
    }
    let statistics = extra["outputStatistics"] ?? extra["inputStatistics"] ?? extra["dataQualityMetrics"]
    facts.rowCount = count(statistics?["rowCount"]) ?? count(pedigree?["rows"])
    facts.sizeBytes = count(statistics?["size"]) ?? count(statistics?["bytes"]) ?? count(pedigree?["size"])
    if let fields = facets["schema"]?["fields"], case .array = fields {
      let text = fields.serialized()
      if text.utf8.count <= 1 << 20 { facts.schema = text }
    }
    var tags = Tags()
    tags["openlineage.storage_layer"] = string(facets["storage"]?["storageLayer"])
    tags["openlineage.file_format"] = string(facets["storage"]?["fileFormat"])
    tags["openlineage.lifecycle_state"] = string(facets["lifecycleStateChange"]?["lifecycleStateChange"])
    facts.tags = tags.pairs
    return facts
  }

  // MARK: Helpers

  static func string(_ value: JSONValue?) -> String? {
    switch value {
    case .string(let text)?: text.isEmpty ? nil : text
    case .integer(let number)?: String(number)
    default: nil
    }
  }

  /// A non-negative count within Pedigree's limit.
  static func count(_ value: JSONValue?) -> Int64? {
    switch value {
    case .integer(let number)? where number >= 0 && number <= Limits.maximumCount: number
    case .number(let number)? where number >= 0 && number <= Double(Limits.maximumCount):
      Int64(number.rounded(.down))
    default: nil
    }
  }

  static func addTags(_ facet: JSONValue?, to tags: inout Tags) {
    guard case .array(let entries)? = facet?["tags"] else { return }
    for entry in entries {
      guard let key = string(entry["key"]), let value = entry["value"] else { continue }
      tags[key] = Text.stringify(value)
    }
  }

  /// `value`, `[[step, value(, time)]…]` or `{value, step, timestamp}`; NaN and ±Infinity as
  /// strings.
  static func points(_ key: String, _ value: JSONValue, eventTime: Timestamp) -> [MetricPoint] {
    func number(_ value: JSONValue?) -> Double? {
      switch value {
      case .integer(let n)?: Double(n)
      case .number(let n)?: n
      case .string("NaN")?: .nan
      case .string("Infinity")?: .infinity
      case .string("-Infinity")?: -.infinity
      default: nil
      }
    }
    func time(_ value: JSONValue?) -> Timestamp {
      switch value {
      case .integer(let ms)?: Timestamp(milliseconds: ms)
      case .string(let text)?: (try? Timestamp(parsing: text)) ?? eventTime
      default: eventTime
      }
    }
    func step(_ value: JSONValue?) -> Int64 { if case .integer(let n)? = value, n >= 0 { n } else { 0 } }
    switch value {
    case .array(let entries):
      return entries.compactMap { entry in
        guard case .array(let parts) = entry, parts.count >= 2, let v = number(parts[1]) else { return nil }
        return MetricPoint(
          key: key, value: v, step: step(parts[0]), timestamp: time(parts.count > 2 ? parts[2] : nil))
      }
    case .object:
      guard let v = number(value["value"]) else { return [] }
      return [MetricPoint(key: key, value: v, step: step(value["step"]), timestamp: time(value["timestamp"]))]
    default:
      return number(value).map { [MetricPoint(key: key, value: $0, step: 0, timestamp: eventTime)] } ?? []
    }
  }
}
