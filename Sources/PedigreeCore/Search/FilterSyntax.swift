/// What a filter or an order term refers to: a metric's latest value, a param, a tag, or a column
/// of the run itself.
package enum SearchField: Hashable, Sendable {
  case metric(String)
  case param(String)
  case tag(String)
  case attribute(RunAttribute)

  /// How values of the field compare.
  package var valueType: SearchValueType {
    switch self {
    case .metric: .number
    case .param, .tag: .text
    case .attribute(let attribute): attribute.valueType
    }
  }

  /// The field as a user writes it: `metrics.auc`, ``params.`a b` ``, `attributes.status`.
  package var description: String {
    switch self {
    case .metric(let key): "metrics." + SearchField.quotedKey(key)
    case .param(let key): "params." + SearchField.quotedKey(key)
    case .tag(let key): "tags." + SearchField.quotedKey(key)
    case .attribute(let attribute): "attributes." + attribute.rawValue
    }
  }

  /// Bytes a key may hold without quotes: letters, digits, `_`, `-`, `.`, `/`, and any
  /// non-ASCII character (`tags.équipe`).
  package static func isBareKeyByte(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F, 0x2D, 0x2E, 0x2F, 0x80...: true
    default: false
    }
  }

  /// A key as written in a filter: bare when every character may stand bare, else backticked.
  package static func quotedKey(_ key: String) -> String {
    let bare = !key.isEmpty && key.utf8.allSatisfy(SearchField.isBareKeyByte)
    return bare ? key : "`" + key.replacingAll("`", with: "``") + "`"
  }
}

/// The type a field's values have, which decides the operators and literals it accepts.
package enum SearchValueType: Sendable {
  /// Metrics: numbers, compared numerically.
  case number
  /// Params, tags, names: strings, compared as strings (as MLflow compares params).
  case text
  /// Start and end times: ISO 8601 strings or integer milliseconds.
  case time
  /// The run status: one of `running`, `finished`, `failed`, `killed`, any case.
  case status

  package var name: String {
    switch self {
    case .number: "a number"
    case .text: "a string"
    case .time: "a time"
    case .status: "a status"
    }
  }
}

/// A column of `runs` (or the experiment's name) that a filter may name as `attributes.NAME`.
package enum RunAttribute: String, CaseIterable, Sendable {
  case status
  case runID = "run_id"
  case runName = "run_name"
  case experiment
  case actor
  case startTime = "start_time"
  case endTime = "end_time"
  case gitCommit = "git_commit"
  case gitRepo = "git_repo"
  case entryPoint = "entry_point"

  /// The other names an attribute answers to (MLflow's among them).
  package static let synonyms: [String: RunAttribute] = [
    "id": .runID, "name": .runName, "user": .actor, "user_id": .actor,
    "experiment_name": .experiment, "started_at": .startTime, "ended_at": .endTime,
  ]

  /// Resolves a name, ignoring case.
  package init?(named name: String) {
    let lowered = name.lowercased()
    guard let attribute = RunAttribute(rawValue: lowered) ?? RunAttribute.synonyms[lowered] else {
      return nil
    }
    self = attribute
  }

  package var valueType: SearchValueType {
    switch self {
    case .status: .status
    case .startTime, .endTime: .time
    default: .text
    }
  }

  package static let statuses = ["running", "finished", "failed", "killed"]
}

/// A comparison operator.
package enum FilterOperator: String, Sendable, CaseIterable {
  case equal = "="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case like = "LIKE"
  case notLike = "NOT LIKE"
  case ilike = "ILIKE"
  case notIlike = "NOT ILIKE"
  case `in` = "IN"
  case notIn = "NOT IN"
  case isNull = "IS NULL"
  case isNotNull = "IS NOT NULL"

  package var isOrdering: Bool { [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(self) }
  package var isPattern: Bool { [.like, .notLike, .ilike, .notIlike].contains(self) }
  package var isList: Bool { self == .in || self == .notIn }
  package var isNullTest: Bool { self == .isNull || self == .isNotNull }
}

/// A literal after the parser checked and normalised it for its field.
package enum FilterValue: Equatable, Sendable {
  case text(String)
  case number(Double)
  /// Milliseconds since the epoch, UTC (from an ISO 8601 string or an integer).
  case time(Int64)

  /// The literal as a filter would write it.
  package var description: String {
    switch self {
    case .text(let text): "'" + text.replacingAll("'", with: "''") + "'"
    case .number(let number):
      number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
    case .time(let milliseconds): FilterValue.describe(time: milliseconds)
    }
  }

  /// ISO 8601 when it reads back exactly (years 0 to 9999), else the milliseconds.
  private static func describe(time milliseconds: Int64) -> String {
    let iso = Timestamp(milliseconds: milliseconds).iso8601
    let readsBack = (try? Timestamp(parsing: iso))?.milliseconds == milliseconds
    return readsBack ? "'" + iso + "'" : String(milliseconds)
  }
}

/// One `field operator operand` test.
package struct FilterComparison: Equatable, Sendable {
  package var field: SearchField
  package var op: FilterOperator
  /// One value for a binary operator, the list for `IN`, none for `IS NULL`.
  package var values: [FilterValue]

  package init(field: SearchField, op: FilterOperator, values: [FilterValue]) {
    self.field = field
    self.op = op
    self.values = values
  }

  package var description: String {
    let head = field.description + " " + op.rawValue
    switch op {
    case .isNull, .isNotNull: return head
    case .in, .notIn: return head + " (" + values.map(\.description).joined(separator: ", ") + ")"
    default: return head + " " + (values.first?.description ?? "")
    }
  }
}

/// A parsed filter: comparisons joined by `AND` and `OR`, each list flattened.
package indirect enum FilterExpression: Equatable, Sendable {
  case comparison(FilterComparison)
  case and([FilterExpression])
  case or([FilterExpression])

  /// Fully parenthesised, so the structure (and precedence) can be read off the text.
  package var description: String {
    switch self {
    case .comparison(let comparison): comparison.description
    case .and(let terms): "(" + terms.map(\.description).joined(separator: " AND ") + ")"
    case .or(let terms): "(" + terms.map(\.description).joined(separator: " OR ") + ")"
    }
  }

  /// Every field the expression names, in order of first appearance.
  package var fields: [SearchField] {
    switch self {
    case .comparison(let comparison): [comparison.field]
    case .and(let terms), .or(let terms): terms.flatMap(\.fields)
    }
  }
}

extension String {
  /// Every occurrence of `target` replaced (Foundation-free, for the few escapes here).
  fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
