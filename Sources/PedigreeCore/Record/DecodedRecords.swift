import Foundation

/// A run record read and decoded ahead of the writer: its 1-based line number, and the document
/// with its content digest (`RecordContent.digest`), or why the line is not a run record.
public struct DecodedRecord: Sendable {
  public let line: Int
  public let document: Result<RunDocument, PedigreeError>
  /// `RecordContent.digest(document)`, computed with the decoding; `nil` for a failed line.
  public let digest: String?
}

/// The run records of a JSON Lines stream, read, decoded and digested on a thread of their own
/// while the caller writes the previous ones: a bulk `run record` keeps two cores busy, one
/// parsing JSON and hashing, the other in SQLite.
///
/// The queue between them holds at most `depth` decoded records, so memory stays bounded by
/// `depth` records (plus the reader's buffer) whatever the stream's length; the reading thread
/// waits while the queue is full. Blank lines are skipped. As in `LineReader`, when the first
/// line is not a document the whole input may be one pretty-printed document.
///
/// Dropping the value stops the reading thread (it finishes the record it is decoding).
public final class DecodedRecords {
  private let queue: Queue

  /// Starts reading `lines` on a new thread.
  public init(_ lines: LineReader, depth: Int = 128) {
    queue = Queue(depth: max(1, depth))
    let producer = Producer(lines: lines, queue: queue)
    let thread = Thread { producer.run() }
    thread.stackSize = 8 << 20
    thread.start()
  }

  deinit { queue.cancel() }

  /// The next record, or `nil` at the end of the input. Throws the reader's error (an unreadable
  /// input, a line longer than allowed) once every record before it has been returned.
  public func next() throws(PedigreeError) -> DecodedRecord? {
    switch queue.take() {
    case .record(let record): return record
    case .failed(let error): throw error
    case .end: return nil
    }
  }

  fileprivate enum Item: Sendable {
    case record(DecodedRecord)
    case failed(PedigreeError)
    case end
  }

  /// The bounded queue between the reading thread and the writer.
  fileprivate final class Queue: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Item] = []
    private var head = 0
    private var cancelled = false
    private let depth: Int

    init(depth: Int) { self.depth = depth }

    /// Adds an item, waiting while the queue is full; `false` once the consumer is gone.
    func put(_ item: Item) -> Bool {
      condition.lock()
      defer { condition.unlock() }
      while items.count - head >= depth && !cancelled { condition.wait() }
      guard !cancelled else { return false }
      items.append(item)
      condition.broadcast()
      return true
    }

    func take() -> Item {
      condition.lock()
      defer { condition.unlock() }
      while head == items.count { condition.wait() }
      let item = items[head]
      head += 1
      if head == items.count {
        items.removeAll(keepingCapacity: true)
        head = 0
      }
      condition.broadcast()
      return item
    }

    func cancel() {
      condition.lock()
      cancelled = true
      condition.broadcast()
      condition.unlock()
    }
  }

  /// The reading thread's side: owns the reader from `init` on.
  private final class Producer: @unchecked Sendable {
    let lines: LineReader
    let queue: Queue

    init(lines: LineReader, queue: Queue) {
      self.lines = lines
      self.queue = queue
    }

    func run() {
      do {
        var isFirst = true
        while let line = try lines.next() {
          guard !line.isBlank else { continue }
          var document = Result { () throws(PedigreeError) in try line.document() }
          if isFirst, case .failure = document, let whole = try lines.wholeDocument(startingWith: line) {
            document = whole
          }
          isFirst = false
          let digest = try? RecordContent.digest(document.get())
          guard queue.put(.record(DecodedRecord(line: line.number, document: document, digest: digest)))
          else { return }
        }
        _ = queue.put(.end)
      } catch {
        _ = queue.put(.failed(error))
      }
    }
  }
}
