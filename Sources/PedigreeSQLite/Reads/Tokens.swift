import PedigreeCore

enum TokenSQL {
  /// Every token with its revocation, if any. Append a condition (`WHERE …`) and an ORDER BY.
  static let all = """
    SELECT t.name, t.role, t.expires_at, t.created_at, t.created_by, r.at, r.actor, t.id
    FROM tokens t LEFT JOIN token_revocations r ON r.token_id = t.id
    """
}

extension APIToken {
  /// Reads `TokenSQL.all`'s first seven columns.
  init(row: Row) {
    self.init(
      name: row.string(0), role: PolicyRole(rawValue: row.string(1)) ?? .reader,
      expiresAt: row.optionalInt64(2).map(Timestamp.init(milliseconds:)),
      createdAt: Timestamp(milliseconds: row.int64(3)), createdBy: row.string(4),
      revokedAt: row.optionalInt64(5).map(Timestamp.init(milliseconds:)), revokedBy: row.optionalString(6))
  }
}

extension SQLiteRegistry {
  public func tokens() throws(PedigreeError) -> [APIToken] {
    try mapErrors { try database.query(TokenSQL.all + " ORDER BY t.name, t.id", [], APIToken.init(row:)) }
  }

  public func token(secretDigest: String) throws(PedigreeError) -> APIToken? {
    try mapErrors {
      try database.queryFirst(
        TokenSQL.all + " WHERE t.secret_sha256 = ?", [.text(secretDigest)], APIToken.init(row:))
    }
  }

  public func hasTokensInForce() throws(PedigreeError) -> Bool {
    try mapErrors {
      try database.scalarInt(
        "SELECT 1 FROM tokens WHERE revoked = 0 AND (expires_at IS NULL OR expires_at > ?) LIMIT 1",
        [.integer(Timestamp.now().milliseconds)]) != nil
    }
  }

  /// The id and token in force called `name`, if any.
  func tokenInForce(named name: String) throws -> (id: Int64, token: APIToken)? {
    try database.queryFirst(TokenSQL.all + " WHERE t.name = ? AND t.revoked = 0", [.text(name)]) {
      ($0.int64(7), APIToken(row: $0))
    }
  }
}
