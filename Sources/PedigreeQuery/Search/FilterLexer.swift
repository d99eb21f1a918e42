import PedigreeCore

/// One token of a filter or order-by expression, with where it stands in the source.
struct FilterToken: Equatable {
  enum Kind: Equatable {
    /// A bare word: a keyword (`and`, `in`, `desc`…) or a misspelt field.
    case word(String)
    /// `PREFIX.KEY`, the key bare, backticked or double-quoted.
    case field(prefix: String, key: String)
    /// A quoted string literal, escapes resolved.
    case string(String)
    case number(Double)
    /// An operator or punctuation: `= == != <> < <= > >= ( ) ,`.
    case symbol(String)
    case end
  }

  var kind: Kind
  /// Byte offsets into the source: the token is `start..<end`.
  var start: Int
  var end: Int

  /// Whether the token is the keyword `word`, in any case.
  func isKeyword(_ word: String) -> Bool {
    if case .word(let text) = kind { return text.lowercased() == word }
    return false
  }

  func isSymbol(_ symbol: String) -> Bool { kind == .symbol(symbol) }
}

/// The text being parsed, as UTF-8 bytes, with what error messages need: 1-based character
/// columns and short quotes of the source.
struct FilterSource {
  let bytes: [UInt8]

  init(_ text: String) { bytes = Array(text.utf8) }

  /// The 1-based column of a byte offset, counting characters (Unicode scalars), not bytes.
  func column(_ offset: Int) -> Int {
    bytes[..<min(offset, bytes.count)].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
  }

  /// How a token reads in an error message: `'and'`, `the end of the filter`.
  /// A string token reads as written, with its own quotes; others are put in single quotes.
  func quote(_ token: FilterToken) -> String {
    if token.kind == .end { return "the end of the input" }
    let written = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    let text = written.count > 40 ? written.prefix(40) + "…" : written
    if case .string = token.kind { return text }
    return "'" + text + "'"
  }

  /// A usage error at `offset`: "`message` at column N".
  func error(_ message: String, at offset: Int, hint: String? = nil) -> PedigreeError {
    PedigreeError(.usage, "\(message) at column \(column(offset))", hint: hint)
  }
}

/// Splits a filter into tokens on demand, so the first mistake in reading order is the one
/// reported.
///
/// Strings are in single or double quotes; inside them the quote is written twice (`'it''s'`)
/// or after a backslash (`'it\'s'`), and `\\` is one backslash. Any other backslash stands for
/// itself (`'C:\temp'`). Keys after a prefix are bare (letters, digits, `_ - . /`), or quoted
/// the same way in backticks or double quotes: ``metrics.`val/loss` ``.
struct FilterLexer {
  let source: FilterSource
  private var position = 0

  init(source: FilterSource) { self.source = source }

  private var bytes: [UInt8] { source.bytes }

  private func byte(at offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

  static func isWordStart(_ byte: UInt8) -> Bool {
    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
  }

  static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

  static func isWordByte(_ byte: UInt8) -> Bool { isWordStart(byte) || isDigit(byte) }

  mutating func next() throws(PedigreeError) -> FilterToken {
    while let byte = byte(at: position), [0x20, 0x09, 0x0A, 0x0D].contains(byte) { position += 1 }
    let start = position
    guard let first = byte(at: position) else { return FilterToken(kind: .end, start: start, end: start) }
    let kind: FilterToken.Kind
    switch first {
    case UInt8(ascii: "'"), UInt8(ascii: "\""):
      kind = .string(try quoted(what: "string"))
    case _ where FilterLexer.isWordStart(first):
      kind = try wordOrField()
    case _ where startsNumber(at: position):
      kind = .number(try number())
    default:
      kind = .symbol(try symbol())
    }
    return FilterToken(kind: kind, start: start, end: position)
  }

  /// A digit, or a sign or `.` before one (`-0.5`, `.5`, `+3`, `-.5`).
  private func startsNumber(at offset: Int) -> Bool {
    var offset = offset
    if byte(at: offset) == UInt8(ascii: "-") || byte(at: offset) == UInt8(ascii: "+") { offset += 1 }
    if byte(at: offset) == UInt8(ascii: ".") { offset += 1 }
    return byte(at: offset).map(FilterLexer.isDigit) == true
  }

  // MARK: Words and fields

  private mutating func wordOrField() throws(PedigreeError) -> FilterToken.Kind {
    let word = take(while: FilterLexer.isWordByte)
    guard byte(at: position) == UInt8(ascii: ".") else { return .word(word) }
    position += 1
    let keyStart = position
    switch byte(at: position) {
    case UInt8(ascii: "`"), UInt8(ascii: "\""):
      let key = try quoted(what: "key")
      guard !key.isEmpty else { throw source.error("empty key", at: keyStart) }
      return .field(prefix: word, key: key)
    default:
      var key = take(while: SearchField.isBareKeyByte)
      // A nested field with a quoted last key: run.metrics.`val loss`.
      if key.hasSuffix("."),
        byte(at: position) == UInt8(ascii: "`") || byte(at: position) == UInt8(ascii: "\"")
      {
        let quotedStart = position
        let last = try quoted(what: "key")
        guard !last.isEmpty else { throw source.error("empty key", at: quotedStart) }
        key += last
      }
      guard !key.isEmpty else {
        throw source.error(
          "expected a key after '\(word).'", at: keyStart,
          hint: "quote a key with other characters in backticks: \(word).`val loss`")
      }
      return .field(prefix: word, key: key)
    }
  }

  private mutating func take(while accept: (UInt8) -> Bool) -> String {
    let start = position
    while let byte = byte(at: position), accept(byte) { position += 1 }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }

  /// A quoted string or key; the opening quote is at `position`.
  private mutating func quoted(what: String) throws(PedigreeError) -> String {
    let start = position
    let quote = bytes[position]
    position += 1
    var text: [UInt8] = []
    while let byte = byte(at: position) {
      let following = self.byte(at: position + 1)
      if byte == quote && following == quote || byte == 0x5C && (following == quote || following == 0x5C) {
        text.append(following ?? byte)
        position += 2
      } else if byte == quote {
        position += 1
        return String(decoding: text, as: UTF8.self)
      } else if byte == 0 {
        // SQLite reads bound text up to its first NUL: refuse rather than search for less.
        throw source.error("NUL character in \(what)", at: position)
      } else {
        text.append(byte)
        position += 1
      }
    }
    let mark = String(decoding: [quote], as: UTF8.self)
    throw source.error(
      "unterminated \(what)", at: start,
      hint: "close it with \(mark); write \(mark)\(mark) for a \(mark) inside")
  }

  // MARK: Numbers

  /// `[+-] (digits [. digits] | . digits) [(e|E) [+-] digits]`, not followed by a letter, digit,
  /// `_` or `.`.
  private mutating func number() throws(PedigreeError) -> Double {
    let start = position
    if byte(at: position) == UInt8(ascii: "-") || byte(at: position) == UInt8(ascii: "+") { position += 1 }
    skipDigits()
    if byte(at: position) == UInt8(ascii: ".") {
      position += 1
      skipDigits()
    }
    if byte(at: position) == UInt8(ascii: "e") || byte(at: position) == UInt8(ascii: "E") {
      position += 1
      if byte(at: position) == UInt8(ascii: "-") || byte(at: position) == UInt8(ascii: "+") { position += 1 }
      guard let digit = byte(at: position), FilterLexer.isDigit(digit) else {
        throw malformedNumber(from: start)
      }
      skipDigits()
    }
    if let byte = byte(at: position), FilterLexer.isWordByte(byte) || byte == UInt8(ascii: ".") {
      throw malformedNumber(from: start)
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    guard let value = Double(text), value.isFinite else {
      throw source.error("number \(text) out of range", at: start)
    }
    return value
  }

  private mutating func skipDigits() {
    while let byte = byte(at: position), FilterLexer.isDigit(byte) { position += 1 }
  }

  private mutating func malformedNumber(from start: Int) -> PedigreeError {
    while let byte = byte(at: position), FilterLexer.isWordByte(byte) || byte == UInt8(ascii: ".") {
      position += 1
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    return source.error(
      "malformed number '\(text.prefix(40))'", at: start,
      hint: "numbers look like 3, -0.5, 1e-4; quote strings: '\(text.prefix(40))'")
  }

  // MARK: Symbols

  private static let symbols = ["==", "!=", "<>", "<=", ">=", "=", "<", ">", "(", ")", ","]

  private mutating func symbol() throws(PedigreeError) -> String {
    for symbol in FilterLexer.symbols where matches(symbol) {
      position += symbol.utf8.count
      return symbol
    }
    throw unexpectedCharacter()
  }

  private func matches(_ symbol: String) -> Bool {
    symbol.utf8.enumerated().allSatisfy { byte(at: position + $0.offset) == $0.element }
  }

  private func unexpectedCharacter() -> PedigreeError {
    var end = position + 1
    while let byte = byte(at: end), byte & 0xC0 == 0x80 { end += 1 }
    let character = String(decoding: bytes[position..<end], as: UTF8.self)
    let hint: String? =
      switch character {
      case "!": "did you mean '!='?"
      case "`": "backticks quote a key after its prefix: metrics.`val/loss`"
      case ";", "-", "/", "*": "a filter is comparisons joined by and/or, not SQL"
      default: nil
      }
    return source.error("unexpected character '\(character)'", at: position, hint: hint)
  }
}
