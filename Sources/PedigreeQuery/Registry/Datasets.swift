import PedigreeCore
import PedigreeSQLite

/// One dataset in `dataset list`.
public struct DatasetSummary: Sendable {
  public let name: String
  public let createdAt: Timestamp
  public let latestVersion: Int?
  public let versionCount: Int
  /// The latest version's digest and URI.
  public let latestDigest: String?
  public let latestURI: String?
}

extension DatasetSummary: JSONConvertible {
  public var json: JSONValue {
    .object([
      "name": .string(name), "latest_version": .int(latestVersion), "versions": .int(versionCount),
      "latest_digest": .optional(latestDigest), "latest_uri": .optional(latestURI),
      "created_at": .time(createdAt),
    ])
  }
}

extension DatasetSummary {
  /// The datasets as a table: name, latest version, versions, digest, URI.
  public static func table(_ datasets: [DatasetSummary]) -> TextTable {
    TextTable(
      ["DATASET", "LATEST", "VERSIONS", "DIGEST", "URI"],
      rows: datasets.map {
        [
          $0.name, $0.latestVersion.map { "v\($0)" } ?? "-", String($0.versionCount),
          Format.shortDigest($0.latestDigest), Format.text($0.latestURI),
        ]
      }, alignments: [.left, .right, .right])
  }
}

/// `dataset show`: one dataset version, its tags, what produced it and what used it.
public struct DatasetVersionInfo: Sendable {
  public let node: LineageNode
  public let name: String
  public let version: Int
  public let uri: String
  public let digest: String?
  public let sizeBytes: Int64?
  public let rowCount: Int64?
  /// The schema as recorded (JSON text).
  public let schemaJSON: String?
  public let createdAt: Timestamp
  public let createdBy: String
  public let tags: [(key: String, value: String)]
  /// Runs that wrote this version.
  public let producedBy: [LineageNode]
  /// Runs that read it (all of them).
  public let usedBy: [LineageNode]
}

extension DatasetVersionInfo: JSONConvertible {
  public var json: JSONValue {
    .object([
      "name": .string(name), "version": .int(version), "ref": .string(node.ref.typedRef),
      "uri": .string(uri), "digest": .optional(digest), "size_bytes": .optional(sizeBytes),
      "row_count": .optional(rowCount), "schema": .optional(schemaJSON),
      "created_at": .time(createdAt), "created_by": .string(createdBy), "tags": .pairs(tags),
      "produced_by": producedBy.json, "used_by": usedBy.json,
    ])
  }
}

extension DatasetVersionInfo {
  /// The human form: fields, tags, producing and using runs.
  public var document: ReportDocument {
    return ReportDocument(
      title: node.ref.name,
      sections: [
        .init(
          "Dataset version",
          [
            .fields([
              ("version", node.ref.name), ("uri", uri), ("digest", Format.text(digest)),
              ("size", Format.bytes(sizeBytes)), ("rows", Format.number(rowCount)),
              ("schema", Format.text(schemaJSON)), ("created", "\(createdAt.iso8601) by \(createdBy)"),
              ("tags", Format.pairs(tags)),
            ])
          ]),
        .init("Produced by", [.lines(producedBy.map(\.line))]),
        .init("Used by", [.lines(usedBy.map(\.line))]),
      ])
  }
}

extension Queries {
  /// Every dataset, by name, with its latest version.
  public func datasetList() throws(PedigreeError) -> [DatasetSummary] {
    try read {
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

  /// One dataset version in full.
  ///
  /// - Throws: `.usage` when `node` is not a dataset version.
  public func datasetShow(_ node: NodeRef) throws(PedigreeError) -> DatasetVersionInfo {
    guard node.kind == .datasetVersion else {
      throw PedigreeError.usage("\(node.typedRef) is not a dataset version", hint: "use dataset:NAME@N")
    }
    return try read {
      let lineage = try self.node(id: node.id)
      let tags = try database.query(
        "SELECT key, value FROM dataset_version_tags WHERE dataset_version_id = ? ORDER BY key",
        [.integer(node.id)]
      ) { (key: $0.string(0), value: $0.string(1)) }
      let producers = try neighbours(of: node.id, upstream: true, relation: "output")
      let users = try neighbours(of: node.id, upstream: false, relation: "input")
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
