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

/// The entity names an entity filter matches: any of `exact`, or any name starting with `prefix`.
public struct AuditEntityMatch: Sendable, Equatable {
  public let exact: [String]
  public let prefix: String?

  public init(exact: [String], prefix: String?) {
    self.exact = exact
    self.prefix = prefix
  }
}
