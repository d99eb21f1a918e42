import Hummingbird
import PedigreeCore
import PedigreeQuery

/// The read routes of `/api/v1`: each answers the document its CLI command prints with `--json`,
/// from the same query, on one read snapshot. Every one needs the reader role.
extension RouterGroup<ServerContext> {
  func addReadRoutes(_ registry: ServerRegistry) {
    addModelReads(registry)
    addRunReads(registry)
    addGraphReads(registry)
    addLogRead(registry)
  }

  /// A GET that takes the query parameters in `allowing` and answers `body`'s document.
  func read(
    _ path: RouterPath, allowing allowed: Set<String> = [], _ registry: ServerRegistry,
    _ body: @escaping @Sendable (QueryParameters, Parameters, any RegistryReading) throws -> JSONValue
  ) {
    get(path) { request, context in
      try context.require(.reader)
      let query = try QueryParameters(request, allowing: allowed)
      let parameters = context.parameters
      return Response.json(try await registry.read { reader in try body(query, parameters, reader) })
    }
  }

  private func addModelReads(_ registry: ServerRegistry) {
    read("models", registry) { _, _, reader in try reader.queries.modelList().json }
    read("models/:name", allowing: ["at"], registry) { query, path, reader in
      try Self.modelShow(path.name("name", as: "model"), query: query, reader)
    }
    read("models/:name/versions", registry) { _, path, reader in
      try reader.queries.modelVersions(try path.name("name", as: "model")).json
    }
    read("models/:name/versions/:version", allowing: ["at"], registry) { query, path, reader in
      try Self.modelShow(
        "\(try path.name("name", as: "model"))@\(path.get("version") ?? "")", query: query, reader)
    }
    read("models/:name/aliases/:alias", allowing: ["at"], registry) { query, path, reader in
      let alias = path.get("alias") ?? ""
      try Names.validateAlias(alias)
      return try Self.modelShow("\(try path.name("name", as: "model"))@\(alias)", query: query, reader)
    }
    read("models/:name/history", allowing: ["alias"], registry) { query, path, reader in
      let alias = try query.string("alias")
      if let alias { try Names.validateAlias(alias) }
      return try reader.queries.aliasHistory(model: try path.name("name", as: "model"), alias: alias).json
    }
    read("model-versions", allowing: ["q", "order_by", "limit"], registry) { query, _, reader in
      let filter = try ModelVersionFilter.parse(try query.string("q") ?? "")
      let order = try query.string("order_by").map { (text) throws(PedigreeError) in
        try ModelVersionOrder.parse(text)
      }
      return try reader.queries.searchModelVersions(
        filter: filter, orderBy: order ?? .default,
        limit: try query.integer("limit", in: 1...ServerLimits.searchLimit) ?? RunSearch.defaultLimit
      ).json
    }
    read("policies", registry) { _, _, reader in try reader.queries.promotionPolicies().json }
    read("experiments", registry) { _, _, reader in try reader.queries.experimentList().json }
  }

  /// `model show REF [--at T]`.
  static func modelShow(_ ref: String, query: QueryParameters, _ reader: any RegistryReading) throws
    -> JSONValue
  {
    let time = try query.time("at", past: true)
    return try reader.queries.modelShow(try Ref.parse(ref, defaultKind: .model), at: time).json
  }

  private func addRunReads(_ registry: ServerRegistry) {
    read("runs", allowing: ["q", "order_by", "limit", "experiment"], registry) { query, _, reader in
      let limit = try query.integer("limit", in: 1...ServerLimits.searchLimit)
      guard query.all("q").isEmpty && query.all("order_by").isEmpty else {
        if try query.string("experiment") != nil {
          throw PedigreeError.usage("give q or experiment, not both: filter on attributes.experiment instead")
        }
        let filter = try RunFilter.parse(try query.string("q") ?? "")
        let order = try query.string("order_by").map { (text) throws(PedigreeError) in
          try RunOrder.parse(text)
        }
        let result = try reader.searchRuns(
          filter: filter, orderBy: order ?? .default, limit: limit ?? RunSearch.defaultLimit)
        return try reader.queries.overviews(of: result).json
      }
      return try reader.queries.runList(experiment: try query.string("experiment"), limit: limit ?? 50).json
    }
    read("runs/:id", registry) { _, path, reader in
      try reader.queries.runShow(try reader.resolve(try Ref.parse(path.get("id") ?? "", defaultKind: .run)))
        .json
    }
    read("datasets", registry) { _, _, reader in try reader.queries.datasetList().json }
    read("datasets/:name", registry) { _, path, reader in
      try Self.datasetShow(try path.name("name", as: "dataset"), reader)
    }
    read("datasets/:name/:version", registry) { _, path, reader in
      try Self.datasetShow("\(try path.name("name", as: "dataset"))@\(path.get("version") ?? "")", reader)
    }
  }

  /// `dataset show REF`.
  static func datasetShow(_ ref: String, _ reader: any RegistryReading) throws -> JSONValue {
    let node = try reader.resolve(ref, kinds: [.dataset])
    guard node.kind == .datasetVersion else { throw PedigreeError.usage("\(ref) is not a dataset version") }
    return try reader.queries.datasetShow(node).json
  }

  private func addGraphReads(_ registry: ServerRegistry) {
    read("lineage", allowing: ["ref", "direction", "depth"], registry) { query, _, reader in
      let node = try reader.resolve(
        try query.requiredString("ref"), kinds: [.model, .dataset, .run, .artifact])
      let directionText = try query.string("direction") ?? "both"
      guard let direction = LineageDirection(rawValue: directionText) else {
        throw PedigreeError.usage(
          "invalid direction '\(directionText.prefix(40))'", hint: "use upstream, downstream or both")
      }
      let depth = try query.integer("depth", in: 0...ServerLimits.lineageDepth)
      return try reader.queries.lineage(of: node, direction: direction, depth: depth).json
    }
    read("impact", allowing: ["ref"], registry) { query, _, reader in
      try reader.queries.impact(
        of: try reader.resolve(try query.requiredString("ref"), kinds: [.dataset, .model])
      )
      .json
    }
    read("audit", allowing: ["ref"], registry) { query, _, reader in
      let ref = try query.requiredString("ref")
      let node = try reader.resolve(ref, kinds: [.model])
      if node.kind == .datasetVersion { return try reader.queries.datasetAuditReport(node).json }
      guard node.kind == .modelVersion else {
        throw PedigreeError.usage(
          "audit reports are about model or dataset versions", hint: "try /api/v1/lineage")
      }
      return try reader.queries.auditReport(node).json
    }
    read("diff", allowing: ["a", "b"], registry) { query, _, reader in
      let a = try reader.resolve(try query.requiredString("a"), kinds: [.model, .run])
      let b = try reader.resolve(try query.requiredString("b"), kinds: [.model, .run])
      return try reader.queries.diff(a, b).json
    }
  }
}
