import HTTPTypes
import Hummingbird

/// Turns every error thrown below it into `/api/v1`'s JSON error document (`APIError`), and adds
/// SERVER.md's security headers to every response. MLflow's routes install their own error
/// middleware inside their group, which answers first with MLflow's error shape.
struct ErrorDocuments: RouterMiddleware {
  typealias Context = ServerContext

  func handle(
    _ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response
  ) async throws -> Response {
    var response: Response
    do {
      response = try await next(request, context)
    } catch {
      let apiError = APIError.from(error)
      if apiError.status.code >= 500 && apiError.status.code != 503 {
        context.logger.error("internal error", metadata: ["error": "\(error)"])
      }
      response = try apiError.response(from: request, context: context)
    }
    response.headers[.xContentTypeOptions] = "nosniff"
    if response.headers[.contentSecurityPolicy] == nil {
      response.headers[.contentSecurityPolicy] =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"
    }
    return response
  }
}

extension HTTPField.Name {
  static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
  static let xPedigreeActor = HTTPField.Name("X-Pedigree-Actor")!
  static let xPedigreeReason = HTTPField.Name("X-Pedigree-Reason")!
}
