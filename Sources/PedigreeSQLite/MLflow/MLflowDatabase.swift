import PedigreeCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// MLflow's SQLite tracking database (`mlflow.db`), opened read-only: the source of
/// `pedigree import mlflow`. Nothing is ever written to it.
///
/// Opening checks what the file is: a missing file is `.io` (74); a file that is not SQLite or
/// has no MLflow tables is `.invalidInput` (65: bad input data, like a malformed record); an
/// MLflow schema this binary does not know (an `alembic_version` outside the revisions of MLflow
/// 2.0 to 3.17, see `MLflowSchema`) is `.incompatible` (78), naming the revision.
public final class MLflowDatabase: MLflowTrackingSource {
  let database: Database
  /// The file.
  public let path: String
  public let revision: String
  private let tables: Set<String>

  public init(path: String) throws(PedigreeError) {
    self.path = path
    guard FileManager.default.fileExists(atPath: path) else {
      throw PedigreeError(.io, "no such file: \(path)", hint: "give the path of MLflow's mlflow.db")
    }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw PedigreeError(.io, "cannot read \(path)")
    }
    do {
      database = try Database(path: path, mode: .readOnly, writeAheadLog: false)
      tables = Set(
        try database.query("SELECT name FROM sqlite_master WHERE type = 'table'") { $0.string(0) })
    } catch {
      throw PedigreeError(
        .invalidInput, "\(path) is not an MLflow tracking database (not an SQLite file: \(error))")
    }
    let required: Set = ["alembic_version", "experiments", "runs", "metrics", "params", "tags"]
    guard required.isSubset(of: tables) else {
      throw PedigreeError(
        .invalidInput,
        "\(path) is not an MLflow tracking database (no \(required.subtracting(tables).sorted().joined(separator: ", ")) table)"
      )
    }
    let revisions = (try? database.query("SELECT version_num FROM alembic_version") { $0.string(0) }) ?? []
    guard revisions.count == 1, let revision = revisions.first else {
      throw PedigreeError(
        .invalidInput,
        "\(path) is not an MLflow tracking database (alembic_version holds \(revisions.count) rows)")
    }
    self.revision = revision
    try MLflowSchema.check(revision: revision, path: path)
  }

  private func has(_ table: String) -> Bool { tables.contains(table) }

  private func read<T>(_ body: () throws -> T) throws(PedigreeError) -> T {
    do { return try database.read(body) } catch let error as PedigreeError { throw error } catch {
      throw PedigreeError(.invalidInput, "cannot read the MLflow database \(path): \(error)")
    }
  }

  public func experiments() throws(PedigreeError) -> [MLflowTracking.Experiment] {
    try read {
      try database.query(
        "SELECT experiment_id, name, artifact_location, lifecycle_stage FROM experiments ORDER BY experiment_id"
      ) {
        MLflowTracking.Experiment(
          id: $0.string(0), name: $0.string(1), artifactLocation: $0.optionalString(2),
          lifecycleStage: $0.optionalString(3) ?? "active")
      }
    }
  }

  public func counts() throws(PedigreeError) -> (runs: Int, points: Int) {
    try read {
      (
        Int(try database.scalarInt("SELECT count(*) FROM runs") ?? 0),
        Int(try database.scalarInt("SELECT count(*) FROM metrics") ?? 0)
      )
    }
  }

  public func forEachRun(_ body: (MLflowTracking.Run) throws(PedigreeError) -> Void) throws(PedigreeError) {
    do {
      try database.read {
        // One pass over each table in run id order, merged: a per-run query would scan the whole
        // metrics table once per run (older schemas have no index on run_uuid).
        let runs = try database.prepareUncached(
          """
          SELECT run_uuid, CAST(experiment_id AS TEXT), name, status, start_time, end_time,
            artifact_uri, lifecycle_stage
          FROM runs ORDER BY run_uuid
          """)
        let params = try RunCursor(
          database, "SELECT run_uuid, key, value FROM params ORDER BY run_uuid, key")
        let tags = try RunCursor(
          database, "SELECT run_uuid, key, coalesce(value, '') FROM tags ORDER BY run_uuid, key")
        let metrics = try RunCursor(
          database,
          """
          SELECT run_uuid, key, value, is_nan, step, timestamp FROM metrics
          ORDER BY run_uuid, key, step, timestamp, is_nan, value
          """)
        let inputs =
          has("inputs") && has("datasets")
          ? try RunCursor(database, Self.inputsQuery(tagged: has("input_tags"))) : nil
        while try runs.step() {
          let row = runs.row
          var run = MLflowTracking.Run(
            id: row.string(0), experimentID: row.optionalString(1) ?? "0", name: row.optionalString(2),
            status: row.optionalString(3) ?? "RUNNING", startTime: row.optionalInt64(4),
            endTime: row.optionalInt64(5), artifactURI: row.optionalString(6),
            lifecycleStage: row.optionalString(7) ?? "active")
          run.params = try params.rows(of: run.id) { KeyValue($0.string(1), $0.string(2)) }
          run.tags = try tags.rows(of: run.id) { KeyValue($0.string(1), $0.string(2)) }
          run.metrics = try metrics.rows(of: run.id) {
            MetricPoint(
              key: $0.string(1), value: MLflowSchema.value(stored: $0.double(2), isNaN: $0.int64(3) != 0),
              step: $0.int64(4), timestamp: Timestamp(milliseconds: $0.int64(5)))
          }
          run.inputs =
            try inputs?.rows(of: run.id) {
              MLflowTracking.DatasetInput(
                name: $0.string(1), digest: $0.string(2), sourceType: $0.string(3), source: $0.string(4),
                schema: $0.optionalString(5), profile: $0.optionalString(6), context: $0.optionalString(7))
            } ?? []
          try body(run)
        }
      }
    } catch let error as PedigreeError { throw error } catch {
      throw PedigreeError(.invalidInput, "cannot read the MLflow database \(path): \(error)")
    }
  }

  private static func inputsQuery(tagged: Bool) -> String {
    let context =
      tagged
      ? "(SELECT t.value FROM input_tags t WHERE t.input_uuid = i.input_uuid AND t.name = 'mlflow.data.context')"
      : "NULL"
    return """
      SELECT i.destination_id, d.name, d.digest, d.dataset_source_type, d.dataset_source,
        d.dataset_schema, d.dataset_profile, \(context)
      FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id
      WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN'
      ORDER BY i.destination_id, d.name, d.digest
      """
  }

  public func datasetNames() throws(PedigreeError) -> [String] {
    guard has("datasets") else { return [] }
    return try read {
      try database.query("SELECT DISTINCT name FROM datasets ORDER BY name") { $0.string(0) }
    }
  }

  public func registeredModels() throws(PedigreeError) -> [MLflowTracking.RegisteredModel] {
    guard has("registered_models") else { return [] }
    return try read {
      let tags =
        has("registered_model_tags")
        ? try keyValues("SELECT name, key, coalesce(value, '') FROM registered_model_tags ORDER BY name, key")
        : [:]
      return try database.query(
        "SELECT name, creation_time, last_updated_time, description FROM registered_models ORDER BY name"
      ) {
        MLflowTracking.RegisteredModel(
          name: $0.string(0), createdAt: $0.optionalInt64(1), updatedAt: $0.optionalInt64(2),
          description: $0.optionalString(3), tags: tags[$0.string(0)] ?? [])
      }
    }
  }

  public func modelVersions() throws(PedigreeError) -> [MLflowTracking.ModelVersion] {
    guard has("model_versions") else { return [] }
    return try read {
      let tags =
        has("model_version_tags")
        ? try keyValues(
          "SELECT name || char(0) || version, key, coalesce(value, '') FROM model_version_tags ORDER BY name, version, key"
        )
        : [:]
      let columns = Set(
        try database.query("SELECT name FROM pragma_table_info('model_versions')") { $0.string(0) })
      let location = columns.contains("storage_location") ? "coalesce(storage_location, source)" : "source"
      return try database.query(
        """
        SELECT name, version, creation_time, description, \(location), run_id FROM model_versions
        WHERE coalesce(current_stage, '') != 'Deleted_Internal' ORDER BY name, version
        """
      ) {
        MLflowTracking.ModelVersion(
          model: $0.string(0), version: $0.int(1), createdAt: $0.optionalInt64(2),
          description: $0.optionalString(3), source: $0.optionalString(4),
          runID: $0.optionalString(5).flatMap { $0.isEmpty ? nil : $0 },
          tags: tags["\($0.string(0))\u{0}\($0.int(1))"] ?? [])
      }
    }
  }

  public func aliases() throws(PedigreeError) -> [MLflowTracking.Alias] {
    guard has("registered_model_aliases") else { return [] }
    return try read {
      try database.query("SELECT name, alias, version FROM registered_model_aliases ORDER BY name, alias") {
        MLflowTracking.Alias(model: $0.string(0), alias: $0.string(1), version: $0.int(2))
      }
    }
  }

  private func keyValues(_ sql: String) throws -> [String: [KeyValue]] {
    var result: [String: [KeyValue]] = [:]
    for (owner, tag) in try database.query(sql, [], { ($0.string(0), KeyValue($0.string(1), $0.string(2))) })
    {
      result[owner, default: []].append(tag)
    }
    return result
  }
}

/// A statement over rows ordered by run id (column 0), read along with the runs: `rows(of:)`
/// returns the rows of one run, skipping those of runs that no longer exist.
private final class RunCursor {
  let statement: Statement
  private var current: String?
  private var exhausted = false

  init(_ database: Database, _ sql: String) throws {
    statement = try database.prepareUncached(sql)
    try advance()
  }

  private func advance() throws {
    if try statement.step() {
      current = statement.row.string(0)
    } else {
      current = nil
      exhausted = true
    }
  }

  func rows<T>(of run: String, _ transform: (Row) throws -> T) throws -> [T] {
    var result: [T] = []
    while !exhausted, let id = current, id <= run {
      if id == run { result.append(try transform(statement.row)) }
      try advance()
    }
    return result
  }
}
