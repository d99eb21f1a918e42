import PedigreeCore

/// Splits one input into OpenLineage events, the way the client's file transport and Marquez
/// write them (OPENLINEAGE.md §7): JSON Lines (`append: true`), one event per file, a
/// pretty-printed event (`debug_mode`), a JSON array of events, or Marquez's
/// `{"events": […]}` export. Streams JSON Lines; a whole-file document is read up to the line
/// reader's limit.
public enum EventStream {
  /// One event of the input: the line it starts on, and its mapped event or why it is refused.
  public typealias Handler = (_ line: Int, _ event: Result<LineageEventInput, OpenLineageError>) throws ->
    Void

  /// Calls `body` with each event of `reader`'s input, in order.
  public static func forEachEvent(in reader: LineReader, _ body: Handler) throws {
    var isFirst = true
    while let line = try reader.next() {
      guard !line.isBlank else { continue }
      let bytes = Array(line.bytes)
      let parsed = parse(bytes)
      if isFirst, parsed == nil {
        isFirst = false
        if try wholeDocument(startingWith: line, reader: reader, body) { return }
        continue
      }
      isFirst = false
      try emit(parsed, bytes: bytes, line: line.number, body)
    }
  }

  /// The events of one JSON document: an event, an array, or `{"events": […]}`.
  public static func forEachEvent(inDocument json: JSONValue, bytes: [UInt8], line: Int, _ body: Handler)
    throws
  {
    var elements: [JSONValue]?
    if case .array(let array) = json { elements = array }
    if case .array(let array)? = json["events"], json["eventTime"] == nil { elements = array }
    guard let elements else { return try body(line, mapped(json, body: bytes)) }
    for (index, element) in elements.enumerated() {
      try body(line, mapped(element, body: Array(element.serialized().utf8)).mapError { $0.at(index: index) })
    }
  }

  private static func emit(_ parsed: JSONValue?, bytes: [UInt8], line: Int, _ body: Handler) throws {
    guard let parsed else {
      try body(line, .failure(syntaxError(bytes)))
      return
    }
    try forEachEvent(inDocument: parsed, bytes: bytes, line: line, body)
  }

  /// Reads the rest of the input as one document starting at `first`. When it does not parse,
  /// reports the first line and goes on line by line (JSON Lines whose first line is bad).
  private static func wholeDocument(startingWith first: LineReader.Line, reader: LineReader, _ body: Handler)
    throws -> Bool
  {
    var lines: [(number: Int, bytes: [UInt8])] = [(first.number, Array(first.bytes))]
    var size = first.bytes.count
    while size <= reader.maximumLineLength, let line = try reader.next() {
      lines.append((line.number, Array(line.bytes)))
      size += line.bytes.count + 1
    }
    if size <= reader.maximumLineLength {
      var whole: [UInt8] = []
      whole.reserveCapacity(size)
      for (index, line) in lines.enumerated() {
        if index > 0 { whole.append(0x0A) }
        whole += line.bytes
      }
      if let json = parse(whole) {
        try forEachEvent(inDocument: json, bytes: whole, line: first.number, body)
        return true
      }
    }
    for line in lines where !line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
      try emit(parse(line.bytes), bytes: line.bytes, line: line.number, body)
    }
    while let line = try reader.next() {
      guard !line.isBlank else { continue }
      let bytes = Array(line.bytes)
      try emit(parse(bytes), bytes: bytes, line: line.number, body)
    }
    return true
  }

  private static func parse(_ bytes: [UInt8]) -> JSONValue? {
    try? bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try JSONValue.parse(buffer) }
  }

  private static func syntaxError(_ bytes: [UInt8]) -> OpenLineageError {
    do {
      _ = try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try JSONValue.parse(buffer) }
      return OpenLineageError(.syntax, "not JSON")
    } catch {
      return OpenLineageError(.syntax, "not JSON: \(error)")
    }
  }

  private static func mapped(_ json: JSONValue, body: [UInt8]) -> Result<LineageEventInput, OpenLineageError>
  {
    Result { () throws(OpenLineageError) in try OpenLineageEvent.map(json, body: body) }
  }
}
