import Foundation

/// A fresh directory under the system's temporary directory for one test, removed (with
/// everything in it) when the value is released. The one temporary-directory helper of every
/// test target.
///
/// ```swift
/// let directory = TemporaryDirectory("pedigree-store")
/// let path = directory.file("reg.db")
/// ```
public final class TemporaryDirectory: @unchecked Sendable {
  /// The directory's absolute path (no trailing slash).
  public let path: String

  /// Creates `<tmp>/<prefix>-<UUID>`.
  public init(_ prefix: String = "pedigree-test") {
    path = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// The path of `name` inside the directory.
  public func file(_ name: String) -> String { path + "/" + name }

  /// The directory as a file URL.
  public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

  /// Writes `contents` to `name` inside the directory and returns its path.
  @discardableResult
  public func write(_ name: String, _ contents: String) throws -> String {
    try contents.write(toFile: file(name), atomically: true, encoding: .utf8)
    return file(name)
  }
}
