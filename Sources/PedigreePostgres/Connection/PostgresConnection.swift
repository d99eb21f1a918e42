import CLibPQ
import PedigreeCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One connection to a PostgreSQL database through libpq, used from one thread at a time (like
/// the SQLite backend's `Database`). Statements are synchronous; parameters travel separately
/// from the SQL (`$1`, `$2`, …), so a value can never become SQL. Results come as text, parsed
/// exactly by `PostgresRow`'s accessors.
///
/// ```swift
/// let connection = try PostgresConnection(url: PostgresURL("postgresql://ana@db/registry"))
/// let rows = try connection.execute("SELECT id, name FROM models WHERE name = $1", ["fraud"])
/// ```
public final class PostgresConnection {
  /// The database, as given (messages show it redacted).
  public let url: PostgresURL
  private let handle: OpaquePointer
  /// `server_version_num`, e.g. 150018 for 15.18.
  public let serverVersion: Int
  /// Whether a `transaction` is open (a nested one joins it).
  public internal(set) var isInTransaction = false

  /// How long connecting may take before it fails (libpq's `connect_timeout`), unless the URL or
  /// `$PGCONNECT_TIMEOUT` says otherwise.
  public static let defaultConnectTimeoutSeconds = 5

  /// Connects, or fails with `.io` in one line, the password never shown: libpq missing, server
  /// unreachable, authentication failed, no such database.
  public init(
    url: PostgresURL, connectTimeoutSeconds: Int = defaultConnectTimeoutSeconds
  ) throws(PedigreeError) {
    guard pedigree_pq_load() == 1 else {
      throw .libpqMissing(pedigree_pq_load_error().map { String(cString: $0) } ?? "")
    }
    let parameters = url.connectionParameters(
      connectTimeout: connectTimeoutSeconds,
      environment: { getenv($0).map { String(cString: $0) } })
    let connection = PostgresConnection.connect(parameters)
    guard let connection else { throw .cannotConnect(url, "out of memory") }
    guard pedigree_pq_status(connection) == Int32(PEDIGREE_CONNECTION_OK) else {
      let message = String(cString: pedigree_pq_error_message(connection))
      pedigree_pq_finish(connection)
      throw .cannotConnect(url, message)
    }
    pedigree_pq_silence_notices(connection)
    self.url = url
    self.handle = connection
    self.serverVersion = Int(pedigree_pq_server_version(connection))
    // Doubles print exactly: PostgreSQL 12+ prints the shortest exact form whenever
    // extra_float_digits > 0, older servers 17 significant digits with 3. Blobs print as hex.
    try execute("SET extra_float_digits = 3; SET bytea_output = 'hex'")
  }

  deinit { pedigree_pq_finish(handle) }

  private static func connect(_ parameters: [(String, String)]) -> OpaquePointer? {
    let keywords = parameters.map { strdup($0.0) } + [nil]
    let values = parameters.map { strdup($0.1) } + [nil]
    defer { (keywords + values).forEach { free($0) } }
    return keywords.map { UnsafePointer($0) }.withUnsafeBufferPointer { keywordPointers in
      values.map { UnsafePointer($0) }.withUnsafeBufferPointer { valuePointers in
        pedigree_pq_connectdb_params(keywordPointers.baseAddress, valuePointers.baseAddress, 1)
      }
    }
  }

  /// Runs one statement with `parameters` bound to `$1`, `$2`, … and returns its rows (none for
  /// a statement that returns none).
  @discardableResult
  public func execute(_ sql: String, _ parameters: [PostgresValue]) throws(PedigreeError)
    -> PostgresRows
  {
    do {
      return try perform(sql, parameters)
    } catch {
      throw PedigreeError(error, url: url)
    }
  }

  /// Runs SQL without parameters: one statement, or several separated by semicolons (a
  /// migration script), in one round trip. Returns the last statement's rows.
  @discardableResult
  public func execute(_ sql: String) throws(PedigreeError) -> PostgresRows {
    do {
      return try perform(sql)
    } catch {
      throw PedigreeError(error, url: url)
    }
  }

  /// `execute(_:_:)` with PostgreSQL's own error, for a caller that classifies failures itself
  /// (the registry's engine-neutral connection).
  public func perform(_ sql: String, _ parameters: [PostgresValue]) throws(PostgresError) -> PostgresRows {
    let wire = parameters.map(\.wire)
    let types = wire.map(\.type)
    let formats = wire.map(\.format)
    let lengths = wire.map { Int32($0.bytes?.count ?? 0) }
    // Each value as a C buffer (NUL-terminated for the text ones libpq reads as strings).
    let buffers: [UnsafeMutablePointer<CChar>?] = wire.map { value in
      guard let bytes = value.bytes else { return nil }
      let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
      bytes.withUnsafeBufferPointer { source in
        source.withMemoryRebound(to: CChar.self) {
          if let base = $0.baseAddress { buffer.initialize(from: base, count: bytes.count) }
        }
      }
      buffer[bytes.count] = 0
      return buffer
    }
    defer { buffers.forEach { $0?.deallocate() } }
    let result = buffers.map { UnsafePointer($0) }.withUnsafeBufferPointer { values in
      pedigree_pq_exec_params(
        handle, sql, Int32(parameters.count), types, values.baseAddress, lengths, formats, 0)
    }
    return try rows(of: result)
  }

  /// `execute(_:)` with PostgreSQL's own error.
  public func perform(_ sql: String) throws(PostgresError) -> PostgresRows {
    try rows(of: pedigree_pq_exec(handle, sql))
  }

  private func rows(of result: OpaquePointer?) throws(PostgresError) -> PostgresRows {
    guard let result else { throw PostgresError(sqlstate: "", message: lastMessage) }
    let status = pedigree_pq_result_status(result)
    guard
      status == Int32(PEDIGREE_PGRES_COMMAND_OK) || status == Int32(PEDIGREE_PGRES_TUPLES_OK)
        || status == Int32(PEDIGREE_PGRES_EMPTY_QUERY)
    else {
      let field = { (code: Int32) in pedigree_pq_result_error_field(result, code).map { String(cString: $0) }
      }
      let message =
        field(Int32(PEDIGREE_PG_DIAG_MESSAGE_PRIMARY))
        ?? String(cString: pedigree_pq_result_error_message(result))
      let error = PostgresError(sqlstate: field(Int32(PEDIGREE_PG_DIAG_SQLSTATE)) ?? "", message: message)
      pedigree_pq_clear(result)
      throw error
    }
    return PostgresRows(result: result)
  }

  private var lastMessage: String { String(cString: pedigree_pq_error_message(handle)) }
}
