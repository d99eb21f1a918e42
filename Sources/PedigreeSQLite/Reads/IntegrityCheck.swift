import Dispatch
import PedigreeCore

extension SQLiteRegistry {
  /// `PRAGMA integrity_check`'s findings. On some damage the pragma reports a few problems and
  /// then fails itself; that failure is one more finding, not the end of the check.
  ///
  /// PostgreSQL has no such check of its own files (page damage is the server's to find, with
  /// data checksums and `amcheck`): none there.
  public func integrityProblems() throws(PedigreeError) -> [CheckProblem] {
    guard !database.isPostgres else { return [] }
    return try mapErrors { try Self.integrityFindings(database) }
  }

  /// `integrityProblems()` on a read-only connection of its own, on a thread of its own: its
  /// result, when called, waits for the check. `nil` for an in-memory registry, or when a second
  /// connection does not open (the caller then runs `integrityProblems()`).
  public func integrityProblemsInBackground() -> (() throws(PedigreeError) -> [CheckProblem])? {
    guard path != ":memory:", !path.isEmpty, !database.isPostgres,
      let connection = try? Database(path: path, mode: .readOnly, writeAheadLog: false)
    else { return nil }
    final class Outcome: @unchecked Sendable {
      var result: Result<[CheckProblem], PedigreeError> = .success([])
      let done = DispatchSemaphore(value: 0)
    }
    let outcome = Outcome()
    nonisolated(unsafe) let database = connection
    let path = self.path
    DispatchQueue.global().async {
      do {
        outcome.result = .success(try Self.integrityFindings(database))
      } catch let error as SQLiteError {
        outcome.result = .failure(PedigreeError(error, path: path))
      } catch {
        outcome.result = .failure(PedigreeError(.io, "\(error)"))
      }
      outcome.done.signal()
    }
    return { () throws(PedigreeError) -> [CheckProblem] in
      outcome.done.wait()
      return try outcome.result.get()
    }
  }

  private static func integrityFindings(_ database: Database) throws -> [CheckProblem] {
    let statement = try database.prepareUncached("PRAGMA integrity_check")
    var findings: [String] = []
    while true {
      let found: Bool
      do throws(SQLiteError) {
        found = try statement.step()
      } catch {
        guard error.isCorrupt else { throw error }
        findings.append("the check stopped at damage it could not read past: \(error.message)")
        break
      }
      guard found else { break }
      findings.append(statement.row.string(0))
    }
    return findings.filter { $0 != "ok" }.map { CheckProblem(area: .integrity, message: $0) }
  }

  /// `PRAGMA foreign_key_check`'s findings. On PostgreSQL, which enforces foreign keys with
  /// triggers a superuser can disable (`ALTER TABLE … DISABLE TRIGGER ALL`), every foreign key
  /// of the registry's tables is checked against its rows (`PostgresSchemaCheck`).
  public func foreignKeyProblems() throws(PedigreeError) -> [CheckProblem] {
    if database.isPostgres { return try mapErrors { try PostgresSchemaCheck.foreignKeyProblems(database) } }
    return try mapErrors {
      let declared = try database.query("PRAGMA foreign_key_check") { row in
        CheckProblem(
          area: .foreignKeys,
          message: "\(row.string(0)) row \(row.optionalInt64(1).map(String.init) ?? "?") refers to a "
            + "missing row of \(row.string(2))")
      }
      return declared
    }
  }

  /// The applied migrations' checksums and gaps, then the schema against what the compiled-in
  /// migrations create in a fresh in-memory database.
  public func schemaProblems() throws(PedigreeError) -> [CheckProblem] {
    if database.isPostgres {
      let problems = try migrationProblems(known: compiledMigrations)
      return try mapErrors {
        problems + (try PostgresSchemaCheck.drift(database, migrations: compiledMigrations))
      }
    }
    let reference = try SQLiteRegistry.initialize(path: ":memory:", by: Author("pedigree"))
    let expected = try reference.registry.mapErrors { try SchemaObject.all(in: reference.registry.database) }
    let problems = try migrationProblems(known: reference.applied)
    return try mapErrors {
      problems + SchemaObject.drift(expected: expected, actual: try SchemaObject.all(in: database))
    }
  }

  private func migrationProblems(known: [Migration]) throws(PedigreeError) -> [CheckProblem] {
    let applied = try appliedMigrations()
    var problems = applied.filter { !$0.checksumMatches }.map {
      CheckProblem(
        area: .migrations,
        message: "migration \($0.version) (\($0.name)): its recorded checksum does not match the "
          + "migration this pedigree carries")
    }
    let recorded = Set(applied.map(\.version))
    let version = try schemaVersion()
    for migration in known where migration.version <= version && !recorded.contains(migration.version) {
      problems.append(
        CheckProblem(
          area: .migrations, message: "migration \(migration.version) (\(migration.name)) is not recorded"))
    }
    return problems
  }
}

/// A table, index, trigger or view as `sqlite_master` records it, with its SQL normalised.
struct SchemaObject: Hashable {
  let type: String
  let name: String
  let sql: String

  /// Every object but SQLite's own (`sqlite_%`).
  static func all(in database: Database) throws -> [SchemaObject] {
    try database.query(
      "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name"
    ) { SchemaObject(type: $0.string(0), name: $0.string(1), sql: normalized($0.string(2))) }
  }

  /// Whitespace runs collapsed to one space, a trailing semicolon dropped.
  static func normalized(_ sql: String) -> String {
    var text = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    while text.hasSuffix(";") { text.removeLast() }
    return text
  }

  /// Objects missing, unexpected or changed, compared by type and name.
  static func drift(expected: [SchemaObject], actual: [SchemaObject]) -> [CheckProblem] {
    let key = { (object: SchemaObject) in "\(object.type) \(object.name)" }
    let want = Dictionary(expected.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
    let have = Dictionary(actual.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
    var problems: [CheckProblem] = []
    for object in expected {
      if let found = have[key(object)] {
        if found.sql != object.sql {
          problems.append(
            CheckProblem(area: .schema, message: "\(key(object)) differs from what the migrations create"))
        }
      } else {
        problems.append(CheckProblem(area: .schema, message: "\(key(object)) is missing"))
      }
    }
    for object in actual where want[key(object)] == nil {
      problems.append(CheckProblem(area: .schema, message: "\(key(object)) is not part of the schema"))
    }
    return problems
  }
}
