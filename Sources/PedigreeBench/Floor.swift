import CSQLite
import Foundation
import PedigreeCore
import PedigreePostgres
import PedigreeSQLite

/// One ingest measurement: how many metric points went in, how fast, and the peak memory of the
/// process that did it.
public struct IngestFigure: Sendable, Codable, Equatable {
  public var path: String
  public var records: Int
  public var failed: Int
  public var metricPoints: Int
  public var seconds: Double
  public var pointsPerSecond: Double
  public var peakMemoryKiB: Int
  /// The registry file's size after a checkpoint (main file plus what is left of the WAL).
  public var databaseBytes: Int64

  public init(
    path: String, records: Int, failed: Int = 0, metricPoints: Int, seconds: Double, peakMemoryKiB: Int,
    databaseBytes: Int64
  ) {
    self.path = path
    self.records = records
    self.failed = failed
    self.metricPoints = metricPoints
    self.seconds = seconds
    self.pointsPerSecond = seconds > 0 ? Double(metricPoints) / seconds : 0
    self.peakMemoryKiB = peakMemoryKiB
    self.databaseBytes = databaseBytes
  }
}

/// The floor: the workload's metric rows inserted by a bare prepared-statement loop, straight on
/// the SQLite C API, in one transaction, into a row-per-point table (the `metrics` table of
/// schema versions 1–4: one row per point under a six-column key) in a fresh registry file with
/// the registry's own connection set-up (WAL, `synchronous=NORMAL`, foreign keys on).
///
/// Nothing the store does is in it: no JSON, no documents, no params, edges or audit entries. The
/// bulk path's rate over the floor's says what all of that costs, and what a layout built for
/// histories gains over a row per point.
public enum Floor {
  /// The row-per-point table (0001's `metrics`).
  static let tableSQL = """
    CREATE TABLE floor_metrics (
      run_id INTEGER NOT NULL,
      key_id INTEGER NOT NULL,
      step INTEGER NOT NULL,
      timestamp INTEGER NOT NULL,
      value REAL NOT NULL,
      is_nan INTEGER NOT NULL DEFAULT 0 CHECK (is_nan IN (0, 1)),
      PRIMARY KEY (run_id, key_id, step, timestamp, value, is_nan)
    ) STRICT, WITHOUT ROWID
    """

  /// The statement the row-per-point layout ran for each point.
  static let insertSQL = """
    INSERT OR IGNORE INTO floor_metrics(run_id, key_id, step, timestamp, value, is_nan)
    VALUES (?, ?, ?, ?, ?, ?)
    """

  /// Measures the floor for `workload` on a new registry at `path` (replaced if it exists).
  ///
  /// Untimed set-up: the schema, one run row per run (the metric rows' parents), and every metric
  /// value computed into memory. Timed: prepare, `BEGIN IMMEDIATE`, bind/step/reset per row
  /// (metric names bound as their `metric_keys` ids), `COMMIT`.
  public static func measure(_ workload: Workload, path: String) throws -> IngestFigure {
    removeRegistry(at: path)
    do {
      _ = try SQLiteRegistry.open(path: path, access: .create(by: Author("bench")))
    }
    let connection = try Connection(path: path)
    try connection.execute("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL")
    try connection.execute("BEGIN IMMEDIATE")
    try connection.execute(tableSQL)
    try connection.execute("INSERT INTO experiments(id, name, created_at) VALUES (1, 'floor', 0)")
    let spec = workload.spec
    for run in 0..<spec.runs {
      try connection.execute(
        """
        INSERT INTO nodes(id, kind) VALUES (\(run + 1), 'run');
        INSERT INTO runs(id, uuid, experiment_id, status, started_at, actor)
        VALUES (\(run + 1), printf('%032x', \(run + 1)), 1, 'finished', 0, 'bench');
        """)
    }
    // The metric names' rows (the store adds them on first use): key i has id i + 1.
    for (index, key) in workload.metricKeys.enumerated() {
      try connection.execute("INSERT INTO metric_keys(id, key) VALUES (\(index + 1), '\(key)')")
    }
    try connection.execute("COMMIT")

    var values = [Double](repeating: 0, count: spec.metricPoints)
    for run in 0..<spec.runs {
      for metric in 0..<spec.metricsPerRun {
        for step in 0..<spec.stepsPerMetric {
          values[(run * spec.metricsPerRun + metric) * spec.stepsPerMetric + step] =
            workload.metricValue(run: run, metric: metric, step: step)
        }
      }
    }
    let started = ContinuousClock.now
    do {
      let statement = try connection.prepare(insertSQL)
      defer { sqlite3_finalize(statement) }
      try connection.execute("BEGIN IMMEDIATE")
      var index = 0
      for run in 0..<spec.runs {
        let runID = Int64(run + 1)
        let timestamp = workload.metricTimestamp(run: run).milliseconds
        for metric in 0..<spec.metricsPerRun {
          for step in 0..<spec.stepsPerMetric {
            let value = values[index]
            index += 1
            sqlite3_bind_int64(statement, 1, runID)
            sqlite3_bind_int64(statement, 2, Int64(metric + 1))
            sqlite3_bind_int64(statement, 3, Int64(step))
            sqlite3_bind_int64(statement, 4, timestamp)
            sqlite3_bind_double(statement, 5, value.isNaN ? 0 : value)
            sqlite3_bind_int64(statement, 6, value.isNaN ? 1 : 0)
            let code = sqlite3_step(statement)
            guard code == SQLITE_DONE else { throw connection.error(code, "inserting a metric row") }
            sqlite3_reset(statement)
          }
        }
      }
      try connection.execute("COMMIT")
    }
    let seconds = (ContinuousClock.now - started).seconds
    try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return IngestFigure(
      path: path, records: spec.runs, metricPoints: spec.metricPoints, seconds: seconds,
      peakMemoryKiB: ChildProcess.selfPeakMemoryKiB(), databaseBytes: registryBytes(at: path))
  }
}

/// A bare SQLite connection, for the floor only (everything else goes through `SQLiteRegistry`).
final class Connection {
  let handle: OpaquePointer

  init(path: String) throws {
    var connection: OpaquePointer?
    let code = sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
    guard code == SQLITE_OK, let connection else {
      sqlite3_close_v2(connection)
      throw BenchError("cannot open \(path): \(String(cString: sqlite3_errstr(code)))")
    }
    handle = connection
  }

  deinit { sqlite3_close_v2(handle) }

  func error(_ code: Int32, _ doing: String) -> BenchError {
    BenchError("\(doing): \(String(cString: sqlite3_errmsg(handle))) (\(code))")
  }

  func execute(_ sql: String) throws {
    let code = sqlite3_exec(handle, sql, nil, nil, nil)
    guard code == SQLITE_OK else { throw error(code, "running \(sql.prefix(60))") }
  }

  func prepare(_ sql: String) throws -> OpaquePointer {
    var statement: OpaquePointer?
    let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
    guard code == SQLITE_OK, let statement else { throw error(code, "preparing \(sql.prefix(60))") }
    return statement
  }
}

/// Removes a registry file and its WAL and shared-memory files, if present; empties a PostgreSQL
/// registry's database (`emptyPostgresDatabase`).
public func removeRegistry(at path: String) {
  if PostgresURL.isPostgres(path) {
    try? emptyPostgresDatabase(path)
    return
  }
  for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
}

/// The size of a registry: its main file plus its WAL, or a PostgreSQL database's size.
public func registryBytes(at path: String) -> Int64 {
  if PostgresURL.isPostgres(path) { return postgresDatabaseBytes(path) }
  return ["", "-wal"].reduce(0) { total, suffix in
    let size = (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size]) as? Int64
    return total + (size ?? 0)
  }
}

/// The version of the SQLite library linked in.
func sqliteVersion() -> String { String(cString: sqlite3_libversion()) }
