import Foundation
import PedigreeCore
import PedigreeTestSupport
import Testing

/// A real `pedigree serve --port 0` on a temporary registry: started through the `pedigree`
/// binary (which execs `pedigree-server` beside it), its URL read from its first stdout line.
///
/// ```swift
/// let server = try await TestServer.start()          // pedigree init, then serve --auth none
/// let models = try await server.get("/api/v1/models")
/// #expect(models.status == 200)
/// ```
final class TestServer: @unchecked Sendable {
  /// The directory beside the test bundle holding `pedigree` and `pedigree-server`.
  static let binaries: URL = {
    var directory = Bundle.main.bundleURL
    for _ in 0..<4 {
      if FileManager.default.isExecutableFile(
        atPath: directory.appendingPathComponent("pedigree-server").path)
      {
        return directory
      }
      directory.deleteLastPathComponent()
    }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(".build/debug")
  }()

  let scratch = TemporaryDirectory("pedigree-server")
  /// The registry: `reg.db` in the scratch directory, or a PostgreSQL database's URL in the
  /// PostgreSQL pass (`TestBackend`).
  let database: String
  /// Whether the registry is a PostgreSQL database.
  var isPostgres: Bool { database.hasPrefix("postgresql://") }
  /// The registry's default artifact store (`ArtifactStore.beside(registry:)`; the server runs in
  /// the scratch directory).
  var artifacts: String { isPostgres ? scratch.file("pedigree-artifacts") : database + ".artifacts" }
  var environment: [String: String]
  private(set) var process: Spawned?
  private var outputBase = ""
  /// `http://127.0.0.1:PORT`.
  private(set) var url = ""

  /// A server harness on `database`, or by default a new registry location of the backend
  /// under test.
  init(database given: String? = nil) {
    var environment = ProcessInfo.processInfo.environment
    do {
      database = try given ?? TestBackend.location(file: scratch.file("reg.db"))
    } catch {
      Issue.record("the PostgreSQL pass needs its server: \(error)")
      database = scratch.file("reg.db")
    }
    environment["PEDIGREE_DB"] = database
    environment["PEDIGREE_ACTOR"] = "tester"
    self.environment = environment
  }

  deinit { process?.kill() }

  /// A registry made by `pedigree init` and a server on it (`serve` `arguments`, default with
  /// whatever auth the registry implies).
  static func start(_ arguments: [String] = [], prepare: (TestServer) throws -> Void = { _ in }) async throws
    -> TestServer
  {
    let server = TestServer()
    try server.pedigreeOK(["init"])
    try prepare(server)
    try await server.serve(arguments)
    return server
  }

  /// Runs `pedigree ARGS…` to the end.
  func pedigree(_ arguments: [String], stdin: String? = nil) throws -> Invocation {
    try Spawned.run(
      TestServer.binaries.appendingPathComponent("pedigree").path, arguments, environment: environment,
      directory: scratch.path, stdin: stdin)
  }

  /// Runs `pedigree ARGS…`, which must succeed; returns its stdout.
  @discardableResult
  func pedigreeOK(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let result = try pedigree(arguments)
    #expect(
      result.status == 0, "pedigree \(arguments.joined(separator: " ")): \(result.stderr)",
      sourceLocation: sourceLocation)
    return result.stdout
  }

  /// The JSON of `pedigree ARGS… --json`.
  func cliJSON(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
    try JSONValue.parse(try pedigreeOK(arguments + ["--json"], sourceLocation: sourceLocation))
  }

  /// A new token's secret.
  func token(_ name: String, role: String) throws -> String {
    try pedigreeOK(["token", "create", name, "--role", role]).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Starts `pedigree serve --port 0 ARGS…` and waits for its URL line.
  func serve(_ arguments: [String]) async throws {
    outputBase = scratch.file("serve-\(UUID().uuidString)")
    let pedigree = TestServer.binaries.appendingPathComponent("pedigree").path
    let argv = ([pedigree, "serve", "--port", "0"] + arguments).map { Array($0.utf8) }
    let process = try Spawned.start(
      pedigree, argv: argv, environment: environment, directory: scratch.path, output: outputBase)
    self.process = process
    for _ in 0..<600 {
      if let line = stdout.split(separator: "\n").first, line.hasPrefix("http") {
        url = String(line)
        return
      }
      if process.poll() { break }
      try await Task.sleep(for: .milliseconds(50))
    }
    Issue.record("pedigree serve printed no URL: \(stderr)")
    throw CancellationError()
  }

  /// What the server printed so far.
  var stdout: String { read(outputBase + ".out") }
  var stderr: String { read(outputBase + ".err") }

  private func read(_ path: String) -> String {
    String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
  }

  /// Sends SIGTERM and waits for the server to exit.
  @discardableResult
  func stop() -> Spawned.Termination? {
    guard let process else { return nil }
    kill(process.pid, SIGTERM)
    return process.wait()
  }

  // MARK: HTTP

  /// An HTTP answer.
  struct Answer: Sendable {
    let status: Int
    let headers: [String: String]
    let body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
    func json() throws -> JSONValue { try JSONValue.parse(text) }
    /// The error document's code (`not_found`, `unauthorized`, …), if this is one.
    var errorCode: String? {
      guard case .object(let error)? = (try? json())?["error"], case .string(let code)? = error["code"] else {
        return nil
      }
      return code
    }
    func header(_ name: String) -> String? {
      headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
  }

  /// Sends one request; `token` goes as `Authorization: Bearer`.
  func request(
    _ method: String, _ path: String, body: Data? = nil, contentType: String = "application/json",
    token: String? = nil, headers: [String: String] = [:]
  ) async throws -> Answer {
    var fields: [(String, String)] = []
    if body != nil { fields.append(("Content-Type", contentType)) }
    if let token { fields.append(("Authorization", "Bearer \(token)")) }
    for (name, value) in headers { fields.append((name, value)) }
    let address = url.dropFirst("http://".count).split(separator: ":")
    let reply = try await HTTPClient.send(
      host: String(address[0]), port: Int(address[1]) ?? 0, method: method, path: path, headers: fields,
      body: body)
    return Answer(status: reply.status, headers: reply.headers, body: reply.body)
  }

  func get(_ path: String, token: String? = nil, headers: [String: String] = [:]) async throws -> Answer {
    try await request("GET", path, token: token, headers: headers)
  }

  func post(_ path: String, _ json: String, token: String? = nil, headers: [String: String] = [:])
    async throws
    -> Answer
  {
    try await request("POST", path, body: Data(json.utf8), token: token, headers: headers)
  }
}
