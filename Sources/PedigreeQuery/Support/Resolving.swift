import PedigreeCore

extension RegistryReading {
  /// Resolves a ref typed by a user (at the command line, in a query parameter), trying the kinds a command implies in order: an
  /// untyped `transactions@3` given to `impact` is a dataset version if one exists, else a model
  /// version. A typed ref (`model:…`, `run:…`) is resolved as written. When nothing matches, the
  /// error of the first kind is reported.
  public func resolve(_ text: String, kinds: [Ref.Kind], at time: Timestamp? = nil) throws(PedigreeError)
    -> NodeRef
  {
    if kinds.contains(.dataset), let node = try openLineageDataset(text, at: time) { return node }
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

  /// An OpenLineage dataset named by its URI or `namespace/name` (`s3://risk-lake/raw/tx`), as
  /// its latest version, or `URI@N` for version N; `nil` when `text` is no such dataset.
  private func openLineageDataset(_ text: String, at time: Timestamp?) throws(PedigreeError) -> NodeRef? {
    guard text.contains("/") || text.contains("://") else { return nil }
    var selector = Ref.VersionSelector.latest
    var uri = text
    if let name = try openLineageDatasetName(uri: text) {
      return try resolve(.dataset(name: name, selector: selector), at: time)
    }
    if let at = text.lastIndex(of: "@"), let number = Int(text[text.index(after: at)...]), number >= 1 {
      selector = .version(number)
      uri = String(text[..<at])
    }
    guard let name = try openLineageDatasetName(uri: uri) else {
      guard text.contains("://") else { return nil }
      throw PedigreeError.notFound(
        "no dataset has the URI \(text.prefix(200))",
        hint: "OpenLineage datasets are found by namespace/name or URI")
    }
    return try resolve(.dataset(name: name, selector: selector), at: time)
  }
}
