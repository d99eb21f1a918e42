import Foundation
import PedigreeCore
import PedigreeTestSupport
import Testing

/// PRODUCT.md, "Artifact store": `model register --artifact PATH` copies the bytes into the
/// content-addressed store; `model download` gets them back, verified.
@Suite struct ArtifactStoreCommandTests {
  @Test func registerStoresTheFileAndDownloadGivesItBack() throws {
    let cli = try CLI.initialized()
    let run = try cli.ok("run", "start")
    let file = try cli.write("model.onnx", "weights v1")
    try cli.ok("model", "register", "m", "--run", run, "--artifact", file, "--alias", "staging")
    let digest = Digest.sha256(Array("weights v1".utf8))
    let hex = digest.dropFirst(7)
    #expect(
      FileManager.default.fileExists(
        atPath: cli.artifacts + "/sha256/\(hex.prefix(2))/\(hex.dropFirst(2))"))
    try FileManager.default.removeItem(atPath: file)
    let target = cli.path("out.onnx")
    let document = try JSONValue.parse(try cli.ok("model", "download", "m@staging", "--to", target, "--json"))
    #expect(document["digest"] == .string(digest))
    #expect(document["ref"] == .string("model:m@1"))
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "weights v1")
  }

  @Test func anAlteredObjectOrAMissingOneIsRefusedAndNothingIsWritten() throws {
    let cli = try CLI.initialized()
    let run = try cli.ok("run", "start")
    try cli.ok("model", "register", "m", "--run", run, "--artifact", try cli.write("a.bin", "abc"))
    try cli.ok(
      "model", "register", "m", "--run", run, "--artifact", "s3://elsewhere/b.bin", "--digest",
      "sha256:" + String(repeating: "b", count: 64))
    let hex = Digest.sha256(Array("abc".utf8)).dropFirst(7)
    try Data("abd".utf8).write(
      to: URL(fileURLWithPath: cli.artifacts + "/sha256/\(hex.prefix(2))/\(hex.dropFirst(2))"))
    let target = cli.path("out.bin")
    try cli.fails(65, "model", "download", "m@1", "--to", target)
    try cli.fails(1, "model", "download", "m@2", "--to", target)
    #expect(!FileManager.default.fileExists(atPath: target))
  }

  @Test func aFailedRegistrationStoresNothing() throws {
    let cli = try CLI.initialized()
    try cli.fails(
      1, "model", "register", "m", "--run", String(repeating: "a", count: 32), "--artifact",
      try cli.write("a.bin", "abc"))
    #expect(!FileManager.default.fileExists(atPath: cli.artifacts))
  }
}
