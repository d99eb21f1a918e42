/// A result with a stable JSON form (`--json`): snake_case keys, times as ISO 8601 strings in UTC,
/// metric values through `JSONValue.metric` (NaN and ±Infinity as strings).
public protocol JSONConvertible {
  /// The value as JSON.
  var json: JSONValue { get }
}

extension Array where Element: JSONConvertible {
  /// The elements' JSON forms as an array.
  public var json: JSONValue { .array(map(\.json)) }
}

extension JSONValue {
  /// A time as an ISO 8601 string, or `null`.
  public static func time(_ value: Timestamp?) -> JSONValue {
    value.map { .string($0.iso8601Milliseconds) } ?? .null
  }

  /// An `Int` as an integer.
  public static func int(_ value: Int) -> JSONValue { .integer(Int64(value)) }

  /// An optional `Int` as an integer or `null`.
  public static func int(_ value: Int?) -> JSONValue { value.map { .integer(Int64($0)) } ?? .null }

  /// A metric value, or `null` when there is none.
  public static func metric(_ value: Double?) -> JSONValue { value.map(JSONValue.metric) ?? .null }

  /// An array of strings.
  public static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

  /// Key/value pairs (params, tags) as an object, in the given order.
  public static func pairs(_ values: [(key: String, value: String)]) -> JSONValue {
    .object(JSONObject(values.map { (key: $0.key, value: JSONValue.string($0.value)) }))
  }
}
