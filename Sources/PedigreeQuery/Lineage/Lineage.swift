import PedigreeCore

/// Which way a lineage walk follows edges. Edges point the way data flows, so upstream is where
/// a node came from (its run, the run's datasets…) and downstream is what was made from it.
public enum LineageDirection: String, Sendable, CaseIterable {
  case upstream, downstream, both
}

/// The part of the lineage graph around one node.
public struct LineageGraph: Sendable {
  /// The node the walk started from (depth 0).
  public let root: LineageNode
  public let direction: LineageDirection
  /// The depth limit in edges, or `nil` for no limit.
  public let depthLimit: Int?
  /// Every node once: the root, then upstream nodes, then downstream nodes, each by depth, kind
  /// and id. A node reachable both ways (a cycle) is listed once, as upstream.
  public let nodes: [LineageNode]
  /// The edges among the nodes that the walk followed, ordered by src, dst, relation.
  public let edges: [LineageEdge]
  private let positions: [Int64: Int]

  public init(
    root: LineageNode, direction: LineageDirection, depthLimit: Int?, nodes: [LineageNode],
    edges: [LineageEdge]
  ) {
    self.root = root
    self.direction = direction
    self.depthLimit = depthLimit
    self.nodes = nodes
    self.edges = edges
    self.positions = Dictionary(
      nodes.enumerated().map { ($1.ref.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The node with this id, if it is in the graph.
  public func node(id: Int64) -> LineageNode? { positions[id].map { nodes[$0] } }

  /// The nodes on one side of the root.
  public func nodes(on side: LineageNode.Side) -> [LineageNode] { nodes.filter { $0.side == side } }
}

extension Queries {
  /// The lineage graph around `start`, walked with recursive CTEs over `edges`, one snapshot.
  ///
  /// - Parameters:
  ///   - direction: upstream, downstream or both (default).
  ///   - depth: the most edges from `start` a node may be (a model version's source run is at 1);
  ///     `nil` for no limit. Cycles (which the write API never makes) terminate either way.
  /// - Throws: `.usage` for a negative depth; `.notFound` when the node does not exist.
  public func lineage(
    of start: NodeRef, direction: LineageDirection = .both, depth: Int? = nil
  ) throws(PedigreeError) -> LineageGraph {
    if let depth, depth < 0 {
      throw PedigreeError.usage("invalid depth \(depth)", hint: "depth counts edges: 0, 1, 2…")
    }
    return try read { try lineageGraph(of: start.id, direction: direction, depth: depth) }
  }

  func lineageGraph(of id: Int64, direction: LineageDirection, depth: Int?) throws -> LineageGraph {
    let root = try node(id: id)
    var nodes = [root]
    var seen: Set<Int64> = [root.ref.id]
    var edges = Set<LineageEdge>()
    let sides: [Bool] =
      switch direction {
      case .upstream: [true]
      case .downstream: [false]
      case .both: [true, false]
      }
    for upstream in sides {
      let walked = try walk(from: id, upstream: upstream, depth: depth)
      nodes += walked.filter { seen.insert($0.ref.id).inserted }
      edges.formUnion(try self.edges(among: [id] + walked.map(\.ref.id)))
    }
    return LineageGraph(
      root: root, direction: direction, depthLimit: depth, nodes: nodes, edges: edges.sorted())
  }

  /// The nodes reachable from `id` one way, each once at its shortest depth, without the start.
  func walk(from id: Int64, upstream: Bool, depth: Int?) throws -> [LineageNode] {
    let limit = try depth ?? reachableCount(from: id, upstream: upstream)
    return try reader.walk(from: id, upstream: upstream, depth: limit)
  }

  /// How many nodes are reachable from `id` (itself included): a bound on any shortest path,
  /// which caps the depth of an unlimited walk so a cycle cannot make it run forever.
  func reachableCount(from id: Int64, upstream: Bool) throws -> Int {
    try reader.reachableCount(from: id, upstream: upstream)
  }

  /// The edges whose both ends are among `ids`.
  func edges(among ids: [Int64]) throws -> [LineageEdge] { try reader.edges(among: ids) }
}
