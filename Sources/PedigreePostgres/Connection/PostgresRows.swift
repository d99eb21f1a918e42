import CLibPQ
import PedigreeCore

/// The rows a statement returned, in PostgreSQL's text format, read in place from libpq's result
/// (released with the value). `rows[i]` is one row; `count` how many; `affected` how many rows
/// an INSERT, UPDATE or DELETE touched.
public final class PostgresRows: RandomAccessCollection {
  private let result: OpaquePointer

  init(result: OpaquePointer) { self.result = result }
  deinit { pedigree_pq_clear(result) }

  public var startIndex: Int { 0 }
  public var endIndex: Int { Int(pedigree_pq_ntuples(result)) }
  public subscript(position: Int) -> PostgresRow { PostgresRow(rows: self, index: Int32(position)) }

  /// The number of columns.
  public var columnCount: Int { Int(pedigree_pq_nfields(result)) }

  /// The rows an INSERT, UPDATE, DELETE (or SELECT) processed, from the command tag.
  public var affected: Int { Int(String(cString: pedigree_pq_cmd_tuples(result))) ?? 0 }

  /// The type object id of column `column` (`int8` 20, `float8` 701, `text` 25, `bytea` 17…).
  public func type(ofColumn column: Int) -> UInt32 { pedigree_pq_ftype(result, Int32(column)) }

  /// Whether the value at `row`, `column` is NULL.
  public func isNull(row: Int32, column: Int32) -> Bool {
    pedigree_pq_getisnull(result, row, column) != 0
  }

  /// Calls `body` with the text-format bytes of the value at `row`, `column` (empty for NULL),
  /// valid only during the call: a read without a copy.
  public func withBytes<T>(row: Int32, column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows
    -> T
  {
    let length = Int(pedigree_pq_getlength(result, row, column))
    let start = UnsafeRawPointer(pedigree_pq_getvalue(result, row, column))
    return try body(UnsafeRawBufferPointer(start: length > 0 ? start : nil, count: length))
  }

  fileprivate func text(_ row: Int32, _ column: Int) -> String? {
    if pedigree_pq_getisnull(result, row, Int32(column)) != 0 { return nil }
    return String(cString: pedigree_pq_getvalue(result, row, Int32(column)))
  }

  fileprivate func bytes(_ row: Int32, _ column: Int) -> (UnsafePointer<CChar>, Int)? {
    if pedigree_pq_getisnull(result, row, Int32(column)) != 0 { return nil }
    let length = Int(pedigree_pq_getlength(result, row, Int32(column)))
    return (UnsafePointer(pedigree_pq_getvalue(result, row, Int32(column))), length)
  }
}

/// One row of `PostgresRows`. The accessors parse PostgreSQL's text format exactly and fail
/// with `.io` on a value of another shape (a schema this binary does not expect).
public struct PostgresRow {
  fileprivate let rows: PostgresRows
  fileprivate let index: Int32

  /// Whether the column is NULL.
  public func isNull(_ column: Int) -> Bool { rows.text(index, column) == nil }

  /// The column as text (NULL fails).
  public func string(_ column: Int) throws(PedigreeError) -> String {
    guard let text = rows.text(index, column) else { throw unexpected(column, "NULL") }
    return text
  }

  /// The column as text, or `nil` for NULL.
  public func optionalString(_ column: Int) -> String? { rows.text(index, column) }

  /// An integer column (`int2`, `int4`, `int8`, or a count).
  public func int64(_ column: Int) throws(PedigreeError) -> Int64 {
    let text = try string(column)
    guard let value = Int64(text) else { throw unexpected(column, text) }
    return value
  }

  /// An integer column, or `nil` for NULL.
  public func optionalInt64(_ column: Int) throws(PedigreeError) -> Int64? {
    isNull(column) ? nil : try int64(column)
  }

  /// An integer column as `Int`.
  public func int(_ column: Int) throws(PedigreeError) -> Int { Int(try int64(column)) }

  /// A `double precision` column, exactly: PostgreSQL prints the shortest text that reads back
  /// to the same bits, and `NaN`, `Infinity`, `-Infinity` as words.
  public func double(_ column: Int) throws(PedigreeError) -> Double {
    let text = try string(column)
    switch text {
    case "NaN": return .nan
    case "Infinity": return .infinity
    case "-Infinity": return -.infinity
    default:
      guard let value = Double(text) else { throw unexpected(column, text) }
      return value
    }
  }

  /// A `double precision` column, or `nil` for NULL.
  public func optionalDouble(_ column: Int) throws(PedigreeError) -> Double? {
    isNull(column) ? nil : try double(column)
  }

  /// A `boolean` column (`t` or `f`).
  public func bool(_ column: Int) throws(PedigreeError) -> Bool {
    switch try string(column) {
    case "t": return true
    case "f": return false
    case let text: throw unexpected(column, text)
    }
  }

  /// A `bytea` column: PostgreSQL's hex output (`\x0a1b…`) decoded.
  public func blob(_ column: Int) throws(PedigreeError) -> [UInt8] {
    guard let (pointer, length) = rows.bytes(index, column) else { throw unexpected(column, "NULL") }
    guard let bytes = PostgresRow.decodeBytea(UnsafeRawBufferPointer(start: pointer, count: length)) else {
      throw unexpected(column, "a bytea not in hex format")
    }
    return bytes
  }

  /// A `bytea` value in PostgreSQL's hex output format (`\x0a1b…`) decoded, or `nil` when the
  /// text is not in that format.
  public static func decodeBytea(_ text: UnsafeRawBufferPointer) -> [UInt8]? {
    let length = text.count
    guard length >= 2, length % 2 == 0, text[0] == UInt8(ascii: "\\"), text[1] == UInt8(ascii: "x")
    else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity((length - 2) / 2)
    var position = 2
    while position < length {
      guard let high = hexDigit(text[position]), let low = hexDigit(text[position + 1]) else { return nil }
      bytes.append(high << 4 | low)
      position += 2
    }
    return bytes
  }

  private static func hexDigit(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }

  private func unexpected(_ column: Int, _ found: String) -> PedigreeError {
    PedigreeError(.io, "unexpected value in result column \(column + 1): \(found.prefix(40))")
  }
}
