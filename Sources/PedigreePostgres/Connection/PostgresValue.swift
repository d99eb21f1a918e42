/// A parameter of a PostgreSQL statement, or a value read from a result: the same five kinds
/// as the SQLite backend's `SQLValue`, so a query ports by changing `?` into `$1`.
public enum PostgresValue: Equatable, Sendable {
  case null
  /// Sent as `int8`.
  case integer(Int64)
  /// Sent as `float8`, in binary: every bit pattern (NaN, ±Infinity, -0.0, subnormals) arrives.
  case real(Double)
  /// Sent as `text`.
  case text(String)
  /// Sent as `bytea`, in binary.
  case blob([UInt8])

  /// `.text(value)` or `.null`.
  public init(_ value: String?) { self = value.map(PostgresValue.text) ?? .null }
  /// `.integer(value)` or `.null`.
  public init(_ value: Int64?) { self = value.map(PostgresValue.integer) ?? .null }
  /// `.integer(value)` or `.null`.
  public init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
  /// `.real(value)` or `.null`.
  public init(_ value: Double?) { self = value.map(PostgresValue.real) ?? .null }
}

extension PostgresValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral,
  ExpressibleByFloatLiteral, ExpressibleByNilLiteral
{
  public init(integerLiteral value: Int64) { self = .integer(value) }
  public init(stringLiteral value: String) { self = .text(value) }
  public init(floatLiteral value: Double) { self = .real(value) }
  public init(nilLiteral: ()) { self = .null }
}

/// Type object ids of the parameters Pedigree sends (pg_type.oid; fixed since PostgreSQL 7).
enum PostgresType {
  static let bytea: UInt32 = 17
  static let int8: UInt32 = 20
  static let text: UInt32 = 25
  static let float8: UInt32 = 701
}

extension PostgresValue {
  /// The parameter as libpq takes it: type, bytes, and whether they are binary (1) or text (0).
  /// Integers and text travel as text; doubles as their IEEE 754 bits, big-endian; blobs raw.
  var wire: (type: UInt32, bytes: [UInt8]?, format: Int32) {
    switch self {
    case .null: return (0, nil, 0)
    case .integer(let value): return (PostgresType.int8, Array(String(value).utf8), 0)
    case .real(let value):
      let bits = value.bitPattern.bigEndian
      return (PostgresType.float8, withUnsafeBytes(of: bits) { Array($0) }, 1)
    case .text(let value): return (PostgresType.text, Array(value.utf8), 0)
    case .blob(let bytes): return (PostgresType.bytea, bytes, 1)
    }
  }
}
