import PedigreeCore

/// Why an OpenLineage event was refused: not JSON at all (HTTP 400), or JSON that breaks the spec
/// (422), with the JSON path of the problem first (`run.runId: required`).
public struct OpenLineageError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// The body is not JSON, or not a JSON object.
    case syntax
    /// Valid JSON that breaks the OpenLineage spec.
    case invalid
  }

  public let kind: Kind
  /// One line, starting with the JSON path when there is one.
  public let message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  /// A spec violation at `path`.
  static func invalid(_ path: String, _ problem: String) -> OpenLineageError {
    OpenLineageError(.invalid, "\(path): \(problem)")
  }

  /// The HTTP status Marquez's clients expect: 400 for a body that is not JSON, 422 otherwise.
  public var status: Int { kind == .syntax ? 400 : 422 }

  public var description: String { message }

  /// The error as Pedigree's library reports bad input data.
  public var pedigreeError: PedigreeError { .invalidInput(message) }

  /// The same error about an element of an array (`[3] run.runId: required`).
  public func at(index: Int) -> OpenLineageError { OpenLineageError(kind, "[\(index)] \(message)") }
}
