import Foundation
import PedigreeCore
import PedigreeTestSupport
import Testing

@Suite("pedigree serve: start-up, health, audit head, shutdown")
struct ServeTests {
  @Test func printsItsURLAndAnswersHealth() async throws {
    let server = try await TestServer.start()
    #expect(server.url.hasPrefix("http://127.0.0.1:"))
    #expect(!server.url.hasSuffix(":0"))
    let health = try await server.get("/health")
    #expect(health.status == 200)
    #expect(health.header("X-Content-Type-Options") == "nosniff")
    let end = server.stop()
    #expect(end?.status == 0)
    #expect(server.stderr.contains("GET /health 200"))
  }

  @Test func auditHeadIsDBHead() async throws {
    let server = try await TestServer.start()
    let head = try await server.get("/api/v1/audit/head")
    #expect(head.status == 200)
    let cli = try server.cliJSON(["db", "head"])
    #expect(try head.json()["entry"] == cli["entry"])
    #expect(try head.json()["hash"] == cli["hash"])
  }

  @Test func authNoneOffLoopbackRefusesToStart() throws {
    let server = TestServer()
    try server.pedigreeOK(["init"])
    let refused = try server.pedigree(["serve", "--host", "0.0.0.0", "--port", "0", "--auth", "none"])
    #expect(refused.status == 64)
    #expect(refused.errorLine?.contains("token create") == true, "\(refused.stderr)")
    let noTokens = try server.pedigree(["serve", "--host", "0.0.0.0", "--port", "0"])
    #expect(noTokens.status == 64)
  }

  @Test func missingRegistryIs74() throws {
    let server = TestServer()
    let missing = try server.pedigree(["serve", "--port", "0"])
    #expect(missing.status == 74)
    #expect(!FileManager.default.fileExists(atPath: server.database))
  }
}
