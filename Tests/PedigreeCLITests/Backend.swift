import Foundation
import PedigreeTestSupport
import Testing

/// Where a test's registry lives: an SQLite file, or a new database on the PostgreSQL server the
/// tests start (`PostgresServer`). The tests below run every case on both.
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
  case sqlite, postgresql

  var testDescription: String { rawValue }

  /// The backend of every `CLI()`: `PEDIGREE_TEST_BACKEND=postgresql` runs the CLI suites on
  /// PostgreSQL (the README's test command does both passes); SQLite otherwise.
  static let underTest: Backend = TestBackend.underTest == .postgresql ? .postgresql : .sqlite

  /// A CLI whose `PEDIGREE_DB` is a new registry location of this backend (not initialised).
  func cli() throws -> CLI {
    let cli = CLI()
    switch self {
    case .sqlite: cli.environment["PEDIGREE_DB"] = cli.path("reg.db")
    case .postgresql where !cli.isPostgres:
      let server = try PostgresServer.shared()
      cli.environment["PEDIGREE_DB"] = server.url(database: try server.createDatabase("cli"))
    case .postgresql: break
    }
    return cli
  }

  /// The database's name on the server (PostgreSQL only).
  static func databaseName(_ cli: CLI) -> String {
    let afterHost = cli.database.split(separator: "@/", maxSplits: 1).last ?? ""
    return String(afterHost.split(separator: "?").first ?? "")
  }
}

/// The trait of a test of SQLite itself (its file, its journal, the `sqlite3` shell, registries
/// of SQLite schemas older than PostgreSQL's first): not run in the PostgreSQL pass.
let sqliteOnly = ConditionTrait.enabled(
  if: Backend.underTest == .sqlite,
  "a test of the SQLite file; the PostgreSQL pass has its own (PostgresBackendTests)")
