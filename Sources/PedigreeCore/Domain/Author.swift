/// Who is writing, and the clock their writes record: an argument of every write, never state of
/// a registry, so one registry (or one server) serves many authors at once.
///
/// ```swift
/// let ana = Author("ana")
/// let pinned = Author("test", clock: { Timestamp(milliseconds: 1_893_456_000_000) })
/// ```
public struct Author: Sendable {
  /// The name recorded as `actor`/`created_by` and in the audit log.
  public let actor: String
  /// The time each write records. The system clock, unless a caller replays history (the demo
  /// tells a story over several weeks; tests pin times).
  public let clock: @Sendable () -> Timestamp
  /// The role of the server token the author writes with; `nil` on the command line, whose user
  /// owns the file (an admin). Policies' `--min-role` is checked against it.
  public let role: PolicyRole?
  /// Who the request claimed to be (a header, MLflow's `user_id`), kept in the audit entry's
  /// details as `claimed_actor`, never as the actor.
  public let claimedActor: String?

  public init(
    _ actor: String, clock: @escaping @Sendable () -> Timestamp = { .now() }, role: PolicyRole? = nil,
    claimedActor: String? = nil
  ) {
    self.actor = actor
    self.clock = clock
    self.role = role
    self.claimedActor = claimedActor
  }

  /// The same author at a fixed time.
  public func at(_ time: Timestamp) -> Author {
    Author(actor, clock: { time }, role: role, claimedActor: claimedActor)
  }

  /// The same author with a claimed identity to record beside it.
  public func claiming(_ claimed: String?) -> Author {
    Author(actor, clock: clock, role: role, claimedActor: claimed)
  }
}
