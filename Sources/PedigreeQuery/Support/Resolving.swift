import PedigreeCore

extension RegistryReading {
  /// Resolves a ref typed by a user (at the command line, in a query parameter), trying the kinds a command implies in order: an
  /// untyped `transactions@3` given to `impact` is a dataset version if one exists, else a model
  /// version. A typed ref (`model:…`, `run:…`) is resolved as written. When nothing matches, the
  /// error of the first kind is reported.
  public func resolve(_ text: String, kinds: [Ref.Kind], at time: Timestamp? = nil) throws(PedigreeError)
    -> NodeRef
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
