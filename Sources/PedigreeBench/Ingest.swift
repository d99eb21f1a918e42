import Foundation
import PedigreeCore
import PedigreeSQLite

/// The library's bulk path: `SQLiteRegistry.recordLines` over the workload's JSON Lines file.
public enum BulkIngest {
  /// Records `file` into a new registry at `path` (replaced if it exists) and measures it.
  /// Timed: reading, parsing and recording every line (not opening the registry).
  public static func measure(file: String, path: String, batchSize: Int = 64) throws -> IngestFigure {
    removeRegistry(at: path)
    let writer = try SQLiteRegistry.open(path: path, access: .create(by: Author("bench")))
      .writing(as: Author("bench"))
    let reader = try LineReader(path: file)
    let started = ContinuousClock.now
    let summary = try writer.recordLines(reader, batchSize: batchSize) { _, _ in }
    let seconds = (ContinuousClock.now - started).seconds
    try writer.registry.checkpoint()
    return IngestFigure(
      path: path, records: summary.written, failed: summary.failed, metricPoints: summary.metricPoints,
      seconds: seconds, peakMemoryKiB: ChildProcess.selfPeakMemoryKiB(),
      databaseBytes: registryBytes(at: path))
  }

  /// Applies the workload's promotions and rollbacks to the registry at `path` through the
  /// library, returning how long they took.
  public static func applyAliasMoves(_ workload: Workload, path: String) throws -> Double {
    let writer = try SQLiteRegistry.open(path: path, access: .create(by: Author("bench")))
      .writing(as: Author("bench"))
    let started = ContinuousClock.now
    for operation in workload.aliasOperations() {
      switch operation {
      case .promote(let model, let version, let alias):
        _ = try writer.promote(
          .model(name: model, selector: .version(version)), to: alias, reason: "bench promotion")
      case .rollback(let model, let alias):
        _ = try writer.rollback(model: model, alias: alias, reason: "bench rollback")
      }
    }
    let seconds = (ContinuousClock.now - started).seconds
    try writer.registry.checkpoint()
    return seconds
  }
}

/// The command-line path: `pedigree run record FILE --db PATH` as a child process.
public enum CLIIngest {
  /// Why the `pedigree` binary at `executable` cannot record runs yet, or `nil` when it can.
  public static func unavailableReason(_ executable: String) -> String? {
    guard FileManager.default.isExecutableFile(atPath: executable) else {
      return "no pedigree binary at \(executable) (build it: swift build -c release --product pedigree)"
    }
    guard let help = try? ChildProcess.run(executable, ["run", "record", "--help"]),
      help.status == 0, help.stdout.contains("record")
    else {
      return "\(executable) does not support `run record` yet"
    }
    return nil
  }

  /// Records `file` into a new registry at `path` with the CLI and measures the whole process:
  /// wall time from spawn to exit, and the child's own peak memory. The registry is then checked
  /// to hold every run and point of the workload.
  public static func measure(
    _ executable: String, file: String, path: String, spec: WorkloadSpec, helper: String?
  ) throws -> IngestFigure {
    removeRegistry(at: path)
    // Only `init` creates a registry (untimed, like the other paths' set-up).
    let created = try ChildProcess.run(executable, ["init", "--db", path])
    guard created.status == 0 else {
      throw BenchError("pedigree init exited \(created.status): \(created.stderr.prefix(300))")
    }
    let result = try ChildProcess.measured(
      executable, ["run", "record", file, "--db", path], helper: helper)
    guard result.status == 0 else {
      throw BenchError(
        "pedigree run record exited \(result.status): \(result.stderr.prefix(300))")
    }
    let registry = try SQLiteRegistry.open(path: path, access: .read)
    let stored = try registry.statistics()
    let (runs, points) = (stored.runs, stored.metricPoints)
    guard runs == spec.runs, points == spec.metricPoints else {
      throw BenchError(
        "pedigree run record stored \(runs) runs and \(points) points; expected \(spec.runs) and "
          + "\(spec.metricPoints)")
    }
    try registry.checkpoint()
    return IngestFigure(
      path: path, records: Int(runs), metricPoints: Int(points), seconds: result.seconds,
      peakMemoryKiB: result.peakMemoryKiB, databaseBytes: registryBytes(at: path))
  }
}
