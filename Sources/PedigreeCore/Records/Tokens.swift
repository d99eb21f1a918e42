/// An API token of `pedigree serve`: a name (the actor of every request made with it), a role,
/// an optional expiry. The secret itself is never stored, only its SHA-256.
public struct APIToken: Equatable, Sendable, JSONConvertible {
  public let name: String
  public let role: PolicyRole
  /// When it stops being accepted; `nil`: never.
  public let expiresAt: Timestamp?
  public let createdAt: Timestamp
  public let createdBy: String
  /// When and by whom it was revoked; `nil` while in force.
  public let revokedAt: Timestamp?
  public let revokedBy: String?

  public init(
    name: String, role: PolicyRole, expiresAt: Timestamp?, createdAt: Timestamp, createdBy: String,
    revokedAt: Timestamp? = nil, revokedBy: String? = nil
  ) {
    self.name = name
    self.role = role
    self.expiresAt = expiresAt
    self.createdAt = createdAt
    self.createdBy = createdBy
    self.revokedAt = revokedAt
    self.revokedBy = revokedBy
  }

  /// `active`, `expired` or `revoked` at `time`.
  public func state(at time: Timestamp) -> String {
    if revokedAt != nil { return "revoked" }
    if let expiresAt, expiresAt <= time { return "expired" }
    return "active"
  }

  /// Whether a request made at `time` with this token is accepted.
  public func isInForce(at time: Timestamp) -> Bool { state(at: time) == "active" }

  public var json: JSONValue {
    .object([
      "name": .string(name), "role": .string(role.rawValue), "expires_at": .time(expiresAt),
      "created_at": .time(createdAt), "created_by": .string(createdBy), "revoked_at": .time(revokedAt),
      "revoked_by": .optional(revokedBy), "state": .string(state(at: .now())),
    ])
  }
}

/// What `token create` asks for. The caller makes the secret (`TokenSecret.generate()`) and
/// passes only its digest.
public struct TokenInput: Equatable, Sendable {
  public var name: String
  public var role: PolicyRole
  public var expiresAt: Timestamp?
  /// `sha256:<hex>` of the secret.
  public var secretDigest: String

  public init(name: String, role: PolicyRole, expiresAt: Timestamp? = nil, secretDigest: String) {
    self.name = name
    self.role = role
    self.expiresAt = expiresAt
    self.secretDigest = secretDigest
  }
}

/// A created token with its secret, which is shown this once.
public struct CreatedToken: Sendable, JSONConvertible {
  public let token: APIToken
  /// `pdg_…`.
  public let secret: String

  public init(token: APIToken, secret: String) {
    self.token = token
    self.secret = secret
  }

  public var json: JSONValue {
    guard case .object(var object) = token.json else { return token.json }
    object.pairs.append((key: "secret", value: .string(secret)))
    object.pairs.append((key: "changed", value: .bool(true)))
    return .object(object)
  }
}

/// Token secrets: `pdg_` and 43 base62 characters (256 bits from the system's generator).
public enum TokenSecret {
  public static let prefix = "pdg_"

  /// A new random secret.
  public static func generate() -> String {
    let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    var generator = SystemRandomNumberGenerator()
    return prefix + String((0..<43).map { _ in alphabet[Int(generator.next(upperBound: UInt64(62)))] })
  }

  /// The stored form of a secret: `sha256:<hex>` of its UTF-8 bytes.
  public static func digest(_ secret: String) -> String { Digest.sha256(Array(secret.utf8)) }

  /// Whether `text` looks like a secret (so an error never echoes one).
  public static func looksLikeSecret(_ text: String) -> Bool { text.hasPrefix(prefix) }
}

extension PolicyRole: Comparable {
  /// Roles are cumulative: reader < writer < promoter < admin.
  public static func < (lhs: PolicyRole, rhs: PolicyRole) -> Bool {
    let order = PolicyRole.allCases
    return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
  }
}
