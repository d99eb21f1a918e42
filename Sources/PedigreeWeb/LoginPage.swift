import PedigreeCore

extension WebUI {
  /// The login form: a token (`pdg_…`, any role; a reader's is enough to see every page) POSTed
  /// to `/login`, which answers with a session cookie and a redirect to `next`.
  ///
  /// - Parameters:
  ///   - message: why the form is shown again (a wrong or revoked token), or `nil`.
  ///   - next: the local path to go back to after logging in.
  ///   - tokensRequired: `false` on a server run with `--auth none`, where no login is needed.
  public static func loginPage(message: String?, next: String, tokensRequired: Bool, status: Int = 200)
    -> WebPage
  {
    var content = PageContent(title: "Log in", status: status)
    if !tokensRequired {
      content.blocks.append(
        .paragraph([
          Span("This server runs without tokens (--auth none, loopback only): "),
          Span("every page is open", href: "/"), Span("."),
        ]))
    }
    if let message { content.blocks.append(.text(message, cls: "error")) }
    content.blocks.append(
      .text(
        "Paste an API token (pdg_…). A reader's is enough to see every page; the browser keeps only a "
          + "session cookie (HttpOnly, SameSite=Strict), never the token.", cls: "muted"))
    content.blocks.append(
      .form(
        action: "/login",
        inputs: [
          FormInput(label: "token", name: "token", value: "", size: 50, type: "password"),
          FormInput(label: "", name: "next", value: safeNext(next), size: 1, type: "hidden"),
        ], submit: "Log in", method: "post"))
    content.blocks.append(.text("Create one with: pedigree token create NAME --role reader", cls: "muted"))
    return WebPage(status: status, contentType: WebPage.xhtml, body: content.render(session: false))
  }

  /// A local path to return to: only `/…` (never `//host` or a scheme), else `/`.
  public static func safeNext(_ next: String) -> String {
    guard next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next.count <= 2000,
      !next.unicodeScalars.contains(where: { $0.value < 0x20 })
    else { return "/" }
    return next
  }
}

extension WebUI {
  /// One field of an `application/x-www-form-urlencoded` body (the login form's), decoded.
  public static func formField(_ name: String, in body: String) -> String? {
    QueryString(body).pairs.first { $0.key == name }?.value
  }
}

extension WebUI {
  /// `/login?next=…`: the form that returns to `next` after logging in.
  public static func loginPath(next: String) -> String {
    Link.to("/login", [("next", safeNext(next))])
  }
}
