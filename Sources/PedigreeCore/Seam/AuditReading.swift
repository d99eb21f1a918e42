/// The audit reads of a backend (see `RegistryReading`): the audit log, and the stored facts
/// `db check` holds against it.
public protocol AuditReading {
  /// The audit log entries `filter` selects (time window, actor, order, limit).
  ///
  /// - Parameter entity: the entity names `filter.entity` stands for, as the query layer
  ///   resolved it; `nil` selects every entity. `filter.entity` itself is not read.
  func auditEntries(_ filter: AuditLogFilter, entity: AuditEntityMatch?) throws(PedigreeError)
    -> [AuditEntry]

  /// Entry `id` of the audit log, or `nil` when the log holds no such entry.
  func auditEntry(id: Int64) throws(PedigreeError) -> AuditEntry?

  /// The audit log's last entry (the highest id): the chain's head; `nil` for an empty log.
  func lastAuditEntry() throws(PedigreeError) -> AuditEntry?

  /// How many entries the audit log holds.
  func auditEntryCount() throws(PedigreeError) -> Int

  /// Walks the whole audit log in id order and returns the first entry that was altered, forged
  /// or removed (see `AuditChain`); `nil` when the chain is intact.
  func auditChainBreak() throws(PedigreeError) -> AuditChain.Break?

  /// Every alias event as a move, by event id (ascending); a move onto a version that is gone
  /// has no version.
  func aliasEventMoves() throws(PedigreeError) -> [(id: Int64, move: AliasMoveRecord)]

  /// The alias moves the audit log records (promotions, rollbacks, and registrations and run
  /// records that set an alias; see `AliasMoveRecord(action:entity:details:)`), by entry id.
  func auditedAliasMoves() throws(PedigreeError) -> [(id: Int64, move: AliasMoveRecord)]

  /// For every run whose params or metric points an audit entry recorded a content digest of:
  /// the run id, the last such entry, the digest it recorded and the digest of the run's content
  /// as stored now (see `RunContent`), ordered by run; and `stale`, naming the first metric key
  /// whose stored latest value (what `run show` and search read) is not its history's last
  /// point, or `nil`.
  func runContentDigests() throws(PedigreeError)
    -> [(run: String, entry: Int64, recorded: String, current: String, stale: String?)]

  /// Up to 20 run ids, in creation order, that no `run.start` or `run.record` entry created.
  func unrecordedRuns() throws(PedigreeError) -> [String]

  /// The facts of every entity as the rows hold them now, in the canonical form audit entries
  /// record (see `EntityFacts`): kind by kind, in a stable order within each kind.
  func currentFacts() throws(PedigreeError) -> [EntityFacts]

  /// Every entity's facts as audit entries recorded them (their details' `facts`), in entry
  /// order; an entity recorded by several entries appears once per entry.
  func recordedFacts() throws(PedigreeError) -> [RecordedFacts]

  /// The OpenLineage events whose stored body no longer hashes to the `body_sha256` their
  /// recorded facts name (`openlineage_event:SHA`), in event order: the bodies `openlineage
  /// export` returns, checked by content rather than by size.
  func openLineageBodyMismatches() throws(PedigreeError) -> [String]

  /// The history of every metric with points in run `runID`, by key.
  func metricHistories(runID: Int64) throws(PedigreeError) -> [MetricHistory]
}
