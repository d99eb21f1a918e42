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

/// File-path text as `NSString`'s path methods treat it, without Foundation: the last component,
/// the parent, a joined path. Purely textual (no file system access, no `~`, no `..` folding).
public enum Paths {
  /// The last component: `b` for `/a/b` and `/a/b/`, `/` for `/`, empty for empty.
  public static func lastComponent(_ path: String) -> String {
    let trimmed = trimmingTrailingSlashes(path)
    if trimmed == "/" || trimmed.isEmpty { return trimmed }
    return String(trimmed[(trimmed.lastIndex(of: "/").map(trimmed.index(after:)) ?? trimmed.startIndex)...])
  }

  /// The path without its last component: `/a` for `/a/b`, `/` for `/a`, empty for `a`.
  public static func deletingLastComponent(_ path: String) -> String {
    let trimmed = trimmingTrailingSlashes(path)
    guard let slash = trimmed.lastIndex(of: "/") else { return "" }
    if slash == trimmed.startIndex { return "/" }
    return trimmingTrailingSlashes(String(trimmed[..<slash]))
  }

  /// `component` appended to `path` with one slash between them.
  public static func appending(_ path: String, _ component: String) -> String {
    if path.isEmpty { return component }
    if component.isEmpty { return path }
    let head = path.hasSuffix("/") ? path : path + "/"
    return head + (component.hasPrefix("/") ? String(component.drop { $0 == "/" }) : component)
  }

  /// The regular files under `directory` (not following links), as paths relative to it, in byte
  /// order; none when it is not a directory.
  public static func regularFiles(under directory: String) -> [String] {
    var isDirectory = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory,
      let all = try? FileManager.default.subpathsOfDirectory(atPath: directory)
    else { return [] }
    let found = all.filter { relative in
      var status = stat()
      return lstat(appending(directory, relative), &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }
    return found.sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
  }

  private static func trimmingTrailingSlashes(_ path: String) -> String {
    var text = Substring(path)
    while text.count > 1 && text.hasSuffix("/") { text = text.dropLast() }
    return String(text)
  }
}

extension PedigreeError {
  /// The reason of any error in a few words: a `PedigreeError`'s message, the system's reason
  /// for a file-system error (`Not a directory`), else the error's description.
  public static func reason(of error: any Error) -> String {
    if let error = error as? PedigreeError { return error.message }
    if let error = error as? CocoaError, let posix = error.underlying as? POSIXError {
      return String(cString: strerror(posix.code.rawValue))
    }
    if let error = error as? POSIXError { return String(cString: strerror(error.code.rawValue)) }
    return "\(error)"
  }
}

/// `printf`-style formatting of one number without Foundation's `String(format:)`.
public enum NumberText {
  /// `value` through the C format `format` (one `double` conversion such as `%.8g`).
  public static func double(_ value: Double, _ format: String) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    _ = withVaList([value]) { arguments in vsnprintf(&buffer, buffer.count, format, arguments) }
    return String(cString: buffer)
  }

  /// `value` in decimal, left-padded with zeros to `width` digits (`0007`).
  public static func zeroPadded(_ value: Int, width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
