import PedigreeCore
import PedigreeSQLite

extension SQLiteRegistry {
  /// Resolves a ref typed at the command line, trying the kinds a command implies in order: an
  /// untyped `transactions@3` given to `impact` is a dataset version if one exists, else a model
  /// version. A typed ref (`model:…`, `run:…`) is resolved as written. When nothing matches, the
  /// error of the first kind is reported.
  func resolve(_ text: String, kinds: [Ref.Kind], at time: Timestamp? = nil) throws(PedigreeError) -> NodeRef
  {
    let typed = Ref.Kind.allCases.contains { text.hasPrefix($0.rawValue + ":") }
    var firstError: PedigreeError?
    for kind in typed ? [kinds.first ?? .model] : kinds {
      do {
        return try resolve(try Ref.parse(text, defaultKind: kind), at: time)
      } catch {
        firstError = firstError ?? error
        guard error.kind == .notFound || error.kind == .usage else { throw error }
      }
    }
    throw firstError ?? PedigreeError.notFound("nothing matches \(text)")
  }
}
