import Foundation
import HTTPTypes
import Hummingbird
import PedigreeCore

/// Sets the request's principal from its token (`Authorization: Bearer pdg_…`, or HTTP Basic
/// with the token as password and any user name), or with `--auth none` to the server's actor.
/// A request without a valid token gets 401 here, before any route: only `/health` is open.
/// Also checks the header block's size (431) first, and notes the claimed actor.
struct Authenticate: RouterMiddleware {
  typealias Context = ServerContext
  let mode: AuthMode
  let actor: String
  let registry: ServerRegistry

  func handle(
    _ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response
  ) async throws -> Response {
    let headerBytes = request.headers.reduce(0) { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count + 4 }
    if headerBytes > ServerLimits.headerBlock {
      throw APIError.overLimit(
        "the request's header block is over the \(ServerLimits.headerBlock >> 10) KiB limit",
        status: .requestHeaderFieldsTooLarge)
    }
    var context = context
    context.notes.claimedActor = request.headers[.xPedigreeActor].map { String($0.prefix(128)) }
    if request.uri.path == "/health" { return try await next(request, context) }
    let principal = try await authenticate(request)
    context.principal = principal
    context.notes.tokenName = principal.name
    return try await next(request, context)
  }

  private func authenticate(_ request: Request) async throws -> Principal {
    if mode == .none { return Principal(name: actor, role: .admin) }
    guard let secret = Self.secret(in: request.headers[.authorization]) else {
      throw APIError.unauthorized("this request needs a token")
    }
    let digest = TokenSecret.digest(secret)
    guard let token = try await registry.read({ try $0.token(secretDigest: digest) }) else {
      throw APIError.unauthorized("the token is not known to this registry")
    }
    guard token.isInForce(at: .now()) else {
      throw APIError.unauthorized("token \(token.name) is \(token.state(at: .now()))")
    }
    return Principal(name: token.name, role: token.role)
  }

  /// The secret of an `Authorization` header: a Bearer token, or Basic's password.
  static func secret(in header: String?) -> String? {
    guard let header, let space = header.firstIndex(of: " ") else { return nil }
    let scheme = header[..<space].lowercased()
    let value = header[header.index(after: space)...].trimmingCharacters(in: .whitespaces)
    switch scheme {
    case "bearer": return value.isEmpty ? nil : value
    case "basic":
      guard let data = Data(base64Encoded: value), let text = String(data: data, encoding: .utf8),
        let colon = text.firstIndex(of: ":")
      else { return nil }
      let password = String(text[text.index(after: colon)...])
      return password.isEmpty ? nil : password
    default: return nil
    }
  }
}
