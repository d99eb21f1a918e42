/// The relation of a lineage edge (`edges.relation`), in the direction data flows.
public enum EdgeRelation: String, Sendable, CaseIterable, Comparable {
  /// A dataset version, artifact or model version → the run that read it.
  case input
  /// A run → the dataset version or artifact it produced.
  case output
  /// A run → the model version registered from it.
  case sourceRun = "source_run"
  /// An artifact → the model version that serves it.
  case sourceArtifact = "source_artifact"

  public static func < (lhs: EdgeRelation, rhs: EdgeRelation) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What an audit entry records, as `area.verb` (`audit_log.action`). Every write appends exactly
/// one entry with one of these.
public enum AuditAction: String, Sendable, CaseIterable {
  case registryCreate = "registry.create"
  case registryMigrate = "registry.migrate"
  /// The facts of every entity an older registry held when migrated to schema 4, recorded once
  /// so that `db check` covers them (see docs/AUDIT-CHAIN.md).
  case registryBaseline = "registry.baseline"
  case datasetRegister = "dataset.register"
  case datasetDeprecate = "dataset.deprecate"
  case runStart = "run.start"
  case runLog = "run.log"
  case runEnd = "run.end"
  case runRecord = "run.record"
  case modelRegister = "model.register"
  case modelPromote = "model.promote"
  case modelRollback = "model.rollback"
  /// An alias removed (`model unalias`, MLflow's `DELETE registered-models/alias`).
  case modelUnalias = "model.unalias"
  case modelDeprecate = "model.deprecate"
  case modelTag = "model.tag"
  case modelDescribe = "model.describe"
  case policySet = "policy.set"
  case policyUnset = "policy.unset"
  case tokenCreate = "token.create"
  case tokenRevoke = "token.revoke"
  /// One OpenLineage event stored and folded into its run (OPENLINEAGE.md).
  case openLineageEvent = "openlineage.event"
  // MLflow's REST API (issue 13).
  case experimentCreate = "experiment.create"
  /// An experiment's tag set (MLflow's `experiments/set-experiment-tag`).
  case experimentTag = "experiment.tag"
  case runTag = "run.tag"
  case artifactUpload = "artifact.upload"
  case loggedModelCreate = "logged_model.create"
  case loggedModelFinalize = "logged_model.finalize"
  case loggedModelTag = "logged_model.tag"
  case runOutputs = "run.outputs"
  case modelCreate = "model.create"
  /// A registered model's description or tags changed (MLflow's `registered-models/update`,
  /// `set-tag`, `delete-tag`).
  case modelUpdate = "model.update"
}

/// How an alias moved (`alias_events.action`).
public enum AliasAction: String, Sendable, CaseIterable {
  /// Onto a version named by the caller (a promotion, or an alias set at registration).
  case promote
  /// Back down the alias's undo stack, or to an explicit `--to` version.
  case rollback
  /// Off the version it pointed at: the alias is unset (`to_version_id` NULL) until set again.
  case remove
}
