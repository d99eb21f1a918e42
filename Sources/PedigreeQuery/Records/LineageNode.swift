import PedigreeCore

extension LineageNode {
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

extension Queries {
  /// The node with this id, with its aliases now.
  func node(id: Int64, depth: Int = 0, side: LineageNode.Side = .root) throws -> LineageNode {
    var node = try reader.lineageNode(id: id)
    node.depth = depth
    node.side = side
    return node
  }

  /// The neighbours of a node along edges of `relation` (`nil`: any), in the direction given,
  /// with their aliases now.
  func neighbours(
    of id: Int64, upstream: Bool, relation: EdgeRelation? = nil
  ) throws -> [LineageNode] {
    try reader.neighbours(of: id, upstream: upstream, relation: relation)
  }

  /// Fills in the aliases pointing at a model version node now.
  func attachAliases(_ node: inout LineageNode) throws {
    guard node.ref.kind == .modelVersion else { return }
    node.aliases = try aliases(ofVersion: node.ref.id, at: nil).map(\.alias)
  }
}
