import PedigreeCore

extension SQLiteWriter {
  /// Sets the policy of a pattern and alias: one `promotion_policies` row and one audit entry.
  /// Setting the policy it already has changes nothing (`changed == false`).
  public func setPolicy(_ input: PolicyInput) throws(PedigreeError) -> Outcome<PromotionPolicy> {
    try PolicyInput.validatePattern(input.pattern)
    try Names.validateAlias(input.alias)
    if let prior = input.requirePriorAlias { try Names.validateAlias(prior) }
    let expression = input.require?.expression
    let requireText = expression.map { _ in input.require?.description ?? "" }
    return try write {
      let wanted = PromotionPolicy(
        pattern: input.pattern, alias: input.alias, require: requireText, requireReason: input.requireReason,
        requirePriorAlias: input.requirePriorAlias, minRole: input.minRole, createdAt: clock(),
        createdBy: actor)
      if let current = try registry.policy(pattern: input.pattern, alias: input.alias),
        current.conditions == wanted.conditions
      {
        return Outcome(value: current, changed: false)
      }
      try insertPolicyRow(wanted, action: "set", ast: expression?.storedJSON.serialized())
      try appendAudit(action: .policySet, entity: "policy:\(wanted.name)", details: wanted.auditDetails)
      return Outcome(value: wanted, changed: true)
    }
  }

  /// Removes the policy of a pattern and alias with an `unset` row and one audit entry.
  public func unsetPolicy(pattern: String, alias: String) throws(PedigreeError) -> PromotionPolicy {
    try PolicyInput.validatePattern(pattern)
    try Names.validateAlias(alias)
    return try write {
      guard let current = try registry.policy(pattern: pattern, alias: alias) else {
        throw PedigreeError.notFound(
          "no policy on \(alias) for '\(pattern)'", hint: "`pedigree policy list` shows the policies")
      }
      let removed = PromotionPolicy(
        pattern: pattern, alias: alias, require: nil, requireReason: false, requirePriorAlias: nil,
        minRole: nil, createdAt: clock(), createdBy: actor)
      try insertPolicyRow(removed, action: "unset", ast: nil)
      try appendAudit(action: .policyUnset, entity: "policy:\(current.name)", details: current.auditDetails)
      return current
    }
  }

  private func insertPolicyRow(_ policy: PromotionPolicy, action: String, ast: String?) throws {
    try database.run(
      """
      INSERT INTO promotion_policies(pattern, alias, action, require_filter, require_ast,
        require_reason, require_prior_alias, min_role, actor, at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .text(policy.pattern), .text(policy.alias), .text(action), SQLValue(policy.require), SQLValue(ast),
        .integer(policy.requireReason ? 1 : 0), SQLValue(policy.requirePriorAlias),
        SQLValue(policy.minRole?.rawValue), .text(actor), .integer(clock().milliseconds),
      ])
  }

  /// Refuses moving `alias` of `model` onto the version unless it meets the alias's policy: a
  /// missing required reason is a usage error, a condition the version fails is `.refused`.
  /// `--min-role` is checked against the author's role, a server token's (the command line has
  /// none: it is the file's owner, an admin).
  func checkPolicy(
    model: String, alias: String, versionID: Int64, version: Int, reason: String?
  ) throws {
    guard let stored = try checkPolicyGate(model: model, alias: alias, reason: reason) else { return }
    let policy = stored.policy
    let target = "\(model)@\(version)"
    if let prior = policy.requirePriorAlias,
      try database.scalarInt(
        "SELECT 1 FROM alias_events WHERE to_version_id = ? AND alias = ? LIMIT 1",
        [.integer(versionID), .text(prior)]) == nil
    {
      throw PedigreeError.refused(
        "policy \(policy.name) refuses \(target): \(prior) has never pointed at it",
        hint: "move \(prior) onto \(target) first")
    }
    if let require = stored.require, try !registry.versionMatches(require, versionID: versionID) {
      throw PedigreeError.refused(
        "policy \(policy.name) refuses \(target): it does not meet \(policy.require ?? "")",
        hint: "`pedigree model search` shows the versions that do")
    }
  }
}

extension SQLiteWriter {
  /// The part of the alias's policy that applies to any change of the alias, a removal too: the
  /// author's role (`--min-role`) and the reason (`--require-reason`). Returns the policy, `nil`
  /// when none guards the alias.
  @discardableResult
  func checkPolicyGate(model: String, alias: String, reason: String?) throws -> StoredPolicy? {
    guard let stored = try registry.policy(guarding: model, alias: alias) else { return nil }
    let policy = stored.policy
    if let needed = policy.minRole, let role = author.role, role < needed {
      throw PedigreeError(
        .forbidden,
        "policy \(policy.name) lets only a \(needed.rawValue) move \(model)@\(alias); this token is a \(role.rawValue)",
        hint: "use a token with role \(needed.rawValue) or higher")
    }
    if policy.requireReason && (reason?.allSatisfy(\.isWhitespace) ?? true) {
      throw PedigreeError.usage(
        "policy \(policy.name) requires a reason to move \(model)@\(alias)", remedy: .giveReason)
    }
    return stored
  }
}

extension PromotionPolicy {
  var auditDetails: JSONObject {
    [
      "pattern": .string(pattern), "alias": .string(alias), "require": .optional(require),
      "require_reason": .bool(requireReason), "require_prior_alias": .optional(requirePriorAlias),
      "min_role": .optional(minRole?.rawValue),
    ]
  }
}
