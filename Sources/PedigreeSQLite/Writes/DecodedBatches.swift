import Dispatch
import PedigreeCore

/// One line of a JSON Lines stream, decoded ahead of the writer: its number, and its document,
/// validated, with the document's record digest and its metrics made ready for a new run (or
/// why it is not a valid document).
struct DecodedLine {
  let number: Int
  let document: Result<(RunDocument, digest: String, metrics: PreparedMetrics), PedigreeError>
}

/// Reads and decodes the lines of a JSON Lines stream on a second thread, in batches, while the
/// caller writes the batches before: reading, parsing, validating and hashing a record, and
/// making its metrics ready to store, are half of a bulk `run record`'s work, and they need no
/// database.
///
/// At most `depth` decoded batches wait for the writer, so memory stays bounded by a few batches
/// and the longest line. The reader is used only by the decoding thread until `next()` has
/// returned the last batch or `finish()` has returned.
final class DecodedBatches: @unchecked Sendable {
  // @unchecked: `lines` is touched only by the decoding thread (see above), `ended` only by the
  // writer's, `queue` and `cancelled` only under `lock`; the semaphores are thread-safe.

  /// What the decoding thread hands over: a batch, then the end (with the reader's error, if
  /// reading failed).
  enum Item {
    case batch([DecodedLine])
    case end(PedigreeError?)
  }

  private let lines: LineReader
  private let batchSize: Int
  private let metricKeys: MetricKeyDirectory
  private let lock = DispatchSemaphore(value: 1)
  private let freeSlots: DispatchSemaphore
  private let readyItems = DispatchSemaphore(value: 0)
  private var queue: [Item] = []
  /// Batches the writer is done with, which the decoding thread frees (`recycle`).
  private var spent: [[DecodedLine]] = []
  private var cancelled = false
  private var ended = false

  /// Starts decoding `lines` at once; `metricKeys` are the key ids the metrics are prepared
  /// with (see `PreparedMetrics`), which the writer keeps up to date.
  init(_ lines: LineReader, batchSize: Int, metricKeys: MetricKeyDirectory, depth: Int = 2) {
    self.lines = lines
    self.batchSize = max(1, batchSize)
    self.metricKeys = metricKeys
    self.freeSlots = DispatchSemaphore(value: max(1, depth))
    DispatchQueue.global().async { self.decodeAll() }
  }

  /// The next decoded batch, or the end: `nil`, or the reader's error after the last batch.
  func next() throws(PedigreeError) -> [DecodedLine]? {
    guard !ended else { return nil }
    switch take() {
    case .batch(let batch): return batch
    case .end(let error):
      ended = true
      if let error { throw error }
      return nil
    }
  }

  /// Stops decoding and waits for the decoding thread to let go of the reader. Call when the
  /// writer stops before the end (an error); harmless after the end.
  func finish() {
    lock.wait()
    cancelled = true
    lock.signal()
    while !ended {
      if case .end = take() { ended = true }
    }
  }

  /// Hands a written batch back, so that the decoding thread frees it: freeing a batch's
  /// documents (their points, params and strings) was 5% of the writer's instructions, and the
  /// writer is a bulk `run record`'s busier thread. Pass the last reference (`consume`).
  func recycle(_ batch: consuming [DecodedLine]) {
    lock.wait()
    spent.append(batch)
    lock.signal()
  }

  private func take() -> Item {
    readyItems.wait()
    lock.wait()
    let item = queue.removeFirst()
    lock.signal()
    freeSlots.signal()
    return item
  }

  private func put(_ item: Item) {
    freeSlots.wait()
    lock.wait()
    queue.append(item)
    let written = spent
    spent.removeAll()
    lock.signal()
    readyItems.signal()
    _ = consume written  // freed here, on the decoding thread
  }

  private var isCancelled: Bool {
    lock.wait()
    defer { lock.signal() }
    return cancelled
  }

  /// The decoding thread: every line into batches, then the end. A line that is not a record
  /// is its batch's failure, not the stream's; the first line may start one pretty-printed
  /// document (see `LineReader.wholeDocument`).
  private func decodeAll() {
    var batch: [DecodedLine] = []
    var failure: PedigreeError?
    // The first batch is small and each next one twice the last, up to `batchSize`: the writer
    // starts at once, and while it writes a batch the next one (twice as many records, each
    // quicker to decode than to write) is ready when it is done. Straight from 8 to 64, the
    // writer waited for the second batch about as long as it took to write 40 records.
    var size = min(batchSize, 8)
    do {
      var isFirst = true
      while !isCancelled, let line = try lines.next() {
        guard !line.isBlank else { continue }
        var document = Result { () throws(PedigreeError) in try line.document() }
        if isFirst, case .failure = document, let whole = try lines.wholeDocument(startingWith: line) {
          document = whole
        }
        isFirst = false
        batch.append(
          DecodedLine(
            number: line.number,
            document: document.flatMap { document in
              Result { () throws(PedigreeError) in
                try SQLiteWriter.validate(document)
                return (
                  document, digest: RecordContent.digest(document),
                  metrics: PreparedMetrics(document, metricKeys: metricKeys)
                )
              }
            }))
        if batch.count >= size {
          put(.batch(batch))
          batch.removeAll(keepingCapacity: true)
          size = min(batchSize, size * 2)
        }
      }
    } catch {
      failure = error
    }
    if !batch.isEmpty { put(.batch(batch)) }
    put(.end(failure))
  }
}
