import PedigreeCore

/// The datasets side of `ingestOpenLineage(_:)`: identities (D0–D2) and versions (V1–V5).
extension SQLiteWriter {
  /// The dataset of an OpenLineage identity: found by its (namespace, name) pair, or created
  /// under its proposed name (another identity holding that name: the alternate name). A
  /// Pedigree name from Pedigree's own export attaches the identity to the native dataset.
  ///
  /// - Parameter created: gets `{"dataset", "namespace", "name", "uri"}` for a new identity.
  func openLineageDataset(_ input: LineageDatasetInput, at time: Timestamp, created: inout [JSONValue])
    throws -> (id: Int64, name: String)
  {
    if let found = try database.queryFirst(
      "SELECT o.dataset_id, d.name FROM ol_datasets o JOIN datasets d ON d.id = o.dataset_id WHERE o.namespace = ? AND o.name = ?",
      [.text(input.namespace), .text(input.name)], { (id: $0.int64(0), name: $0.string(1)) })
    {
      return found
    }
    var name = input.proposedName
    var id: Int64?
    if let existing = try database.scalarInt("SELECT id FROM datasets WHERE name = ?", [.text(name)]) {
      let claimed = try database.scalarInt(
        "SELECT 1 FROM ol_datasets WHERE dataset_id = ?", [.integer(existing)])
      if input.isPedigreeName && claimed == nil {
        id = existing
      } else {
        name = input.alternateName
        id = try database.scalarInt("SELECT id FROM datasets WHERE name = ?", [.text(name)])
        if id != nil {
          throw PedigreeError.refused("dataset names \(input.proposedName) and \(name) are both taken")
        }
      }
    }
    if id == nil {
      id = try database.insertReturningID(
        "INSERT INTO datasets(name, created_at) VALUES (?, ?)", [.text(name), .integer(time.milliseconds)])
    }
    let datasetID = id ?? 0
    try database.run(
      "INSERT INTO ol_datasets(dataset_id, namespace, name, uri) VALUES (?, ?, ?, ?)",
      [.integer(datasetID), .text(input.namespace), .text(input.name), .text(input.uri)])
    created.append(
      .object([
        "dataset": .string(name), "namespace": .string(input.namespace), "name": .string(input.name),
        "uri": .string(input.uri),
      ]))
    return (datasetID, name)
  }

  /// Links an input to the run, once per (run, dataset): the first event naming it fixes the
  /// version read. Returns the version's typed ref, or `nil` when it was linked before.
  func linkOpenLineageInput(
    _ input: LineageDatasetInput, runID: Int64, at time: Timestamp, created: inout [JSONValue]
  ) throws -> String? {
    let dataset = try openLineageDataset(input, at: time, created: &created)
    let linked = try database.scalarInt(
      """
      SELECT 1 FROM edges e JOIN dataset_versions v ON v.id = e.src
      WHERE e.dst = ? AND e.relation = 'input' AND v.dataset_id = ?
      """, [.integer(runID), .integer(dataset.id)])
    if linked != nil { return nil }
    let version = try openLineageVersion(
      dataset, uri: input.uri, facts: input.facts, at: time, reading: true, created: &created)
    try insertEdge(from: version.id, to: runID, .input)
    return "dataset:\(version.ref)"
  }

  /// Makes versions of the outputs the run has named and not yet written, from the merged facts
  /// of every event that named each (V3). Returns their typed refs.
  func materializeOutputs(ofRun runID: Int64, at time: Timestamp, created: inout [JSONValue]) throws
    -> [String]
  {
    let mentions = try database.query(
      """
      SELECT o.dataset_id, d.name, od.uri, o.facts FROM ol_run_outputs o
      JOIN datasets d ON d.id = o.dataset_id JOIN ol_datasets od ON od.dataset_id = o.dataset_id
      WHERE o.run_id = ?1 AND NOT EXISTS (
        SELECT 1 FROM edges e JOIN dataset_versions v ON v.id = e.dst
        WHERE e.src = ?1 AND e.relation = 'output' AND v.dataset_id = o.dataset_id)
      ORDER BY o.dataset_id, o.event_id
      """, [.integer(runID)]
    ) { row in
      (
        id: row.int64(0), name: row.string(1), uri: row.string(2),
        facts: LineageVersionFacts(json: (try? JSONValue.parse(row.string(3))) ?? .null)
      )
    }
    var merged: [(id: Int64, name: String, uri: String, facts: LineageVersionFacts)] = []
    for mention in mentions {
      if let last = merged.last, last.id == mention.id {
        merged[merged.count - 1].facts = last.facts.merged(with: mention.facts)
      } else {
        merged.append(mention)
      }
    }
    var refs: [String] = []
    for output in merged {
      let version = try openLineageVersion(
        (output.id, output.name), uri: output.uri, facts: output.facts, at: time, reading: false,
        created: &created)
      try insertEdge(from: runID, to: version.id, .output)
      refs.append("dataset:\(version.ref)")
    }
    return refs
  }

  /// The names of the datasets the run named as outputs and never wrote.
  func pendingOutputNames(ofRun runID: Int64) throws -> [String] {
    try database.query(
      """
      SELECT DISTINCT d.name FROM ol_run_outputs o JOIN datasets d ON d.id = o.dataset_id
      WHERE o.run_id = ?1 AND NOT EXISTS (
        SELECT 1 FROM edges e JOIN dataset_versions v ON v.id = e.dst
        WHERE e.src = ?1 AND e.relation = 'output' AND v.dataset_id = o.dataset_id)
      ORDER BY d.name
      """, [.integer(runID)]
    ) { $0.string(0) }
  }

  /// The version an event means: the one with its digest (V1) or label (V2), found or made; for
  /// an input without either, the latest made at or before `time`, else an observed one (V5);
  /// for an output without either, a new one (V3). Made versions are dated `time`.
  private func openLineageVersion(
    _ dataset: (id: Int64, name: String), uri: String, facts: LineageVersionFacts, at time: Timestamp,
    reading: Bool, created: inout [JSONValue]
  ) throws -> DatasetVersion {
    let columns = """
      SELECT v.id, d.name, v.version, v.uri, v.digest, v.size_bytes, v.row_count
      FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id
      """
    if let number = facts.pedigreeVersion,
      let named = try database.queryFirst(
        "\(columns) WHERE v.dataset_id = ? AND v.version = ?",
        [.integer(dataset.id), .integer(Int64(number))],
        DatasetVersion.init(row:)),
      named.digest == facts.digest
    {
      return named
    }
    let found: DatasetVersion?
    if let digest = facts.digest {
      found = try database.queryFirst(
        "\(columns) WHERE v.dataset_id = ? AND v.digest = ?", [.integer(dataset.id), .text(digest)],
        DatasetVersion.init(row:))
    } else if let label = facts.label {
      found = try database.queryFirst(
        """
        \(columns) JOIN dataset_version_tags t ON t.dataset_version_id = v.id
        WHERE v.dataset_id = ? AND t.key = 'openlineage.dataset_version' AND t.value = ?
        ORDER BY v.version LIMIT 1
        """, [.integer(dataset.id), .text(label)], DatasetVersion.init(row:))
    } else if reading {
      found = try database.queryFirst(
        "\(columns) WHERE v.dataset_id = ? AND v.created_at <= ? ORDER BY v.created_at DESC, v.version DESC LIMIT 1",
        [.integer(dataset.id), .integer(time.milliseconds)], DatasetVersion.init(row:))
    } else {
      found = nil
    }
    if let found { return found }
    var tags = facts.tags
    if let label = facts.label { tags.append(KeyValue("openlineage.dataset_version", label)) }
    if reading && !facts.isDeclared { tags.append(KeyValue("openlineage.observed", "true")) }
    let input = DatasetInput(
      name: dataset.name, uri: uri, digest: facts.digest, sizeBytes: facts.sizeBytes,
      rowCount: facts.rowCount, schema: facts.schema, tags: tags)
    let version = try SQLiteWriter(registry: registry, author: author.at(time)).insertDatasetVersion(input)
      .value
    var fact = version.auditDetails
    fact["ref"] = .string("dataset:\(version.ref)")
    if !tags.isEmpty {
      fact["tags"] = .object(JSONObject(tags.map { (key: $0.key, value: .string($0.value)) }))
    }
    if let schema = facts.schema { fact["schema_sha256"] = .string(Digest.sha256(Array(schema.utf8))) }
    created.append(.object(fact))
    return version
  }
}
