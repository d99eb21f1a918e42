/// The lineage reads of a backend (see `RegistryReading`): nodes and the edges between them.
///
/// Every `LineageNode` returned carries its aliases now (for a model version).
public protocol LineageReading {
  /// The node with this id, at depth 0 on the root side.
  ///
  /// - Throws: `.notFound` when there is no such node.
  func lineageNode(id: Int64) throws(PedigreeError) -> LineageNode

  /// The direct neighbours of a node along edges of `relation` (`nil`: any relation), by kind
  /// then id, each at depth 1.
  ///
  /// - Parameter upstream: follow edges backwards (to what `id` came from) rather than forwards.
  func neighbours(of id: Int64, upstream: Bool, relation: EdgeRelation?) throws(PedigreeError)
    -> [LineageNode]

  /// The nodes reachable from `id` one way within `depth` edges, each once at its shortest depth,
  /// by depth, kind and id, without `id` itself. Ends on any graph, cycles included.
  ///
  /// - Parameter upstream: walk edges backwards (to what `id` came from) rather than forwards.
  func walk(from id: Int64, upstream: Bool, depth: Int) throws(PedigreeError) -> [LineageNode]

  /// How many nodes are reachable from `id` one way, itself included: a bound on any shortest
  /// path, so an unlimited walk can be given it as its depth.
  func reachableCount(from id: Int64, upstream: Bool) throws(PedigreeError) -> Int

  /// The edges whose both ends are among `ids`, ordered by src, dst, relation.
  func edges(among ids: [Int64]) throws(PedigreeError) -> [LineageEdge]
}
