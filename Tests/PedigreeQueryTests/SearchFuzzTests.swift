import PedigreeCore
import PedigreeTestSupport
import Testing

@testable import PedigreeQuery
@testable import PedigreeSQLite

/// Thousands of generated inputs through the filter and order parsers: random bytes, random
/// characters and tokens of the grammar, valid filters with random mutations, and random valid
/// filters. The parsers never crash or hang; every error is a usage error naming a column; every
/// accepted filter compiles to SQL that SQLite prepares with exactly its arguments, runs, and
/// prints back to a text that parses to the same filter.
@Suite struct SearchFuzzTests {
  static let seed: UInt64 = 0x5EED_2026
  static let maxLength = 200

  let fixture: SearchFixture

  init() throws { fixture = try SearchFixture() }

  @Test func randomBytes() throws {
    var random = SeededGenerator(seed: SearchFuzzTests.seed)
    let inputs = (0..<2000).map { _ in
      let bytes = (0..<Int.random(in: 0...SearchFuzzTests.maxLength, using: &random)).map { _ in
        UInt8.random(in: 0...255, using: &random)
      }
      return String(decoding: bytes, as: UTF8.self)
    }
    try run("random bytes", inputs)
  }

  @Test func randomCharactersOfTheGrammar() throws {
    var random = SeededGenerator(seed: SearchFuzzTests.seed &+ 1)
    let alphabet = Array("metricsparamtgbutes.`'\"()=!<>, -+.0123456789eEandorINLIKEnotisul_%/\\ \t\n;é")
    let inputs = (0..<2000).map { _ in
      String(
        (0..<Int.random(in: 0...SearchFuzzTests.maxLength, using: &random)).map { _ in
          alphabet.randomElement(using: &random) ?? " "
        })
    }
    try run("grammar characters", inputs)
  }

  static let tokens = [
    "metrics.auc", "metric.`val/loss`", "params.lr", "tags.team", "attributes.status",
    "attributes.start_time", "attr.run_name", "run.id", "metrix.x", "status", "and", "or", "AND",
    "Or", "not", "in", "IN", "like", "ilike", "is", "null", "NOT", "(", ")", ",", "=", "==", "!=",
    "<>", "<", "<=", ">", ">=", "'x'", "'finished'", "'2026-01-01'", "\"risk\"", "'it''s'", "0.5",
    "-1e3", "42", "1767225600000", ".5", "'", "\"", "`", "!", ";", "--", "asc", "desc",
  ]

  @Test func randomTokenSequences() throws {
    var random = SeededGenerator(seed: SearchFuzzTests.seed &+ 2)
    let inputs = (0..<3000).map { _ in
      let count = Int.random(in: 1...40, using: &random)
      let separator = Bool.random(using: &random) ? " " : ""
      let tokens = (0..<count).map { _ in SearchFuzzTests.tokens.randomElement(using: &random) ?? "" }
      return String(tokens.joined(separator: separator).prefix(SearchFuzzTests.maxLength))
    }
    try run("token sequences", inputs)
  }

  static let corpus = [
    "metrics.auc > 0.9 and params.lr = '0.01' and tags.team = 'risk' and attributes.status = 'finished'",
    "metrics.a > 1 or metrics.b > 2 and (tags.x = 'y''z' or params.`q r` IN ('1', '2'))",
    "attributes.start_time >= '2026-01-01T03:00:00Z' and attributes.end_time IS NULL",
    "tags.note NOT LIKE '%[draft]*' or tags.team ILIKE 'R%'",
    "params.optimizer NOT IN (\"adam\", 'sgd') and metrics.`val/loss` <= -1.5e-3",
    "((metrics.auc != 0.5)) or attributes.run_id = '00000000000000000000000000000001'",
    "attributes.experiment = 'churn' and attributes.actor != 'bob' or tags.team IS NOT NULL",
  ]

  @Test func mutatedValidFilters() throws {
    var random = SeededGenerator(seed: SearchFuzzTests.seed &+ 3)
    let inputs = (0..<3000).map { _ in
      var text = Array(SearchFuzzTests.corpus.randomElement(using: &random) ?? "")
      for _ in 0..<Int.random(in: 1...4, using: &random) { mutate(&text, using: &random) }
      return String(String(text).prefix(SearchFuzzTests.maxLength))
    }
    let accepted = try run("mutations", inputs)
    #expect(accepted > 100, "mutations should leave some filters valid")
  }

  @Test func randomValidFiltersAreAccepted() throws {
    var random = SeededGenerator(seed: SearchFuzzTests.seed &+ 4)
    let inputs = (0..<1000).map { _ in randomFilter(depth: 0, using: &random) }
    let accepted = try run("valid filters", inputs)
    #expect(accepted == inputs.count)
  }

  // MARK: Generators

  /// Deletes a range, inserts a character or token, swaps two characters, or duplicates a range.
  private func mutate(_ text: inout [Character], using random: inout SeededGenerator) {
    guard !text.isEmpty else { return }
    let at = Int.random(in: 0..<text.count, using: &random)
    switch Int.random(in: 0..<4, using: &random) {
    case 0: text.removeSubrange(at..<min(text.count, at + Int.random(in: 1...5, using: &random)))
    case 1:
      let token = SearchFuzzTests.tokens.randomElement(using: &random) ?? ""
      text.insert(contentsOf: Bool.random(using: &random) ? Array(token) : [token.first ?? " "], at: at)
    case 2: text.swapAt(at, Int.random(in: 0..<text.count, using: &random))
    default: text.insert(contentsOf: text[at..<min(text.count, at + 8)], at: at)
    }
  }

  private static let comparisons: [[String]] = [
    ["metrics.auc", "metric.`val/loss`", "metrics.\"a b\""],
    ["> 0.5", "<= -1e-3", "= 42", "!= .5", "IN (1, 2.5, -3)", "not in (0)", "IS NULL", "is not null"],
    ["params.lr", "tags.team", "attributes.run_name", "attr.actor", "attributes.experiment"],
    ["= 'x'", "!= \"y\"", "LIKE 'a%'", "not ilike '_b%'", "IN ('a', 'b''c')", "IS NOT NULL"],
    ["attributes.start_time", "attributes.end_time"],
    ["> '2026-01-01'", "<= 1767225600000", "IN ('2026-01-01T03:00:00Z')", "IS NULL"],
    ["attributes.status"], ["= 'finished'", "IN ('RUNNING', 'killed')", "LIKE 'f%'", "!= 'failed'"],
  ]

  private func randomFilter(depth: Int, using random: inout SeededGenerator) -> String {
    if depth >= 3 || Int.random(in: 0..<3, using: &random) == 0 {
      let group = Int.random(in: 0..<SearchFuzzTests.comparisons.count / 2, using: &random) * 2
      let field = SearchFuzzTests.comparisons[group].randomElement(using: &random) ?? ""
      return field + " " + (SearchFuzzTests.comparisons[group + 1].randomElement(using: &random) ?? "")
    }
    let keyword = ["and", "or", "AND", "Or"].randomElement(using: &random) ?? "and"
    let terms = (0..<Int.random(in: 2...3, using: &random)).map { _ in
      randomFilter(depth: depth + 1, using: &random)
    }
    let joined = terms.joined(separator: " \(keyword) ")
    return Bool.random(using: &random) ? "(\(joined))" : joined
  }

  // MARK: Checking

  /// Runs every input through both parsers and checks the outcome; returns how many filters
  /// were accepted.
  @discardableResult
  private func run(_ category: String, _ inputs: [String]) throws -> Int {
    var accepted = 0
    for (index, input) in inputs.enumerated() {
      let context = "\(category) #\(index) (seed \(SearchFuzzTests.seed)): \(input.debugDescription)"
      let start = ContinuousClock.now
      if let filter = parsed(context: context, { () throws(PedigreeError) in try RunFilter.parse(input) }) {
        accepted += 1
        try checkAccepted(filter, context: context)
      }
      if let order = parsed(context: context, { () throws(PedigreeError) in try RunOrder.parse(input) }) {
        try checkPrepares(
          RunSearchQuery(filter: .all, order: order, limit: 3).build(postgres: false), context: context)
      }
      #expect(ContinuousClock.now - start < .seconds(1), "slow: \(context)")
    }
    return accepted
  }

  /// The parse result, or `nil` after checking that the error is a usage error with a column.
  private func parsed<T>(context: String, _ parse: () throws(PedigreeError) -> T) -> T? {
    do {
      return try parse()
    } catch {
      #expect(error.kind == .usage, "\(context): \(error)")
      #expect(error.message.contains(" at column "), "\(context): \(error)")
      return nil
    }
  }

  private func checkAccepted(_ filter: RunFilter, context: String) throws {
    try checkPrepares(
      RunSearchQuery(filter: filter, order: .default, limit: 10).build(postgres: false), context: context)
    _ = try fixture.registry.searchRuns(filter: filter, limit: 10)
    let reparsed = try RunFilter.parse(filter.description)
    #expect(reparsed == filter, "\(context) printed as \(filter.description)")
  }

  private func checkPrepares(_ query: SQLBuilder, context: String) throws {
    #expect(query.sql.filter { $0 == "?" }.count == query.arguments.count, "\(context)")
    #expect(!query.sql.contains("'") && !query.sql.contains("\""), "\(context)")
    do {
      try fixture.registry.database.prepareUncached(query.sql).bind(query.arguments)
    } catch {
      Issue.record("\(context): SQLite refused the compiled SQL: \(error)")
    }
  }
}
