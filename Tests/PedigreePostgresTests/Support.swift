import Foundation
import PedigreeCore
import PedigreePostgres
import PedigreeTestSupport
import Testing

/// A new empty database on the test process's PostgreSQL server, and a connection to it.
struct ScratchDatabase: Sendable {
  let server: PostgresServer
  let url: PostgresURL
  /// The database's name, for psql.
  let name: String

  init(_ prefix: String = "test") throws {
    server = try PostgresServer.shared()
    name = try server.createDatabase(prefix)
    url = try PostgresURL(server.url(database: name))
  }

  /// A new connection to the database.
  func connect() throws -> PostgresConnection { try PostgresConnection(url: url) }

  /// The database made a registry (by `test`), and a connection to it.
  func registry() throws -> PostgresConnection {
    try PostgresRegistrySchema.initialize(url: url, by: Author("test")).connection
  }

  /// One integer answer to `sql`, through psql (outside the code under test).
  func count(_ sql: String) throws -> Int {
    Int(try server.psql(name, sql).split(separator: "\n").first ?? "") ?? -1
  }
}

/// The trait every test that needs the server carries.
let needsPostgres = ConditionTrait.enabled(if: PostgresServer.isAvailable, PostgresServer.hint)

/// Results gathered from several threads.
final class ConcurrentResults<T>: @unchecked Sendable {
  private var results: [Result<T, any Error>] = []
  private let lock = NSLock()

  func add(_ result: Result<T, any Error>) {
    lock.lock()
    results.append(result)
    lock.unlock()
  }

  var values: [Result<T, any Error>] {
    lock.lock()
    defer { lock.unlock() }
    return results
  }
}
