import PedigreeCore

enum RunSQL {
  /// The columns `RunSummary.init(row:)` reads.
  static let columns = """
    r.id, r.uuid, x.name, r.name, r.status, r.started_at, r.ended_at, r.actor, r.git_commit,
    r.git_repo, r.entry_point
    """
  static let from = "runs r JOIN experiments x ON x.id = r.experiment_id"
}

extension RunSummary {
  /// Reads `RunSQL.columns`.
  init(row: Row) {
    self.init(
      id: row.int64(0), uuid: row.string(1), experiment: row.string(2), name: row.optionalString(3),
      status: row.string(4), startedAt: Timestamp(milliseconds: row.int64(5)),
      endedAt: row.optionalInt64(6).map(Timestamp.init(milliseconds:)), actor: row.string(7),
      code: CodeVersion(
        gitCommit: row.optionalString(8), repo: row.optionalString(9),
        entryPoint: row.optionalString(10)))
  }
}

extension SQLiteRegistry {
  /// The run's row with its experiment's name.
  public func runSummary(id: Int64) throws(PedigreeError) -> RunSummary {
    try mapErrors {
      guard
        let run = try database.queryFirst(
          "SELECT \(RunSQL.columns) FROM \(RunSQL.from) WHERE r.id = ?", [.integer(id)],
          RunSummary.init(row:))
      else { throw PedigreeError.notFound("no run with node id \(id)") }
      return run
    }
  }

  /// The runs newest first, through `runs` joined to `experiments`.
  public func runList(experiment: String?, limit: Int) throws(PedigreeError) -> [RunSummary] {
    try mapErrors {
      try database.query(
        "SELECT \(RunSQL.columns) FROM \(RunSQL.from) WHERE CAST(?1 AS TEXT) IS NULL OR x.name = ?1 "
          + "ORDER BY r.started_at DESC, r.id DESC LIMIT ?2",
        [SQLValue(experiment), .integer(Int64(max(0, limit)))], RunSummary.init(row:))
    }
  }

  /// The `params` rows of the run.
  public func params(runID: Int64) throws(PedigreeError) -> [(key: String, value: String)] {
    try mapErrors {
      try database.query(
        "SELECT key, value FROM params WHERE run_id = ? ORDER BY key", [.integer(runID)]
      ) { (key: $0.string(0), value: $0.string(1)) }
    }
  }

  /// The `run_tags` rows of the run.
  public func tags(runID: Int64) throws(PedigreeError) -> [(key: String, value: String)] {
    try mapErrors {
      try database.query(
        "SELECT key, value FROM run_tags WHERE run_id = ? ORDER BY key", [.integer(runID)]
      ) { (key: $0.string(0), value: $0.string(1)) }
    }
  }

  /// The `latest_metrics` rows of the run.
  public func latestMetrics(runID: Int64) throws(PedigreeError) -> [LatestMetric] {
    try mapErrors {
      try database.query(
        "SELECT key, value, step, timestamp FROM latest_metrics WHERE run_id = ? ORDER BY key",
        [.integer(runID)]
      ) {
        LatestMetric(
          key: $0.string(0), value: $0.optionalDouble(1) ?? .nan, step: $0.int64(2),
          timestamp: Timestamp(milliseconds: $0.int64(3)))
      }
    }
  }

  /// Grouped over the run's `metric_chunks` by key id (the index's prefix), joined to
  /// `metric_keys`: no point is decoded.
  public func metricKeys(runID: Int64) throws(PedigreeError) -> [MetricKeyInfo] {
    try mapErrors {
      try database.query(
        """
        SELECT k.key, sum(c.count), min(c.min_step), max(c.max_step)
        FROM metric_chunks c JOIN metric_keys k ON k.id = c.key_id
        WHERE c.run_id = ? GROUP BY c.key_id, k.key ORDER BY k.key
        """, [.integer(runID)]
      ) { MetricKeyInfo(key: $0.string(0), count: $0.int(1), minStep: $0.int64(2), maxStep: $0.int64(3)) }
    }
  }

  /// Merges the key's chunks (`Database.forEachStoredPoint`): memory holds the chunks that
  /// overlap, not the history.
  public func forEachMetricPoint(runID: Int64, key: String, _ body: (MetricPoint) -> Void)
    throws(PedigreeError)
  {
    try mapErrors {
      guard let keyID = try metricKeyID(key) else { return }
      try database.forEachStoredPoint(runID: runID, keyID: keyID) { point in
        body(point.metricPoint(key: key))
        return true
      }
    }
  }

  /// Resumes the merge at the page token's step and skips what the token's point precedes.
  public func metricHistoryPage(runID: Int64, key: String, after: MetricPoint?, limit: Int)
    throws(PedigreeError) -> [MetricPoint]
  {
    try mapErrors {
      guard limit > 0, let keyID = try metricKeyID(key) else { return [] }
      let last = after.map(ChunkPoint.init)
      var page: [MetricPoint] = []
      try database.forEachStoredPoint(runID: runID, keyID: keyID, fromStep: last?.step ?? .min) { point in
        if let last, !ChunkPoint.precedes(last, point) { return true }
        page.append(point.metricPoint(key: key))
        return page.count < limit
      }
      return page
    }
  }

  private func metricKeyID(_ key: String) throws -> Int64? {
    try database.scalarInt("SELECT id FROM metric_keys WHERE key = ?", [.text(key)])
  }

  /// `experiments` left-joined to `runs` (through `runs_by_experiment`).
  public func experimentList() throws(PedigreeError) -> [ExperimentSummary] {
    try mapErrors {
      try database.query(
        """
        SELECT x.name, x.created_at, count(r.id),
          max(x.created_at, coalesce(max(max(r.started_at, coalesce(r.ended_at, r.started_at))), 0))
        FROM experiments x LEFT JOIN runs r ON r.experiment_id = x.id
        GROUP BY x.id ORDER BY x.name
        """
      ) {
        ExperimentSummary(
          name: $0.string(0), createdAt: Timestamp(milliseconds: $0.int64(1)), runCount: $0.int(2),
          lastActivity: Timestamp(milliseconds: $0.int64(3)))
      }
    }
  }
}
