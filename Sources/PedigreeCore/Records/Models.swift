/// One registered model in `model list`.
public struct ModelSummary: Sendable {
  public let name: String
  public let createdAt: Timestamp
  public let createdBy: String
  /// The highest version number, or `nil` when it has none yet.
  public let latestVersion: Int?
  public let versionCount: Int
  /// Every alias and the version it points at now.
  public let aliases: [AliasPointer]
  /// The deprecated dataset versions (typed refs) upstream of each alias's version, for the
  /// aliases whose version was trained on one.
  public var deprecatedData: [String: [String]] = [:]

  public init(
    name: String, createdAt: Timestamp, createdBy: String, latestVersion: Int?, versionCount: Int,
    aliases: [AliasPointer]
  ) {
    self.name = name
    self.createdAt = createdAt
    self.createdBy = createdBy
    self.latestVersion = latestVersion
    self.versionCount = versionCount
    self.aliases = aliases
  }
}

extension ModelSummary: JSONConvertible {
  public var json: JSONValue {
    .object([
      "name": .string(name), "latest_version": .int(latestVersion),
      "versions": .int(versionCount), "aliases": aliasList(aliases),
      "created_at": .time(createdAt), "created_by": .string(createdBy),
      "deprecated_data": .object(
        JSONObject(deprecatedData.sorted { $0.key < $1.key }.map { ($0.key, .strings($0.value)) })),
    ])
  }
}

/// A model as it stood at a time (or now): its versions then, its aliases then.
public struct ModelSnapshot: Sendable {
  public let name: String
  public let createdAt: Timestamp
  public let createdBy: String
  /// The time asked about, or `nil` for now.
  public let at: Timestamp?
  /// The versions that existed then, oldest first, with deprecation and aliases as of then.
  public let versions: [ModelVersionInfo]
  /// Every alias that was set then and the version it pointed at, by alias.
  public let aliases: [AliasPointer]

  public init(
    name: String, createdAt: Timestamp, createdBy: String, at: Timestamp?,
    versions: [ModelVersionInfo], aliases: [AliasPointer]
  ) {
    self.name = name
    self.createdAt = createdAt
    self.createdBy = createdBy
    self.at = at
    self.versions = versions
    self.aliases = aliases
  }
}

extension ModelSnapshot: JSONConvertible {
  public var json: JSONValue {
    .object([
      "name": .string(name), "as_of": .time(at), "created_at": .time(createdAt),
      "created_by": .string(createdBy), "aliases": aliasList(aliases), "versions": versions.json,
    ])
  }
}
