import PedigreeCore
import PedigreeSQLite

/// One thing `db check` found wrong.
public struct CheckProblem: Sendable, Equatable, CustomStringConvertible {
  /// Which check found it.
  public enum Area: String, Sendable, CaseIterable {
    /// `PRAGMA integrity_check`: the file's own structure.
    case integrity
    /// `PRAGMA foreign_key_check`: a row pointing at a missing row.
    case foreignKeys = "foreign_keys"
    /// The audit log's hash chain.
    case auditChain = "audit_chain"
    /// Alias events against the audit entries that record them.
    case aliasHistory = "alias_history"
    /// Runs' params and metric points against the content digests the audit log recorded.
    case runContent = "run_content"
    /// `schema_migrations` against the migrations compiled in.
    case migrations
    /// Tables, indexes and triggers against what the migrations create.
    case schema
  }

  public let area: Area
  /// What is wrong, naming the entry, row or object (`audit entry 17: altered: …`).
  public let message: String

  public var description: String { "\(area.rawValue): \(message)" }
}

/// The result of `db check`.
public struct CheckReport: Sendable {
  /// Every problem found; empty when the registry is sound.
  public let problems: [CheckProblem]
  /// How many audit entries were verified.
  public let auditEntries: Int
  /// The schema version recorded in the file.
  public let schemaVersion: Int

  public var isClean: Bool { problems.isEmpty }
}

extension CheckReport: JSONConvertible {
  public var json: JSONValue {
    .object([
      "ok": .bool(isClean), "schema_version": .int(schemaVersion), "audit_entries": .int(auditEntries),
      "problems": .array(
        problems.map { .object(["area": .string($0.area.rawValue), "message": .string($0.message)]) }),
    ])
  }
}

extension CheckReport {
  /// One line per problem, or a one-line all-clear.
  public var text: String {
    if isClean {
      return "ok: integrity, foreign keys, \(auditEntries) audit entries, migrations and schema "
        + "(version \(schemaVersion)) check out"
    }
    return
      (["\(problems.count) problem\(problems.count == 1 ? "" : "s") found:"]
      + problems.map { "  \($0)" }).joined(separator: "\n")
  }
}

extension Queries {
  /// Checks the registry: `PRAGMA integrity_check`, `PRAGMA foreign_key_check`, the audit
  /// chain, alias events against their audit entries, each run's params and metric points against
  /// the content digest last recorded for it, the applied migrations' checksums, and the schema
  /// (tables, indexes, triggers) against
  /// what the compiled-in migrations create in a fresh in-memory database, so a dropped
  /// append-only trigger is reported. When the integrity check finds damage, only that is
  /// reported (the other checks would read the damaged pages). Reads one snapshot; writes nothing.
  public func check() throws(PedigreeError) -> CheckReport {
    let reference = try SQLiteRegistry.initialize(path: ":memory:", by: Author("pedigree"))
    let expected = try reference.registry.mapErrors { try SchemaObject.all(in: reference.registry.database) }
    // A damaged file: the checks below read its pages and would stop at the damage with an I/O
    // error. Report what `integrity_check` found instead. (Outside the read transaction: after
    // hitting damage SQLite refuses to commit it.)
    let damage = try registry.mapErrors { try integrityProblems() }
    guard damage.isEmpty else {
      return CheckReport(
        problems: damage, auditEntries: 0,
        schemaVersion: Int(try registry.mapErrors { try database.scalarInt("PRAGMA user_version") } ?? 0))
    }
    return try read {
      var problems: [CheckProblem] = []
      problems += try foreignKeyProblems()
      if let broken = try AuditChain.verify(database) {
        problems.append(CheckProblem(area: .auditChain, message: broken.description))
      } else {
        problems += try aliasHistoryProblems()
        problems += try runContentProblems()
      }
      problems += try migrationProblems(known: reference.applied)
      problems += SchemaObject.drift(expected: expected, actual: try SchemaObject.all(in: database))
      return CheckReport(
        problems: problems, auditEntries: Int(try database.scalarInt("SELECT count(*) FROM audit_log") ?? 0),
        schemaVersion: Int(try database.scalarInt("PRAGMA user_version") ?? 0))
    }
  }

  /// `PRAGMA integrity_check`'s findings. On some damage the pragma reports a few problems and
  /// then fails itself; that failure is one more finding, not the end of the check.
  func integrityProblems() throws -> [CheckProblem] {
    let statement = try database.prepareUncached("PRAGMA integrity_check")
    var findings: [String] = []
    while true {
      let found: Bool
      do {
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

  func foreignKeyProblems() throws -> [CheckProblem] {
    let declared = try database.query("PRAGMA foreign_key_check") { row in
      CheckProblem(
        area: .foreignKeys,
        message: "\(row.string(0)) row \(row.optionalInt64(1).map(String.init) ?? "?") refers to a "
          + "missing row of \(row.string(2))")
    }
    return declared + (try orphanMetricProblems())
  }

  /// `metrics` declares no foreign keys (see the schema): its references are checked here.
  func orphanMetricProblems() throws -> [CheckProblem] {
    let orphans = try database.query(
      """
      SELECT 'runs', run_id FROM metrics m WHERE NOT EXISTS (SELECT 1 FROM runs WHERE id = m.run_id)
      UNION
      SELECT 'metric_keys', key_id FROM metrics m
      WHERE NOT EXISTS (SELECT 1 FROM metric_keys WHERE id = m.key_id)
      LIMIT 20
      """
    ) { (table: $0.string(0), id: $0.int64(1)) }
    return orphans.map {
      CheckProblem(area: .foreignKeys, message: "metrics rows refer to missing \($0.table) row \($0.id)")
    }
  }

  func migrationProblems(known: [Migration]) throws -> [CheckProblem] {
    let applied = try registry.appliedMigrations()
    var problems = applied.filter { !$0.checksumMatches }.map {
      CheckProblem(
        area: .migrations,
        message: "migration \($0.version) (\($0.name)): its recorded checksum does not match the "
          + "migration this pedigree carries")
    }
    let recorded = Set(applied.map(\.version))
    let version = Int(try database.scalarInt("PRAGMA user_version") ?? 0)
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
