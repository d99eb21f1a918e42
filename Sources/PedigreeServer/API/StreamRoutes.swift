import Foundation
import Hummingbird
import NIOCore
import PedigreeArtifacts
import PedigreeCore
import PedigreeQuery

/// Streamed routes: metric histories out, artifacts in and out.
extension RouterGroup<ServerContext> {
  func addArtifactRoutes(_ registry: ServerRegistry) {
    get("runs/:id/metrics") { request, context in
      try context.require(.reader)
      let query = try QueryParameters(request, allowing: ["key", "format"])
      let formatText = try query.string("format") ?? "json"
      guard formatText == "json" || formatText == "csv",
        let format = MetricHistoryFormat(rawValue: formatText)
      else {
        throw PedigreeError.usage("invalid format '\(formatText.prefix(40))'", hint: "use json or csv")
      }
      let keys = query.all("key")
      let id = context.parameters.get("id") ?? ""
      let pipe = ChunkPipe()
      Task {
        do {
          // Streams under back-pressure and idle timeouts, not the request time limit.
          try await registry.store.read { reader in
            let run = try reader.resolve(try Ref.parse(id, defaultKind: .run))
            try reader.queries.writeMetricHistory(of: run, keys: keys, format: format, to: pipe.write)
          }
          pipe.finish()
        } catch {
          pipe.finish(error)
        }
      }
      // The query's errors (an unknown run or key) come before its first line: answer them as
      // JSON errors; once the first line is out, the answer is 200.
      guard let first = try await pipe.next() else { return Response(status: .ok) }
      return pipe.response(
        first: first,
        contentType: format == .csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8")
    }
    put("artifacts") { request, context in
      try context.require(.writer)
      let query = try QueryParameters(request, allowing: ["digest"])
      let expected = try query.string("digest").map { (text) throws(PedigreeError) in
        try Digest.normalized(text)
      }
      let upload = try registry.artifacts.begin()
      do {
        for try await chunk in request.body {
          if upload.size + Int64(chunk.readableBytes) > Int64(ServerLimits.artifactBody) {
            throw APIError.overLimit(
              "the artifact is over the \(ServerLimits.artifactBody >> 30) GiB limit",
              status: .contentTooLarge)
          }
          try upload.append(chunk.readableBytesView)
        }
      } catch {
        upload.abort()
        throw error
      }
      let stored = try upload.commit()
      if let expected, expected != stored.digest {
        throw PedigreeError.invalidInput(
          "the bytes sent hash to \(stored.digest), not the digest \(expected) given")
      }
      return Response.json(
        .object([
          "digest": .string(stored.digest), "size_bytes": .integer(stored.size),
          "changed": .bool(stored.isNew),
        ]), status: stored.isNew ? .created : .ok)
    }
    get("artifacts/:digest") { request, context in
      try context.require(.reader)
      _ = try QueryParameters(request, allowing: [])
      return try Self.download(context.parameters.get("digest") ?? "", registry)
    }
    get("models/:name/versions/:version/artifact") { request, context in
      try context.require(.reader)
      _ = try QueryParameters(request, allowing: [])
      let ref = try Self.versionRef(context.parameters)
      let digest = try await registry.read { reader -> String in
        let node = try reader.resolve(ref)
        guard let digest = try reader.recordedDigest(of: node) else {
          throw PedigreeError.notFound("\(node.name) has no recorded artifact digest")
        }
        return digest
      }
      return try Self.download(digest, registry)
    }
  }

  /// The object `digest` of the artifact store, verified before its first byte is sent.
  static func download(_ digest: String, _ registry: ServerRegistry) throws -> Response {
    guard Digest.isValid(digest) else {
      throw PedigreeError.usage(
        "invalid digest '\(digest.prefix(80))'", hint: "digests are sha256:<64 hex digits>")
    }
    let (handle, size) = try registry.artifacts.openVerified(digest)
    let file = UncheckedHandle(handle: handle)
    return Response(
      status: .ok,
      headers: [
        .contentType: "application/octet-stream", .contentLength: String(size), .eTag: "\"\(digest)\"",
      ],
      body: ResponseBody(contentLength: Int(size)) { writer in
        defer { try? file.handle.close() }
        while let data = try file.handle.read(upToCount: 1 << 20), !data.isEmpty {
          try await writer.write(ByteBuffer(bytes: data))
        }
        try await writer.finish(nil)
      })
  }
}

/// A file handle moved into a response body's writer, which alone uses it.
private struct UncheckedHandle: @unchecked Sendable { let handle: FileStream }
