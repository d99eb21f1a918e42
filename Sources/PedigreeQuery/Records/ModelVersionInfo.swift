import PedigreeCore

extension ModelVersionInfo {
  /// The versions as a table: version, created, by, run, digest, aliases, deprecated.
  public static func table(_ versions: [ModelVersionInfo]) -> TextTable {
    TextTable(
      ["VERSION", "CREATED", "BY", "RUN", "DIGEST", "ALIASES", "TAGS", "DEPRECATED"],
      rows: versions.map {
        [
          "v\($0.version)", $0.createdAt.iso8601, $0.createdBy, Format.shortRunID($0.runUUID),
          Format.shortDigest($0.artifactDigest), Format.list($0.aliases), $0.tagList,
          $0.deprecation.map { "yes: " + Format.text($0.reason) } ?? "",
        ]
      })
  }

  /// Versions of any models as a table: NAME@N, created, run, aliases, tags, deprecated.
  public static func searchTable(_ versions: [ModelVersionInfo]) -> TextTable {
    TextTable(
      ["VERSION", "CREATED", "RUN", "ALIASES", "TAGS", "DEPRECATED"],
      rows: versions.map {
        [
          $0.name, $0.createdAt.iso8601, Format.shortRunID($0.runUUID), Format.list($0.aliases), $0.tagList,
          $0.deprecation == nil ? "" : "yes",
        ]
      })
  }

  /// `k=v, k2=v2` by key, or `-`.
  public var tagList: String { Format.list(tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }) }

  /// The version's attributes as `key: value` fields.
  public var fields: [(String, String)] {
    [
      ("version", name), ("description", Format.text(description)),
      ("created", "\(createdAt.iso8601) by \(createdBy)"), ("run", runUUID),
      ("artifact", artifact.map { "\($0.name) (\($0.uri))" } ?? "-"),
      ("digest", Format.text(artifactDigest)), ("size", Format.bytes(artifact?.sizeBytes)),
      ("aliases", Format.list(aliases)), ("tags", tagList),
      (
        "deprecated",
        deprecation.map { "\($0.at.iso8601) by \($0.by): \(Format.text($0.reason))" } ?? "no"
      ),
    ]
  }
}

extension Queries {
  /// One model version by node id, as of `at` (now when `nil`), with its aliases then.
  func modelVersion(id: Int64, at: Timestamp? = nil) throws -> ModelVersionInfo {
    try reader.modelVersionInfo(id: id, at: at)
  }
}
