/// The model reads of a backend (see `RegistryReading`): models, their versions and aliases,
/// now or as they stood at a time (`at`; `nil` means now).
public protocol ModelReading {
  /// Every model by name, with its latest version, version count and aliases now.
  func modelList() throws(PedigreeError) -> [ModelSummary]

  /// When the model with this id was registered; `nil` when there is no such model.
  func modelCreatedAt(id: Int64) throws(PedigreeError) -> Timestamp?

  /// The model with this id as it stood at `at`: the versions created by then (oldest first),
  /// deprecations made by then, and each alias's target then.
  ///
  /// - Throws: `.notFound` when there is no such model.
  func modelSnapshot(modelID: Int64, at: Timestamp?) throws(PedigreeError) -> ModelSnapshot

  /// One model version by node id, with its deprecation and aliases as of `at`.
  ///
  /// - Throws: `.notFound` when there is no such version.
  func modelVersionInfo(id: Int64, at: Timestamp?) throws(PedigreeError) -> ModelVersionInfo

  /// Every alias of a model and where it pointed at `at`, by alias name.
  func aliasPointers(modelID: Int64, at: Timestamp?) throws(PedigreeError) -> [AliasPointer]

  /// The aliases that pointed at one model version at `at`, by alias name.
  func aliases(ofVersion versionID: Int64, at: Timestamp?) throws(PedigreeError) -> [AliasPointer]

  /// The alias events of a model (of one alias when `alias` is given) up to `at`, oldest first.
  func aliasEvents(modelID: Int64, alias: String?, at: Timestamp?) throws(PedigreeError)
    -> [AliasEvent]

  /// The promotion policies in force (each pattern and alias's latest row, unless an unset), by
  /// alias then pattern.
  func promotionPolicies() throws(PedigreeError) -> [PromotionPolicy]
}
