import PedigreeCore
import PedigreeQuery
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

  static func write(_ text: String, to handle: FileStream) {
    handle.write(text)
  }

  /// Prints an error as one line on stderr: `error: message (hint: …)`.
  static func error(_ message: String, hint: String? = nil) {
    let oneLine = message.replacing("\n", with: " ")
    write("error: \(oneLine)" + (hint.map { " (hint: \($0))" } ?? "") + "\n", to: .standardError)
  }

  /// Prints a warning as one line on stderr, in JSON mode too: `warning: message`.
  static func warning(_ message: String) {
    write("warning: \(message.replacing("\n", with: " "))\n", to: .standardError)
  }

  /// Whether stderr is a terminal (for progress lines).
  static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// ` (sha256:3f1a9c2e…, 17.4 MiB)`, or nothing without a digest.
func contentSummary(digest: String?, size: Int64?) -> String {
  guard let digest else { return "" }
  return " (\(Format.shortDigest(digest))" + (size.map { ", \(Format.bytes($0))" } ?? "") + ")"
}

/// Text written to stdout piece by piece, in 64 KiB writes: for output too long to build as one
/// string (`run metrics` of a million points).
final class StreamedOutput {
  private var buffer = ""
  private let limit = 1 << 16

  func write(_ text: String) {
    buffer += text
    if buffer.utf8.count >= limit { flush() }
  }

  func flush() {
    guard !buffer.isEmpty else { return }
    Output.write(buffer, to: .standardOutput)
    buffer.removeAll(keepingCapacity: true)
  }
}

/// Prints a report as `--format` asks: JSON (`json`, or `--json`), Markdown, or plain text.
func emitReport(_ json: JSONValue, _ document: ReportDocument, format: String?, output: OutputOptions) {
  if output.json || format == "json" {
    Output(json: true).emit(json, text: "")
  } else {
    output.emit(json, text: format == "markdown" ? document.markdown() : document.text())
  }
}
