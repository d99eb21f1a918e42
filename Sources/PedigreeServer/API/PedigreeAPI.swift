import Hummingbird
import PedigreeCore
import PedigreeQuery

extension Router<ServerContext> {
  /// Pedigree's JSON API under `/api/v1/`: the CLI's `--json` documents, and its writes.
  func addPedigreeAPIRoutes(_ registry: ServerRegistry) {
    let api = group("api/v1")
    api.addReadRoutes(registry)
    api.addWriteRoutes(registry)
    api.addRecordRoutes(registry)
    api.addArtifactRoutes(registry)
  }
}
