import ArgumentParser
import Dispatch
import PedigreeCore
import PedigreeSQLite

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ends the process with `code` (ParsableCommand's `exit(withError:)` shadows the C name).
private func processExit(_ code: Int32) -> Never { exit(code) }

/// The `pedigree` command.
public struct PedigreeCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "pedigree",
    abstract: "A model registry and lineage tracker in one SQLite file.",
    discussion: """
      Records datasets, runs, params, metrics and model artifacts as a lineage graph, and answers \
      where a model came from, what was in production when, and what a bad dataset affected.

      Start with `pedigree demo`, then try the commands it prints.
      """,
    version: "0.1.0",
    subcommands: [
      Init.self, DB.self, DatasetCommand.self, RunCommand.self, ModelCommand.self, PolicyCommand.self,
      ExperimentCommand.self, Lineage.self, Impact.self, Audit.self, Diff.self, Log.self, Verify.self,
      Demo.self, ImportCommand.self, TokenCommand.self, Serve.self, OpenLineageCommand.self,
    ]
  )

  public init() {}

  /// Parses the command line, runs the command and exits with PRODUCT.md's exit codes. Errors
  /// from parsing are one `error:` line with a pointer to `--help` (exit 64).
  ///
  /// Synchronous on purpose: an `async` top-level entry point starts Swift concurrency's executor
  /// on every invocation, which cost ~1.5 ms of the ~16 ms `pedigree --version` takes. The root is
  /// an `AsyncParsableCommand` all the same, so the commands in `asynchronousCommands` (a server)
  /// run on a task while the main thread serves the dispatch queue.
  public static func runAndExit(_ arguments: [String]? = nil) -> Never {
    if arguments == nil, let (position, text) = invalidUTF8Argument() {
      Output.error(
        "argument \(position) is not valid UTF-8: '\(text.prefix(80))'",
        hint: "pass names and values as UTF-8 text")
      processExit(64)
    }
    do {
      var command = try parseAsRoot(arguments)
      let commandType = ObjectIdentifier(type(of: command))
      if asynchronousCommands.contains(where: { ObjectIdentifier($0) == commandType }) {
        runAsynchronously(command, arguments: arguments)
      }
      try command.run()
      processExit(0)
    } catch {
      processExit(exitCode(reporting: error, arguments: arguments))
    }
  }

  /// The subcommands whose `run()` is `async`. Chosen by metatype, a pointer comparison:
  /// `command as? AsyncParsableCommand` would scan every protocol conformance in the binary.
  static let asynchronousCommands: [any AsyncParsableCommand.Type] = []

  /// Runs an async command on a task and exits when it ends; the main thread serves the main
  /// dispatch queue meanwhile.
  private static func runAsynchronously(_ command: ParsableCommand, arguments: [String]?) -> Never {
    let parsed = Handoff(command: command)
    Task {
      do {
        guard var asynchronous = parsed.command as? AsyncParsableCommand else { processExit(70) }
        try await asynchronous.run()
        processExit(0)
      } catch {
        processExit(exitCode(reporting: error, arguments: arguments))
      }
    }
    dispatchMain()
  }

  /// Hands the parsed command to the task that runs it; the main thread never touches it again.
  private struct Handoff: @unchecked Sendable { let command: ParsableCommand }

  /// The exit code for an error a command or the parser threw, after printing it: `--help` and
  /// `--version` as ArgumentParser prints them, anything else as one `error:` line.
  private static func exitCode(reporting error: Error, arguments: [String]?) -> Int32 {
    if let code = error as? ExitCode { return code.rawValue }
    let code = exitCode(for: error)
    if code == .success {
      exit(withError: error)  // --help, --version: print them as ArgumentParser does
    }
    let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
    Output.error(
      message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message,
      hint: "see `\(helpPath(arguments ?? Array(CommandLine.arguments.dropFirst()))) --help`")
    return code == .validationFailure ? 64 : code.rawValue
  }

  /// The first command-line argument that is not valid UTF-8, with its 1-based position. Swift's
  /// `CommandLine.arguments` silently replaces such bytes with U+FFFD, which would then be stored
  /// as a value the user never typed.
  private static func invalidUTF8Argument() -> (Int, String)? {
    for position in 1..<Int(CommandLine.argc) {
      guard let argument = CommandLine.unsafeArgv[position] else { continue }
      if String(validatingCString: argument) == nil { return (position, String(cString: argument)) }
    }
    return nil
  }

  /// The subcommand words of an invocation, for the `--help` hint.
  private static func helpPath(_ arguments: [String]) -> String {
    var words = ["pedigree"]
    var command: ParsableCommand.Type = PedigreeCommand.self
    for argument in arguments {
      guard
        let next = command.configuration.subcommands.first(where: {
          $0.configuration.commandName == argument || $0._commandName == argument
        })
      else { break }
      words.append(argument)
      command = next
    }
    return words.joined(separator: " ")
  }
}
