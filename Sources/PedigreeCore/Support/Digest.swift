#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// SHA-256 digests in Pedigree's text form, `sha256:<64 lowercase hex digits>`, and the foreign
/// digest schemes a dataset version may carry instead (`mlflow:<hex>`).
public enum Digest {
  /// The digest of `bytes`.
  public static func sha256(_ bytes: some Sequence<UInt8>) -> String {
    var hasher = SHA256()
    hasher.update(data: Array(bytes))
    return format(hasher.finalize())
  }

  /// Streams the file at `path` through SHA-256 in 1 MiB chunks, so memory stays flat for a
  /// model file of any size. `progress` is called after each chunk with the bytes read so far.
  public static func sha256(
    fileAt path: String, progress: ((Int64) -> Void)? = nil
  ) throws(PedigreeError) -> (digest: String, size: Int64) {
    let kind = FileStream.kind(atPath: path)
    guard kind != .directory, let handle = FileStream(forReadingAtPath: path) else {
      throw PedigreeError(
        .io,
        kind == .missing
          ? "no such file: \(path)"
          : (kind == .directory ? "cannot read \(path): it is a directory" : "cannot read \(path)"))
    }
    defer { try? handle.close() }
    var hasher = SHA256()
    var size: Int64 = 0
    do {
      while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
        hasher.update(data: chunk)
        size += Int64(chunk.count)
        progress?(size)
      }
    } catch {
      throw PedigreeError(.io, "cannot read \(path): \(error.message)")
    }
    return (format(hasher.finalize()), size)
  }

  /// Whether `text` is a well-formed `sha256:<64 hex>` digest.
  public static func isValid(_ text: String) -> Bool {
    let utf8 = text.utf8
    guard utf8.count == 71, text.hasPrefix("sha256:") else { return false }
    return utf8.dropFirst(7).allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
  }

  /// Validates and normalises a user-supplied digest (hex is lower-cased).
  public static func normalized(_ text: String) throws(PedigreeError) -> String {
    let lowered = text.lowercased()
    guard isValid(lowered) else {
      throw PedigreeError(
        .usage, "invalid digest '\(text.prefix(80))'",
        hint: "digests are written sha256:<64 hex digits>")
    }
    return lowered
  }

  /// The foreign schemes a dataset digest may use: digests another system computed that Pedigree
  /// keeps as given but cannot recompute from a file. MLflow's dataset digests are the first 8
  /// hex digits of an md5 over (at most 10,000 of) the rows, so `mlflow:` never claims to be a
  /// content hash.
  public static let foreignSchemes: Set<String> = ["mlflow"]

  /// The scheme of a digest in text form: `sha256`, `mlflow`, or `nil` when it has none.
  public static func scheme(of digest: String) -> String? {
    guard let colon = digest.firstIndex(of: ":") else { return nil }
    return String(digest[..<colon])
  }

  /// Whether `digest` uses a foreign scheme (`mlflow:<hex>`): kept as given, never checkable
  /// against a file.
  public static func isForeign(_ digest: String) -> Bool {
    scheme(of: digest).map(foreignSchemes.contains) ?? false
  }

  /// Validates and normalises a dataset version's digest: `sha256:<64 hex>` or a declared foreign
  /// scheme, `mlflow:<1–64 hex>` (hex is lower-cased). Idempotency holds per (dataset, digest)
  /// whatever the scheme.
  public static func normalizedDataset(_ text: String) throws(PedigreeError) -> String {
    let lowered = text.lowercased()
    if isValid(lowered) { return lowered }
    let hex = lowered.utf8.drop { $0 != UInt8(ascii: ":") }.dropFirst()
    guard lowered.hasPrefix("mlflow:"), (1...64).contains(hex.count),
      hex.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
    else {
      throw PedigreeError(
        .usage, "invalid dataset digest '\(text.prefix(80))'",
        hint: "dataset digests are written sha256:<64 hex digits>, or mlflow:<hex> for MLflow's")
    }
    return lowered
  }

  /// A finished SHA-256 in the text form, `sha256:<hex>`.
  public static func format(_ digest: SHA256.Digest) -> String {
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    var out: [UInt8] = Array("sha256:".utf8)
    out.reserveCapacity(71)
    for byte in digest {
      out.append(hex[Int(byte >> 4)])
      out.append(hex[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
