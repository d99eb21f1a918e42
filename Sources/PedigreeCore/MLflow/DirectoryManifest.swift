/// The digest of a directory of files: the SHA-256 of its manifest, one line per file in byte
/// order of the relative path, `relpath TAB sha256:<hex> TAB size LF`. Two directories with the
/// same files (names, contents) have the same digest, whatever their upload order.
public enum DirectoryManifest {
  /// The manifest's text.
  public static func text(_ files: [(relativePath: String, digest: String, sizeBytes: Int64)])
    -> String
  {
    files.sorted { Array($0.relativePath.utf8).lexicographicallyPrecedes($1.relativePath.utf8) }
      .map { "\($0.relativePath)\t\($0.digest)\t\($0.sizeBytes)\n" }.joined()
  }

  /// The directory's digest and total size.
  public static func digest(_ files: [(relativePath: String, digest: String, sizeBytes: Int64)])
    -> (digest: String, sizeBytes: Int64)
  {
    (Digest.sha256(text(files).utf8), files.reduce(0) { $0 + $1.sizeBytes })
  }
}
