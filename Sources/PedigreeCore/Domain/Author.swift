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

  public init(_ actor: String, clock: @escaping @Sendable () -> Timestamp = { .now() }) {
    self.actor = actor
    self.clock = clock
  }

  /// The same author at a fixed time.
  public func at(_ time: Timestamp) -> Author { Author(actor, clock: { time }) }
}
