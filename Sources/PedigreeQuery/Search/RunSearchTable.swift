import PedigreeCore

extension RunSearchResult {
  /// The hits as a table: the run's attributes, then a column for every metric, param and tag the
  /// filter or the order named, in the order they were named.
  public var table: TextTable {
    let headers =
      ["RUN", "EXPERIMENT", "NAME", "STATUS", "STARTED"] + metricKeys.map { "metrics.\($0)" }
      + paramKeys.map { "params.\($0)" } + tagKeys.map { "tags.\($0)" }
    let alignments: [TextTable.Alignment] =
      Array(repeating: .left, count: 5) + metricKeys.map { _ in .right }
    return TextTable(
      headers,
      rows: runs.map { hit in
        [
          Format.shortRunID(hit.runID), hit.experiment, Format.text(hit.name), hit.status,
          hit.startedAt.iso8601,
        ] + metricKeys.map { Format.metric(hit.metrics[$0]) }
          + paramKeys.map { Format.text(hit.params[$0]) } + tagKeys.map { Format.text(hit.tags[$0]) }
      }, alignments: alignments)
  }
}
