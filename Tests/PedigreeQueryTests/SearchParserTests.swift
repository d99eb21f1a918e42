import PedigreeCore
import PedigreeTestSupport
import Testing

@testable import PedigreeQuery
@testable import PedigreeSQLite

/// The filter and order-by parsers on their own: structure, literals, and each error's message
/// with its exact column.
@Suite struct SearchParserTests {
  /// The canonical form parenthesises every inner group, so it shows how the parser grouped.
  @Test(arguments: [
    (
      "metrics.a > 1 or metrics.b > 2 and metrics.c > 3",
      "metrics.a > 1 OR (metrics.b > 2 AND metrics.c > 3)"
    ),
    (
      "metrics.a > 1 and metrics.b > 2 or metrics.c > 3",
      "(metrics.a > 1 AND metrics.b > 2) OR metrics.c > 3"
    ),
    (
      "(metrics.a > 1 or metrics.b > 2) and metrics.c > 3",
      "(metrics.a > 1 OR metrics.b > 2) AND metrics.c > 3"
    ),
    ("metrics.a > 1 or (metrics.b > 2 or metrics.c > 3)", "metrics.a > 1 OR metrics.b > 2 OR metrics.c > 3"),
    ("((metrics.a > 1))", "metrics.a > 1"),
    ("metrics.a>1 AND(metrics.b<=2)Or metrics.c==3", "(metrics.a > 1 AND metrics.b <= 2) OR metrics.c = 3"),
    ("params.opt in ('a', \"b\")", "params.opt IN ('a', 'b')"),
    ("params.opt Not In ('a')", "params.opt NOT IN ('a')"),
    ("tags.t not like 'x%' and tags.t NOT ILIKE 'Y%'", "tags.t NOT LIKE 'x%' AND tags.t NOT ILIKE 'Y%'"),
    ("tags.t is null or tags.u IS NOT NULL", "tags.t IS NULL OR tags.u IS NOT NULL"),
    ("metrics.a <> 1", "metrics.a != 1"),
    ("metric.auc > 0.5", "metrics.auc > 0.5"),
    ("param.lr = '1' and tag.t = '2'", "params.lr = '1' AND tags.t = '2'"),
    ("attr.status = 'FAILED'", "attributes.status = 'failed'"),
    (
      "run.name = 'x' and attribute.user = 'ana' and attributes.id = 'ABC'",
      "attributes.run_name = 'x' AND attributes.actor = 'ana' AND attributes.run_id = 'abc'"
    ),
    ("attributes.start_time > '2026-03-01'", "attributes.start_time > '2026-03-01T00:00:00Z'"),
    ("attributes.end_time <= 1767225600000", "attributes.end_time <= '2026-01-01T00:00:00Z'"),
    ("metrics.`val/loss` < 1", "metrics.val/loss < 1"),
    ("metrics.\"val loss\" < 1", "metrics.`val loss` < 1"),
    ("tags.équipe = 'risque'", "tags.équipe = 'risque'"),
    ("", ""),
    ("   \n\t ", ""),
  ])
  func parsesToCanonicalForm(input: String, canonical: String) throws {
    #expect(try RunFilter.parse(input).description == canonical)
  }

  @Test(arguments: [
    ("'it''s'", "it's"), ("'it\\'s'", "it's"), ("\"say \"\"hi\"\"\"", "say \"hi\""),
    ("\"say \\\"hi\\\"\"", "say \"hi\""), ("'C:\\temp'", "C:\\temp"), ("'a\\\\b'", "a\\b"),
    ("''", ""), ("'%_*?[]'", "%_*?[]"), ("'ünï ☃'", "ünï ☃"), ("'a\"b'", "a\"b"),
  ])
  func stringEscapes(literal: String, value: String) throws {
    #expect(try comparison("params.k = \(literal)").values == [.text(value)])
  }

  @Test(arguments: [
    ("metrics.`val/loss`", "val/loss"), ("metrics.`a``b`", "a`b"), ("metrics.\"a b\"", "a b"),
    ("metrics.val/loss", "val/loss"), ("metrics.a.b-c_d", "a.b-c_d"), ("metrics.`and`", "and"),
    ("metrics.`1 = 1; --`", "1 = 1; --"), ("metrics.0", "0"),
  ])
  func quotedAndBareKeys(field: String, key: String) throws {
    #expect(try comparison("\(field) > 0").field == .metric(key))
  }

  @Test(arguments: [
    ("1", 1.0), ("-1", -1.0), ("+3", 3.0), ("0.25", 0.25), (".5", 0.5), ("-.5", -0.5),
    ("1e-4", 1e-4), ("-2.5E+3", -2500.0), ("1.", 1.0), ("007", 7.0),
  ])
  func numbers(text: String, value: Double) throws {
    #expect(try comparison("metrics.m >= \(text)").values == [.number(value)])
    #expect(try comparison("metrics.m>=\(text)").values == [.number(value)])
  }

  @Test func canonicalFormParsesBackToTheSameFilter() throws {
    let inputs = [
      "metrics.a > 1 or metrics.b > 2 and (tags.x = 'y''z' or params.`q r` IN ('1', '2'))",
      "attributes.status = 'Finished' and attributes.start_time >= '2026-03-01T10:00:00+02:00'",
      "metrics.m < -1.5e-7 and metrics.n = 1e20 and metrics.o != 0.1",
      "tags.t NOT ILIKE '%x_' or tags.u IS NULL or attributes.run_name IS NOT NULL",
    ]
    for input in inputs {
      let filter = try RunFilter.parse(input)
      #expect(try RunFilter.parse(filter.description) == filter, "input: \(input)")
    }
  }

  @Test(arguments: [
    ("metrix.auc > 1", "unknown field 'metrix.auc' at column 1"),
    ("metrics.auc > 'abc", "unterminated string at column 15"),
    ("metrics.auc >", "expected a value after '>' at column 14, found the end of the input"),
    ("metrics.auc > 0.9 and", "expected a field at column 22, found the end of the input"),
    ("metrics.auc > 0.9 or or metrics.b > 1", "expected a field at column 22, found 'or'"),
    (
      "metrics.auc 0.9",
      "expected an operator (= != < <= > >= LIKE ILIKE IN IS NULL) after 'metrics.auc' at column 13, found '0.9'"
    ),
    (
      "(metrics.auc > 1",
      "unclosed '(' at column 1: expected ')' at column 17, found the end of the input"
    ),
    ("metrics.auc > 1)", "unmatched ')' at column 16"),
    ("params.lr = 0.01", "params.lr compares with strings, found the number 0.01 at column 13"),
    ("metrics.auc > '0.9'", "metrics.auc compares with numbers, found the string '0.9' at column 15"),
    ("metrics.auc LIKE 'a%'", "cannot use LIKE on metrics.auc, a number, at column 13"),
    (
      "attributes.start_time NOT ILIKE '2026%'",
      "cannot use NOT ILIKE on attributes.start_time, a time, at column 23"
    ),
    ("params.lr < '1'", "cannot use '<' on params.lr, a string, at column 11"),
    ("attributes.status = 'done'", "invalid status 'done' at column 21"),
    ("attributes.status = 1", "attributes.status compares with strings, found the number 1 at column 21"),
    ("attributes.colour = 'red'", "unknown attribute 'colour' at column 1"),
    ("attributes.start_time > 'yesterday'", "invalid time 'yesterday' at column 25"),
    ("attributes.start_time > 1.5", "invalid time '1.5' at column 25"),
    ("metrics.auc > 0; DROP TABLE runs", "unexpected character ';' at column 16"),
    ("metrics.auc > 1.2.3", "malformed number '1.2.3' at column 15"),
    ("metrics.auc > 1e", "malformed number '1e' at column 15"),
    ("metrics.auc > 0x1F", "malformed number '0x1F' at column 15"),
    ("metrics.auc > 1e999", "number 1e999 out of range at column 15"),
    ("params.lr IN '0.1'", "expected '(' after IN at column 14, found '0.1'"),
    ("params.lr IN ()", "expected a value after '(' at column 15, found ')'"),
    ("params.lr IN ('a' 'b')", "expected ',' or ')' in the IN list at column 19, found 'b'"),
    ("params.lr IN ('a',)", "expected a value after ',' at column 19, found ')'"),
    ("params.lr NOT = 'a'", "expected IN, LIKE or ILIKE after NOT at column 15, found '='"),
    ("params.lr IS 'a'", "expected NULL after IS at column 14, found 'a'"),
    ("params.lr IS NOT 'a'", "expected NULL after IS NOT at column 18, found 'a'"),
    ("status = 'finished'", "unknown field 'status' at column 1"),
    ("metrics. > 1", "expected a key after 'metrics.' at column 9"),
    ("metrics.`` > 1", "empty key at column 9"),
    ("metrics.`auc > 1", "unterminated key at column 9"),
    (
      "metrics.auc > 1 metrics.b > 2",
      "expected 'and', 'or' or the end of the filter at column 17, found 'metrics.b'"
    ),
    ("metrics.auc ! 1", "unexpected character '!' at column 13"),
    ("`metrics.auc` > 1", "unexpected character '`' at column 1"),
    ("tags.t = 'ééé' and x", "unknown field 'x' at column 20"),
    ("tags.t = 'ééé' and € > 1", "unexpected character '€' at column 20"),
    ("1 = 1", "expected a field at column 1, found '1'"),
    ("tags.t = 'a\u{0}b'", "NUL character in string at column 12"),
    ("tags.`a\u{0}` = 'b'", "NUL character in key at column 8"),
    ("params.lr = '' OR 1=1 --", "expected a field at column 19, found '1'"),
    ("attributes.status = 'x' UNION SELECT 1", "invalid status 'x' at column 21"),
    (
      "attributes.status = 'killed' UNION SELECT 1",
      "expected 'and', 'or' or the end of the filter at column 30, found 'UNION'"
    ),
  ])
  func errorsNameTheColumn(input: String, message: String) {
    let error = expectError(.usage) { try RunFilter.parse(input) }
    #expect(error?.message == message, "input: \(input)")
  }

  @Test func errorsCarryHints() throws {
    #expect(hint("status = 'finished'") == "write attributes.status")
    #expect(hint("metrix.auc > 1")?.hasPrefix("fields are metrics.KEY, params.KEY") == true)
    #expect(hint("params.lr = 0.01")?.hasPrefix("quote it: params.lr = '0.01'") == true)
    #expect(hint("metrics.auc > '0.9'") == "metrics are numbers: write metrics.auc > 0.9")
    #expect(hint("attributes.status = 'x'") == "a status is one of running, finished, failed, killed")
    #expect(hint("metrics.auc > 0; drop") == "a filter is comparisons joined by and/or, not SQL")
  }

  @Test func nestingIsBounded() throws {
    let deep = String(repeating: "(", count: 10_000) + "metrics.a > 1" + String(repeating: ")", count: 10_000)
    let error = expectError(.usage) { try RunFilter.parse(deep) }
    #expect(error?.message == "parentheses nested deeper than 64 at column 65")
    let allowed = String(repeating: "(", count: 64) + "metrics.a > 1" + String(repeating: ")", count: 64)
    #expect(try RunFilter.parse(allowed).description == "metrics.a > 1")
  }

  @Test func comparisonsAreBounded() throws {
    let terms = (0..<257).map { "metrics.m\($0) > \($0)" }
    #expect(try RunFilter.parse(terms.dropLast().joined(separator: " or ")).fields.count == 256)
    let error = expectError(.usage) { try RunFilter.parse(terms.joined(separator: " or ")) }
    #expect(error?.message.hasPrefix("more than 256 comparisons at column ") == true)
  }

  // MARK: Order by

  @Test(arguments: [
    ("metrics.auc DESC", "metrics.auc DESC"),
    ("metrics.auc", "metrics.auc ASC"),
    (
      "params.lr asc, attributes.start_time desc,tags.`a b`",
      "params.lr ASC, attributes.start_time DESC, tags.`a b` ASC"
    ),
    ("attr.name", "attributes.run_name ASC"),
  ])
  func parsesOrder(input: String, canonical: String) throws {
    #expect(try RunOrder.parse(input).description == canonical)
  }

  @Test(arguments: [
    ("", "expected a field at column 1, found the end of the input"),
    (
      "metrics.auc DESCENDING",
      "expected ASC, DESC, ',' or the end of the order at column 13, found 'DESCENDING'"
    ),
    ("metrics.auc desc,", "expected a field at column 18, found the end of the input"),
    ("metrics.auc desc; drop table runs", "unexpected character ';' at column 17"),
    ("auc desc", "unknown field 'auc' at column 1"),
    ("attributes.colour", "unknown attribute 'colour' at column 1"),
  ])
  func orderErrorsNameTheColumn(input: String, message: String) {
    let error = expectError(.usage) { try RunOrder.parse(input) }
    #expect(error?.message == message, "input: \(input)")
  }

  @Test func defaultOrderIsNewestFirst() {
    #expect(RunOrder.default.description == "attributes.start_time DESC")
  }

  // MARK: Compiled SQL

  /// No filter text reaches the SQL: it has no quotes at all, and one `?` per bound value.
  @Test func compiledSQLBindsEveryKeyAndValue() throws {
    let filter = try RunFilter.parse(
      "params.`x'; DROP TABLE runs; --` = 'DROP TABLE runs' or tags.DROP LIKE '%DROP%' "
        + "or attributes.run_name IN ('a\"b', 'c') or metrics.`\"` > 1")
    let query = RunSearchQuery(filter: filter, order: try RunOrder.parse("tags.DROP"), limit: 5).build(
      postgres: false)
    #expect(!query.sql.contains("DROP"))
    #expect(!query.sql.contains("'") && !query.sql.contains("\""))
    #expect(query.sql.filter { $0 == "?" }.count == query.arguments.count)
    #expect(query.arguments.contains(.text("x'; DROP TABLE runs; --")))
    #expect(query.arguments.contains(.text("*DROP*")))
  }

  @Test(arguments: [
    ("a%b_c", "a*b?c"), ("*?[", "[*][?][[]"), ("]", "]"), ("100%", "100*"), ("", ""),
  ])
  func likePatternsBecomeGlobPatterns(like: String, glob: String) {
    #expect(FilterComparison.globPattern(fromLike: like) == glob)
  }

  private func comparison(_ text: String) throws -> FilterComparison {
    guard case .comparison(let comparison)? = try RunFilter.parse(text).expression else {
      Issue.record("not a single comparison: \(text)")
      return FilterComparison(field: .metric(""), op: .equal, values: [])
    }
    return comparison
  }

  private func hint(_ input: String) -> String? {
    do {
      _ = try RunFilter.parse(input)
      return nil
    } catch {
      return error.hint
    }
  }
}
