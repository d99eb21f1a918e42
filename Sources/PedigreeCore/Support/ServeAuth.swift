/// How `pedigree serve` knows who calls it (SERVER.md, "Authentication and roles").
public enum AuthMode: String, Sendable, CaseIterable {
  /// Every request but `/health` needs a token in force.
  case tokens
  /// Every request acts as the server's `--actor`, an admin (loopback only).
  case none

  /// The mode to serve with: the flag, else tokens when the registry has one or the address is
  /// not loopback, else none. `none` off loopback, or tokens off loopback with no token in force,
  /// refuse to start (usage, 64) and say how to create a token.
  public static func decide(flag: AuthMode?, host: String, hasTokens: Bool) throws(PedigreeError) -> AuthMode
  {
    let loopback = isLoopback(host)
    let mode = flag ?? (hasTokens || !loopback ? .tokens : .none)
    if mode == .none && !loopback {
      throw PedigreeError.usage(
        "--auth none is allowed only on a loopback address, not \(host.prefix(100))",
        hint: "create a token with `pedigree token create NAME --role ROLE` and serve with --auth tokens")
    }
    if mode == .tokens && !hasTokens && !loopback {
      throw PedigreeError.usage(
        "serving \(host.prefix(100)) needs tokens, and the registry has none in force",
        hint: "create one with `pedigree token create NAME --role admin`")
    }
    return mode
  }

  /// Whether `host` is a loopback address.
  public static func isLoopback(_ host: String) -> Bool {
    host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
  }
}
