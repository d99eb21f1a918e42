import PedigreeCore

extension SQLiteRegistry {
  public func auditEntries(
    _ filter: AuditLogFilter, entity: AuditEntityMatch?
  ) throws(PedigreeError) -> [AuditEntry] {
    let (sql, arguments) = AuditLogSQL.select(filter, entity: entity, postgres: database.isPostgres)
    return try mapErrors { try database.query(sql, arguments, AuditEntry.init(row:)) }
  }

  public func auditEntry(id: Int64) throws(PedigreeError) -> AuditEntry? {
    try mapErrors {
      try database.queryFirst(
        "SELECT \(AuditLogSQL.columns) FROM audit_log WHERE id = ?", [.integer(id)], AuditEntry.init(row:))
    }
  }

  public func lastAuditEntry() throws(PedigreeError) -> AuditEntry? {
    try mapErrors {
      try database.queryFirst(
        "SELECT \(AuditLogSQL.columns) FROM audit_log ORDER BY id DESC LIMIT 1", [], AuditEntry.init(row:))
    }
  }

  public func auditEntryCount() throws(PedigreeError) -> Int {
    try mapErrors { Int(try database.scalarInt("SELECT count(*) FROM audit_log") ?? 0) }
  }

  public func auditChainBreak() throws(PedigreeError) -> AuditChain.Break? {
    try mapErrors { try AuditChain.verify(database) }
  }

  public func aliasEventMoves() throws(PedigreeError) -> [(id: Int64, move: AliasMoveRecord)] {
    try mapErrors {
      try database.query(
        """
        SELECT e.id, m.name, e.alias, v.version, e.action FROM alias_events e
        LEFT JOIN models m ON m.id = e.model_id LEFT JOIN model_versions v ON v.id = e.to_version_id
        ORDER BY e.id
        """
      ) { row in
        (
          id: row.int64(0),
          move: AliasMoveRecord(
            row.string(1), row.string(2), row.optionalInt64(3),
            removed: row.string(4) == AliasAction.remove.rawValue)
        )
      }
    }
  }

  public func auditedAliasMoves() throws(PedigreeError) -> [(id: Int64, move: AliasMoveRecord)] {
    try mapErrors {
      try database.query(
        """
        SELECT id, action, entity, details FROM audit_log
        WHERE action IN ('model.promote', 'model.rollback', 'model.unalias', 'model.register', 'run.record')
        ORDER BY id
        """
      ) { row in
        AliasMoveRecord(action: row.string(1), entity: row.string(2), details: row.string(3)).map {
          (id: row.int64(0), move: $0)
        }
      }.compactMap { $0 }
    }
  }

  public func runContentDigests() throws(PedigreeError)
    -> [(run: String, entry: Int64, recorded: String, current: String, stale: String?)]
  {
    try mapErrors { try RunContentDigests.digests(database) }
  }

  public func unrecordedRuns() throws(PedigreeError) -> [String] {
    try mapErrors {
      try database.query(
        """
        SELECT r.uuid FROM runs r
        WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'run:' || r.uuid
                            AND a.action IN ('run.start', 'run.record', 'openlineage.event'))
        ORDER BY r.id LIMIT 20
        """
      ) { $0.string(0) }
    }
  }

  /// Decodes each key's chunks once, in history order.
  public func metricHistories(runID: Int64) throws(PedigreeError) -> [MetricHistory] {
    try mapErrors {
      let keys = try database.query(
        """
        SELECT DISTINCT k.id, k.key FROM metric_chunks c JOIN metric_keys k ON k.id = c.key_id
        WHERE c.run_id = ? ORDER BY k.key
        """, [.integer(runID)]
      ) { (id: $0.int64(0), key: $0.string(1)) }
      return try keys.map { key in
        var summary = MetricSummary()
        try database.forEachStoredPoint(runID: runID, keyID: key.id) { point in
          summary.add(point.value)
          return true
        }
        return MetricHistory(
          key: key.key, count: summary.count, nanCount: summary.nans, min: summary.min,
          max: summary.max, first: summary.first, last: summary.last)
      }
    }
  }
}

/// Count, NaNs, range and ends of one history, point by point in history order.
private struct MetricSummary {
  var count = 0
  var nans = 0
  var min: Double?
  var max: Double?
  var first: Double?
  var last: Double?

  mutating func add(_ value: Double) {
    if count == 0 { first = value }
    count += 1
    last = value
    if value.isNaN {
      nans += 1
      return
    }
    min = Swift.min(min ?? value, value)
    max = Swift.max(max ?? value, value)
  }
}

enum AuditLogSQL {
  static let columns = "id, at, actor, action, entity, details, prev_hash, hash"

  /// The query for `filter`, built from fixed fragments; every value is a bound parameter.
  static func select(
    _ filter: AuditLogFilter, entity: AuditEntityMatch?, postgres: Bool = false
  ) -> (String, [SQLValue]) {
    var conditions: [String] = []
    var arguments: [SQLValue] = []
    if let since = filter.since {
      conditions.append("at >= ?")
      arguments.append(.integer(since.milliseconds))
    }
    if let until = filter.until {
      conditions.append("at <= ?")
      arguments.append(.integer(until.milliseconds))
    }
    if let actor = filter.actor {
      conditions.append("actor = ?")
      arguments.append(.text(actor))
    }
    if let action = filter.action {
      conditions.append(action.contains(".") ? "action = ?" : "(action >= ? AND action < ?)")
      arguments += action.contains(".") ? [.text(action)] : [.text(action + "."), .text(action + "/")]
    }
    if let before = filter.before {
      conditions.append("id < ?")
      arguments.append(.integer(before))
    }
    if let after = filter.after {
      conditions.append("id > ?")
      arguments.append(.integer(after))
    }
    if let entity {
      var alternatives = entity.exact.map { _ in "entity = ?" }
      arguments += entity.exact.map(SQLValue.text)
      if let prefix = entity.prefix {
        alternatives.append("(entity >= ? AND entity < ?)")
        arguments += [.text(prefix), .text(upperBound(ofPrefix: prefix))]
      }
      if let version = entity.version {
        let (condition, values) = mentions(version, postgres: postgres)
        alternatives.append(condition)
        arguments += values
      }
      conditions.append("(" + alternatives.joined(separator: " OR ") + ")")
    }
    var sql = "SELECT \(columns) FROM audit_log"
    if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
    sql += filter.order == .newestFirst ? " ORDER BY id DESC" : " ORDER BY id"
    if let limit = filter.limit {
      sql += " LIMIT ?"
      arguments.append(.integer(Int64(limit)))
    }
    return (sql, arguments)
  }

  /// The entries whose details name `version` (see `VersionMention`). Details are always JSON
  /// objects; the `CASE` keeps an entry altered behind Pedigree's back from failing the query.
  ///
  /// Only two kinds of entries can name a version in their details, and both are found through
  /// the `entity` index before any JSON is parsed (parsing every entry's details cost ~60 ms at
  /// 10,000 runs): alias moves of the model (entity `model:NAME@…`), and entries of runs (entity
  /// `run:UUID`) — for a model version the runs that registered a version of the model (only a
  /// `run record` writes `registered`), for a dataset version the runs an edge links to it (a
  /// run's `input_refs` and `outputs` are its edges, and edges are never removed).
  ///
  /// On PostgreSQL `json_extract` (the schema's stand-in for SQLite's) returns text, so the
  /// version number a detail holds is compared as text there.
  static func mentions(_ version: VersionMention, postgres: Bool) -> (String, [SQLValue]) {
    let number: SQLValue = postgres ? .text(String(version.version)) : .integer(Int64(version.version))
    switch version.kind {
    case .model:
      let entityPrefix = "model:\(version.name)@"
      let bare = "\(version.name)@\(version.version)"
      let registeredPrefix = "\(version.name)@"
      return (
        """
        (entity >= ? AND entity < ? AND (CASE WHEN json_valid(details) THEN
          json_extract(details, '$.to') = ? OR json_extract(details, '$.from') = ?
          OR json_extract(details, '$.alias_from') = ? ELSE FALSE END))
        OR (entity IN (
            SELECT 'run:' || r.uuid FROM models m JOIN model_versions v ON v.model_id = m.id
            JOIN runs r ON r.id = v.run_id WHERE m.name = ?)
          AND (CASE WHEN json_valid(details) THEN
            json_extract(details, '$.registered') IN (?, ?)
            OR (json_extract(details, '$.alias_from') = ? AND json_extract(details, '$.registered') >= ?
              AND json_extract(details, '$.registered') < ?)
          ELSE FALSE END))
        """,
        [
          .text(entityPrefix), .text(upperBound(ofPrefix: entityPrefix)),
          number, number, number, .text(version.name), .text(bare), .text(version.typedRef),
          number, .text(registeredPrefix),
          .text(upperBound(ofPrefix: registeredPrefix)),
        ]
      )
    case .dataset:
      return (
        """
        (entity IN (
            SELECT 'run:' || r.uuid FROM datasets d JOIN dataset_versions v ON v.dataset_id = d.id
            JOIN edges e ON e.src = v.id OR e.dst = v.id JOIN runs r ON r.id IN (e.src, e.dst)
            WHERE d.name = ? AND v.version = ?)
          AND (CASE WHEN json_valid(details) THEN
            EXISTS (SELECT 1 FROM json_each(details, '$.outputs') WHERE value = ?)
            OR EXISTS (SELECT 1 FROM json_each(details, '$.input_refs') WHERE value = ?)
          ELSE FALSE END))
        """,
        [
          .text(version.name), .integer(Int64(version.version)), .text(version.typedRef),
          .text(version.typedRef),
        ]
      )
    }
  }

  /// The least string greater than every string starting with `prefix`: its last character
  /// incremented (`model:fraud@` → `model:fraudA`), so a prefix match is an index range.
  static func upperBound(ofPrefix prefix: String) -> String {
    var scalars = Array(prefix.unicodeScalars)
    while let last = scalars.popLast() {
      if let next = Unicode.Scalar(last.value + 1) {
        scalars.append(next)
        return String(String.UnicodeScalarView(scalars))
      }
    }
    return "\u{10FFFF}"
  }
}
