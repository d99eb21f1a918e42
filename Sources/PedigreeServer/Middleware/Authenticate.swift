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
  let auth: AuthState
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
    if request.uri.path == "/health" || WebRoutes.isOpen(request) { return try await next(request, context) }
    let mode = try await auth.mode(registry)
    // A browser without credentials asking for a page goes to the login form (Web/).
    if mode == .tokens, request.headers[.authorization] == nil,
      WebSessions.shared.digest(cookieHeader: request.headers[.cookie]) == nil,
      let redirect = WebRoutes.loginRedirect(request)
    {
      return redirect
    }
    let principal = try await authenticate(request, mode: mode)
    context.principal = principal
    context.notes.tokenName = principal.name
    return try await next(request, context)
  }

  private func authenticate(_ request: Request, mode: AuthMode) async throws -> Principal {
    if mode == .none { return Principal(name: actor, role: .admin) }
    // A token in the header, else the web UI's session cookie (which names a token's digest).
    guard
      let digest = Self.secret(in: request.headers[.authorization]).map(TokenSecret.digest)
        ?? WebSessions.shared.digest(cookieHeader: request.headers[.cookie])
    else {
      throw APIError.unauthorized("this request needs a token")
    }
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
