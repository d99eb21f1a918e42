import PedigreeCore

extension Queries {
  /// Where `model rollback NAME --alias ALIAS` would land now, read from the alias's events with
  /// the writer's own undo stack (`AliasUndoStack`): deprecated versions are skipped. `nil` when a
  /// rollback would be refused (nowhere to go) or the alias was never set.
  ///
  /// - Throws: `.notFound` when there is no such model.
  public func rollbackTarget(model name: String, alias: String) throws(PedigreeError) -> ModelVersionInfo? {
    try read {
      let modelID = try reader.modelID(name)
      let events = try aliasEvents(modelID: modelID, alias: alias)
      let versions = try snapshot(modelID: modelID, at: nil).versions
      let stack = AliasUndoStack(
        events.map { (action: AliasAction(rawValue: $0.action) ?? .promote, target: $0.toVersion) })
      let target = stack.rollbackTarget { number in
        versions.first { $0.version == number }?.deprecation != nil
      }
      return target.flatMap { number in versions.first { $0.version == number } }
    }
  }
}
