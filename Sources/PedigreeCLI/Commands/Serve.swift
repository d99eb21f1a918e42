import ArgumentParser
import PedigreeCore
import PedigreeSQLite

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `pedigree serve`: validates its flags here, then execs `pedigree-server` (the sibling
/// executable beside this binary), so `pedigree` itself never links the HTTP stack.
struct Serve: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the registry over HTTP: Pedigree's JSON API, MLflow's REST API, OpenLineage, a web UI.",
    discussion: """
      Prints the URL it listens on as its first line (--port 0 picks a free port), logs one line \
      per request on stderr, and stops cleanly on SIGTERM or SIGINT. Requests need a token \
      (pedigree token create) whenever the registry has one; --auth none (every request acts as \
      --actor) is allowed only on a loopback address.

      Example: pedigree serve --db registry.db --host 0.0.0.0 --port 8080
      """)

  @Option(help: "The address to listen on.") var host = "127.0.0.1"
  @Option(help: "The port (0: pick a free one and print it).") var port = 8080
  @Option(help: "The artifact store's directory. Default: $PEDIGREE_ARTIFACTS, else <registry>.artifacts.")
  var artifacts: String?
  @Option(help: "tokens or none. Default: tokens when the registry has one, else none on loopback.")
  var auth: String?
  @OptionGroup var db: RegistryOptions
  @OptionGroup var actor: ActorOptions

  func run() throws {
    try execute {
      guard (0...65535).contains(port) else {
        throw PedigreeError.usage("invalid port \(port)", hint: "ports are 0…65535 (0: pick a free one)")
      }
      let mode = try auth.map { (text) throws(PedigreeError) in
        guard let mode = AuthMode(rawValue: text) else {
          throw PedigreeError.usage("invalid --auth '\(text.prefix(40))'", hint: "use tokens or none")
        }
        return mode
      }
      let author = try actor.author()
      let hasTokens = try db.open().hasTokensInForce()
      _ = try AuthMode.decide(flag: mode, host: host, hasTokens: hasTokens)
      try execServer(arguments: serverArguments(actor: author.actor, auth: mode))
    }
  }

  /// The flags `pedigree-server` takes, as validated here.
  private func serverArguments(actor: String, auth: AuthMode?) -> [String] {
    var arguments = ["--db", db.path, "--host", host, "--port", String(port), "--actor", actor]
    if let store = artifacts
      ?? ProcessInfo.processInfo.environment["PEDIGREE_ARTIFACTS"].flatMap({
        $0.isEmpty ? nil : $0
      })
    {
      arguments += ["--artifacts", store]
    }
    if let auth { arguments += ["--auth", auth.rawValue] }
    return arguments
  }

  /// Replaces this process with `pedigree-server` from this binary's directory.
  private func execServer(arguments: [String]) throws(PedigreeError) -> Never {
    let executable =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    let server = URL(fileURLWithPath: executable).deletingLastPathComponent()
      .appendingPathComponent("pedigree-server").path
    guard FileManager.default.isExecutableFile(atPath: server) else {
      throw PedigreeError(
        .io, "pedigree serve needs pedigree-server beside pedigree, and \(server) is missing",
        hint: "build every product: swift build -c release (a `--product` builds only that one)")
    }
    let argv = ([server] + arguments).map { strdup($0) } + [nil]
    execv(server, argv)
    throw PedigreeError(.io, "cannot run \(server): \(String(cString: strerror(errno)))")
  }
}
