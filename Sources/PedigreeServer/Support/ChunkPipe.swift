import Foundation
import Hummingbird
import NIOCore

/// Carries text written synchronously on a store thread (a query's sink) to an HTTP response
/// body, in chunks of about 64 KiB, with back-pressure: the writer blocks while `capacity` chunks
/// wait, so a million metric points stream in bounded memory. The first write is delivered at
/// once, so a route knows the query started well before it answers 200.
final class ChunkPipe: @unchecked Sendable {
  // @unchecked: every mutable field is guarded by `condition`.
  private let condition = NSCondition()
  private var chunks: [String] = []
  private var pending = ""
  private var finished = false
  private var failure: (any Error)?
  private var cancelled = false
  private var sentFirst = false
  private let capacity = 8
  private let chunkSize = 1 << 16

  /// Appends text (on the producing thread); blocks while the consumer is behind.
  func write(_ text: String) {
    condition.lock()
    defer { condition.unlock() }
    if cancelled { return }
    pending += text
    guard !sentFirst || pending.utf8.count >= chunkSize else { return }
    sentFirst = true
    while chunks.count >= capacity && !cancelled { condition.wait() }
    chunks.append(pending)
    pending = ""
    condition.broadcast()
  }

  /// Ends the stream, with the error that cut it short, if any.
  func finish(_ error: (any Error)? = nil) {
    condition.lock()
    if !pending.isEmpty { chunks.append(pending) }
    pending = ""
    finished = true
    failure = error
    condition.broadcast()
    condition.unlock()
  }

  /// The next chunk, `nil` at the end; throws the producer's error. Waits off the cooperative
  /// pool's threads.
  func next() async throws -> String? {
    try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global().async {
        self.condition.lock()
        while self.chunks.isEmpty && !self.finished { self.condition.wait() }
        let result: Result<String?, any Error>
        if !self.chunks.isEmpty {
          result = .success(self.chunks.removeFirst())
        } else if let failure = self.failure {
          result = .failure(failure)
        } else {
          result = .success(nil)
        }
        self.condition.broadcast()
        self.condition.unlock()
        continuation.resume(with: result)
      }
    }
  }

  /// The consumer went away: the producer's writes are dropped from now on.
  func cancel() {
    condition.lock()
    cancelled = true
    chunks.removeAll()
    condition.broadcast()
    condition.unlock()
  }

  /// A response streaming the pipe, starting with `first`.
  func response(first: String, contentType: String) -> Response {
    Response(
      status: .ok, headers: [.contentType: contentType],
      body: ResponseBody { writer in
        do {
          try await writer.write(ByteBuffer(string: first))
          while let chunk = try await self.next() { try await writer.write(ByteBuffer(string: chunk)) }
          try await writer.finish(nil)
        } catch {
          self.cancel()
          throw error
        }
      })
  }
}
