import PedigreeCore

extension SQLiteWriter {
  /// Creates an API token: one `tokens` row (the secret's digest, never the secret) and one audit
  /// entry carrying every fact stored. A name in force is refused.
  public func createToken(_ input: TokenInput) throws(PedigreeError) -> APIToken {
    try Names.validate(input.name, as: "token")
    guard Digest.isValid(input.secretDigest) else {
      throw PedigreeError.usage("invalid token secret digest '\(input.secretDigest.prefix(80))'")
    }
    return try write {
      if try registry.tokenInForce(named: input.name) != nil {
        throw PedigreeError.refused(
          "a token named \(input.name) is in force", hint: "revoke it first, or choose another name")
      }
      let token = APIToken(
        name: input.name, role: input.role, expiresAt: input.expiresAt, createdAt: clock(), createdBy: actor)
      try database.run(
        """
        INSERT INTO tokens(name, role, secret_sha256, expires_at, created_by, created_at)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
        [
          .text(token.name), .text(token.role.rawValue), .text(input.secretDigest),
          SQLValue(token.expiresAt?.milliseconds), .text(actor), .integer(token.createdAt.milliseconds),
        ])
      try appendAudit(
        action: .tokenCreate, entity: "token:\(token.name)",
        details: [
          "name": .string(token.name), "role": .string(token.role.rawValue),
          "secret_sha256": .string(input.secretDigest),
          "expires_at": .optional(token.expiresAt?.milliseconds),
          "created_at": .integer(token.createdAt.milliseconds),
        ])
      return token
    }
  }

  /// Revokes the token in force called `name`: one `token_revocations` row, the token marked
  /// revoked, one audit entry. `.notFound` when no token of that name is in force.
  public func revokeToken(name: String) throws(PedigreeError) -> APIToken {
    try Names.validate(name, as: "token")
    return try write {
      guard let (id, token) = try registry.tokenInForce(named: name) else {
        throw PedigreeError.notFound(
          "no token named \(name) is in force", hint: "`pedigree token list` shows the tokens")
      }
      let at = clock()
      try database.run(
        "INSERT INTO token_revocations(token_id, actor, at) VALUES (?, ?, ?)",
        [.integer(id), .text(actor), .integer(at.milliseconds)])
      try database.run("UPDATE tokens SET revoked = 1 WHERE id = ?", [.integer(id)])
      try appendAudit(
        action: .tokenRevoke, entity: "token:\(name)",
        details: ["name": .string(name), "revoked_at": .integer(at.milliseconds)])
      return APIToken(
        name: token.name, role: token.role, expiresAt: token.expiresAt, createdAt: token.createdAt,
        createdBy: token.createdBy, revokedAt: at, revokedBy: actor)
    }
  }
}
