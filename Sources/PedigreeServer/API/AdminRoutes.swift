import Hummingbird
import PedigreeCore
import PedigreeQuery

/// Admin routes: promotion policies and tokens over the API.
extension RouterGroup<ServerContext> {
  func addAdminWrites(_ registry: ServerRegistry) {
    write(
      .put, "policies", role: .admin,
      allowing: ["pattern", "alias", "require", "require_reason", "require_prior_alias", "min_role"], registry
    ) { body, _ in
      let pattern = try body.requiredString("pattern")
      try PolicyInput.validatePattern(pattern)
      let alias = try body.requiredString("alias")
      try Names.validateAlias(alias)
      let prior = try body.string("require_prior_alias")
      if let prior { try Names.validateAlias(prior) }
      let input = PolicyInput(
        pattern: pattern, alias: alias,
        require: try body.string("require").map { (text) throws(PedigreeError) in
          try ModelVersionFilter.parse(text)
        },
        requireReason: try body.bool("require_reason") ?? false, requirePriorAlias: prior,
        minRole: try body.string("min_role").map(Self.role))
      return { writer in try writer.setPolicy(input).json }
    }
    write(.delete, "policies", role: .admin, allowing: ["pattern", "alias"], registry) { body, _ in
      let pattern = try body.requiredString("pattern")
      let alias = try body.requiredString("alias")
      return { writer in WriteDocuments.policyUnset(try writer.unsetPolicy(pattern: pattern, alias: alias)) }
    }
    get("tokens") { request, context in
      try context.require(.admin)
      _ = try QueryParameters(request, allowing: [])
      return Response.json(try await registry.read { try $0.tokens().json })
    }
    write(.post, "tokens", role: .admin, allowing: ["name", "role", "expires"], status: .created, registry) {
      body, _ in
      let name = try body.requiredString("name")
      try Names.validate(name, as: "token")
      let role = try Self.role(try body.requiredString("role"))
      let span = try body.string("expires").map { (text) throws(PedigreeError) in try TimeSpan.parse(text) }
      let secret = TokenSecret.generate()
      return { writer in
        let expiresAt = span.map { Timestamp(milliseconds: writer.author.clock().milliseconds + $0) }
        let token = try writer.createToken(
          TokenInput(name: name, role: role, expiresAt: expiresAt, secretDigest: TokenSecret.digest(secret)))
        return CreatedToken(token: token, secret: secret).json
      }
    }
    write(.delete, "tokens/:name", role: .admin, allowing: [], registry) { _, path in
      let name = try path.name("name", as: "token")
      return { writer in WriteDocuments.tokenRevoked(try writer.revokeToken(name: name)) }
    }
  }

  static func role(_ text: String) throws(PedigreeError) -> PolicyRole {
    guard let role = PolicyRole(rawValue: text) else {
      throw PedigreeError.usage(
        "invalid role '\(text.prefix(40))'", hint: "use reader, writer, promoter or admin")
    }
    return role
  }
}
