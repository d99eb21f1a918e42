import Foundation
import PedigreeCore
import Testing

/// PRODUCT.md, "The JSON contract", checked across every command at once: scripts join the output
/// of one command with the input of another, so every document speaks the same JSON.
@Suite struct JSONContractTests {
  /// The demo registry plus what the demo does not write: a recorded run, a tag, a deprecated
  /// dataset version.
  static func registry() throws -> CLI {
    let cli = CLI()
    try cli.ok("demo")
    let record = #"""
      {"experiment": "contract", "name": "r", "started_at": "2026-11-28T10:00:00.123456Z",
       "params": {"lr": "0.1"}, "metrics": {"loss": [[0, 0.5], [1, "NaN"]], "auc": "Infinity"},
       "inputs": [{"dataset": "transactions-clean@2"}],
       "outputs": [{"dataset": {"name": "features", "uri": "s3://f/1", "digest": "sha256:\#(String(repeating: "e", count: 64))"}}]}
      """#
    try cli.ok("run", "record", try cli.write("run.json", record))
    try cli.ok("model", "tag", "fraud-detector@2", "--set", "reviewed=yes")
    return cli
  }

  /// Every command's document, read and write, on one registry.
  static func documents(_ cli: CLI) throws -> [(command: String, json: JSONValue)] {
    let run =
      try cli.ok("run", "list", "--limit", "1").split(separator: "\n").dropFirst().first
      .flatMap { $0.split(separator: " ").first }.map(String.init) ?? ""
    let file = try cli.write("model.onnx", "weights")
    let mlflow = try MLflowImportBadInputTests.emptyMLflowDatabase(cli.path("mlflow.db"))
    let commands: [[String]] = [
      ["model", "list"], ["model", "show", "fraud-detector@production"],
      ["model", "show", "fraud-detector@production", "--at", "2026-11-01"],
      ["model", "versions", "fraud-detector"], ["model", "history", "fraud-detector"],
      ["model", "search", "run.metrics.auc > 0.5"], ["dataset", "list"], ["dataset", "show", "labels@1"],
      ["run", "list"], ["run", "show", run], ["run", "search", "metrics.auc > 0.5"],
      ["run", "metrics", run], ["lineage", "fraud-detector@production"],
      ["impact", "dataset:labels@1"], ["audit", "fraud-detector@production"],
      ["diff", "fraud-detector@2", "fraud-detector@3"], ["log", "--limit", "50"], ["experiment", "list"],
      ["policy", "list"], ["db", "status"], ["db", "head"],
      [
        "openlineage", "import",
        try cli.write(
          "ol.json",
          #"{"eventType": "START", "eventTime": "2026-11-28T02:00:00Z", "run": {"runId": "3b452093-782c-4ef2-9c0c-aafe2aa6f34d"}, "job": {"namespace": "n", "name": "j"}}"#
        ),
      ],
      [
        "dataset", "register", "extra", "--uri", "s3://extra/1", "--digest",
        "sha256:" + String(repeating: "a", count: 64),
      ],
      ["model", "register", "fraud-detector", "--run", run, "--artifact", file],
      ["model", "promote", "fraud-detector@4", "--to", "production", "--reason", "contract"],
      ["model", "rollback", "fraud-detector", "--reason", "contract"],
      ["model", "unalias", "fraud-detector", "staging", "--reason", "contract"],
      ["model", "history", "fraud-detector", "--alias", "staging"],
      ["log", "--action", "model", "--limit", "5"],
      ["model", "tag", "fraud-detector@4", "--set", "k=v"],
      ["model", "deprecate", "fraud-detector@1", "--reason", "contract"],
      ["dataset", "deprecate", "labels@1", "--reason", "contract"],
      ["import", "mlflow", mlflow],
      ["token", "create", "contract-bot", "--role", "writer", "--expires", "30d"], ["token", "list"],
      ["token", "revoke", "contract-bot"],
      ["model", "download", "fraud-detector@5", "--to", cli.path("downloaded.onnx")],
    ]
    return try commands.map { arguments in
      let result = try cli.run(arguments + ["--json"])
      #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.stderr)")
      return (arguments.joined(separator: " "), try result.json())
    }
  }

  @Test func everyCommandSpeaksTheSameJSON() throws {
    let cli = try Self.registry()
    var refs = 0
    for (command, json) in try Self.documents(cli) {
      refs += Self.check(json, in: command)
    }
    #expect(refs > 50, "the documents should carry many refs; found \(refs)")
  }

  @Test func writesAnswerWithTheEntityAndWhetherTheyChangedIt() throws {
    let cli = try Self.registry()
    for (command, json) in try Self.documents(cli) where Self.isWrite(command) {
      #expect(json["changed"] != nil, "\(command) does not say whether it changed anything")
      #expect(json["ref"] != nil || json["model"] != nil, "\(command) does not name what it wrote")
    }
  }

  @Test func theCheckerCatchesWhatItLooksFor() {
    withKnownIssue { _ = Self.check(.object(["ref": .string("fraud@1")]), in: "an untyped ref") }
    withKnownIssue { _ = Self.check(.object(["size": .integer(1)]), in: "a replaced key") }
    withKnownIssue { _ = Self.check(.object(["createdAt": .null]), in: "camelCase") }
    withKnownIssue { _ = Self.check(.object(["at": .string("2026-11-28T10:00:00Z")]), in: "no milliseconds") }
    #expect(Self.check(.object(["ref": .string("model:fraud@1")]), in: "a good document") == 1)
  }

  static func isWrite(_ command: String) -> Bool {
    ["register", "promote", "rollback", "unalias", "tag"].contains {
      command.split(separator: " ").dropFirst().first == Substring($0)
    }
  }

  /// Keys whose objects hold user data (param names, tag keys, metric keys, audit details), not
  /// the contract's vocabulary.
  static let userData: Set<String> = [
    "params", "tags", "metrics", "metric_steps", "details", "deprecated_data",
  ]
  /// Key names the contract replaced, and by what.
  static let replaced = [
    "size": "size_bytes", "rows": "row_count", "from": "from_version", "to": "to_version",
    "created": "created_at",
  ]

  /// Checks one document recursively; returns how many `ref` fields it saw.
  static func check(_ value: JSONValue, in command: String, path: String = "$") -> Int {
    switch value {
    case .array(let elements):
      return elements.enumerated().reduce(0) {
        $0 + check($1.element, in: command, path: "\(path)[\($1.offset)]")
      }
    case .object(let object):
      var refs = 0
      for (key, child) in object.pairs {
        let at = "\(command): \(path).\(key)"
        #expect(key.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" }, "\(at) is not snake_case")
        if let better = replaced[key], key != "created" || object["changed"] == nil {
          Issue.record("\(at): the contract names it \(better)")
        }
        if key == "ref", case .string(let ref) = child {
          refs += 1
          #expect(
            ["model:", "dataset:", "run:", "artifact:"].contains { ref.hasPrefix($0) },
            "\(at) = \(ref) is not a typed ref")
        }
        if key.hasSuffix("_at") || ["at", "since", "until", "as_of", "timestamp"].contains(key) {
          if case .string(let time) = child {
            #expect(time.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil, "\(at) = \(time)")
          }
        }
        if !userData.contains(key) { refs += check(child, in: command, path: "\(path).\(key)") }
      }
      return refs
    default:
      return 0
    }
  }
}
