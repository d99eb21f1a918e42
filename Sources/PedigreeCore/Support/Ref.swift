/// A reference to something in the registry, as users type it (PRODUCT.md, "References").
///
/// `fraud@3` (a version), `fraud@production` (an alias), `fraud` (the latest version),
/// `model:fraud@3`, `dataset:transactions@2`, `run:3f9a1c` (a run id or a unique prefix of at
/// least 6 characters), `artifact:42`.
public enum Ref: Equatable, Hashable, Sendable, CustomStringConvertible {
  case model(name: String, selector: VersionSelector)
  case dataset(name: String, selector: VersionSelector)
  case run(String)
  case artifact(Int64)

  /// Which version of a model or dataset a ref means.
  public enum VersionSelector: Equatable, Hashable, Sendable {
    case latest
    case version(Int)
    case alias(String)
  }

  /// The kind a ref without a `kind:` prefix is read as.
  public enum Kind: String, Sendable, CaseIterable {
    case model, dataset, run, artifact
  }

  /// Parses `text`; an untyped ref is read as `defaultKind` (models unless a command says).
  public static func parse(_ text: String, defaultKind: Kind = .model) throws(PedigreeError) -> Ref {
    var kind = defaultKind
    var body = Substring(text)
    if let colon = text.firstIndex(of: ":"), let explicit = Kind(rawValue: String(text[..<colon])) {
      kind = explicit
      body = text[text.index(after: colon)...]
    }
    switch kind {
    case .run:
      let id = body.lowercased()
      guard id.utf8.count >= 6, id.utf8.count <= 32,
        id.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
      else {
        throw PedigreeError.usage(
          "invalid run id '\(body.prefix(64))'",
          hint: "a run id is 32 hex digits; any unique prefix of at least 6 works")
      }
      return .run(id)
    case .artifact:
      guard let id = Int64(body), id > 0 else {
        throw PedigreeError.usage(
          "invalid artifact id '\(body.prefix(64))'", hint: "artifacts are referred to as artifact:ID")
      }
      return .artifact(id)
    case .model, .dataset:
      let name: Substring
      var selector = VersionSelector.latest
      if let at = body.firstIndex(of: "@") {
        name = body[..<at]
        let tail = String(body[body.index(after: at)...])
        if let number = Int(tail), tail.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
          guard number >= 1 else {
            throw PedigreeError.usage("invalid version in '\(text.prefix(140))': versions start at 1")
          }
          selector = .version(number)
        } else {
          if kind == .dataset {
            throw PedigreeError.usage(
              "invalid dataset ref '\(text.prefix(140))'",
              hint: "datasets have no aliases: use NAME@N or NAME")
          }
          try Names.validateAlias(tail)
          selector = .alias(tail)
        }
      } else {
        name = body
      }
      try Names.validate(String(name), as: kind.rawValue)
      return kind == .model
        ? .model(name: String(name), selector: selector)
        : .dataset(name: String(name), selector: selector)
    }
  }

  /// The ref in its canonical, typed form (`model:fraud@3`).
  public var description: String {
    switch self {
    case .model(let name, let selector): "model:\(name)\(selector.suffix)"
    case .dataset(let name, let selector): "dataset:\(name)\(selector.suffix)"
    case .run(let id): "run:\(id)"
    case .artifact(let id): "artifact:\(id)"
    }
  }
}

extension Ref.VersionSelector {
  var suffix: String {
    switch self {
    case .latest: ""
    case .version(let number): "@\(number)"
    case .alias(let alias): "@\(alias)"
    }
  }
}
