import ArgumentParser
import PedigreeCore
import PedigreeSQLite

/// Runs a command body, turning a `PedigreeError` into one `error:` line on stderr and the exit
/// code of PRODUCT.md. Every command's `run()` goes through here: the one place errors are mapped.
func execute(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as PedigreeError {
    report(error)
    throw ExitCode(error.kind.exitCode)
  }
}

/// Prints `error` as one `error: … (hint: …)` line, phrasing its remedy as the command to type.
func report(_ error: PedigreeError) {
  Output.error(error.message, hint: error.remedy.map(\.commandLineHint) ?? error.hint)
}

extension PedigreeError.Kind {
  /// The exit code of PRODUCT.md ("Exit codes") for this kind of error.
  var exitCode: Int32 {
    switch self {
    case .notFound: 1
    case .refused: 2
    case .usage: 64
    case .invalidInput: 65
    case .io: 74
    case .busy: 75
    case .incompatible: 78
    case .forbidden: 2  // only the server's tokens have roles; the command line is the admin
    }
  }
}

extension PedigreeError.Remedy {
  /// The remedy as the command line to type.
  var commandLineHint: String {
    switch self {
    case .createRegistry(let path):
      "create one with `pedigree init --db \(shellWord(path))`, or point --db / PEDIGREE_DB at it"
    case .initializeRegistry(let path): "run `pedigree init --db \(shellWord(path))`"
    case .migrateRegistry(let path): "run `pedigree db migrate --db \(shellWord(path))` to upgrade it"
    case .useAnotherRegistry:
      "point --db at a Pedigree registry, or create one with `pedigree init`"
    case .retryOrWaitLonger: "retry, or raise the timeout with PEDIGREE_BUSY_TIMEOUT_MS"
    case .promoteFirst(let model, let alias):
      "promote a version first: pedigree model promote \(model)@N --to \(alias)"
    case .pickAnotherVersion: "pick another version with --to"
    case .chooseVersion: "use --to N to choose a version, or promote one"
    case .nameRun: "pass --run RUN_ID"
    case .sayWhatToLog: "pass --param, --metric, --input or --output"
    case .giveReason: "pass --reason T"
    }
  }
}

/// `text` as one word a shell reads back unchanged: as it is when it holds only characters no
/// shell treats specially, else in single quotes (a PostgreSQL URL's `?` and `&` would glob and
/// fork). For the command lines Pedigree prints for copying.
func shellWord(_ text: String) -> String {
  let plain =
    !text.isEmpty
    && text.utf8.allSatisfy { byte in
      (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        || "_-./:@=+,%".utf8.contains(byte)
    }
  return plain ? text : "'" + text.replacing("'", with: #"'\''"#) + "'"
}

/// Parses `key=value`.
func parseKeyValue(_ text: String, what: String) throws(PedigreeError) -> KeyValue {
  guard let equals = text.firstIndex(of: "=") else {
    throw PedigreeError(.usage, "invalid \(what) '\(text.prefix(80))'", hint: "write \(what)s as key=value")
  }
  return KeyValue(String(text[..<equals]), String(text[text.index(after: equals)...]))
}

/// Parses `key=value[@step]` with value a number, `nan`, `inf` or `-inf`.
func parseMetric(_ text: String, at time: Timestamp) throws(PedigreeError) -> MetricPoint {
  let pair = try parseKeyValue(text, what: "metric")
  var valueText = Substring(pair.value)
  var step: Int64 = 0
  if let at = valueText.lastIndex(of: "@") {
    guard let parsed = Int64(valueText[valueText.index(after: at)...]), parsed >= 0 else {
      throw PedigreeError(
        .usage, "invalid step in metric '\(text.prefix(80))'",
        hint: "steps are whole numbers, 0 or more: write key=value@step, e.g. loss=0.42@3")
    }
    step = parsed
    valueText = valueText[..<at]
  }
  let value: Double?
  switch valueText.lowercased() {
  case "nan": value = .nan
  case "inf", "infinity", "+inf", "+infinity": value = .infinity
  case "-inf", "-infinity": value = -.infinity
  default: value = Double(valueText)
  }
  guard let value else {
    throw PedigreeError(
      .usage, "invalid value in metric '\(text.prefix(80))'",
      hint: "metric values are numbers, nan, inf or -inf")
  }
  return MetricPoint(key: pair.key, value: value, step: step, timestamp: time)
}
