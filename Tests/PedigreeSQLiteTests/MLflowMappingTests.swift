import PedigreeCore
import PedigreeTestSupport
import Testing

@testable import PedigreeSQLite

/// Issue 16: how MLflow's stored values and names map to Pedigree's, without MLflow.
@Suite struct MLflowMappingTests {
  @Test func metricValuesComeBackExact() {
    #expect(MLflowSchema.value(stored: 0, isNaN: true).isNaN)
    #expect(MLflowSchema.value(stored: 1.7976931348623157e308, isNaN: false) == .infinity)
    #expect(MLflowSchema.value(stored: -1.7976931348623157e308, isNaN: false) == -.infinity)
    #expect(MLflowSchema.value(stored: 0.25, isNaN: false) == 0.25)
    #expect(MLflowSchema.value(stored: 1e308, isNaN: false) == 1e308)
  }

  @Test func namesPedigreeRefusesAreMappedAndClashesRefused() throws {
    let names = MLflowNames(
      ["fraud detection", "churn/v2", "ok-name", "a b", "a-b", "x y", "x/y", "  ", "/Users/ana/exp"],
      kind: "experiment")
    #expect(try names.name(for: "fraud detection").get() == "fraud-detection")
    #expect(try names.name(for: "churn/v2").get() == "churn-v2")
    #expect(try names.name(for: "/Users/ana/exp").get() == "Users-ana-exp")
    #expect(try names.name(for: "ok-name").get() == "ok-name")
    #expect(!names.isMapped("ok-name") && names.isMapped("churn/v2"))
    // "a-b" is kept as it is; "a b", which would become it too, is refused, naming the clash.
    #expect(try names.name(for: "a-b").get() == "a-b")
    expectError(.usage) { try names.name(for: "a b").get() }
    // Neither "x y" nor "x/y" is kept as it is: both are refused.
    expectError(.usage) { try names.name(for: "x y").get() }
    expectError(.usage) { try names.name(for: "x/y").get() }
    expectError(.usage) { try names.name(for: "  ").get() }
    #expect(MLflowNames.pedigreeName(String(repeating: "é", count: 3) + "model") == "model")
    #expect(MLflowNames.pedigreeName(String(repeating: "ab ", count: 100)).count <= 128)
  }

  @Test func schemaRevisionsAreKnownOrRefusedByName() throws {
    try MLflowSchema.check(revision: "dc11669786a5", path: "x.db")
    try MLflowSchema.check(revision: "cc1f77228345", path: "x.db")
    let unknown = expectError(.incompatible) { try MLflowSchema.check(revision: "abc123", path: "x.db") }
    #expect(unknown?.message.contains("abc123") == true)
    let older = expectError(.incompatible) { try MLflowSchema.check(revision: "451aebb31d03", path: "x.db") }
    #expect(older?.message.contains("MLflow 1.x") == true)
  }
}
