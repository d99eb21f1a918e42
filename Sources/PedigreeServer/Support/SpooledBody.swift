import Foundation
import Hummingbird
import PedigreeCore

/// A request body streamed into a temporary file, with a cap on its size, so a large JSON Lines
/// body never sits in memory and the writer is held only while it records, not while the bytes
/// arrive. The file is removed with the value.
final class SpooledBody {
  let path: String
  let size: Int

  private init(path: String, size: Int) {
    self.path = path
    self.size = size
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Streams `body` into a new temporary file; over `limit` bytes is 413 naming the limit.
  static func spool(_ body: RequestBody, limit: Int, what: String) async throws -> SpooledBody {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pedigree-body-\(UUID().uuidString)"
    )
    .path
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else { throw PedigreeError(.io, "cannot create a temporary file for the request body") }
    defer { try? handle.close() }
    var size = 0
    do {
      for try await chunk in body {
        size += chunk.readableBytes
        if size > limit {
          throw APIError.overLimit(
            "the \(what) is over the \(limit >> 20) MiB limit", status: .contentTooLarge)
        }
        try handle.write(contentsOf: chunk.readableBytesView)
      }
    } catch {
      try? FileManager.default.removeItem(atPath: path)
      throw error
    }
    return SpooledBody(path: path, size: size)
  }
}
