import PedigreeCore

/// A run in a dataset's audit report: what it was, its code and params, and what it read.
public struct AuditRun: Sendable {
  public let run: RunSummary
  public let params: [(key: String, value: String)]
  /// The dataset versions, artifacts and model versions it read.
  public let inputs: [LineageNode]
}

extension AuditRun: JSONConvertible {
  public var json: JSONValue {
    guard case .object(var object) = run.json else { return run.json }
    object["params"] = .pairs(params)
    object["inputs"] = inputs.json
    return .object(object)
  }
}

/// Everything a reviewer asks about one dataset version: digest, size, URI, rows, who registered
/// it, the run that produced it (its inputs, code, params), the runs that consumed it, and the
/// model versions and aliases it feeds, now and in the past.
public struct DatasetAuditReport: Sendable {
  /// The version as `dataset show` gives it.
  public let dataset: DatasetVersionInfo
  /// The runs that wrote it (usually one; none for a dataset registered from outside).
  public let producers: [AuditRun]
  /// The runs that read it.
  public let consumers: [RunSummary]
  /// What is downstream of it: the model versions it feeds and the aliases that serve or served them.
  public let impact: ImpactReport
  /// The audit log entries that concern this version, oldest first.
  public let auditEntries: [AuditEntry]
}

extension Queries {
  /// The audit report of a dataset version, in one snapshot.
  ///
  /// - Throws: `.usage` when `node` is not a dataset version.
  public func datasetAuditReport(_ node: NodeRef) throws(PedigreeError) -> DatasetAuditReport {
    guard node.kind == .datasetVersion else {
      throw PedigreeError.usage("\(node.typedRef) is not a dataset version", hint: "use dataset:NAME@N")
    }
    return try read {
      let info = try reader.datasetVersionInfo(node)
      let producers = try info.producedBy.map { producer in
        AuditRun(
          run: try runSummary(id: producer.ref.id), params: try params(runID: producer.ref.id),
          inputs: try neighbours(of: producer.ref.id, upstream: true, relation: .input))
      }
      return DatasetAuditReport(
        dataset: info, producers: producers,
        consumers: try info.usedBy.map { try runSummary(id: $0.ref.id) },
        impact: try impactReport(of: node),
        auditEntries: try reader.auditEntries(
          AuditLogFilter(order: .oldestFirst), entity: try entityMatch(node.typedRef)))
    }
  }
}

extension DatasetAuditReport: JSONConvertible {
  public var json: JSONValue {
    .object([
      "dataset": .string(dataset.name), "version": .int(dataset.version),
      "dataset_version": dataset.json, "produced_by": producers.json, "consumed_by": consumers.json,
      "model_versions": impact.modelVersions.json, "serving_aliases": impact.servingAliases.json,
      "serving_history": impact.servingHistory.json, "audit_entries": auditEntries.json,
      "deprecated": .bool(dataset.node.deprecated), "deprecation": deprecation,
    ])
  }

  /// `{at, actor, reason}` of the entry that deprecated the version, or `null`.
  private var deprecation: JSONValue {
    guard let entry = deprecationEntry else { return .null }
    return .object([
      "at": .time(entry.at), "actor": .string(entry.actor), "reason": .optional(deprecationReason),
    ])
  }

  /// The audit entry that deprecated this version, if any.
  var deprecationEntry: AuditEntry? {
    auditEntries.first { $0.action == AuditAction.datasetDeprecate.rawValue }
  }

  /// The reason that entry records.
  var deprecationReason: String? {
    guard let details = deprecationEntry?.details, case .object(let object)? = try? JSONValue.parse(details),
      case .string(let reason)? = object["reason"]
    else { return nil }
    return reason
  }
}

extension DatasetAuditReport {
  /// The report as a document: render with `.text()` for the terminal, `.markdown()` for a review.
  public var document: ReportDocument {
    ReportDocument(
      title: "Audit report: \(dataset.node.ref.typedRef)",
      sections: [
        .init("Dataset version", [.fields(fields)]),
        .init(
          "Produced by",
          [.table(RunSummary.table(producers.map(\.run)))]
            + (producers.isEmpty ? [] : [.lines(producerLines)])),
        .init("Consumed by", [.table(RunSummary.table(consumers))]),
        .init("Model versions fed", [.table(modelsTable)]),
        .init("Serving history", [.table(ServingSegment.table(impact.servingHistory))]),
        .init("Audit log", [.table(AuditEntry.table(auditEntries))]),
      ])
  }

  private var fields: [(String, String)] {
    [
      ("version", dataset.node.ref.name), ("digest", Format.text(dataset.digest)),
      ("size", Format.bytes(dataset.sizeBytes)), ("uri", dataset.uri),
      ("rows", Format.number(dataset.rowCount)),
      ("registered", "\(dataset.createdAt.iso8601) by \(dataset.createdBy)"),
      ("tags", Format.pairs(dataset.tags)),
      (
        "deprecated",
        deprecationEntry.map { "\($0.at.iso8601) by \($0.actor): \(deprecationReason ?? "-")" }
          ?? (dataset.node.deprecated ? "yes" : "no")
      ),
    ]
  }

  /// Each producing run's code, params and inputs, one line each.
  private var producerLines: [String] {
    producers.flatMap { producer in
      let id = Format.shortRunID(producer.run.uuid)
      let code = producer.run.code
      return [
        "\(id) code: \(Format.text(code.gitCommit)) \(Format.text(code.repo)) \(Format.text(code.entryPoint))",
        "\(id) params: \(Format.pairs(producer.params))",
        "\(id) inputs: \(Format.list(producer.inputs.map(\.label)))",
      ]
    }
  }

  private var modelsTable: TextTable {
    TextTable(
      ["MODEL VERSION", "DEPTH", "ALIASES NOW", "DEPRECATED"],
      rows: impact.modelVersions.map {
        [$0.ref.name, String($0.depth), Format.list($0.aliases), $0.deprecated ? "yes" : "no"]
      })
  }
}
