import PedigreeCore

extension SQLiteWriter {
  /// Registers a dataset version and prints nothing: returns `NAME@N`.
  ///
  /// Idempotent on digest: registering content the dataset already has returns that version with
  /// `changed == false` and writes nothing. Without a digest, each call is a new version.
  public func registerDataset(_ input: DatasetInput) throws(PedigreeError) -> Outcome<DatasetVersion> {
    let checked = try Self.validated(input)
    if let existing = try mapErrors({ try existingDatasetVersion(checked) }) {
      return Outcome(value: existing, changed: false)
    }
    return try write {
      let outcome = try insertDatasetVersion(checked)
      if outcome.changed {
        try appendAudit(
          action: .datasetRegister, entity: "dataset:\(outcome.value.ref)",
          details: outcome.value.auditDetails)
      }
      return outcome
    }
  }

  static func validated(_ input: DatasetInput) throws(PedigreeError) -> DatasetInput {
    var input = input
    try Names.validate(input.name, as: "dataset")
    try Limits.validateText(input.uri, as: "URI")
    input.digest = try input.digest.map { (digest) throws(PedigreeError) in
      try Digest.normalizedDataset(digest)
    }
    if let size = input.sizeBytes { try Limits.validateCount(size, as: "size") }
    if let rows = input.rowCount { try Limits.validateCount(rows, as: "row count") }
    if let schema = input.schema { try Limits.validateText(schema, as: "schema", maximum: 1 << 20) }
    try Self.validate(tags: input.tags)
    return input
  }

  static func validate(tags: [KeyValue]) throws(PedigreeError) {
    for tag in tags {
      try Limits.validateKey(tag.key, as: "tag")
      try Limits.validateText(tag.value, as: "tag \(tag.key)", allowEmpty: true)
    }
  }

  private func existingDatasetVersion(_ input: DatasetInput) throws -> DatasetVersion? {
    guard let digest = input.digest else { return nil }
    return try database.queryFirst(
      """
      SELECT v.id, d.name, v.version, v.uri, v.digest, v.size_bytes, v.row_count
      FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id
      WHERE d.name = ? AND v.digest = ?
      """, [.text(input.name), .text(digest)], DatasetVersion.init(row:))
  }

  /// Inserts a validated dataset version inside the caller's transaction (or returns the existing
  /// one with the same digest). Writes no audit entry.
  func insertDatasetVersion(_ input: DatasetInput) throws -> Outcome<DatasetVersion> {
    if let existing = try existingDatasetVersion(input) {
      return Outcome(value: existing, changed: false)
    }
    let now = clock().milliseconds
    try database.run(
      "INSERT INTO datasets(name, created_at) VALUES (?, ?) ON CONFLICT(name) DO NOTHING",
      [.text(input.name), .integer(now)])
    guard
      let (datasetID, version) = try database.queryFirst(
        "UPDATE datasets SET last_version = last_version + 1 WHERE name = ? RETURNING id, last_version",
        [.text(input.name)], { ($0.int64(0), $0.int64(1)) })
    else { throw PedigreeError(.io, "dataset \(input.name) vanished while registering") }
    let id = try insertNode(.datasetVersion)
    try database.run(
      """
      INSERT INTO dataset_versions(id, dataset_id, version, uri, digest, size_bytes, row_count,
        schema_json, created_at, created_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .integer(id), .integer(datasetID), .integer(version), .text(input.uri), SQLValue(input.digest),
        SQLValue(input.sizeBytes), SQLValue(input.rowCount), SQLValue(input.schema), .integer(now),
        .text(actor),
      ])
    for tag in input.tags {
      try database.run(
        "INSERT INTO dataset_version_tags(dataset_version_id, key, value) VALUES (?, ?, ?)",
        [.integer(id), .text(tag.key), .text(tag.value)])
    }
    return Outcome(
      value: DatasetVersion(
        id: id, name: input.name, version: Int(version), uri: input.uri, digest: input.digest,
        sizeBytes: input.sizeBytes, rowCount: input.rowCount),
      changed: true)
  }

  /// Adds a row to `nodes` and returns its id, the id of the entity row that follows.
  func insertNode(_ kind: NodeRef.Kind) throws -> Int64 {
    try database.insertReturningID("INSERT INTO nodes(kind) VALUES (?)", [.text(kind.rawValue)])
  }

  /// Adds a lineage edge (ignored when it already exists).
  func insertEdge(from source: Int64, to destination: Int64, _ relation: EdgeRelation) throws {
    try database.run(
      "INSERT INTO edges(src, dst, relation) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
      [.integer(source), .integer(destination), .text(relation.rawValue)])
    if database.changes > 0 { try FactTracking.inserted(into: "edges", entity: destination, database) }
  }
}

extension DatasetVersion {
  /// Reads `id, name, version, uri, digest, size_bytes, row_count`.
  init(row: Row) {
    self.init(
      id: row.int64(0), name: row.string(1), version: row.int(2), uri: row.string(3),
      digest: row.optionalString(4), sizeBytes: row.optionalInt64(5),
      rowCount: row.optionalInt64(6))
  }

  var auditDetails: JSONObject {
    [
      "uri": .string(uri), "digest": .optional(digest), "size_bytes": .optional(sizeBytes),
      "row_count": .optional(rowCount),
    ]
  }
}

extension SQLiteWriter {
  /// Marks a dataset version bad, once: an unversioned input ref (`NAME`) then resolves to the
  /// latest version that is not deprecated, and naming it explicitly as an input is refused. It
  /// stays in the registry and in lineage, marked. Deprecating it again is refused, like a model
  /// version's.
  public func deprecateDataset(_ ref: Ref, reason: String) throws(PedigreeError) -> DatasetVersion {
    try Limits.validateText(reason, as: "reason")
    guard case .dataset = ref else {
      throw PedigreeError.usage("\(ref) is not a dataset version", hint: "use NAME@N or dataset:NAME@N")
    }
    return try write {
      let target = try resolve(ref)
      if let earlier = try datasetDeprecationReason(target.id) {
        throw PedigreeError.refused("\(target.name) is already deprecated (\(earlier))")
      }
      try database.run(
        """
        INSERT INTO dataset_deprecations(dataset_version_id, deprecated_at, deprecated_by, reason)
        VALUES (?, ?, ?, ?)
        """, [.integer(target.id), .integer(clock().milliseconds), .text(actor), .text(reason)])
      try appendAudit(
        action: .datasetDeprecate, entity: "dataset:\(target.name)", details: ["reason": .string(reason)])
      guard
        let version = try database.queryFirst(
          """
          SELECT v.id, d.name, v.version, v.uri, v.digest, v.size_bytes, v.row_count
          FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id WHERE v.id = ?
          """, [.integer(target.id)], DatasetVersion.init(row:))
      else { throw PedigreeError.notFound("no dataset version \(target.name)") }
      return version
    }
  }

  /// Why a dataset version was deprecated, or `nil` when it is not.
  func datasetDeprecationReason(_ id: Int64) throws -> String? {
    try database.scalarString(
      "SELECT reason FROM dataset_deprecations WHERE dataset_version_id = ?", [.integer(id)])
  }

  /// The dataset version an input ref names: an unversioned `NAME` means the latest version that
  /// is not deprecated; a deprecated version named explicitly is refused.
  func resolveInputDataset(_ ref: Ref, name: String, selector: Ref.VersionSelector) throws -> NodeRef {
    guard selector == .latest else {
      let node = try resolve(ref)
      if let reason = try datasetDeprecationReason(node.id) {
        throw PedigreeError.refused(
          "\(node.name) is deprecated (\(reason)); it cannot be an input",
          hint: "use another version, or \(name) for the latest one that is not deprecated")
      }
      return node
    }
    let latest = try resolve(ref)
    guard
      let (id, version) = try database.queryFirst(
        """
        SELECT v.id, v.version FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id
        WHERE d.name = ? AND NOT EXISTS (
          SELECT 1 FROM dataset_deprecations x WHERE x.dataset_version_id = v.id)
        ORDER BY v.version DESC LIMIT 1
        """, [.text(name)], { ($0.int64(0), $0.int64(1)) })
    else {
      throw PedigreeError.refused(
        "every version of dataset \(name) is deprecated (the latest is \(latest.name))",
        hint: "register a new version")
    }
    return NodeRef(kind: .datasetVersion, id: id, name: "\(name)@\(version)")
  }
}
