import Foundation
import PedigreeCore
import PedigreeTestSupport
import Testing

/// SERVER.md, "Authentication and roles": 401 without a valid token, 403 when the role is too
/// low, both naming the role and changing nothing; the actor is the token's name.
@Suite("serve: tokens and roles")
struct AuthTests {
  final class Tokens: @unchecked Sendable {
    var reader = "", writer = "", promoter = "", admin = ""
  }

  static func server() async throws -> (TestServer, Tokens) {
    let tokens = Tokens()
    let server = try await TestServer.start { server in
      try server.pedigreeOK(["demo"])
      tokens.reader = try server.token("ro", role: "reader")
      tokens.writer = try server.token("ci-bot", role: "writer")
      tokens.promoter = try server.token("release", role: "promoter")
      tokens.admin = try server.token("boss", role: "admin")
    }
    return (server, tokens)
  }

  @Test func withoutAValidTokenEveryRouteButHealthIs401() async throws {
    let (server, tokens) = try await Self.server()
    let head = try server.cliJSON(["db", "head"])
    for path in ["/api/v1/models", "/api/v1/audit/head", "/api/v1/nope"] {
      let answer = try await server.get(path)
      #expect(answer.status == 401, "\(path)")
      #expect(answer.errorCode == "unauthorized")
      #expect(answer.header("WWW-Authenticate") != nil)
    }
    let bad = try await server.get("/api/v1/models", token: "pdg_not-a-token")
    #expect(bad.status == 401)
    let write = try await server.post("/api/v1/runs", #"{"experiment": "x"}"#)
    #expect(write.status == 401)
    #expect(try await server.get("/health").status == 200)
    #expect(try await server.get("/api/v1/models", token: tokens.reader).status == 200)
    #expect(try server.cliJSON(["db", "head"]) == head)
    #expect(!server.stderr.contains("pdg_"), "the request log must never show a secret")
  }

  @Test func bearerAndBasicBothCarryTheToken() async throws {
    let (server, tokens) = try await Self.server()
    let basic = Data("mlflow-user:\(tokens.reader)".utf8).base64EncodedString()
    let answer = try await server.get("/api/v1/models", headers: ["Authorization": "Basic \(basic)"])
    #expect(answer.status == 200)
    #expect(server.stderr.contains("token=ro"))
  }

  @Test func aRoleTooLowIs403NamingTheRoleAndChangesNothing() async throws {
    let (server, tokens) = try await Self.server()
    let head = try server.cliJSON(["db", "head"])
    let start = try await server.post("/api/v1/runs", #"{"experiment": "x"}"#, token: tokens.reader)
    #expect(start.status == 403)
    #expect(start.errorCode == "forbidden")
    #expect(start.text.contains("writer"))
    let rollback = try await server.post(
      "/api/v1/models/fraud-detector/rollback", #"{"reason": "r"}"#, token: tokens.writer)
    #expect(rollback.status == 403)
    #expect(rollback.text.contains("promoter"))
    let token = try await server.post(
      "/api/v1/tokens", #"{"name": "x", "role": "admin"}"#, token: tokens.promoter)
    #expect(token.status == 403)
    #expect(try await server.get("/api/v1/tokens", token: tokens.promoter).status == 403)
    #expect(try server.cliJSON(["db", "head"]) == head)
  }

  @Test func theActorIsTheTokensNameAndTheClaimIsKeptAside() async throws {
    let (server, tokens) = try await Self.server()
    let started = try await server.post(
      "/api/v1/runs", #"{"experiment": "auth", "name": "r1"}"#, token: tokens.writer,
      headers: ["X-Pedigree-Actor": "mallory"])
    #expect(started.status == 201, "\(started.text)")
    let entry = try server.cliJSON(["log", "--limit", "1"])[0]
    #expect(entry?["actor"] == .string("ci-bot"))
    #expect(entry?["details"]?["claimed_actor"] == .string("mallory"))
    #expect(try server.pedigree(["db", "check"]).status == 0)
  }

  @Test func policiesMinRoleIsEnforcedByTheServer() async throws {
    let (server, tokens) = try await Self.server()
    try server.pedigreeOK(["policy", "set", "fraud-*", "--alias", "production", "--min-role", "promoter"])
    let head = try server.cliJSON(["db", "head"])
    let refused = try await server.post(
      "/api/v1/models/fraud-detector/versions/4/promote", #"{"alias": "production", "reason": "go"}"#,
      token: tokens.writer)
    #expect(refused.status == 403, "\(refused.text)")
    #expect(refused.text.contains("promoter"))
    #expect(try server.cliJSON(["db", "head"]) == head)
    let staging = try await server.post(
      "/api/v1/models/fraud-detector/versions/4/promote", #"{"alias": "canary"}"#, token: tokens.writer)
    #expect(staging.status == 200, "an unguarded alias is a writer's: \(staging.text)")
    let promoted = try await server.post(
      "/api/v1/models/fraud-detector/versions/4/promote", #"{"alias": "production", "reason": "go"}"#,
      token: tokens.promoter)
    #expect(promoted.status == 200, "\(promoted.text)")
    #expect(try promoted.json()["changed"] == .bool(true))
    let history = try server.cliJSON(["model", "history", "fraud-detector", "--alias", "production"])
    guard case .array(let events) = history else { return }
    #expect(events.last?["actor"] == .string("release"))
  }

  @Test func adminsManageTokensAndARevokedTokenIs401() async throws {
    let (server, tokens) = try await Self.server()
    let created = try await server.post(
      "/api/v1/tokens", #"{"name": "temp", "role": "reader"}"#, token: tokens.admin)
    #expect(created.status == 201)
    guard case .string(let secret)? = try created.json()["secret"] else {
      Issue.record("no secret: \(created.text)")
      return
    }
    #expect(try await server.get("/api/v1/models", token: secret).status == 200)
    let listed = try await server.get("/api/v1/tokens", token: tokens.admin)
    #expect(try listed.json() == server.cliJSON(["token", "list"]))
    #expect(!listed.text.contains("pdg_"))
    let revoked = try await server.request("DELETE", "/api/v1/tokens/temp", token: tokens.admin)
    #expect(revoked.status == 200, "\(revoked.text)")
    #expect(try await server.get("/api/v1/models", token: secret).status == 401)
  }

  @Test func tokensWinByDefaultAndTheCLIManagesThem() async throws {
    let server = TestServer()
    try server.pedigreeOK(["init"])
    let secret = try server.token("ci", role: "writer")
    #expect(secret.hasPrefix("pdg_"))
    let again = try server.pedigree(["token", "create", "ci", "--role", "reader"])
    #expect(again.status == 2)
    let listed = try server.pedigreeOK(["token", "list"])
    #expect(listed.contains("ci") && !listed.contains(secret))
    try await server.serve([])
    #expect(try await server.get("/api/v1/models").status == 401)
    #expect(try await server.get("/api/v1/models", token: secret).status == 200)
    server.stop()
    try server.pedigreeOK(["token", "revoke", "ci"])
    #expect(try server.pedigree(["token", "revoke", "ci"]).status == 1)
    let badRole = try server.pedigree(["token", "create", "x", "--role", "god"])
    #expect(badRole.status == 64)
    #expect(try server.pedigree(["db", "check"]).status == 0)
  }
}
