import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A server the benchmark started: a process group of its own (so the workers an `mlflow server`
/// forks go with it), its output in two files, stopped with SIGTERM to the group (SIGKILL after
/// ten seconds).
final class ServerProcess {
  let name: String
  let pid: pid_t
  private let outPath: String
  private let errPath: String
  private var reaped = false

  /// Starts `executable` (this environment plus `environment`); its output goes to `logs.out`
  /// and `logs.err`.
  init(
    _ name: String, _ executable: String, _ arguments: [String], logs: String,
    environment: [String: String] = [:]
  ) throws {
    self.name = name
    outPath = logs + ".out"
    errPath = logs + ".err"
    pid = try ChildProcess.spawn(
      executable, arguments, stdout: outPath, stderr: errPath, environment: environment, newGroup: true)
  }

  deinit { stop() }

  var stdout: String { (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "" }
  var stderr: String { (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "" }

  /// Whether the server has exited (reaping it if so).
  var hasExited: Bool {
    guard !reaped else { return true }
    var status: Int32 = 0
    reaped = waitpid(pid, &status, WNOHANG) == pid
    return reaped
  }

  /// Waits until `condition` holds, failing when the server exits first or `seconds` pass.
  func wait(upTo seconds: Double, for what: String, until condition: () -> Bool) throws {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while !condition() {
      if hasExited { throw BenchError("\(name) exited before \(what): \(stderr.suffix(1500))") }
      guard ContinuousClock.now < deadline else {
        throw BenchError("\(name): no \(what) after \(Int(seconds)) s: \(stderr.suffix(1500))")
      }
      usleep(100_000)
    }
  }

  /// Sends SIGTERM to the server's process group and reaps the server; SIGKILL to the group
  /// if it is still there after ten seconds (and to any worker that outlived its parent).
  func stop() {
    guard !reaped else { return }
    kill(-pid, SIGTERM)
    let deadline = ContinuousClock.now + .seconds(10)
    while !hasExited && ContinuousClock.now < deadline { usleep(50_000) }
    kill(-pid, SIGKILL)
    if !reaped {
      var status: Int32 = 0
      _ = waitpid(pid, &status, 0)
      reaped = true
    }
  }

  /// The CPU time (user + system, seconds) used so far by every live process of the server's
  /// group (the server and the workers it forked), from `/proc/PID/stat`; `nil` off Linux.
  var cpuSeconds: Double? {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
    var ticks = 0
    for entry in entries where entry.allSatisfy(\.isNumber) {
      guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
        let end = stat.lastIndex(of: ")")
      else { continue }
      // After "pid (comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt
      // utime stime …
      let fields = stat[stat.index(after: end)...].split(separator: " ")
      guard fields.count > 12, Int(fields[2]) == Int(pid) else { continue }
      ticks += (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
    }
    return Double(ticks) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  /// A TCP port on 127.0.0.1 that nothing listens on right now (bound to port 0, then released).
  static func freePort() throws -> Int {
    let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socketFD >= 0 else { throw BenchError("cannot open a socket") }
    defer { close(socketFD) }
    var address = loopback(port: 0)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socketFD, $0, length) == 0 && getsockname(socketFD, $0, &length) == 0
      }
    }
    guard bound else { throw BenchError("cannot bind a free port") }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// Whether `GET /health` on 127.0.0.1:`port` answers 200 (one HTTP/1.0 request on a raw socket).
  static func isHealthy(port: Int) -> Bool {
    let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socketFD >= 0 else { return false }
    defer { close(socketFD) }
    var address = loopback(port: port)
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
    guard connected else { return false }
    let request = Array("GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".utf8)
    guard send(socketFD, request, request.count, 0) == request.count else { return false }
    var buffer = [UInt8](repeating: 0, count: 64)
    let count = recv(socketFD, &buffer, buffer.count, 0)
    guard count > 12 else { return false }
    return String(decoding: buffer[0..<count], as: UTF8.self).split(separator: " ").dropFirst().first == "200"
  }

  private static func loopback(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
  }
}
