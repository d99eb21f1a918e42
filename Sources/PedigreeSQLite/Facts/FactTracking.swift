import CSQLite
import PedigreeCore

/// How audit entries come to carry the facts of what their write changed.
///
/// Each write connection gets temporary triggers on the tables of every `FactKind`: a row
/// inserted or updated calls `pedigree_touch(kind, id)`, which adds the entity it belongs to to
/// the connection's `Database.touched`. `appendAudit` then reads the facts of the touched
/// entities with the kinds' own queries (the ones `db check` runs over every entity) and records
/// them in the entry's `facts`, so what an entry records and what the check recomputes cannot
/// drift apart. Temporary triggers live in the connection, not in the file: the schema is
/// unchanged, and a savepoint rolled back (a failed record among JSON Lines) takes its touches
/// back (`Database.transaction`). A touch too many costs a query and records facts that are
/// true; only a change without a touch would go unrecorded.
///
/// Inserts into the tables of `reportedInserts` are the exception: the writer reports them
/// itself (`inserted(into:entity:_:)`), once per statement instead of a trigger per row.
enum FactTracking {
  /// The schema version from which every table the kinds read exists.
  static let firstVersion = 4
  /// The schema version from which entries record the `FactKind.mlflow` kinds too.
  static let mlflowVersion = 10

  /// The tables whose inserts the writer reports itself, each through the one function that
  /// inserts into it (`insertRun`, `insertParams` and OpenLineage's `insertFirstParams`,
  /// `upsertTags`, `insertEdge`, `insertArtifact`, `insertRecord`'s `run_records`), after the
  /// statement: they hold most of the rows a record writes (a run, its params, its tags, its
  /// lineage edges, its output artifact, its record digest). A trigger program per row costs
  /// ~3 µs, and an insert into a table with a trigger is dearer still (its statement keeps a
  /// journal): the three of a record's rows that still fired one (its run, its record digest,
  /// its artifact) were 4% of a bulk `run record`'s writer instructions (callgrind). Their
  /// updates still fire triggers.
  static let reportedInserts: Set<String> = [
    "runs", "run_records", "params", "run_tags", "edges", "artifacts",
  ]

  /// The kinds each table of `reportedInserts` touches.
  private static let kindsByReportedTable: [String: [String]] = Dictionary(
    grouping: FactKind.all.flatMap { kind in
      kind.touches.filter { reportedInserts.contains($0.table) }.map { (table: $0.table, kind: kind.name) }
    }, by: \.table
  ).mapValues { $0.map(\.kind) }

  /// Records that the statement just run inserted rows into `table` (one of `reportedInserts`)
  /// belonging to `entity`: the value the table's `touches` expression gives for those rows
  /// (the run's id for params and tags, the destination node's for an edge).
  static func inserted(into table: String, entity: Int64, _ database: Database) throws {
    guard database.tracksTouches else { return }
    precondition(reportedInserts.contains(table), "\(table) inserts fire their own triggers")
    for kind in kindsByReportedTable[table] ?? [] { database.touched[kind, default: []].insert(entity) }
  }

  /// Makes the connection ready to track a write transaction's touches: forgets earlier ones,
  /// and (on first use, and again whenever the file's schema changed, as a migration that
  /// creates a table does) installs the touch function and the triggers on every table of a
  /// kind that exists. Call before a top-level write; does nothing on a registry older than
  /// `firstVersion` (its migration writes a baseline instead).
  static func prepare(_ database: Database) throws {
    if database.isPostgres { return try preparePostgres(database) }
    let schema = try database.scalarInt("PRAGMA main.schema_version") ?? 0
    database.tracksTouches = try isInstalled(database)
    database.touched = [:]
    if database.tracksTouches {
      if try database.scalarInt("SELECT version FROM temp.pedigree_tracked_schema") == schema { return }
    } else {
      guard try database.scalarInt("PRAGMA user_version") ?? 0 >= firstVersion else { return }
      try database.execute("CREATE TEMP TABLE pedigree_tracked_schema(version INTEGER NOT NULL)")
      try registerTouchFunction(database)
    }
    let tables = Set(
      try database.query("SELECT name FROM main.sqlite_master WHERE type = 'table'") { $0.string(0) })
    for kind in FactKind.all {
      for (table, id) in kind.touches where tables.contains(table) {
        for event in reportedInserts.contains(table) ? ["UPDATE"] : ["INSERT", "UPDATE"] {
          try database.execute(
            """
            CREATE TEMP TRIGGER IF NOT EXISTS pedigree_touch_\(table)_\(event.lowercased())
            AFTER \(event) ON main.\(table)
            BEGIN SELECT pedigree_touch('\(kind.name)', \(id)); END
            """)
        }
      }
    }
    try database.run("DELETE FROM temp.pedigree_tracked_schema")
    try database.run("INSERT INTO temp.pedigree_tracked_schema(version) VALUES (?)", [.integer(schema)])
    database.tracksTouches = true
  }

  /// On PostgreSQL the triggers are part of the schema (`pedigree_touch()`, one per table and
  /// event, migrations/postgresql): each inserts `(kind, id)` into the session's temporary
  /// `pedigree_touched` when it exists, that is on a connection of Pedigree's own writer, so
  /// another client's writes pass untouched (and `db check` finds them unrecorded).
  private static func preparePostgres(_ database: Database) throws {
    database.touched = [:]
    guard !database.tracksTouches else { return }
    try database.execute(
      "CREATE TEMP TABLE IF NOT EXISTS pedigree_touched(kind text NOT NULL, id bigint NOT NULL)")
    database.tracksTouches = true
  }

  /// Moves the touches PostgreSQL's triggers recorded in this transaction into `touched`.
  private static func collectPostgresTouches(_ database: Database) throws {
    let rows = try database.query("SELECT kind, id FROM pg_temp.pedigree_touched") {
      (kind: $0.string(0), id: $0.int64(1))
    }
    guard !rows.isEmpty else { return }
    try database.execute("DELETE FROM pg_temp.pedigree_touched")
    for row in rows { database.touched[row.kind, default: []].insert(row.id) }
  }

  /// `pedigree_touch(kind, id)`: adds entity `id` of `kind` to `database.touched`. A function
  /// instead of a temporary table of touches: no row to insert, to look up before inserting, or
  /// to delete per audit entry. Only top-level SQL and temporary triggers may call it
  /// (`SQLITE_DIRECTONLY`), not the file's schema.
  private static func registerTouchFunction(_ database: Database) throws {
    let code = sqlite3_create_function_v2(
      database.handle, "pedigree_touch", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY,
      Unmanaged.passUnretained(database).toOpaque(),
      { context, _, arguments in
        // The connection closes in the database's deinit, so the database outlives every call.
        let database = Unmanaged<Database>.fromOpaque(sqlite3_user_data(context)).takeUnretainedValue()
        guard let arguments, let text = sqlite3_value_text(arguments[0]) else { return }
        database.touched[String(cString: text), default: []].insert(sqlite3_value_int64(arguments[1]))
      }, nil, nil, nil)
    guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: database.handle) }
  }

  /// Each kind's `selectOne`, built once: rebuilding the SQL text (a Foundation string search)
  /// for every audit entry was 6% of a bulk `run record`.
  private static let touchedQueries = FactKind.all.map { (name: $0.name, sql: $0.selectOne) }
  private static let postgresTouchedQueries = touchedQueries.map {
    (name: $0.name, sql: FactKind.postgres($0.sql))
  }

  static func isInstalled(_ database: Database) throws -> Bool {
    try database.scalarInt(
      "SELECT count(*) FROM temp.sqlite_master WHERE type = 'table' AND name = 'pedigree_tracked_schema'")
      == 1
  }

  /// The facts of every entity the write transaction touched so far, by key, kind by kind and
  /// entity by entity, each as the JSON text its kind's query built (SQLite's `json_object`:
  /// compact, valid JSON, the form `json_each` gives back when `db check` reads it); then
  /// forgets the touches. Empty when nothing was touched or tracking is not installed (as
  /// `prepare` found it at the start of the write).
  static func touchedFacts(_ database: Database) throws -> [(key: String, json: String)] {
    if database.isPostgres && database.tracksTouches { try collectPostgresTouches(database) }
    guard database.tracksTouches, !database.touched.isEmpty else { return [] }
    let touched = database.touched
    database.touched = [:]
    var facts: [(key: String, json: String)] = []
    for (name, sql) in database.isPostgres ? postgresTouchedQueries : touchedQueries {
      for id in touched[name]?.sorted() ?? [] {
        facts += try database.query(sql, [.integer(id)]) { (key: $0.string(0), json: $0.string(1)) }
      }
    }
    return facts
  }

  /// Every entity's facts as the rows hold them now, kind by kind.
  static func currentFacts(_ database: Database, kinds: [FactKind] = FactKind.all) throws -> [EntityFacts] {
    var facts: [EntityFacts] = []
    for kind in kinds {
      facts += try database.query(database.isPostgres ? FactKind.postgres(kind.selectAll) : kind.selectAll) {
        EntityFacts(kind: kind.name, key: $0.string(0), facts: $0.string(1))
      }
    }
    return facts
  }

  /// Every `facts` member the audit log holds, in entry order: an entity recorded again later
  /// appears again.
  static func recordedFacts(_ database: Database) throws -> [RecordedFacts] {
    if database.isPostgres {
      return try database.query(
        """
        SELECT f.key, a.id, f.value::text
        FROM audit_log a CROSS JOIN LATERAL json_each(pedigree_json(a.details) -> 'facts') WITH ORDINALITY f
        WHERE strpos(a.details, '"facts":') > 0 AND json_typeof(f.value) = 'object'
        ORDER BY a.id, f.ordinality
        """
      ) { RecordedFacts(key: $0.string(0), entry: $0.int64(1), facts: $0.string(2)) }
    }
    return try database.query(
      """
      SELECT f.key, a.id, f.value
      FROM audit_log a, json_each(CASE WHEN json_valid(a.details) THEN a.details ELSE '{}' END, '$.facts') f
      WHERE instr(a.details, '"facts":') > 0 AND f.key IS NOT NULL AND f.type = 'object'
      ORDER BY a.id, f.id
      """
    ) { RecordedFacts(key: $0.string(0), entry: $0.int64(1), facts: $0.string(2)) }
  }
}

extension SQLiteRegistry {
  public func currentFacts() throws(PedigreeError) -> [EntityFacts] {
    try mapErrors { try FactTracking.currentFacts(database) }
  }

  public func recordedFacts() throws(PedigreeError) -> [RecordedFacts] {
    try mapErrors { try FactTracking.recordedFacts(database) }
  }
}

extension SQLiteWriter {
  /// Whether the registry was created before schema `firstVersion` and has no baseline of that
  /// version yet.
  /// Never true for a newer registry: a baseline there would vouch for rows forged since.
  func predatesFacts() throws -> Bool {
    guard !database.isPostgres else { return false }  // PostgreSQL registries start at the latest schema
    let created =
      try database.scalarInt(
        """
        SELECT json_extract(details, '$.schema_version') FROM audit_log
        WHERE action = 'registry.create' ORDER BY id LIMIT 1
        """) ?? 0
    let baselines =
      try database.scalarInt(
        """
        SELECT count(*) FROM audit_log WHERE action = 'registry.baseline'
          AND coalesce(json_extract(details, '$.since_schema'), ?) = ?
        """, [.integer(Int64(FactTracking.firstVersion)), .integer(Int64(FactTracking.firstVersion))]) ?? 0
    return created < FactTracking.firstVersion && baselines == 0
  }

  /// Records the facts of every entity of `kinds` no audit entry has recorded yet in one
  /// `registry.baseline` entry, marked as such (`since_schema`: the version from which entries
  /// record those kinds): the state of an older registry as migration found it, which `db check`
  /// holds later edits against. Nothing when every entity is recorded already.
  func appendBaseline(kinds: [FactKind] = FactKind.all, since version: Int = FactTracking.firstVersion)
    throws
  {
    let recorded = Set(try FactTracking.recordedFacts(database).map(\.key))
    var facts = JSONObject()
    for entity in try FactTracking.currentFacts(database, kinds: kinds) where !recorded.contains(entity.key) {
      facts.pairs.append((key: entity.key, value: try JSONValue.parse(entity.facts)))
    }
    guard !facts.pairs.isEmpty else { return }
    var details: JSONObject = [
      "baseline": .bool(true),
      "note": .string(
        "the facts of every entity written before schema \(version), as this "
          + "migration found them; later entries record what they change"),
      "entities": .integer(Int64(facts.pairs.count)),
    ]
    if version != FactTracking.firstVersion {
      details["since_schema"] = .integer(Int64(version))
      details["kinds"] = .array(kinds.map { .string($0.name) })
    }
    details["facts"] = .object(facts)
    try appendAudit(action: .registryBaseline, entity: "registry", details: details)
  }
}
