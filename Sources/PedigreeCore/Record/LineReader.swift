/// Reads a file or a stream line by line in fixed-size chunks, so a JSON Lines import of any
/// length holds only one chunk and the current line in memory.
public final class LineReader {
  private let handle: FileStream
  private let closesHandle: Bool
  private var buffer: [UInt8] = []
  private var start = 0
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
      if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
        let line = buffer[start..<newline]
        start = newline + 1
        lineNumber += 1
        return Line(number: lineNumber, bytes: line)
      }
      if atEnd {
        guard start < buffer.count else { return nil }
        let line = buffer[start...]
        start = buffer.count
        lineNumber += 1
        return Line(number: lineNumber, bytes: line)
      }
      if buffer.count - start > maximumLineLength {
        throw PedigreeError.invalidInput("line \(lineNumber + 1) is longer than \(maximumLineLength) bytes")
      }
      searchFrom = buffer.count - start
      compact()
      try fill()
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
      if buffer.count - start > maximumLineLength { return nil }
      try fill()
    }
    let text = Array(first.bytes) + [0x0A] + buffer[start...]
    guard
      let json = try? text.withUnsafeBufferPointer({ buffer throws(JSONSyntaxError) in
        try JSONValue.parse(buffer)
      })
    else { return nil }
    start = buffer.count
    return Result { () throws(PedigreeError) in try RunDocument(json: json) }
  }

  private func compact() {
    if start > 0 {
      buffer.removeSubrange(0..<start)
      start = 0
    }
  }

  private func fill() throws(PedigreeError) {
    do {
      guard let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty else {
        atEnd = true
        return
      }
      buffer.append(contentsOf: chunk)
    } catch {
      throw PedigreeError(.io, "cannot read input: \(error.message)")
    }
  }
}
