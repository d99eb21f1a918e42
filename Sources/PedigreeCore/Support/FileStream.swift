#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An open file descriptor with the few operations Pedigree needs (the subset of Foundation's
/// `FileHandle` it used), so the CLI reads and writes files without loading Foundation. Errors
/// are `.io` with the system's reason.
public final class FileStream: @unchecked Sendable {
  /// The descriptor; -1 once closed.
  private var descriptor: Int32
  private let closesOnDeinit: Bool

  private init(descriptor: Int32, owned: Bool) {
    self.descriptor = descriptor
    self.closesOnDeinit = owned
  }

  deinit { if closesOnDeinit, descriptor >= 0 { _ = systemClose(descriptor) } }

  /// Standard input, output and error (never closed by this type).
  public static let standardInput = FileStream(descriptor: 0, owned: false)
  public static let standardOutput = FileStream(descriptor: 1, owned: false)
  public static let standardError = FileStream(descriptor: 2, owned: false)

  /// Opens an existing file for reading, or `nil` when it cannot be opened.
  public convenience init?(forReadingAtPath path: String) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    self.init(descriptor: descriptor, owned: true)
  }

  /// Creates (or truncates) the file at `path` for writing, or `nil` when it cannot.
  public convenience init?(creatingAtPath path: String) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return nil }
    self.init(descriptor: descriptor, owned: true)
  }

  /// Up to `count` bytes; `nil` at the end of the file. The bytes are read straight into the
  /// array's storage, not into a zeroed one first (zeroing a megabyte per read was 1.4% of a
  /// bulk `run record`'s decoding thread).
  public func read(upToCount count: Int) throws(PedigreeError) -> [UInt8]? {
    var outcome: Result<Int, PedigreeError> = .success(0)
    let bytes = [UInt8](unsafeUninitializedCapacity: max(0, count)) { buffer, initialized in
      outcome = Result { () throws(PedigreeError) in try read(into: UnsafeMutableRawBufferPointer(buffer)) }
      initialized = (try? outcome.get()) ?? 0
    }
    _ = try outcome.get()
    return bytes.isEmpty ? nil : bytes
  }

  /// Fills `buffer` from the file, or as much of it as the file has left; returns the number
  /// of bytes read (0 at the end of the file).
  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(PedigreeError) -> Int {
    var filled = 0
    while filled < buffer.count {
      let got = try readSome(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
      if got == 0 { break }
      filled += got
    }
    return filled
  }

  /// Reads what one `read` gives into `buffer` (from a pipe, what has arrived, at least one
  /// byte unless at the end); returns the number of bytes read (0 at the end of the file).
  public func readSome(into buffer: UnsafeMutableRawBufferPointer) throws(PedigreeError) -> Int {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    while true {
      let got = systemRead(descriptor, base, buffer.count)
      if got >= 0 { return got }
      if errno != EINTR { throw FileStream.failure("cannot read") }
    }
  }

  /// Writes all of `bytes`.
  public func write(contentsOf bytes: some Sequence<UInt8>) throws(PedigreeError) {
    let array = Array(bytes)
    var written = 0
    while written < array.count {
      let put = array.withUnsafeBytes { buffer in
        systemWrite(descriptor, buffer.baseAddress! + written, array.count - written)
      }
      if put < 0 {
        if errno == EINTR { continue }
        throw FileStream.failure("cannot write")
      }
      written += put
    }
  }

  /// Writes `text`, ignoring failures (for messages on standard output and error).
  public func write(_ text: String) {
    try? write(contentsOf: text.utf8)
  }

  /// Flushes the file's data to the disk (fsync).
  public func synchronize() throws(PedigreeError) {
    guard fsync(descriptor) == 0 else { throw FileStream.failure("cannot sync") }
  }

  /// Closes the descriptor (once; later calls do nothing).
  public func close() throws(PedigreeError) {
    guard descriptor >= 0 else { return }
    let result = systemClose(descriptor)
    descriptor = -1
    guard result == 0 else { throw FileStream.failure("cannot close") }
  }

  /// Whether the descriptor is a terminal.
  public var isTerminal: Bool { isatty(descriptor) != 0 }

  /// What is at a path: nothing, a directory, or something else (a file, a device, a pipe).
  public enum Kind: Sendable { case missing, directory, other }

  /// What is at `path` (following symbolic links).
  public static func kind(atPath path: String) -> Kind {
    var status = stat()
    guard stat(path, &status) == 0 else { return .missing }
    return (status.st_mode & S_IFMT) == S_IFDIR ? .directory : .other
  }

  /// The reason of the last system call's failure (`strerror(errno)`).
  public static var systemReason: String { String(cString: strerror(errno)) }

  private static func failure(_ what: String) -> PedigreeError {
    PedigreeError(.io, "\(what) a file: \(systemReason)")
  }
}

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}

private func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
