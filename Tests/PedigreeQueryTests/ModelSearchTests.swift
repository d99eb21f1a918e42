import PedigreeCore
import PedigreeSQLite
import PedigreeTestSupport
import Testing

@testable import PedigreeQuery

/// `model search` over the search fixture's runs: m@1 (run 1, auc 0.93), m@2 (run 2, 0.88),
/// m@3 (run 3, NaN, deprecated), other@1 (run 4, 0.95). staging went m@1 → m@2, production is
/// m@2; m@1 is tagged reviewed=yes, m@2 had reviewed=no, unset.
@Suite struct ModelSearchTests {
  let fixture: SearchFixture

  init() throws {
    fixture = try SearchFixture()
    for (index, (model, run)) in [("m", 1), ("m", 2), ("m", 3), ("other", 4)].enumerated() {
      _ = try writer(at: index).registerModel(
        ModelRegistration(model: model, run: .run(fixture.uuid(run)), description: "from run \(run)"))
    }
    let w = writer(at: 10)
    _ = try w.tagModelVersion(try Ref.parse("m@1"), set: [KeyValue("reviewed", "yes")], unset: [])
    _ = try w.tagModelVersion(try Ref.parse("m@2"), set: [KeyValue("reviewed", "no")], unset: [])
    _ = try w.tagModelVersion(try Ref.parse("m@2"), set: [], unset: ["reviewed"])
    _ = try w.promote(try Ref.parse("m@1"), to: "staging")
    _ = try w.promote(try Ref.parse("m@2"), to: "staging")
    _ = try w.promote(try Ref.parse("m@2"), to: "production")
    _ = try w.deprecate(try Ref.parse("m@3"), reason: "leak")
  }

  func writer(at hour: Int) -> SQLiteWriter {
    fixture.registry.writing(
      as: Author(
        "ana", clock: { Timestamp(milliseconds: SearchFixture.base + Int64(hour + 10) * SearchFixture.hour) })
    )
  }

  func names(_ filter: String, orderBy: String? = nil) throws -> [String] {
    let order = try orderBy.map(ModelVersionOrder.parse) ?? .default
    return try fixture.registry.queries.searchModelVersions(
      filter: ModelVersionFilter.parse(filter), orderBy: order
    ).map(\.name)
  }

  @Test(arguments: [
    ("", ["other@1", "m@3", "m@2", "m@1"]),
    ("name = 'm'", ["m@3", "m@2", "m@1"]),
    ("version >= 2", ["m@3", "m@2"]),
    ("aliases = 'production'", ["m@2"]),
    ("aliases IN ('staging', 'production')", ["m@2"]),
    ("aliases != 'production'", ["other@1", "m@3", "m@1"]),
    ("aliases IS NULL", ["other@1", "m@3", "m@1"]),
    ("aliases IS NOT NULL", ["m@2"]),
    ("deprecated = true", ["m@3"]),
    ("deprecated = 'false' and name = 'm'", ["m@2", "m@1"]),
    ("tags.reviewed = 'yes'", ["m@1"]),
    ("tags.reviewed IS NULL", ["other@1", "m@3", "m@2"]),
    ("run.metrics.auc > 0.9", ["other@1", "m@1"]),
    ("run.params.lr = '0.01'", ["m@3", "m@1"]),
    ("run.tags.team ILIKE 'risk'", ["m@2", "m@1"]),
    ("run.attributes.status = 'finished'", ["m@2", "m@1"]),
    ("run.status = 'failed'", ["m@3"]),
    ("run.metrics.`val/loss` = 0.5", ["m@3"]),
    ("description LIKE 'from run _'", ["other@1", "m@3", "m@2", "m@1"]),
    ("created_by = 'ana' and created_at >= '2026-01-01T11:00:00Z'", ["other@1", "m@3", "m@2"]),
    ("run.metrics.auc > 0.9 or aliases = 'production'", ["other@1", "m@2", "m@1"]),
  ])
  func filtersSelectVersions(filter: String, expected: [String]) throws {
    #expect(try names(filter) == expected, "filter: \(filter)")
  }

  @Test func orderByRunMetricsAndVersionTags() throws {
    #expect(try names("", orderBy: "run.metrics.auc DESC") == ["other@1", "m@1", "m@2", "m@3"])
    #expect(try names("", orderBy: "tags.reviewed, version") == ["m@1", "other@1", "m@2", "m@3"])
    #expect(try names("", orderBy: "aliases DESC, name, version DESC") == ["m@2", "m@3", "m@1", "other@1"])
  }

  @Test func resultsCarryTagsDescriptionsAndAliases() throws {
    let versions = try fixture.registry.queries.searchModelVersions(
      filter: ModelVersionFilter.parse("name = 'm'"))
    let first = try #require(versions.last)
    #expect(first.tags == ["reviewed": "yes"])
    #expect(first.description == "from run 1")
    #expect(versions.first { $0.version == 2 }?.aliases == ["production", "staging"])
  }

  @Test func describeKeepsHistoryAndTagsReadAsOfATime() throws {
    let w = writer(at: 20)
    let changed = try w.describeModelVersion(try Ref.parse("m@1"), description: "baseline")
    #expect(changed.changed && changed.value.description == "baseline")
    #expect(try !w.describeModelVersion(try Ref.parse("m@1"), description: "baseline").changed)
    let cleared = try w.describeModelVersion(try Ref.parse("m@1"), description: "")
    #expect(cleared.value.description == nil)
    let before = Timestamp(milliseconds: SearchFixture.base + 15 * SearchFixture.hour)
    let then = try fixture.registry.queries.modelShow(try Ref.parse("m@2"), at: before)
    #expect(then.version.tags.isEmpty && then.version.description == "from run 2")
    let events = try fixture.registry.database.scalarInt("SELECT count(*) FROM model_version_tag_events")
    #expect(events == 3)
  }

  @Test func noOpTagsWriteNothing() throws {
    let before = try fixture.snapshot()
    let outcome = try writer(at: 30).tagModelVersion(
      try Ref.parse("m@1"), set: [KeyValue("reviewed", "yes")], unset: ["absent"])
    #expect(!outcome.changed)
    #expect(try fixture.snapshot() == before)
  }

  @Test(arguments: [
    "tags.x > 'a'", "deprecated > 1", "deprecated = 'maybe'", "version = 'two'", "aliases < 'p'",
    "unknown = 1", "run.bogus.k = 'x'", "run.attributes.nope = 'x'", "attributes.nope = 1",
    "run.metrics.auc = 'high'",
  ])
  func badFiltersAreUsageErrors(filter: String) {
    expectError(.usage, "filter: \(filter)") { try names(filter) }
  }

  @Test(arguments: [
    "name = 'm'; DROP TABLE model_versions",
    "aliases = 'x' OR 1=1 --",
    "tags.reviewed = 'yes' UNION SELECT id FROM model_versions",
    "version > 0 /* c */",
    "run.params.lr = (SELECT value FROM params)",
    "aliases = (SELECT alias FROM alias_events)",
  ])
  func sqlAttemptsAreUsageErrors(filter: String) throws {
    let before = try fixture.snapshot()
    expectError(.usage, "filter: \(filter)") { try names(filter) }
    #expect(try fixture.snapshot() == before)
  }

  @Test(arguments: [
    "name = 'm'' OR ''1''=''1'",
    "tags.`reviewed' OR 1=1 --` = 'yes'",
    "aliases = 'production'') OR (''1''=''1'",
    "aliases LIKE '%'' OR ''1''=''1'",
    "run.tags.`team) OR (1=1` = 'risk'",
    "description = ''' UNION SELECT 1 --'",
  ])
  func sqlInsideStringsAndKeysMatchesNothing(filter: String) throws {
    let before = try fixture.snapshot()
    #expect(try names(filter).isEmpty, "filter: \(filter)")
    #expect(try names("", orderBy: "tags.`x; DROP TABLE models`").count == 4)
    #expect(try fixture.snapshot() == before)
  }

  @Test func canonicalFormParsesBackAndStoredFormRoundTrips() throws {
    for text in [
      "run.metrics.auc >= 0.9 and (aliases = 'staging' or tags.`a b` = 'x') and deprecated = false",
      "created_at > '2026-01-01T00:00:00Z' and version IN (1, 2) and run.attributes.status = 'finished'",
    ] {
      let filter = try ModelVersionFilter.parse(text)
      #expect(try ModelVersionFilter.parse(filter.description) == filter)
      let expression = try #require(filter.expression)
      let stored = try JSONValue.parse(expression.storedJSON.serialized())
      #expect(FilterExpression(storedJSON: stored) == expression)
    }
  }
}
