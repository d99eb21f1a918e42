/// The byte-level pieces of `ChunkCodec`: zigzag varints, columns of integers (a progression or
/// per-point deltas) and values (raw, or packed differences of their bit patterns), written and read.
enum ChunkBytes {
  /// Appends a column of integers: an arithmetic progression as its first value and stride,
  /// anything else as zigzag deltas. Returns whether it was a progression.
  static func appendColumn<C: Collection<Int64>>(_ column: C, to bytes: inout [UInt8]) -> Bool {
    guard let first = column.first else { return false }
    var stride: Int64?
    var previous = first
    var isProgression = true
    for value in column.dropFirst() {
      let difference = value &- previous
      if stride == nil { stride = difference } else if stride != difference { isProgression = false }
      previous = value
    }
    if isProgression {
      appendZigzag(first, to: &bytes)
      appendZigzag(stride ?? 0, to: &bytes)
      return true
    }
    previous = 0
    for value in column {
      appendZigzag(value &- previous, to: &bytes)
      previous = value
    }
    return false
  }

  /// Appends the values' bit patterns packed when that is smaller than raw (see `ChunkCodec`),
  /// else raw. Returns whether they were packed.
  static func appendValues<C: Collection<UInt64>>(_ values: C, to bytes: inout [UInt8]) -> Bool {
    var width = 0
    var previous = values.first ?? 0
    for value in values.dropFirst() {
      width = max(width, 64 - zigzag(value &- previous).leadingZeroBitCount)
      previous = value
    }
    let count = values.count
    let packedSize = 9 + ((count - 1) * width + 7) / 8
    guard count > 1, width <= ChunkCodec.maximumPackedWidth, packedSize < 8 * count else {
      for value in values { appendWord(value, to: &bytes) }
      return false
    }
    bytes.append(UInt8(width))
    appendWord(values.first!, to: &bytes)
    var buffer: UInt64 = 0
    var buffered = 0
    previous = values.first!
    for value in values.dropFirst() {
      // `buffered` < 8 and the delta fits in `width` ≤ 56 bits: the shift keeps every bit.
      buffer |= zigzag(value &- previous) << UInt64(buffered)
      buffered += width
      while buffered >= 8 {
        bytes.append(UInt8(truncatingIfNeeded: buffer))
        buffer >>= 8
        buffered -= 8
      }
      previous = value
    }
    if buffered > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
    return true
  }

  /// The zigzag form of a wrapping difference of bit patterns: small either way round.
  @inline(__always)
  static func zigzag(_ difference: UInt64) -> UInt64 {
    let value = Int64(bitPattern: difference)
    return UInt64(bitPattern: (value << 1) ^ (value >> 63))
  }

  /// The inverse of `zigzag(_:)`, as the difference to add back (wrapping).
  @inline(__always)
  static func unzigzag(_ value: UInt64) -> UInt64 {
    UInt64(bitPattern: Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1))
  }

  static func appendZigzag(_ value: Int64, to bytes: inout [UInt8]) {
    var rest = zigzag(UInt64(bitPattern: value))
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  static func appendWord(_ value: UInt64, to bytes: inout [UInt8]) {
    var bits = value.littleEndian
    withUnsafeBytes(of: &bits) { bytes.append(contentsOf: $0) }
  }

  /// Reads a chunk's bytes front to back; every read past the end, or of a malformed field, throws.
  struct Reader {
    private let bytes: UnsafeRawBufferPointer
    private var offset: Int

    init(_ bytes: UnsafeRawBufferPointer, offset: Int) {
      self.bytes = bytes
      self.offset = offset
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() throws(ChunkDamage) -> UInt8 {
      guard offset < bytes.count else { throw ChunkDamage() }
      offset += 1
      return bytes[offset - 1]
    }

    @inline(__always)
    mutating func zigzag() throws(ChunkDamage) -> Int64 {
      var value: UInt64 = 0
      var shift: UInt64 = 0
      while offset < bytes.count {
        let byte = bytes[offset]
        offset += 1
        value |= UInt64(byte & 0x7f) << shift
        if byte < 0x80 { return Int64(bitPattern: ChunkBytes.unzigzag(value)) }
        shift += 7
        if shift > 63 { break }
      }
      throw ChunkDamage()
    }

    /// An 8-byte little-endian word.
    mutating func word() throws(ChunkDamage) -> UInt64 {
      guard offset + 8 <= bytes.count else { throw ChunkDamage() }
      var bits: UInt64 = 0
      for index in 0..<8 { bits |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
      offset += 8
      return bits
    }

    /// A column of `count` integers written by `appendColumn`.
    mutating func column(count: Int, progression: Bool) throws(ChunkDamage) -> [Int64] {
      var column: [Int64] = []
      column.reserveCapacity(count)
      if progression {
        var value = try zigzag()
        let stride = try zigzag()
        for _ in 0..<count {
          column.append(value)
          value = value &+ stride
        }
      } else {
        var value: Int64 = 0
        for _ in 0..<count {
          value = value &+ (try zigzag())
          column.append(value)
        }
      }
      return column
    }

    /// `count` bit patterns written by `appendValues`; packed ones must fill their bytes exactly,
    /// padding bits zero.
    mutating func values(count: Int, packed: Bool) throws(ChunkDamage) -> [UInt64] {
      var values: [UInt64] = []
      values.reserveCapacity(count)
      guard packed else {
        for _ in 0..<count { values.append(try word()) }
        return values
      }
      let width = Int(try byte())
      guard width <= ChunkCodec.maximumPackedWidth, count > 1 else { throw ChunkDamage() }
      var previous = try word()
      values.append(previous)
      let end = offset + ((count - 1) * width + 7) / 8
      guard end <= bytes.count else { throw ChunkDamage() }
      let mask: UInt64 = width == 64 ? ~0 : (1 << UInt64(width)) - 1
      var buffer: UInt64 = 0
      var buffered = 0
      for _ in 1..<count {
        while buffered <= 56 && offset < end {
          buffer |= UInt64(bytes[offset]) << UInt64(buffered)
          offset += 1
          buffered += 8
        }
        guard buffered >= width else { throw ChunkDamage() }
        previous = previous &+ ChunkBytes.unzigzag(buffer & mask)
        values.append(previous)
        buffer >>= UInt64(width)
        buffered -= width
      }
      guard buffer == 0 else { throw ChunkDamage() }
      return values
    }
  }
}
