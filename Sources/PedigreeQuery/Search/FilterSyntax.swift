import PedigreeCore
import PedigreeSQLite

/// What a filter or an order term refers to: a metric's latest value, a param, a tag, or a column
/// of the run itself.
enum SearchField: Hashable, Sendable {
  case metric(String)
  case param(String)
  case tag(String)
  case attribute(RunAttribute)

  /// How values of the field compare.
  var valueType: SearchValueType {
    switch self {
    case .metric: .number
    case .param, .tag: .text
    case .attribute(let attribute): attribute.valueType
    }
  }

  /// The field as a user writes it: `metrics.auc`, ``params.`a b` ``, `attributes.status`.
  var description: String {
    switch self {
    case .metric(let key): "metrics." + SearchField.quotedKey(key)
    case .param(let key): "params." + SearchField.quotedKey(key)
    case .tag(let key): "tags." + SearchField.quotedKey(key)
    case .attribute(let attribute): "attributes." + attribute.rawValue
    }
  }

  /// A key as written in a filter: bare when every character may stand bare, else backticked.
  static func quotedKey(_ key: String) -> String {
    let bare = !key.isEmpty && key.utf8.allSatisfy(FilterLexer.isBareKeyByte)
    return bare ? key : "`" + key.replacingAll("`", with: "``") + "`"
  }
}

/// The type a field's values have, which decides the operators and literals it accepts.
enum SearchValueType: Sendable {
  /// Metrics: numbers, compared numerically.
  case number
  /// Params, tags, names: strings, compared as strings (as MLflow compares params).
  case text
  /// Start and end times: ISO 8601 strings or integer milliseconds.
  case time
  /// The run status: one of `running`, `finished`, `failed`, `killed`, any case.
  case status

  var name: String {
    switch self {
    case .number: "a number"
    case .text: "a string"
    case .time: "a time"
    case .status: "a status"
    }
  }
}

/// A column of `runs` (or the experiment's name) that a filter may name as `attributes.NAME`.
enum RunAttribute: String, CaseIterable, Sendable {
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
  static let synonyms: [String: RunAttribute] = [
    "id": .runID, "name": .runName, "user": .actor, "user_id": .actor,
    "experiment_name": .experiment, "started_at": .startTime, "ended_at": .endTime,
  ]

  /// Resolves a name, ignoring case.
  init?(named name: String) {
    let lowered = name.lowercased()
    guard let attribute = RunAttribute(rawValue: lowered) ?? RunAttribute.synonyms[lowered] else {
      return nil
    }
    self = attribute
  }

  var valueType: SearchValueType {
    switch self {
    case .status: .status
    case .startTime, .endTime: .time
    default: .text
    }
  }

  /// The SQL expression for the attribute: a fixed column name, never user text.
  var column: String {
    switch self {
    case .status: "r.status"
    case .runID: "r.uuid"
    case .runName: "r.name"
    case .experiment: "e.name"
    case .actor: "r.actor"
    case .startTime: "r.started_at"
    case .endTime: "r.ended_at"
    case .gitCommit: "r.git_commit"
    case .gitRepo: "r.git_repo"
    case .entryPoint: "r.entry_point"
    }
  }

  /// Whether the column may hold NULL (which sorts last).
  var isNullable: Bool {
    switch self {
    case .runName, .endTime, .gitCommit, .gitRepo, .entryPoint: true
    default: false
    }
  }

  static let statuses = ["running", "finished", "failed", "killed"]
}

/// A comparison operator.
enum FilterOperator: String, Sendable, CaseIterable {
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

  var isOrdering: Bool { [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(self) }
  var isPattern: Bool { [.like, .notLike, .ilike, .notIlike].contains(self) }
  var isList: Bool { self == .in || self == .notIn }
  var isNullTest: Bool { self == .isNull || self == .isNotNull }
}

/// A literal after the parser checked and normalised it for its field.
enum FilterValue: Equatable, Sendable {
  case text(String)
  case number(Double)
  /// Milliseconds since the epoch, UTC (from an ISO 8601 string or an integer).
  case time(Int64)

  var sqlValue: SQLValue {
    switch self {
    case .text(let text): .text(text)
    case .number(let number): .real(number)
    case .time(let milliseconds): .integer(milliseconds)
    }
  }

  /// The literal as a filter would write it.
  var description: String {
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
struct FilterComparison: Equatable, Sendable {
  var field: SearchField
  var op: FilterOperator
  /// One value for a binary operator, the list for `IN`, none for `IS NULL`.
  var values: [FilterValue]

  var description: String {
    let head = field.description + " " + op.rawValue
    switch op {
    case .isNull, .isNotNull: return head
    case .in, .notIn: return head + " (" + values.map(\.description).joined(separator: ", ") + ")"
    default: return head + " " + (values.first?.description ?? "")
    }
  }
}

/// A parsed filter: comparisons joined by `AND` and `OR`, each list flattened.
indirect enum FilterExpression: Equatable, Sendable {
  case comparison(FilterComparison)
  case and([FilterExpression])
  case or([FilterExpression])

  /// Fully parenthesised, so the structure (and precedence) can be read off the text.
  var description: String {
    switch self {
    case .comparison(let comparison): comparison.description
    case .and(let terms): "(" + terms.map(\.description).joined(separator: " AND ") + ")"
    case .or(let terms): "(" + terms.map(\.description).joined(separator: " OR ") + ")"
    }
  }

  /// Every field the expression names, in order of first appearance.
  var fields: [SearchField] {
    switch self {
    case .comparison(let comparison): [comparison.field]
    case .and(let terms), .or(let terms): terms.flatMap(\.fields)
    }
  }
}

extension String {
  /// Every occurrence of `target` replaced (Foundation-free, for the few escapes here).
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
