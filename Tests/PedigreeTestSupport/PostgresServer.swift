import Foundation
import Testing

/// A real PostgreSQL server on a temporary directory, for the PostgreSQL backend's tests: one per
/// test process (`PostgresServer.shared()`, started on first use, ~1 s, stopped when the process
/// exits), one database per test (`createDatabase()`).
///
/// - The cluster is made by `initdb -U pedigree --auth=trust --encoding=UTF8` with a locale
///   whose collation is NOT byte order whenever the machine has one: `en_US.UTF-8` when
///   `locale -a` lists it, else (PostgreSQL 15+) ICU's `en-US`, else `C` (`sortsLikeBytes` then
///   says so). That keeps the schema's `COLLATE "C"` honest: a registry on an en_US database
///   must sort like SQLite.
/// - It listens on no TCP address, only on a Unix socket in its own directory, so parallel test
///   runs cannot collide on a port.
/// - `initdb` and `pg_ctl` refuse to run as root, and tests run as root in containers and in
///   CI (`.ci/run`). As root the fixture hands the directory to the `postgres` user (created by
///   Debian's `postgresql` package; `nobody` otherwise) and runs them through `setpriv`, which
///   util-linux ships on every Debian and Ubuntu (unlike `runuser`'s PAM setup, it needs no
///   login configuration). As any other user they run directly.
/// - One role, `pedigree_password`, must authenticate with the password `right`
///   (scram-sha-256), to test refused credentials; every other role is trusted.
///
/// Binaries come from `ExternalTools.postgresqlBin`. Tests gate on `PostgresServer.isAvailable`
/// (`.enabled(if: PostgresServer.isAvailable, PostgresServer.hint)`): locally a machine without
/// PostgreSQL skips them visibly, under CI they run and fail.
public final class PostgresServer: @unchecked Sendable {
  /// The folder holding `initdb`, `pg_ctl`, `createdb`, `pg_dump`, `psql`.
  public let bin: String
  /// The Unix socket's directory (libpq's `host`).
  public let socketDirectory: String
  /// The port, which names the socket file (`.s.PGSQL.<port>`); no TCP listener.
  public let port = 5432
  /// Whether the cluster's default collation is byte order (no other locale was available).
  public let sortsLikeBytes: Bool
  /// The locale arguments given to initdb, for messages.
  public let locale: [String]
  private let directory: TemporaryDirectory
  private let owner: (uid: uid_t, gid: gid_t)?
  private var counter = 0
  private let counterLock = NSLock()

  /// The role and password of the one role that authenticates with a password.
  public static let passwordRole = (name: "pedigree_password", password: "right")

  /// Whether the tests can run: PostgreSQL is installed, or this is CI (where a missing one must
  /// fail the tests rather than skip them).
  public static var isAvailable: Bool { ExternalTools.postgresqlBin != nil || ExternalTools.isCI }

  /// Why the tests skip.
  public static let hint: Comment = """
    needs PostgreSQL's server binaries (initdb, pg_ctl): apt install postgresql, or run .ci/run
    """

  nonisolated(unsafe) private static var sharedServer: Result<PostgresServer, PostgresServerError>?
  private static let sharedLock = NSLock()

  /// The server of this test process, started on first use and stopped at exit.
  public static func shared() throws -> PostgresServer {
    sharedLock.lock()
    defer { sharedLock.unlock() }
    if sharedServer == nil {
      sharedServer = Result { () throws(PostgresServerError) in try PostgresServer() }
      if case .success = sharedServer { atexit { PostgresServer.stopShared() } }
    }
    return try sharedServer!.get()
  }

  private static func stopShared() {
    sharedLock.lock()
    defer { sharedLock.unlock() }
    if case .success(let server)? = sharedServer { server.stop() }
  }

  private init() throws(PostgresServerError) {
    guard let bin = ExternalTools.postgresqlBin else {
      throw PostgresServerError("PostgreSQL's initdb is not installed (apt install postgresql)")
    }
    self.bin = bin
    directory = TemporaryDirectory("pedigree-pg")
    socketDirectory = directory.file("socket")
    try? FileManager.default.createDirectory(atPath: socketDirectory, withIntermediateDirectories: true)
    owner = geteuid() == 0 ? PostgresServer.unprivilegedUser() : nil
    if let owner {
      for path in [directory.path, socketDirectory] { chown(path, owner.uid, owner.gid) }
    }
    (locale, sortsLikeBytes) = PostgresServer.localeArguments(bin: bin)
    let data = directory.file("data")
    try run(
      "initdb",
      ["-D", data, "-U", "pedigree", "--auth=trust", "--encoding=UTF8", "--no-sync"] + locale)
    let hba = """
      local all \(PostgresServer.passwordRole.name) scram-sha-256
      local all all trust

      """
    try? hba.write(toFile: data + "/pg_hba.conf", atomically: false, encoding: .utf8)
    let options =
      "-k \(socketDirectory) -c listen_addresses='' -p \(port) -c fsync=off"
      + " -c synchronous_commit=off -c full_page_writes=off"
    try run("pg_ctl", ["-D", data, "-o", options, "-l", directory.file("server.log"), "-w", "start"])
    watchForExit(data: data)
    try psql(
      "postgres",
      "CREATE ROLE \(PostgresServer.passwordRole.name) LOGIN PASSWORD '\(PostgresServer.passwordRole.password)'"
    )
  }

  /// Starts a shell that stops the server and deletes its directory once this process is gone,
  /// however it ended: a crashed or killed test run must not leave a server behind. (A normal
  /// exit stops it sooner, from `atexit`.)
  private func watchForExit(data: String) {
    let stop = ([bin + "/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"])
      .map { "'\($0)'" }.joined(separator: " ")
    let asOwner =
      owner.map { "/usr/bin/setpriv --reuid=\($0.uid) --regid=\($0.gid) --clear-groups -- " } ?? ""
    let script =
      "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; \(asOwner)\(stop) >/dev/null 2>&1; "
      + "rm -rf '\(directory.path)'"
    _ = try? Spawned.start(
      "/bin/sh", argv: ["/bin/sh", "-c", script].map { Array($0.utf8) },
      environment: PostgresServer.environment, output: directory.file("watchdog"))
  }

  /// Stops the server at once (`pg_ctl stop -m immediate`) and deletes its directory.
  public func stop() {
    _ = try? run("pg_ctl", ["-D", directory.file("data"), "-m", "immediate", "-w", "stop"])
    try? FileManager.default.removeItem(atPath: directory.path)
  }

  /// The URL of the database `name` as role `user` (with `password` in the URL when given).
  public func url(database name: String, user: String = "pedigree", password: String? = nil) -> String {
    let credentials = password.map { "\(user):\($0)" } ?? user
    return "postgresql://\(credentials)@/\(name)?host=\(socketDirectory)&port=\(port)"
  }

  /// Creates a new, empty database (named after `prefix` and a counter) and returns its name;
  /// `url(database:)` makes its URL.
  ///
  /// - Parameter template: a database to copy (`CREATE DATABASE … TEMPLATE`): a registry
  ///   written once and copied for each test; nobody may be connected to it meanwhile.
  public func createDatabase(_ prefix: String = "test", template: String? = nil) throws(PostgresServerError)
    -> String
  {
    counterLock.lock()
    counter += 1
    let number = counter
    counterLock.unlock()
    let name = "\(prefix)_\(getpid())_\(number)".lowercased()
    try psql("postgres", "CREATE DATABASE \(name)" + (template.map { " TEMPLATE \($0)" } ?? ""))
    return name
  }

  /// Runs SQL through `psql` as the superuser `pedigree` (`ON_ERROR_STOP`), for setting up
  /// what the code under test must then find; returns psql's output (unaligned, tuples only).
  @discardableResult
  public func psql(_ database: String, _ sql: String) throws(PostgresServerError) -> String {
    try spawn(
      "psql",
      [
        "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", socketDirectory, "-p", String(port),
        "-U", "pedigree", "-d", database, "-c", sql,
      ])
  }

  /// `pg_dump --schema-only` of `database`, owners and privileges left out, and without psql's
  /// meta-command lines (`\restrict KEY`: a new random key each time), so two dumps of one
  /// schema are equal.
  public func dumpSchema(_ database: String) throws(PostgresServerError) -> String {
    let dump = try spawn(
      "pg_dump",
      [
        "--schema-only", "--no-owner", "--no-privileges", "-h", socketDirectory, "-p", String(port),
        "-U", "pedigree", database,
      ])
    return dump.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("\\") }
      .joined(separator: "\n")
  }

  /// The server's log, for a failing test's message.
  public var log: String {
    (try? String(contentsOfFile: directory.file("server.log"), encoding: .utf8)) ?? ""
  }

  // MARK: Running the server's tools

  /// A small fixed environment: no PG* variable of the caller's reaches the tools.
  private static let environment = ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"]

  /// Runs the server's `bin/tool ARGS…` as the unprivileged owner when this process is root.
  @discardableResult
  private func run(_ tool: String, _ arguments: [String]) throws(PostgresServerError) -> String {
    guard let owner else { return try spawn(tool, arguments) }
    let user = ["--reuid=\(owner.uid)", "--regid=\(owner.gid)", "--clear-groups", "--"]
    return try spawn(tool, arguments, through: ["/usr/bin/setpriv"] + user)
  }

  /// Runs the client `bin/tool ARGS…` (after `prefix`, a command that runs it), in the server's
  /// directory, and returns its output; a failure carries its stderr and the server's log.
  private func spawn(
    _ tool: String, _ arguments: [String], through prefix: [String] = []
  ) throws(PostgresServerError) -> String {
    let command = prefix + [bin + "/" + tool] + arguments
    let result: Invocation
    do {
      result = try Spawned.run(
        command[0], Array(command.dropFirst()), environment: PostgresServer.environment,
        directory: directory.path)
    } catch {
      throw PostgresServerError("cannot run \(tool): \(error)")
    }
    guard result.status == 0 else {
      throw PostgresServerError("\(tool) failed (\(result.status)): \(result.stderr)\(result.stdout)\n\(log)")
    }
    return result.stdout
  }

  /// The `postgres` user (Debian's package makes it), else `nobody`.
  private static func unprivilegedUser() -> (uid: uid_t, gid: gid_t)? {
    for name in ["postgres", "nobody"] {
      if let entry = getpwnam(name) { return (entry.pointee.pw_uid, entry.pointee.pw_gid) }
    }
    return nil
  }

  /// initdb's locale arguments, and whether they sort like bytes.
  private static func localeArguments(bin: String) -> ([String], Bool) {
    let locales = (try? Spawned.run("/usr/bin/locale", ["-a"]).stdout.lowercased()) ?? ""
    let names = Set(locales.split(separator: "\n").map(String.init))
    if names.contains("en_us.utf8") || names.contains("en_us.utf-8") {
      return (["--locale=en_US.UTF-8"], false)
    }
    let version = (try? Spawned.run(bin + "/initdb", ["--version"]).stdout) ?? ""
    let major = version.split(separator: " ").last.flatMap { Int($0.prefix { $0.isNumber }) } ?? 0
    if major >= 15 {
      let base = names.contains("c.utf8") || names.contains("c.utf-8") ? "C.UTF-8" : "C"
      return (["--locale-provider=icu", "--icu-locale=en-US", "--locale=\(base)"], false)
    }
    return (["--locale=C"], true)
  }
}

/// Why the test server could not start or a tool failed.
public struct PostgresServerError: Error, CustomStringConvertible {
  public let description: String
  init(_ description: String) { self.description = description }
}

/// The backend the behaviour suites run on: `PEDIGREE_TEST_BACKEND=postgresql` runs them on a
/// new database of the shared `PostgresServer` each (the README's test command makes that second
/// pass); SQLite files otherwise.
public enum TestBackend: String, Sendable {
  case sqlite, postgresql

  public static let underTest: TestBackend =
    ProcessInfo.processInfo.environment["PEDIGREE_TEST_BACKEND"] == "postgresql" ? .postgresql : .sqlite

  /// A new registry location on `underTest`: `file` as given on SQLite, or the URL of a new
  /// empty database on PostgreSQL.
  public static func location(file: String) throws -> String {
    guard underTest == .postgresql else { return file }
    let server = try PostgresServer.shared()
    return server.url(database: try server.createDatabase("reg"))
  }
}
