/// The roles of `serve`'s tokens, weakest first; a policy's `--min-role` names one.
public enum PolicyRole: String, CaseIterable, Sendable {
  case reader, writer, promoter, admin
}

/// What `policy set` asks for: a gate on moving `alias` of the models whose name matches
/// `pattern` (a name, or a GLOB with `*` and `?`).
public struct PolicyInput: Equatable, Sendable {
  public var pattern: String
  public var alias: String
  /// The model search filter the target version must match.
  public var require: ModelVersionFilter?
  /// Whether a move needs a reason.
  public var requireReason: Bool
  /// An alias that must have pointed at the target version before (or point at it now).
  public var requirePriorAlias: String?
  /// The weakest token role `serve` lets move the alias (recorded; the command line is admin).
  public var minRole: PolicyRole?

  public init(
    pattern: String, alias: String, require: ModelVersionFilter? = nil, requireReason: Bool = false,
    requirePriorAlias: String? = nil, minRole: PolicyRole? = nil
  ) {
    self.pattern = pattern
    self.alias = alias
    self.require = require
    self.requireReason = requireReason
    self.requirePriorAlias = requirePriorAlias
    self.minRole = minRole
  }

  /// Validates the pattern: name characters, `*` and `?`, starting with one of them.
  public static func validatePattern(_ pattern: String) throws(PedigreeError) {
    let bytes = pattern.utf8
    let wildcard = { (byte: UInt8) in byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") }
    let nameByte = { (byte: UInt8) in
      (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
    guard let first = bytes.first, bytes.count <= 128, nameByte(first) || wildcard(first),
      bytes.allSatisfy({ nameByte($0) || wildcard($0) || "._-".utf8.contains($0) })
    else {
      throw PedigreeError.usage(
        "invalid model pattern '\(pattern.prefix(80))'",
        hint: "a model name, or a glob of name characters with * and ? ('fraud-*', '*')")
    }
  }
}

/// A promotion policy in force: the latest `policy set` of its pattern and alias.
public struct PromotionPolicy: Hashable, Sendable {
  public let pattern: String
  public let alias: String
  /// The filter's canonical text.
  public let require: String?
  public let requireReason: Bool
  public let requirePriorAlias: String?
  public let minRole: PolicyRole?
  public let createdAt: Timestamp
  public let createdBy: String

  public init(
    pattern: String, alias: String, require: String?, requireReason: Bool, requirePriorAlias: String?,
    minRole: PolicyRole?, createdAt: Timestamp, createdBy: String
  ) {
    self.pattern = pattern
    self.alias = alias
    self.require = require
    self.requireReason = requireReason
    self.requirePriorAlias = requirePriorAlias
    self.minRole = minRole
    self.createdAt = createdAt
    self.createdBy = createdBy
  }

  /// The conditions in words: `reason required, prior alias staging, run.metrics.auc >= 0.9`.
  public var conditions: [String] {
    (requireReason ? ["reason required"] : []) + (requirePriorAlias.map { ["prior alias \($0)"] } ?? [])
      + (require.map { ["require \($0)"] } ?? []) + (minRole.map { ["min role \($0.rawValue)"] } ?? [])
  }

  /// `fraud-*@production`.
  public var name: String { "\(pattern)@\(alias)" }
}

extension PromotionPolicy: JSONConvertible {
  public var json: JSONValue {
    .object([
      "pattern": .string(pattern), "alias": .string(alias), "require": .optional(require),
      "require_reason": .bool(requireReason), "require_prior_alias": .optional(requirePriorAlias),
      "min_role": .optional(minRole?.rawValue), "created_at": .time(createdAt),
      "created_by": .string(createdBy),
    ])
  }
}
