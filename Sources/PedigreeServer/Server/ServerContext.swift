import Foundation
import Hummingbird
import PedigreeCore

/// Who makes a request: a token's name and role, or, with `--auth none`, the server's `--actor`
/// as an admin.
public struct Principal: Sendable, Equatable {
  /// The actor every write of the request records.
  public let name: String
  public let role: PolicyRole

  public init(name: String, role: PolicyRole) {
    self.name = name
    self.role = role
  }
}

/// The request context of every route: Hummingbird's core storage, the authenticated principal
/// (set by `Authenticate`, before any route runs) and notes the request log reads.
public struct ServerContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  /// The authenticated principal; `nil` only for the routes open to anyone (`/health`).
  public var principal: Principal?
  /// Facts for the request log line, shared with the outer middleware.
  public let notes = RequestNotes()

  public init(source: ApplicationRequestContextSource) {
    self.coreContext = .init(source: source)
  }

  /// Streamed bodies (JSON Lines, artifacts) are read with their own caps; `collect` bodies (JSON
  /// documents) are capped here.
  public var maxUploadSize: Int { ServerLimits.jsonBody }

  /// The principal, required to have at least `role`: 401 without one, 403 when too low; both
  /// name the role needed.
  @discardableResult
  public func require(_ role: PolicyRole) throws -> Principal {
    guard let principal else {
      throw APIError.unauthorized("this request needs a token with role \(role.rawValue) or higher")
    }
    guard principal.role >= role else {
      throw APIError.forbidden(
        "this request needs role \(role.rawValue) or higher; token \(principal.name) is a \(principal.role.rawValue)"
      )
    }
    return principal
  }

  /// The author of a write: the principal (at least `role`) as actor, its role for policies'
  /// `--min-role`, and what the request claimed to be (`X-Pedigree-Actor`, MLflow's `user_id`)
  /// kept as `claimed_actor`.
  public func author(_ role: PolicyRole, claimed: String? = nil) throws -> Author {
    let principal = try require(role)
    return Author(principal.name, role: principal.role, claimedActor: claimed ?? notes.claimedActor)
  }
}

/// Mutable facts about one request, shared by reference between middleware layers (a context is
/// a value, so what an inner layer sets would not reach the log line otherwise).
public final class RequestNotes: @unchecked Sendable {
  // @unchecked: every access holds `lock`.
  private let lock = NSLock()
  private var _tokenName: String?
  private var _claimedActor: String?

  /// The token (or `--auth none` actor) the request authenticated as.
  public var tokenName: String? {
    get { lock.withLock { _tokenName } }
    set { lock.withLock { _tokenName = newValue } }
  }

  /// The identity the request claimed (the `X-Pedigree-Actor` header), for the audit details.
  public var claimedActor: String? {
    get { lock.withLock { _claimedActor } }
    set { lock.withLock { _claimedActor = newValue } }
  }
}
