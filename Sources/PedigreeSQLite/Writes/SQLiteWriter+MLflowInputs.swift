import PedigreeCore

extension SQLiteWriter {
  /// Links MLflow dataset inputs to a run (`run.log`): each dataset version is found by (name,
  /// `mlflow:<digest>`) or registered with MLflow's source, schema and profile kept verbatim,
  /// then linked with the input's tags. Logging the same dataset again changes nothing.
  public func logInputs(_ run: Ref, datasets: [MLflowDatasetInput]) throws(PedigreeError)
    -> Outcome<NodeRef>
  {
    let inputs = try datasets.map { (dataset) throws(PedigreeError) -> (DatasetInput, [KeyValue]) in
      try Names.validate(dataset.name, as: "dataset")
      try Self.validate(tags: dataset.tags)
      let digest = Digest.isValid(dataset.digest) ? dataset.digest : "mlflow:\(dataset.digest)"
      var tags = [
        KeyValue(MLflowDatasetInput.sourceTypeTag, dataset.sourceType),
        KeyValue(MLflowDatasetInput.sourceTag, dataset.source),
      ]
      if let profile = dataset.profile { tags.append(KeyValue(MLflowDatasetInput.profileTag, profile)) }
      try Self.validate(tags: tags)
      if let schema = dataset.schema {
        try Limits.validateText(schema, as: "dataset schema", maximum: 1 << 20)
      }
      let input = DatasetInput(
        name: dataset.name, uri: dataset.uri, digest: try Digest.normalizedDataset(digest),
        rowCount: dataset.rowCount, schema: dataset.schema, tags: tags)
      return (try Self.validated(input), dataset.tags)
    }
    return try write {
      let node = try resolve(run)
      guard node.kind == .run else { throw PedigreeError.usage("\(run) is not a run") }
      let before = database.totalChanges
      var refs: [JSONValue] = []
      var inputTags: [(key: String, value: JSONValue)] = []
      for (input, tags) in inputs {
        let ref = try link(.dataset(input), toRun: node.id)
        let versionID = try resolve(try Ref.parse(ref)).id
        for tag in tags {
          try database.run(
            "INSERT INTO run_input_tags(run_id, dataset_version_id, key, value) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [.integer(node.id), .integer(versionID), .text(tag.key), .text(tag.value)])
        }
        refs.append(.string(ref))
        inputTags.append((ref, tags.jsonObject))
      }
      guard database.totalChanges != before else { return Outcome(value: node, changed: false) }
      try appendAudit(
        action: .runLog, entity: "run:\(node.name)",
        details: [
          "inputs": .integer(Int64(refs.count)), "input_refs": .array(refs),
          "input_tags": .object(JSONObject(inputTags)),
          "content_digest": .string(try RunContent.digest(database, runID: node.id)),
        ])
      return Outcome(value: node, changed: true)
    }
  }
}

extension SQLiteRegistry {
  public func mlflowDatasetInputs(runID: Int64) throws(PedigreeError) -> [MLflowDatasetInput] {
    try mapErrors {
      let rows = try database.query(
        """
        SELECT dv.id, d.name, coalesce(dv.digest, ''), dv.uri, dv.schema_json
        FROM edges e JOIN dataset_versions dv ON dv.id = e.src JOIN datasets d ON d.id = dv.dataset_id
        WHERE e.dst = ? AND e.relation = 'input' ORDER BY e.src
        """, [.integer(runID)]
      ) { ($0.int64(0), $0.string(1), $0.string(2), $0.string(3), $0.optionalString(4)) }
      return try rows.map { id, name, digest, uri, schema in
        var facts: [String: String] = [:]
        for (key, value) in try database.query(
          "SELECT key, value FROM dataset_version_tags WHERE dataset_version_id = ?", [.integer(id)],
          { ($0.string(0), $0.string(1)) })
        {
          facts[key] = value
        }
        let tags = try database.query(
          "SELECT key, value FROM run_input_tags WHERE run_id = ? AND dataset_version_id = ? ORDER BY key",
          [.integer(runID), .integer(id)]
        ) { KeyValue($0.string(0), $0.string(1)) }
        return MLflowDatasetInput(
          name: name, digest: digest.hasPrefix("mlflow:") ? String(digest.dropFirst(7)) : digest,
          sourceType: facts[MLflowDatasetInput.sourceTypeTag] ?? "external",
          source: facts[MLflowDatasetInput.sourceTag] ?? JSONValue.object(["uri": .string(uri)]).serialized(),
          schema: schema, profile: facts[MLflowDatasetInput.profileTag], tags: tags)
      }
    }
  }
}
