import PedigreeCore
import PedigreeQuery

/// A rendered answer, independent of any HTTP library: the server copies it into its response
/// and adds the security headers.
public struct WebPage: Sendable, Equatable {
  public let status: Int
  public let contentType: String
  public let body: String
  /// Set for downloads: the file name a browser saves it under.
  public let filename: String?

  public init(status: Int = 200, contentType: String, body: String, filename: String? = nil) {
    self.status = status
    self.contentType = contentType
    self.body = body
    self.filename = filename
  }

  static let xhtml = "application/xhtml+xml; charset=utf-8"
}

/// The web UI: every page of SERVER.md's table as XHTML (with inline SVG) rendered from the same
/// library calls as the CLI's `--json`, over any `RegistryReading`.
///
/// ```swift
/// let page = try store.read { reader in
///   WebUI.page(path: "/models/fraud-detector", query: "at=2026-11-20", reader: reader, now: .now())
/// }
/// ```
///
/// A user's mistake is never a 5xx: an unknown ref is a 404 page, a bad filter, time or depth a
/// 400 page naming the problem. Only a broken registry (`.io`, `.corrupt`) answers 500.
public enum WebUI {
  /// The one stylesheet, served at `stylesheetPath`.
  public static let stylesheetPath = "/static/pedigree.css"
  public static let stylesheet = Stylesheet.css

  /// Whether `page` answers `path` (a GET route of the UI), so a server can mount one handler.
  public static func handles(_ path: String) -> Bool {
    route(path) != nil
  }

  /// The page for `path` and the raw query string (`a=1&b=two`, without `?`).
  ///
  /// - Parameters:
  ///   - now: the time the page is drawn at (the right edge of a timeline, "3 days ago").
  ///   - session: whether the reader came in with a session cookie (shows "Log out").
  public static func page(
    path: String, query: String, reader: any RegistryReading, now: Timestamp, session: Bool = false
  ) -> WebPage {
    let request = Request(path: path, query: QueryString(query), now: now)
    guard let route = route(path) else {
      return errorPage(
        status: 404, title: "No such page", message: "There is no page at \(truncated(path, 200)).",
        hint: "Start from the home page.", session: session)
    }
    do {
      switch try route(request, Queries(reader)) {
      case .page(let content):
        return WebPage(
          status: content.status, contentType: WebPage.xhtml, body: content.render(session: session))
      case .file(let page):
        return page
      }
    } catch {
      let status =
        switch error.kind {
        case .notFound: 404
        case .usage, .invalidInput: 400
        case .refused: 409
        case .busy: 503
        default: 500
        }
      return errorPage(
        status: status, title: status == 404 ? "Not found" : (status == 400 ? "Bad request" : "Error"),
        message: error.message, hint: error.hint, session: session)
    }
  }

  static func errorPage(status: Int, title: String, message: String, hint: String?, session: Bool) -> WebPage
  {
    var content = PageContent(title: title, status: status)
    content.blocks = [.text(message, cls: "error")]
    if let hint { content.blocks.append(.text(hint, cls: "hint")) }
    content.blocks.append(
      .paragraph([Span("Home", href: "/"), Span(" · "), Span("Models", href: "/models")]))
    return WebPage(status: status, contentType: WebPage.xhtml, body: content.render(session: session))
  }

  /// What a route answers: a page to lay out, or a finished file (SVG, CSV, Markdown, JSON).
  enum Answer {
    case page(PageContent)
    case file(WebPage)
  }

  typealias Handler = (Request, Queries) throws(PedigreeError) -> Answer

  /// The route for a path: `/models/NAME/versions/N` and friends; `nil` when none.
  static func route(_ path: String) -> Handler? {
    let parts = path.split(separator: "/", omittingEmptySubsequences: true).map {
      QueryString.decode(String($0))
    }
    switch parts.count {
    case 0: return HomePage.answer
    case 1:
      switch parts[0] {
      case "models": return ModelsPage.answer
      case "runs": return RunsPage.answer
      case "lineage": return LineagePage.answer
      case "lineage.svg", "lineage.dot", "lineage.mmd", "lineage.json":
        let format = String(parts[0].dropFirst("lineage.".count))
        return { request, queries throws(PedigreeError) in
          try LineagePage.download(request, queries, format: format)
        }
      case "diff": return DiffPage.answer
      case "log": return LogPage.answer
      default: return nil
      }
    case 2:
      let name = parts[1]
      switch parts[0] {
      case "models":
        return { request, queries throws(PedigreeError) in try ModelPage.answer(request, queries, name: name)
        }
      case "runs":
        return { request, queries throws(PedigreeError) in try RunPage.answer(request, queries, id: name) }
      case "static" where path == stylesheetPath:
        return { _, _ in .file(WebPage(contentType: "text/css; charset=utf-8", body: stylesheet)) }
      default: return nil
      }
    case 3:
      if parts[0] == "datasets", let version = Int(parts[2]) {
        let name = parts[1]
        return { request, queries throws(PedigreeError) in
          try DatasetPage.answer(request, queries, name: name, version: version)
        }
      }
      if parts[0] == "runs", parts[2] == "metrics.csv" {
        let id = parts[1]
        return { request, queries throws(PedigreeError) in try RunPage.csv(request, queries, id: id) }
      }
      return nil
    case 4, 5:
      guard parts[0] == "models", parts[2] == "versions" else { return nil }
      let name = parts[1]
      let last = parts[3]
      if parts.count == 5 {
        guard let version = Int(parts[3]), ["audit.md", "audit.json"].contains(parts[4]) else { return nil }
        let format = parts[4]
        return { request, queries throws(PedigreeError) in
          try VersionPage.download(request, queries, name: name, version: version, file: format)
        }
      }
      guard let version = Int(last) else { return nil }
      return { request, queries throws(PedigreeError) in
        try VersionPage.answer(request, queries, name: name, version: version)
      }
    default: return nil
    }
  }
}

/// One request as the pages see it.
struct Request {
  let path: String
  let query: QueryString
  let now: Timestamp
}
