/// The dataset reads of a backend (see `RegistryReading`).
public protocol DatasetReading {
  /// Every dataset by name, with its latest version.
  func datasetList() throws(PedigreeError) -> [DatasetSummary]

  /// One dataset version in full: its attributes, tags, the runs that wrote it (`output` edges)
  /// and the runs that read it (`input` edges).
  ///
  /// - Throws: `.notFound` when there is no such dataset version.
  func datasetVersionInfo(_ node: NodeRef) throws(PedigreeError) -> DatasetVersionInfo
}
