import Foundation
import PedigreeCore
import PedigreeTestSupport
import Testing

/// The web UI through a real `pedigree serve --port 0`: every page in headless Chromium
/// (`--dump-dom`, the facts a person looks for), screenshots checked not blank, the security
/// headers over plain HTTP, and the login flow with tokens.
@Suite(.serialized) struct WebUITests {
  /// `pedigree demo`, plus a run with a 20,000-point loss curve (a spike at step 12,345, NaN at
  /// 500, +Infinity at 700), registered as fraud-detector@5.
  static func prepare(_ server: TestServer) throws {
    try server.pedigreeOK(["demo"])
    let points = (0..<20_000).map { step -> String in
      let value =
        step == 12_345
        ? "9.5"
        : (step == 500 ? "\"NaN\"" : (step == 700 ? "\"Infinity\"" : "\(1.0 / Double(step + 1) + 0.05)"))
      return "[\(step), \(value)]"
    }
    let record = """
      {"experiment": "fraud", "name": "long-curve", "status": "finished",
       "params": {"lr": "0.005"}, "metrics": {"loss": [\(points.joined(separator: ","))], "auc": 0.95},
       "outputs": [{"artifact": {"name": "model.onnx", "uri": "s3://models/long.onnx",
                    "digest": "sha256:\(String(repeating: "ab", count: 32))", "size": 1}}],
       "register": {"model": "fraud-detector", "artifact": "model.onnx"}}
      """
    let result = try server.pedigree(["run", "record", try server.scratch.write("long-curve.json", record)])
    #expect(result.status == 0, "\(result.stderr)")
  }

  /// Headless Chromium's DOM of `url`.
  static func dumpDOM(_ url: String, chromium: String) throws -> String {
    let result = try Spawned.run(
      chromium,
      ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=2000", "--dump-dom", url])
    #expect(result.status == 0, "chromium \(url): \(result.stderr.suffix(400))")
    return result.stdout
  }

  static func runID(_ server: TestServer, name: String) throws -> String {
    let runs = try server.cliJSON(["run", "search", "attributes.name = '\(name)'"])
    let list = runs["runs"] ?? runs
    guard case .array(let hits) = list, case .object(let run)? = hits.first,
      case .string(let id)? = run["run_id"]
    else {
      Issue.record("no run named \(name): \(runs)")
      return ""
    }
    return id
  }

  @Test(.enabled(if: ExternalTools.chromium != nil, "needs chromium (.ci/run installs it)"))
  func everyPageInChromium() async throws {
    let chromium = try #require(ExternalTools.chromium)
    let server = try await TestServer.start(prepare: Self.prepare)
    defer { _ = server.stop() }
    let long = try Self.runID(server, name: "long-curve")
    let checks: [(String, [String])] = [
      ("/", ["What serves now", "fraud-detector@2", "production", "Recent failed runs", "Audit chain"]),
      ("/models", ["churn-predictor", "fraud-detector"]),
      (
        "/models/fraud-detector",
        [
          "production serves fraud-detector@2", "rollback lands on",
          "pedigree model rollback fraud-detector --alias production",
          "class=\"segment current\"", "Alias timeline", "deprecated",
        ]
      ),
      (
        "/models/fraud-detector/versions/2",
        ["Audit report: fraud-detector@2", "sha256:", "class=\"node", "audit.md"]
      ),
      (
        "/runs?q=attributes.status+%3D+%27finished%27",
        ["Runs where attributes.status = 'finished'", "long-curve"]
      ),
      (
        "/runs/\(long)",
        ["<polyline class=\"line\"", "20000 points", "class=\"mark nan\"", "metrics.csv?key=loss"]
      ),
      ("/runs/\(long)?overlay=loss,auc&log=1", ["loss + auc of run", "log y"]),
      ("/datasets/transactions/1", ["Impact: what is served from it", "sha256:"]),
      (
        "/lineage?ref=model:fraud-detector@2&direction=upstream",
        ["Lineage of fraud-detector@2", "/lineage.svg?"]
      ),
      ("/diff?a=fraud-detector@1&b=fraud-detector@2", ["Diff fraud-detector@1", "Params"]),
      ("/log?limit=5", ["Audit log", "older"]),
    ]
    for (path, facts) in checks {
      let dom = try Self.dumpDOM(server.url + path, chromium: chromium)
      for fact in facts {
        #expect(dom.contains(fact), "\(path): the DOM lacks \(fact)")
      }
      #expect(!dom.contains("<script"), "\(path) has a script")
    }
    // The 20,000-point curve draws at most ~2,000 points and keeps its spike (9.5).
    let dom = try Self.dumpDOM(server.url + "/runs/\(long)", chromium: chromium)
    let drawn = dom.components(separatedBy: "<polyline class=\"line\" points=\"").dropFirst().map {
      $0.prefix { $0 != "\"" }.split(separator: " ").count
    }.reduce(0, +)
    #expect(drawn > 100 && drawn <= 2_000, "\(drawn) points drawn")
    #expect(dom.contains(">9.5<"), "the spike sets the y axis")
  }

  @Test(.enabled(if: ExternalTools.chromium != nil, "needs chromium (.ci/run installs it)"))
  func screenshotsAreNotBlank() async throws {
    let chromium = try #require(ExternalTools.chromium)
    let server = try await TestServer.start(prepare: Self.prepare)
    defer { _ = server.stop() }
    let folder =
      ProcessInfo.processInfo.environment["PEDIGREE_WEB_SCREENSHOTS"] ?? server.scratch.file("screenshots")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let long = try Self.runID(server, name: "long-curve")
    for (name, path, height) in [
      ("model", "/models/fraud-detector", 1400), ("version", "/models/fraud-detector/versions/2", 1600),
      ("run", "/runs/\(long)", 1300), ("dataset", "/datasets/transactions/1", 1000), ("home", "/", 1100),
    ] {
      let file = folder + "/\(name).png"
      let result = try Spawned.run(
        chromium,
        [
          "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,\(height)",
          "--screenshot=\(file)", server.url + path,
        ])
      #expect(result.status == 0, "chromium screenshot \(path): \(result.stderr.suffix(300))")
      let data = try Data(contentsOf: URL(fileURLWithPath: file))
      #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name).png is a PNG")
      // A blank page compresses to a few kilobytes; these carry tables, charts and text.
      #expect(data.count > 30_000, "\(name).png is \(data.count) bytes: blank?")
    }
  }

  @Test func pagesSendTheSecurityHeaders() async throws {
    let server = try await TestServer.start(prepare: Self.prepare)
    defer { _ = server.stop() }
    for path in [
      "/", "/models/fraud-detector", "/lineage?ref=model:fraud-detector@2", "/models/nope",
      "/static/pedigree.css",
    ] {
      let answer = try await server.get(path)
      #expect(
        answer.header("Content-Security-Policy")
          == "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'",
        "\(path)")
      #expect(answer.header("X-Content-Type-Options") == "nosniff", "\(path)")
    }
    let page = try await server.get("/models/fraud-detector")
    #expect(page.status == 200)
    #expect(page.header("Content-Type")?.hasPrefix("application/xhtml+xml") == true)
    #expect(try await server.get("/models/nope").status == 404)
    #expect(try await server.get("/runs?q=metrics.auc+%3E%3E").status == 400)
    let css = try await server.get("/static/pedigree.css")
    #expect(css.status == 200 && css.header("Content-Type")?.hasPrefix("text/css") == true)
    let svg = try await server.get("/lineage.svg?ref=model:fraud-detector@2")
    #expect(svg.header("Content-Type") == "image/svg+xml")
    #expect(svg.header("Content-Disposition")?.hasPrefix("attachment; filename=\"lineage-") == true)
  }

  /// `curl -s -i` (no redirects followed, no cookie jar): the status line and headers, then the body.
  static func curl(_ arguments: [String]) throws -> (status: Int, headers: String, body: String) {
    let result = try Spawned.run("/usr/bin/curl", ["-s", "-i", "--max-time", "60"] + arguments)
    #expect(result.status == 0, "curl \(arguments): \(result.stderr)")
    let parts = result.stdout.components(separatedBy: "\r\n\r\n")
    let head = parts.first ?? ""
    let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
    // Header names lower-cased, so checks read one way whatever the server's casing.
    let headers = head.split(separator: "\r\n").map { line in
      guard let colon = line.firstIndex(of: ":") else { return String(line) }
      return line[..<colon].lowercased() + line[colon...]
    }.joined(separator: "\r\n")
    return (status, headers + "\r\n", parts.dropFirst().joined(separator: "\r\n\r\n"))
  }

  @Test func loginTradesATokenForASessionCookie() async throws {
    var reader = ""
    let server = try await TestServer.start(["--auth", "tokens"]) { server in
      try Self.prepare(server)
      reader = try server.token("browser", role: "reader")
    }
    defer { _ = server.stop() }
    // Without credentials a page sends the browser to the login form; the API still answers 401.
    let anonymous = try Self.curl([server.url + "/models/fraud-detector?at=now"])
    #expect(anonymous.status == 303)
    #expect(anonymous.headers.contains("location: /login?next=%2Fmodels%2Ffraud-detector%3Fat%3Dnow\r\n"))
    #expect(try Self.curl([server.url + "/api/v1/models"]).status == 401)
    let form = try Self.curl([server.url + "/login"])
    #expect(form.status == 200 && form.body.contains("type=\"password\" name=\"token\""))
    #expect(try Self.curl([server.url + "/static/pedigree.css"]).status == 200)

    // A wrong token gets the form again, 401, and no cookie.
    let wrong = try Self.curl(["--data", "token=pdg_wrong&next=/models", server.url + "/login"])
    #expect(wrong.status == 401 && !wrong.headers.lowercased().contains("set-cookie"))
    #expect(wrong.body.contains("not known to this registry"))

    let login = try Self.curl([
      "--data-urlencode", "token=\(reader)", "--data", "next=/models", server.url + "/login",
    ])
    #expect(login.status == 303)
    #expect(login.headers.contains("location: /models\r\n"))
    let cookieLine = try #require(
      login.headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie:") })
    #expect(cookieLine.contains("HttpOnly") && cookieLine.contains("SameSite=Strict"))
    #expect(!cookieLine.contains(reader), "the cookie is a session id, not the token")
    let cookie = String(cookieLine.dropFirst("set-cookie: ".count).prefix { $0 != ";" })

    let page = try Self.curl(["-H", "Cookie: \(cookie)", server.url + "/models/fraud-detector"])
    #expect(page.status == 200 && page.body.contains("production serves fraud-detector@2"))
    #expect(page.body.contains("Log out"))
    // A reader token as Bearer sees pages too.
    #expect(try await server.get("/models", token: reader).status == 200)
    // An open redirect is refused: next= goes only to a local path.
    let evil = try Self.curl([
      "--data-urlencode", "token=\(reader)", "--data", "next=//evil.example", server.url + "/login",
    ])
    #expect(evil.headers.contains("location: /\r\n"))

    // Logout ends the session: the same cookie no longer works.
    let logout = try Self.curl(["-X", "POST", "-H", "Cookie: \(cookie)", server.url + "/logout"])
    #expect(logout.status == 303 && logout.headers.contains("Max-Age=0"))
    #expect(try Self.curl(["-H", "Cookie: \(cookie)", server.url + "/models"]).status == 303)

    // Revoking the token ends its sessions at once.
    let again = try Self.curl(["--data-urlencode", "token=\(reader)", server.url + "/login"])
    let second = String(
      (again.headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie:") } ?? "")
        .dropFirst("set-cookie: ".count).prefix { $0 != ";" })
    #expect(try Self.curl(["-H", "Cookie: \(second)", server.url + "/"]).status == 200)
    try server.pedigreeOK(["token", "revoke", "browser"])
    #expect(try Self.curl(["-H", "Cookie: \(second)", server.url + "/"]).status == 401)
  }
}
