import PedigreeCore

/// SQL text and the values bound to its `?` parameters, built together so they stay in step.
///
/// Only fixed SQL from this file goes into `sql`; every key and literal of a filter goes into
/// `arguments`. This is how "a filter never runs SQL of its own" holds: the filter arrives parsed
/// (`RunFilter`), and only its structure picks among the fragments here.
struct SQLBuilder {
  var sql = ""
  var arguments: [SQLValue] = []
  /// Whether the SQL is for PostgreSQL (`LIKE` stays `LIKE` there: see `predicate`).
  var postgres = false

  init(postgres: Bool) { self.postgres = postgres }

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
    case .boolean(let value): .integer(value ? 1 : 0)
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

/// Where a keyed field's rows live: `subject IN (SELECT owner FROM table WHERE key = ? …)`.
struct KeyedTable {
  /// The row the field belongs to: `r.id` (a run) or `mv.id` (a model version).
  let subject: String
  let table: String
  /// The column of `table` naming the subject.
  let owner: String
  let key: String
}

extension SearchField {
  /// The table holding the field's key-value rows, for metrics, params and tags (of a run, or of
  /// a model version).
  var keyedTable: KeyedTable? {
    switch self {
    case .metric(let key): KeyedTable(subject: "r.id", table: "latest_metrics", owner: "run_id", key: key)
    case .param(let key): KeyedTable(subject: "r.id", table: "params", owner: "run_id", key: key)
    case .tag(let key): KeyedTable(subject: "r.id", table: "run_tags", owner: "run_id", key: key)
    case .versionTag(let key):
      KeyedTable(subject: "mv.id", table: "model_version_tags", owner: "model_version_id", key: key)
    case .run(let field): field.keyedTable
    case .attribute, .version, .aliases: nil
    }
  }

  /// The SQL expression of a column field: a fixed text, never user text. A model search joins
  /// the version's run as `r` (and its experiment as `e`), so run fields read the same there.
  var column: String? {
    switch self {
    case .attribute(let attribute): attribute.column
    case .version(let attribute): attribute.column
    case .run(let field): field.column
    case .metric, .param, .tag, .versionTag, .aliases: nil
    }
  }

  /// Whether the column may hold NULL (which sorts last).
  var isNullable: Bool {
    switch self {
    case .attribute(let attribute): attribute.isNullable
    case .version(let attribute): attribute == .description
    case .run(let field): field.isNullable
    default: true
    }
  }
}

extension ModelVersionAttribute {
  /// The column over `model_versions mv` joined to `models m`.
  var column: String {
    switch self {
    case .name: "m.name"
    case .version: "mv.version"
    case .description: ModelVersionSQL.currentDescription
    case .deprecated: "(CASE WHEN mv.deprecated_at IS NULL THEN 0 ELSE 1 END)"  // an integer on both engines
    case .createdAt: "mv.created_at"
    case .createdBy: "mv.created_by"
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
    if field == .aliases { return compileAliases(into: &builder) }
    guard let keyed = field.keyedTable else {
      if let column = field.column { predicate(on: column, into: &builder) }
      return
    }
    builder.append(op == .isNull ? "\(keyed.subject) NOT IN " : "\(keyed.subject) IN ")
    builder.append("(SELECT \(keyed.owner) FROM \(keyed.table) WHERE key = ")
    builder.bind(.text(keyed.key))
    if !op.isNullTest {
      builder.append(" AND ")
      predicate(on: "value", into: &builder)
    }
    builder.append(")")
  }

  /// `aliases op V`: some alias pointing at the version now matches (`mv.id IN (…)`); a negated
  /// operator holds when none matches the positive one, and `IS NULL` when none points at it.
  private func compileAliases(into builder: inout SQLBuilder) {
    let positive: FilterOperator? =
      switch op {
      case .notEqual: .equal
      case .notIn: .in
      case .notLike: .like
      case .notIlike: .ilike
      case .isNull: .isNotNull
      default: nil
      }
    builder.append(positive == nil ? "mv.id IN " : "mv.id NOT IN ")
    // A removal's NULL target must not reach `NOT IN`, which a NULL makes match nothing.
    builder.append(
      "(SELECT a.to_version_id FROM alias_events a WHERE a.to_version_id IS NOT NULL AND \(AliasSQL.isLatest) AND "
    )
    FilterComparison(field: .aliases, op: positive ?? op, values: values).predicate(
      on: "a.alias", into: &builder)
    builder.append(")")
  }

  /// The operator applied to `column` (a fixed column name).
  ///
  /// `LIKE` becomes `GLOB` with the pattern translated, which is case-sensitive whatever
  /// `PRAGMA case_sensitive_like` says and can use the `(key, value)` index for a fixed prefix
  /// (https://sqlite.org/optoverview.html#the_like_optimization). `ILIKE` lowercases both sides
  /// and uses `LIKE`, so it stays case-insensitive under that pragma too. On PostgreSQL `LIKE`
  /// is case-sensitive already (every text column is `COLLATE "C"`) and stays `LIKE`, with
  /// `ESCAPE ''` because SQLite's LIKE has no escape character and PostgreSQL's is `\`.
  fileprivate func predicate(on column: String, into builder: inout SQLBuilder) {
    let value = values.first?.sqlValue ?? .null
    switch op {
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
      builder.append("\(column) \(op.rawValue) ")
      builder.bind(value)
    case .in, .notIn:
      builder.append("\(column) \(op.rawValue) ")
      builder.bindList(values.map(\.sqlValue))
    case .like, .notLike:
      if builder.postgres {
        builder.append("\(column) \(op == .like ? "LIKE" : "NOT LIKE") ")
        builder.bind(.text(textValue))
        builder.append(" ESCAPE ''")
      } else {
        builder.append("\(column) \(op == .like ? "GLOB" : "NOT GLOB") ")
        builder.bind(.text(FilterComparison.globPattern(fromLike: textValue)))
      }
    case .ilike, .notIlike:
      builder.append("lower(\(column)) \(op == .ilike ? "LIKE" : "NOT LIKE") lower(")
      builder.bind(.text(textValue))
      builder.append(builder.postgres ? ") ESCAPE ''" : ")")
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
  func build(postgres: Bool) -> SQLBuilder {
    var builder = SQLBuilder(postgres: postgres)
    builder.append("SELECT \(RunSearchQuery.columns) FROM runs r")
    builder.append(" JOIN experiments e ON e.id = r.experiment_id")
    var orderings: [String] = []
    for (index, term) in order.terms.enumerated() {
      orderings.append(SearchOrdering.ordering(term, alias: "o\(index)", into: &builder))
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

}

/// ORDER BY terms, shared by run and model searches.
enum SearchOrdering {
  /// The ORDER BY text of one term, adding a LEFT JOIN for a keyed field (a metric, param or tag,
  /// of a run or a version). The aliases of a version sort by their smallest name.
  static func ordering(_ term: RunOrder.Term, alias: String, into builder: inout SQLBuilder) -> String {
    let direction = term.descending ? "DESC" : "ASC"
    guard let keyed = term.field.keyedTable else {
      let column =
        term.field == .aliases
        ? "(SELECT min(a.alias) FROM alias_events a WHERE a.to_version_id = mv.id AND \(AliasSQL.isLatest))"
        : term.field.column ?? "NULL"
      return term.field.isNullable ? "\(column) IS NULL, \(column) \(direction)" : "\(column) \(direction)"
    }
    builder.append(
      " LEFT JOIN \(keyed.table) \(alias) ON \(alias).\(keyed.owner) = \(keyed.subject) AND \(alias).key = ")
    builder.bind(.text(keyed.key))
    return "\(alias).value IS NULL, \(alias).value \(direction)"
  }
}

extension SQLiteRegistry {
  public func searchRuns(
    _ filter: RunFilter, order: RunOrder, limit: Int
  ) throws(PedigreeError) -> RunSearchResult {
    let fields = filter.fields + order.terms.map(\.field)
    let query = RunSearchQuery(filter: filter, order: order, limit: limit).build(
      postgres: database.isPostgres)
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

/// The whole `model search` query: the run-search compiler over model versions, each joined to
/// its source run (`r`) and that run's experiment (`e`) so `run.` fields compile as in a run
/// search.
struct ModelVersionSearchQuery {
  var filter: ModelVersionFilter
  var order: ModelVersionOrder
  var limit: Int

  /// `FROM model_versions mv` with the model and the source run joined.
  static let from = """
     FROM model_versions mv JOIN models m ON m.id = mv.model_id
    JOIN runs r ON r.id = mv.run_id JOIN experiments e ON e.id = r.experiment_id
    """

  /// ```sql
  /// SELECT mv.id FROM model_versions mv JOIN models m … JOIN runs r … JOIN experiments e …
  /// LEFT JOIN latest_metrics o0 ON o0.run_id = r.id AND o0.key = ?   -- one per keyed order term
  /// WHERE <filter>
  /// ORDER BY o0.value IS NULL, o0.value DESC, mv.created_at DESC, m.name, mv.version DESC
  /// LIMIT ?
  /// ```
  func build(postgres: Bool) -> SQLBuilder {
    var builder = SQLBuilder(postgres: postgres)
    builder.append("SELECT mv.id" + ModelVersionSearchQuery.from)
    var orderings: [String] = []
    for (index, term) in order.terms.enumerated() {
      orderings.append(SearchOrdering.ordering(term, alias: "o\(index)", into: &builder))
    }
    if let expression = filter.expression {
      builder.append(" WHERE ")
      expression.compile(into: &builder)
    }
    orderings += ["mv.created_at DESC", "m.name", "mv.version DESC"]
    builder.append(" ORDER BY " + orderings.joined(separator: ", ") + " LIMIT ")
    builder.bind(.integer(Int64(limit)))
    return builder
  }

  /// `SELECT 1 … WHERE mv.id = ? AND (<expression>)`: whether one version matches, for a
  /// promotion policy's `--require`.
  static func matching(_ expression: FilterExpression, versionID: Int64, postgres: Bool) -> SQLBuilder {
    var builder = SQLBuilder(postgres: postgres)
    builder.append("SELECT 1" + ModelVersionSearchQuery.from + " WHERE mv.id = ")
    builder.bind(.integer(versionID))
    builder.append(" AND (")
    expression.compile(into: &builder)
    builder.append(")")
    return builder
  }
}

extension SQLiteRegistry {
  public func searchModelVersions(
    _ filter: ModelVersionFilter, order: ModelVersionOrder, limit: Int
  ) throws(PedigreeError) -> [ModelVersionInfo] {
    let query = ModelVersionSearchQuery(filter: filter, order: order, limit: limit).build(
      postgres: database.isPostgres)
    return try read {
      let ids = try database.prepareUncached(query.sql).bind(query.arguments).map { $0.int64(0) }
      return try ids.map { (id) throws(PedigreeError) in try modelVersionInfo(id: id, at: nil) }
    }
  }

  /// Whether the version matches a stored filter (a policy's `--require`), read in the caller's
  /// transaction.
  func versionMatches(_ expression: FilterExpression, versionID: Int64) throws -> Bool {
    let query = ModelVersionSearchQuery.matching(
      expression, versionID: versionID, postgres: database.isPostgres)
    return try !database.prepareUncached(query.sql).bind(query.arguments).map { $0.int64(0) }.isEmpty
  }
}
