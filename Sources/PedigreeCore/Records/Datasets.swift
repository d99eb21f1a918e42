/// One dataset in `dataset list`.
public struct DatasetSummary: Sendable {
  public let name: String
  public let createdAt: Timestamp
  public let latestVersion: Int?
  public let versionCount: Int
  /// The latest version's digest and URI.
  public let latestDigest: String?
  public let latestURI: String?

  public init(
    name: String, createdAt: Timestamp, latestVersion: Int?, versionCount: Int,
    latestDigest: String?, latestURI: String?
  ) {
    self.name = name
    self.createdAt = createdAt
    self.latestVersion = latestVersion
    self.versionCount = versionCount
    self.latestDigest = latestDigest
    self.latestURI = latestURI
  }
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

  public init(
    node: LineageNode, name: String, version: Int, uri: String, digest: String?,
    sizeBytes: Int64?, rowCount: Int64?, schemaJSON: String?, createdAt: Timestamp,
    createdBy: String, tags: [(key: String, value: String)], producedBy: [LineageNode],
    usedBy: [LineageNode]
  ) {
    self.node = node
    self.name = name
    self.version = version
    self.uri = uri
    self.digest = digest
    self.sizeBytes = sizeBytes
    self.rowCount = rowCount
    self.schemaJSON = schemaJSON
    self.createdAt = createdAt
    self.createdBy = createdBy
    self.tags = tags
    self.producedBy = producedBy
    self.usedBy = usedBy
  }
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
