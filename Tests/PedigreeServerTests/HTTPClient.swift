import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A minimal HTTP/1.1 client over a POSIX socket, one connection per request
/// (`Connection: close`), for tests: FoundationNetworking's URLSession crashes under concurrent
/// async use on Linux. Each request blocks a GCD thread, not Swift concurrency's small pool, so 32
/// of them really run at once.
enum HTTPClient {
  struct Reply: Sendable {
    let status: Int
    let headers: [String: String]
    let body: Data
  }

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  static func send(
    host: String, port: Int, method: String, path: String, headers: [(String, String)], body: Data?
  ) async throws -> Reply {
    try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global().async {
        continuation.resume(
          with: Result {
            try sendBlocking(host: host, port: port, method: method, path: path, headers: headers, body: body)
          })
      }
    }
  }

  static func sendBlocking(
    host: String, port: Int, method: String, path: String, headers: [(String, String)], body: Data?
  ) throws -> Reply {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw Failure(description: "socket: errno \(errno)") }
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    inet_pton(AF_INET, host, &address.sin_addr)
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { throw Failure(description: "connect: errno \(errno)") }
    var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    head += "Content-Length: \(body?.count ?? 0)\r\n\r\n"
    try write(socket, Data(head.utf8) + (body ?? Data()))
    var response = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = recv(socket, &buffer, buffer.count, 0)
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      response.append(contentsOf: buffer[..<count])
    }
    return try parse(response)
  }

  private static func write(_ socket: Int32, _ data: Data) throws {
    try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      var offset = 0
      while offset < raw.count {
        let sent = Glibc.send(socket, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
        if sent < 0 && errno == EINTR { continue }
        // The server may answer (413, 431) and close before reading the whole body.
        if sent <= 0 { return }
        offset += sent
      }
    }
  }

  static func parse(_ response: Data) throws -> Reply {
    let bytes = [UInt8](response)
    guard let end = find([13, 10, 13, 10], in: bytes) else {
      throw Failure(description: "no response head in \(bytes.count) bytes")
    }
    let head = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
    let statusParts = head[0].split(separator: " ")
    guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
      throw Failure(description: "bad status line \(head[0])")
    }
    var headers: [String: String] = [:]
    for line in head.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    var body = Array(bytes[(end + 4)...])
    if headers.first(where: { $0.key.lowercased() == "transfer-encoding" })?.value.lowercased() == "chunked" {
      body = dechunk(body)
    }
    return Reply(status: status, headers: headers, body: Data(body))
  }

  private static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var index = 0
    while index < bytes.count {
      guard let lineEnd = find([13, 10], in: bytes, from: index) else { break }
      let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
      guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
      let start = lineEnd + 2
      out.append(contentsOf: bytes[start..<min(start + size, bytes.count)])
      index = start + size + 2
    }
    return out
  }

  private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int = 0) -> Int? {
    guard bytes.count >= needle.count else { return nil }
    var index = start
    while index <= bytes.count - needle.count {
      if bytes[index] == needle[0] && Array(bytes[index..<index + needle.count]) == needle { return index }
      index += 1
    }
    return nil
  }
}
