import PedigreeCore

extension SQLiteRegistry {
  /// One statement: each dataset with its latest version and its version count.
  public func datasetList() throws(PedigreeError) -> [DatasetSummary] {
    try mapErrors {
      try database.query(
        """
        SELECT d.name, d.created_at, v.version, (SELECT count(*) FROM dataset_versions WHERE dataset_id = d.id),
          v.digest, v.uri
        FROM datasets d LEFT JOIN dataset_versions v ON v.dataset_id = d.id
          AND v.version = (SELECT max(version) FROM dataset_versions WHERE dataset_id = d.id)
        ORDER BY d.name
        """
      ) {
        DatasetSummary(
          name: $0.string(0), createdAt: Timestamp(milliseconds: $0.int64(1)),
          latestVersion: $0.optionalInt64(2).map { Int($0) }, versionCount: $0.int(3),
          latestDigest: $0.optionalString(4), latestURI: $0.optionalString(5))
      }
    }
  }

  /// The node, its tags, the producing and using runs, then the version's row.
  public func datasetVersionInfo(_ node: NodeRef) throws(PedigreeError) -> DatasetVersionInfo {
    try mapErrors {
      let lineage = try lineageNode(id: node.id)
      let tags = try database.query(
        "SELECT key, value FROM dataset_version_tags WHERE dataset_version_id = ? ORDER BY key",
        [.integer(node.id)]
      ) { (key: $0.string(0), value: $0.string(1)) }
      let producers = try neighbours(of: node.id, upstream: true, relation: .output)
      let users = try neighbours(of: node.id, upstream: false, relation: .input)
      guard
        let info = try database.queryFirst(
          """
          SELECT d.name, v.version, v.uri, v.digest, v.size_bytes, v.row_count, v.schema_json,
            v.created_at, v.created_by
          FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id WHERE v.id = ?
          """, [.integer(node.id)],
          {
            DatasetVersionInfo(
              node: lineage, name: $0.string(0), version: $0.int(1), uri: $0.string(2),
              digest: $0.optionalString(3), sizeBytes: $0.optionalInt64(4), rowCount: $0.optionalInt64(5),
              schemaJSON: $0.optionalString(6), createdAt: Timestamp(milliseconds: $0.int64(7)),
              createdBy: $0.string(8), tags: tags, producedBy: producers, usedBy: users)
          })
      else { throw PedigreeError.notFound("no dataset version \(node.name)") }
      return info
    }
  }
}
