import Hummingbird
import PedigreeCore
import PedigreeQuery

/// Every route of the server, mounted on one router. Each dialect adds its routes in its own
/// folder as one `Router` extension, `add<Dialect>Routes(_ registry:)`, and one line here.
extension Router<ServerContext> {
  /// Mounts the middleware (log, errors, authentication) and every dialect's routes.
  func addServerRoutes(_ registry: ServerRegistry, options: ServerOptions) {
    add(middleware: RequestLog())
    add(middleware: ErrorDocuments())
    let auth = AuthState(mode: options.auth, flag: options.authFlag)
    add(middleware: Authenticate(auth: auth, actor: options.actor, registry: registry))
    addHealthRoutes(registry)
    addPedigreeAPIRoutes(registry)  // API/: /api/v1/…
    addMLflowRoutes(registry)  // MLflow/: /api/2.0/mlflow/…, /api/3.0/mlflow/server-info
    addOpenLineageRoutes(registry)  // OpenLineage/: POST /api/v1/lineage
    addWebRoutes(registry, auth: auth)  // Web/: / and the pages
  }

  /// `GET /health` (open to anyone) and `GET /api/v1/audit/head`.
  func addHealthRoutes(_ registry: ServerRegistry) {
    get("health") { _, _ in Response.json(.object(["status": .string("ok")])) }
    get("api/v1/audit/head") { _, context in
      try context.require(.reader)
      return Response.json(try await registry.read { try $0.queries.head().json })
    }
  }
}
