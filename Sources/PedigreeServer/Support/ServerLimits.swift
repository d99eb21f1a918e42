/// The caps of SERVER.md's "Limits and hostile input". Over one: 413, 431, or 400 naming it.
public enum ServerLimits {
  /// A JSON request body.
  public static let jsonBody = 2 << 20
  /// One line of a JSON Lines body.
  public static let jsonLine = 2 << 20
  /// A whole JSON Lines body.
  public static let jsonLinesBody = 1 << 30
  /// An artifact upload.
  public static let artifactBody = 8 << 30
  /// The request header block.
  public static let headerBlock = 16 << 10
  /// The decoder's own limit: beyond it NIO closes the connection with a 400; between
  /// `headerBlock` and it the server answers 431.
  public static let decoderHeaderList = 64 << 10
  /// `limit` of searches, logs and lists.
  public static let searchLimit = 10_000
  /// Lineage `depth`.
  public static let lineageDepth = 64
  /// A filter's length in characters.
  public static let filterLength = 4096
  /// How long a request may run before the server answers 503 (reads) .
  public static let requestTime: Duration = .seconds(60)
  /// How long a connection may stay idle.
  public static let idleSeconds: Int64 = 60
}
