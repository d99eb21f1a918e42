import Hummingbird
import PedigreeCore

/// A request's query parameters, read strictly: a parameter the route does not take, a repeated
/// one (unless `repeatable`), or a value over a cap is `.usage` (400) naming it.
struct QueryParameters {
  private let parameters: [(name: String, value: String)]

  init(_ request: Request, allowing allowed: Set<String>) throws(PedigreeError) {
    parameters = request.uri.formFields
    if let unknown = parameters.first(where: { !allowed.contains($0.name) }) {
      throw PedigreeError.usage(
        "unknown query parameter '\(unknown.name.prefix(80))'",
        hint: allowed.isEmpty
          ? "this route takes none" : "it takes " + allowed.sorted().joined(separator: ", "))
    }
    for parameter in parameters where parameter.value.utf8.count > ServerLimits.filterLength {
      throw PedigreeError.usage(
        "query parameter '\(parameter.name)' is longer than the limit of \(ServerLimits.filterLength) characters"
      )
    }
  }

  /// The value of a parameter given at most once.
  func string(_ name: String) throws(PedigreeError) -> String? {
    let values = all(name)
    if values.count > 1 {
      throw PedigreeError.usage("query parameter '\(name)' is given \(values.count) times")
    }
    return values.first
  }

  func requiredString(_ name: String) throws(PedigreeError) -> String {
    guard let value = try string(name), !value.isEmpty else {
      throw PedigreeError.usage("query parameter '\(name)' is required")
    }
    return value
  }

  /// Every value of a repeatable parameter (`?key=a&key=b`).
  func all(_ name: String) -> [String] { parameters.filter { $0.name == name }.map(\.value) }

  /// A whole number in `range` (`limit`, `depth`), or `nil` when absent.
  func integer(_ name: String, in range: ClosedRange<Int>) throws(PedigreeError) -> Int? {
    guard let text = try string(name) else { return nil }
    guard let value = Int(text) else {
      throw PedigreeError.usage("query parameter '\(name)' must be a whole number, not '\(text.prefix(40))'")
    }
    guard range.contains(value) else {
      throw PedigreeError.usage(
        "query parameter '\(name)' is \(value), outside the limit \(range.lowerBound)…\(range.upperBound)")
    }
    return value
  }

  /// A past time (`at`, `since`, `until`), as the CLI reads one.
  func time(_ name: String, endOfDay: Bool = false, past: Bool = false) throws(PedigreeError) -> Timestamp? {
    guard let text = try string(name) else { return nil }
    let now = Timestamp.now()
    let time = try Timestamp(parsingUserTime: text, endOfDay: endOfDay, now: now)
    if past && time > now { throw PedigreeError.usage("'\(name)' is in the future: \(text.prefix(64))") }
    return time
  }
}

extension Parameters {
  /// A path parameter, validated as a name (models, datasets, aliases).
  func name(_ key: String, as what: String) throws(PedigreeError) -> String {
    let value = self.get(key) ?? ""
    try Names.validate(value, as: what)
    return value
  }
}
