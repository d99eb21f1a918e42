import Foundation
import PedigreeCore
import PedigreePostgres
import PedigreeSQLite
import PedigreeTestSupport
import Testing

/// SERVER.md, "Writes and concurrency": 32 clients at once lose nothing; SIGTERM mid-load leaves
/// a clean registry.
@Suite("serve: concurrency and shutdown")
struct LoadTests {
  static let clients = 32
  static let pointsPerClient = 20

  /// PRODUCT.md, "Backends": several `pedigree serve` hosts on one PostgreSQL database. Two
  /// servers take 16 clients' records at once, each registering the next version of one model:
  /// every run arrives, version numbers are neither reused nor skipped, the chain is one chain.
  @Test(.enabled(if: PostgresServer.isAvailable, PostgresServer.hint))
  func twoServersOnOnePostgreSQLDatabaseLoseNothing() async throws {
    let postgres = try PostgresServer.shared()
    let url = postgres.url(database: try postgres.createDatabase("serve"))
    let servers = [TestServer(database: url), TestServer(database: url)]
    try servers[0].pedigreeOK(["init"])
    for server in servers { try await server.serve(["--auth", "none"]) }
    let clients = 16
    let failures = try await withThrowingTaskGroup(of: String?.self) { group in
      for client in 0..<clients {
        group.addTask {
          let record = """
            {"experiment": "hosts", "name": "client-\(client)", "params": {"client": "\(client)"},
             "outputs": [{"artifact": {"name": "m\(client)", "uri": "s3://m/\(client)"}}],
             "register": {"model": "shared", "artifact": "m\(client)"}}
            """
          let recorded = try await servers[client % 2].post("/api/v1/runs/record", record)
          return recorded.status == 200 ? nil : "client \(client): \(recorded.status) \(recorded.text)"
        }
      }
      var all: [String] = []
      for try await failure in group { if let failure { all.append(failure) } }
      return all
    }
    #expect(failures.isEmpty, "\(failures.prefix(3))")
    guard case .array(let runs) = try servers[1].cliJSON(["run", "list", "--limit", "100"]),
      case .array(let models) = try servers[1].cliJSON(["model", "list"]), let shared = models.first
    else { return #expect(Bool(false), "run list or model list is not an array") }
    #expect(runs.count == clients)
    #expect(
      shared["versions"] == .integer(Int64(clients)) && shared["latest_version"] == .integer(Int64(clients)))
    #expect(try servers[0].pedigree(["db", "check"]).status == 0)
  }

  @Test func thirtyTwoClientsWritingPointsAndRecordsLoseNothing() async throws {
    let server = try await TestServer.start()
    let started = try await server.post("/api/v1/runs", #"{"experiment": "load", "name": "shared"}"#)
    #expect(started.status == 201, "\(started.text)")
    guard case .string(let run)? = try started.json()["run_id"] else {
      Issue.record("no run_id: \(started.text)")
      return
    }
    let failures = try await withThrowingTaskGroup(of: [String].self) { group in
      for client in 0..<Self.clients {
        group.addTask {
          var failures: [String] = []
          for step in 0..<Self.pointsPerClient {
            let point = #"{"metrics": {"m\#(client)": [[\#(step), \#(Double(step) / 10)]]}}"#
            let logged = try await server.post("/api/v1/runs/\(run)/log", point)
            if logged.status != 200 {
              failures.append("log \(client)/\(step): \(logged.status) \(logged.text)")
            }
            // A retry of the same point changes nothing.
            if step == 0 {
              let again = try await server.post("/api/v1/runs/\(run)/log", point)
              if again.status != 200 || (try? again.json()["changed"]) != .bool(false) {
                failures.append("retry \(client): \(again.text)")
              }
            }
          }
          let record =
            #"{"experiment": "load", "name": "client-\#(client)", "params": {"client": "\#(client)"}}"#
          let recorded = try await server.post("/api/v1/runs/record", record)
          if recorded.status != 200 {
            failures.append("record \(client): \(recorded.status) \(recorded.text)")
          }
          return failures
        }
      }
      var all: [String] = []
      for try await failures in group { all += failures }
      return all
    }
    #expect(failures.isEmpty, "\(failures.prefix(5))")
    let metrics = try server.pedigreeOK(["run", "metrics", run, "--format", "csv"])
    let rows = metrics.split(separator: "\n").dropFirst()
    #expect(rows.count == Self.clients * Self.pointsPerClient, "no lost or duplicated point")
    guard
      case .array(let runs) = try server.cliJSON(["run", "list", "--experiment", "load", "--limit", "100"])
    else { return }
    #expect(runs.count == Self.clients + 1)
    #expect(try server.pedigree(["db", "check"]).status == 0)
  }

  @Test func sigtermMidLoadLeavesACleanRegistry() async throws {
    let server = try await TestServer.start()
    let load = Task {
      try await withThrowingTaskGroup(of: Void.self) { group in
        for client in 0..<8 {
          group.addTask {
            for index in 0..<200 {
              let record =
                #"{"experiment": "term", "name": "c\#(client)-\#(index)", "metrics": {"loss": [[0, 1.0], [1, 0.5]]}}"#
              _ = try? await server.post("/api/v1/runs/record", record)
            }
          }
        }
        try await group.waitForAll()
      }
    }
    try await Task.sleep(for: .milliseconds(800))
    let end = server.stop()
    #expect(end?.status == 0, "the server should exit 0 on SIGTERM: \(server.stderr.suffix(500))")
    load.cancel()
    _ = try? await load.value
    let check = try server.pedigree(["db", "check"])
    #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
  }
}

@Suite("serve: a busy writer")
struct BusyTests {
  /// Another process holds the write lock past the busy timeout: 503 with Retry-After (the twin
  /// of exit 75), nothing written; once it lets go, the same request succeeds.
  @Test func aWriteThatCannotGetTheLockIs503WithRetryAfter() async throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return }
    let server = TestServer()
    server.environment["PEDIGREE_BUSY_TIMEOUT_MS"] = "200"
    try server.pedigreeOK(["init"])
    try await server.serve([])
    // The writers' lock, held by another client: SQLite's file lock (a Python process), or the
    // audit chain's advisory lock on PostgreSQL (a connection of this process).
    let holder = server.isPostgres ? try Database(postgres: PostgresURL(server.database)) : nil
    try holder?.execute("BEGIN; SELECT pg_advisory_xact_lock(\(PostgresConnection.auditChainLockKey))")
    let locker =
      server.isPostgres
      ? nil
      : try Spawned.start(
        "/usr/bin/python3",
        argv: [
          "python3", "-c",
          "import os, sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
            + "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True)\n"
            + "for _ in range(1200):\n    if os.path.exists(sys.argv[2]): break\n    time.sleep(0.05)",
          server.database, server.scratch.file("release"),
        ].map { Array($0.utf8) }, output: server.scratch.file("locker"))
    for _ in 0..<600
    where
      locker != nil
      && !(FileManager.default.contents(atPath: server.scratch.file("locker.out")).map {
        String(decoding: $0, as: UTF8.self).contains("locked")
      } ?? false)
    {
      try await Task.sleep(for: .milliseconds(50))
    }
    let head = try server.cliJSON(["db", "head"])
    let busy = try await server.post("/api/v1/runs", #"{"experiment": "busy"}"#)
    #expect(busy.status == 503, "\(busy.text)")
    #expect(busy.errorCode == "busy")
    #expect(busy.header("Retry-After") != nil)
    _ = FileManager.default.createFile(atPath: server.scratch.file("release"), contents: Data())
    locker?.wait()
    try holder?.execute("ROLLBACK")
    #expect(try server.cliJSON(["db", "head"]) == head)
    let later = try await server.post("/api/v1/runs", #"{"experiment": "busy"}"#)
    #expect(later.status == 201, "\(later.text)")
  }
}
