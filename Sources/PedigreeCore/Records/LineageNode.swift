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
  /// Whether a model or dataset version is deprecated (now).
  public let deprecated: Bool
  /// The aliases that point at a model version now.
  public var aliases: [String]

  public init(
    ref: NodeRef, depth: Int, side: Side, entityName: String?, version: Int?, digest: String?,
    uri: String?, status: String?, experiment: String?, deprecated: Bool, aliases: [String]
  ) {
    self.ref = ref
    self.depth = depth
    self.side = side
    self.entityName = entityName
    self.version = version
    self.digest = digest
    self.uri = uri
    self.status = status
    self.experiment = experiment
    self.deprecated = deprecated
    self.aliases = aliases
  }
}

extension LineageNode: JSONConvertible {
  /// The node in the JSON contract's shape for its kind: `id`, `kind`, `ref` (typed), `depth`,
  /// `side`, then a dataset version's `name` (the dataset's) and `version`, a model version's
  /// `model` and `version`, a run's `run_id` and `name` (the run's), an artifact's `name` (its
  /// file name) — the same keys `dataset show`, `model show` and `run show` use. `entity` and
  /// `title` are the older names of the same values, kept for scripts.
  public var json: JSONValue {
    var object: JSONObject = [
      "id": .integer(ref.id), "kind": .string(ref.kind.rawValue), "ref": .string(ref.typedRef),
      "name": .optional(entityName), "depth": .int(depth), "side": .string(side.rawValue),
    ]
    switch ref.kind {
    case .datasetVersion:
      object["version"] = .int(version)
      object["entity"] = .optional(entityName)
    case .modelVersion:
      object["model"] = .optional(entityName)
      object["version"] = .int(version)
      object["entity"] = .optional(entityName)
    case .run:
      object["run_id"] = .string(ref.name)
      object["title"] = .optional(entityName)
    case .artifact:
      object["title"] = .optional(entityName)
    }
    if ref.kind != .run {
      object["digest"] = .optional(digest)
    }
    if ref.kind == .datasetVersion || ref.kind == .artifact { object["uri"] = .optional(uri) }
    if ref.kind == .datasetVersion { object["deprecated"] = .bool(deprecated) }
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

/// One edge of the lineage graph: `src` → `dst` in the direction data flows.
public struct LineageEdge: Hashable, Sendable, Comparable {
  /// Node ids.
  public let src: Int64
  public let dst: Int64
  public let relation: EdgeRelation

  public init(src: Int64, dst: Int64, relation: EdgeRelation) {
    self.src = src
    self.dst = dst
    self.relation = relation
  }

  public static func < (lhs: LineageEdge, rhs: LineageEdge) -> Bool {
    (lhs.src, lhs.dst, lhs.relation) < (rhs.src, rhs.dst, rhs.relation)
  }
}
