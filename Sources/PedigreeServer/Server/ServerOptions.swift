import Foundation
import PedigreeCore

/// `pedigree-server`'s flags, the ones `pedigree serve` validated and passes on unchanged:
/// `--db`, `--host`, `--port`, `--artifacts`, `--auth tokens|none`, `--actor`.
public struct ServerOptions: Sendable {
  public var database = "pedigree.db"
  public var host = "127.0.0.1"
  public var port = 8080
  /// The artifact store's directory; `nil`: `<registry>.artifacts`.
  public var artifacts: String?
  /// `nil` until decided: tokens when the registry has one, else refused off loopback.
  public var authFlag: AuthMode?
  public var auth: AuthMode = .tokens
  public var actor = "server"

  public init() {}

  /// Parses the flags; a bad one is `.usage`.
  public static func parse(_ arguments: [String]) throws(PedigreeError) -> ServerOptions {
    var options = ServerOptions()
    var rest = arguments[...]
    while let flag = rest.popFirst() {
      guard let value = rest.popFirst() else { throw PedigreeError.usage("\(flag) needs a value") }
      switch flag {
      case "--db": options.database = value
      case "--host": options.host = value
      case "--port":
        guard let port = Int(value), (0...65535).contains(port) else {
          throw PedigreeError.usage(
            "invalid port '\(value.prefix(20))'", hint: "ports are 0…65535 (0: pick a free one)")
        }
        options.port = port
      case "--artifacts": options.artifacts = value
      case "--auth":
        guard let mode = AuthMode(rawValue: value) else {
          throw PedigreeError.usage("invalid --auth '\(value.prefix(20))'", hint: "use tokens or none")
        }
        options.authFlag = mode
      case "--actor": options.actor = value
      default: throw PedigreeError.usage("unknown flag '\(flag.prefix(40))'")
      }
    }
    return options
  }
}
