import PedigreeCore

/// The SQL that reads a `LineageNode` from `nodes n`, shared by every query that lists nodes.
enum NodeSQL {
  /// The columns, starting with `n.id`; read them with `LineageNode.init(row:from:)`.
  static let columns = """
    n.id, n.kind, coalesce(d.name, r.name, a.name, m.name), coalesce(dv.version, mv.version),
    coalesce(dv.digest, a.digest, mv.artifact_digest), coalesce(dv.uri, a.uri), r.uuid, r.status,
    x.name, mv.deprecated_at IS NOT NULL OR (n.kind = 'dataset_version' AND EXISTS (
      SELECT 1 FROM dataset_deprecations dd WHERE dd.dataset_version_id = n.id))
    """

  /// The joins from `nodes n` to every kind's table.
  static let joins = """
    LEFT JOIN dataset_versions dv ON dv.id = n.id LEFT JOIN datasets d ON d.id = dv.dataset_id
    LEFT JOIN runs r ON r.id = n.id LEFT JOIN experiments x ON x.id = r.experiment_id
    LEFT JOIN artifacts a ON a.id = n.id
    LEFT JOIN model_versions mv ON mv.id = n.id LEFT JOIN models m ON m.id = mv.model_id
    """

  /// One node by id.
  static let byID = "SELECT \(columns) FROM nodes n \(joins) WHERE n.id = ?"
}

extension LineageNode {
  /// Reads the `NodeSQL.columns`, starting at column `first`.
  init(row: Row, from first: Int32, depth: Int, side: Side) {
    let kind = NodeRef.Kind(rawValue: row.string(first + 1)) ?? .artifact
    let id = row.int64(first)
    let entity = row.optionalString(first + 2)
    let version = row.optionalInt64(first + 3).map { Int($0) }
    let name: String
    switch kind {
    case .datasetVersion, .modelVersion: name = "\(entity ?? "?")@\(version ?? 0)"
    case .run: name = row.string(first + 6)
    case .artifact: name = "artifact:\(id)"
    }
    self.init(
      ref: NodeRef(kind: kind, id: id, name: name), depth: depth, side: side, entityName: entity,
      version: version, digest: row.optionalString(first + 4), uri: row.optionalString(first + 5),
      status: row.optionalString(first + 7), experiment: row.optionalString(first + 8),
      deprecated: row.int64(first + 9) != 0, aliases: [])
  }
}

/// The lineage SQL. Downstream follows `edges` by its primary key (src, …); upstream by
/// `edges_by_dst (dst, src)`.
enum LineageSQL {
  static func step(upstream: Bool) -> (from: String, to: String) {
    upstream ? (from: "dst", to: "src") : (from: "src", to: "dst")
  }

  /// `?1` the start node, `?2` the depth limit. `UNION` keeps each (node, depth) pair once and
  /// the limit bounds the depth, so the walk ends on any graph; `min(depth)` is the shortest path.
  static func walk(upstream: Bool) -> String {
    let (from, to) = step(upstream: upstream)
    return """
      WITH RECURSIVE walk(id, depth) AS (
        SELECT ?1, 0
        UNION
        SELECT e.\(to), w.depth + 1 FROM walk w JOIN edges e ON e.\(from) = w.id WHERE w.depth < ?2
      )
      SELECT w.depth, \(NodeSQL.columns)
      FROM (SELECT id, min(depth) AS depth FROM walk GROUP BY id) w
      JOIN nodes n ON n.id = w.id \(NodeSQL.joins)
      ORDER BY w.depth, n.kind, n.id
      """
  }

  /// `?1` the start node; the number of nodes reachable from it (each once, so cycles end).
  static func reach(upstream: Bool) -> String {
    let (from, to) = step(upstream: upstream)
    return """
      WITH RECURSIVE reach(id) AS (
        SELECT ?1 UNION SELECT e.\(to) FROM reach JOIN edges e ON e.\(from) = reach.id
      )
      SELECT count(*) FROM reach
      """
  }

  /// `?1` a JSON array of node ids: every edge leaving them, by the primary key (src, …). The
  /// caller keeps those whose other end is in the set too: asking SQLite for that with
  /// `e.dst IN (…)` lets the planner probe `edges_by_dst` once per pair of nodes.
  static let edgesFrom = """
    SELECT e.src, e.dst, e.relation FROM json_each(?1) j CROSS JOIN edges e ON e.src = j.value
    ORDER BY e.src, e.dst, e.relation
    """

  /// `edgesFrom` on PostgreSQL, whose JSON array's elements are texts to cast.
  static let postgresEdgesFrom = """
    SELECT e.src, e.dst, e.relation FROM json_array_elements_text(?1::json) j
    JOIN edges e ON e.src = j.value::bigint
    ORDER BY e.src, e.dst, e.relation
    """

  /// `?1` a node, `?2` a relation or NULL for any: the nodes one edge away, by kind then id.
  static func neighbours(upstream: Bool) -> String {
    upstream
      ? "SELECT \(NodeSQL.columns) FROM edges e JOIN nodes n ON n.id = e.src \(NodeSQL.joins) "
        + "WHERE e.dst = ?1 AND (CAST(?2 AS TEXT) IS NULL OR e.relation = ?2) ORDER BY n.kind, n.id"
      : "SELECT \(NodeSQL.columns) FROM edges e JOIN nodes n ON n.id = e.dst \(NodeSQL.joins) "
        + "WHERE e.src = ?1 AND (CAST(?2 AS TEXT) IS NULL OR e.relation = ?2) ORDER BY n.kind, n.id"
  }
}

extension SQLiteRegistry {
  /// One node by id (`NodeSQL.byID`), then its aliases.
  public func lineageNode(id: Int64) throws(PedigreeError) -> LineageNode {
    try mapErrors {
      guard
        let node = try database.queryFirst(
          NodeSQL.byID, [.integer(id)], { LineageNode(row: $0, from: 0, depth: 0, side: .root) })
      else { throw PedigreeError.notFound("no lineage node \(id)") }
      return try withAliases([node])[0]
    }
  }

  /// One step along `edges` by the index the direction needs, then each node's aliases.
  public func neighbours(
    of id: Int64, upstream: Bool, relation: EdgeRelation?
  ) throws(PedigreeError) -> [LineageNode] {
    try mapErrors {
      try withAliases(
        try database.query(
          LineageSQL.neighbours(upstream: upstream), [.integer(id), SQLValue(relation?.rawValue)]
        ) {
          LineageNode(row: $0, from: 0, depth: 1, side: upstream ? .upstream : .downstream)
        })
    }
  }

  /// One recursive CTE (`LineageSQL.walk`), then each node's aliases.
  public func walk(from id: Int64, upstream: Bool, depth: Int) throws(PedigreeError) -> [LineageNode] {
    try mapErrors {
      var nodes = try database.query(
        LineageSQL.walk(upstream: upstream), [.integer(id), .integer(Int64(depth))]
      ) { LineageNode(row: $0, from: 1, depth: $0.int(0), side: upstream ? .upstream : .downstream) }
      nodes.removeAll { $0.ref.id == id }
      return try withAliases(nodes)
    }
  }

  /// One recursive CTE over `edges` (`LineageSQL.reach`).
  public func reachableCount(from id: Int64, upstream: Bool) throws(PedigreeError) -> Int {
    try mapErrors {
      Int(try database.scalarInt(LineageSQL.reach(upstream: upstream), [.integer(id)]) ?? 1)
    }
  }

  /// The edges leaving `ids` by the primary key, filtered to those ending among `ids` here (see
  /// `LineageSQL.edgesFrom` for why the filter is not in the SQL).
  public func edges(among ids: [Int64]) throws(PedigreeError) -> [LineageEdge] {
    let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
    let members = Set(ids)
    return try mapErrors {
      try database.query(
        database.isPostgres ? LineageSQL.postgresEdgesFrom : LineageSQL.edgesFrom, [.text(list)]
      ) {
        LineageEdge(
          src: $0.int64(0), dst: $0.int64(1), relation: EdgeRelation(rawValue: $0.string(2)) ?? .input)
      }.filter { members.contains($0.dst) }
    }
  }

  /// The nodes with the aliases pointing at each model version among them now.
  func withAliases(_ nodes: [LineageNode]) throws -> [LineageNode] {
    var nodes = nodes
    for index in nodes.indices where nodes[index].ref.kind == .modelVersion {
      nodes[index].aliases = try aliases(ofVersion: nodes[index].ref.id, at: nil).map(\.alias)
    }
    return nodes
  }
}
