#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file or a stream line by line in fixed-size chunks, so a JSON Lines import of any
/// length holds only one chunk and the current line in memory.
///
/// One buffer, grown while reads fill it (see `fill`), is read into directly and its unread rest
/// moved to its front before each read: a fresh megabyte per read was a `mmap`, its page faults
/// and a copy, 3% of a bulk `run record`'s decoding thread.
public final class LineReader {
  private let handle: FileStream
  private let closesHandle: Bool
  /// The bytes read: `start..<end` are not returned yet; the rest is room to read into.
  private var buffer: [UInt8] = []
  private var start = 0
  private var end = 0
  /// Whether the last read filled all the room it had (the input has more, most likely).
  private var lastReadFilled = false
  private var atEnd = false
  private var lineNumber = 0
  /// Lines longer than this are refused (64 MiB), so a file without newlines cannot exhaust memory.
  public let maximumLineLength: Int

  /// One line: its 1-based number and its bytes without the newline.
  public struct Line {
    public let number: Int
    public let bytes: ArraySlice<UInt8>

    /// Whether the line holds only white space.
    public var isBlank: Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }

    /// Parses the line as a run document. Errors are `.invalidInput`.
    public func document() throws(PedigreeError) -> RunDocument {
      let result = bytes.withUnsafeBufferPointer { buffer in
        Result { () throws(PedigreeError) in try RecordDecoder.decode(buffer) }
      }
      return try result.get()
    }
  }

  /// Reads from an open handle (standard input, a pipe, a file).
  public init(handle: FileStream, maximumLineLength: Int = 64 << 20) {
    self.handle = handle
    self.closesHandle = false
    self.maximumLineLength = maximumLineLength
  }

  /// Opens the file at `path`.
  public init(path: String, maximumLineLength: Int = 64 << 20) throws(PedigreeError) {
    guard let handle = FileStream(forReadingAtPath: path) else {
      throw PedigreeError(
        .io, FileStream.kind(atPath: path) == .missing ? "no such file: \(path)" : "cannot read \(path)")
    }
    self.handle = handle
    self.closesHandle = true
    self.maximumLineLength = maximumLineLength
  }

  deinit { if closesHandle { try? handle.close() } }

  /// The next line, or `nil` at the end of the input.
  public func next() throws(PedigreeError) -> Line? {
    var searchFrom = start
    while true {
      if let newline = newline(from: searchFrom) {
        let line = buffer[start..<newline]
        start = newline + 1
        lineNumber += 1
        return Line(number: lineNumber, bytes: line)
      }
      if atEnd {
        guard start < end else { return nil }
        let line = buffer[start..<end]
        start = end
        lineNumber += 1
        return Line(number: lineNumber, bytes: line)
      }
      if end - start > maximumLineLength {
        throw PedigreeError.invalidInput("line \(lineNumber + 1) is longer than \(maximumLineLength) bytes")
      }
      searchFrom = end - start
      compact()
      try fill()
    }
  }

  /// The offset of the first newline in `from..<end` (`memchr`: a byte at a time was 3% of a
  /// bulk `run record`'s decoding thread).
  private func newline(from offset: Int) -> Int? {
    guard offset < end else { return nil }
    return buffer.withUnsafeBufferPointer { bytes in
      memchr(bytes.baseAddress! + offset, 0x0A, end - offset).map {
        UnsafeRawPointer($0) - UnsafeRawPointer(bytes.baseAddress!)
      }
    }
  }

  /// When the first line of the input is not a whole JSON document, the input may be one
  /// pretty-printed document: reads the rest and returns it (consuming the input) when the whole
  /// parses as one. Returns `nil` when it does not, or when the rest is longer than a line may be,
  /// leaving the following lines to be read one by one: JSON Lines whose first line is bad.
  public func wholeDocument(startingWith first: Line) throws(PedigreeError)
    -> Result<RunDocument, PedigreeError>?
  {
    guard first.number == 1 else { return nil }
    while !atEnd {
      if end - start > maximumLineLength { return nil }
      try fill()
    }
    let text = Array(first.bytes) + [0x0A] + buffer[start..<end]
    guard
      let json = try? text.withUnsafeBufferPointer({ buffer throws(JSONSyntaxError) in
        try JSONValue.parse(buffer)
      })
    else { return nil }
    start = end
    return Result { () throws(PedigreeError) in try RunDocument(json: json) }
  }

  /// Moves the unread bytes to the buffer's front.
  private func compact() {
    guard start > 0 else { return }
    let unread = end - start
    if unread > 0 {
      buffer.withUnsafeMutableBytes { bytes in
        _ = memmove(bytes.baseAddress!, bytes.baseAddress! + start, unread)
      }
    }
    start = 0
    end = unread
  }

  /// Reads after the unread bytes what one read gives (lines from a pipe are handed on as they
  /// arrive). The buffer starts at 64 KiB (a one-line request body needs no more) and doubles
  /// while reads fill it, up to 2 MiB, and beyond that only for a line longer than it.
  private func fill() throws(PedigreeError) {
    if buffer.isEmpty {
      buffer = [UInt8](repeating: 0, count: 64 << 10)
    } else if end == buffer.count || (lastReadFilled && buffer.count < 2 << 20) {
      buffer += [UInt8](repeating: 0, count: buffer.count)
    }
    let room = buffer.count - end
    var outcome: Result<Int, PedigreeError> = .success(0)
    buffer.withUnsafeMutableBytes { bytes in
      outcome = Result { () throws(PedigreeError) in
        try handle.readSome(into: UnsafeMutableRawBufferPointer(rebasing: bytes[end..<end + room]))
      }
    }
    switch outcome {
    case .success(let got):
      if got == 0 { atEnd = true }
      lastReadFilled = got == room
      end += got
    case .failure(let error):
      throw PedigreeError(.io, "cannot read input: \(error.message)")
    }
  }
}
