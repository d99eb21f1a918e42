import Foundation
import HTTPTypes
import Hummingbird
import PedigreeCore
import PedigreeQuery

/// `GET /api/v1/log?since=&until=&by=&entity=&action=&limit=&order=&before=&after=`: the audit
/// log, the document of `pedigree log --json`. Paging is by a stable cursor on the entry number,
/// never an offset: newest first, the next page is `before=<the last entry's id>` (oldest first,
/// `after=`), so entries appended meanwhile neither shift a page nor repeat. When a page is full
/// the answer names the next one in a `Link: <…>; rel="next"` header (RFC 8288), keeping the
/// document itself the CLI's.
extension RouterGroup<ServerContext> {
  func addLogRead(_ registry: ServerRegistry) {
    let allowed: Set<String> = [
      "since", "until", "by", "entity", "action", "limit", "order", "before", "after",
    ]
    get("log") { request, context in
      try context.require(.reader)
      let query = try QueryParameters(request, allowing: allowed)
      let filter = try Self.logFilter(query)
      let entries = try await registry.read { reader in try reader.queries.auditLog(filter) }
      var response = Response.json(entries.json)
      if let limit = filter.limit, entries.count == limit, let last = entries.last {
        let cursor = filter.order == .newestFirst ? "before" : "after"
        response.headers[.link] = "<\(Self.pageURI(request, cursor: cursor, id: last.id))>; rel=\"next\""
      }
      return response
    }
  }

  static func logFilter(_ query: QueryParameters) throws(PedigreeError) -> AuditLogFilter {
    var filter = AuditLogFilter()
    filter.since = try query.time("since")
    filter.until = try query.time("until", endOfDay: true)
    filter.actor = try query.string("by")
    filter.entity = try query.string("entity")
    filter.action = try query.string("action")
    filter.limit = try query.integer("limit", in: 1...ServerLimits.searchLimit) ?? 100
    filter.before = try query.integer("before", in: 1...Int.max).map(Int64.init)
    filter.after = try query.integer("after", in: 0...Int.max).map(Int64.init)
    switch try query.string("order") ?? "newest" {
    case "newest": filter.order = .newestFirst
    case "oldest": filter.order = .oldestFirst
    case let other:
      throw PedigreeError.usage("invalid order '\(other.prefix(40))'", hint: "use newest or oldest")
    }
    return filter
  }

  /// The request's own path and query with `cursor` set to `id` (any earlier cursor replaced).
  static func pageURI(_ request: Request, cursor: String, id: Int64) -> String {
    let kept = request.uri.formFields.filter { $0.name != cursor }.map {
      "\($0.name.percentEncodedQueryValue)=\($0.value.percentEncodedQueryValue)"
    }
    return request.uri.path + "?" + (kept + ["\(cursor)=\(id)"]).joined(separator: "&")
  }
}

extension String {
  /// The string percent-encoded for a query value (letters, digits and `-._~` stay).
  fileprivate var percentEncodedQueryValue: String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return addingPercentEncoding(withAllowedCharacters: allowed) ?? self
  }
}

extension HTTPField.Name {
  /// RFC 8288's `Link`, naming the next page of a paged answer.
  static let link = HTTPField.Name("Link")!
}
