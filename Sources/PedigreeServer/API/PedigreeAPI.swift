import Hummingbird
import PedigreeCore
import PedigreeQuery

extension Router<ServerContext> {
  /// Pedigree's JSON API under `/api/v1/`: the CLI's `--json` documents.
  func addPedigreeAPIRoutes(_ registry: ServerRegistry) {
    let api = group("api/v1")
    api.get("models") { _, context in
      try context.require(.reader)
      return Response.json(try await registry.read { try $0.queries.modelList().json })
    }
  }
}
