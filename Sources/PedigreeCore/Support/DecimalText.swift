extension Array where Element == UInt8 {
  /// Appends `value` in decimal ASCII, zero-padded to at least `width` digits (after a `-` for a
  /// negative value), without building a `String`: for writers that print millions of numbers.
  public mutating func appendDecimal(_ value: Int64, width: Int = 1) {
    if value < 0 { append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits = 1
    var divisor: UInt64 = 1
    while magnitude / divisor >= 10 {
      divisor *= 10
      digits += 1
    }
    if width > digits { append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits)) }
    repeat {
      append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
      magnitude %= divisor
      divisor /= 10
    } while divisor > 0
  }
}
