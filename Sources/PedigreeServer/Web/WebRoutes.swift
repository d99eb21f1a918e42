import HTTPTypes
import Hummingbird
import PedigreeCore
import PedigreeWeb

extension Router<ServerContext> {
  /// The web UI (`PedigreeWeb`): every page as a GET route, the stylesheet, and the login form
  /// that trades a token for a session cookie (`WebSessions`), plus logout.
  func addWebRoutes(_ registry: ServerRegistry, auth: AuthState) {
    for path in WebRoutes.pagePaths {
      get(RouterPath(path)) { request, context in
        try await WebRoutes.page(request, context: context, registry: registry)
      }
    }
    get("login") { request, _ in
      let next = request.uri.queryParameters.get("next") ?? "/"
      let tokensRequired = try await auth.mode(registry) == .tokens
      return WebRoutes.response(WebUI.loginPage(message: nil, next: next, tokensRequired: tokensRequired))
    }
    post("login") { request, context in
      try await WebRoutes.login(
        request, context: context, registry: registry, auth: try await auth.mode(registry))
    }
    post("logout") { request, _ in
      WebSessions.shared.end(cookieHeader: request.headers[.cookie])
      return WebRoutes.redirect(to: "/login", cookie: WebSessions.expiredCookie)
    }
  }
}

/// How the web UI's answers become HTTP responses, and who may see them.
enum WebRoutes {
  /// Every path `WebUI.page` answers, as router patterns.
  static let pagePaths = [
    "/", "models", "models/:name", "models/:name/versions/:version", "models/:name/versions/:version/:file",
    "runs", "runs/:id", "runs/:id/metrics.csv", "datasets/:name/:version", "lineage", "lineage.svg",
    "lineage.dot", "lineage.mmd", "lineage.json", "diff", "log", String(WebUI.stylesheetPath.dropFirst()),
  ]

  /// SERVER.md's policy: nothing but this server's own stylesheet and images; no script at all.
  static let contentSecurityPolicy =
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"

  /// Paths a browser reaches before logging in.
  static func isOpen(_ request: Request) -> Bool {
    let path = request.uri.path
    return path == "/login" || (path == WebUI.stylesheetPath && request.method == .get)
  }

  /// For a browser asking for a page without credentials: a redirect to the login form (instead
  /// of `/api/v1`'s JSON 401). `nil` for everything else.
  static func loginRedirect(_ request: Request) -> Response? {
    guard request.method == .get, !request.uri.path.hasPrefix("/api/"),
      WebUI.handles(request.uri.path)
    else { return nil }
    let next = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
    return redirect(to: WebUI.loginPath(next: next), cookie: nil)
  }

  static func page(_ request: Request, context: ServerContext, registry: ServerRegistry) async throws
    -> Response
  {
    let path = request.uri.path
    // The stylesheet is open (the login form needs it); every page needs a reader.
    if path != WebUI.stylesheetPath { try context.require(.reader) }
    let query = request.uri.query ?? ""
    let session = WebSessions.sessionID(in: request.headers[.cookie]) != nil
    let page = try await registry.read { reader in
      WebUI.page(path: path, query: query, reader: reader, now: .now(), session: session)
    }
    return response(page)
  }

  /// `POST /login` with `token=pdg_…&next=/path`: a session cookie and a redirect, or the form
  /// again (401) naming what was wrong. The token is checked exactly as a Bearer token is.
  static func login(_ request: Request, context: ServerContext, registry: ServerRegistry, auth: AuthMode)
    async throws -> Response
  {
    let body = try await request.body.collect(upTo: 8192)
    let form = String(buffer: body)
    let next = WebUI.safeNext(WebUI.formField("next", in: form) ?? "/")
    guard auth == .tokens else { return redirect(to: next, cookie: nil) }
    guard let secret = WebUI.formField("token", in: form), !secret.isEmpty else {
      return response(
        WebUI.loginPage(message: "Paste a token.", next: next, tokensRequired: true, status: 401))
    }
    let digest = TokenSecret.digest(secret)
    let token = try await registry.read { try $0.token(secretDigest: digest) }
    guard let token, token.isInForce(at: .now()) else {
      let why =
        token.map { "Token \($0.name) is \($0.state(at: .now()))." }
        ?? "This token is not known to this registry."
      return response(WebUI.loginPage(message: why, next: next, tokensRequired: true, status: 401))
    }
    context.notes.tokenName = token.name
    return redirect(to: next, cookie: WebSessions.cookie(WebSessions.shared.create(digest: digest)))
  }

  static func response(_ page: WebPage) -> Response {
    var headers: HTTPFields = [
      .contentType: page.contentType, .contentSecurityPolicy: contentSecurityPolicy,
      .xContentTypeOptions: "nosniff",
      .cacheControl: page.contentType.hasPrefix("text/css") ? "max-age=3600" : "no-store",
    ]
    if let filename = page.filename {
      let safe = String(
        filename.map { $0.isLetter || $0.isNumber || "@._-".contains($0) ? $0 : "_" }.prefix(120))
      headers[.contentDisposition] = "attachment; filename=\"\(safe)\""
    }
    return Response(
      status: HTTPResponse.Status(code: page.status), headers: headers,
      body: .init(byteBuffer: ByteBuffer(string: page.body)))
  }

  static func redirect(to location: String, cookie: String?) -> Response {
    var headers: HTTPFields = [.location: location, .cacheControl: "no-store"]
    if let cookie { headers[.setCookie] = cookie }
    return Response(status: .seeOther, headers: headers)
  }
}
