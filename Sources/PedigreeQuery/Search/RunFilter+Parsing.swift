import PedigreeCore

extension RunFilter {
  /// Parses a filter; the empty string (or only spaces) is `.all`.
  public static func parse(_ text: String) throws(PedigreeError) -> RunFilter {
    var parser = try FilterParser(text)
    return RunFilter(expression: try parser.parseFilter())
  }
}

extension RunOrder {
  /// Parses `field [ASC|DESC], …`; errors name the column, like the filter's.
  public static func parse(_ text: String) throws(PedigreeError) -> RunOrder {
    var parser = try FilterParser(text)
    return RunOrder(terms: try parser.parseOrder())
  }
}

extension ModelVersionFilter {
  /// Parses a model search filter (see `ModelVersionFilter`); the empty string is `.all`.
  public static func parse(_ text: String) throws(PedigreeError) -> ModelVersionFilter {
    var parser = try FilterParser(text, dialect: .modelVersions)
    return ModelVersionFilter(expression: try parser.parseFilter())
  }
}

extension ModelVersionOrder {
  /// Parses `field [ASC|DESC], …` over model search fields (`run.metrics.auc DESC, version`).
  public static func parse(_ text: String) throws(PedigreeError) -> ModelVersionOrder {
    var parser = try FilterParser(text, dialect: .modelVersions)
    return ModelVersionOrder(terms: try parser.parseOrder())
  }
}
