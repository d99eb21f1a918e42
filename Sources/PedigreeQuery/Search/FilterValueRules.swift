import PedigreeCore

/// The type rules for literals: what each kind of field accepts, and how a literal is normalised
/// for it (a status lowercased, a time turned into milliseconds).
///
/// - metrics take numbers; a string is an error (`metrics.auc > '0.9'`).
/// - params, tags and text attributes take strings; a number is an error, as in MLflow
///   (`params.lr = 0.01` must be `params.lr = '0.01'`).
/// - `start_time` / `end_time` take an ISO 8601 string or an integer of milliseconds.
/// - `status` takes running, finished, failed or killed, in any case (MLflow writes `'FINISHED'`).
enum FilterValueRules {
  static func convert(
    string text: String, for field: SearchField, op: FilterOperator, in source: FilterSource,
    at token: FilterToken
  ) throws(PedigreeError) -> FilterValue {
    switch field.valueType {
    case .number:
      let unquoted = Double(text) != nil ? "\(field.description) \(op.rawValue) \(text)" : "a number"
      throw source.error(
        "\(field.description) compares with numbers, found the string \(source.quote(token))",
        at: token.start, hint: "metrics are numbers: write \(unquoted)")
    case .text:
      return .text(field == .attribute(.runID) && !op.isPattern ? text.lowercased() : text)
    case .time:
      guard let time = try? Timestamp(parsing: text) else {
        throw source.error(
          "invalid time \(source.quote(token))", at: token.start,
          hint: "use ISO 8601 (2026-03-01, 2026-03-01T14:30:00Z) or milliseconds since 1970")
      }
      return .time(time.milliseconds)
    case .status:
      return try status(text, op: op, in: source, at: token)
    case .boolean:
      return try boolean(text, for: field, in: source, at: token)
    }
  }

  static func convert(
    number: Double, for field: SearchField, in source: FilterSource, at token: FilterToken
  ) throws(PedigreeError) -> FilterValue {
    switch field.valueType {
    case .number:
      return .number(number)
    case .time:
      guard let milliseconds = Int64(exactly: number) else {
        throw source.error(
          "invalid time \(source.quote(token))", at: token.start,
          hint: "a time is an ISO 8601 string or a whole number of milliseconds since 1970")
      }
      return .time(milliseconds)
    case .boolean:
      throw source.error(
        "\(field.description) is true or false, found the number \(source.quote(token))", at: token.start,
        hint: "write \(field.description) = true")
    case .text, .status:
      let written = source.quote(token).dropFirst().dropLast()
      throw source.error(
        "\(field.description) compares with strings, found the number \(written)",
        at: token.start,
        hint: "quote it: \(field.description) = '\(written)' (params and tags are strings, as in MLflow)")
    }
  }

  /// `true` or `false`, any case, bare or quoted.
  static func boolean(
    _ text: String, for field: SearchField, in source: FilterSource, at token: FilterToken
  ) throws(PedigreeError) -> FilterValue {
    switch text.lowercased() {
    case "true": return .boolean(true)
    case "false": return .boolean(false)
    default:
      throw source.error(
        "\(field.description) is true or false, found \(source.quote(token))", at: token.start,
        hint: "write \(field.description) = true")
    }
  }

  private static func status(
    _ text: String, op: FilterOperator, in source: FilterSource, at token: FilterToken
  ) throws(PedigreeError) -> FilterValue {
    if op.isPattern { return .text(text) }
    let lowered = text.lowercased()
    guard RunAttribute.statuses.contains(lowered) else {
      throw source.error(
        "invalid status \(source.quote(token))", at: token.start,
        hint: "a status is one of " + RunAttribute.statuses.joined(separator: ", "))
    }
    return .text(lowered)
  }
}
