import Foundation
import HummingbirdCore

extension URI {
  /// The query string's fields in order, decoded as a form is: `+` is a space, then the percent
  /// escapes (`%2B` is a plus). Browsers' GET forms and Python's `requests` (MLflow's client)
  /// send spaces as `+`: `q=metrics.auc+%3E+0.9` is `metrics.auc > 0.9`.
  var formFields: [(name: String, value: String)] {
    (query ?? "").split(separator: "&").map { field in
      let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      return (URI.formDecoded(parts[0]), parts.count > 1 ? URI.formDecoded(parts[1]) : "")
    }
  }

  private static func formDecoded(_ text: Substring) -> String {
    let spaced = text.replacingOccurrences(of: "+", with: " ")
    return spaced.removingPercentEncoding ?? spaced
  }
}
