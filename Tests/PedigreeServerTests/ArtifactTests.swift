import Foundation
import PedigreeCore
import PedigreeTestSupport
import Testing

/// The content-addressed artifact store over HTTP: uploads hashed while streaming, idempotent;
/// downloads verified.
@Suite("serve: artifact store")
struct ArtifactTests {
  @Test func uploadRegisterAndDownloadByteForByte() async throws {
    let server = try await TestServer.start()
    var bytes = [UInt8]()
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<(3 << 20) { bytes.append(UInt8.random(in: 0...255, using: &generator)) }
    let upload = try await server.request(
      "PUT", "/api/v1/artifacts", body: Data(bytes), contentType: "application/octet-stream")
    #expect(upload.status == 201, "\(upload.text)")
    let digest = Digest.sha256(bytes)
    #expect(try upload.json()["digest"] == .string(digest))
    #expect(try upload.json()["size_bytes"] == .integer(Int64(bytes.count)))
    let again = try await server.request(
      "PUT", "/api/v1/artifacts", body: Data(bytes), contentType: "application/octet-stream")
    #expect(again.status == 200)
    #expect(try again.json()["changed"] == .bool(false))
    let hex = digest.dropFirst(7)
    #expect(
      FileManager.default.fileExists(
        atPath: server.artifacts + "/sha256/\(hex.prefix(2))/\(hex.dropFirst(2))"))

    let run = try await server.post("/api/v1/runs", #"{"experiment": "art"}"#)
    guard case .string(let runID)? = try run.json()["run_id"] else { return }
    let registered = try await server.post(
      "/api/v1/models",
      #"{"name": "m", "run": "\#(runID)", "artifact": "s3://bucket/m.bin", "digest": "\#(digest)", "alias": "staging"}"#
    )
    #expect(registered.status == 201, "\(registered.text)")
    let retried = try await server.post(
      "/api/v1/models",
      #"{"name": "m", "run": "\#(runID)", "artifact": "s3://bucket/m.bin", "digest": "\#(digest)"}"#)
    #expect(try retried.json()["changed"] == .bool(false))

    let download = try await server.get("/api/v1/models/m/versions/staging/artifact")
    #expect(download.status == 200)
    #expect(Array(download.body) == bytes)
    let direct = try await server.get("/api/v1/artifacts/\(digest)")
    #expect(Array(direct.body) == bytes)
  }

  @Test func aWrongDigestOrAnAlteredObjectIsRefused() async throws {
    let server = try await TestServer.start()
    let wrong = "sha256:" + String(repeating: "0", count: 64)
    let refused = try await server.request(
      "PUT", "/api/v1/artifacts?digest=\(wrong)", body: Data("abc".utf8),
      contentType: "application/octet-stream")
    #expect(refused.status == 400)
    let stored = try await server.request(
      "PUT", "/api/v1/artifacts", body: Data("abc".utf8), contentType: "application/octet-stream")
    guard case .string(let digest)? = try stored.json()["digest"] else { return }
    let hex = digest.dropFirst(7)
    let path = server.artifacts + "/sha256/\(hex.prefix(2))/\(hex.dropFirst(2))"
    try Data("abd".utf8).write(to: URL(fileURLWithPath: path))
    let altered = try await server.get("/api/v1/artifacts/\(digest)")
    #expect(altered.status == 400)
    #expect(altered.errorCode == "invalid")
  }
}
