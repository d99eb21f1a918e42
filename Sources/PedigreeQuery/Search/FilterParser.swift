import PedigreeCore

/// The recursive-descent parser of filters and order-by expressions.
///
/// ```
/// filter     := [or-expr]                       (empty: every run)
/// or-expr    := and-expr (OR and-expr)*
/// and-expr   := primary (AND primary)*
/// primary    := '(' or-expr ')' | comparison
/// comparison := field op value | field [NOT] IN '(' value (',' value)* ')'
///             | field [NOT] (LIKE | ILIKE) string | field IS [NOT] NULL
/// op         := = | == | != | <> | < | <= | > | >=
/// field      := PREFIX '.' KEY                  (metrics.auc, tags.`team name`)
/// value      := 'string' | "string" | number
/// order      := field [ASC | DESC] (',' field [ASC | DESC])*
/// ```
///
/// Keywords are case-insensitive. Nesting, comparisons and values are bounded, so no input can
/// exhaust the stack or build SQL that SQLite refuses for its size.
struct FilterParser {
  static let maxNesting = 64
  static let maxComparisons = 256
  static let maxValues = 10_000
  static let maxOrderTerms = 16

  static let fieldsHint =
    "fields are metrics.KEY, params.KEY, tags.KEY and attributes.NAME ("
    + RunAttribute.allCases.map(\.rawValue).joined(separator: ", ") + ")"

  static let modelFieldsHint =
    "fields are " + ModelVersionAttribute.allCases.map(\.rawValue).joined(separator: ", ")
    + ", aliases, tags.KEY, and the run's run.metrics.KEY, run.params.KEY, run.tags.KEY, "
    + "run.attributes.NAME"

  /// What the fields name: runs (`run search`) or model versions (`model search`, a policy's
  /// `--require`), whose `run.` fields are the source run's and compile as in a run search.
  enum Dialect {
    case runs, modelVersions

    var fieldsHint: String { self == .runs ? FilterParser.fieldsHint : FilterParser.modelFieldsHint }
  }

  private let dialect: Dialect
  private let source: FilterSource
  private var lexer: FilterLexer
  private var token: FilterToken
  private var comparisons = 0
  private var values = 0

  init(_ text: String, dialect: Dialect = .runs) throws(PedigreeError) {
    self.dialect = dialect
    source = FilterSource(text)
    lexer = FilterLexer(source: source)
    token = try lexer.next()
  }

  private mutating func advance() throws(PedigreeError) { token = try lexer.next() }

  private func column(_ offset: Int) -> Int { source.column(offset) }

  /// "expected `what` at column N, found X".
  private func expected(_ what: String, hint: String? = nil) -> PedigreeError {
    PedigreeError(
      .usage, "expected \(what) at column \(column(token.start)), found \(source.quote(token))",
      hint: hint)
  }

  // MARK: Filters

  /// The whole filter; `nil` when it is empty (every run matches).
  mutating func parseFilter() throws(PedigreeError) -> FilterExpression? {
    if token.kind == .end { return nil }
    let expression = try parseJunction(.or, depth: 0)
    guard token.kind == .end else {
      if token.isSymbol(")") {
        throw source.error("unmatched ')'", at: token.start, hint: "remove it, or open it with '('")
      }
      throw expected("'and', 'or' or the end of the filter")
    }
    return expression
  }

  /// `or-expr` (operands are `and-expr`s) or `and-expr` (operands are `primary`s): operands
  /// joined by the keyword, nested lists of the same keyword flattened.
  private mutating func parseJunction(
    _ junction: Junction, depth: Int
  ) throws(PedigreeError) -> FilterExpression {
    var terms: [FilterExpression] = []
    repeat {
      if !terms.isEmpty { try advance() }
      let term =
        if junction == .or { try parseJunction(.and, depth: depth) } else { try parsePrimary(depth: depth) }
      terms += junction.operands(of: term)
    } while token.isKeyword(junction.rawValue)
    if terms.count == 1 { return terms[0] }
    return junction == .or ? .or(terms) : .and(terms)
  }

  private enum Junction: String {
    case and, or

    /// The term's own operands when it is a list of this junction, else the term itself.
    func operands(of term: FilterExpression) -> [FilterExpression] {
      switch (self, term) {
      case (.or, .or(let inner)), (.and, .and(let inner)): inner
      default: [term]
      }
    }
  }

  private mutating func parsePrimary(depth: Int) throws(PedigreeError) -> FilterExpression {
    guard token.isSymbol("(") else { return .comparison(try parseComparison()) }
    let open = token
    guard depth < FilterParser.maxNesting else {
      throw source.error("parentheses nested deeper than \(FilterParser.maxNesting)", at: open.start)
    }
    try advance()
    let inner = try parseJunction(.or, depth: depth + 1)
    guard token.isSymbol(")") else {
      throw PedigreeError(
        .usage,
        "unclosed '(' at column \(column(open.start)): expected ')' at column "
          + "\(column(token.start)), found \(source.quote(token))")
    }
    try advance()
    return inner
  }

  // MARK: Comparisons

  private mutating func parseComparison() throws(PedigreeError) -> FilterComparison {
    let fieldToken = token
    let field = try parseField()
    let operatorStart = token.start
    let (op, written) = try parseOperator(after: fieldToken)
    try checkOperator(op, written: written, on: field, at: operatorStart)
    let operands = try parseOperands(of: op, written: written, field: field)
    comparisons += 1
    guard comparisons <= FilterParser.maxComparisons else {
      throw source.error(
        "more than \(FilterParser.maxComparisons) comparisons", at: fieldToken.start,
        hint: "use IN ('a', 'b', …) for many values of one field")
    }
    return FilterComparison(field: field, op: op, values: operands)
  }

  /// The field at the current token; advances past it.
  private mutating func parseField() throws(PedigreeError) -> SearchField {
    if dialect == .modelVersions, case .word(let word) = token.kind,
      let field = FilterParser.bareModelField(word)
    {
      try advance()
      return field
    }
    guard case .field(let prefix, let key) = token.kind else { throw fieldExpected() }
    let field =
      dialect == .runs
      ? try resolveField(prefix: prefix, key: key) : try resolveModelField(prefix: prefix, key: key)
    try advance()
    return field
  }

  /// `version`, `deprecated`, `aliases`, … written without a prefix.
  private static func bareModelField(_ word: String) -> SearchField? {
    if word.lowercased() == "aliases" || word.lowercased() == "alias" { return .aliases }
    return ModelVersionAttribute(named: word).map(SearchField.version)
  }

  /// A model search field: the version's `tags.K` and `attributes.NAME`, or a run field behind
  /// `run.` (`run.metrics.auc`, `run.attributes.status`, `run.status`).
  private func resolveModelField(prefix: String, key: String) throws(PedigreeError) -> SearchField {
    switch prefix.lowercased() {
    case "tags", "tag": return .versionTag(key)
    case "attributes", "attribute", "attr":
      guard let field = FilterParser.bareModelField(key) else {
        throw source.error(
          "unknown attribute '\(key.prefix(40))'", at: token.start,
          hint: "attributes are " + ModelVersionAttribute.allCases.map(\.rawValue).joined(separator: ", ")
            + ", aliases")
      }
      return field
    case "run", "runs":
      guard let dot = key.firstIndex(of: ".") else {
        return .run(try resolveField(prefix: "attributes", key: key))
      }
      return .run(try resolveField(prefix: String(key[..<dot]), key: String(key[key.index(after: dot)...])))
    default:
      throw source.error(
        "unknown field \(source.quote(token))", at: token.start, hint: FilterParser.modelFieldsHint)
    }
  }

  private func resolveField(prefix: String, key: String) throws(PedigreeError) -> SearchField {
    switch prefix.lowercased() {
    case "metrics", "metric": return .metric(key)
    case "params", "param", "parameters", "parameter": return .param(key)
    case "tags", "tag": return .tag(key)
    case "attributes", "attribute", "attr", "run":
      guard let attribute = RunAttribute(named: key) else {
        throw source.error(
          "unknown attribute '\(key.prefix(40))'", at: token.start,
          hint: "attributes are " + RunAttribute.allCases.map(\.rawValue).joined(separator: ", "))
      }
      return .attribute(attribute)
    default:
      throw source.error(
        "unknown field \(source.quote(token))", at: token.start, hint: dialect.fieldsHint)
    }
  }

  private func fieldExpected() -> PedigreeError {
    if case .word(let word) = token.kind, !["and", "or", "not"].contains(word.lowercased()) {
      let prefix = dialect == .runs ? "attributes." : "run.attributes."
      let hint = RunAttribute(named: word).map { "write \(prefix)\($0.rawValue)" } ?? dialect.fieldsHint
      return source.error("unknown field \(source.quote(token))", at: token.start, hint: hint)
    }
    return expected("a field", hint: dialect.fieldsHint)
  }

  private static let symbolOperators: [String: FilterOperator] = [
    "=": .equal, "==": .equal, "!=": .notEqual, "<>": .notEqual, "<": .less, "<=": .lessOrEqual,
    ">": .greater, ">=": .greaterOrEqual,
  ]

  private static let wordOperators: [String: FilterOperator] = [
    "in": .in, "like": .like, "ilike": .ilike,
  ]

  /// The operator after a field, and how it reads in messages (`'>'`, `'NOT IN'`).
  private mutating func parseOperator(
    after field: FilterToken
  ) throws(PedigreeError) -> (FilterOperator, String) {
    if case .symbol(let symbol) = token.kind, let op = FilterParser.symbolOperators[symbol] {
      try advance()
      return (op, symbol)
    }
    guard case .word(let word) = token.kind else { throw operatorExpected(after: field) }
    switch word.lowercased() {
    case "not":
      try advance()
      guard case .word(let next) = token.kind, let op = FilterParser.wordOperators[next.lowercased()] else {
        throw expected("IN, LIKE or ILIKE after NOT")
      }
      try advance()
      let negated: FilterOperator = op == .in ? .notIn : op == .like ? .notLike : .notIlike
      return (negated, negated.rawValue)
    case "is":
      try advance()
      let negated = token.isKeyword("not")
      if negated { try advance() }
      guard token.isKeyword("null") else { throw expected("NULL after IS\(negated ? " NOT" : "")") }
      try advance()
      return negated ? (.isNotNull, "IS NOT NULL") : (.isNull, "IS NULL")
    default:
      guard let op = FilterParser.wordOperators[word.lowercased()] else {
        throw operatorExpected(after: field)
      }
      try advance()
      return (op, op.rawValue)
    }
  }

  private func operatorExpected(after field: FilterToken) -> PedigreeError {
    expected(
      "an operator (= != < <= > >= LIKE ILIKE IN IS NULL) after \(source.quote(field))")
  }

  /// Refuses an operator the field's type has no meaning for, at the operator's column.
  private func checkOperator(
    _ op: FilterOperator, written: String, on field: SearchField, at operatorStart: Int
  ) throws(PedigreeError) {
    let type = field.valueType
    if type == .boolean && op != .equal && op != .notEqual {
      throw source.error(
        "cannot use '\(written)' on \(field.description), true or false,", at: operatorStart,
        hint: "write \(field.description) = true or \(field.description) = false")
    }
    if op.isOrdering && (type == .text || type == .status) {
      throw source.error(
        "cannot use '\(written)' on \(field.description), a string,", at: operatorStart,
        hint: "strings compare with = != IN LIKE ILIKE (params compare as strings, as in MLflow)")
    }
    if op.isPattern && (type == .number || type == .time) {
      throw source.error(
        "cannot use \(written) on \(field.description), \(type.name),", at: operatorStart,
        hint: "LIKE and ILIKE match strings; compare \(type.name) with = != < <= > >= IN")
    }
  }

  private mutating func parseOperands(
    of op: FilterOperator, written: String, field: SearchField
  ) throws(PedigreeError) -> [FilterValue] {
    if op.isNullTest { return [] }
    guard op.isList else { return [try parseValue(after: "'\(written)'", for: field, op: op)] }
    guard token.isSymbol("(") else {
      throw expected("'(' after \(written)", hint: "IN takes a list: params.optimizer IN ('adam', 'sgd')")
    }
    try advance()
    var list = [try parseValue(after: "'('", for: field, op: op)]
    while token.isSymbol(",") {
      try advance()
      list.append(try parseValue(after: "','", for: field, op: op))
    }
    guard token.isSymbol(")") else { throw expected("',' or ')' in the \(written) list") }
    try advance()
    return list
  }

  // MARK: Values

  private mutating func parseValue(
    after what: String, for field: SearchField, op: FilterOperator
  ) throws(PedigreeError) -> FilterValue {
    let valueToken = token
    let value: FilterValue
    switch token.kind {
    case .string(let text):
      value = try FilterValueRules.convert(string: text, for: field, op: op, in: source, at: valueToken)
    case .number(let number):
      value = try FilterValueRules.convert(number: number, for: field, in: source, at: valueToken)
    case .word(let word) where field.valueType == .boolean:
      value = try FilterValueRules.boolean(word, for: field, in: source, at: valueToken)
    default: throw expected("a value after \(what)", hint: "values are 'strings' or numbers")
    }
    values += 1
    guard values <= FilterParser.maxValues else {
      throw source.error("more than \(FilterParser.maxValues) values", at: valueToken.start)
    }
    try advance()
    return value
  }

  // MARK: Order by

  /// `field [ASC|DESC] (, field [ASC|DESC])*`.
  mutating func parseOrder() throws(PedigreeError) -> [RunOrder.Term] {
    var terms: [RunOrder.Term] = []
    while true {
      let start = token.start
      let field = try parseField()
      var descending = false
      if token.isKeyword("asc") || token.isKeyword("desc") {
        descending = token.isKeyword("desc")
        try advance()
      }
      terms.append(RunOrder.Term(field: field, descending: descending))
      guard terms.count <= FilterParser.maxOrderTerms else {
        throw source.error("more than \(FilterParser.maxOrderTerms) order terms", at: start)
      }
      if token.kind == .end { return terms }
      guard token.isSymbol(",") else { throw expected("ASC, DESC, ',' or the end of the order") }
      try advance()
    }
  }
}
