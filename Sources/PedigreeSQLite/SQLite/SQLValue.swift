import PedigreeCore

/// A value bound to, or read from, an SQLite statement.
public enum SQLValue: Equatable, Sendable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob([UInt8])

  /// `.text(value)` or `.null`.
  public init(_ value: String?) { self = value.map(SQLValue.text) ?? .null }
  /// `.integer(value)` or `.null`.
  public init(_ value: Int64?) { self = value.map(SQLValue.integer) ?? .null }
  /// `.integer(value)` or `.null`.
  public init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
  /// `.real(value)` or `.null`.
  public init(_ value: Double?) { self = value.map(SQLValue.real) ?? .null }
}

extension SQLValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral,
  ExpressibleByFloatLiteral, ExpressibleByNilLiteral
{
  public init(integerLiteral value: Int64) { self = .integer(value) }
  public init(stringLiteral value: String) { self = .text(value) }
  public init(floatLiteral value: Double) { self = .real(value) }
  public init(nilLiteral: ()) { self = .null }
}
