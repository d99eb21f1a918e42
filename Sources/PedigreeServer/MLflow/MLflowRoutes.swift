import HTTPTypes
import Hummingbird
import PedigreeCore

extension Router<ServerContext> {
  /// MLflow's REST API (MLFLOW.md): tracking, MLflow 3 logged models and the model registry
  /// under `/api/2.0/mlflow/` (and the UI's twin `/ajax-api/2.0/mlflow/`), the artifact proxy
  /// under `/api/2.0/mlflow-artifacts/`, and `/api/3.0/mlflow/server-info`. Errors in MLflow's
  /// shape.
  func addMLflowRoutes(_ registry: ServerRegistry) {
    for prefix in ["api/2.0/mlflow", "ajax-api/2.0/mlflow"] {
      let api = MLflowAPI(
        group: group(RouterPath(prefix)).add(middleware: MLflowErrors()), registry: registry)
      api.addTrackingRoutes()
      api.addLoggedModelRoutes()
      api.addRegistryRoutes()
      api.addLifecycleRoutes()
    }
    MLflowAPI(
      group: group("api/2.0/mlflow-artifacts").add(middleware: MLflowErrors()), registry: registry
    ).addArtifactRoutes()
    group("api/3.0/mlflow").add(middleware: MLflowErrors()).get("server-info") { _, context in
      try context.require(.reader)
      return Response.json(
        .object([
          "store_type": .string("SqlStore"), "workspaces_enabled": .bool(false),
          "multipart_uploads_enabled": .bool(false), "multipart_downloads_enabled": .bool(false),
        ]))
    }
  }
}

/// One mount of MLflow's routes: the group and the registry, with `on` wrapping each handler
/// (role first, then the message, then a JSON answer).
struct MLflowAPI: Sendable {
  let group: RouterGroup<ServerContext>
  let registry: ServerRegistry

  /// Adds a route answering a JSON document; `role` is checked before the body is read.
  func on(
    _ method: HTTPRequest.Method, _ path: String, _ role: PolicyRole,
    _ handler: @escaping @Sendable (MLflowMessage, ServerContext) async throws -> JSONValue
  ) {
    group.on(RouterPath(path), method: method) { request, context in
      try context.require(role)
      let message = try await MLflowMessage.read(request, context: context)
      return Response.json(try await handler(message, context))
    }
  }

  /// Reads through the registry.
  func read<T: Sendable>(_ body: @escaping @Sendable (any RegistryReading) throws -> T) async throws -> T {
    try await registry.read(body)
  }

  /// One write as the request's author (a writer at least, or `role`).
  func write<T: Sendable>(
    _ context: ServerContext, _ role: PolicyRole = .writer, claimed: String? = nil,
    _ body: @escaping @Sendable (any RegistryWriting) throws -> T
  ) async throws -> T {
    try await registry.write(as: try context.author(role, claimed: claimed), body)
  }

  /// The node id of the run `uuid`; 404 `RESOURCE_DOES_NOT_EXIST` when there is none. (Inside a
  /// read or write closure only `PedigreeError`s keep their meaning; others become 500s.)
  static func runNode(_ reader: any RegistryReading, _ uuid: String) throws -> Int64 {
    let node = try reader.resolve(.run(uuid))
    guard node.kind == .run else { throw PedigreeError.notFound("Run '\(uuid)' not found") }
    return node.id
  }

  static let empty = JSONValue.object([:])
}
