/// How MLflow's names become Pedigree names on import. MLflow allows spaces, slashes and any
/// unicode in experiment, model and dataset names; Pedigree's names are letters, digits, `.`,
/// `_` and `-`, starting with a letter or digit, at most 128 characters.
///
/// A name Pedigree accepts is kept. Any other is mapped: each run of other characters becomes one
/// `-`, leading and trailing `-`, `.` and `_` are dropped, and the result is cut at 128
/// characters (`fraud detection` → `fraud-detection`, `/Users/ana/churn` → `Users-ana-churn`).
/// The mapping is recorded where the name lands (a tag holding the original), so it is lossless
/// and can be reversed. Two MLflow names that would land on one Pedigree name are not merged:
/// every name involved but the one kept as it is (or, when none is, all of them) is refused, with
/// its MLflow id and the clash.
public struct MLflowNames: Sendable {
  /// The tag holding the MLflow name of an experiment whose Pedigree name is mapped (on the
  /// experiment, and on each imported run): the name MLflow's API answers with.
  public static let experimentNameTag = "mlflow.experimentName"

  /// A mapping of one kind of name (experiments, models, datasets).
  private var mapped: [String: Result<String, PedigreeError>] = [:]

  /// Plans the mapping of all the names of one kind at once, so clashes are found whatever the
  /// order they are met in.
  public init(_ names: some Sequence<String>, kind: String) {
    var landing: [String: [String]] = [:]
    let unique = Set(names)
    for name in unique { landing[Self.pedigreeName(name), default: []].append(name) }
    for (target, originals) in landing {
      for original in originals {
        if target.isEmpty {
          mapped[original] = .failure(
            PedigreeError.usage(
              "MLflow \(kind) name '\(original.prefix(80))' has no letter or digit to keep",
              hint: "rename it in MLflow"))
        } else if original == target || originals.count == 1 {
          mapped[original] = .success(target)
        } else if originals.contains(target) {
          mapped[original] = .failure(Self.clash(original, target, kind: kind, with: [target]))
        } else {
          mapped[original] = .failure(
            Self.clash(original, target, kind: kind, with: originals.filter { $0 != original }.sorted()))
        }
      }
    }
  }

  /// The Pedigree name for `original`, or the reason it cannot have one.
  public func name(for original: String) -> Result<String, PedigreeError> {
    mapped[original] ?? .success(Self.pedigreeName(original))
  }

  /// Whether `original` lands on a different Pedigree name (and the original must be recorded).
  public func isMapped(_ original: String) -> Bool {
    if case .success(let name) = name(for: original) { return name != original }
    return false
  }

  /// `original` under Pedigree's name rules (empty when nothing of it can be kept).
  public static func pedigreeName(_ original: String) -> String {
    if Names.problem(with: original) == nil { return original }
    var out = ""
    var pendingDash = false
    for scalar in original.unicodeScalars {
      let kept =
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        || scalar == "." || scalar == "_" || scalar == "-"
      if kept {
        if pendingDash && !out.isEmpty { out.append("-") }
        pendingDash = false
        out.unicodeScalars.append(scalar)
      } else {
        pendingDash = true
      }
    }
    while let first = out.unicodeScalars.first, !Self.isAlphanumeric(first) { out.removeFirst() }
    if out.count > Names.maximumLength { out = String(out.prefix(Names.maximumLength)) }
    while let last = out.unicodeScalars.last, last == "-" || last == "." || last == "_" { out.removeLast() }
    return out
  }

  private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
  }

  private static func clash(_ original: String, _ target: String, kind: String, with others: [String])
    -> PedigreeError
  {
    PedigreeError.usage(
      "MLflow \(kind) name '\(original.prefix(80))' breaks Pedigree's name rules and would become '\(target)', "
        + "which MLflow's \(others.map { "'\($0.prefix(80))'" }.joined(separator: ", ")) also becomes",
      hint: "rename one of them in MLflow")
  }
}
