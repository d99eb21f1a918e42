import Foundation
import PedigreeCore
import PedigreeTestSupport
import Testing

/// SERVER.md: tokens are the default whenever the registry has one, and tokens created or revoked
/// while the server runs take effect on the next request, without a restart (real `pedigree`
/// and `pedigree-server` processes).
@Suite struct TokenLifecycleTests {
  @Test func aServerStartedBeforeAnyTokenRequiresTokensOnceOneExists() async throws {
    let server = try await TestServer.start()  // loopback, no token, no --auth: open
    #expect(try await server.get("/api/v1/models").status == 200)
    let secret = try server.token("ci-bot", role: "reader")
    let anonymous = try await server.get("/api/v1/models")
    #expect(anonymous.status == 401, "a token exists now: \(anonymous.text)")
    #expect(try await server.get("/api/v1/models", token: secret).status == 200)
    let mlflow = try await server.post("/api/2.0/mlflow/experiments/create", #"{"name": "x"}"#)
    #expect(mlflow.status == 401, "\(mlflow.text)")
    try server.pedigreeOK(["token", "revoke", "ci-bot"])
    #expect(try await server.get("/api/v1/models", token: secret).status == 401)
    #expect(try await server.get("/api/v1/models").status == 401, "once tokens, always tokens")
    #expect(try await server.get("/health").status == 200)
  }

  @Test func tokensCreatedAndRevokedWhileServingTakeEffectAtOnce() async throws {
    var first = ""
    let server = try await TestServer.start(["--auth", "tokens"]) {
      first = try $0.token("first", role: "reader")
    }
    let second = try server.token("second", role: "writer")
    #expect(try await server.get("/api/v1/models", token: second).status == 200)
    let write = try await server.post(
      "/api/2.0/mlflow/experiments/create", #"{"name": "live"}"#, token: second)
    #expect(write.status == 200, "\(write.text)")
    let log = try server.pedigreeOK(["log", "--by", "second", "--json"])
    #expect(log.contains("experiment:live"), "\(log.prefix(1000))")
    try server.pedigreeOK(["token", "revoke", "second"])
    #expect(try await server.get("/api/v1/models", token: second).status == 401)
    #expect(try await server.get("/api/v1/models", token: first).status == 200)
  }

  @Test func anExplicitAuthNoneStaysOpen() async throws {
    let server = try await TestServer.start(["--auth", "none"])
    _ = try server.token("ci-bot", role: "reader")
    #expect(try await server.get("/api/v1/models").status == 200, "--auth none was asked for")
  }
}
