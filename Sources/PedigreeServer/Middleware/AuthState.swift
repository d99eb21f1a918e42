import Foundation
import PedigreeCore

/// The server's authentication mode while it runs. `--auth tokens|none` fixes it; without the
/// flag, a loopback server over a registry with no token starts open (`none`) and turns to
/// `tokens` as soon as a token in force exists (SERVER.md: tokens are the default whenever the
/// registry has one), without a restart. It then stays `tokens` for the rest of its life, even if
/// every token is revoked or expires: a server that once required tokens never opens again by
/// itself (restart it with `--auth none` for that).
///
/// Tokens themselves are read per request, so a token created or revoked while the server runs
/// takes effect on the next request in either case.
final class AuthState: @unchecked Sendable {
  // @unchecked: `latched` is read and written under `lock`.
  private let lock = NSLock()
  private var latched: Bool
  /// Whether the mode may still turn from `none` to `tokens`.
  let adoptsTokens: Bool

  /// - Parameters:
  ///   - mode: the mode decided at start.
  ///   - flag: the `--auth` flag, if given (a given flag is never overridden).
  init(mode: AuthMode, flag: AuthMode?) {
    latched = mode == .tokens
    adoptsTokens = flag == nil && mode == .none
  }

  /// The mode for the next request: reads whether a token is in force only while the server is
  /// still open by default.
  func mode(_ registry: ServerRegistry) async throws -> AuthMode {
    if isLatched { return .tokens }
    guard adoptsTokens, try await registry.read({ try $0.hasTokensInForce() }) else { return .none }
    lock.withLock { latched = true }
    return .tokens
  }

  private var isLatched: Bool { lock.withLock { latched } }
}
