import Foundation
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite
import PedigreeTestSupport
import Testing

/// Migration 0006: API tokens, append-only, audited, only the secret's digest stored.
@Suite struct TokenTests {
  static func input(_ name: String, _ role: PolicyRole, secret: String = TokenSecret.generate()) -> TokenInput
  {
    TokenInput(name: name, role: role, secretDigest: TokenSecret.digest(secret))
  }

  @Test func createFindRevokeAndReuseAName() throws {
    let fixture = try Fixture()
    let secret = TokenSecret.generate()
    #expect(secret.hasPrefix("pdg_") && secret.count == 47)
    let token = try fixture.writer.createToken(Self.input("ci", .writer, secret: secret))
    #expect(token.role == .writer && token.createdBy == "tester")
    #expect(try fixture.registry.token(secretDigest: TokenSecret.digest(secret)) == token)
    #expect(try fixture.registry.hasTokensInForce())
    expectError(.refused) { try fixture.writer.createToken(Self.input("ci", .reader)) }
    let revoked = try fixture.writer.revokeToken(name: "ci")
    #expect(revoked.revokedBy == "tester" && revoked.state(at: .now()) == "revoked")
    #expect(try fixture.registry.hasTokensInForce() == false)
    expectError(.notFound) { try fixture.writer.revokeToken(name: "ci") }
    _ = try fixture.writer.createToken(Self.input("ci", .admin))
    #expect(try fixture.registry.tokens().map(\.role) == [.writer, .admin])
    let stored = try fixture.registry.database.query("SELECT secret_sha256 FROM tokens", []) { $0.string(0) }
    #expect(!stored.contains(secret) && stored.allSatisfy { $0.hasPrefix("sha256:") })
    #expect(try fixture.registry.queries.check().isClean)
  }

  @Test func creatingAndRevokingAreAuditedWithTheirFacts() throws {
    let fixture = try Fixture()
    let digest = TokenSecret.digest("pdg_x")
    _ = try fixture.writer.createToken(TokenInput(name: "bot", role: .promoter, secretDigest: digest))
    _ = try fixture.writer.revokeToken(name: "bot")
    let entries = try fixture.registry.queries.auditLog(AuditLogFilter(limit: 2))
    #expect(entries.map(\.action) == ["token.revoke", "token.create"])
    #expect(entries[1].details.contains(digest) && entries[1].details.contains("promoter"))
  }

  @Test func tokenRowsRefuseEditsAndDeletes() throws {
    let fixture = try Fixture()
    _ = try fixture.writer.createToken(Self.input("ci", .reader))
    for sql in [
      "UPDATE tokens SET role = 'admin'", "DELETE FROM tokens", "UPDATE tokens SET revoked = 1",
    ] {
      #expect(throws: (any Error).self, "\(sql)") { try fixture.registry.database.execute(sql) }
    }
    #expect(try fixture.registry.tokens().first?.role == .reader)
  }

  @Test func anExpiredTokenIsNotInForce() throws {
    let fixture = try Fixture()
    var input = Self.input("old", .reader)
    input.expiresAt = Timestamp(milliseconds: Timestamp.now().milliseconds - 1000)
    let token = try fixture.writer.createToken(input)
    #expect(!token.isInForce(at: .now()) && token.state(at: .now()) == "expired")
    #expect(try fixture.registry.hasTokensInForce() == false)
  }

  @Test func aTokensRoleBelowAPolicysMinRoleIsForbidden() throws {
    let fixture = try Fixture()
    let version = try fixture.version("m", seed: "a")
    _ = try fixture.writer.setPolicy(PolicyInput(pattern: "*", alias: "production", minRole: .promoter))
    let writer = fixture.registry.writing(as: Author("ci", role: .writer))
    expectError(.forbidden) { try writer.promote(try Ref.parse(version.ref), to: "production", reason: nil) }
    let promoter = fixture.registry.writing(as: Author("release", role: .promoter, claimedActor: "ana"))
    #expect(try promoter.promote(try Ref.parse(version.ref), to: "production", reason: nil).changed)
    let entry = try fixture.registry.queries.auditLog(AuditLogFilter(limit: 1))[0]
    #expect(entry.actor == "release" && entry.details.contains("\"claimed_actor\":\"ana\""))
  }

  /// A registry made by the previous binary (schema 3: every migration before 0006, applied as
  /// that binary applied them) migrates to tokens in place and checks clean.
  @Test func aRegistryOfThePreviousSchemaMigrates() throws {
    let directory = TemporaryDirectory("pedigree-token-migration")
    let path = directory.file("old.db")
    let database = try Database(path: path)
    let previous = Migration.all.filter { $0.version < 6 }
    try database.execute("PRAGMA application_id = \(SQLiteRegistry.applicationID)")
    for step in previous {
      try database.execute(step.sql)
      try database.run(
        "INSERT INTO schema_migrations(version, name, checksum, applied_at) VALUES (?, ?, ?, 0)",
        [.integer(Int64(step.version)), .text(step.name), .text(step.checksum)])
    }
    try database.execute("PRAGMA user_version = \(previous.last?.version ?? 0)")
    let details = #"{"schema_version":\#(previous.last?.version ?? 0),"migration":"previous"}"#
    let hash = AuditChain.hash(
      previous: AuditChain.genesis, id: 1, at: Timestamp(milliseconds: 0), actor: "old",
      action: "registry.create",
      entity: "registry", details: details)
    try database.run(
      "INSERT INTO audit_log(id, at, actor, action, entity, details, prev_hash, hash) VALUES (1, 0, 'old', 'registry.create', 'registry', ?, ?, ?)",
      [.text(details), .text(AuditChain.genesis), .text(hash)])
    try SQLiteRegistry.openForMaintenance(path: path).migrate(by: Author("new"))
    let registry = try SQLiteRegistry.open(path: path, access: .write)
    #expect(try registry.schemaVersion() == Migration.latestVersion)
    _ = try registry.writing(as: Author("new")).createToken(Self.input("ci", .writer))
    let report = try registry.queries.check()
    #expect(report.isClean, "\(report.problems)")
  }
}
