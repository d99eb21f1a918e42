// The JSON documents of write results: what `--json` prints and what the server answers, the
// same bytes from either frontend.

extension Outcome: JSONConvertible where Value: JSONConvertible {
  /// The value's document, plus `"changed"`: `false` when the registry already held it.
  public var json: JSONValue { value.json.adding(["changed": .bool(changed)]) }
}

extension DatasetVersion: JSONConvertible {
  /// `{ref, name, version, uri, digest, size_bytes, row_count}`; `ref` typed, `dataset:NAME@N`.
  public var json: JSONValue {
    .object([
      "ref": .string("dataset:\(ref)"), "name": .string(name), "version": .integer(Int64(version)),
      "uri": .string(uri), "digest": .optional(digest), "size_bytes": .optional(sizeBytes),
      "row_count": .optional(rowCount),
    ])
  }
}

extension ModelVersion: JSONConvertible {
  /// `{ref, model, version, run_id, artifact_id, digest, size_bytes}`; `ref` typed,
  /// `model:NAME@N`.
  public var json: JSONValue {
    .object([
      "ref": .string("model:\(ref)"), "model": .string(model), "version": .integer(Int64(version)),
      "run_id": .string(runUUID), "artifact_id": .optional(artifactID), "digest": .optional(digest),
      "size_bytes": .optional(sizeBytes),
    ])
  }
}

extension AliasMove: JSONConvertible {
  /// `{model, alias, action, from_version, to_version}`.
  public var json: JSONValue {
    .object([
      "model": .string(model), "alias": .string(alias), "action": .string(action.rawValue),
      "from_version": .optional(from.map(Int64.init)), "to_version": .optional(to.map(Int64.init)),
    ])
  }
}

extension RunHandle: JSONConvertible {
  /// `{run_id}`.
  public var json: JSONValue { .object(["run_id": .string(uuid)]) }
}

extension RecordResult: JSONConvertible {
  /// `{run_id, ref, params, metric_points, inputs, outputs, datasets_produced, model_version,
  /// alias, changed}`: what one record wrote (or found, when `changed` is false), with the dataset
  /// versions it produced, the version it registered and the alias it moved, refs typed.
  public var json: JSONValue {
    .object([
      "run_id": .string(run.uuid), "ref": .string("run:\(run.uuid)"),
      "params": .integer(Int64(paramCount)), "metric_points": .integer(Int64(metricPointCount)),
      "inputs": .integer(Int64(inputCount)), "outputs": .integer(Int64(outputCount)),
      "datasets_produced": .strings(datasetsProduced),
      "model_version": .optional(modelVersion.map { "model:\($0.value.ref)" }),
      "alias": .optional(aliasMove.map { "\($0.model)@\($0.alias)" }), "changed": .bool(changed),
    ])
  }
}

extension JSONValue {
  /// This object with `fields` appended (replacing keys it already has); other values unchanged.
  public func adding(_ fields: JSONObject) -> JSONValue {
    guard case .object(var object) = self else { return self }
    for (key, value) in fields.pairs { object[key] = value }
    return .object(object)
  }
}

/// What one `run log` call added to a run.
public struct LoggedRun: Sendable {
  /// The run logged to.
  public let run: NodeRef
  /// What was logged.
  public let log: RunLog
  /// `false` when the run already had all of it (a retry): nothing was written.
  public let changed: Bool

  public init(run: NodeRef, log: RunLog, changed: Bool = true) {
    self.run = run
    self.log = log
    self.changed = changed
  }
}

extension LoggedRun: JSONConvertible {
  /// `{run_id, params, metric_points, inputs, outputs, changed}`: the counts of what was logged.
  public var json: JSONValue {
    .object([
      "run_id": .string(run.name), "params": .integer(Int64(log.params.count)),
      "metric_points": .integer(Int64(log.metrics.count)), "inputs": .integer(Int64(log.inputs.count)),
      "outputs": .integer(Int64(log.outputs.count)), "changed": .bool(changed),
    ])
  }
}
