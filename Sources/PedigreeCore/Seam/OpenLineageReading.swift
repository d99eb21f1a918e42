/// The OpenLineage reads of a backend (see `RegistryReading`): the stored events and the
/// identities OpenLineage gave runs and datasets, for `openlineage export` and for finding an
/// OpenLineage dataset by its URI.
public protocol OpenLineageReading {
  /// The Pedigree dataset name of the OpenLineage dataset whose URI (D1) is `uri`, or whose
  /// `namespace/name` it is; `nil` when no OpenLineage dataset has it.
  func openLineageDatasetName(uri: String) throws(PedigreeError) -> String?

  /// The OpenLineage identity (namespace, name) of a dataset, when it came from OpenLineage.
  func openLineageDatasetIdentity(dataset name: String) throws(PedigreeError)
    -> (namespace: String, name: String)?

  /// The OpenLineage runId and job of a run, when it came from OpenLineage.
  func openLineageRunOrigin(runID: Int64) throws(PedigreeError) -> LineageRunOrigin?

  /// The node ids of the runs that started within the range (either end open), or that have an
  /// OpenLineage event in it, oldest first.
  func runIDs(startedSince since: Timestamp?, until: Timestamp?) throws(PedigreeError) -> [Int64]

  /// Calls `body` with each stored event, in event-time order (then arrival order): of the runs
  /// `runIDs` (`nil`: every event, static ones included) within the time range.
  func forEachOpenLineageEvent(
    runIDs: [Int64]?, since: Timestamp?, until: Timestamp?, _ body: (StoredLineageEvent) -> Void
  ) throws(PedigreeError)
}

/// Where an OpenLineage run came from.
public struct LineageRunOrigin: Equatable, Sendable {
  public let runID: String
  public let jobNamespace: String
  public let jobName: String

  public init(runID: String, jobNamespace: String, jobName: String) {
    self.runID = runID
    self.jobNamespace = jobNamespace
    self.jobName = jobName
  }
}

/// One stored OpenLineage event.
public struct StoredLineageEvent: Sendable {
  public let eventTime: Timestamp
  public let eventType: String?
  /// The bytes as received.
  public let body: [UInt8]

  public init(eventTime: Timestamp, eventType: String?, body: [UInt8]) {
    self.eventTime = eventTime
    self.eventType = eventType
    self.body = body
  }
}
