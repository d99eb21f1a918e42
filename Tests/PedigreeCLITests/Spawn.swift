import Foundation
import Glibc
import Testing

/// A `pedigree` process started without waiting for it: for many processes at once, and for
/// killing one in the middle of a write. Started with `posix_spawn`, so arguments may hold any
/// bytes (invalid UTF-8 included); stdin comes from a file and stdout and stderr go to files, so
/// no process ever blocks on a full pipe. (Linux: Glibc's `posix_spawn`.)
final class Spawned {
  /// How the process ended.
  enum Termination: Equatable, CustomStringConvertible {
    case exited(Int32)
    case signaled(Int32)

    /// The shell's convention: the exit code, or 128 + the signal.
    var status: Int32 {
      switch self {
      case .exited(let code): code
      case .signaled(let signal): 128 + signal
      }
    }

    var description: String {
      switch self {
      case .exited(let code): "exit \(code)"
      case .signaled(let signal): "killed by signal \(signal)"
      }
    }
  }

  let pid: pid_t
  /// The command line, for messages.
  let command: String
  private let outputPath: String
  private let errorPath: String
  private(set) var termination: Termination?

  init(pid: pid_t, command: String, outputPath: String, errorPath: String) {
    self.pid = pid
    self.command = command
    self.outputPath = outputPath
    self.errorPath = errorPath
  }

  /// Reaps the process if it has ended; returns whether it has.
  @discardableResult
  func poll() -> Bool {
    if termination != nil { return true }
    var status: Int32 = 0
    guard waitpid(pid, &status, WNOHANG) == pid else { return false }
    termination = Spawned.decode(status)
    return true
  }

  /// Blocks until the process ends.
  @discardableResult
  func wait() -> Termination {
    if let termination { return termination }
    var status: Int32 = 0
    var reaped = waitpid(pid, &status, 0)
    while reaped == -1 && errno == EINTR { reaped = waitpid(pid, &status, 0) }
    if reaped != pid { Issue.record("waitpid(\(pid)) failed: errno \(errno); its exit status is unknown") }
    let ended = Spawned.decode(status)
    termination = ended
    return ended
  }

  /// Sends SIGKILL (unless it has already been reaped) and waits for the process to end.
  @discardableResult
  func kill() -> Termination {
    if termination == nil { _ = Glibc.kill(pid, SIGKILL) }
    return wait()
  }

  /// What it printed and how it ended; waits for it first.
  var invocation: Invocation {
    let ended = wait()
    let read = { (path: String) in
      String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
    return Invocation(status: ended.status, stdout: read(outputPath), stderr: read(errorPath))
  }

  /// `waitpid`'s status word (the `WIFEXITED` / `WTERMSIG` macros are not imported into Swift).
  private static func decode(_ status: Int32) -> Termination {
    let signal = status & 0x7f
    return signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
  }
}

extension CLI {
  /// Starts `pedigree ARGS…` and returns at once. `stdin` is a file to read standard input from
  /// (default: empty).
  func spawn(_ arguments: [String], stdin: String? = nil) throws -> Spawned {
    try spawn(bytes: arguments.map { Array($0.utf8) }, stdin: stdin)
  }

  /// Starts `pedigree` with arguments given as raw bytes (so a test can pass invalid UTF-8).
  func spawn(bytes arguments: [[UInt8]], stdin: String? = nil) throws -> Spawned {
    let name = path("proc-\(UUID().uuidString)")
    let command =
      "pedigree " + arguments.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
    let argv = (launcher + [CLI.binary.path]).map { Array($0.utf8) } + arguments
    let executable = launcher.first ?? CLI.binary.path
    let envp = environment.map { Array("\($0.key)=\($0.value)".utf8) }
    var pid: pid_t = 0
    let code = try withCStrings(argv) { argv in
      try withCStrings(envp) { envp in
        try withFileActions(
          stdin: stdin ?? "/dev/null", stdout: name + ".out", stderr: name + ".err"
        ) { actions in
          posix_spawn(&pid, executable, &actions, nil, argv, envp)
        }
      }
    }
    guard code == 0 else {
      throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
    }
    return Spawned(
      pid: pid, command: command, outputPath: name + ".out", errorPath: name + ".err")
  }

  /// Runs `pedigree` with raw-byte arguments to the end.
  func run(bytes arguments: [[UInt8]], stdin: String? = nil) throws -> Invocation {
    try spawn(bytes: arguments, stdin: stdin).invocation
  }
}

/// Calls `body` with a NULL-terminated array of C strings holding `strings`' bytes.
private func withCStrings<T>(
  _ strings: [[UInt8]], _ body: ([UnsafeMutablePointer<CChar>?]) throws -> T
) rethrows -> T {
  let pointers = strings.map { bytes -> UnsafeMutablePointer<CChar>? in
    let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
    for (index, byte) in bytes.enumerated() { pointer[index] = CChar(bitPattern: byte) }
    pointer[bytes.count] = 0
    return pointer
  }
  defer { pointers.forEach { $0?.deallocate() } }
  return try body(pointers + [nil])
}

/// Calls `body` with spawn file actions that open the three standard streams on files.
private func withFileActions<T>(
  stdin: String, stdout: String, stderr: String, _ body: (inout posix_spawn_file_actions_t) throws -> T
) rethrows -> T {
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  return try body(&actions)
}

/// One command of a lane: its arguments and, optionally, a file to feed on stdin.
struct LaneCommand {
  var arguments: [String]
  var stdin: String? = nil
}

extension CLI {
  /// Runs `lanes` sequences of commands side by side: each lane runs its commands one after
  /// another, while every lane's current command runs concurrently with the other lanes'.
  /// `next(lane, step, previous)` returns a lane's next command (`previous` is what its last one
  /// printed), or `nil` when the lane is done. Returns every lane's invocations, in order.
  func runLanes(
    _ lanes: Int, _ next: (_ lane: Int, _ step: Int, _ previous: Invocation?) -> LaneCommand?
  ) throws -> [[Invocation]] {
    var results = Array(repeating: [Invocation](), count: lanes)
    var running: [Spawned?] = try (0..<lanes).map { lane in
      try next(lane, 0, nil).map { try spawn($0.arguments, stdin: $0.stdin) }
    }
    while running.contains(where: { $0 != nil }) {
      var progressed = false
      for lane in 0..<lanes {
        guard let process = running[lane], process.poll() else { continue }
        progressed = true
        let invocation = process.invocation
        results[lane].append(invocation)
        running[lane] = try next(lane, results[lane].count, invocation).map {
          try spawn($0.arguments, stdin: $0.stdin)
        }
      }
      if !progressed { usleep(2_000) }
    }
    return results
  }
}
