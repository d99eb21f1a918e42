import Foundation
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite
import PedigreeTestSupport
import Testing

@testable import PedigreeWeb

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A registry for the page tests, written through the public write API at pinned times: three
/// versions of fraud-detector promoted in turn (v2 later deprecated, so a rollback skips it and
/// lands on v1), a staging alias, a deprecated dataset, a failed run, a 20,000-point loss curve
/// with a spike, NaN and ±Infinity, and user text carrying markup everywhere text is allowed.
final class WebFixture {
  let directory = TemporaryDirectory("pedigree-web")
  let registry: SQLiteRegistry

  /// 2030-01-01T00:00:00Z; fixture times are days after it.
  static let epoch: Int64 = 1_893_456_000_000
  static let day: Int64 = 86_400_000
  /// The time pages are drawn at: day 30.
  static let now = Timestamp(milliseconds: epoch + 30 * day)
  /// What a hostile user writes wherever free text is allowed.
  static let probe = "<script>alert(\"x\")</script> & 'quoted'"

  private(set) var runs: [String: String] = [:]

  init() throws {
    registry = try SQLiteRegistry.open(
      path: directory.file("reg.db"), access: .create(by: WebFixture.author("test", day: 0)))
    try build()
  }

  static func time(day: Int64, hour: Int64 = 10) -> Timestamp {
    Timestamp(milliseconds: epoch + day * WebFixture.day + hour * 3_600_000)
  }

  static func author(_ actor: String, day: Int64, hour: Int64 = 10) -> Author {
    Author(actor, clock: { WebFixture.time(day: day, hour: hour) })
  }

  func writer(_ actor: String, day: Int64, hour: Int64 = 10) -> SQLiteWriter {
    registry.writing(as: WebFixture.author(actor, day: day, hour: hour))
  }

  /// The page at `path?query`, drawn at `now`.
  func page(_ path: String, _ query: String = "") -> WebPage {
    WebUI.page(path: path, query: query, reader: registry, now: WebFixture.now)
  }

  private func build() throws {
    let data = writer("dana", day: 1)
    _ = try data.registerDataset(
      DatasetInput(
        name: "transactions", uri: "s3://risk/tx-1.parquet", digest: Digest.sha256(Array("tx1".utf8)),
        sizeBytes: 1000, rowCount: 10))
    _ = try data.registerDataset(
      DatasetInput(
        name: "transactions", uri: "s3://risk/tx-2.parquet?a=1&b=<2>",
        digest: Digest.sha256(Array("tx2".utf8)),
        sizeBytes: 2000, rowCount: 20, tags: [KeyValue("note", WebFixture.probe)]))
    for (index, name) in ["xgb-v1", "xgb-v2", "xgb-v3"].enumerated() {
      let day = Int64(2 + index * 3)
      var document = RunDocument(
        start: RunStart(
          experiment: "fraud", name: name, status: .finished, startedAt: WebFixture.time(day: day, hour: 9),
          endedAt: WebFixture.time(day: day, hour: 11),
          code: CodeVersion(
            gitCommit: "abc123\(index)", repo: "git@example.com:risk/fraud.git", entryPoint: "train.py"),
          params: [KeyValue("lr", "0.0\(index + 1)"), KeyValue("note", WebFixture.probe)],
          tags: [KeyValue("team", "risk"), KeyValue("comment", WebFixture.probe)],
          inputs: [.ref(.dataset(name: "transactions", selector: .version(index == 0 ? 1 : 2)))]))
      let points = index == 2 ? 20_000 : 50
      document.log.metrics = (0..<points).map { step in
        var value = 1.0 / Double(step + 1) + 0.05
        if index == 2 {
          if step == 12_345 { value = 9.5 }  // the spike a chart must keep
          if step == 500 { value = .nan }
          if step == 700 { value = .infinity }
          if step == 900 { value = -.infinity }
        }
        return MetricPoint(
          key: "loss", value: value, step: Int64(step),
          timestamp: Timestamp(
            milliseconds: WebFixture.time(day: day, hour: 9).milliseconds + Int64(step) * 100))
      }
      document.log.metrics.append(
        MetricPoint(
          key: "auc", value: 0.9 + Double(index) / 100, step: 1,
          timestamp: WebFixture.time(day: day, hour: 11)))
      document.log.outputs = [
        .artifact(
          ArtifactInput(
            name: "model.onnx", uri: "s3://models/fraud/\(name).onnx",
            digest: Digest.sha256(Array(name.utf8)),
            sizeBytes: 18_234))
      ]
      // Client-chosen run ids, so drawings that show them are the same on every run.
      document.runID = String(repeating: "\(index + 1)", count: 32)
      document.register = RunDocument.Registration(
        model: "fraud-detector", artifact: "model.onnx", alias: nil,
        description: "\(name) \(WebFixture.probe)")
      let result = try writer("ana", day: day).record(document)
      runs[name] = result.run.uuid
      _ = try writer("bob", day: day, hour: 15).promote(
        .model(name: "fraud-detector", selector: .version(index + 1)), to: "production",
        reason: "v\(index + 1) beats the last \(WebFixture.probe)")
    }
    _ = try writer("carol", day: 9, hour: 16).promote(
      .model(name: "fraud-detector", selector: .version(2)), to: "staging", reason: "shadow test")
    _ = try writer("dana", day: 12).deprecate(
      .model(name: "fraud-detector", selector: .version(2)), reason: "label leakage \(WebFixture.probe)")
    _ = try writer("dana", day: 13).deprecateDataset(
      .dataset(name: "transactions", selector: .version(2)), reason: "duplicated rows")
    var failed = RunDocument(
      start: RunStart(
        experiment: "fraud", name: "xgb-broken", status: .failed, startedAt: WebFixture.time(day: 14),
        endedAt: WebFixture.time(day: 14, hour: 11)))
    failed.runID = String(repeating: "e", count: 32)
    runs["xgb-broken"] = try writer("erin", day: 14).record(failed).run.uuid
  }
}

/// Parses `text` as XML with Foundation's parser; the error when it is not well-formed.
func xmlError(_ text: String) -> String? {
  let parser = XMLParser(data: Data(text.utf8))
  final class Delegate: NSObject, XMLParserDelegate {
    var error: String?
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
      error = error ?? "line \(parser.lineNumber) column \(parser.columnNumber): \(parseError)"
    }
  }
  let delegate = Delegate()
  parser.delegate = delegate
  return parser.parse() ? nil : (delegate.error ?? "not well-formed")
}
