/// Reads of `serve`'s API tokens.
public protocol TokenReading {
  /// Every token ever created, in force or not, by name then creation.
  func tokens() throws(PedigreeError) -> [APIToken]

  /// The token whose secret has this digest (`sha256:<hex>`), in force or not; `nil` for none.
  func token(secretDigest: String) throws(PedigreeError) -> APIToken?

  /// Whether any token is in force now (then `serve` requires tokens by default).
  func hasTokensInForce() throws(PedigreeError) -> Bool
}
