import ArgumentParser
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

struct Verify: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check that a file matches the digest registered for a model version, dataset or artifact.",
    discussion: """
      Exit 0 when it matches, 65 when the content differs, 2 when nothing was registered to compare
      (no digest, or a foreign one such as MLflow's mlflow:<hex>, which no file can be checked against).

      Example: pedigree verify fraud-detector@production --file /srv/models/fraud.onnx
      """)

  @Argument(help: "A model version (NAME@N, NAME@ALIAS), dataset:NAME@N or artifact:ID.") var ref: String
  @Option(help: "The file to check.") var file: String
  @OptionGroup var db: RegistryOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    try execute {
      let registry = try db.open()
      let node = try registry.resolve(try Ref.parse(ref, defaultKind: .model))
      guard let recorded = try registry.recordedDigest(of: node) else {
        throw PedigreeError(.refused, "\(node.name) has no recorded digest to verify against")
      }
      if Digest.isForeign(recorded) {
        throw PedigreeError(
          .refused,
          "\(node.name) has the foreign digest \(recorded), which is not a content hash: it cannot be checked against a file"
        )
      }
      let check = DigestCheck(node: node, file: file, recorded: recorded, actual: try hashFile(file))
      output.emit(check.json, text: check.matches ? check.text : "")
      if !check.matches { throw check.mismatch }
    }
  }
}

/// A file checked against the digest a node recorded.
struct DigestCheck {
  let node: NodeRef
  let file: String
  let recorded: String
  let actual: (digest: String, size: Int64)

  var matches: Bool { actual.digest == recorded }

  /// `{ref, file, matches, recorded_digest, file_digest, size_bytes}`.
  var json: JSONValue {
    .object([
      "ref": .string(node.typedRef), "file": .string(file), "matches": .bool(matches),
      "recorded_digest": .string(recorded), "file_digest": .string(actual.digest),
      "size_bytes": .integer(actual.size),
    ])
  }

  var text: String { "OK: \(file) matches \(node.name) (\(Format.shortDigest(recorded)))" }

  var mismatch: PedigreeError {
    PedigreeError(
      .invalidInput, "\(file) does not match \(node.name): recorded \(recorded), file has \(actual.digest)")
  }
}
