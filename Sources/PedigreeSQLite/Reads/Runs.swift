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
        "SELECT \(RunSQL.columns) FROM \(RunSQL.from) WHERE ?1 IS NULL OR x.name = ?1 "
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

  /// Grouped over `metrics` by key id (the primary key's prefix), joined to `metric_keys`.
  public func metricKeys(runID: Int64) throws(PedigreeError) -> [MetricKeyInfo] {
    try mapErrors {
      try database.query(
        """
        SELECT k.key, count(*), min(m.step), max(m.step)
        FROM metrics m JOIN metric_keys k ON k.id = m.key_id
        WHERE m.run_id = ? GROUP BY m.key_id ORDER BY k.key
        """, [.integer(runID)]
      ) { MetricKeyInfo(key: $0.string(0), count: $0.int(1), minStep: $0.int64(2), maxStep: $0.int64(3)) }
    }
  }

  /// Steps through the primary key `(run_id, key_id, step, timestamp, …)`, so the order costs no
  /// sort and no row is held after `body` returns.
  public func forEachMetricPoint(runID: Int64, key: String, _ body: (MetricPoint) -> Void)
    throws(PedigreeError)
  {
    try mapErrors {
      guard
        let keyID = try database.scalarInt("SELECT id FROM metric_keys WHERE key = ?", [.text(key)])
      else { return }
      let statement = try database.prepare(
        "SELECT step, timestamp, value, is_nan FROM metrics WHERE run_id = ? AND key_id = ? "
          + "ORDER BY step, timestamp")
      defer { statement.reset() }
      _ = try statement.bind([.integer(runID), .integer(keyID)])
      while try statement.step() {
        let row = statement.row
        body(
          MetricPoint(
            key: key, value: row.int64(3) != 0 ? .nan : row.double(2), step: row.int64(0),
            timestamp: Timestamp(milliseconds: row.int64(1))))
      }
    }
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
