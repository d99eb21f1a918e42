import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

@testable import PedigreeQuery

/// Filters that try to run SQL: each is refused as a usage error or matches nothing, and the
/// database is the same afterwards.
@Suite struct SearchInjectionTests {
  let fixture: SearchFixture

  init() throws { fixture = try SearchFixture() }

  @Test(arguments: [
    "metrics.auc > 0; DROP TABLE runs",
    "params.lr = '' OR 1=1 --",
    "attributes.status = 'x' UNION SELECT * FROM runs",
    "attributes.status = 'killed' UNION SELECT uuid FROM runs",
    "metrics.auc > 0 UNION SELECT 1",
    "attributes.run_name = 'a' or 1 = 1",
    "tags.team = 'risk')) OR ((1=1",
    "attributes.run_name LIKE '%' ESCAPE '%'",
    "params.lr = (SELECT value FROM params)",
    "metrics.auc > 0 /* comment */",
    "metrics.auc > 0 -- comment",
    "tags.team = 'risk' AND sqlite_version() > '0'",
    "params.lr = '0.01'; DELETE FROM params; --",
    "attributes.status = 'finished' OR EXISTS (SELECT 1)",
    "attributes.run_name = x'00'",
  ])
  func sqlAttemptsAreUsageErrors(filter: String) throws {
    let before = try fixture.snapshot()
    expectError(.usage, "filter: \(filter)") { try fixture.names(filter) }
    #expect(try fixture.snapshot() == before)
  }

  @Test(arguments: [
    "params.lr = ''' OR 1=1 --'",
    "params.lr = '0.01'' OR ''1''=''1'",
    "tags.team = 'risk''; DROP TABLE runs; --'",
    "tags.team = \"risk\"\" OR \"\"1\"\"=\"\"1\"",
    "metrics.`auc' OR 1=1 --` > 0",
    "metrics.`auc`` OR 1=1 --` > 0",
    "params.`lr) OR (1=1` = '0.01'",
    "attributes.run_name IN ('x'') OR (''1''=''1')",
    "attributes.run_name LIKE '%'' OR ''1''=''1'",
    "attributes.run_name ILIKE ''' UNION SELECT uuid FROM runs --'",
    "tags.team = 'risk\\' OR 1=1 --'",
    "attributes.experiment = 'fraud'' OR experiment_id = 2 --'",
  ])
  func sqlInsideStringsAndKeysMatchesNothing(filter: String) throws {
    let before = try fixture.snapshot()
    #expect(try fixture.names(filter).isEmpty, "filter: \(filter)")
    #expect(try fixture.names("", orderBy: "params.`lr; DROP TABLE runs`").count == 6)
    #expect(try fixture.snapshot() == before)
  }

  /// The largest filter the parser accepts still compiles and runs: SQLite's limits on
  /// expression depth (1000) and parameters (32766) are out of reach.
  @Test func theLargestAcceptedFilterRuns() throws {
    let values = (0..<39).map { "'v\($0)'" }.joined(separator: ", ")
    let terms = (0..<127).map { "(params.k\($0) IN (\(values)) or tags.t\($0) = 'x')" }
    let nested = String(repeating: "(", count: 63) + "metrics.a > 1" + String(repeating: ")", count: 63)
    let filter = (terms + [nested]).joined(separator: " and ")
    #expect(try fixture.names(filter).isEmpty)
    let wide = (0..<256).map { "params.k\($0) IN (\(values))" }.joined(separator: " or ")
    #expect(try fixture.names(wide).isEmpty)
  }
}
