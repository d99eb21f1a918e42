import Foundation
import Glibc
import PedigreeCore
import Testing

/// What one process printed and how it ended.
public struct Invocation: Sendable {
  /// The exit code, or 128 + the signal that killed it (the shell's convention).
  public let status: Int32
  public let stdout: String
  public let stderr: String

  public init(status: Int32, stdout: String, stderr: String) {
    self.status = status
    self.stdout = stdout
    self.stderr = stderr
  }

  /// stdout parsed as JSON (throws when it is not JSON).
  public func json() throws -> JSONValue { try JSONValue.parse(stdout) }

  /// The single `error:` line on stderr, or `nil`.
  public var errorLine: String? {
    let lines = stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
    return lines.count == 1 ? String(lines[0]) : nil
  }
}

/// A process started with `posix_spawn` and not waited for: for many processes at once, for
/// killing one in the middle of a write, and for any program a test runs to the end. The one
/// process runner of the tests.
///
/// Arguments may hold any bytes (invalid UTF-8 included); stdin comes from a file and stdout and
/// stderr go to files, so no process ever blocks on a full pipe (a `Process` + `Pipe` runner that
/// reads stdout to the end before stderr deadlocks once a child writes 64 KiB to stderr).
/// (Linux: Glibc's `posix_spawn`.)
public final class Spawned {
  /// How the process ended.
  public enum Termination: Equatable, CustomStringConvertible, Sendable {
    case exited(Int32)
    case signaled(Int32)

    /// The shell's convention: the exit code, or 128 + the signal.
    public var status: Int32 {
      switch self {
      case .exited(let code): code
      case .signaled(let signal): 128 + signal
      }
    }

    public var description: String {
      switch self {
      case .exited(let code): "exit \(code)"
      case .signaled(let signal): "killed by signal \(signal)"
      }
    }
  }

  public let pid: pid_t
  /// The command line, for messages.
  public let command: String
  private let outputPath: String
  private let errorPath: String
  public private(set) var termination: Termination?

  private init(pid: pid_t, command: String, outputPath: String, errorPath: String) {
    self.pid = pid
    self.command = command
    self.outputPath = outputPath
    self.errorPath = errorPath
  }

  /// Starts `executable` with `argv` (its first element is the program's name) and returns at
  /// once.
  ///
  /// - Parameters:
  ///   - environment: the child's whole environment (default: this process's).
  ///   - directory: the child's working directory (default: this process's).
  ///   - stdin: a file to read standard input from (default: `/dev/null`).
  ///   - output: where stdout and stderr go: `<output>.out` and `<output>.err`.
  public static func start(
    _ executable: String, argv: [[UInt8]], environment: [String: String]? = nil,
    directory: String? = nil, stdin: String? = nil, output: String
  ) throws -> Spawned {
    let command = argv.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
    let envp = (environment ?? ProcessInfo.processInfo.environment).map {
      Array("\($0.key)=\($0.value)".utf8)
    }
    var pid: pid_t = 0
    let code = try withCStrings(argv) { argv in
      try withCStrings(envp) { envp in
        try withFileActions(
          stdin: stdin ?? "/dev/null", stdout: output + ".out", stderr: output + ".err",
          directory: directory
        ) { actions in
          posix_spawn(&pid, executable, &actions, nil, argv, envp)
        }
      }
    }
    guard code == 0 else { throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO) }
    return Spawned(pid: pid, command: command, outputPath: output + ".out", errorPath: output + ".err")
  }

  /// Runs `executable ARGS…` to the end, its output kept in a scratch directory.
  ///
  /// ```swift
  /// let dot = try Spawned.run("/usr/bin/dot", ["-Tsvg", "-o", "/dev/null", path])
  /// #expect(dot.status == 0, "\(dot.stderr)")
  /// ```
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
    directory: String? = nil, stdin: String? = nil
  ) throws -> Invocation {
    let scratch = TemporaryDirectory("pedigree-spawn")
    let argv = ([executable] + arguments).map { Array($0.utf8) }
    return try start(
      executable, argv: argv, environment: environment, directory: directory, stdin: stdin,
      output: scratch.file("process")
    ).invocation
  }

  /// Reaps the process if it has ended; returns whether it has.
  @discardableResult
  public func poll() -> Bool {
    if termination != nil { return true }
    var status: Int32 = 0
    guard waitpid(pid, &status, WNOHANG) == pid else { return false }
    termination = Spawned.decode(status)
    return true
  }

  /// Blocks until the process ends.
  @discardableResult
  public func wait() -> Termination {
    if let termination { return termination }
    var status: Int32 = 0
    var reaped = waitpid(pid, &status, 0)
    while reaped == -1 && errno == EINTR { reaped = waitpid(pid, &status, 0) }
    if reaped != pid {
      Issue.record("waitpid(\(pid)) failed: errno \(errno); the exit status of \(command) is unknown")
    }
    let ended = Spawned.decode(status)
    termination = ended
    return ended
  }

  /// Sends SIGKILL (unless it has already been reaped) and waits for the process to end.
  @discardableResult
  public func kill() -> Termination {
    if termination == nil { _ = Glibc.kill(pid, SIGKILL) }
    return wait()
  }

  /// What it printed and how it ended; waits for it first.
  public var invocation: Invocation {
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

/// Calls `body` with spawn file actions that open the three standard streams on files and, with
/// `directory`, change into it.
private func withFileActions<T>(
  stdin: String, stdout: String, stderr: String, directory: String?,
  _ body: (inout posix_spawn_file_actions_t) throws -> T
) rethrows -> T {
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  if let directory {
    guard let addchdir else { fatalError("this libc has no posix_spawn_file_actions_addchdir_np") }
    _ = addchdir(&actions, directory)
  }
  return try body(&actions)
}

/// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), looked up at run time: `spawn.h`
/// declares it only under `_GNU_SOURCE`, which the Glibc module is not built with.
private let addchdir:
  (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)? =
    dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np").map {
      unsafeBitCast(
        $0,
        to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)
          .self)
    }
