import PedigreeCore

/// A `postgresql://` (or `postgres://`) URL as given by the user, and what Pedigree adds to it
/// before handing it to libpq as the connection string.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
  /// The URL exactly as given; passed to libpq, never printed.
  public let text: String

  /// Whether `text` names a PostgreSQL database rather than an SQLite file.
  public static func isPostgres(_ text: String) -> Bool {
    text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
  }

  /// `text` must start with `postgresql://` or `postgres://`.
  public init(_ text: String) throws(PedigreeError) {
    guard PostgresURL.isPostgres(text) else {
      throw PedigreeError(.usage, "not a PostgreSQL URL (postgresql://user@host:port/db): \(text)")
    }
    self.text = text
  }

  /// The URL with any password replaced by `***`: in the user-info part
  /// (`postgresql://ana:***@host/db`) and in a `password=` query parameter. Every message shows
  /// this form.
  public var redacted: String {
    var result = text
    if let scheme = result.firstRange(of: "://") {
      let rest = result[scheme.upperBound...]
      let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
      if let at = rest[..<authorityEnd].lastIndex(of: "@"),
        let colon = rest[..<at].firstIndex(of: ":")
      {
        result.replaceSubrange(result.index(after: colon)..<at, with: "***")
      }
    }
    if let query = result.firstIndex(of: "?") {
      let parameters = result[result.index(after: query)...].split(
        separator: "&", omittingEmptySubsequences: false)
      let cleaned = parameters.map { parameter -> String in
        parameter.lowercased().hasPrefix("password=") ? "password=***" : String(parameter)
      }
      result = result[...query] + cleaned.joined(separator: "&")
    }
    return result
  }

  public var description: String { redacted }

  /// The keyword/value pairs for `PQconnectdbParams` (with `expand_dbname`). libpq takes the
  /// last value of a repeated keyword, so the defaults come first (the URL's own
  /// `connect_timeout` or `application_name` wins), then the URL, then what Pedigree needs
  /// whatever the URL says. A default is left out when its `PG*` variable is set, so
  /// `PGCONNECT_TIMEOUT` and `PGAPPNAME` keep working.
  func connectionParameters(
    connectTimeout: Int, environment: (String) -> String?
  ) -> [(String, String)] {
    var parameters: [(String, String)] = []
    if environment("PGAPPNAME") == nil { parameters.append(("application_name", "pedigree")) }
    if environment("PGCONNECT_TIMEOUT") == nil {
      parameters.append(("connect_timeout", String(connectTimeout)))
    }
    parameters.append(("dbname", text))
    parameters.append(("client_encoding", "UTF8"))
    return parameters
  }
}
