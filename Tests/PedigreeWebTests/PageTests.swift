import Foundation
import PedigreeCore
import PedigreeQuery
import PedigreeSQLite
import Testing

@testable import PedigreeWeb

@Suite struct PageTests {
  let fixture: WebFixture
  init() throws { fixture = try WebFixture() }

  /// The page, checked: the status, XHTML, well-formed.
  func page(
    _ path: String, _ query: String = "", status: Int = 200, sourceLocation: SourceLocation = #_sourceLocation
  )
    -> String
  {
    let page = fixture.page(path, query)
    #expect(page.status == status, "\(path)?\(query): \(page.status)", sourceLocation: sourceLocation)
    if page.contentType.hasPrefix("application/xhtml+xml") {
      #expect(
        xmlError(page.body) == nil, "\(path)?\(query): \(xmlError(page.body) ?? "")",
        sourceLocation: sourceLocation)
    }
    return page.body
  }

  var run3: String { fixture.runs["xgb-v3"]! }

  /// Every page of the UI, with a query that exercises it.
  var everyPage: [(String, String)] {
    [
      ("/", ""), ("/models", ""), ("/models/fraud-detector", ""), ("/models/fraud-detector", "at=2030-01-07"),
      ("/models/fraud-detector", "alias=staging&metrics=auc,loss"), ("/models/fraud-detector/versions/3", ""),
      ("/models/fraud-detector/versions/2", ""), ("/runs", ""), ("/runs", "q=metrics.auc+%3E+0.9"),
      ("/runs/\(run3)", ""), ("/runs/\(run3)", "overlay=loss,auc&log=1&x=time"),
      ("/runs/\(fixture.runs["xgb-v1"]!)", "overlay=run:\(run3)"), ("/datasets/transactions/2", ""),
      ("/datasets/transactions/1", ""), ("/lineage", ""), ("/lineage", "ref=model:fraud-detector@3"),
      ("/lineage", "ref=dataset:transactions@2&direction=downstream&depth=all"), ("/diff", ""),
      ("/diff", "a=fraud-detector@1&b=fraud-detector@3"), ("/log", ""), ("/log", "by=bob&limit=2&page=2"),
    ]
  }

  @Test func everyPageIsWellFormedXHTMLWithNoScriptAndNoExternalHost() {
    for (path, query) in everyPage {
      let body = page(path, query)
      #expect(!body.contains("<script"), "\(path)?\(query) has a script")
      // The only absolute URLs are the XML namespaces.
      let urls = body.components(separatedBy: "http").dropFirst().map { String($0.prefix(30)) }
      for url in urls {
        #expect(
          url.hasPrefix("://www.w3.org/1999/xhtml") || url.hasPrefix("://www.w3.org/2000/svg"),
          "\(path)?\(query) references http\(url)")
      }
      #expect(body.contains("href=\"\(WebUI.stylesheetPath)\""))
      #expect(!body.contains(" style="), "no inline style: the CSP forbids it")
    }
  }

  @Test func theHomePageSaysWhatServesNow() {
    let body = page("/")
    #expect(body.contains("fraud-detector@3"))
    #expect(body.contains(">production<"))
    #expect(body.contains("bob"))
    #expect(body.contains("Recent failed runs"))
    #expect(body.contains(Format.shortRunID(fixture.runs["xgb-broken"]!)))
    #expect(body.contains("pedigree db check --head"))
    #expect(body.contains("records no db check result"))
  }

  @Test func theModelPageAnswersTheOnCallQuestions() {
    let body = page("/models/fraud-detector")
    #expect(body.contains("production serves fraud-detector@3"))
    #expect(body.contains("2030-01-09T15:00:00Z"), "since when")
    #expect(body.contains("<dd class=\"\"><span class=\"\">bob</span></dd>"), "by whom")
    #expect(body.contains("v3 beats the last &lt;script&gt;"), "why")
    // v2 is deprecated: a rollback skips it and lands on v1.
    #expect(body.contains("rollback lands on"))
    #expect(body.contains("href=\"/models/fraud-detector/versions/1\" class=\"big\">fraud-detector@1</a>"))
    #expect(body.contains("pedigree model rollback fraud-detector --alias production --reason &quot;…&quot;"))
    #expect(body.contains("/diff?a=model:fraud-detector@3&amp;b=model:fraud-detector@1"))
    #expect(body.contains("class=\"segment current\""), "the timeline")
    #expect(body.contains("<tr class=\"deprecated\">"), "v2 is marked")
    #expect(body.contains("<th>auc</th>"), "metric columns")
  }

  @Test func theModelPageAsOfATime() {
    let body = page("/models/fraud-detector", "at=2030-01-07")
    #expect(body.contains("production serves fraud-detector@2"))
    #expect(!body.contains("versions/3\""), "v3 did not exist yet")
    _ = page("/models/fraud-detector", "at=2031-01-01", status: 400)
    _ = page("/models/fraud-detector", "at=not-a-time", status: 400)
    _ = page("/models/fraud-detector", "at=2029-01-01", status: 404)
  }

  @Test func theVersionPageIsTheAuditReport() {
    let body = page("/models/fraud-detector/versions/3")
    #expect(body.contains(Digest.sha256(Array("xgb-v3".utf8))))
    #expect(body.contains(Digest.sha256(Array("tx2".utf8))), "data digests")
    #expect(body.contains("abc1232"), "code")
    #expect(body.contains("class=\"node run"), "the lineage graph")
    #expect(body.contains("audit.md") && body.contains("audit.json"))
    let markdown = fixture.page("/models/fraud-detector/versions/3/audit.md")
    #expect(markdown.contentType.hasPrefix("text/markdown"))
    #expect(markdown.body.hasPrefix("# Audit report: fraud-detector@3"))
    let json = fixture.page("/models/fraud-detector/versions/3/audit.json")
    #expect(json.contentType == "application/json")
    #expect((try? JSONValue.parse(json.body)) != nil)
    #expect(page("/models/fraud-detector/versions/2").contains("banner deprecated"))
  }

  @Test func theRunPageDrawsTheLossCurveDownsampled() throws {
    let body = page("/runs/\(run3)")
    #expect(body.contains("<polyline class=\"line\""))
    let points = body.components(separatedBy: "<polyline class=\"line\" points=\"").dropFirst().map {
      $0.prefix { $0 != "\"" }.split(separator: " ").count
    }
    let drawn = points.reduce(0, +)
    #expect(drawn > 700 && drawn <= 2000, "\(drawn) points drawn of 20,000")
    #expect(body.contains("20000 points"))
    #expect(body.contains("class=\"mark nan\""))
    #expect(body.contains("class=\"mark positiveInfinity\""))
    #expect(body.contains("class=\"mark negativeInfinity\""))
    // The spike (9.5 at step 12,345) survives downsampling: the y axis reaches it.
    #expect(body.contains(">9.5<"))
    #expect(body.contains("/runs/\(run3)/metrics.csv?key=loss"))
    let csv = fixture.page("/runs/\(run3)/metrics.csv", "key=loss")
    #expect(csv.contentType.hasPrefix("text/csv"))
    #expect(csv.body.split(separator: "\n").count == 20_001)
    #expect(csv.body.contains(",NaN\n") && csv.body.contains(",Infinity\n"))
  }

  @Test func overlaysKeysAndRuns() {
    let keys = page("/runs/\(run3)", "overlay=loss,auc")
    #expect(keys.contains("loss + auc of run"))
    let runs = page("/runs/\(fixture.runs["xgb-v1"]!)", "overlay=run:\(run3)")
    #expect(runs.contains("run \(Format.shortRunID(run3)) · loss"))
    _ = page("/runs/\(run3)", "overlay=nope", status: 404)
    _ = page("/runs/\(run3)", "x=sideways", status: 400)
    _ = page("/runs/\(run3)", "points=1", status: 400)
  }

  @Test func theDatasetPageShowsItsImpactAndDeprecation() {
    let body = page("/datasets/transactions/2")
    #expect(body.contains("banner deprecated"))
    #expect(body.contains("Impact: what is served from it"))
    #expect(body.contains("fraud-detector@3"), "production serves a model built on it")
    #expect(body.contains(Digest.sha256(Array("tx2".utf8))))
    #expect(body.contains(Format.shortRunID(run3)), "consumers")
  }

  @Test func theLineageExplorerReCentresOnEveryNode() {
    let body = page("/lineage", "ref=model:fraud-detector@3&direction=upstream&depth=5")
    #expect(body.contains("href=\"/lineage?ref=dataset:transactions@2&amp;direction=upstream&amp;depth=5\""))
    #expect(body.contains("/lineage.svg?ref=model"))
    for file in ["svg", "dot", "mmd", "json"] {
      let download = fixture.page("/lineage.\(file)", "ref=model:fraud-detector@3&direction=upstream")
      #expect(download.status == 200 && download.filename != nil, "lineage.\(file)")
    }
    let svg = fixture.page("/lineage.svg", "ref=model:fraud-detector@3")
    #expect(xmlError(svg.body) == nil)
    #expect(svg.body == fixture.page("/lineage.svg", "ref=model:fraud-detector@3").body, "byte for byte")
    _ = page("/lineage", "ref=model:fraud-detector@3&direction=sideways", status: 400)
    _ = page("/lineage", "ref=model:fraud-detector@3&depth=-1", status: 400)
    _ = page("/lineage", "ref=model:nope@1", status: 404)
  }

  @Test func theDiffPageShowsOnlyDifferences() {
    let body = page("/diff", "a=fraud-detector@1&b=fraud-detector@3")
    #expect(body.contains("lr"))
    #expect(body.contains("0.01") && body.contains("0.03"))
    _ = page("/diff", "a=fraud-detector@1", status: 400)
    _ = page("/diff", "a=fraud-detector@1&b=fraud-detector@99", status: 404)
  }

  @Test func theLogFiltersAndPages() {
    let first = page("/log", "by=bob&limit=2")
    #expect(first.contains("model.promote"))
    #expect(first.contains("older"))
    let last = page("/log", "by=bob&limit=2&page=2")
    #expect(last.contains("newer"))
    _ = page("/log", "limit=0", status: 400)
    _ = page("/log", "since=whenever", status: 400)
  }

  @Test func mistakesAreNotFoundOrBadRequestNeverServerErrors() {
    _ = page("/models/nope", status: 404)
    _ = page("/models/fraud-detector/versions/99", status: 404)
    _ = page("/runs/ffffffffffff", status: 404)
    _ = page("/datasets/transactions/9", status: 404)
    _ = page("/no/such/page", status: 404)
    _ = page("/models/fraud-detector", "alias=123", status: 400)
    let bad = page("/runs", "q=metrics.auc+%3E%3E+1", status: 400)
    #expect(bad.contains("filter"))
    _ = page("/runs", "q=" + String(repeating: "a", count: 5000), status: 400)
    _ = page("/runs", "q=1%3B+DROP+TABLE+runs", status: 400)
  }

  @Test func everythingAUserWroteIsEscaped() {
    let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;"
    for (path, query) in [
      ("/models/fraud-detector", ""), ("/models/fraud-detector/versions/2", ""), ("/runs/\(run3)", ""),
      ("/datasets/transactions/2", ""), ("/", ""),
    ] {
      let body = page(path, query)
      #expect(body.contains(escaped), "\(path) shows the probe escaped")
      #expect(!body.contains("<script>"), "\(path) has the probe raw")
    }
    // In SVG too: the timeline's tooltips carry the promotion reasons.
    let svg = page("/models/fraud-detector")
    #expect(
      svg.contains("<title>production → fraud-detector@3") && svg.contains("beats the last &lt;script&gt;"))
  }

  @Test func theStylesheetIsServedAtItsPath() {
    let css = fixture.page(WebUI.stylesheetPath)
    #expect(css.status == 200 && css.contentType.hasPrefix("text/css"))
    #expect(!css.body.contains("http"), "no web font, no external host")
  }
}
