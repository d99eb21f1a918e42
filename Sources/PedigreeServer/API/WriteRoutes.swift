import Hummingbird
import PedigreeCore
import PedigreeQuery

/// The write routes of `/api/v1`: the CLI's writes, through the same library calls, with the
/// same rules, policies and idempotency. Each request is one writer call (one transaction, at
/// most one audit entry) acting as the token; the body is a JSON object whose unknown fields are
/// refused (400).
extension RouterGroup<ServerContext> {
  func addWriteRoutes(_ registry: ServerRegistry) {
    addRunWrites(registry)
    addModelWrites(registry)
    addAdminWrites(registry)
  }

  /// A write route: parses the body (fields in `allowing`) into the writer's work, then runs it
  /// as the principal (at least `role`) and answers its document with `status`.
  func write(
    _ method: HTTPRequest.Method, _ path: RouterPath, role: PolicyRole, allowing allowed: Set<String>,
    status: HTTPResponse.Status = .ok, _ registry: ServerRegistry,
    _ prepare:
      @escaping @Sendable (JSONBody, Parameters) throws -> @Sendable (any RegistryWriting) throws -> JSONValue
  ) {
    on(path, method: method) { request, context in
      let author = try context.author(role)
      _ = try QueryParameters(request, allowing: [])
      let body = try await JSONBody.read(request, context: context, allowing: allowed)
      let work = try prepare(body, context.parameters)
      return Response.json(try await registry.write(as: author, work), status: status)
    }
  }

  private func addRunWrites(_ registry: ServerRegistry) {
    let startFields: Set<String> = ["experiment", "name", "code", "params", "tags", "inputs", "started_at"]
    write(.post, "runs", role: .writer, allowing: startFields, status: .created, registry) { body, _ in
      var start = try RunDocument(json: body.value).start
      start.status = .running
      let prepared = start
      return { writer in try writer.startRun(prepared).json }
    }
    write(
      .post, "runs/:id/log", role: .writer, allowing: ["params", "metrics", "tags", "inputs", "outputs"],
      registry
    ) {
      body, path in
      let ref = try Ref.parse(path.get("id") ?? "", defaultKind: .run)
      let document = try RunDocument(json: body.value)
      let log = RunLog(
        params: document.start.params, metrics: document.log.metrics, tags: document.start.tags,
        inputs: document.start.inputs, outputs: document.log.outputs)
      guard !log.isEmpty else { throw PedigreeError.usage("nothing to log", remedy: .sayWhatToLog) }
      return { writer in
        let outcome = try writer.logRun(ref, log)
        return LoggedRun(run: outcome.value, log: log, changed: outcome.changed).json
      }
    }
    write(.post, "runs/:id/end", role: .writer, allowing: ["status"], registry) { body, path in
      let ref = try Ref.parse(path.get("id") ?? "", defaultKind: .run)
      let text = try body.string("status") ?? "finished"
      guard let status = RunStatus(rawValue: text), status != .running else {
        throw PedigreeError.usage(
          "invalid status '\(text.prefix(40))'", hint: "use finished, failed or killed")
      }
      return { writer in
        let changed = try writer.endRun(ref, status: status, at: nil)
        return WriteDocuments.runEnded(runID: try Self.runID(ref, writer), status: status, changed: changed)
      }
    }
    write(
      .post, "datasets", role: .writer,
      allowing: ["name", "uri", "digest", "size_bytes", "row_count", "schema", "tags"],
      registry
    ) { body, _ in
      let name = try body.requiredString("name")
      try Names.validate(name, as: "dataset")
      let input = DatasetInput(
        name: name, uri: try body.requiredString("uri"),
        digest: try body.string("digest").map { (text) throws(PedigreeError) in try Digest.normalized(text) },
        sizeBytes: try body.integer("size_bytes"), rowCount: try body.integer("row_count"),
        schema: try body.string("schema"), tags: try body.pairs("tags"))
      return { writer in WriteDocuments.datasetRegistered(try writer.registerDataset(input)) }
    }
    write(.post, "datasets/:name/:version/deprecate", role: .promoter, allowing: ["reason"], registry) {
      body, path in
      let ref = try Ref.parse(
        "\(try path.name("name", as: "dataset"))@\(path.get("version") ?? "")", defaultKind: .dataset)
      if case .dataset(_, .latest) = ref { throw PedigreeError.usage("name the version to deprecate") }
      let reason = try body.requiredString("reason")
      return { writer in
        let version = try writer.deprecateDataset(ref, reason: reason)
        return WriteDocuments.datasetDeprecated(
          version, reason: reason, impact: try Self.impact(of: version, writer))
      }
    }
  }

  /// The full id of the run `ref` names, read in the writer's transaction.
  static func runID(_ ref: Ref, _ writer: any RegistryWriting) throws -> String {
    try writer.reader.resolve(ref).name
  }

  /// The impact of a deprecated dataset version, read after the write.
  static func impact(of version: DatasetVersion, _ writer: any RegistryWriting) throws -> ImpactReport {
    try writer.reader.queries.impact(of: NodeRef(kind: .datasetVersion, id: version.id, name: version.ref))
  }
}
