import PedigreeCore
import Testing

@testable import PedigreeWeb

@Suite struct AliasTimelineTests {
  static func event(
    _ id: Int64, day: Int64, alias: String, from: Int?, to: Int, action: String = "promote",
    actor: String = "bob",
    reason: String? = nil
  ) -> AliasEvent {
    AliasEvent(
      id: id, at: Timestamp(milliseconds: day * 86_400_000), model: "fraud", alias: alias, action: action,
      fromVersion: from, toVersion: to, actor: actor, reason: reason)
  }

  static let events = [
    event(1, day: 1, alias: "production", from: nil, to: 1, reason: "first"),
    event(2, day: 3, alias: "staging", from: nil, to: 2, actor: "carol"),
    event(3, day: 4, alias: "production", from: 1, to: 2, reason: "better"),
    event(4, day: 6, alias: "production", from: 2, to: 1, action: "rollback", actor: "dana", reason: "leak"),
  ]

  @Test func oneLanePerAliasOneSegmentPerVersionHeld() {
    let timeline = AliasTimeline(
      events: Self.events, start: Timestamp(milliseconds: 0), end: Timestamp(milliseconds: 10 * 86_400_000),
      deprecated: [2])
    #expect(timeline.lanes == ["production", "staging"])
    let production = timeline.segments.filter { $0.alias == "production" }
    #expect(production.map(\.version) == [1, 2, 1])
    #expect(production.map(\.isCurrent) == [false, false, true])
    #expect(production[1].from == Timestamp(milliseconds: 4 * 86_400_000))
    #expect(production[1].until == Timestamp(milliseconds: 6 * 86_400_000))
    #expect(production[2].actor == "dana" && production[2].action == "rollback")
    #expect(timeline.segments.filter { $0.alias == "staging" }.map(\.version) == [2])
  }

  @Test func everyMoveIsMarkedWithActorAndReason() {
    let timeline = AliasTimeline(
      events: Self.events, start: Timestamp(milliseconds: 0), end: Timestamp(milliseconds: 10 * 86_400_000))
    let svg = timeline.svg(model: "fraud")
    #expect(xmlError(svg) == nil)
    #expect(svg.components(separatedBy: "class=\"move\"").count - 1 == 4)
    #expect(svg.components(separatedBy: "class=\"segment").count - 1 == 4)
    #expect(svg.contains("rollback production: v2 → v1 by dana — leak"))
    #expect(svg.contains("by carol"))
  }

  @Test func asOfATimeDrawsOnlyWhatHadHappened() {
    let timeline = AliasTimeline(
      events: Self.events, start: Timestamp(milliseconds: 0), end: Timestamp(milliseconds: 5 * 86_400_000))
    #expect(timeline.moves.count == 3)
    #expect(timeline.segments.filter { $0.alias == "production" }.map(\.version) == [1, 2])
    #expect(timeline.segments.last { $0.alias == "production" }?.isCurrent == true)
  }

  @Test func escapesWhatUsersWrote() {
    let events = [Self.event(1, day: 1, alias: "production", from: nil, to: 1, reason: "<script>&\"'")]
    let svg = AliasTimeline(
      events: events, start: Timestamp(milliseconds: 0), end: Timestamp(milliseconds: 86_400_000 * 2)
    )
    .svg(model: "fraud")
    #expect(!svg.contains("<script>"))
    #expect(svg.contains("&lt;script&gt;&amp;&quot;&#39;"))
    #expect(xmlError(svg) == nil)
  }
}
