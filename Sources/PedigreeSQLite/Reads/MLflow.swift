import PedigreeCore

/// The reads of MLflow's REST API (`MLflowReading`).
enum MLflowSQL {
  /// The columns `MLflowExperiment.init(row:)` reads, from `experiments x`.
  static let experimentColumns = """
    x.id, x.name, x.created_at,
    max(x.created_at, coalesce((SELECT max(t.at) FROM experiment_tag_events t
      WHERE t.experiment_id = x.id), 0))
    """
  /// The current content of each path: its latest upload.
  static let latestFile =
    "f.id = (SELECT max(y.id) FROM mlflow_files y WHERE y.path = f.path)"
  /// The columns `LoggedModel.init(row:tags:params:)` reads.
  static let loggedModelColumns = """
    l.id, l.model_id, l.experiment_id, x.name, l.name, r.uuid, l.model_type, l.params,
    coalesce(z.status, 'LOGGED_MODEL_PENDING'), z.artifact_id, l.created_at,
    max(l.created_at, coalesce(z.at, 0), coalesce((SELECT max(t.at) FROM logged_model_tag_events t
      WHERE t.logged_model_id = l.id), 0))
    FROM logged_models l JOIN experiments x ON x.id = l.experiment_id
    LEFT JOIN runs r ON r.id = l.source_run_id
    LEFT JOIN logged_model_finalizations z ON z.logged_model_id = l.id
    """

  /// The current tags of `table`'s events for one owner (`column` = id): the latest event per
  /// key, unless it cleared the tag.
  static func currentTags(_ table: String, _ column: String) -> String {
    """
    SELECT t.key, t.value FROM \(table) t
    WHERE t.\(column) = ?1 AND t.key IS NOT NULL AND t.id = (SELECT max(y.id) FROM \(table) y
      WHERE y.\(column) = t.\(column) AND y.key = t.key) AND t.value IS NOT NULL
    ORDER BY t.key
    """
  }
}

extension SQLiteRegistry {
  public func mlflowExperiment(id: String) throws(PedigreeError) -> MLflowExperiment? {
    if id == "0" { return try mlflowExperiment(named: MLflowExperiment.defaultName) }
    guard let rowID = Int64(id), String(rowID) == id else { return nil }
    return try mapErrors {
      try experimentRow("x.id = ?", .integer(rowID))
    }
  }

  public func mlflowExperiment(named name: String) throws(PedigreeError) -> MLflowExperiment? {
    try mapErrors {
      if let found = try experimentRow("x.name = ?", .text(name)) { return found }
      return name == MLflowExperiment.defaultName ? .placeholderDefault : nil
    }
  }

  public func mlflowExperiments() throws(PedigreeError) -> [MLflowExperiment] {
    try mapErrors {
      let rows = try database.query(
        "SELECT \(MLflowSQL.experimentColumns) FROM experiments x ORDER BY x.id", [],
        { ($0.int64(0), $0.string(1), $0.int64(2), $0.int64(3)) })
      var experiments = try rows.map { try experiment($0) }
      if !experiments.contains(where: { $0.name == MLflowExperiment.defaultName }) {
        experiments.insert(.placeholderDefault, at: 0)
      }
      return experiments.sorted { ($0.mlflowID == "0" ? 0 : 1) < ($1.mlflowID == "0" ? 0 : 1) }
    }
  }

  private func experimentRow(_ condition: String, _ value: SQLValue) throws -> MLflowExperiment? {
    guard
      let row = try database.queryFirst(
        "SELECT \(MLflowSQL.experimentColumns) FROM experiments x WHERE \(condition)", [value],
        { ($0.int64(0), $0.string(1), $0.int64(2), $0.int64(3)) })
    else { return nil }
    return try experiment(row)
  }

  private func experiment(_ row: (Int64, String, Int64, Int64)) throws -> MLflowExperiment {
    let tags = try database.query(
      MLflowSQL.currentTags("experiment_tag_events", "experiment_id"), [.integer(row.0)]
    ) { KeyValue($0.string(0), $0.string(1)) }
    return MLflowExperiment(
      rowID: row.0, name: row.1, createdAt: Timestamp(milliseconds: row.2),
      updatedAt: Timestamp(milliseconds: row.3), tags: tags)
  }

  public func mlflowFile(path: String) throws(PedigreeError) -> MLflowFile? {
    try mapErrors {
      try database.queryFirst(
        "SELECT path, digest, size_bytes, artifact_id FROM mlflow_files f WHERE path = ? ORDER BY id DESC LIMIT 1",
        [.text(path)], MLflowFile.init(row:))
    }
  }

  public func mlflowFiles(under path: String) throws(PedigreeError) -> [MLflowFile] {
    let prefix = path.hasSuffix("/") ? String(path.dropLast()) : path
    return try mapErrors {
      try database.query(
        """
        SELECT path, digest, size_bytes, artifact_id FROM mlflow_files f
        WHERE path > ?1 || '/' AND path < ?1 || '0' AND \(MLflowSQL.latestFile) ORDER BY path
        """, [.text(prefix)], MLflowFile.init(row:))
    }
  }

  public func loggedModel(id: String) throws(PedigreeError) -> LoggedModel? {
    try mapErrors {
      try loggedModels(where: "l.model_id = ?1", [.text(id)], limit: 1).first
    }
  }

  public func loggedModels(experiments: [Int64], name: String?, limit: Int) throws(PedigreeError)
    -> [LoggedModel]
  {
    let ids = experiments.map(String.init).joined(separator: ",")
    return try mapErrors {
      try loggedModels(
        where: "l.experiment_id IN (\(ids)) AND (CAST(?1 AS TEXT) IS NULL OR l.name = ?1)", [SQLValue(name)],
        limit: limit)
    }
  }

  private func loggedModels(where condition: String, _ arguments: [SQLValue], limit: Int) throws
    -> [LoggedModel]
  {
    let rows = try database.query(
      "SELECT \(MLflowSQL.loggedModelColumns) WHERE \(condition) ORDER BY l.id DESC LIMIT \(max(0, limit))",
      arguments
    ) { row in
      (
        row.int64(0), row.string(1), row.int64(2), row.string(3), row.string(4),
        row.optionalString(5), row.optionalString(6), row.string(7), row.string(8),
        row.optionalInt64(9), row.int64(10), row.int64(11)
      )
    }
    return try rows.map { row in
      let tags = try database.query(
        MLflowSQL.currentTags("logged_model_tag_events", "logged_model_id"), [.integer(row.0)]
      ) { KeyValue($0.string(0), $0.string(1)) }
      let experiment = MLflowExperiment(
        rowID: row.2, name: row.3, createdAt: Timestamp(milliseconds: 0),
        updatedAt: Timestamp(milliseconds: 0), tags: [])
      return LoggedModel(
        rowID: row.0, modelID: row.1, experimentRowID: row.2, experimentID: experiment.mlflowID,
        name: row.4, sourceRunUUID: row.5, modelType: row.6, params: KeyValue.decodeObject(row.7),
        tags: tags, status: LoggedModelStatus(rawValue: row.8) ?? .pending, artifactID: row.9,
        createdAt: Timestamp(milliseconds: row.10), updatedAt: Timestamp(milliseconds: row.11))
    }
  }

  public func runModelOutputs(runID: Int64) throws(PedigreeError) -> [(modelID: String, step: Int64)] {
    try mapErrors {
      try database.query(
        """
        SELECT l.model_id, o.step FROM run_logged_model_outputs o
        JOIN logged_models l ON l.id = o.logged_model_id WHERE o.run_id = ? ORDER BY l.id
        """, [.integer(runID)]
      ) { (modelID: $0.string(0), step: $0.int64(1)) }
    }
  }

  public func registeredModel(named name: String) throws(PedigreeError) -> RegisteredModelInfo? {
    try mapErrors {
      guard
        let (id, createdAt) = try database.queryFirst(
          "SELECT id, created_at FROM models WHERE name = ?", [.text(name)],
          { ($0.int64(0), $0.int64(1)) })
      else { return nil }
      let tags = try database.query(
        MLflowSQL.currentTags("model_metadata_events", "model_id"), [.integer(id)]
      ) { KeyValue($0.string(0), $0.string(1)) }
      let description = try database.scalarString(
        "SELECT value FROM model_metadata_events WHERE model_id = ? AND key IS NULL ORDER BY id DESC LIMIT 1",
        [.integer(id)])
      let updatedAt =
        try database.scalarInt(
          """
          SELECT max(?2, coalesce((SELECT max(at) FROM model_metadata_events WHERE model_id = ?1), 0),
            coalesce((SELECT max(created_at) FROM model_versions WHERE model_id = ?1), 0),
            coalesce((SELECT max(at) FROM alias_events WHERE model_id = ?1), 0))
          """, [.integer(id), .integer(createdAt)]) ?? createdAt
      return RegisteredModelInfo(
        modelID: id, name: name, createdAt: Timestamp(milliseconds: createdAt),
        updatedAt: Timestamp(milliseconds: updatedAt), description: description, tags: tags)
    }
  }

  public func modelVersionIDs(modelID: Int64) throws(PedigreeError) -> [Int64] {
    try mapErrors {
      try database.query(
        "SELECT id FROM model_versions WHERE model_id = ? ORDER BY version", [.integer(modelID)]
      ) { $0.int64(0) }
    }
  }

  public func modelVersionSource(versionID: Int64) throws(PedigreeError) -> ModelVersionSource? {
    try mapErrors {
      try database.queryFirst(
        """
        SELECT s.source, s.run_link, l.model_id FROM model_version_sources s
        LEFT JOIN logged_models l ON l.id = s.logged_model_id WHERE s.model_version_id = ?
        """, [.integer(versionID)]
      ) {
        ModelVersionSource(
          source: $0.string(0), runLink: $0.optionalString(1), loggedModelID: $0.optionalString(2))
      }
    }
  }
}

extension MLflowFile {
  /// Reads `path, digest, size_bytes, artifact_id`.
  init(row: Row) {
    self.init(
      path: row.string(0), digest: row.string(1), sizeBytes: row.int64(2),
      artifactID: row.optionalInt64(3))
  }
}

extension KeyValue {
  /// Key-value pairs from a JSON object's text (`{"k": "v"}`), by key; `[]` for anything else.
  static func decodeObject(_ text: String) -> [KeyValue] {
    guard case .object(let object)? = try? JSONValue.parse(text) else { return [] }
    return object.pairs.compactMap { pair in
      if case .string(let string) = pair.value { KeyValue(pair.key, string) } else { nil }
    }.sorted { $0.key < $1.key }
  }
}
