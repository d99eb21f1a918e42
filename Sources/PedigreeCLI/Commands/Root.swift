import ArgumentParser
import Foundation
import PedigreeCore
import PedigreeSQLite

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
      Init.self, DB.self, DatasetCommand.self, RunCommand.self, ModelCommand.self, Lineage.self,
      Impact.self, Audit.self, Diff.self, Log.self, Verify.self,
      Demo.self,
    ]
  )

  public init() {}

  /// Parses the command line, runs the command and exits with PRODUCT.md's exit codes. Errors
  /// from parsing are one `error:` line with a pointer to `--help` (exit 64). The root is async so
  /// that long-running subcommands (a server) can be; the others run synchronously, as before.
  public static func runAndExit(_ arguments: [String]? = nil) async -> Never {
    if arguments == nil, let (position, text) = invalidUTF8Argument() {
      Output.error(
        "argument \(position) is not valid UTF-8: '\(text.prefix(80))'",
        hint: "pass names and values as UTF-8 text")
      Foundation.exit(64)
    }
    do {
      var command = try parseAsRoot(arguments)
      if var asynchronous = command as? AsyncParsableCommand {
        try await asynchronous.run()
      } else {
        try command.run()
      }
      Foundation.exit(0)
    } catch let code as ExitCode {
      Foundation.exit(code.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        exit(withError: error)  // --help, --version: print them as ArgumentParser does
      }
      let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
      Output.error(
        message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message,
        hint: "see `\(helpPath(arguments ?? Array(CommandLine.arguments.dropFirst()))) --help`")
      Foundation.exit(code == .validationFailure ? 64 : code.rawValue)
    }
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
