import ArgumentParser
import PedigreeTestSupport
import Testing

@testable import PedigreeCLI

/// Command lines parsed in process through `PedigreeCommand.parseAsRoot`, as the binary parses
/// them: the right command with its options, and bad flags refused as usage errors (exit 64).
@Suite struct ParseTests {
  /// Parses `arguments` and returns the command as a `T` (failing the test when it is another).
  func parse<T: ParsableCommand>(
    _ arguments: [String], as type: T.Type, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> T {
    let command = try PedigreeCommand.parseAsRoot(arguments)
    return try #require(
      command as? T, "pedigree \(arguments.joined(separator: " ")) parsed as \(Swift.type(of: command))",
      sourceLocation: sourceLocation)
  }

  /// Expects `arguments` to be refused as a usage error whose message contains `fragment`.
  func expectRefusal(
    _ arguments: [String], mentioning fragment: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let command = "pedigree \(arguments.joined(separator: " "))"
    do {
      let parsed = try PedigreeCommand.parseAsRoot(arguments)
      Issue.record("\(command) parsed as \(type(of: parsed))", sourceLocation: sourceLocation)
    } catch {
      #expect(
        PedigreeCommand.exitCode(for: error) == .validationFailure, "\(command): \(error)",
        sourceLocation: sourceLocation)
      let message = PedigreeCommand.message(for: error)
      #expect(message.contains(fragment), "\(command): \(message)", sourceLocation: sourceLocation)
    }
  }

  @Test func promoteTakesTheVersionAliasAndReason() throws {
    let promote = try parse(
      ["model", "promote", "fraud@2", "--to", "production", "--reason", "better auc"],
      as: ModelCommand.Promote.self)
    #expect(promote.ref == "fraud@2" && promote.to == "production" && promote.reason == "better auc")
  }

  @Test func rollbackDefaultsToProductionAndThePreviousVersion() throws {
    let rollback = try parse(["model", "rollback", "fraud"], as: ModelCommand.Rollback.self)
    #expect(rollback.name == "fraud" && rollback.alias == "production" && rollback.to == nil)
    let jump = try parse(
      ["model", "rollback", "fraud", "--alias", "staging", "--to", "3"], as: ModelCommand.Rollback.self)
    #expect(jump.alias == "staging" && jump.to == 3)
  }

  @Test func runLogRepeatsItsOptions() throws {
    let log = try parse(
      [
        "run", "log", "3f9a1c", "--param", "lr=0.01", "--metric", "auc=0.9@3", "--metric", "loss=0.2",
        "--tag", "team=risk", "--input", "dataset:labels@1",
      ], as: RunCommand.Log.self)
    #expect(log.runID == "3f9a1c" && log.params == ["lr=0.01"] && log.tags == ["team=risk"])
    #expect(log.metrics == ["auc=0.9@3", "loss=0.2"] && log.inputs == ["dataset:labels@1"])
    #expect(log.outputs.isEmpty)
  }

  @Test func readCommandsParseTheirOptionsAndDefaults() throws {
    let lineage = try parse(
      ["lineage", "fraud@1", "--upstream", "--depth", "2", "--format", "mermaid", "--db", "r.db"],
      as: Lineage.self)
    #expect(lineage.ref == "fraud@1" && lineage.upstream && !lineage.downstream)
    #expect(lineage.depth == 2 && lineage.format == .mermaid)
    let list = try parse(["run", "list"], as: RunCommand.List.self)
    #expect(list.limit == 50 && list.experiment == nil)
    let log = try parse(["log", "--entity", "fraud", "--limit", "5", "--reverse"], as: Log.self)
    #expect(log.entity == "fraud" && log.limit == 5 && log.reverse && log.since == nil)
  }

  @Test func badFlagsAndValuesAreUsageErrors() {
    expectRefusal(
      ["model", "promote", "fraud@2", "--to", "production", "--no-such-flag"], mentioning: "--no-such-flag")
    expectRefusal(["model", "promote", "fraud@2"], mentioning: "--to")
    expectRefusal(["run", "list", "--limit", "ten"], mentioning: "ten")
    expectRefusal(["lineage", "fraud@1", "--format", "png"], mentioning: "png")
    expectRefusal(["dataset", "list", "--db"], mentioning: "--db")
    expectRefusal(["no-such-command"], mentioning: "no-such-command")
  }

  /// A check in `validate()` runs at parse time: nothing is opened before it passes.
  @Test func crossFieldChecksRunWhileParsing() {
    expectRefusal(["lineage", "fraud@1", "--upstream", "--downstream"], mentioning: "upstream")
  }
}

/// Start-up: without an explicit `commandName`, ArgumentParser derives each command's name from
/// `String(describing:)` of its type, which scans the binary's protocol conformances at every
/// start. Every command in the tree names itself.
@Test func everyCommandNamesItselfExplicitly() {
  func unnamed(_ command: ParsableCommand.Type, path: String) -> [String] {
    let name = command.configuration.commandName
    let here = path + " " + (name ?? "\(command)")
    return (name == nil ? [here] : [])
      + command.configuration.subcommands.flatMap { unnamed($0, path: here) }
  }
  #expect(unnamed(PedigreeCommand.self, path: "").isEmpty)
}

/// The registry in a printed command line is one shell word: a PostgreSQL URL's `?` and `&`
/// would glob and fork, a quote would end the word.
@Suite struct ShellWordTests {
  @Test func plainPathsStayAsTheyAreAndOthersAreQuoted() {
    #expect(shellWord("/tmp/reg-1/pedigree.db") == "/tmp/reg-1/pedigree.db")
    #expect(shellWord("postgresql://ana@db:5432/reg") == "postgresql://ana@db:5432/reg")
    #expect(
      shellWord("postgresql://ana@/reg?host=/tmp&port=5432") == "'postgresql://ana@/reg?host=/tmp&port=5432'")
    #expect(shellWord("my registry.db") == "'my registry.db'")
    #expect(shellWord("it's.db") == #"'it'\''s.db'"#)
    #expect(shellWord("") == "''")
  }
}
