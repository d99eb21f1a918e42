import PedigreeCore
import PedigreeQuery

/// `/models/NAME[?at=T][&alias=A][&metrics=k1,k2]`: the on-call header (what the alias serves,
/// since when, by whom, why; where a rollback lands; the diff; the command), the alias timeline,
/// the versions with their aliases, deprecation and chosen metrics, and every alias move.
enum ModelPage {
  /// Metric columns shown when `metrics=` is not given.
  static let defaultMetricColumns = 4

  static func answer(_ request: Request, _ queries: Queries, name: String) throws(PedigreeError)
    -> WebUI.Answer
  {
    let at = try Views.time(try request.query.value("at"), name: "at", now: request.now)
    if let at, at > request.now {
      throw PedigreeError.usage("at: \(at.iso8601) is in the future", hint: "give a time up to now")
    }
    let alias = try request.query.value("alias") ?? "production"
    try Names.validateAlias(alias)
    let snapshot = try queries.modelSnapshot(name, at: at)
    let events = try queries.aliasHistory(model: name).filter { at == nil || $0.at <= at! }
    var content = PageContent(
      title: snapshot.name + (at.map { " as of \($0.iso8601)" } ?? ""),
      json: Link.to(Link.api(Link.model(name)), [("at", at?.iso8601)]), section: "Models")
    content.subtitle = [
      Span(
        "\(snapshot.versions.count) versions · registered \(snapshot.createdAt.iso8601) by \(snapshot.createdBy)"
      )
    ]
    if at != nil { content.subtitle += [Span(" · "), Span("see it now", href: Link.model(name))] }

    content.blocks += try onCall(snapshot, alias: alias, at: at, queries: queries, now: request.now)

    content.blocks.append(.heading("Alias timeline"))
    let deprecated = Set(snapshot.versions.filter { $0.deprecation != nil }.map(\.version))
    let timeline = AliasTimeline(
      events: events, start: snapshot.createdAt, end: at ?? request.now, deprecated: deprecated)
    content.blocks.append(
      .svg(
        timeline.svg(model: name),
        caption: [
          Span(
            "One lane per alias, one segment per version it held; hover a marker for who moved it and why. ")
        ], cls: "timeline"))

    content.blocks.append(.heading("Versions"))
    content.blocks += try versions(snapshot, request: request, queries: queries)

    content.blocks.append(.heading("As it stood at a time"))
    content.blocks.append(
      .form(
        action: Link.model(name),
        inputs: [FormInput(label: "at", name: "at", value: at?.iso8601 ?? "", size: 26)], submit: "Show"))

    content.blocks.append(.heading("Every alias move"))
    content.blocks += HomePage.moveTable(events.reversed(), now: request.now)
    return .page(content)
  }

  /// The on-call header for one alias.
  static func onCall(
    _ snapshot: ModelSnapshot, alias: String, at: Timestamp?, queries: Queries, now: Timestamp
  ) throws(PedigreeError) -> [Block] {
    var blocks: [Block] = [.open(cls: "oncall")]
    guard let pointer = snapshot.aliases.first(where: { $0.alias == alias }) else {
      blocks.append(.heading("\(alias): not set", id: "oncall"))
      let others = snapshot.aliases.map(\.alias)
      blocks.append(
        .paragraph(
          [Span("\(snapshot.name) has no alias \(alias)" + (at == nil ? "" : " at that time") + ". ")]
            + (others.isEmpty
              ? [Span("No alias is set.")]
              : [Span("Its aliases: ")]
                + others.map { Span($0 + " ", href: Link.to(Link.model(snapshot.name), [("alias", $0)])) })))
      blocks.append(.close)
      return blocks
    }
    let version = snapshot.versions.first { $0.version == pointer.version }
    blocks.append(.heading("\(alias) serves \(snapshot.name)@\(pointer.version)", id: "oncall"))
    var fields: [(String, [Span])] = [
      (
        "\(alias) \(at == nil ? "now" : "then")",
        [
          Span(
            "\(snapshot.name)@\(pointer.version)", href: Link.version(snapshot.name, pointer.version),
            cls: "big")
        ]
          + (version?.deprecation != nil ? [Span(" "), Span("deprecated", cls: "badge deprecated")] : [])
      ),
      ("since", [Span(Views.time(pointer.since, now: at ?? now))]),
      ("by", [Span(pointer.actor)]),
      ("why", [Span((pointer.action.map { "\($0): " } ?? "") + (pointer.reason ?? "no reason given"))]),
    ]
    if let digest = version?.artifactDigest { fields.append(("artifact", [Span(digest, cls: "mono")])) }
    guard at == nil else {
      blocks.append(.fields(fields))
      blocks.append(
        .paragraph([
          Span("Read as of \(at!.iso8601). Where a rollback would land is shown on "),
          Span("the page as it is now", href: Link.to(Link.model(snapshot.name), [("alias", alias)])),
          Span("."),
        ]))
      blocks.append(.close)
      return blocks
    }
    let command = "pedigree model rollback \(snapshot.name) --alias \(alias) --reason \"…\""
    if let target = try queries.rollbackTarget(model: snapshot.name, alias: alias) {
      fields.append(
        (
          "rollback lands on",
          [
            Span(
              "\(snapshot.name)@\(target.version)", href: Link.version(snapshot.name, target.version),
              cls: "big"),
            Span(" (deprecated versions skipped) · "),
            Span(
              "what changes",
              href: Link.to(
                "/diff",
                [
                  ("a", "model:\(snapshot.name)@\(pointer.version)"),
                  ("b", "model:\(snapshot.name)@\(target.version)"),
                ])),
          ]
        ))
      blocks.append(.fields(fields))
      blocks.append(.paragraph([Span("To roll back, type:")]))
      blocks.append(.command(command))
    } else {
      fields.append(
        (
          "rollback",
          [
            Span(
              "refused: nowhere to go (every earlier version of \(alias) is deprecated, or it never moved)",
              cls: "deprecated")
          ]
        ))
      blocks.append(.fields(fields))
      blocks.append(.paragraph([Span("Move it explicitly instead:")]))
      blocks.append(.command("pedigree model promote \(snapshot.name)@N --to \(alias) --reason \"…\""))
    }
    blocks.append(.close)
    return blocks
  }

  /// The versions table: version with alias chips, created, by, run, digest, chosen metrics,
  /// tags, deprecation.
  static func versions(_ snapshot: ModelSnapshot, request: Request, queries: Queries) throws(PedigreeError)
    -> [Block]
  {
    guard !snapshot.versions.isEmpty else { return [.text("No version yet.", cls: "muted")] }
    var metrics: [Int64: [String: Double]] = [:]
    var keys: [String] = []
    for version in snapshot.versions where metrics[version.runID] == nil {
      let latest = try queries.reader.latestMetrics(runID: version.runID)
      metrics[version.runID] = Dictionary(latest.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
      for metric in latest where !keys.contains(metric.key) { keys.append(metric.key) }
    }
    let chosen = try request.query.values("metrics")
    let columns = chosen.isEmpty ? Array(keys.sorted().prefix(defaultMetricColumns)) : chosen
    let rows = snapshot.versions.reversed().map { version in
      var cells = [
        Cell(
          [Span("v\(version.version)", href: Link.version(snapshot.name, version.version), cls: "strong")]
            + version.aliases.flatMap { [Span(" "), Views.chip($0, model: snapshot.name)] }),
        Cell(version.createdAt.iso8601), Cell(version.createdBy),
        Cell([Span(Format.shortRunID(version.runUUID), href: Link.run(version.runUUID), cls: "mono")]),
        Cell([Span(Format.shortDigest(version.artifactDigest), cls: "mono")]),
      ]
      for key in columns {
        cells.append(Cell(Format.metric(metrics[version.runID]?[key]), cls: "number"))
      }
      cells.append(Cell(version.tagList))
      cells.append(
        version.deprecation.map { Cell([Span("deprecated: " + Format.text($0.reason), cls: "deprecated")]) }
          ?? Cell(""))
      return Row(cells: cells, cls: version.deprecation == nil ? "" : "deprecated")
    }
    return [
      .table(
        headers: ["VERSION", "CREATED", "BY", "RUN", "DIGEST"] + columns + ["TAGS", "DEPRECATED"],
        rows: Array(rows),
        cls: "versions"),
      .form(
        action: Link.model(snapshot.name),
        inputs: [
          FormInput(label: "metric columns", name: "metrics", value: columns.joined(separator: ","), size: 30)
        ], submit: "Show"),
    ]
  }
}
