import ArgumentParser
import PedigreeArtifacts
import PedigreeCore
import PedigreeSQLite

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension ModelCommand {
  struct Download: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "download",
      abstract: "Copy a version's artifact out of the artifact store, verifying its digest.",
      discussion: """
        The store (default <registry>.artifacts, or $PEDIGREE_ARTIFACTS) holds what model register \
        --artifact PATH and the server's uploads stored. A stored object whose bytes no longer match \
        the digest is refused (65) and nothing is written.

        Example: pedigree model download fraud-detector@production --to model.onnx
        """)

    @Argument(help: "The version: NAME@N, NAME@ALIAS or NAME (latest).") var ref: String
    @Option(help: "Where to write the file.") var to: String
    @OptionGroup var db: RegistryOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try execute {
        let registry = try db.open()
        let node = try registry.resolve(try Ref.parse(ref, defaultKind: .model))
        guard let digest = try registry.recordedDigest(of: node) else {
          throw PedigreeError.notFound("\(node.name) has no recorded artifact digest to download by")
        }
        let size = try copyVerified(digest, from: db.artifactStore, to: to)
        output.emit(
          .object([
            "ref": .string(node.typedRef), "digest": .string(digest), "size_bytes": .integer(size),
            "path": .string(to),
          ]),
          text: "wrote \(to)\(contentSummary(digest: digest, size: size))")
      }
    }
  }
}

/// Writes the store's object `digest` to `path` through a temporary file beside it, renamed
/// into place once whole; the object is verified before anything is written.
func copyVerified(_ digest: String, from store: ArtifactStore, to path: String) throws(PedigreeError) -> Int64
{
  let (input, size) = try store.openVerified(digest)
  defer { try? input.close() }
  let temporary = path + ".pedigree-\(UUID().uuidString).part"
  guard let output = FileStream(creatingAtPath: temporary) else {
    throw PedigreeError(.io, "cannot write \(path)")
  }
  do {
    defer { try? output.close() }
    while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
      try output.write(contentsOf: chunk)
    }
    try output.synchronize()
    guard rename(temporary, path) == 0 else { throw PedigreeError(.io, "cannot write \(path)") }
  } catch {
    try? FileManager.default.removeItem(atPath: temporary)
    throw error as? PedigreeError
      ?? PedigreeError(.io, "cannot write \(path): \(PedigreeError.reason(of: error))")
  }
  return size
}
