/// What a filter or an order term refers to: a metric's latest value, a param, a tag, or a column
/// of the run itself; in a model search, a version's tag or attribute, its aliases, or a field of
/// the run that produced it (`run.metrics.auc`).
package indirect enum SearchField: Hashable, Sendable {
  case metric(String)
  case param(String)
  case tag(String)
  case attribute(RunAttribute)
  /// A model version's tag (`tags.K` in a model search).
  case versionTag(String)
  /// A column of the model version (`name`, `version`, `deprecated`, …).
  case version(ModelVersionAttribute)
  /// The aliases that point at the version now (`aliases = 'production'`).
  case aliases
  /// A field of the version's source run (`run.params.lr`, `run.attributes.status`).
  case run(SearchField)

  /// How values of the field compare.
  package var valueType: SearchValueType {
    switch self {
    case .metric: .number
    case .param, .tag: .text
    case .attribute(let attribute): attribute.valueType
    case .versionTag, .aliases: .text
    case .version(let attribute): attribute.valueType
    case .run(let field): field.valueType
    }
  }

  /// The field as a user writes it: `metrics.auc`, ``params.`a b` ``, `attributes.status`.
  package var description: String {
    switch self {
    case .metric(let key): "metrics." + SearchField.quotedKey(key)
    case .param(let key): "params." + SearchField.quotedKey(key)
    case .tag(let key): "tags." + SearchField.quotedKey(key)
    case .attribute(let attribute): "attributes." + attribute.rawValue
    case .versionTag(let key): "tags." + SearchField.quotedKey(key)
    case .version(let attribute): attribute.rawValue
    case .aliases: "aliases"
    case .run(let field): "run." + field.description
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
  /// `deprecated`: `true` or `false`.
  case boolean

  package var name: String {
    switch self {
    case .number: "a number"
    case .text: "a string"
    case .time: "a time"
    case .status: "a status"
    case .boolean: "true or false"
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

/// A column of a model version that a model search may name bare (`version > 2`) or as
/// `attributes.NAME`.
package enum ModelVersionAttribute: String, CaseIterable, Sendable {
  case name
  case version
  case description
  case deprecated
  case createdAt = "created_at"
  case createdBy = "created_by"

  /// The other names an attribute answers to.
  package static let synonyms: [String: ModelVersionAttribute] = [
    "model": .name, "creation_time": .createdAt, "user": .createdBy, "user_id": .createdBy,
  ]

  /// Resolves a name, ignoring case.
  package init?(named name: String) {
    let lowered = name.lowercased()
    guard
      let attribute = ModelVersionAttribute(rawValue: lowered) ?? ModelVersionAttribute.synonyms[lowered]
    else { return nil }
    self = attribute
  }

  package var valueType: SearchValueType {
    switch self {
    case .version: .number
    case .deprecated: .boolean
    case .createdAt: .time
    case .name, .description, .createdBy: .text
    }
  }
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
  /// `true` or `false` (`deprecated = true`).
  case boolean(Bool)

  /// The literal as a filter would write it.
  package var description: String {
    switch self {
    case .boolean(let value): value ? "true" : "false"
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
