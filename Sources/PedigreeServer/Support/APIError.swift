import Foundation
import HTTPTypes
import Hummingbird
import PedigreeCore

/// An error answered as `/api/v1`'s JSON error document:
/// `{"error": {"code", "message", "hint"}}`. Every failure of Pedigree's routes becomes one,
/// through `APIError.from(_:)`, the ONE place `PedigreeError.Kind` meets an HTTP status.
public struct APIError: Error, HTTPResponseError, Sendable {
  /// `not_found`, `refused`, `usage`, `invalid`, `unauthorized`, `forbidden`, `busy`, or for a
  /// broken server `internal`.
  public let code: String
  public let status: HTTPResponse.Status
  public let message: String
  public let hint: String?
  /// Extra response headers (`Retry-After`, `WWW-Authenticate`).
  public var headers: HTTPFields = [:]

  public init(code: String, status: HTTPResponse.Status, message: String, hint: String? = nil) {
    self.code = code
    self.status = status
    self.message = message
    self.hint = hint
  }

  /// 401: no valid token. Says how to send one.
  public static func unauthorized(_ message: String) -> APIError {
    var error = APIError(
      code: "unauthorized", status: .unauthorized, message: message,
      hint: "send a token as `Authorization: Bearer pdg_…` (or as HTTP Basic's password); "
        + "an admin creates one with `pedigree token create NAME --role ROLE`")
    error.headers[.wwwAuthenticate] = "Bearer realm=\"pedigree\", Basic realm=\"pedigree\""
    return error
  }

  /// 403: a token whose role is too low.
  public static func forbidden(_ message: String) -> APIError {
    APIError(
      code: "forbidden", status: .forbidden, message: message, hint: "ask an admin for a token with that role"
    )
  }

  /// 400: a malformed request (a parameter, a body, a name).
  public static func usage(_ message: String, hint: String? = nil) -> APIError {
    APIError(code: "usage", status: .badRequest, message: message, hint: hint)
  }

  /// 400 naming the limit a request went over, or 413/431 with `status`.
  public static func overLimit(_ message: String, status: HTTPResponse.Status = .badRequest) -> APIError {
    APIError(code: status == .badRequest ? "usage" : "too_large", status: status, message: message)
  }

  /// 503 with `Retry-After`: the writer stayed busy past the timeout (the twin of exit 75).
  public static func busy(_ message: String, hint: String? = nil) -> APIError {
    var error = APIError(
      code: "busy", status: .serviceUnavailable, message: message, hint: hint ?? "retry in a moment")
    error.headers[.retryAfter] = "1"
    return error
  }

  /// The API error for any error a route threw: Pedigree's errors by kind, Hummingbird's own
  /// (413 from a capped body, 404 of an unknown path) by status; anything else is a broken
  /// server (500), logged.
  public static func from(_ error: any Error) -> APIError {
    switch error {
    case let error as APIError: return error
    case let error as PedigreeError: return from(error)
    case let error as HTTPError: return from(error)
    case let error as any HTTPResponseError:
      return APIError(code: code(for: error.status), status: error.status, message: "\(error.status)")
    default:
      return APIError(
        code: "internal", status: .internalServerError, message: "internal error: \(error)",
        hint: "this is a bug in the server; the request changed nothing")
    }
  }

  /// A `PedigreeError` by its kind: not_found 404, refused 409, usage 400, invalid 400, forbidden
  /// 403, busy 503; io and incompatible are the server's own state (500).
  public static func from(_ error: PedigreeError) -> APIError {
    let hint = error.remedy.map(\.requestHint) ?? error.hint
    switch error.kind {
    case .notFound: return APIError(code: "not_found", status: .notFound, message: error.message, hint: hint)
    case .refused: return APIError(code: "refused", status: .conflict, message: error.message, hint: hint)
    case .usage: return APIError(code: "usage", status: .badRequest, message: error.message, hint: hint)
    case .invalidInput:
      return APIError(code: "invalid", status: .badRequest, message: error.message, hint: hint)
    case .forbidden:
      return APIError(code: "forbidden", status: .forbidden, message: error.message, hint: hint)
    case .busy: return busy(error.message, hint: hint)
    case .io, .incompatible:
      return APIError(code: "internal", status: .internalServerError, message: error.message, hint: hint)
    }
  }

  private static func from(_ error: HTTPError) -> APIError {
    let message =
      switch error.status {
      case .contentTooLarge: "the request body is over the \(ServerLimits.jsonBody >> 20) MiB limit for JSON"
      case .notFound: "no such route"
      case .methodNotAllowed: "this route does not take that method"
      default: error.body ?? "\(error.status)"
      }
    return APIError(code: code(for: error.status), status: error.status, message: message)
  }

  private static func code(for status: HTTPResponse.Status) -> String {
    switch status.code {
    case 401: "unauthorized"
    case 403: "forbidden"
    case 404: "not_found"
    case 409: "refused"
    case 413, 431: "too_large"
    case 503: "busy"
    case 400..<500: "usage"
    default: "internal"
    }
  }

  /// The error document.
  public var json: JSONValue {
    .object(["error": .object(["code": .string(code), "message": .string(message), "hint": .optional(hint)])])
  }

  public func response(from request: Request, context: some RequestContext) throws -> Response {
    var response = Response.json(json, status: status)
    for field in headers { response.headers.append(field) }
    return response
  }
}

extension PedigreeError.Remedy {
  /// The remedy as the request (or server set-up) that fixes it.
  var requestHint: String {
    switch self {
    case .createRegistry(let path): "the server's registry \(path) is missing: create it with `pedigree init`"
    case .initializeRegistry(let path): "initialise \(path) with `pedigree init`"
    case .migrateRegistry(let path): "upgrade \(path) with `pedigree db migrate`"
    case .useAnotherRegistry: "point the server at a Pedigree registry"
    case .retryOrWaitLonger: "retry in a moment"
    case .promoteFirst(let model, let alias): "promote a version of \(model) to \(alias) first"
    case .pickAnotherVersion: "pick another version (\"to\")"
    case .chooseVersion: "name the version to go to (\"to\"), or promote one"
    case .nameRun: "name the run (\"run\")"
    case .sayWhatToLog: "send params, metrics, inputs or outputs"
    case .giveReason: "give a reason (\"reason\")"
    }
  }
}

extension Response {
  /// A JSON document response (pretty, as the CLI prints it, with a final newline).
  public static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
    var buffer = ByteBuffer()
    buffer.writeString(value.serialized(pretty: true) + "\n")
    return Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: .init(byteBuffer: buffer))
  }
}
