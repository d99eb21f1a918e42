import Foundation
import Hummingbird

/// One line per request on stderr: method, path (without the query, which may carry values),
/// status, duration and the token's name, never a secret. Outermost, so it logs the status the
/// client got, errors included.
struct RequestLog: RouterMiddleware {
  typealias Context = ServerContext

  func handle(
    _ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response
  ) async throws -> Response {
    let start = ContinuousClock.now
    do {
      let response = try await next(request, context)
      log(request, status: response.status.code, since: start, notes: context.notes)
      return response
    } catch {
      let status = (error as? any HTTPResponseError)?.status.code ?? 500
      log(request, status: status, since: start, notes: context.notes)
      throw error
    }
  }

  private func log(_ request: Request, status: Int, since start: ContinuousClock.Instant, notes: RequestNotes)
  {
    let elapsed = ContinuousClock.now - start
    let milliseconds =
      Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    let path = String(request.uri.path.prefix(200)).replacingOccurrences(of: "\n", with: "%0A")
    let line =
      "\(request.method) \(path) \(status) \(String(format: "%.1f", milliseconds))ms "
      + "token=\(notes.tokenName ?? "-")\n"
    FileHandle.standardError.write(Data(line.utf8))
  }
}
