import ArgumentParser
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

struct PolicyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "policy", abstract: "Gate promotions: what a version needs before an alias may point at it.",
    discussion: """
      A policy guards an alias of the models whose name matches a pattern. model promote, model \
      rollback and rollback --to onto a version that fails it are refused (exit 2) naming the \
      condition; a missing required reason is a usage error (64). The latest policy set on a \
      matching pattern wins.
      """,
    subcommands: [Set.self, List.self, Unset.self])

  struct Set: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "set",
      abstract: "Set the policy of an alias for a model or a glob of models.",
      discussion: """
        --require takes the model search language, evaluated against the target version. \
        --min-role is enforced by pedigree serve; on the command line the file's owner is admin.

        Example: pedigree policy set 'fraud-*' --alias production --require "run.metrics.auc >= 0.9" --require-reason --require-prior-alias staging
        """)

    @Argument(help: "A model name, or a glob of names ('fraud-*', '*').") var pattern: String
    @Option(help: "The alias it guards.") var alias: String
    @Option(help: "A model search filter the version must match.") var require: String?
    @Flag(help: "A move needs --reason.") var requireReason = false
    @Option(help: "An alias that must have pointed at the version before.") var requirePriorAlias: String?
    @Option(help: "The weakest token role serve lets move the alias (reader, writer, promoter, admin).")
    var minRole: String?
    @OptionGroup var db: RegistryOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let outcome = try db.writer(as: actor.author()).setPolicy(try input())
        output.emit(
          outcome,
          text: outcome.changed
            ? "policy \(outcome.value.name): \(outcome.value.summary)"
            : "policy \(outcome.value.name) is already so; nothing changed")
      }
    }

    private func input() throws(PedigreeError) -> PolicyInput {
      try PolicyInput.validatePattern(pattern)
      try Names.validateAlias(alias)
      let role = try minRole.map { (text) throws(PedigreeError) -> PolicyRole in
        guard let role = PolicyRole(rawValue: text.lowercased()) else {
          throw PedigreeError.usage(
            "invalid role '\(text.prefix(40))'",
            hint: "roles are " + PolicyRole.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return role
      }
      let filter = try require.map { (text) throws(PedigreeError) in try ModelVersionFilter.parse(text) }
      return PolicyInput(
        pattern: pattern, alias: alias, require: filter?.expression == nil ? nil : filter,
        requireReason: requireReason, requirePriorAlias: requirePriorAlias, minRole: role)
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the promotion policies in force.", discussion: "Example: pedigree policy list")

    @OptionGroup var db: RegistryOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let policies = try db.open().queries.promotionPolicies()
        output.emit(
          policies.json, text: policies.isEmpty ? "no policies" : PromotionPolicy.table(policies).rendered())
      }
    }
  }

  struct Unset: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "unset",
      abstract: "Remove the policy of an alias for a model or a glob (recorded as an event).",
      discussion: "Example: pedigree policy unset 'fraud-*' --alias production")

    @Argument(help: "The pattern the policy was set on.") var pattern: String
    @Option(help: "The alias it guards.") var alias: String
    @OptionGroup var db: RegistryOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let removed = try db.writer(as: actor.author()).unsetPolicy(pattern: pattern, alias: alias)
        output.emit(
          WriteDocuments.policyUnset(removed),
          text: "removed policy \(removed.name)")
      }
    }
  }
}

extension PromotionPolicy {
  /// `reason required; require run.metrics.auc >= 0.9`, or `no conditions`.
  var summary: String { conditions.isEmpty ? "no conditions" : conditions.joined(separator: "; ") }
}
