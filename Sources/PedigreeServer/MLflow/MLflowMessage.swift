import Foundation
import Hummingbird
import PedigreeCore

/// The fields of one MLflow request: a JSON body's object (POST, PATCH, DELETE) or the query
/// string (GET, a repeated field as a repeated key). Unknown fields are ignored, as MLflow does;
/// a field of the wrong type is 400 `INVALID_PARAMETER_VALUE`.
struct MLflowMessage: Sendable {
  private let object: JSONObject

  init(_ object: JSONObject) { self.object = object }

  /// The body as JSON (an empty body is `{}`), at most `ServerLimits.jsonBody` bytes; or, for a
  /// GET, the query string.
  static func read(_ request: Request, context: ServerContext) async throws -> MLflowMessage {
    if request.method == .get { return query(request) }
    let buffer = try await request.body.collect(upTo: context.maxUploadSize)
    let text = String(buffer: buffer)
    if text.allSatisfy(\.isWhitespace) { return MLflowMessage([:]) }
    let value: JSONValue
    do {
      value = try JSONValue.parse(text)
    } catch {
      throw MLflowError("MALFORMED_REQUEST", "the request body is not JSON: \(error)")
    }
    guard case .object(let object) = value else {
      throw MLflowError("MALFORMED_REQUEST", "the request body must be a JSON object")
    }
    return MLflowMessage(object)
  }

  /// The query string's fields (a repeated key becomes an array), decoded as a form (`+` is a
  /// space: see `URI.formFields`).
  static func query(_ request: Request) -> MLflowMessage {
    var object = JSONObject()
    for (key, text) in request.uri.formFields {
      let value = JSONValue.string(text)
      switch object[key] {
      case nil: object[key] = value
      case .array(let values)?: object[key] = .array(values + [value])
      case let first?: object[key] = .array([first, value])
      }
    }
    return MLflowMessage(object)
  }

  func has(_ key: String) -> Bool {
    if let value = object[key], value != .null { return true }
    return false
  }

  /// A string field; numbers are refused (MLflow's ids are strings).
  func string(_ key: String) throws -> String? {
    switch object[key] {
    case nil, .null?: return nil
    case .string(let text)?: return text
    case .array(let values)? where values.count == 1: return try MLflowMessage(["v": values[0]]).string("v")
    default: throw MLflowError.invalid("field '\(key)' must be a string")
    }
  }

  func required(_ key: String) throws -> String {
    guard let value = try string(key), !value.isEmpty else {
      throw MLflowError.invalid("Missing value for required parameter '\(key)'")
    }
    return value
  }

  /// A repeated string field.
  func strings(_ key: String) throws -> [String] {
    switch object[key] {
    case nil, .null?: return []
    case .string(let text)?: return [text]
    case .array(let values)?:
      return try values.map { value in
        guard case .string(let text) = value else {
          throw MLflowError.invalid("field '\(key)' must be a list of strings")
        }
        return text
      }
    default: throw MLflowError.invalid("field '\(key)' must be a list of strings")
    }
  }

  /// An int64 field: a JSON integer, an integral number or a decimal string (MLflow sends both).
  func int64(_ key: String) throws -> Int64? {
    switch object[key] {
    case nil, .null?: return nil
    case .integer(let value)?: return value
    case .number(let value)? where value.rounded() == value && abs(value) < 9.2e18: return Int64(value)
    case .string(let text)? where Int64(text) != nil: return Int64(text)
    default: throw MLflowError.invalid("field '\(key)' must be an integer")
    }
  }

  /// A metric value: a number, or the strings `NaN`, `Infinity`, `-Infinity`.
  func double(_ key: String) throws -> Double? {
    switch object[key] {
    case nil, .null?: return nil
    case .integer(let value)?: return Double(value)
    case .number(let value)?: return value
    case .string("NaN")?: return .nan
    case .string("Infinity")?: return .infinity
    case .string("-Infinity")?: return -.infinity
    case .string(let text)? where Double(text) != nil && Double(text)!.isFinite: return Double(text)
    default: throw MLflowError.invalid("field '\(key)' must be a number, 'NaN', 'Infinity' or '-Infinity'")
    }
  }

  /// A boolean: JSON `true`/`false`, or `true`/`false` in any case in a query string.
  func bool(_ key: String) throws -> Bool? {
    switch object[key] {
    case nil, .null?: return nil
    case .bool(let value)?: return value
    case .string(let text)? where ["true", "false"].contains(text.lowercased()):
      return text.lowercased() == "true"
    default: throw MLflowError.invalid("field '\(key)' must be a boolean")
    }
  }

  /// A repeated message field.
  func messages(_ key: String) throws -> [MLflowMessage] {
    switch object[key] {
    case nil, .null?: return []
    case .array(let values)?:
      return try values.map { value in
        guard case .object(let object) = value else {
          throw MLflowError.invalid("field '\(key)' must be a list of objects")
        }
        return MLflowMessage(object)
      }
    default: throw MLflowError.invalid("field '\(key)' must be a list of objects")
    }
  }

  /// A message field.
  func message(_ key: String) throws -> MLflowMessage? {
    switch object[key] {
    case nil, .null?: return nil
    case .object(let object)?: return MLflowMessage(object)
    default: throw MLflowError.invalid("field '\(key)' must be an object")
    }
  }

  /// `[{key, value}]` pairs (tags, params).
  func keyValues(_ field: String) throws -> [KeyValue] {
    try messages(field).map { pair in KeyValue(try pair.required("key"), try pair.string("value") ?? "") }
  }

  /// The run a request names: `run_id`, or the older `run_uuid`.
  func runID() throws -> String {
    guard let id = try string("run_id").flatMap({ $0.isEmpty ? nil : $0 }) ?? string("run_uuid"),
      !id.isEmpty
    else { throw MLflowError.invalid("Missing value for required parameter 'run_id'") }
    guard id.utf8.count == 32,
      id.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
    else { throw MLflowError.notFound("Run '\(id.prefix(64))' not found") }
    return id
  }
}

/// An offset paging token, base64 of `{"offset": N}` as MLflow's; empty on the last page.
enum PageToken {
  static func offset(_ token: String?) throws -> Int {
    guard let token, !token.isEmpty else { return 0 }
    guard let data = Base64.decode(token), case .object(let object)? = try? JSONValue.parse(data),
      case .integer(let offset)? = object["offset"], offset >= 0, offset < 1 << 31
    else { throw MLflowError.invalid("invalid page_token") }
    return Int(offset)
  }

  static func token(offset: Int) -> String {
    Base64.encode(Array(JSONValue.object(["offset": .integer(Int64(offset))]).serialized().utf8))
  }

  /// The page at `offset` of `limit` items of `all` (which holds one more than the page when
  /// there is a next one), and the next page's token.
  static func page<T>(_ all: [T], offset: Int, limit: Int) -> ([T], String?) {
    let page = Array(all.dropFirst(offset).prefix(limit))
    let more = all.count > offset + limit
    return (page, more ? token(offset: offset + limit) : nil)
  }
}

/// Standard base64, for page tokens.
enum Base64 {
  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  static func encode(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    for chunk in stride(from: 0, to: bytes.count, by: 3) {
      let group = Array(bytes[chunk..<min(chunk + 3, bytes.count)])
      let value = group.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
      for index in 0..<4 {
        out.append(index <= group.count ? alphabet[(value >> (18 - 6 * index)) & 63] : UInt8(ascii: "="))
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func decode(_ text: String) -> String? {
    var value = 0
    var bits = 0
    var out: [UInt8] = []
    for byte in text.utf8 where byte != UInt8(ascii: "=") {
      guard let index = alphabet.firstIndex(of: byte) else { return nil }
      value = value << 6 | index
      bits += 6
      if bits >= 8 {
        bits -= 8
        out.append(UInt8((value >> bits) & 0xFF))
      }
    }
    return String(bytes: out, encoding: .utf8)
  }
}
