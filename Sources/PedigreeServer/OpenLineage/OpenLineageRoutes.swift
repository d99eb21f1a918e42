import Foundation
import HTTPTypes
import Hummingbird
import PedigreeCore
import PedigreeOpenLineage

/// OpenLineage's endpoint, where Marquez takes it (OPENLINEAGE.md §6), so an unchanged
/// OpenLineage client (`transport: http, url: http://host:PORT`) sends to Pedigree:
///
/// - `POST /api/v1/lineage`: one RunEvent, JobEvent or DatasetEvent → 201 with an empty body,
///   after the commit; a byte-identical replay is 201 too, writing nothing.
/// - `POST /api/v1/lineage/batch`: a JSON array, each event on its own → 200 with a summary
///   (`success` or `partial_success` with the failed events' indexes and reasons).
///
/// A body that is not JSON is 400 and one that breaks the spec 422, naming the JSON path — never
/// 5xx, which the client would retry. Over 64 MiB (after inflating gzip) 413; a
/// `Content-Encoding` other than gzip or identity 415; the writer busy past its timeout 503.
/// Writes need the writer role (401/403 from the authentication in front).
extension Router<ServerContext> {
  func addOpenLineageRoutes(_ registry: ServerRegistry) {
    let lineage = group("api/v1/lineage").add(middleware: OpenLineageErrors())
    lineage.post { request, context in
      let author = try context.author(.writer)
      let event = try OpenLineageEvent.parse(try await OpenLineageBody.read(request))
      _ = try await registry.write(as: author) { writer in try writer.ingestOpenLineage(event) }
      return Response(status: .created)
    }
    lineage.post("batch") { request, context in
      let author = try context.author(.writer)
      let body = try await OpenLineageBody.read(request)
      let json: JSONValue
      do {
        json = try body.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
          try JSONValue.parse(buffer)
        }
      } catch {
        throw OpenLineageError(.syntax, "body is not JSON: \(error)")
      }
      guard case .array(let elements) = json else {
        throw OpenLineageError(.syntax, "a batch is a JSON array of events, not \(json.typeName)")
      }
      var failures: [JSONValue] = []
      for (index, element) in elements.enumerated() {
        do {
          let event = try OpenLineageEvent.map(element, body: Array(element.serialized().utf8))
          _ = try await registry.write(as: author) { writer in try writer.ingestOpenLineage(event) }
        } catch let error as OpenLineageError {
          failures.append(BatchSummary.failure(index: index, reason: error.message, retriable: false))
        } catch let error as PedigreeError where error.kind == .busy {
          failures.append(BatchSummary.failure(index: index, reason: error.message, retriable: true))
        }
      }
      return Response.json(BatchSummary.document(received: elements.count, failures: failures))
    }
  }
}

/// The batch endpoint's answer (OpenLineage 2-0-2 API spec, `POST /lineage/batch`).
enum BatchSummary {
  static func failure(index: Int, reason: String, retriable: Bool) -> JSONValue {
    .object(["index": .int(index), "reason": .string(reason), "retriable": .bool(retriable)])
  }

  static func document(received: Int, failures: [JSONValue]) -> JSONValue {
    let retriable = failures.filter { $0["retriable"] == .bool(true) }.count
    var summary: JSONObject = [
      "received": .int(received), "successful": .int(received - failures.count),
      "failed": .int(failures.count),
    ]
    guard !failures.isEmpty else {
      return .object(["status": .string("success"), "summary": .object(summary)])
    }
    summary["retriable"] = .int(retriable)
    summary["non_retriable"] = .int(failures.count - retriable)
    return .object([
      "status": .string("partial_success"), "summary": .object(summary), "failed_events": .array(failures),
    ])
  }
}

/// Reading an event's body: `Content-Encoding` gzip or identity, at most 64 MiB inflated.
enum OpenLineageBody {
  /// The cap on one request's body after decompression (OPENLINEAGE.md §6 suggests 64 MiB).
  static let limit = 64 << 20

  static func read(_ request: Request) async throws -> [UInt8] {
    let encoding = request.headers[.contentEncoding]?.lowercased().trimmingCharacters(in: .whitespaces)
    guard encoding == nil || encoding == "identity" || encoding == "gzip" || encoding == "x-gzip" else {
      throw OpenLineageStatus(
        .unsupportedMediaType, "Content-Encoding \(encoding ?? "") is not supported: send gzip or none")
    }
    let buffer: ByteBuffer
    do {
      buffer = try await request.body.collect(upTo: limit)
    } catch let error as HTTPError where error.status == .contentTooLarge {
      throw OpenLineageStatus(.contentTooLarge, "the event is over the \(limit >> 20) MiB limit")
    }
    let bytes = Array(buffer.readableBytesView)
    guard encoding == "gzip" || encoding == "x-gzip" else { return bytes }
    do throws(Gunzip.Failure) {
      return try Gunzip.inflate(bytes, limit: limit)
    } catch .tooLarge {
      throw OpenLineageStatus(
        .contentTooLarge, "the event is over the \(limit >> 20) MiB limit once inflated")
    } catch .corrupt(let message) {
      throw OpenLineageError(.syntax, message)
    }
  }
}

/// A refusal with a status of its own (413, 415).
struct OpenLineageStatus: Error {
  let status: HTTPResponse.Status
  let message: String

  init(_ status: HTTPResponse.Status, _ message: String) {
    self.status = status
    self.message = message
  }
}

/// Answers errors in Marquez's shape, `{"code": N, "message": "…"}` (422s also list `errors`, as
/// Dropwizard's validation does), with the statuses the OpenLineage client expects.
struct OpenLineageErrors: RouterMiddleware {
  typealias Context = ServerContext

  func handle(
    _ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response
  ) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let error as OpenLineageError {
      var document: JSONObject = ["code": .int(error.status), "message": .string(error.message)]
      if error.kind == .invalid { document["errors"] = .strings([error.message]) }
      return Response.json(.object(document), status: HTTPResponse.Status(code: error.status))
    } catch let error as OpenLineageStatus {
      return Response.json(
        .object(["code": .int(error.status.code), "message": .string(error.message)]), status: error.status)
    } catch {
      let apiError = APIError.from(error)
      guard apiError.status.code != 404 && apiError.status.code != 405 else { throw error }
      var response = Response.json(
        .object(["code": .int(apiError.status.code), "message": .string(apiError.message)]),
        status: apiError.status)
      for field in apiError.headers { response.headers.append(field) }
      if apiError.status == .serviceUnavailable { response.headers[.retryAfter] = "1" }
      return response
    }
  }
}
