import PedigreeCore
import PedigreeQuery
import PedigreeSQLite

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Turns a `--artifact`/`--output`/`--file` argument into what the registry records: a local file
/// is hashed (SHA-256, streamed) and recorded as a `file://` URI with its size; anything with a
/// scheme (`s3://…`) is recorded as given, with `digest` when the caller knows it.
func artifactInput(_ text: String, digest: String? = nil) throws(PedigreeError) -> ArtifactInput {
  if text.contains("://") {
    return ArtifactInput(
      name: URL(string: text)?.lastPathComponent.nonEmpty ?? text, uri: text, digest: digest)
  }
  let file = try hashFile(text)
  if let digest, try Digest.normalized(digest) != file.digest {
    throw PedigreeError(
      .invalidInput, "\(text) has digest \(file.digest), not the \(digest) given with --digest")
  }
  let absolute = URL(fileURLWithPath: text).standardizedFileURL
  return ArtifactInput(
    name: absolute.lastPathComponent, uri: absolute.absoluteString, digest: file.digest,
    sizeBytes: file.size)
}

/// Hashes a local file, showing a progress line on stderr when the file is large and stderr is a
/// terminal.
func hashFile(_ path: String) throws(PedigreeError) -> (digest: String, size: Int64) {
  let total = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0
  let showProgress = Output.stderrIsTerminal && total > 64 << 20
  let name = Paths.lastComponent(path)
  let result = try Digest.sha256(fileAt: path) { done in
    if showProgress {
      let percent = total > 0 ? done * 100 / total : 100
      Output.write(
        "\rhashing \(name): \(percent)% (\(Format.bytes(done)) of \(Format.bytes(total)))",
        to: .standardError)
    }
  }
  if showProgress { Output.write("\r\u{1B}[K", to: .standardError) }
  return result
}

extension String {
  var nonEmpty: String? { isEmpty ? nil : self }
}
