import PedigreeCore

extension DatasetSummary {
  /// The datasets as a table: name, latest version, versions, digest, URI.
  public static func table(_ datasets: [DatasetSummary]) -> TextTable {
    TextTable(
      ["DATASET", "LATEST", "VERSIONS", "DIGEST", "URI"],
      rows: datasets.map {
        [
          $0.name, $0.latestVersion.map { "v\($0)" } ?? "-", String($0.versionCount),
          Format.shortDigest($0.latestDigest), Format.text($0.latestURI),
        ]
      }, alignments: [.left, .right, .right])
  }
}

extension DatasetVersionInfo {
  /// The human form: fields, tags, producing and using runs.
  public var document: ReportDocument {
    return ReportDocument(
      title: node.ref.name,
      sections: [
        .init(
          "Dataset version",
          [
            .fields([
              ("version", node.ref.name), ("uri", uri), ("digest", Format.text(digest)),
              ("size", Format.bytes(sizeBytes)), ("rows", Format.number(rowCount)),
              ("schema", Format.text(schemaJSON)), ("created", "\(createdAt.iso8601) by \(createdBy)"),
              ("tags", Format.pairs(tags)),
            ])
          ]),
        .init("Produced by", [.lines(producedBy.map(\.line))]),
        .init("Used by", [.lines(usedBy.map(\.line))]),
      ])
  }
}

extension Queries {
  /// Every dataset, by name, with its latest version.
  public func datasetList() throws(PedigreeError) -> [DatasetSummary] {
    try read { try reader.datasetList() }
  }

  /// One dataset version in full.
  ///
  /// - Throws: `.usage` when `node` is not a dataset version.
  public func datasetShow(_ node: NodeRef) throws(PedigreeError) -> DatasetVersionInfo {
    guard node.kind == .datasetVersion else {
      throw PedigreeError.usage("\(node.typedRef) is not a dataset version", hint: "use dataset:NAME@N")
    }
    return try read { try reader.datasetVersionInfo(node) }
  }
}
