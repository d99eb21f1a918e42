/// The naming rules of PRODUCT.md ("References"), in one place.
public enum Names {
  /// The longest name Pedigree accepts.
  public static let maximumLength = 128

  /// Validates a dataset, model, experiment, alias or tag-key name: letters, digits, `.`, `_`,
  /// `-`, starting with a letter or digit, at most 128 characters.
  public static func validate(_ name: String, as what: String) throws(PedigreeError) {
    if let problem = problem(with: name) {
      throw PedigreeError.usage(
        "invalid \(what) name '\(name.prefix(140))': \(problem)",
        hint: "names use letters, digits, '.', '_' and '-', start with a letter or digit, "
          + "and have at most \(maximumLength) characters")
    }
  }

  /// Validates an alias name: a name that is not all digits (so `NAME@3` is always a version).
  public static func validateAlias(_ alias: String) throws(PedigreeError) {
    try validate(alias, as: "alias")
    if alias.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
      throw PedigreeError.usage(
        "invalid alias '\(alias)': an alias cannot be all digits",
        hint: "NAME@\(alias) means version \(alias); pick a word such as production")
    }
  }

  static func problem(with name: String) -> String? {
    let utf8 = name.utf8
    guard let first = utf8.first else { return "it is empty" }
    if utf8.count > maximumLength { return "longer than \(maximumLength) characters" }
    guard isAlphanumeric(first) else { return "it must start with a letter or digit" }
    if let bad = utf8.first(where: { !isAlphanumeric($0) && !"._-".utf8.contains($0) }) {
      return bad < 0x80
        ? "'\(Character(UnicodeScalar(bad)))' is not allowed" : "only ASCII characters are allowed"
    }
    return nil
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }
}

/// Limits and checks for the free-form values Pedigree stores.
public enum Limits {
  /// Param, metric and tag keys: at most this many characters.
  public static let keyLength = 250
  /// Param values (MLflow's limit).
  public static let paramValueLength = 6000
  /// Tag values, URIs, descriptions, reasons, run names.
  public static let textLength = 8192
  /// Sizes and row counts above this are refused as absurd (2^53, exact in a double).
  public static let maximumCount: Int64 = 1 << 53

  /// Validates a param, metric or tag key: letters, digits and `_ - . / : space`, at most 250.
  public static func validateKey(_ key: String, as what: String) throws(PedigreeError) {
    let utf8 = key.utf8
    let allowed = utf8.allSatisfy { byte in
      (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        || "_-./: ".utf8.contains(byte)
    }
    guard !utf8.isEmpty, utf8.count <= keyLength, allowed, key.first != " ", key.last != " " else {
      throw PedigreeError.usage(
        "invalid \(what) key '\(key.prefix(80))'",
        hint: "keys use letters, digits, '_', '-', '.', '/', ':' and inner spaces, "
          + "at most \(keyLength) characters")
    }
  }

  /// Validates free text: no longer than `maximum` characters and no control characters other
  /// than tab and newline.
  public static func validateText(
    _ text: String, as what: String, maximum: Int = textLength, allowEmpty: Bool = false
  ) throws(PedigreeError) {
    if !allowEmpty && text.isEmpty { throw PedigreeError.usage("\(what) must not be empty") }
    if text.utf8.count > maximum {
      throw PedigreeError.usage("\(what) is too long (\(text.utf8.count) bytes; at most \(maximum))")
    }
    if text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || $0.value == 0x7f }
    ) {
      throw PedigreeError.usage("\(what) contains a control character")
    }
  }

  /// Validates a size or count: zero or more, at most 2^53.
  public static func validateCount(_ value: Int64, as what: String) throws(PedigreeError) {
    guard value >= 0, value <= maximumCount else {
      throw PedigreeError.usage("\(what) \(value) is out of range (0 … 2^53)")
    }
  }
}
