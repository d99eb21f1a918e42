import ArgumentParser
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

struct TokenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "token", abstract: "API tokens for pedigree serve: create, list, revoke.",
    discussion: """
      A request to pedigree serve acts as its token's name, with its role: reader (every read), \
      writer (runs, datasets, records, registration, tags), promoter (+ guarded aliases, rollback, \
      deprecation), admin (+ tokens and policies). The secret is printed once; only its SHA-256 is \
      stored. Creating and revoking are audited.
      """,
    subcommands: [Create.self, List.self, Revoke.self])

  struct Create: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "create",
      abstract: "Create a token and print its secret (pdg_…) once.",
      discussion: "Example: pedigree token create ci-bot --role writer --expires 90d")

    @Argument(help: "The token's name: the actor of every request made with it.") var name: String
    @Option(help: "reader, writer, promoter or admin.") var role: String
    @Option(help: "Stop accepting it after this long (90d, 12h, 2w). Default: never.") var expires: String?
    @OptionGroup var db: RegistryOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        guard let parsedRole = PolicyRole(rawValue: role) else {
          throw PedigreeError.usage(
            "invalid role '\(role.prefix(40))'", hint: "use reader, writer, promoter or admin")
        }
        let author = try actor.author()
        let expiresAt = try expires.map { (text) throws(PedigreeError) in
          Timestamp(milliseconds: author.clock().milliseconds + (try TimeSpan.parse(text)))
        }
        let secret = TokenSecret.generate()
        let token = try db.writer(as: author).createToken(
          TokenInput(
            name: name, role: parsedRole, expiresAt: expiresAt, secretDigest: TokenSecret.digest(secret)))
        let created = CreatedToken(token: token, secret: secret)
        output.emit(created, text: secret)
        output.note(
          "token \(token.name) (\(token.role.rawValue)) created; the secret above is shown only once")
      }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List tokens: name, role, state, expiry; never a secret.",
      discussion: "Example: pedigree token list")

    @OptionGroup var db: RegistryOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let tokens = try db.open().tokens()
        output.emit(tokens.json, text: tokens.isEmpty ? "no tokens" : TokenCommand.table(tokens))
      }
    }
  }

  struct Revoke: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "revoke", abstract: "Revoke a token: the server refuses it from then on.",
      discussion: "Example: pedigree token revoke ci-bot")

    @Argument(help: "The token's name.") var name: String
    @OptionGroup var db: RegistryOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let token = try db.writer(as: actor.author()).revokeToken(name: name)
        output.emit(token.json.adding(["changed": .bool(true)]), text: "revoked token \(token.name)")
      }
    }
  }

  /// `NAME  ROLE  STATE  EXPIRES  CREATED BY`.
  static func table(_ tokens: [APIToken]) -> String {
    let now = Timestamp.now()
    var table = TextTable(["NAME", "ROLE", "STATE", "EXPIRES", "CREATED", "BY"])
    for token in tokens {
      table.append([
        token.name, token.role.rawValue, token.state(at: now),
        token.expiresAt.map(\.iso8601Milliseconds) ?? "never", token.createdAt.iso8601Milliseconds,
        token.createdBy,
      ])
    }
    return table.rendered()
  }
}
