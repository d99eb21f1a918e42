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
