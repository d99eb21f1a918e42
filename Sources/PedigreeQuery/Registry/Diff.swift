import PedigreeCore

/// One key whose value differs between the two sides of a diff.
public struct Change: Equatable, Sendable {
  public enum Kind: String, Sendable { case added, removed, changed }

  public let key: String
  /// The value on each side as text; `nil` when the key is absent on that side.
  public let left: String?
  public let right: String?
  /// The values as data, where they are more than text: inputs and artifacts as lists of
  /// `{ref, digest}`.
  public let leftValue: JSONValue?
  public let rightValue: JSONValue?

  public init(
    key: String, left: String?, right: String?, leftValue: JSONValue? = nil, rightValue: JSONValue? = nil
  ) {
    self.key = key
    self.left = left
    self.right = right
    self.leftValue = leftValue
    self.rightValue = rightValue
  }

  public var kind: Kind { left == nil ? .added : (right == nil ? .removed : .changed) }

  /// Equal when the key and both sides' text are: the structured values are made from the same
  /// nodes as the text.
  public static func == (a: Change, b: Change) -> Bool {
    (a.key, a.left, a.right) == (b.key, b.left, b.right)
  }

  /// How many keys two maps share with the same value.
  static func equalCount<Value: Equatable>(_ left: [String: Value], _ right: [String: Value]) -> Int {
    left.count { right[$0.key] == $0.value }
  }

  /// The keys of two maps whose values differ, by key.
  static func between(_ left: [String: String], _ right: [String: String]) -> [Change] {
    Set(left.keys).union(right.keys).sorted().compactMap { key in
      left[key] == right[key]
        ? nil
        : Change(key: key, left: left[key], right: right[key])
    }
  }

  /// The keys of two maps of nodes whose nodes differ, by key: shown as `NAME@N digest`, given in
  /// JSON as `[{ref, digest}]`.
  static func between(_ left: [String: [DiffedNode]], _ right: [String: [DiffedNode]]) -> [Change] {
    Set(left.keys).union(right.keys).sorted().compactMap { key in
      left[key] == right[key]
        ? nil
        : Change(
          key: key, left: left[key].map(DiffedNode.text), right: right[key].map(DiffedNode.text),
          leftValue: left[key].map { .array($0.map(\.json)) },
          rightValue: right[key].map { .array($0.map(\.json)) })
    }
  }
}

/// A node on one side of a diff: its typed ref and digest, and how the text shows it.
struct DiffedNode: Hashable, Sendable {
  let ref: NodeRef
  let digest: String?
  /// Shown before the digest (`transactions@2`), or nothing where the key already names it.
  let label: String?

  var json: JSONValue { .object(["ref": .string(ref.typedRef), "digest": .optional(digest)]) }

  /// `transactions@2 sha256:…, labels@1 sha256:…`.
  static func text(_ nodes: [DiffedNode]) -> String {
    nodes.map {
      [$0.label, $0.digest ?? ($0.label == nil ? "-" : nil)].compactMap { $0 }.joined(separator: " ")
    }
    .joined(separator: ", ")
  }
}

extension Change: JSONConvertible {
  /// `{key, change, left, right}`: values as text, or as data (`[{ref, digest}]`) for inputs and
  /// artifacts.
  public var json: JSONValue {
    .object([
      "key": .string(key), "change": .string(kind.rawValue),
      "left": leftValue ?? .optional(left), "right": rightValue ?? .optional(right),
    ])
  }
}

/// A final metric on both sides and the difference, right minus left.
public struct MetricDelta: Sendable {
  public let key: String
  public let left: Double?
  public let right: Double?

  /// `right - left`; `nil` when a side is missing or NaN, or the difference is undefined (∞ - ∞).
  public var delta: Double? {
    guard let left, let right else { return nil }
    let difference = right - left
    return difference.isNaN ? nil : difference
  }

  /// Whether the values differ (NaN equals NaN here; a missing side differs).
  public var changed: Bool {
    switch (left, right) {
    case (nil, nil): false
    case (let l?, let r?): !(l == r || (l.isNaN && r.isNaN))
    default: true
    }
  }
}

extension MetricDelta: JSONConvertible {
  public var json: JSONValue {
    .object([
      "key": .string(key), "left": .metric(left), "right": .metric(right), "delta": .metric(delta),
      "changed": .bool(changed),
    ])
  }
}

/// What differs between two model versions or two runs. A model version is compared through its
/// source run (params, metrics, inputs, code) and its own artifact.
public struct Diff: Sendable {
  /// The two things compared (`fraud@2`, a run id) and their runs' ids.
  public let left: NodeRef
  public let right: NodeRef
  public let leftRun: String
  public let rightRun: String
  public let params: [Change]
  /// Every final metric of either side, by key.
  public let metrics: [MetricDelta]
  /// Inputs by `kind:name` (`dataset:transactions`), valued `NAME@N digest` (JSON: `[{ref, digest}]`).
  public let inputs: [Change]
  /// `git_commit`, `repo`, `entry_point`.
  public let code: [Change]
  /// A model version's `artifact`; a run's output artifacts by name (JSON: `[{ref, digest}]`).
  public let artifacts: [Change]
  /// How many keys of each aspect (params, inputs, code, artifacts) both sides have with the
  /// same value, so "nothing differs" can say what was compared.
  public internal(set) var equalCounts = EqualCounts()

  /// Keys with the same value on both sides, per aspect.
  public struct EqualCounts: Sendable {
    public var params = 0
    public var inputs = 0
    public var code = 0
    public var artifacts = 0
  }

  /// Whether nothing differs.
  public var isEmpty: Bool {
    params.isEmpty && !metrics.contains(where: \.changed) && inputs.isEmpty && code.isEmpty
      && artifacts.isEmpty
  }
}

extension Diff: JSONConvertible {
  public var json: JSONValue {
    .object([
      "left": .string(left.typedRef), "right": .string(right.typedRef), "left_run": .string(leftRun),
      "right_run": .string(rightRun), "params": params.json, "metrics": metrics.json,
      "inputs": inputs.json, "code": code.json, "artifacts": artifacts.json,
    ])
  }
}

extension Diff {
  /// The human form: one table per aspect that differs.
  public var document: ReportDocument {
    let changes = { (changes: [Change]) in
      TextTable(
        ["KEY", "CHANGE", left.name, right.name],
        rows: changes.map { [$0.key, $0.kind.rawValue, Format.text($0.left), Format.text($0.right)] })
    }
    let metricRows = TextTable(
      ["KEY", left.name, right.name, "DELTA"],
      rows: metrics.filter(\.changed).map {
        [$0.key, Format.metric($0.left), Format.metric($0.right), Format.delta($0.delta)]
      })
    /// A section's table, or what was compared when nothing differs: "no differences (3 params
    /// equal)" rather than a bare "(none)", which reads as "there are none".
    func section(_ title: String, _ table: TextTable, equal: Int, _ noun: String) -> ReportDocument.Section {
      guard table.rows.isEmpty else { return .init(title, [.table(table)]) }
      return .init(
        title,
        [
          .lines([
            equal == 0
              ? "nothing to compare (no \(noun)s on either side)"
              : "no differences (\(equal) \(noun)\(equal == 1 ? "" : "s") equal)"
          ])
        ])
    }
    return ReportDocument(
      title: "\(left.name) → \(right.name)",
      sections: [
        section("Params", changes(params), equal: equalCounts.params, "param"),
        section("Metrics", metricRows, equal: metrics.filter { !$0.changed }.count, "metric"),
        section("Inputs", changes(inputs), equal: equalCounts.inputs, "input"),
        section("Code", changes(code), equal: equalCounts.code, "code field"),
        section("Artifacts", changes(artifacts), equal: equalCounts.artifacts, "artifact"),
      ])
  }
}

/// One side of a diff, reduced to comparable maps.
struct DiffSide {
  let run: RunSummary
  let params: [String: String]
  let metrics: [String: Double]
  let inputs: [String: [DiffedNode]]
  let code: [String: String]
  let artifacts: [String: [DiffedNode]]
}

extension Queries {
  /// What differs between two model versions, two runs, or a model version and a run.
  ///
  /// - Throws: `.usage` when either node is a dataset version or an artifact.
  public func diff(_ left: NodeRef, _ right: NodeRef) throws(PedigreeError) -> Diff {
    for node in [left, right] where node.kind != .modelVersion && node.kind != .run {
      throw PedigreeError.usage(
        "cannot diff \(node.typedRef)", hint: "diff compares model versions or runs")
    }
    return try read {
      let (l, r) = (try diffSide(left), try diffSide(right))
      var diff = Diff(
        left: left, right: right, leftRun: l.run.uuid, rightRun: r.run.uuid,
        params: Change.between(l.params, r.params),
        metrics: Set(l.metrics.keys).union(r.metrics.keys).sorted().map {
          MetricDelta(key: $0, left: l.metrics[$0], right: r.metrics[$0])
        },
        inputs: Change.between(l.inputs, r.inputs), code: Change.between(l.code, r.code),
        artifacts: Change.between(l.artifacts, r.artifacts))
      diff.equalCounts = Diff.EqualCounts(
        params: Change.equalCount(l.params, r.params), inputs: Change.equalCount(l.inputs, r.inputs),
        code: Change.equalCount(l.code, r.code), artifacts: Change.equalCount(l.artifacts, r.artifacts))
      return diff
    }
  }

  func diffSide(_ node: NodeRef) throws -> DiffSide {
    var runID = node.id
    var artifacts: [String: [DiffedNode]] = [:]
    if node.kind == .modelVersion {
      let version = try modelVersion(id: node.id)
      runID = version.runID
      let artifact = version.artifact.map { NodeRef(kind: .artifact, id: $0.id, name: "artifact:\($0.id)") }
      artifacts["artifact"] = [
        DiffedNode(
          ref: artifact ?? NodeRef(kind: .modelVersion, id: node.id, name: node.name),
          digest: version.artifactDigest ?? version.artifact?.digest, label: nil)
      ]
    } else {
      for output in try neighbours(of: runID, upstream: false, relation: .output)
      where output.ref.kind == .artifact {
        artifacts[output.entityName ?? output.ref.name, default: []].append(
          DiffedNode(ref: output.ref, digest: output.digest, label: nil))
      }
    }
    let run = try runSummary(id: runID)
    var inputs: [String: [DiffedNode]] = [:]
    for input in try neighbours(of: runID, upstream: true, relation: .input) {
      let key =
        "\(input.ref.kind == .datasetVersion ? "dataset" : input.ref.kind.rawValue):"
        + (input.entityName ?? input.ref.name)
      inputs[key, default: []].append(
        DiffedNode(ref: input.ref, digest: input.digest, label: input.ref.name))
    }
    return DiffSide(
      run: run, params: Dictionary(try params(runID: runID).map { ($0.key, $0.value) }) { a, _ in a },
      metrics: Dictionary(try latestMetrics(runID: runID).map { ($0.key, $0.value) }) { a, _ in a },
      inputs: inputs,
      code: [
        "git_commit": run.code.gitCommit, "repo": run.code.repo, "entry_point": run.code.entryPoint,
      ].compactMapValues { $0 }, artifacts: artifacts)
  }
}
