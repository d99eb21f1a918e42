/// The undo stack of one alias, rebuilt from its events: each promotion pushes its target, each
/// rollback truncates the stack back to its target (or pushes it, when `--to` jumped off the
/// stack). The one definition of where `model rollback` lands, shared by the writer that moves
/// the alias and the readers that show where a rollback would go (the web UI's on-call header).
///
/// Generic over how a version is named (a node id in the writer, a version number in a snapshot):
/// within one model both are unique.
public struct AliasUndoStack<Version: Equatable> {
  /// Bottom to top; the top is where the alias points now.
  public private(set) var versions: [Version] = []

  /// Replays `events` (oldest first): `isRollback` tells a rollback from a promotion.
  public init(_ events: [(isRollback: Bool, target: Version)]) {
    for event in events {
      if event.isRollback { rollBack(to: event.target) } else { versions.append(event.target) }
    }
  }

  /// Where the alias points now, if it was ever set.
  public var current: Version? { versions.last }

  /// Pops the stack back to the last occurrence of `target` below its top, or pushes `target`
  /// when it is not there.
  public mutating func rollBack(to target: Version) {
    if let index = versions.dropLast().lastIndex(of: target) {
      versions.removeSubrange((index + 1)...)
    } else {
      versions.append(target)
    }
  }

  /// Where a rollback lands: the nearest version below the top that is not the current one and
  /// not deprecated; `nil` when there is none (the rollback is refused).
  public func rollbackTarget(isDeprecated: (Version) throws -> Bool) rethrows -> Version? {
    guard let current else { return nil }
    for candidate in versions.dropLast().reversed() where candidate != current {
      if try !isDeprecated(candidate) { return candidate }
    }
    return nil
  }
}
