import ArgumentParser
import Foundation
import PedigreeTestSupport
import Testing

@testable import PedigreeCLI

/// The `--help` text of every command in the tree, compared with the snapshots in
/// `Snapshots/help/` (one file per command: `pedigree-model-promote.txt`). After changing a
/// command's options or texts on purpose, re-record them all with
///
///     PEDIGREE_RECORD_SNAPSHOTS=1 swift test --filter HelpSnapshotTests
///
/// and review the diff.
@Suite struct HelpSnapshotTests {
  /// The environment switch that re-records the snapshots instead of comparing them.
  static let recordVariable = "PEDIGREE_RECORD_SNAPSHOTS"
  static var recording: Bool { ProcessInfo.processInfo.environment[recordVariable] == "1" }
  /// What a failure says to do.
  static let howToRecord = "re-record with \(recordVariable)=1 swift test --filter HelpSnapshotTests"
  /// Help is rendered at a fixed width, so the snapshots do not depend on the terminal.
  static let columns = 80

  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots/help")

  /// One command of the tree: the words that name it and its type.
  struct Command: CustomTestStringConvertible, Sendable {
    let words: [String]
    let type: any ParsableCommand.Type

    /// `pedigree model promote`.
    var name: String { words.joined(separator: " ") }
    var fileName: String { words.joined(separator: "-") + ".txt" }
    var testDescription: String { name }
  }

  /// Every command, the root first, each group before its subcommands.
  static let commands: [Command] = {
    func walk(_ type: any ParsableCommand.Type, _ words: [String]) -> [Command] {
      [Command(words: words, type: type)]
        + type.configuration.subcommands.flatMap { sub in
          walk(sub, words + [sub.configuration.commandName ?? sub._commandName])
        }
    }
    return walk(PedigreeCommand.self, ["pedigree"])
  }()

  static func help(_ command: Command) -> String {
    PedigreeCommand.helpMessage(for: command.type, columns: columns) + "\n"
  }

  @Test(arguments: commands)
  func helpMatchesItsSnapshot(_ command: Command) throws {
    let file = Self.directory.appendingPathComponent(command.fileName)
    let help = Self.help(command)
    if Self.recording {
      try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
      try help.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    guard let recorded = try? String(contentsOf: file, encoding: .utf8) else {
      Issue.record(
        "`\(command.name) --help` has no snapshot (\(command.fileName)); \(Self.howToRecord)")
      return
    }
    #expect(
      help == recorded,
      """
      `\(command.name) --help` differs from Snapshots/help/\(command.fileName); if the change is \
      meant, \(Self.howToRecord)
      --- recorded
      \(recorded)--- now
      \(help)
      """)
  }

  /// A snapshot of a command that no longer exists is removed when recording, and an error
  /// otherwise, so the folder always matches the tree.
  @Test func everySnapshotNamesACommand() throws {
    let expected = Set(Self.commands.map(\.fileName))
    let files = (try? FileManager.default.contentsOfDirectory(atPath: Self.directory.path)) ?? []
    for stale in files.filter({ $0.hasSuffix(".txt") && !expected.contains($0) }) {
      if Self.recording {
        try FileManager.default.removeItem(at: Self.directory.appendingPathComponent(stale))
      } else {
        Issue.record(
          "Snapshots/help/\(stale) names no command; \(Self.howToRecord)")
      }
    }
  }

  /// The binary prints the same text as the library renders (the snapshots show what users see).
  @Test func theBinaryPrintsTheSnapshottedHelp() throws {
    let cli = CLI()
    cli.environment["COLUMNS"] = "\(Self.columns)"
    for words in [["model", "promote"], ["run", "search"]] {
      let command = try #require(Self.commands.first { $0.words == ["pedigree"] + words })
      let printed = try cli.run(words + ["--help"])
      #expect(printed.status == 0, "\(command.name) --help: \(printed.stderr)")
      #expect(printed.stdout == Self.help(command), "\(command.name) --help")
    }
  }
}
