import PedigreeCore
import PedigreeSQLite

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
  public let description: String?
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
    ])
  }
}

extension ModelVersionInfo {
  /// The versions as a table: version, created, by, run, digest, aliases, deprecated.
  public static func table(_ versions: [ModelVersionInfo]) -> TextTable {
    TextTable(
      ["VERSION", "CREATED", "BY", "RUN", "DIGEST", "ALIASES", "DEPRECATED"],
      rows: versions.map {
        [
          "v\($0.version)", $0.createdAt.iso8601, $0.createdBy, Format.shortRunID($0.runUUID),
          Format.shortDigest($0.artifactDigest), Format.list($0.aliases),
          $0.deprecation.map { "yes: " + Format.text($0.reason) } ?? "",
        ]
      })
  }

  /// The version's attributes as `key: value` fields.
  public var fields: [(String, String)] {
    [
      ("version", name), ("description", Format.text(description)),
      ("created", "\(createdAt.iso8601) by \(createdBy)"), ("run", runUUID),
      ("artifact", artifact.map { "\($0.name) (\($0.uri))" } ?? "-"),
      ("digest", Format.text(artifactDigest)), ("size", Format.bytes(artifact?.sizeBytes)),
      ("aliases", Format.list(aliases)),
      (
        "deprecated",
        deprecation.map { "\($0.at.iso8601) by \($0.by): \(Format.text($0.reason))" } ?? "no"
      ),
    ]
  }
}

enum ModelVersionSQL {
  /// Append a WHERE clause.
  static let select = """
    SELECT mv.id, m.name, mv.version, mv.description, mv.created_at, mv.created_by, mv.run_id,
      r.uuid, mv.artifact_digest, mv.deprecated_at, mv.deprecated_by, mv.deprecation_reason,
      a.id, a.name, a.uri, a.digest, a.size_bytes, a.created_at, a.created_by
    FROM model_versions mv JOIN models m ON m.id = mv.model_id JOIN runs r ON r.id = mv.run_id
    LEFT JOIN artifacts a ON a.id = mv.artifact_id
    """
}

extension ModelVersionInfo {
  /// Reads `ModelVersionSQL.select`; a deprecation after `at` is not yet one.
  init(row: Row, at: Timestamp?) {
    let deprecatedAt = row.optionalInt64(9).map(Timestamp.init(milliseconds:))
    let deprecation = deprecatedAt.flatMap { time in
      time <= (at ?? time)
        ? Deprecation(at: time, by: row.string(10), reason: row.optionalString(11)) : nil
    }
    let artifact = row.optionalInt64(12).map { id in
      ArtifactInfo(
        id: id, name: row.string(13), uri: row.string(14), digest: row.optionalString(15),
        sizeBytes: row.optionalInt64(16), createdAt: Timestamp(milliseconds: row.int64(17)),
        createdBy: row.string(18))
    }
    self.init(
      id: row.int64(0), model: row.string(1), version: row.int(2),
      description: row.optionalString(3), createdAt: Timestamp(milliseconds: row.int64(4)),
      createdBy: row.string(5), runID: row.int64(6), runUUID: row.string(7), artifact: artifact,
      artifactDigest: row.optionalString(8), deprecation: deprecation, aliases: [])
  }
}

extension Queries {
  /// One model version by node id, as of `at` (now when `nil`), with its aliases then.
  func modelVersion(id: Int64, at: Timestamp? = nil) throws -> ModelVersionInfo {
    guard
      var info = try database.queryFirst(
        ModelVersionSQL.select + " WHERE mv.id = ?", [.integer(id)], { ModelVersionInfo(row: $0, at: at) })
    else { throw PedigreeError.notFound("no model version with node id \(id)") }
    info.aliases = try aliases(ofVersion: id, at: at).map(\.alias)
    return info
  }
}
