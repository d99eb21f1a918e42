import Foundation
import PedigreeCore
import PedigreeTestSupport
import Testing

/// `GET /api/v1/log` pages by a stable cursor (`before=ID`, the next page named in `Link`), so
/// entries appended between two pages neither shift nor repeat one; `action=` filters as
/// `pedigree log --action` does; `POST /api/v1/models/{name}/unalias` removes an alias.
@Suite struct LogPagingTests {
  static func ids(_ answer: TestServer.Answer) throws -> [Int64] {
    guard case .array(let entries) = try answer.json() else { return [] }
    return entries.compactMap { if case .integer(let id)? = $0["id"] { return id } else { return nil } }
  }

  /// The `before=`/`after=` target of a `Link: <…>; rel="next"` header.
  static func next(_ answer: TestServer.Answer) -> String? {
    guard let link = answer.header("Link"), let open = link.firstIndex(of: "<"),
      let close = link.firstIndex(of: ">")
    else { return nil }
    return String(link[link.index(after: open)..<close])
  }

  @Test func pagesNeitherSkipNorRepeatWhileEntriesAreAppended() async throws {
    let server = try await TestServer.start()
    try server.pedigreeOK(["demo", "--db", server.database])
    let all = try Self.ids(try await server.get("/api/v1/log?limit=1000"))
    #expect(all.count > 12)
    var seen: [Int64] = []
    var page = try await server.get("/api/v1/log?limit=5&order=newest")
    var pages = 0
    while true {
      #expect(page.status == 200, "\(page.text)")
      seen += try Self.ids(page)
      pages += 1
      // Someone writes between two pages: an offset would now repeat an entry.
      try server.pedigreeOK(["dataset", "register", "extra\(pages)", "--uri", "s3://x/\(pages)"])
      guard let next = Self.next(page) else { break }
      #expect(next.contains("before=") && next.contains("limit=5"), "\(next)")
      page = try await server.get(next)
    }
    #expect(seen == all, "every entry once, newest first, none of those appended meanwhile")

    let oldest = try await server.get("/api/v1/log?limit=3&order=oldest&after=2")
    #expect(try Self.ids(oldest) == [3, 4, 5])
    #expect(Self.next(oldest)?.contains("after=5") == true, "\(oldest.headers)")

    let promotions = try await server.get("/api/v1/log?action=model.promote&limit=1000")
    guard case .array(let promoted) = try promotions.json() else { return }
    #expect(!promoted.isEmpty && promoted.allSatisfy { $0["action"] == .string("model.promote") })
    let typo = try await server.get("/api/v1/log?action=model.promot")
    #expect(typo.status == 400 && typo.errorCode == "usage", "\(typo.text)")
    #expect(try await server.get("/api/v1/log?before=0").status == 400)
  }

  @Test func unaliasOverTheAPI() async throws {
    let server = try await TestServer.start()
    try server.pedigreeOK(["demo", "--db", server.database])
    let refused = try await server.post("/api/v1/models/fraud-detector/unalias", #"{"alias": "production"}"#)
    #expect(
      refused.status == 400 && refused.errorCode == "usage", "demo's policy wants a reason: \(refused.text)")
    let removed = try await server.post(
      "/api/v1/models/fraud-detector/unalias", #"{"alias": "production", "reason": "incident"}"#)
    #expect(removed.status == 200, "\(removed.text)")
    #expect(try removed.json()["to_version"] == .null && removed.json()["changed"] == .bool(true))
    let gone = try await server.get("/api/v1/models/fraud-detector/aliases/production")
    #expect(gone.status == 404 && gone.errorCode == "not_found", "\(gone.text)")
    let unknown = try await server.post("/api/v1/models/fraud-detector/unalias", #"{"alias": "champion"}"#)
    #expect(unknown.status == 404)
    let history = try await server.get("/api/v1/models/fraud-detector/history?alias=production")
    #expect(history.text.contains("\"remove\""), "\(history.text.prefix(2000))")
    let page = try await server.get("/models/fraud-detector")
    #expect(page.status == 200 && page.text.contains("remove"), "the web UI's timeline shows the removal")
  }
}
