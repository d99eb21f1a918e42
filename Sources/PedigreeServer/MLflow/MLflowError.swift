import HTTPTypes
import Hummingbird
import PedigreeCore

/// An error in MLflow's shape, `{"error_code": "…", "message": "…"}`: the client branches on the
/// code alone; the status only decides whether it retries (it retries 5xx, so a client's mistake
/// is never one).
public struct MLflowError: Error, HTTPResponseError, Sendable {
  public let code: String
  public let status: HTTPResponse.Status
  public let message: String
  public var headers: HTTPFields = [:]

  public init(_ code: String, _ message: String, status: HTTPResponse.Status = .badRequest) {
    self.code = code
    self.message = message
    self.status = status
  }

  /// 400 `INVALID_PARAMETER_VALUE`.
  public static func invalid(_ message: String) -> MLflowError {
    MLflowError("INVALID_PARAMETER_VALUE", message)
  }

  /// 404 `RESOURCE_DOES_NOT_EXIST`.
  public static func notFound(_ message: String) -> MLflowError {
    MLflowError("RESOURCE_DOES_NOT_EXIST", message, status: .notFound)
  }

  /// 400 `RESOURCE_ALREADY_EXISTS` (MLflow answers 400, not 409).
  public static func alreadyExists(_ message: String) -> MLflowError {
    MLflowError("RESOURCE_ALREADY_EXISTS", message)
  }

  /// 403 `PERMISSION_DENIED`.
  public static func denied(_ message: String) -> MLflowError {
    MLflowError("PERMISSION_DENIED", message, status: .forbidden)
  }

  /// Any error a route threw, as MLflow's codes (MLFLOW.md §b): not found 404, refused and bad
  /// input 400, forbidden 403, busy 503 with `Retry-After` (the one retry that helps), the
  /// server's own failures 500; 401 stays 401.
  public static func from(_ error: any Error) -> MLflowError {
    if let error = error as? MLflowError { return error }
    let api = APIError.from(error)
    var mapped: MLflowError
    switch api.status.code {
    case 401: mapped = MLflowError("UNAUTHENTICATED", api.message, status: .unauthorized)
    case 403: mapped = denied(api.message)
    case 404:
      mapped =
        error is PedigreeError
        ? notFound(api.message) : MLflowError("ENDPOINT_NOT_FOUND", api.message, status: .notFound)
    case 405: mapped = MLflowError("ENDPOINT_NOT_FOUND", api.message, status: .notFound)
    case 409: mapped = invalid(api.message)
    case 413: mapped = MLflowError("INVALID_PARAMETER_VALUE", api.message, status: .contentTooLarge)
    case 503: mapped = MLflowError("TEMPORARILY_UNAVAILABLE", api.message, status: .serviceUnavailable)
    case 400..<500: mapped = MLflowError("INVALID_PARAMETER_VALUE", api.message, status: api.status)
    default: mapped = MLflowError("INTERNAL_ERROR", api.message, status: .internalServerError)
    }
    if let hint = api.hint, api.status.code < 500 || api.status.code == 503 {
      mapped = MLflowError(mapped.code, mapped.message + " (\(hint))", status: mapped.status)
    }
    mapped.headers = api.headers
    return mapped
  }

  public func response(from request: Request, context: some RequestContext) throws -> Response {
    var response = Response.json(
      .object(["error_code": .string(code), "message": .string(message)]), status: status)
    for field in headers { response.headers.append(field) }
    return response
  }
}

/// Answers every error of the MLflow routes in MLflow's shape (installed on their groups).
struct MLflowErrors: RouterMiddleware {
  typealias Context = ServerContext

  func handle(
    _ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response
  ) async throws -> Response {
    do {
      return try await next(request, context)
    } catch {
      let mapped = MLflowError.from(error)
      if mapped.status.code >= 500 && mapped.status.code != 503 {
        context.logger.error("internal error", metadata: ["error": "\(error)"])
      }
      return try mapped.response(from: request, context: context)
    }
  }
}
