import PedigreeCore

/// The names OpenLineage's identifiers get in Pedigree (OPENLINEAGE.md §4: R1, J1, D1, D2), and
/// back again for export.
public enum OpenLineageNaming {
  /// R1: a UUID runId's 128 bits as 32 lowercase hex; any other runId hashed
  /// (`sha256("openlineage-run:" + runId)`, first 32 hex). The second value says whether it was a
  /// UUID.
  public static func runID(_ runID: String) -> (id: String, isUUID: Bool) {
    let hex = runID.utf8.filter { $0 != UInt8(ascii: "-") }
    let dashes = runID.utf8.count - hex.count
    if hex.count == 32, dashes == 0 || dashes == 4, hex.allSatisfy(isHexDigit),
      dashes == 0 || dashPositionsAreUUID(Array(runID.utf8))
    {
      return (String(decoding: hex, as: UTF8.self).lowercased(), true)
    }
    return (String(Digest.sha256(Array("openlineage-run:\(runID)".utf8)).dropFirst(7).prefix(32)), false)
  }

  /// A Pedigree run id (32 hex) written as a UUID, `8-4-4-4-12`.
  public static func uuid(_ runID: String) -> String {
    let characters = Array(runID)
    guard characters.count == 32 else { return runID }
    let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32]
    return groups.map { String(characters[$0]) }.joined(separator: "-")
  }

  /// J1: the experiment of a job namespace: scheme dropped, slugged like a dataset name.
  public static func experiment(_ namespace: String) -> String {
    slug(withoutScheme(namespace), hashing: namespace, empty: "default")
  }

  /// D1: the URI of a dataset: `s3://risk-lake` + `clean/t` → `s3://risk-lake/clean/t`;
  /// `file` + `/data/x` → `file:///data/x`; `bigquery` + `p.d.t` → `bigquery:p.d.t`.
  public static func uri(namespace: String, name: String) -> String {
    if namespace.hasSuffix("://") { return namespace + name }
    if namespace.contains("://") {
      return trimmed(namespace, trailing: "/") + "/" + trimmed(name, leading: "/")
    }
    if namespace == "file" { return "file://" + (name.hasPrefix("/") ? name : "/" + name) }
    return "\(namespace):\(name)"
  }

  /// D2: the Pedigree name of a dataset: the namespace without its scheme, `/`, the name, then
  /// `/`→`.`, `:`→`-`, anything else outside `[A-Za-z0-9._-]` → `_`, runs of `.` collapsed,
  /// leading and trailing `._-` dropped. Longer than 128: 119 characters, `-` and 8 hex of the
  /// URI's SHA-256.
  public static func datasetName(namespace: String, name: String) -> String {
    slug(
      withoutScheme(namespace) + "/" + name, hashing: uri(namespace: namespace, name: name), empty: "dataset")
  }

  /// The name a dataset gets when another dataset holds its D2 name: the hashed form.
  public static func alternateDatasetName(namespace: String, name: String) -> String {
    let uri = uri(namespace: namespace, name: name)
    return hashed(slugCharacters(withoutScheme(namespace) + "/" + name, empty: "dataset"), uri: uri)
  }

  /// The export side of D1: a URI split into an OpenLineage namespace and name
  /// (`s3://b/k` → `s3://b` + `k`; `file:///p` → `file` + `/p`).
  public static func split(uri: String) -> (namespace: String, name: String)? {
    if uri.hasPrefix("file://") { return ("file", String(uri.dropFirst(7))) }
    guard let scheme = uri.firstRange(of: "://") else { return nil }
    let rest = uri[scheme.upperBound...]
    guard let slash = rest.firstIndex(of: "/") else { return (uri, "/") }
    let name = rest[rest.index(after: slash)...]
    return (String(uri[..<slash]), name.isEmpty ? "/" : String(name))
  }

  // MARK: Slugs

  static func withoutScheme(_ text: String) -> String {
    guard let range = text.firstRange(of: "://") else { return text }
    return String(text[range.upperBound...])
  }

  static func slug(_ text: String, hashing uri: String, empty: String) -> String {
    let slug = slugCharacters(text, empty: empty)
    return slug.utf8.count > Names.maximumLength ? hashed(slug, uri: uri) : slug
  }

  static func hashed(_ slug: String, uri: String) -> String {
    let head = trimmedPunctuation(String(slug.prefix(119)))
    return head + "-" + String(Digest.sha256(Array(uri.utf8)).dropFirst(7).prefix(8))
  }

  static func slugCharacters(_ text: String, empty: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      let next: Character
      switch scalar {
      case "/": next = "."
      case ":": next = "-"
      case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-": next = Character(scalar)
      default: next = "_"
      }
      if next == ".", out.last == "." { continue }
      out.append(next)
    }
    let result = trimmedPunctuation(out)
    return result.isEmpty ? empty : result
  }

  static func trimmedPunctuation(_ text: String) -> String {
    let punctuation: Set<Character> = [".", "_", "-"]
    var slice = Substring(text)
    while let first = slice.first, punctuation.contains(first) { slice = slice.dropFirst() }
    while let last = slice.last, punctuation.contains(last) { slice = slice.dropLast() }
    return String(slice)
  }

  static func trimmed(_ text: String, leading: Character? = nil, trailing: Character? = nil) -> String {
    var slice = Substring(text)
    if let leading { while slice.first == leading { slice = slice.dropFirst() } }
    if let trailing { while slice.last == trailing { slice = slice.dropLast() } }
    return String(slice)
  }

  private static func isHexDigit(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
  }

  private static func dashPositionsAreUUID(_ bytes: [UInt8]) -> Bool {
    bytes.count == 36 && [8, 13, 18, 23].allSatisfy { bytes[$0] == UInt8(ascii: "-") }
  }
}
