import PedigreeCore
import PedigreeSQLite

/// A node of the lineage graph with the attributes a reader needs to recognise it.
public struct LineageNode: Hashable, Sendable {
  /// Where a node sits relative to the node a walk started from.
  public enum Side: String, Sendable {
    case root, upstream, downstream
  }

  /// Kind, node id and canonical name (`fraud@3`, `transactions@2`, the run id, `artifact:7`).
  public let ref: NodeRef
  /// Edges from the start node (the shortest path); 0 for the start node itself.
  public var depth: Int
  public var side: Side
  /// The dataset's or model's name for versions; the run's name; the artifact's file name.
  public let entityName: String?
  /// The version number of a dataset or model version.
  public let version: Int?
  /// `sha256:…` of a dataset version, an artifact, or a model version's artifact.
  public let digest: String?
  /// Where a dataset version or artifact lives.
  public let uri: String?
  /// A run's status (`running`, `finished`, `failed`, `killed`).
  public let status: String?
  /// A run's experiment.
  public let experiment: String?
  /// Whether a model version is deprecated (now).
  public let deprecated: Bool
  /// The aliases that point at a model version now.
  public var aliases: [String]

  /// A one-line human label: `fraud@3`, `run 3f9a1c2b (fraud/xgb)`, `model.onnx (artifact:7)`.
  public var label: String {
    switch ref.kind {
    case .datasetVersion, .modelVersion: return ref.name
    case .artifact: return "\(entityName ?? "artifact") (\(ref.name))"
    case .run:
      let title = [experiment, entityName].compactMap { $0 }.joined(separator: "/")
      return "run \(Format.shortRunID(ref.name))" + (title.isEmpty ? "" : " (\(title))")
    }
  }

  /// The short attributes shown after a label: digest, status, deprecation, aliases.
  public var attributes: [String] {
    var parts: [String] = []
    if let status { parts.append(status) }
    if let digest { parts.append(Format.shortDigest(digest)) }
    if deprecated { parts.append("deprecated") }
    if !aliases.isEmpty { parts.append("aliases: " + aliases.joined(separator: ", ")) }
    return parts
  }

  /// The label and its attributes on one line.
  public var line: String { ([label] + attributes).joined(separator: "  ") }
}

extension LineageNode: JSONConvertible {
  public var json: JSONValue {
    var object: JSONObject = [
      "id": .integer(ref.id), "kind": .string(ref.kind.rawValue), "ref": .string(ref.typedRef),
      "name": .string(ref.name), "depth": .int(depth), "side": .string(side.rawValue),
    ]
    if ref.kind == .datasetVersion || ref.kind == .modelVersion {
      object["entity"] = .optional(entityName)
      object["version"] = .int(version)
    }
    if ref.kind == .artifact || ref.kind == .run { object["title"] = .optional(entityName) }
    if ref.kind != .run {
      object["digest"] = .optional(digest)
    }
    if ref.kind == .datasetVersion || ref.kind == .artifact { object["uri"] = .optional(uri) }
    if ref.kind == .run {
      object["experiment"] = .optional(experiment)
      object["status"] = .optional(status)
    }
    if ref.kind == .modelVersion {
      object["deprecated"] = .bool(deprecated)
      object["aliases"] = .strings(aliases)
    }
    return .object(object)
  }
}

/// The SQL that reads a `LineageNode` from `nodes n`, shared by every query that lists nodes.
enum NodeSQL {
  /// The columns, starting with `n.id`; read them with `LineageNode.init(row:from:)`.
  static let columns = """
    n.id, n.kind, coalesce(d.name, r.name, a.name, m.name), coalesce(dv.version, mv.version),
    coalesce(dv.digest, a.digest, mv.artifact_digest), coalesce(dv.uri, a.uri), r.uuid, r.status,
    x.name, mv.deprecated_at IS NOT NULL
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

extension Queries {
  /// The node with this id, with its aliases now.
  func node(id: Int64, depth: Int = 0, side: LineageNode.Side = .root) throws -> LineageNode {
    guard
      var node = try database.queryFirst(
        NodeSQL.byID, [.integer(id)], { LineageNode(row: $0, from: 0, depth: depth, side: side) })
    else { throw PedigreeError.notFound("no lineage node \(id)") }
    try attachAliases(&node)
    return node
  }

  /// The neighbours of a node along edges of `relation` (`nil`: any), in the direction given.
  func neighbours(
    of id: Int64, upstream: Bool, relation: String? = nil
  ) throws -> [LineageNode] {
    let sql =
      upstream
      ? "SELECT \(NodeSQL.columns) FROM edges e JOIN nodes n ON n.id = e.src \(NodeSQL.joins) "
        + "WHERE e.dst = ?1 AND (?2 IS NULL OR e.relation = ?2) ORDER BY n.kind, n.id"
      : "SELECT \(NodeSQL.columns) FROM edges e JOIN nodes n ON n.id = e.dst \(NodeSQL.joins) "
        + "WHERE e.src = ?1 AND (?2 IS NULL OR e.relation = ?2) ORDER BY n.kind, n.id"
    var nodes = try database.query(sql, [.integer(id), SQLValue(relation)]) {
      LineageNode(row: $0, from: 0, depth: 1, side: upstream ? .upstream : .downstream)
    }
    for index in nodes.indices { try attachAliases(&nodes[index]) }
    return nodes
  }

  /// Fills in the aliases pointing at a model version node now.
  func attachAliases(_ node: inout LineageNode) throws {
    guard node.ref.kind == .modelVersion else { return }
    node.aliases = try aliases(ofVersion: node.ref.id, at: nil).map(\.alias)
  }
}
