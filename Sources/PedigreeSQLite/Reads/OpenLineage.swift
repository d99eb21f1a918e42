import PedigreeCore

extension SQLiteRegistry {
  public func openLineageDatasetName(uri: String) throws(PedigreeError) -> String? {
    try mapErrors {
      try database.scalarString(
        """
        SELECT d.name FROM ol_datasets o JOIN datasets d ON d.id = o.dataset_id
        WHERE o.uri = ?1 OR o.namespace || '/' || o.name = ?1 ORDER BY o.uri = ?1 DESC LIMIT 1
        """, [.text(uri)])
    }
  }

  public func openLineageDatasetIdentity(dataset name: String) throws(PedigreeError)
    -> (namespace: String, name: String)?
  {
    try mapErrors {
      try database.queryFirst(
        "SELECT o.namespace, o.name FROM ol_datasets o JOIN datasets d ON d.id = o.dataset_id WHERE d.name = ?",
        [.text(name)]
      ) { (namespace: $0.string(0), name: $0.string(1)) }
    }
  }

  public func openLineageRunOrigin(runID: Int64) throws(PedigreeError) -> LineageRunOrigin? {
    try mapErrors {
      try database.queryFirst(
        "SELECT ol_run_id, job_namespace, job_name FROM ol_runs WHERE run_id = ?", [.integer(runID)]
      ) { LineageRunOrigin(runID: $0.string(0), jobNamespace: $0.string(1), jobName: $0.string(2)) }
    }
  }

  public func runIDs(startedSince since: Timestamp?, until: Timestamp?) throws(PedigreeError) -> [Int64] {
    try mapErrors {
      try database.query(
        """
        SELECT id FROM runs r WHERE (started_at >= ?1 AND started_at <= ?2) OR EXISTS (
          SELECT 1 FROM ol_events e WHERE e.run_id = r.id AND e.event_time >= ?1 AND e.event_time <= ?2)
        ORDER BY started_at, id
        """, [.integer(since?.milliseconds ?? Int64.min), .integer(until?.milliseconds ?? Int64.max)]
      ) { $0.int64(0) }
    }
  }

  public func forEachOpenLineageEvent(
    runIDs: [Int64]?, since: Timestamp?, until: Timestamp?, _ body: (StoredLineageEvent) -> Void
  ) throws(PedigreeError) {
    try mapErrors {
      let range: [SQLValue] = [
        .integer(since?.milliseconds ?? Int64.min), .integer(until?.milliseconds ?? Int64.max),
      ]
      let filter = runIDs.map { ids in
        ids.isEmpty ? "AND 0" : "AND run_id IN (\(ids.map(String.init).joined(separator: ",")))"
      }
      let statement = try database.prepareUncached(
        """
        SELECT event_time, event_type, body FROM ol_events
        WHERE event_time >= ? AND event_time <= ? \(filter ?? "") ORDER BY event_time, id
        """)
      try statement.bind(range)
      defer { statement.reset() }
      while try statement.step() {
        let row = statement.row
        guard case .blob(let bytes) = row.value(2) else { continue }
        body(
          StoredLineageEvent(
            eventTime: Timestamp(milliseconds: row.int64(0)), eventType: row.optionalString(1), body: bytes))
      }
    }
  }
}
