/// A lineage node that a ref resolved to: its kind, its row id (which is also its `nodes.id`) and
/// its canonical display name (`fraud@3`, `transactions@2`, `run:3f9a…`, `artifact:42`).
public struct NodeRef: Hashable, Sendable, CustomStringConvertible {
  /// The kinds of node in the lineage graph, as stored in `nodes.kind`.
  public enum Kind: String, Sendable, CaseIterable {
    case datasetVersion = "dataset_version"
    case run
    case artifact
    case modelVersion = "model_version"
  }

  public let kind: Kind
  /// The row id in the kind's table, equal to `nodes.id`.
  public let id: Int64
  /// A display name: `NAME@N` for versions, the run id for runs, `artifact:ID` for artifacts.
  public let name: String

  public init(kind: Kind, id: Int64, name: String) {
    self.kind = kind
    self.id = id
    self.name = name
  }

  public var description: String { name }

  /// The typed ref that names this node again (`model:fraud@3`, `dataset:tx@2`, `run:<id>`, …).
  public var typedRef: String {
    switch kind {
    case .datasetVersion: "dataset:\(name)"
    case .run: "run:\(name)"
    case .artifact: name
    case .modelVersion: "model:\(name)"
    }
  }
}
