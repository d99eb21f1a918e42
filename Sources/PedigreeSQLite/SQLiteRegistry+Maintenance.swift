import PedigreeCore

/// How much a registry holds.
public struct RegistryStatistics: Sendable, Equatable {
  public let runs: Int
  public let metricPoints: Int
}

extension SQLiteRegistry {
  /// Copies the write-ahead log into the main file and truncates it, so the file's size is the
  /// registry's size (https://sqlite.org/pragma.html#pragma_wal_checkpoint).
  public func checkpoint() throws(PedigreeError) {
    guard !database.isPostgres else { return }  // no WAL file of Pedigree's: the server's own
    try mapErrors { try database.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
  }

  /// How many runs and metric points the registry holds.
  public func statistics() throws(PedigreeError) -> RegistryStatistics {
    try read {
      RegistryStatistics(
        runs: Int(try database.scalarInt("SELECT count(*) FROM runs") ?? 0),
        metricPoints: Int(try database.scalarInt("SELECT coalesce(sum(count), 0) FROM metric_chunks") ?? 0))
    }
  }
}
