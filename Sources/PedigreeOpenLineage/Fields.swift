import PedigreeCore

/// A JSON object of an event with its path, so every refusal names where it is
/// (`inputs[2].namespace: required`).
struct Fields {
  let object: JSONObject
  let path: String

  init(_ object: JSONObject, path: String) {
    self.object = object
    self.path = path
  }

  func at(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  subscript(key: String) -> JSONValue? { object[key] }

  /// A required, non-empty string.
  func string(_ key: String) throws(OpenLineageError) -> String {
    guard let value = try optionalString(key) else { throw OpenLineageError.invalid(at(key), "required") }
    guard !value.isEmpty else { throw OpenLineageError.invalid(at(key), "must not be empty") }
    return value
  }

  /// A string, or `nil` when absent or null.
  func optionalString(_ key: String) throws(OpenLineageError) -> String? {
    switch object[key] {
    case nil, .null?: return nil
    case .string(let value)?: return value
    case let other?: throw OpenLineageError.invalid(at(key), "expected a string, got \(other.typeName)")
    }
  }

  /// A required object.
  func object(_ key: String) throws(OpenLineageError) -> Fields {
    switch object[key] {
    case .object(let value)?: return Fields(value, path: at(key))
    case nil, .null?: throw OpenLineageError.invalid(at(key), "required")
    case let other?: throw OpenLineageError.invalid(at(key), "expected an object, got \(other.typeName)")
    }
  }

  /// An optional array of objects (absent or null: none).
  func objects(_ key: String) throws(OpenLineageError) -> [Fields] {
    switch object[key] {
    case nil, .null?: return []
    case .array(let elements)?:
      var result: [Fields] = []
      for (index, element) in elements.enumerated() {
        guard case .object(let value) = element else {
          throw OpenLineageError.invalid(
            "\(at(key))[\(index)]", "expected an object, got \(element.typeName)")
        }
        result.append(Fields(value, path: "\(at(key))[\(index)]"))
      }
      return result
    case let other?: throw OpenLineageError.invalid(at(key), "expected an array, got \(other.typeName)")
    }
  }

  /// A facets object by facet name (absent or null: none), without facets marked `_deleted`.
  /// A facet that is not an object is ignored: facets are never a reason to refuse an event.
  func facets(_ key: String = "facets") throws(OpenLineageError) -> [String: JSONValue] {
    switch object[key] {
    case nil, .null?: return [:]
    case .object(let facets)?:
      var result: [String: JSONValue] = [:]
      for (name, facet) in facets.pairs {
        guard case .object = facet else { continue }
        if case .bool(true) = facet["_deleted"] { continue }
        result[name] = facet
      }
      return result
    case let other?: throw OpenLineageError.invalid(at(key), "expected an object, got \(other.typeName)")
    }
  }

  /// A required date-time with a time of day; no offset means UTC.
  func time(_ key: String) throws(OpenLineageError) -> Timestamp {
    let text = try string(key)
    guard text.utf8.count > 10, let time = try? Timestamp(parsing: text) else {
      throw OpenLineageError.invalid(
        at(key), "'\(text.prefix(40))' is not an ISO 8601 date-time (e.g. 2026-11-28T02:00:00.000Z)")
    }
    return time
  }
}

/// Free text made storable: control characters replaced, cut at a UTF-8 boundary, keys limited
/// to the characters Pedigree's keys allow.
enum Text {
  static func cut(_ text: String, to bytes: Int) -> String {
    guard text.utf8.count > bytes else { return text }
    var result = ""
    var count = 0
    for character in text {
      let size = character.utf8.count
      if count + size > bytes { break }
      result.append(character)
      count += size
    }
    return result
  }

  static func clean(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? " " : $0 }))
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || scalar.value == 0x7f
  }

  /// A param, tag or metric key: characters outside `[A-Za-z0-9_-./: ]` become `_`, at most
  /// 250, no spaces at the ends.
  static func key(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "a"..."z", "A"..."Z", "0"..."9", "_", "-", ".", "/", ":", " ": out.unicodeScalars.append(scalar)
      default: out.append("_")
      }
    }
    out = String(out.prefix(Limits.keyLength))
    while out.hasPrefix(" ") { out.removeFirst() }
    while out.hasSuffix(" ") { out.removeLast() }
    return out.isEmpty ? "_" : out
  }

  /// Any JSON value as a string: strings as they are, numbers as written, the rest as JSON.
  static func stringify(_ value: JSONValue) -> String {
    switch value {
    case .string(let text): text
    case .null: ""
    default: value.serialized()
    }
  }
}
