import Foundation
import PedigreeCore
import PedigreeTestSupport
import Testing

/// `pedigree run metrics`: whole histories out of the real binary, exact and complete.
@Suite struct MetricsCommandTests {
  /// The value of point `step` of the big history: special values every few steps.
  static func value(_ step: Int) -> (json: String, text: String) {
    switch step % 7 {
    case 1: return ("\"NaN\"", "NaN")
    case 2: return ("\"Infinity\"", "Infinity")
    case 3: return ("\"-Infinity\"", "-Infinity")
    case 4: return ("-0.0", "-0.0")
    default:
      let value = Double(step) / 3
      return ("\(value)", "\(value)")
    }
  }

  @Test func twoHundredThousandPointsComeBackCompleteAndExact() throws {
    let cli = CLI()
    try cli.ok("init")
    let count = 200_000
    var record = "{\"experiment\": \"big\", \"metrics\": {\"loss\": ["
    record += (0..<count).map { "[\($0), \(Self.value($0).json), \(1_893_456_000_000 + Int64($0))]" }
      .joined(separator: ",")
    record += "], \"auc\": 0.5}}"
    let run = try cli.ok("run", "record", try cli.write("big.json", record))
    let csv = try cli.run("run", "metrics", run, "--key", "loss", "--format", "csv")
    #expect(csv.status == 0, "\(csv.stderr)")
    let lines = csv.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == count + 2 && lines.first == "key,step,timestamp,value" && lines.last == "")
    var mismatches = 0
    for step in 0..<count {
      let time = Timestamp(milliseconds: 1_893_456_000_000 + Int64(step)).iso8601
      if lines[step + 1] != "loss,\(step),\(time),\(Self.value(step).text)" { mismatches += 1 }
    }
    #expect(mismatches == 0)
    let json = try cli.run("run", "metrics", run, "--json").json()
    guard case .array(let points)? = json["points"] else {
      Issue.record("no points")
      return
    }
    #expect(points.count == count + 1 && points[0]["key"] == .string("auc"))
    #expect(points[2]["value"] == .string("NaN") && points[4]["value"] == .string("-Infinity"))
    #expect(points[count]["step"] == .integer(Int64(count - 1)))
    let table = try cli.ok("run", "metrics", String(run.prefix(8)), "--key", "auc")
    #expect(table.split(separator: "\n").count == 2 && table.hasSuffix("0.5"))
  }

  @Test func badInputs() throws {
    let cli = CLI()
    try cli.ok("demo")
    let run = try cli.ok("run", "record", "-", input: #"{"metrics": {"loss": [[0, 1]]}}"#)
    let unknown = try cli.fails(1, "run", "metrics", run, "--key", "los")
    #expect(unknown.stdout.isEmpty && unknown.stderr.contains("its metrics: loss"))
    try cli.fails(1, "run", "metrics", "abcdef123456")
    try cli.fails(64, "run", "metrics", "xyz")
    try cli.fails(64, "run", "metrics", run, "--json", "--format", "csv")
    try cli.fails(64, "run", "metrics", run, "--format", "xml")
  }
}
