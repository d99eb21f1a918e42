import ArgumentParser
import PedigreeStore

/// Runs a command body, turning a `PedigreeError` into one `error:` line on stderr and the exit
/// code of PRODUCT.md. Every command's `run()` goes through here: the one place errors are mapped.
func execute(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as PedigreeError {
    Output.error(error.message, hint: error.hint)
    throw ExitCode(error.kind.exitCode)
  } catch let error as SQLiteError {
    let mapped = PedigreeError(error, path: "the registry")
    Output.error(mapped.message, hint: mapped.hint)
    throw ExitCode(mapped.kind.exitCode)
  }
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
    guard let parsed = Int64(valueText[valueText.index(after: at)...]) else {
      throw PedigreeError(
        .usage, "invalid step in metric '\(text.prefix(80))'", hint: "write key=value@step, e.g. loss=0.42@3")
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
