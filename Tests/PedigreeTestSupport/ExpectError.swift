import PedigreeCore
import Testing

/// Expects `body` to throw a `PedigreeError` of `kind`, and returns it (`nil`, with a recorded
/// issue, when `body` succeeds or throws anything else). The one way the tests check an error:
/// a check that only some error was thrown passes for the wrong refusal.
///
/// ```swift
/// let error = expectError(.usage) { try queries.runShow(version) }
/// #expect(error?.message.contains("not a run") == true)
/// ```
@discardableResult
public func expectError<T>(
  _ kind: PedigreeError.Kind, _ comment: @autoclosure () -> String = "",
  sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T
) -> PedigreeError? {
  let context = comment().isEmpty ? "" : " (\(comment()))"
  do {
    _ = try body()
    Issue.record("expected a \(kind) error, got success\(context)", sourceLocation: sourceLocation)
  } catch let error as PedigreeError {
    #expect(error.kind == kind, "\(error)\(context)", sourceLocation: sourceLocation)
    return error
  } catch {
    Issue.record("expected a PedigreeError, got \(error)\(context)", sourceLocation: sourceLocation)
  }
  return nil
}
