import Foundation
import PedigreeCore

/// Browser sessions of the web UI: a random id (the `pedigree_session` cookie, HttpOnly,
/// SameSite=Strict) mapped to the digest of the token it logged in with. The token itself never
/// reaches the browser after the login form; every request looks the token up again by its
/// digest, so revoking it ends its sessions at once. Kept in memory: a restart logs everyone out.
final class WebSessions: @unchecked Sendable {
  // @unchecked: every access holds `lock`.
  private let lock = NSLock()
  private var sessions: [String: (digest: String, expires: Timestamp)] = [:]

  /// The one set of sessions of this process (the authentication middleware and the login
  /// routes share it).
  static let shared = WebSessions()

  static let cookieName = "pedigree_session"
  /// How long a session lasts.
  static let lifetime: Int64 = 12 * 3_600_000
  /// A bound on live sessions, so a flood of logins cannot grow memory without end.
  static let maximumSessions = 10_000

  /// A new session for a token's digest; returns its id.
  func create(digest: String, now: Timestamp = .now()) -> String {
    var generator = SystemRandomNumberGenerator()
    let id = (0..<4).map { _ in String(generator.next(), radix: 16).leftPadded(16) }.joined()
    lock.withLock {
      sessions = sessions.filter { $0.value.expires > now }
      if sessions.count >= WebSessions.maximumSessions,
        let oldest = sessions.min(by: { $0.value.expires < $1.value.expires })
      {
        sessions[oldest.key] = nil
      }
      sessions[id] = (digest, Timestamp(milliseconds: now.milliseconds + WebSessions.lifetime))
    }
    return id
  }

  /// The token digest of the session a `Cookie` header names, if it is live.
  func digest(cookieHeader: String?, now: Timestamp = .now()) -> String? {
    guard let id = WebSessions.sessionID(in: cookieHeader) else { return nil }
    return lock.withLock {
      guard let session = sessions[id], session.expires > now else { return nil }
      return session.digest
    }
  }

  /// Ends the session a `Cookie` header names.
  func end(cookieHeader: String?) {
    guard let id = WebSessions.sessionID(in: cookieHeader) else { return }
    _ = lock.withLock { sessions.removeValue(forKey: id) }
  }

  /// The session id in a `Cookie` header (`a=b; pedigree_session=ID`).
  static func sessionID(in header: String?) -> String? {
    guard let header else { return nil }
    for part in header.split(separator: ";") {
      let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      if pair.count == 2, pair[0] == cookieName, pair[1].count == 64,
        pair[1].allSatisfy({ $0.isHexDigit })
      {
        return pair[1]
      }
    }
    return nil
  }

  /// The `Set-Cookie` value that starts a session.
  static func cookie(_ id: String) -> String {
    "\(cookieName)=\(id); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(lifetime / 1000)"
  }

  /// The `Set-Cookie` value that ends one.
  static let expiredCookie = "\(cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
}

extension String {
  func leftPadded(_ width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
