import Hummingbird
import PedigreeCore
import PedigreeQuery

/// `POST /api/v1/runs/record`: run records as one JSON document (`application/json`, capped at
/// 2 MiB) or JSON Lines (`application/x-ndjson`, streamed: each line capped at 2 MiB, the body at
/// 1 GiB), recorded as `pedigree run record` records them: one record all or nothing; with many
/// lines the good ones are written and each failure is named by its line.
extension RouterGroup<ServerContext> {
  func addRecordRoutes(_ registry: ServerRegistry) {
    post("runs/record") { request, context in
      let author = try context.author(.writer)
      _ = try QueryParameters(request, allowing: [])
      let contentType = request.headers[.contentType]?.lowercased() ?? "application/json"
      let isLines =
        contentType.hasPrefix("application/x-ndjson") || contentType.hasPrefix("application/jsonl")
      guard isLines || contentType.hasPrefix("application/json") else {
        throw PedigreeError.usage(
          "unsupported Content-Type '\(contentType.prefix(60))'",
          hint: "send application/json or application/x-ndjson")
      }
      let body = try await SpooledBody.spool(
        request.body, limit: isLines ? ServerLimits.jsonLinesBody : ServerLimits.jsonBody,
        what: isLines ? "JSON Lines body" : "JSON body")
      let path = body.path
      let (summary, report) = try await registry.write(as: author) { writer in
        let lines = try LineReader(path: path, maximumLineLength: ServerLimits.jsonLine)
        var report = RecordReport()
        let summary = try writer.recordLines(lines, batchSize: 64) { report.add($0, $1) }
        return (summary, report)
      }
      withExtendedLifetime(body) {}
      let total = summary.written + summary.unchanged + summary.failed
      if total == 0 { throw PedigreeError.invalidInput("the body holds no run records") }
      if total == 1, let failure = report.firstFailure { throw failure }
      return Response.json(report.document(summary), status: summary.failed > 0 ? .badRequest : .ok)
    }
  }
}
