/// "Did you mean" suggestions for misspelt names.
public enum Suggestion {
  /// The closest of `candidates` to `name` (edit distance at most a third of its length), for
  /// "did you mean" hints.
  public static func closest(to name: String, among candidates: [String]) -> String? {
    let limit = max(1, name.count / 3)
    return
      candidates
      .map { ($0, editDistance(Array(name.lowercased()), Array($0.lowercased()))) }
      .filter { $0.1 <= limit && $0.0 != name }
      .min { $0.1 < $1.1 }?.0
  }

  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for (i, ca) in a.enumerated() {
      var current = [i + 1] + Array(repeating: 0, count: b.count)
      for (j, cb) in b.enumerated() {
        current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
