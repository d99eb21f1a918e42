import PedigreeCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// One numbered schema migration, compiled in from `migrations/NNNN_name.sql`.
public struct Migration: Sendable {
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

  /// The line that hands a migration over to a Swift conversion: `-- pedigree:convert NAME`.
  static let conversionMarker = "-- pedigree:convert "

  /// The conversions a migration may call by name, for a change of layout that SQL cannot
  /// express (re-encoding rows). Each runs inside the migration's transaction, on what the SQL
  /// before its marker created; the SQL after the marker then runs (typically dropping what was
  /// converted). On a new registry it runs on empty tables.
  static let conversions: [String: @Sendable (Database) throws -> Void] = [
    "metric_rows_to_chunks": MetricRowsToChunks.convert
  ]

  /// Runs the migration inside the caller's transaction: its SQL, and at each
  /// `-- pedigree:convert NAME` line the conversion of that name. Tools that apply the SQL alone
  /// (generate-migrations, the sqlite3 shell on an empty file) see the marker as a comment.
  func apply(to database: Database) throws {
    var script = ""
    for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
      guard line.hasPrefix(Migration.conversionMarker) else {
        script += line + "\n"
        continue
      }
      let name = String(line.dropFirst(Migration.conversionMarker.count))
      guard let conversion = Migration.conversions[name] else {
        throw PedigreeError(.io, "migration \(version) names an unknown conversion '\(name)'")
      }
      try database.execute(script)
      script = ""
      try conversion(database)
    }
    try database.execute(script)
  }
}
