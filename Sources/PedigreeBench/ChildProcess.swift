import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One finished child process: how it ended, how long it took and how much memory it used.
public struct ChildResult: Sendable, Codable {
  /// The exit code, or 128 + the signal number when a signal ended it.
  public let status: Int32
  /// Wall-clock time from spawn to reap.
  public let seconds: Double
  /// The child's own peak resident set size (`ru_maxrss` from `wait4`), in KiB.
  public let peakMemoryKiB: Int
  public let stdout: String
  public let stderr: String
}

/// Runs a program as a child process with `posix_spawn` and reaps it with `wait4`, which returns
/// the child's own resource usage (unlike `RUSAGE_CHILDREN`, the maximum over every child so far).
public enum ChildProcess {
  /// Runs `executable` with `arguments`; its standard output and error go to temporary files that
  /// are read back and removed. Standard input is `/dev/null`; the environment is this process's
  /// plus `environment`.
  public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:])
    throws -> ChildResult
  {
    let scratch = NSTemporaryDirectory() + "pedigree-bench-\(getpid())-\(UUID().uuidString)"
    let outPath = scratch + ".out"
    let errPath = scratch + ".err"
    defer {
      unlink(outPath)
      unlink(errPath)
    }
    let started = ContinuousClock.now
    let pid = try spawn(executable, arguments, stdout: outPath, stderr: errPath, environment: environment)
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
      guard errno == EINTR else { throw BenchError("cannot wait for \(executable)") }
    }
    let seconds = (ContinuousClock.now - started).seconds
    let signal = status & 0x7f
    return ChildResult(
      status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, seconds: seconds,
      peakMemoryKiB: Int(usage.ru_maxrss), stdout: read(outPath), stderr: read(errPath))
  }

  /// Starts `executable` with `arguments` (standard input `/dev/null`, standard output and error
  /// into the files named, this process's environment plus `environment`) and returns its pid
  /// without waiting; `newGroup` puts it in a process group of its own (pgid = its pid), so that
  /// it and every process it forks can be signalled at once.
  static func spawn(
    _ executable: String, _ arguments: [String], stdout outPath: String, stderr errPath: String,
    environment: [String: String] = [:], newGroup: Bool = false
  ) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    if newGroup {
      posix_spawnattr_setpgroup(&attributes, 0)
      posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    }
    let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var pid: pid_t = 0
    let code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard code == 0 else {
      throw BenchError("cannot start \(executable): \(String(cString: strerror(code)))")
    }
    return pid
  }

  /// Runs `executable` like `run`, but through `helper` (a `pedigree-bench` executable) when
  /// given: a fresh, small process that spawns it, reaps it and reports its figures.
  ///
  /// Why: on Linux, `exec` folds the high-water RSS of the address space it replaces into the new
  /// program's `ru_maxrss`, and `posix_spawn` shares the parent's address space until `exec`; so
  /// a child of this (large) process would report at least this process's peak. Through the
  /// helper, the floor is the helper's own start-up footprint, below any Swift program's.
  public static func measured(_ executable: String, _ arguments: [String], helper: String?) throws
    -> ChildResult
  {
    guard let helper else { return try run(executable, arguments) }
    let report = NSTemporaryDirectory() + "pedigree-bench-\(getpid())-\(UUID().uuidString).json"
    defer { unlink(report) }
    let outer = try run(helper, ["--measure-child", report, "--", executable] + arguments)
    guard let data = FileManager.default.contents(atPath: report),
      let inner = try? JSONDecoder().decode(ChildResult.self, from: data)
    else {
      throw BenchError("the measuring helper failed (exit \(outer.status)): \(outer.stderr.prefix(300))")
    }
    return inner
  }

  /// The helper's side of `measured`: runs the command and writes its `ChildResult` as JSON to
  /// `report`; returns the command's exit code.
  public static func measureChild(report: String, _ command: [String]) throws -> Int32 {
    guard let executable = command.first else { throw BenchError("--measure-child needs a command") }
    let result = try run(executable, Array(command.dropFirst()))
    try JSONEncoder().encode(result).write(to: URL(fileURLWithPath: report))
    return result.status
  }

  private static func read(_ path: String) -> String {
    (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
  }

  /// This process's own peak resident set size in KiB: on Linux `VmHWM` of `/proc/self/status`
  /// (the high-water mark of this program's address space alone, unlike `ru_maxrss`, see
  /// `measured`), elsewhere `getrusage(RUSAGE_SELF)`.
  public static func selfPeakMemoryKiB() -> Int {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kib = Int(line.dropFirst("VmHWM:".count).filter(\.isNumber))
    {
      return kib
    }
    var usage = rusage()
    #if os(Linux)
      getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
      return Int(usage.ru_maxrss)
    #else
      getrusage(RUSAGE_SELF, &usage)
      return Int(usage.ru_maxrss) / 1024
    #endif
  }
}
