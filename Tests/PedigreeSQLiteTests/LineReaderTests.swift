import Dispatch
import PedigreeTestSupport
import Testing

@testable import PedigreeCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `LineReader` reads into one buffer it grows only for a long line, and hands on what one read
/// gives: every line comes back byte for byte wherever the reads split it, and lines from a pipe
/// come as they arrive, not when the pipe closes.
@Suite struct LineReaderTests {
  @Test func everyLineComesBackWhateverItsLengthAndWhereverReadsSplitIt() throws {
    let directory = TemporaryDirectory("pedigree-lines")
    let path = directory.file("lines.txt")
    var generator = SystemRandomNumberGenerator()
    var lines: [String] = ["", "short", ""]
    for _ in 0..<60 {
      let length = [0, 1, 100, 40_000, 1 << 20, (1 << 20) + 1, 3 << 20].randomElement(using: &generator)!
      lines.append(String(repeating: "abcdefghij", count: length / 10 + 1).prefix(length).description)
    }
    lines.append("last, without a newline")
    let file = try #require(FileStream(creatingAtPath: path))
    try file.write(contentsOf: lines.joined(separator: "\n").utf8)
    try file.close()
    let reader = try LineReader(path: path)
    var read: [String] = []
    while let line = try reader.next() {
      #expect(line.number == read.count + 1)
      read.append(String(decoding: line.bytes, as: UTF8.self))
    }
    #expect(read == lines)
    #expect(try reader.next() == nil)
  }

  @Test func linesFromAPipeArriveBeforeItCloses() throws {
    let directory = TemporaryDirectory("pedigree-lines")
    let path = directory.file("fifo")
    #expect(mkfifo(path, 0o600) == 0)
    let closeWriter = DispatchSemaphore(value: 0)
    let writerClosed = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      let descriptor = open(path, O_WRONLY)
      _ = "first\nsecond\n".utf8CString.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count - 1) }
      // Keeps the pipe open until the reader has both lines (or, were they held back, for 5 s).
      _ = closeWriter.wait(timeout: .now() + 5)
      close(descriptor)
      writerClosed.signal()
    }
    let reader = try LineReader(path: path)
    let first = try reader.next()
    let second = try reader.next()
    let heldBack = writerClosed.wait(timeout: .now()) == .success
    closeWriter.signal()
    #expect(!heldBack, "the lines waited for the pipe to close")
    #expect(first.map { String(decoding: $0.bytes, as: UTF8.self) } == "first")
    #expect(second.map { String(decoding: $0.bytes, as: UTF8.self) } == "second")
    #expect(try reader.next() == nil)
  }
}
