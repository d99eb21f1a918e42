import Foundation
import PedigreeCore

/// The reference the ingest budget is stated against: a plain Python `executemany` of the
/// workload's metric rows into a row-per-point SQLite table (`Floor.tableSQL`), one transaction,
/// WAL and `synchronous=NORMAL`, through Python's own `sqlite3` module.
///
/// Untimed: writing the rows to a binary file and Python reading them into a list of tuples.
/// Timed (by Python itself): `BEGIN IMMEDIATE`, `executemany`, `COMMIT`.
public enum PythonFloor {
  static let script = """
    import sqlite3, struct, sys, time
    rows_path, db_path, table = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(rows_path, "rb") as f:
        rows = list(struct.iter_unpack("<qqqqdq", f.read()))
    con = sqlite3.connect(db_path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute(table)
    start = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")
    con.executemany("INSERT OR IGNORE INTO floor_metrics VALUES (?, ?, ?, ?, ?, ?)", rows)
    con.execute("COMMIT")
    print(time.perf_counter() - start)
    """

  /// A Python 3 interpreter: `$PEDIGREE_PYTHON`, else `python3` in the usual places.
  public static func interpreter() -> String? {
    let candidates =
      [ProcessInfo.processInfo.environment["PEDIGREE_PYTHON"]].compactMap { $0 }
      + ["/usr/bin/python3", "/usr/local/bin/python3"]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Measures the Python floor for `workload` in a fresh file at `path`.
  public static func measure(_ workload: Workload, python: String, path: String) throws -> IngestFigure {
    removeRegistry(at: path)
    let rowsPath = path + ".rows"
    let scriptPath = path + ".py"
    defer {
      unlink(rowsPath)
      unlink(scriptPath)
    }
    try Data(script.utf8).write(to: URL(fileURLWithPath: scriptPath))
    try rows(workload).write(to: URL(fileURLWithPath: rowsPath))
    let result = try ChildProcess.run(python, [scriptPath, rowsPath, path, Floor.tableSQL])
    guard result.status == 0,
      let seconds = Double(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    else {
      throw BenchError("the Python floor failed (exit \(result.status)): \(result.stderr.prefix(300))")
    }
    return IngestFigure(
      path: path, records: workload.spec.runs, metricPoints: workload.spec.metricPoints,
      seconds: seconds, peakMemoryKiB: result.peakMemoryKiB, databaseBytes: registryBytes(at: path))
  }

  /// Every metric row as six little-endian 8-byte fields: run, key, step, time, value, is_nan.
  static func rows(_ workload: Workload) -> Data {
    let spec = workload.spec
    var bytes = Data(capacity: spec.metricPoints * 48)
    func append<T>(_ value: T) { withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) } }
    for run in 0..<spec.runs {
      let timestamp = workload.metricTimestamp(run: run).milliseconds
      for metric in 0..<spec.metricsPerRun {
        for step in 0..<spec.stepsPerMetric {
          let value = workload.metricValue(run: run, metric: metric, step: step)
          append(Int64(run + 1).littleEndian)
          append(Int64(metric + 1).littleEndian)
          append(Int64(step).littleEndian)
          append(timestamp.littleEndian)
          append((value.isNaN ? 0 : value).bitPattern.littleEndian)
          append(Int64(value.isNaN ? 1 : 0).littleEndian)
        }
      }
    }
    return bytes
  }
}
