import PedigreeCore

enum PolicySQL {
  /// The policies in force: each (pattern, alias)'s latest row, when it is a `set`. Append a
  /// condition (`AND …`) and an ORDER BY.
  static let current = """
    SELECT p.pattern, p.alias, p.require_filter, p.require_reason, p.require_prior_alias,
      p.min_role, p.at, p.actor, p.require_ast
    FROM promotion_policies p
    WHERE p.action = 'set'
      AND p.id = (SELECT max(x.id) FROM promotion_policies x
                  WHERE x.alias = p.alias AND x.pattern = p.pattern)
    """
}

extension PromotionPolicy {
  /// Reads `PolicySQL.current`'s first eight columns.
  init(row: Row) {
    self.init(
      pattern: row.string(0), alias: row.string(1), require: row.optionalString(2),
      requireReason: row.int(3) != 0, requirePriorAlias: row.optionalString(4),
      minRole: row.optionalString(5).flatMap(PolicyRole.init(rawValue:)),
      createdAt: Timestamp(milliseconds: row.int64(6)), createdBy: row.string(7))
  }
}

/// A policy with its `--require` filter parsed back from the stored JSON.
struct StoredPolicy {
  let policy: PromotionPolicy
  let require: FilterExpression?
}

extension SQLiteRegistry {
  public func promotionPolicies() throws(PedigreeError) -> [PromotionPolicy] {
    try mapErrors {
      try database.query(PolicySQL.current + " ORDER BY p.alias, p.pattern", [], PromotionPolicy.init(row:))
    }
  }

  /// The policy of exactly this pattern and alias, if one is in force.
  func policy(pattern: String, alias: String) throws -> PromotionPolicy? {
    try database.queryFirst(
      PolicySQL.current + " AND p.pattern = ?1 AND p.alias = ?2", [.text(pattern), .text(alias)],
      PromotionPolicy.init(row:))
  }

  /// The policy guarding `alias` of the model `name`: the latest policy in force on that alias
  /// whose pattern matches the name.
  func policy(guarding name: String, alias: String) throws -> StoredPolicy? {
    guard
      let (policy, ast) = try database.queryFirst(
        PolicySQL.current + " AND p.alias = ?1 AND "
          + (database.isPostgres ? "pedigree_glob(p.pattern, ?2)" : "?2 GLOB p.pattern")
          + " ORDER BY p.id DESC LIMIT 1",
        [.text(alias), .text(name)], { (PromotionPolicy(row: $0), $0.optionalString(8)) })
    else { return nil }
    guard let ast else { return StoredPolicy(policy: policy, require: nil) }
    guard let json = try? JSONValue.parse(ast), let expression = FilterExpression(storedJSON: json) else {
      throw PedigreeError(
        .invalidInput, "policy \(policy.name) holds a filter this binary cannot read",
        hint: "set the policy again")
    }
    return StoredPolicy(policy: policy, require: expression)
  }
}
