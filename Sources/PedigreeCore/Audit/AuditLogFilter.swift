/// Which audit log entries `auditLog(_:)` lists.
public struct AuditLogFilter: Sendable, Equatable {
  /// Listing order. The default is newest first, like `git log`: the recent past is what one
  /// usually looks for; `--limit` then keeps the latest entries.
  public enum Order: Sendable, Equatable { case newestFirst, oldestFirst }

  /// Entries at or after this time.
  public var since: Timestamp?
  /// Entries at or before this time.
  public var until: Timestamp?
  /// Entries by this actor (exact).
  public var actor: String?
  /// Entries about this entity, as a ref: `fraud-detector` matches `model:fraud-detector` and every
  /// `model:fraud-detector@…`; `model:fraud@3` matches that version; `run:3f9a1c` a run by prefix;
  /// `registry` the registry's own entries.
  public var entity: String?
  /// Entries with this action (`model.promote`), or with any action of this area (`model`).
  public var action: String?
  /// A stable cursor: only entries older than entry `before` (with a smaller id). Paging by it
  /// neither skips nor repeats entries while others are appended, unlike an offset.
  public var before: Int64?
  /// The other direction's cursor: only entries newer than entry `after`.
  public var after: Int64?
  /// At most this many entries.
  public var limit: Int?
  public var order: Order

  public init(
    since: Timestamp? = nil, until: Timestamp? = nil, actor: String? = nil, entity: String? = nil,
    limit: Int? = nil, order: Order = .newestFirst
  ) {
    self.since = since
    self.until = until
    self.actor = actor
    self.entity = entity
    self.limit = limit
    self.order = order
  }
}

/// The entity names an entity filter matches: any of `exact`, or any name starting with `prefix`;
/// and, when the filter names one version, every entry whose details name that version.
public struct AuditEntityMatch: Sendable, Equatable {
  public let exact: [String]
  public let prefix: String?
  public let version: VersionMention?

  public init(exact: [String], prefix: String?, version: VersionMention? = nil) {
    self.exact = exact
    self.prefix = prefix
    self.version = version
  }
}

/// One model or dataset version, as audit entries about other entities name it in their details.
///
/// The rule, general so that new kinds of entries follow it: an entry concerns a version when its
/// entity is that version, or when its details name it — a model version as the `to` or `from`
/// (or `alias_from`) of an alias move of its model, or as the version a run `registered`; a
/// dataset version among a run's `outputs` or `input_refs` (which include the versions a
/// `run record` registered inline).
public struct VersionMention: Sendable, Equatable {
  public enum Kind: String, Sendable { case model, dataset }
  public let kind: Kind
  public let name: String
  public let version: Int

  public init(kind: Kind, name: String, version: Int) {
    self.kind = kind
    self.name = name
    self.version = version
  }

  /// `model:fraud@3`, `dataset:tx@2`.
  public var typedRef: String { "\(kind.rawValue):\(name)@\(version)" }
}

extension AuditLogFilter {
  /// Refuses an action that no entry can have: it must be an action (`model.promote`) or an area
  /// (`model`) of `AuditAction`, so a typo says so instead of answering an empty log.
  public static func validateAction(_ action: String) throws(PedigreeError) {
    let actions = AuditAction.allCases.map(\.rawValue)
    let areas = Set(actions.map { String($0.prefix { $0 != "." }) })
    guard !actions.contains(action) && !areas.contains(action) else { return }
    let suggestion = Suggestion.closest(to: action, among: actions + areas.sorted())
    throw PedigreeError.usage(
      "unknown action '\(action.prefix(60))'",
      hint: suggestion.map { "did you mean \($0)?" }
        ?? "actions: \(areas.sorted().joined(separator: ", ")), or one of theirs such as model.promote")
  }
}
