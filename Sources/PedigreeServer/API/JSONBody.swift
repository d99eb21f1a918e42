import Foundation
import Hummingbird
import PedigreeCore

/// A request's JSON object body, read strictly: a field outside `allowed`, of the wrong type, or
/// a body that is not one JSON object is `.invalidInput` (400) naming it. Bodies over
/// `ServerLimits.jsonBody` are 413 before they are parsed.
struct JSONBody {
  let object: JSONObject

  /// Collects (capped) and parses the body, refusing fields outside `allowed`.
  static func read(_ request: Request, context: ServerContext, allowing allowed: Set<String>) async throws
    -> JSONBody
  {
    let buffer = try await request.body.collect(upTo: context.maxUploadSize)
    return try parse(Array(buffer.readableBytesView), allowing: allowed)
  }

  static func parse(_ bytes: [UInt8], allowing allowed: Set<String>) throws(PedigreeError) -> JSONBody {
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      return JSONBody(object: JSONObject())  // no body: no fields
    }
    let value: JSONValue
    do {
      value = try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) in
        try JSONValue.parse(buffer)
      }
    } catch {
      throw PedigreeError.invalidInput("the body is not valid JSON: \(error)")
    }
    guard case .object(let object) = value else {
      throw PedigreeError.invalidInput("the body must be a JSON object, not \(value.typeName)")
    }
    if let unknown = object.keys.first(where: { !allowed.contains($0) }) {
      let suggestion = Suggestion.closest(to: unknown, among: Array(allowed))
      throw PedigreeError.invalidInput(
        "unknown field '\(unknown.prefix(80))'" + (suggestion.map { "; did you mean \($0)?" } ?? ""),
        hint: "the fields are " + allowed.sorted().joined(separator: ", "))
    }
    return JSONBody(object: object)
  }

  /// The whole body as a value (for decoders such as `RunDocument(json:)`).
  var value: JSONValue { .object(object) }

  func string(_ key: String) throws(PedigreeError) -> String? {
    switch object[key] {
    case nil, .null?: return nil
    case .string(let text)?: return text
    case let other?: throw wrongType(key, other, "a string")
    }
  }

  func requiredString(_ key: String) throws(PedigreeError) -> String {
    guard let text = try string(key) else { throw PedigreeError.invalidInput("'\(key)' is required") }
    return text
  }

  func integer(_ key: String) throws(PedigreeError) -> Int64? {
    switch object[key] {
    case nil, .null?: return nil
    case .integer(let value)?: return value
    case let other?: throw wrongType(key, other, "a whole number")
    }
  }

  func bool(_ key: String) throws(PedigreeError) -> Bool? {
    switch object[key] {
    case nil, .null?: return nil
    case .bool(let value)?: return value
    case let other?: throw wrongType(key, other, "true or false")
    }
  }

  /// A `{k: "v"}` object as key/values.
  func pairs(_ key: String) throws(PedigreeError) -> [KeyValue] {
    switch object[key] {
    case nil, .null?: return []
    case .object(let members)?:
      return try members.pairs.map { (pair) throws(PedigreeError) in
        guard case .string(let text) = pair.value else {
          throw wrongType("\(key).\(pair.key)", pair.value, "a string")
        }
        return KeyValue(pair.key, text)
      }
    case let other?: throw wrongType(key, other, "an object of strings")
    }
  }

  /// A `["a", "b"]` array.
  func strings(_ key: String) throws(PedigreeError) -> [String] {
    switch object[key] {
    case nil, .null?: return []
    case .array(let items)?:
      return try items.map { (item) throws(PedigreeError) in
        guard case .string(let text) = item else { throw wrongType(key, item, "an array of strings") }
        return text
      }
    case let other?: throw wrongType(key, other, "an array of strings")
    }
  }

  private func wrongType(_ key: String, _ value: JSONValue, _ expected: String) -> PedigreeError {
    PedigreeError.invalidInput("'\(key.prefix(80))' must be \(expected), not \(value.typeName)")
  }
}
