/// The undo stack of one alias, rebuilt from its events: each promotion pushes its target, each
/// removal pushes "unset", each rollback truncates the stack back to its target (or pushes it,
/// when `--to` jumped off the stack). The one definition of where `model rollback` lands, shared
/// by the writer that moves the alias and the readers that show where a rollback would go (the
/// web UI's on-call header).
///
/// A rollback never lands on "unset": it skips removals as it skips deprecated versions. So
/// promote v1, v2, remove → rollback → v2 (the removal is undone), and promote v1, v2, remove,
/// promote v3 → rollback → v2 (an alias is removed only by a removal, never by a rollback).
///
/// Generic over how a version is named (a node id in the writer, a version number in a snapshot):
/// within one model both are unique.
public struct AliasUndoStack<Version: Equatable> {
  /// Bottom to top; the top is where the alias points now, `nil` where a removal left it unset.
  public private(set) var entries: [Version?] = []

  /// Replays `events` (oldest first): a promotion's or rollback's target, or a removal's `nil`.
  public init(_ events: [(action: AliasAction, target: Version?)]) {
    for event in events {
      switch (event.action, event.target) {
      case (.rollback, let target?): rollBack(to: target)
      case (.remove, _), (_, nil): entries.append(nil)
      case (.promote, let target?): entries.append(target)
      }
    }
  }

  /// Where the alias points now: `nil` when it was never set or its last event removed it.
  public var current: Version? { entries.last ?? nil }

  /// Whether the alias was ever set (a removed alias was).
  public var wasEverSet: Bool { !entries.isEmpty }

  /// The versions on the stack below the top, nearest first (removals left out).
  public var earlier: [Version] { entries.dropLast().reversed().compactMap { $0 } }

  /// Pops the stack back to the last occurrence of `target` below its top, or pushes `target`
  /// when it is not there.
  public mutating func rollBack(to target: Version) {
    if let index = entries.dropLast().lastIndex(of: target) {
      entries.removeSubrange((index + 1)...)
    } else {
      entries.append(target)
    }
  }

  /// Where a rollback lands: the nearest version below the top that is not the current one and
  /// not deprecated (removals skipped); `nil` when there is none (the rollback is refused).
  public func rollbackTarget(isDeprecated: (Version) throws -> Bool) rethrows -> Version? {
    for candidate in earlier where candidate != current {
      if try !isDeprecated(candidate) { return candidate }
    }
    return nil
  }
}
