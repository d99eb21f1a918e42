/// A file a run produced.
public struct ArtifactInfo: Hashable, Sendable {
  /// The artifact's node id (`artifact:ID`).
  public let id: Int64
  public let name: String
  public let uri: String
  public let digest: String?
  public let sizeBytes: Int64?
  public let createdAt: Timestamp
  public let createdBy: String

  public init(
    id: Int64, name: String, uri: String, digest: String?, sizeBytes: Int64?, createdAt: Timestamp,
    createdBy: String
  ) {
    self.id = id
    self.name = name
    self.uri = uri
    self.digest = digest
    self.sizeBytes = sizeBytes
    self.createdAt = createdAt
    self.createdBy = createdBy
  }
}

extension ArtifactInfo: JSONConvertible {
  public var json: JSONValue {
    .object([
      "id": .integer(id), "name": .string(name), "uri": .string(uri), "digest": .optional(digest),
      "size_bytes": .optional(sizeBytes), "created_at": .time(createdAt),
      "created_by": .string(createdBy),
    ])
  }
}

/// That a model version was marked bad: when, by whom, why.
public struct Deprecation: Hashable, Sendable {
  public let at: Timestamp
  public let by: String
  public let reason: String?

  public init(at: Timestamp, by: String, reason: String?) {
    self.at = at
    self.by = by
    self.reason = reason
  }
}

extension Deprecation: JSONConvertible {
  public var json: JSONValue {
    .object(["at": .time(at), "by": .string(by), "reason": .optional(reason)])
  }
}

/// One model version, as it stands now or as it stood at a time.
public struct ModelVersionInfo: Hashable, Sendable {
  /// The version's node id.
  public let id: Int64
  public let model: String
  public let version: Int
  /// Its description now (or as of the time asked about): the latest `model describe`, else the
  /// one given at registration.
  public var description: String?
  public let createdAt: Timestamp
  public let createdBy: String
  /// The run that produced it: node id and run id.
  public let runID: Int64
  public let runUUID: String
  public let artifact: ArtifactInfo?
  /// The digest recorded on the version (its artifact's digest).
  public let artifactDigest: String?
  /// Its deprecation, if it was deprecated (as of the time asked about).
  public let deprecation: Deprecation?
  /// The aliases pointing at it (as of the time asked about), by name.
  public var aliases: [String]
  /// Its tags (as of the time asked about): the latest event of each key, unless an unset.
  public var tags: [String: String] = [:]

  public init(
    id: Int64, model: String, version: Int, description: String?, createdAt: Timestamp,
    createdBy: String, runID: Int64, runUUID: String, artifact: ArtifactInfo?,
    artifactDigest: String?, deprecation: Deprecation?, aliases: [String]
  ) {
    self.id = id
    self.model = model
    self.version = version
    self.description = description
    self.createdAt = createdAt
    self.createdBy = createdBy
    self.runID = runID
    self.runUUID = runUUID
    self.artifact = artifact
    self.artifactDigest = artifactDigest
    self.deprecation = deprecation
    self.aliases = aliases
  }

  /// `NAME@N`.
  public var name: String { "\(model)@\(version)" }
}

extension ModelVersionInfo: JSONConvertible {
  public var json: JSONValue {
    .object([
      "model": .string(model), "version": .int(version), "ref": .string("model:\(name)"),
      "description": .optional(description), "created_at": .time(createdAt),
      "created_by": .string(createdBy), "run_id": .string(runUUID),
      "artifact": artifact?.json ?? .null, "artifact_digest": .optional(artifactDigest),
      "deprecated": .bool(deprecation != nil), "deprecation": deprecation?.json ?? .null,
      "aliases": .strings(aliases),
      "tags": .object(
        JSONObject(tags.sorted { $0.key < $1.key }.map { (key: $0.key, value: .string($0.value)) })),
    ])
  }
}
