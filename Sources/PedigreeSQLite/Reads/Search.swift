import PedigreeCore

/// SQL text and the values bound to its `?` parameters, built together so they stay in step.
///
/// Only fixed SQL from this file goes into `sql`; every key and literal of a filter goes into
/// `arguments`. This is how "a filter never runs SQL of its own" holds: the filter arrives parsed
/// (`RunFilter`), and only its structure picks among the fragments here.
struct SQLBuilder {
  var sql = ""
  var arguments: [SQLValue] = []

  mutating func append(_ text: String) { sql += text }

  mutating func bind(_ value: SQLValue) {
    sql += "?"
    arguments.append(value)
  }

  /// `(?, ?, …)`.
  mutating func bindList(_ values: [SQLValue]) {
    sql += "(" + Array(repeating: "?", count: values.count).joined(separator: ", ") + ")"
    arguments += values
  }
}

extension FilterExpression {
  /// Appends the expression as a boolean SQL expression over `runs r` joined to
  /// `experiments e`.
  func compile(into builder: inout SQLBuilder) {
    switch self {
    case .comparison(let comparison): comparison.compile(into: &builder)
    case .and(let terms): FilterExpression.compile(terms, joinedBy: " AND ", into: &builder)
    case .or(let terms): FilterExpression.compile(terms, joinedBy: " OR ", into: &builder)
    }
  }

  private static func compile(
    _ terms: [FilterExpression], joinedBy separator: String, into builder: inout SQLBuilder
  ) {
    builder.append("(")
    for (index, term) in terms.enumerated() {
      if index > 0 { builder.append(separator) }
      term.compile(into: &builder)
    }
    builder.append(")")
  }
}

extension FilterValue {
  var sqlValue: SQLValue {
    switch self {
    case .text(let text): .text(text)
    case .number(let number): .real(number)
    case .time(let milliseconds): .integer(milliseconds)
    }
  }
}

extension RunAttribute {
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
}

extension SearchField {
  /// The table holding the field's key-value rows, for metrics, params and tags.
  var keyedTable: (table: String, key: String)? {
    switch self {
    case .metric(let key): ("latest_metrics", key)
    case .param(let key): ("params", key)
    case .tag(let key): ("run_tags", key)
    case .attribute: nil
    }
  }
}

extension FilterComparison {
  /// A metric, param or tag becomes `r.id IN (SELECT run_id FROM t WHERE key = ? AND value …)`,
  /// which SQLite answers from the `(key, value)` index of the table and then looks runs up by
  /// rowid; an attribute becomes a test on its column.
  ///
  /// A run without the key has no row, so every comparison is false for it (`IS NULL` aside); a
  /// NaN metric is a NULL value, so every comparison with it is false too.
  func compile(into builder: inout SQLBuilder) {
    guard let keyed = field.keyedTable else {
      if case .attribute(let attribute) = field { predicate(on: attribute.column, into: &builder) }
      return
    }
    builder.append(op == .isNull ? "r.id NOT IN " : "r.id IN ")
    builder.append("(SELECT run_id FROM \(keyed.table) WHERE key = ")
    builder.bind(.text(keyed.key))
    if !op.isNullTest {
      builder.append(" AND ")
      predicate(on: "value", into: &builder)
    }
    builder.append(")")
  }

  /// The operator applied to `column` (a fixed column name).
  ///
  /// `LIKE` becomes `GLOB` with the pattern translated, which is case-sensitive whatever
  /// `PRAGMA case_sensitive_like` says and can use the `(key, value)` index for a fixed prefix
  /// (https://sqlite.org/optoverview.html#the_like_optimization). `ILIKE` lowercases both sides
  /// and uses `LIKE`, so it stays case-insensitive under that pragma too.
  private func predicate(on column: String, into builder: inout SQLBuilder) {
    let value = values.first?.sqlValue ?? .null
    switch op {
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
      builder.append("\(column) \(op.rawValue) ")
      builder.bind(value)
    case .in, .notIn:
      builder.append("\(column) \(op.rawValue) ")
      builder.bindList(values.map(\.sqlValue))
    case .like, .notLike:
      builder.append("\(column) \(op == .like ? "GLOB" : "NOT GLOB") ")
      builder.bind(.text(FilterComparison.globPattern(fromLike: textValue)))
    case .ilike, .notIlike:
      builder.append("lower(\(column)) \(op == .ilike ? "LIKE" : "NOT LIKE") lower(")
      builder.bind(.text(textValue))
      builder.append(")")
    case .isNull, .isNotNull:
      builder.append("\(column) \(op.rawValue)")
    }
  }

  private var textValue: String {
    if case .text(let text)? = values.first { return text }
    return ""
  }

  /// A LIKE pattern as a GLOB pattern: `%` → `*`, `_` → `?`, and GLOB's own `*`, `?`, `[`
  /// made literal by wrapping each in brackets.
  static func globPattern(fromLike pattern: String) -> String {
    var glob = ""
    for character in pattern {
      switch character {
      case "%": glob += "*"
      case "_": glob += "?"
      case "*", "?", "[": glob += "[\(character)]"
      default: glob.append(character)
      }
    }
    return glob
  }
}

/// The whole `run search` query: the filter, the order, the limit.
struct RunSearchQuery {
  var filter: RunFilter
  var order: RunOrder
  var limit: Int

  static let columns =
    "r.id, r.uuid, e.name, r.name, r.status, r.started_at, r.ended_at, r.actor, r.git_commit"

  /// ```sql
  /// SELECT … FROM runs r JOIN experiments e ON e.id = r.experiment_id
  /// LEFT JOIN latest_metrics o0 ON o0.run_id = r.id AND o0.key = ?   -- one per keyed order term
  /// WHERE <filter>
  /// ORDER BY o0.value IS NULL, o0.value DESC, r.started_at DESC, r.uuid
  /// LIMIT ?
  /// ```
  func build() -> SQLBuilder {
    var builder = SQLBuilder()
    builder.append("SELECT \(RunSearchQuery.columns) FROM runs r")
    builder.append(" JOIN experiments e ON e.id = r.experiment_id")
    var orderings: [String] = []
    for (index, term) in order.terms.enumerated() {
      orderings.append(ordering(term, alias: "o\(index)", into: &builder))
    }
    if let expression = filter.expression {
      builder.append(" WHERE ")
      expression.compile(into: &builder)
    }
    orderings += ["r.started_at DESC", "r.uuid"]
    builder.append(" ORDER BY " + orderings.joined(separator: ", ") + " LIMIT ")
    builder.bind(.integer(Int64(limit)))
    return builder
  }

  /// The ORDER BY text of one term, adding a LEFT JOIN for a metric, param or tag.
  private func ordering(_ term: RunOrder.Term, alias: String, into builder: inout SQLBuilder) -> String {
    let direction = term.descending ? "DESC" : "ASC"
    guard let keyed = term.field.keyedTable else {
      guard case .attribute(let attribute) = term.field else { return "" }
      let column = attribute.column
      return attribute.isNullable ? "\(column) IS NULL, \(column) \(direction)" : "\(column) \(direction)"
    }
    builder.append(" LEFT JOIN \(keyed.table) \(alias) ON \(alias).run_id = r.id AND \(alias).key = ")
    builder.bind(.text(keyed.key))
    return "\(alias).value IS NULL, \(alias).value \(direction)"
  }
}

extension SQLiteRegistry {
  public func searchRuns(
    _ filter: RunFilter, order: RunOrder, limit: Int
  ) throws(PedigreeError) -> RunSearchResult {
    let fields = filter.fields + order.terms.map(\.field)
    let query = RunSearchQuery(filter: filter, order: order, limit: limit).build()
    return try read {
      let rows = try database.prepareUncached(query.sql).bind(query.arguments).map { row in
        (id: row.int64(0), hit: RunSearchHit(row: row))
      }
      var result = RunSearchResult(fields: fields)
      result.runs = try rows.map { try fillValues(of: $0.hit, id: $0.id, keys: result) }
      return result
    }
  }

  /// Adds the named metrics, params and tags of one run: one primary-key lookup each.
  private func fillValues(
    of hit: RunSearchHit, id: Int64, keys: RunSearchResult
  ) throws -> RunSearchHit {
    var hit = hit
    for key in keys.metricKeys {
      let value = try database.queryFirst(
        "SELECT value FROM latest_metrics WHERE run_id = ? AND key = ?", [.integer(id), .text(key)]
      ) { $0.optionalDouble(0) ?? .nan }
      hit.metrics[key] = value
    }
    for key in keys.paramKeys {
      hit.params[key] = try database.scalarString(
        "SELECT value FROM params WHERE run_id = ? AND key = ?", [.integer(id), .text(key)])
    }
    for key in keys.tagKeys {
      hit.tags[key] = try database.scalarString(
        "SELECT value FROM run_tags WHERE run_id = ? AND key = ?", [.integer(id), .text(key)])
    }
    return hit
  }
}

extension RunSearchHit {
  /// The hit from a row of `RunSearchQuery.columns` (the row id in column 0 is read apart).
  init(row: Row) {
    self.init(
      runID: row.string(1), experiment: row.string(2), name: row.optionalString(3),
      status: row.string(4), startedAt: Timestamp(milliseconds: row.int64(5)),
      endedAt: row.optionalInt64(6).map(Timestamp.init(milliseconds:)), actor: row.string(7),
      gitCommit: row.optionalString(8))
  }
}
