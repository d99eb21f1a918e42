import PedigreeCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The content-addressed artifact store (PRODUCT.md, "Artifact store"): each object is a file
/// `sha256/ab/cdef…` under `root`, named by the SHA-256 of its bytes. Objects are written to a
/// temporary file, hashed while they stream, fsynced and renamed into place, so a crash never
/// leaves a partial object under a digest's name; reading one back verifies its digest first.
///
/// ```swift
/// let store = ArtifactStore(root: "pedigree.db.artifacts")
/// let upload = try store.begin()
/// try upload.append(bytes)
/// let object = try upload.commit()   // (digest: "sha256:…", size: 18234)
/// ```
public struct ArtifactStore: Sendable {
  /// The store's directory.
  public let root: String

  public init(root: String) { self.root = root }

  /// The default store of a registry: `<registry>.artifacts` beside a registry file; for a
  /// PostgreSQL registry (a URL, nowhere on disk) `pedigree-artifacts` in the current directory.
  /// Servers sharing one PostgreSQL registry should share one store too (`--artifacts` or
  /// `$PEDIGREE_ARTIFACTS` on a shared file system).
  public static func beside(registry path: String) -> ArtifactStore {
    let isURL = path.hasPrefix("postgresql://") || path.hasPrefix("postgres://")
    return ArtifactStore(root: isURL ? "pedigree-artifacts" : path + ".artifacts")
  }

  /// Where the object with `digest` lives (whether or not it exists). `nil` for a malformed
  /// digest, so no digest can name a path outside the store.
  public func path(of digest: String) -> String? {
    guard Digest.isValid(digest) else { return nil }
    let hex = digest.dropFirst("sha256:".count)
    return "\(root)/sha256/\(hex.prefix(2))/\(hex.dropFirst(2))"
  }

  /// Whether the store holds the object with `digest`.
  public func contains(_ digest: String) -> Bool {
    path(of: digest).map { FileManager.default.fileExists(atPath: $0) } ?? false
  }

  /// Starts writing a new object into a temporary file inside the store.
  public func begin() throws(PedigreeError) -> ArtifactUpload {
    let temporary = "\(root)/tmp"
    do {
      try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    } catch {
      throw PedigreeError(
        .io, "cannot create the artifact store at \(root): \(PedigreeError.reason(of: error))")
    }
    return try ArtifactUpload(store: self, path: "\(temporary)/\(UUID().uuidString).part")
  }

  /// Copies the file at `source` into the store (for `model register --artifact PATH`).
  public func store(fileAt source: String) throws(PedigreeError) -> StoredArtifact {
    try stage(fileAt: source).commit()
  }

  /// Copies the file at `source` into a temporary file of the store, hashing it: `commit()`
  /// makes it an object, `abort()` drops it (so a failed registration stores nothing).
  public func stage(fileAt source: String) throws(PedigreeError) -> ArtifactUpload {
    guard let input = FileStream(forReadingAtPath: source) else {
      throw PedigreeError(.io, "cannot read \(source)")
    }
    defer { try? input.close() }
    let upload = try begin()
    do {
      while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty { try upload.append(chunk) }
    } catch {
      upload.abort()
      throw error as? PedigreeError
        ?? PedigreeError(.io, "cannot read \(source): \(PedigreeError.reason(of: error))")
    }
    return upload
  }

  /// Opens the object with `digest` for reading after verifying that its bytes still hash to
  /// it: `.notFound` when the store lacks it, `.invalidInput` when it was altered.
  public func openVerified(_ digest: String) throws(PedigreeError) -> (handle: FileStream, size: Int64) {
    guard let path = path(of: digest) else {
      throw PedigreeError.usage(
        "invalid digest '\(digest.prefix(80))'", hint: "digests are sha256:<64 hex digits>")
    }
    guard FileManager.default.fileExists(atPath: path) else {
      throw PedigreeError.notFound("the artifact store has no object \(digest)")
    }
    let actual = try Digest.sha256(fileAt: path) { _ in }
    guard actual.digest == digest else {
      throw PedigreeError.invalidInput(
        "the artifact store's object \(digest) was altered: its bytes hash to \(actual.digest)",
        hint: "restore the object from a backup")
    }
    guard let handle = FileStream(forReadingAtPath: path) else {
      throw PedigreeError(.io, "cannot read \(path)")
    }
    return (handle, actual.size)
  }
}

/// An object stored: its digest and size.
public struct StoredArtifact: Sendable, Equatable {
  public let digest: String
  public let size: Int64
  /// `false` when the store already held these bytes.
  public let isNew: Bool
}

/// An object being written: bytes appended to a temporary file and hashed as they come;
/// `commit()` fsyncs and renames it into place, `abort()` removes it. Not `Sendable`: one writer.
public final class ArtifactUpload {
  private let store: ArtifactStore
  private let path: String
  private let handle: FileStream
  private var hasher = SHA256()
  /// Bytes appended so far.
  public private(set) var size: Int64 = 0
  private var finished = false

  init(store: ArtifactStore, path: String) throws(PedigreeError) {
    self.store = store
    self.path = path
    guard let handle = FileStream(creatingAtPath: path) else {
      throw PedigreeError(.io, "cannot write into the artifact store at \(store.root)")
    }
    self.handle = handle
  }

  deinit { if !finished { abort() } }

  /// Appends bytes.
  public func append(_ bytes: some DataProtocol) throws(PedigreeError) {
    hasher.update(data: bytes)
    do { try handle.write(contentsOf: bytes) } catch {
      throw PedigreeError(.io, "cannot write into the artifact store: \(PedigreeError.reason(of: error))")
    }
    size += Int64(bytes.count)
  }

  /// Makes the object durable under its digest (fsync, rename, fsync of the directory), or drops
  /// the temporary file when the store already holds it.
  public func commit() throws(PedigreeError) -> StoredArtifact {
    finished = true
    let digest = Digest.format(hasher.finalize())
    guard let target = store.path(of: digest) else { throw PedigreeError(.io, "bad digest \(digest)") }
    do {
      try handle.synchronize()
      try handle.close()
      if FileManager.default.fileExists(atPath: target) {
        try? FileManager.default.removeItem(atPath: path)
        return StoredArtifact(digest: digest, size: size, isNew: false)
      }
      let directory = Paths.deletingLastComponent(target)
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      guard rename(path, target) == 0 else {
        throw PedigreeError(
          .io, "cannot move an object into \(directory): \(String(cString: strerror(errno)))")
      }
      let descriptor = open(directory, O_RDONLY)
      if descriptor >= 0 {
        fsync(descriptor)
        close(descriptor)
      }
      return StoredArtifact(digest: digest, size: size, isNew: true)
    } catch let error as PedigreeError {
      try? FileManager.default.removeItem(atPath: path)
      throw error
    } catch {
      try? FileManager.default.removeItem(atPath: path)
      throw PedigreeError(.io, "cannot store an artifact: \(PedigreeError.reason(of: error))")
    }
  }

  /// Drops the temporary file (and the store's directories, when that leaves them empty).
  public func abort() {
    finished = true
    try? handle.close()
    try? FileManager.default.removeItem(atPath: path)
    rmdir("\(store.root)/tmp")
    rmdir(store.root)
  }
}
