import Testing

@testable import PedigreeCore
@testable import PedigreeSQLite

@Suite struct RecordKeyTests {
  /// Keys may contain dots (`eval.loss`, `optimizer.lr`); a record keeps them whole.
  @Test func dottedKeysAreKeptWhole() throws {
    let document = try RunDocument(
      json: try JSONValue.parse(
        #"{"params": {"optimizer.lr": "0.1"}, "metrics": {"eval.loss": [[0, 1.5]], "eval.auc": 0.9},"#
          + #" "tags": {"team.name": "risk"}}"#))
    #expect(document.start.params == [KeyValue("optimizer.lr", "0.1")])
    #expect(document.start.tags == [KeyValue("team.name", "risk")])
    #expect(document.log.metrics.map(\.key) == ["eval.loss", "eval.auc"])
  }
}
