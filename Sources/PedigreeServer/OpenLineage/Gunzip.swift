import CZlib

/// Inflates a gzip (or zlib) request body, refusing to grow it past `limit` bytes, so a small
/// compressed body cannot expand into an unbounded one.
enum Gunzip {
  enum Failure: Error {
    /// The body is not valid gzip.
    case corrupt(String)
    /// The inflated body would exceed the limit.
    case tooLarge
  }

  static func inflate(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
    var stream = z_stream()
    // 15 window bits + 32: detect gzip or zlib headers.
    guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw .corrupt("cannot start inflating")
    }
    defer { inflateEnd(&stream) }
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 << 10)
    var input = input
    let result: Result<Void, Failure> = input.withUnsafeMutableBufferPointer { source in
      stream.next_in = source.baseAddress
      stream.avail_in = UInt32(source.count)
      while true {
        let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
          stream.next_out = buffer.baseAddress
          stream.avail_out = UInt32(buffer.count)
          return CZlib.inflate(&stream, Z_NO_FLUSH)
        }
        let produced = chunk.count - Int(stream.avail_out)
        if output.count + produced > limit { return .failure(.tooLarge) }
        output += chunk[0..<produced]
        switch status {
        case Z_STREAM_END: return .success(())
        case Z_OK:
          if stream.avail_in == 0 && produced == 0 { return .failure(.corrupt("the gzip body is truncated")) }
        case Z_BUF_ERROR:
          if stream.avail_in == 0 { return .failure(.corrupt("the gzip body is truncated")) }
        default:
          let message = stream.msg.map { String(cString: $0) } ?? "code \(status)"
          return .failure(.corrupt("the body is not valid gzip: \(message)"))
        }
      }
    }
    try result.get()
    return output
  }
}
