import PedigreeCore

/// Builds OpenLineage events as the real client sends them (OPENLINEAGE.md §1.3, §1.4).
enum Events {
  static let producer = "https://github.com/OpenLineage/OpenLineage/tree/1.54.0/client/python"

  static func facet(_ fields: [String: JSONValue]) -> JSONValue {
    var object = JSONObject(
      [
        (key: "_producer", value: .string(producer)),
        (key: "_schemaURL", value: .string("https://openlineage.io/spec/facets/1-0-0/X.json")),
      ])
    for key in fields.keys.sorted() { object[key] = fields[key] }
    return .object(object)
  }

  static func dataset(
    _ namespace: String, _ name: String, version: String? = nil, rows: Int64? = nil, output: Bool = false,
    extraFacets: [String: JSONValue] = [:]
  ) -> JSONValue {
    var facets = JSONObject()
    if let version { facets["version"] = facet(["datasetVersion": .string(version)]) }
    for key in extraFacets.keys.sorted() { facets[key] = extraFacets[key] }
    var statistics = JSONObject()
    if let rows {
      statistics[output ? "outputStatistics" : "inputStatistics"] = facet([
        "rowCount": .integer(rows), "size": .integer(rows * 10),
      ])
    }
    return .object([
      "namespace": .string(namespace), "name": .string(name), "facets": .object(facets),
      (output ? "outputFacets" : "inputFacets"): .object(statistics),
    ])
  }

  static func run(
    _ type: String?, runID: String, at time: String, job: String = "etl.clean",
    namespace: String = "spark-prod",
    inputs: [JSONValue] = [], outputs: [JSONValue] = [], runFacets: [String: JSONValue] = [:],
    jobFacets: [String: JSONValue] = [:]
  ) -> JSONValue {
    var facets = JSONObject()
    for key in runFacets.keys.sorted() { facets[key] = runFacets[key] }
    var jobFacetObject = JSONObject()
    for key in jobFacets.keys.sorted() { jobFacetObject[key] = jobFacets[key] }
    var event: JSONObject = [
      "eventTime": .string(time),
      "inputs": .array(inputs),
      "job": .object([
        "facets": .object(jobFacetObject), "name": .string(job), "namespace": .string(namespace),
      ]),
      "outputs": .array(outputs),
      "producer": .string(producer),
      "run": .object(["facets": .object(facets), "runId": .string(runID)]),
      "schemaURL": .string("https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"),
    ]
    if let type { event["eventType"] = .string(type) }
    return .object(event)
  }

  static func bytes(_ json: JSONValue) -> [UInt8] { Array(json.serialized().utf8) }
}
