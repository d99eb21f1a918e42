import PedigreeCore

/// One numbered schema migration of the PostgreSQL backend, compiled in from
/// `migrations/postgresql/NNNN_name.sql` by `swift run generate-migrations`.
public struct PostgresMigration: Sendable {
  /// The migration's number; the schema version it produces.
  public let version: Int
  /// The name after the number in the file name.
  public let name: String
  /// The SQL text, exactly as in the file.
  public let sql: String

  /// `sha256:<hex>` of the SQL text, recorded when applied so an edited migration is caught.
  public var checksum: String { Digest.sha256(Array(sql.utf8)) }

  /// The schema version this binary produces.
  public static var latestVersion: Int { all.last?.version ?? 0 }
}
