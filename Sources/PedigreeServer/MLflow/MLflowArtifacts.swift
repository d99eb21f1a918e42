import Foundation
import Hummingbird
import PedigreeArtifacts
import PedigreeCore

extension MLflowAPI {
  /// The artifact proxy: uploads streamed into the content-addressed store (hashed while
  /// streaming, fsynced, renamed) and recorded at their path; downloads verified before the
  /// first byte; directory listings.
  func addArtifactRoutes() {
    group.put("artifacts/**") { request, context in
      try context.require(.writer)
      let path = try MLflowAPI.artifactPath(context)
      _ = try MLflowPath.owner(of: path)
      let stored = try await MLflowAPI.store(request.body, in: registry.artifacts)
      _ = try await write(context) { writer in
        try writer.recordFile(path: path, digest: stored.digest, sizeBytes: stored.size)
      }
      return Response.json(MLflowAPI.empty)
    }
    group.get("artifacts/**") { _, context in
      try context.require(.reader)
      let path = try MLflowAPI.artifactPath(context)
      try MLflowPath.validate(path)
      guard let file = try await read({ try $0.mlflowFile(path: path) }) else {
        throw MLflowError.notFound("artifact \(path.prefix(200)) not found")
      }
      let (handle, size) = try registry.artifacts.openVerified(file.digest)
      let reading = SendableHandle(handle: handle)
      return Response(
        status: .ok, headers: [.contentType: "application/octet-stream"],
        body: ResponseBody(contentLength: Int(size)) { writer in
          defer { try? reading.handle.close() }
          while let chunk = try reading.handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            try await writer.write(ByteBuffer(bytes: chunk))
          }
          try await writer.finish(nil)
        })
    }
    on(.get, "artifacts", .reader) { message, _ in
      let path = (try message.string("path") ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
      if path.isEmpty { return MLflowAPI.empty }
      try MLflowPath.validate(path)
      let files = try await read { reader -> [MLflowFile]? in
        if try reader.mlflowFile(path: path) != nil { return nil }
        return try reader.mlflowFiles(under: path)
      }
      guard let files, !files.isEmpty else { return MLflowAPI.empty }
      return .object(["files": .array(MLflowAPI.listing(files, under: path))])
    }
  }

  /// The path after `artifacts/`, percent-decoded.
  static func artifactPath(_ context: ServerContext) throws -> String {
    let segments = try context.parameters.getCatchAll().map { segment in
      guard let decoded = String(segment).removingPercentEncoding else {
        throw MLflowError.invalid("invalid percent-encoding in the artifact path")
      }
      return decoded
    }
    return segments.joined(separator: "/")
  }

  /// Streams a body into the store, at most `ServerLimits.artifactBody` bytes.
  static func store(_ body: RequestBody, in store: ArtifactStore) async throws -> StoredArtifact {
    let upload = try store.begin()
    do {
      for try await buffer in body {
        guard upload.size + Int64(buffer.readableBytes) <= ServerLimits.artifactBody else {
          throw MLflowError(
            "INVALID_PARAMETER_VALUE", "the upload is over the \(ServerLimits.artifactBody >> 30) GiB limit",
            status: .contentTooLarge)
        }
        try upload.append(buffer.readableBytesView)
      }
      return try upload.commit()
    } catch {
      upload.abort()
      throw error
    }
  }

  /// The immediate children of `path`: files with their sizes, directories once each.
  static func listing(_ files: [MLflowFile], under path: String) -> [JSONValue] {
    var entries: [JSONValue] = []
    var directories: Set<String> = []
    for file in files {
      let relative = file.path.dropFirst(path.count + 1)
      if let slash = relative.firstIndex(of: "/") {
        let name = String(relative[..<slash])
        if directories.insert(name).inserted {
          entries.append(.object(["path": .string(name), "is_dir": .bool(true)]))
        }
      } else {
        entries.append(
          .object([
            "path": .string(String(relative)), "is_dir": .bool(false), "file_size": .integer(file.sizeBytes),
          ]))
      }
    }
    return entries
  }
}

/// A file handle read by one response body at a time.
struct SendableHandle: @unchecked Sendable {
  let handle: FileStream
}
