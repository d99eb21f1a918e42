/// The write side of a storage backend, for one author: every write Pedigree makes. Each call is
/// one transaction that appends exactly one audit entry (stamped with the author and its clock),
/// or writes nothing at all when it fails or finds its work already done (`changed: false`).
///
/// The rules (validation, idempotency, the undo stack of aliases) are the same on every backend;
/// PedigreeSQLite's `SQLiteWriter` is the reference implementation.
public protocol RegistryWriting: MLflowWriting {
  /// Who writes, and the clock the writes record.
  var author: Author { get }

  /// Reads on the writer's own connection: what a write just wrote (the id a prefix named, the
  /// impact of a deprecation), for the answer of a request that is one write.
  var reader: any RegistryReading { get }

  /// Registers a dataset version; the digest the dataset already has returns that version.
  func registerDataset(_ input: DatasetInput) throws(PedigreeError) -> Outcome<DatasetVersion>

  /// Starts a run with its params, tags and inputs.
  func startRun(_ start: RunStart) throws(PedigreeError) -> RunHandle

  /// Adds params, metric points, tags, inputs and outputs to a run, all or nothing; `changed:
  /// false` (nothing written) when the run already had all of it.
  func logRun(_ ref: Ref, _ log: RunLog) throws(PedigreeError) -> Outcome<NodeRef>

  /// Appends metric points that carry their own times (MLflow's `log-metric`, `log-batch`), all
  /// or nothing; a point the run has with the same key, step, time and value adds nothing, and
  /// `changed: false` (nothing written) when all of them were recorded.
  func logMetrics(_ ref: Ref, _ points: [MetricPoint]) throws(PedigreeError) -> Outcome<NodeRef>

  /// Ends a running run; `false` when it had already ended that way.
  func endRun(_ ref: Ref, status: RunStatus, at time: Timestamp?) throws(PedigreeError) -> Bool

  /// Records one whole run (and its registration, if any), all or nothing.
  func record(_ document: RunDocument) throws(PedigreeError) -> RecordResult

  /// Records one run per JSON line, each atomically, reporting each line's result as it goes.
  func recordLines(
    _ lines: LineReader, batchSize: Int, onResult: (Int, Result<RecordResult, PedigreeError>) -> Void
  ) throws(PedigreeError) -> RecordSummary

  /// Registers a model version from a run; the artifact digest the model already has returns
  /// that version.
  func registerModel(_ registration: ModelRegistration) throws(PedigreeError) -> Outcome<ModelVersion>

  /// Moves an alias onto a version.
  func promote(_ ref: Ref, to alias: String, reason: String?) throws(PedigreeError) -> Outcome<AliasMove>

  /// Undoes an alias's last move (or jumps to `version`), skipping deprecated versions.
  func rollback(model name: String, alias: String, to version: Int?, reason: String?)
    throws(PedigreeError) -> Outcome<AliasMove>

  /// Removes an alias (an event with action `remove`); removing a removed alias changes nothing.
  func removeAlias(model name: String, alias: String, reason: String?) throws(PedigreeError)
    -> Outcome<AliasMove>

  /// Marks a dataset version bad, once: inputs then skip (unversioned refs) or refuse it.
  func deprecateDataset(_ ref: Ref, reason: String) throws(PedigreeError) -> DatasetVersion

  /// Marks a model version bad.
  func deprecate(_ ref: Ref, reason: String) throws(PedigreeError) -> ModelVersion

  /// Sets and unsets tags of a model version (a key in both is refused); a tag set to the value
  /// it has, or unset when absent, is no change, and a call changing nothing writes nothing.
  func tagModelVersion(_ ref: Ref, set: [KeyValue], unset: [String]) throws(PedigreeError)
    -> Outcome<ModelVersionInfo>

  /// Replaces a model version's description (`nil` or empty clears it).
  func describeModelVersion(_ ref: Ref, description: String?) throws(PedigreeError)
    -> Outcome<ModelVersionInfo>

  /// Sets the promotion policy of a pattern and alias (replacing the one it had).
  func setPolicy(_ policy: PolicyInput) throws(PedigreeError) -> Outcome<PromotionPolicy>

  /// Removes the promotion policy of a pattern and alias; returns the policy removed.
  ///
  /// - Throws: `.notFound` when the pattern has no policy on that alias.
  func unsetPolicy(pattern: String, alias: String) throws(PedigreeError) -> PromotionPolicy

  /// Creates an API token (refused when a token of that name is in force).
  func createToken(_ input: TokenInput) throws(PedigreeError) -> APIToken

  /// Revokes the token of that name in force; `.notFound` when there is none.
  func revokeToken(name: String) throws(PedigreeError) -> APIToken

  /// Stores one OpenLineage event verbatim and folds it into its run (OPENLINEAGE.md §4), in one
  /// transaction with one audit entry; a byte-identical replay writes nothing (`changed: false`).
  /// Never refuses an event the mapping accepted.
  func ingestOpenLineage(_ event: LineageEventInput) throws(PedigreeError) -> Outcome<LineageIngestResult>
}
