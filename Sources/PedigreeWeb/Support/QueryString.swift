import PedigreeCore

/// A URL query (`a=1&b=two+words`), decoded: `+` is a space, `%XX` a byte (invalid UTF-8
/// becomes U+FFFD). Keys may repeat (`overlay=a&overlay=b`). The server reads every query string
/// with it (browsers' forms and Python's `requests` send spaces as `+`).
public struct QueryString: Sendable {
  /// The fields in order.
  public let pairs: [(key: String, value: String)]

  /// The longest value a page reads: filters, refs and times are short; anything longer is
  /// refused (400) rather than parsed.
  static let maximumValueLength = 4096

  /// Decodes a raw query string (without the `?`).
  public init(_ raw: String) {
    pairs = raw.split(separator: "&", omittingEmptySubsequences: true).map { pair in
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let key = QueryString.decode(String(parts[0]), plusIsSpace: true)
      let value = parts.count > 1 ? QueryString.decode(String(parts[1]), plusIsSpace: true) : ""
      return (key, value)
    }
  }

  /// The first non-empty value of `key`; `nil` when absent or empty.
  ///
  /// - Throws: `.usage` when it is longer than `maximumValueLength`.
  func value(_ key: String) throws(PedigreeError) -> String? {
    guard let value = pairs.first(where: { $0.key == key && !$0.value.isEmpty })?.value else { return nil }
    guard value.count <= QueryString.maximumValueLength else {
      throw PedigreeError.usage(
        "\(key) is \(value.count) characters long: at most \(QueryString.maximumValueLength) are read")
    }
    return value
  }

  /// Every non-empty value of `key`, in order; a value may also list several, comma-separated.
  func values(_ key: String) throws(PedigreeError) -> [String] {
    var found: [String] = []
    for pair in pairs where pair.key == key {
      guard pair.value.count <= QueryString.maximumValueLength else {
        throw PedigreeError.usage("\(key) is too long: at most \(QueryString.maximumValueLength) characters")
      }
      found += pair.value.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }
    return found
  }

  /// An integer parameter within `range`; `nil` when absent.
  func integer(_ key: String, in range: ClosedRange<Int>) throws(PedigreeError) -> Int? {
    guard let text = try value(key) else { return nil }
    guard let number = Int(text), range.contains(number) else {
      throw PedigreeError.usage(
        "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(truncated(text, 40))'"
      )
    }
    return number
  }

  /// Whether `key` is set to `1`, `true` or `yes`.
  func flag(_ key: String) -> Bool {
    pairs.contains { $0.key == key && ["1", "true", "yes", "on"].contains($0.value.lowercased()) }
  }

  /// Percent-decodes a URL component.
  static func decode(_ text: String, plusIsSpace: Bool = false) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var iterator = Array(text.utf8)[...]
    while let byte = iterator.popFirst() {
      if byte == UInt8(ascii: "+") && plusIsSpace {
        bytes.append(UInt8(ascii: " "))
      } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
        let high = hex(iterator[iterator.startIndex]), let low = hex(iterator[iterator.startIndex + 1])
      {
        bytes.append(high << 4 | low)
        iterator = iterator.dropFirst(2)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func hex(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  /// Percent-encodes a query value or path segment: everything but unreserved characters.
  static func encode(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"), UInt8(ascii: ":"), UInt8(ascii: "@"):
        out.append(Character(Unicode.Scalar(byte)))
      default:
        let digits = Array("0123456789ABCDEF")
        out += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
      }
    }
    return out
  }
}

extension String {
  var trimmingSpaces: String {
    var text = Substring(self)
    while text.first == " " { text.removeFirst() }
    while text.last == " " { text.removeLast() }
    return String(text)
  }
}

/// The URLs pages link to, built in one place so every link is encoded the same way.
enum Link {
  /// `/path?k=v&…` with each value encoded; empty values are left out.
  static func to(_ path: String, _ query: [(String, String?)] = []) -> String {
    let parts = query.compactMap { key, value in
      value.flatMap { $0.isEmpty ? nil : "\(key)=\(QueryString.encode($0))" }
    }
    return parts.isEmpty ? path : path + "?" + parts.joined(separator: "&")
  }

  static func model(_ name: String) -> String { "/models/" + QueryString.encode(name) }
  static func version(_ name: String, _ version: Int) -> String { model(name) + "/versions/\(version)" }
  static func run(_ id: String) -> String { "/runs/" + QueryString.encode(id) }
  static func dataset(_ name: String, _ version: Int) -> String {
    "/datasets/" + QueryString.encode(name) + "/\(version)"
  }
  static func lineage(_ typedRef: String, direction: String? = nil, depth: Int? = nil) -> String {
    to("/lineage", [("ref", typedRef), ("direction", direction), ("depth", depth.map(String.init))])
  }

  /// The page of a lineage node: a version's, a run's, a dataset version's; artifacts have none
  /// of their own, so they open the explorer.
  static func node(_ node: LineageNode) -> String {
    switch node.ref.kind {
    case .modelVersion: version(node.entityName ?? "", node.version ?? 0)
    case .datasetVersion: dataset(node.entityName ?? "", node.version ?? 0)
    case .run: run(node.ref.name)
    case .artifact: lineage(node.ref.typedRef)
    }
  }

  /// The JSON twin of a page: the same path under `/api/v1`.
  static func api(_ pagePath: String) -> String { "/api/v1" + (pagePath == "/" ? "" : pagePath) }
}
