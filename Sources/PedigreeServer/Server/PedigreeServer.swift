import Foundation
import Hummingbird
import Logging
import NIOCore
import PedigreeArtifacts
import PedigreeCore
import PedigreeSQLite

/// The server process: opens the registry, decides the auth mode, binds, prints its URL as the
/// first line of stdout, serves until SIGTERM/SIGINT, then finishes the requests in flight and
/// closes the registry.
public enum PedigreeServerMain {
  /// Runs the server with `pedigree-server`'s arguments; returns the exit code.
  public static func run(_ arguments: [String]) async -> Int32 {
    do {
      let options = try ServerOptions.parse(arguments)
      let app = try await makeApplication(options) { url in
        FileHandle.standardOutput.write(Data("\(url)\n".utf8))
      }
      try await app.runService()
      return 0
    } catch let error as PedigreeError {
      let hint = error.remedy.map(\.requestHint) ?? error.hint
      FileHandle.standardError.write(
        Data(("error: \(error.message)" + (hint.map { " (hint: \($0))" } ?? "") + "\n").utf8))
      return error.kind == .usage ? 64 : error.kind == .busy ? 75 : error.kind == .incompatible ? 78 : 74
    } catch {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      return 74
    }
  }

  /// The application for `options`, with `onListening` called with the URL once bound.
  public static func makeApplication(
    _ options: ServerOptions, onListening: @escaping @Sendable (String) -> Void
  ) async throws -> some ApplicationProtocol {
    var options = options
    let store = try SQLiteStore(path: options.database, busyTimeout: options.busyTimeout)
    let hasTokens = try await store.read { try $0.hasTokensInForce() }
    options.auth = try AuthMode.decide(flag: options.authFlag, host: options.host, hasTokens: hasTokens)
    let artifacts =
      options.artifacts.map { ArtifactStore(root: $0) } ?? ArtifactStore.beside(registry: options.database)
    let registry = ServerRegistry(
      store: store, artifacts: artifacts, busyTimeout: options.busyTimeout)
    let router = Router(context: ServerContext.self)
    router.addServerRoutes(registry, options: options)
    let host = options.host
    let requestedPort = options.port
    return Application(
      router: router,
      server: .http1(
        configuration: .init(
          idleTimeout: .seconds(ServerLimits.idleSeconds),
          httpDecoderConfiguration: .init(
            maxHeaderFieldSize: ServerLimits.decoderHeaderList,
            maxHeaderListSize: ServerLimits.decoderHeaderList))),
      configuration: .init(address: .hostname(host, port: options.port), serverName: nil),
      onServerRunning: { channel in
        let port = channel.localAddress?.port ?? requestedPort
        let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        onListening("http://\(shown):\(port)")
      },
      logger: quietLogger()
    )
  }

  private static func quietLogger() -> Logger {
    var logger = Logger(label: "pedigree-server")
    logger.logLevel = .warning
    return logger
  }
}
