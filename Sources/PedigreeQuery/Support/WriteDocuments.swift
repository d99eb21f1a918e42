import PedigreeCore

/// The JSON documents of writes whose answer is more than the entity plus `"changed"`, shared
/// by the CLI's `--json` and the server's `/api/v1`, so both print the same keys.
public enum WriteDocuments {
  /// `dataset register`: the version, `changed`, and `created` (its older name).
  public static func datasetRegistered(_ outcome: Outcome<DatasetVersion>) -> JSONValue {
    outcome.json.adding(["created": .bool(outcome.changed)])
  }

  /// `model register`: the version, `changed`, `created` (its older name) and the alias set.
  public static func modelRegistered(_ outcome: Outcome<ModelVersion>, alias: String?) -> JSONValue {
    outcome.json.adding([
      "created": .bool(outcome.changed), "alias": .optional(outcome.changed ? alias : nil),
    ])
  }

  /// `model deprecate`.
  public static func modelDeprecated(_ version: ModelVersion, reason: String) -> JSONValue {
    version.json.adding(["deprecated": .bool(true), "reason": .string(reason)])
  }

  /// `dataset deprecate`, with the aliases that serve models trained on it.
  public static func datasetDeprecated(_ version: DatasetVersion, reason: String, impact: ImpactReport)
    -> JSONValue
  {
    version.json.adding([
      "deprecated": .bool(true), "reason": .string(reason), "changed": .bool(true),
      "serving_aliases": impact.servingAliases.json,
    ])
  }

  /// `run end`.
  public static func runEnded(runID: String, status: RunStatus, changed: Bool) -> JSONValue {
    .object(["run_id": .string(runID), "status": .string(status.rawValue), "changed": .bool(changed)])
  }

  /// `policy unset`.
  public static func policyUnset(_ removed: PromotionPolicy) -> JSONValue {
    removed.json.adding(["changed": .bool(true), "unset": .bool(true)])
  }

  /// `token revoke`.
  public static func tokenRevoked(_ token: APIToken) -> JSONValue {
    token.json.adding(["changed": .bool(true)])
  }
}
