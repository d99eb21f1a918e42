import Foundation
import Glibc
import PedigreeTestSupport
import Testing

extension CLI {
  /// Starts `pedigree ARGS…` (in the test directory) and returns at once. `stdin` is a file to read standard input from
  /// (default: empty).
  func spawn(_ arguments: [String], stdin: String? = nil) throws -> Spawned {
    try spawn(bytes: arguments.map { Array($0.utf8) }, stdin: stdin)
  }

  /// Starts `pedigree` with arguments given as raw bytes (so a test can pass invalid UTF-8).
  func spawn(bytes arguments: [[UInt8]], stdin: String? = nil) throws -> Spawned {
    let argv = (launcher + [CLI.binary.path]).map { Array($0.utf8) } + arguments
    return try Spawned.start(
      launcher.first ?? CLI.binary.path, argv: argv, environment: environment, directory: directory,
      stdin: stdin, output: path("proc-\(UUID().uuidString)"))
  }

  /// Runs `pedigree` with raw-byte arguments to the end.
  func run(bytes arguments: [[UInt8]], stdin: String? = nil) throws -> Invocation {
    try spawn(bytes: arguments, stdin: stdin).invocation
  }
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
