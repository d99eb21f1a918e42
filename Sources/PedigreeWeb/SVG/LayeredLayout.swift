/// A layered (Sugiyama-style) layout of a directed graph, drawn left to right, deterministic:
/// every tie is broken by node id, so the same graph always gives the same drawing.
///
/// 1. Cycles are broken by a depth-first search from each node in id order: an edge back to a
///    node still on the stack is reversed for layering (and drawn dashed).
/// 2. Longest-path layering: a node sits one layer right of its furthest predecessor.
/// 3. Edges spanning several layers get one dummy node per layer crossed, so they route around
///    nodes and count in crossings.
/// 4. Barycenter ordering: sweeps alternate down and up, each placing a layer's nodes by the mean
///    position of their neighbours in the layer just placed; the best ordering (fewest crossings)
///    is kept, and the sweeps stop after 4 in a row without fewer crossings.
public struct LayeredLayout: Sendable {
  /// A node's place: its layer (column) and its order in the layer (row).
  public struct Place: Equatable, Sendable {
    public let layer: Int
    public let order: Int
  }

  /// One edge as drawn: from `src` to `dst` through the dummy places between, `reversed` when it
  /// closed a cycle (it is drawn dashed, still pointing the way the data flowed).
  public struct Route: Equatable, Sendable {
    public let src: Int64
    public let dst: Int64
    public let reversed: Bool
    /// From the source's place to the target's, including both ends.
    public let places: [Place]
  }

  public let places: [Int64: Place]
  public let routes: [Route]
  /// Nodes per layer.
  public let layerSizes: [Int]
  /// Edge crossings in the chosen ordering.
  public let crossings: Int

  /// The sweeps without improvement after which ordering stops.
  public static let patience = 4
  /// A bound on sweeps, so a pathological graph still finishes.
  static let maximumSweeps = 40

  /// Lays out `nodes` (ids) with `edges` (src → dst); edges naming unknown nodes and self-loops
  /// are ignored.
  public init(nodes: [Int64], edges: [(src: Int64, dst: Int64)]) {
    let ids = Array(Set(nodes)).sorted()
    let known = Set(ids)
    var unique: [(src: Int64, dst: Int64)] = []
    var seenEdges: Set<[Int64]> = []
    for edge in edges.sorted(by: { ($0.src, $0.dst) < ($1.src, $1.dst) })
    where edge.src != edge.dst && known.contains(edge.src) && known.contains(edge.dst)
      && seenEdges.insert([edge.src, edge.dst]).inserted
    {
      unique.append(edge)
    }
    let reversedEdges = LayeredLayout.backEdges(ids: ids, edges: unique)
    // The acyclic orientation used for layering.
    let oriented = unique.map { edge in
      reversedEdges.contains([edge.src, edge.dst]) ? (src: edge.dst, dst: edge.src) : edge
    }
    let layer = LayeredLayout.longestPathLayers(ids: ids, edges: oriented)

    // Dummy nodes: negative ids, numbered in edge order, so they never collide with real ids.
    var nodeLayer = layer
    var chains: [(edge: (src: Int64, dst: Int64), reversed: Bool, chain: [Int64])] = []
    var nextDummy: Int64 = -1
    var segments: [(Int64, Int64)] = []
    for (edge, original) in zip(oriented, unique) {
      var chain = [edge.src]
      let from = layer[edge.src]!
      let to = layer[edge.dst]!
      if to - from > 1 {
        for dummyLayer in (from + 1)..<to {
          nodeLayer[nextDummy] = dummyLayer
          chain.append(nextDummy)
          nextDummy -= 1
        }
      }
      chain.append(edge.dst)
      for (a, b) in zip(chain, chain.dropFirst()) { segments.append((a, b)) }
      chains.append((original, reversedEdges.contains([original.src, original.dst]), chain))
    }
    let layerCount = (nodeLayer.values.max() ?? -1) + 1
    var layers = Array(repeating: [Int64](), count: layerCount)
    // Initial order: real nodes by id, then dummies in creation order.
    for id in nodeLayer.keys.sorted(by: LayeredLayout.initialOrder) { layers[nodeLayer[id]!].append(id) }
    let (ordered, crossings) = LayeredLayout.order(layers: layers, segments: segments)

    var places: [Int64: Place] = [:]
    for (layerIndex, row) in ordered.enumerated() {
      for (order, id) in row.enumerated() { places[id] = Place(layer: layerIndex, order: order) }
    }
    self.places = places.filter { $0.key >= 0 }
    self.layerSizes = ordered.map(\.count)
    self.crossings = crossings
    self.routes = chains.map { chain in
      let drawn = chain.reversed ? Array(chain.chain.reversed()) : chain.chain
      return Route(
        src: chain.edge.src, dst: chain.edge.dst, reversed: chain.reversed, places: drawn.map { places[$0]! })
    }
  }

  /// Real nodes (non-negative ids) by id, then dummies (negative) in creation order.
  private static func initialOrder(_ a: Int64, _ b: Int64) -> Bool {
    if (a >= 0) != (b >= 0) { return a >= 0 }
    return a >= 0 ? a < b : a > b
  }

  /// The edges a depth-first search (from each node in id order, children in id order) finds
  /// pointing back to a node on its stack: reversing them leaves the graph acyclic.
  static func backEdges(ids: [Int64], edges: [(src: Int64, dst: Int64)]) -> Set<[Int64]> {
    var children: [Int64: [Int64]] = [:]
    for edge in edges { children[edge.src, default: []].append(edge.dst) }
    for key in children.keys { children[key]!.sort() }
    var state: [Int64: Int] = [:]  // 1 on the stack, 2 done
    var back: Set<[Int64]> = []
    for start in ids where state[start] == nil {
      // An explicit stack of (node, next child index): deep graphs must not overflow the call stack.
      var stack: [(Int64, Int)] = [(start, 0)]
      state[start] = 1
      while let (node, next) = stack.last {
        let list = children[node] ?? []
        if next < list.count {
          stack[stack.count - 1].1 += 1
          let child = list[next]
          switch state[child] {
          case nil:
            state[child] = 1
            stack.append((child, 0))
          case 1: back.insert([node, child])
          default: break
          }
        } else {
          state[node] = 2
          stack.removeLast()
        }
      }
    }
    return back
  }

  /// Longest-path layering over an acyclic graph: sources at 0, every node one past its furthest
  /// predecessor (Kahn's order, ready nodes by id).
  static func longestPathLayers(ids: [Int64], edges: [(src: Int64, dst: Int64)]) -> [Int64: Int] {
    var indegree: [Int64: Int] = Dictionary(uniqueKeysWithValues: ids.map { ($0, 0) })
    var children: [Int64: [Int64]] = [:]
    for edge in edges {
      indegree[edge.dst, default: 0] += 1
      children[edge.src, default: []].append(edge.dst)
    }
    var layer: [Int64: Int] = Dictionary(uniqueKeysWithValues: ids.map { ($0, 0) })
    var ready = ids.filter { indegree[$0] == 0 }
    var cursor = 0
    while cursor < ready.count {
      let node = ready[cursor]
      cursor += 1
      for child in (children[node] ?? []).sorted() {
        layer[child] = max(layer[child]!, layer[node]! + 1)
        indegree[child]! -= 1
        if indegree[child] == 0 { ready.append(child) }
      }
    }
    return layer
  }

  /// Barycenter sweeps; returns the best ordering and its crossings.
  static func order(layers: [[Int64]], segments: [(Int64, Int64)]) -> ([[Int64]], Int) {
    var left: [Int64: [Int64]] = [:]  // neighbours in the layer before
    var right: [Int64: [Int64]] = [:]  // neighbours in the layer after
    for (a, b) in segments {
      right[a, default: []].append(b)
      left[b, default: []].append(a)
    }
    var current = layers
    var best = layers
    var bestCrossings = crossings(current, right: right)
    var stale = 0
    var sweep = 0
    while stale < patience && sweep < maximumSweeps && bestCrossings > 0 {
      let down = sweep % 2 == 0
      let indices =
        down ? Array(1..<max(1, current.count)) : Array((0..<max(0, current.count - 1)).reversed())
      for index in indices {
        let reference = current[down ? index - 1 : index + 1]
        let position = Dictionary(uniqueKeysWithValues: reference.enumerated().map { ($1, Double($0)) })
        let neighbours = down ? left : right
        let here = current[index]
        let keyed = here.enumerated().map { offset, id -> (Double, Int, Int64) in
          let found = (neighbours[id] ?? []).compactMap { position[$0] }
          let center = found.isEmpty ? Double(offset) : found.reduce(0, +) / Double(found.count)
          return (center, offset, id)
        }
        current[index] = keyed.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map(\.2)
      }
      let count = crossings(current, right: right)
      if count < bestCrossings {
        bestCrossings = count
        best = current
        stale = 0
      } else {
        stale += 1
      }
      sweep += 1
    }
    return (best, bestCrossings)
  }

  /// Edge crossings between each pair of adjacent layers.
  static func crossings(_ layers: [[Int64]], right: [Int64: [Int64]]) -> Int {
    var total = 0
    for index in 0..<max(0, layers.count - 1) {
      let position = Dictionary(uniqueKeysWithValues: layers[index + 1].enumerated().map { ($1, $0) })
      var pairs: [(Int, Int)] = []
      for (order, id) in layers[index].enumerated() {
        for target in right[id] ?? [] { if let to = position[target] { pairs.append((order, to)) } }
      }
      for i in 0..<pairs.count {
        for j in (i + 1)..<max(i + 1, pairs.count)
        where (pairs[i].0 < pairs[j].0 && pairs[i].1 > pairs[j].1)
          || (pairs[i].0 > pairs[j].0 && pairs[i].1 < pairs[j].1)
        {
          total += 1
        }
      }
    }
    return total
  }
}
