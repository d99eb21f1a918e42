import Foundation
import PedigreeStore

/// Where a command's results go: one JSON document on stdout with `--json`, else short text.
/// Notes go to stderr so that stdout stays what scripts capture (a ref, a run id, a table).
struct Output {
  let json: Bool

  /// Prints `text` (human mode) or `document` (JSON mode) on stdout.
  func emit(_ document: @autoclosure () -> JSONValue, text: @autoclosure () -> String) {
    if json {
      Output.write(document().serialized(pretty: true) + "\n", to: .standardOutput)
    } else {
      let body = text()
      if !body.isEmpty { Output.write(body.hasSuffix("\n") ? body : body + "\n", to: .standardOutput) }
    }
  }

  /// Prints an informational line on stderr in human mode (nothing in JSON mode).
  func note(_ text: String) {
    if !json { Output.write(text + "\n", to: .standardError) }
  }

  static func write(_ text: String, to handle: FileHandle) {
    handle.write(Data(text.utf8))
  }

  /// Prints an error as one line on stderr: `error: message (hint: …)`.
  static func error(_ message: String, hint: String? = nil) {
    let oneLine = message.replacingOccurrences(of: "\n", with: " ")
    write("error: \(oneLine)" + (hint.map { " (hint: \($0))" } ?? "") + "\n", to: .standardError)
  }

  /// Whether stderr is a terminal (for progress lines).
  static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// Human-readable sizes: `18.2 MB`.
func formatBytes(_ bytes: Int64) -> String {
  let units = ["B", "kB", "MB", "GB", "TB", "PB"]
  var value = Double(bytes)
  var unit = 0
  while value >= 1000 && unit < units.count - 1 {
    value /= 1000
    unit += 1
  }
  return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
}

/// `sha256:3f1a9c2e…`, short enough for a sentence.
func shortDigest(_ digest: String) -> String {
  String(digest.prefix("sha256:".count + 12)) + "…"
}

/// ` (sha256:3f1a9c2e…, 18.2 MB)`, or nothing without a digest.
func contentSummary(digest: String?, size: Int64?) -> String {
  guard let digest else { return "" }
  return " (\(shortDigest(digest))" + (size.map { ", \(formatBytes($0))" } ?? "") + ")"
}
