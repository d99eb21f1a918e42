import HummingbirdCore
import PedigreeWeb

extension URI {
  /// The query string's fields in order, decoded as a form is (`QueryString`: `+` is a space,
  /// `%2B` a plus): `q=metrics.auc+%3E+0.9` is `metrics.auc > 0.9`.
  var formFields: [(name: String, value: String)] {
    QueryString(query ?? "").pairs.map { (name: $0.key, value: $0.value) }
  }
}
