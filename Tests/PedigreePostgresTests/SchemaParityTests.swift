import Foundation
import PedigreeCore
import PedigreePostgres
import PedigreeSQLite
import PedigreeTestSupport
import Testing

/// The PostgreSQL schema means what SQLite's means: the same tables with the same columns in the
/// same order (INTEGER as bigint, TEXT as text COLLATE "C", REAL as double precision, BLOB as
/// bytea; the same NOT NULLs), the same indexes on the same columns, the same views, and every
/// SQLite trigger under its name with its message. PostgreSQL adds only `pedigree_registry` (the
/// registry's mark) and `*_no_truncate` triggers. A SQLite migration without its PostgreSQL
/// counterpart fails here.
@Suite(needsPostgres) struct PostgresSchemaParityTests {
  /// SQLite's schema (schema.sql, which SQLite's own test keeps equal to its migrations).
  static func sqlite() throws -> Database {
    let database = try Database(path: ":memory:")
    try database.execute(
      String(contentsOfFile: ExternalTools.repositoryRoot + "/schema.sql", encoding: .utf8))
    return database
  }

  /// The names of SQLite's objects of `type` (`table`, `view`), sorted.
  static func names(of type: String, in database: Database) throws -> [String] {
    try database.query("SELECT name FROM sqlite_master WHERE type = ? ORDER BY name", [.text(type)]) {
      $0.string(0)
    }
  }

  @Test func tablesAndColumnsMatch() throws {
    let lite = try Self.sqlite()
    let tables = try Self.names(of: "table", in: lite)
    var expected: [String] = []
    for table in tables {
      expected += try lite.query(
        "SELECT cid, name, type, \"notnull\" OR pk > 0 FROM pragma_table_info(?) ORDER BY cid", [.text(table)]
      ) { row in
        let type = ["INTEGER": "bigint", "TEXT": "text C", "REAL": "double precision", "BLOB": "bytea"][
          row.string(2)]
        return
          "\(table) \(row.int(0) + 1) \(row.string(1)) \(type ?? row.string(2))\(row.int(3) == 1 ? " not null" : "")"
      }
    }
    let connection = try ScratchDatabase().registry()
    let actual = try connection.execute(
      """
      SELECT table_name || ' ' || ordinal_position || ' ' || column_name || ' ' || data_type
          || coalesce(' ' || collation_name, '') || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END
        FROM information_schema.columns c
        WHERE table_schema = 'public' AND table_name <> 'pedigree_registry'
          AND table_name IN (SELECT table_name FROM information_schema.tables
                             WHERE table_schema = 'public' AND table_type = 'BASE TABLE')
        ORDER BY table_name, ordinal_position
      """
    ).map { try $0.string(0) }
    #expect(actual.filter { !expected.contains($0) } == [], "PostgreSQL only")
    #expect(expected.filter { !actual.contains($0) } == [], "SQLite only")
    #expect(expected.count > 200 && actual.count == expected.count)
  }

  @Test func indexesAndViewsMatch() throws {
    let lite = try Self.sqlite()
    let indexes = try lite.query(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
    ) { $0.string(0) }
    let expected = try indexes.map { index in
      let columns = try lite.query("SELECT name FROM pragma_index_info(?) ORDER BY seqno", [.text(index)]) {
        $0.string(0)
      }
      return "\(index)(\(columns.joined(separator: ",")))"
    }
    let connection = try ScratchDatabase().registry()
    let actual = try connection.execute(
      """
      SELECT i.relname || '(' || string_agg(a.attname, ',' ORDER BY k.position) || ')'
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        JOIN unnest(x.indkey) WITH ORDINALITY AS k(attnum, position) ON true
        JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
        WHERE i.relnamespace = 'public'::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
        GROUP BY i.relname ORDER BY i.relname
      """
    ).map { try $0.string(0) }
    #expect(actual == expected)
    #expect(expected.count > 30 && expected.contains("tokens_in_force_by_name(name)"))
    let views = try Self.names(of: "view", in: lite)
    let pgViews = try connection.execute(
      "SELECT viewname FROM pg_views WHERE schemaname = 'public' ORDER BY viewname"
    ).map { try $0.string(0) }
    #expect(pgViews == views)
  }

  @Test func keysMatch() throws {
    let lite = try Self.sqlite()
    let tables = try Self.names(of: "table", in: lite)
    var expected: [String] = []
    for table in tables {
      let primary = try lite.query(
        "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", [.text(table)]
      ) { $0.string(0) }
      expected.append("\(table) primary (\(primary.joined(separator: ",")))")
      let unique = try lite.query(
        "SELECT name FROM pragma_index_list(?) WHERE origin = 'u'", [.text(table)]
      ) { $0.string(0) }
      for index in unique {
        let columns = try lite.query("SELECT name FROM pragma_index_info(?) ORDER BY seqno", [.text(index)]) {
          $0.string(0)
        }
        expected.append("\(table) unique (\(columns.joined(separator: ",")))")
      }
      expected += try lite.query(
        "SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?) ORDER BY id, seq", [.text(table)]
      ) { "\(table) foreign (\($0.string(0))) \($0.string(1))(\($0.string(2)))" }
    }
    let connection = try ScratchDatabase().registry()
    let actual = try connection.execute(
      """
      SELECT c.conrelid::regclass::text || ' '
          || CASE c.contype WHEN 'p' THEN 'primary' WHEN 'u' THEN 'unique' ELSE 'foreign' END
          || ' (' || (SELECT string_agg(a.attname, ',' ORDER BY k.position)
                      FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, position)
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) || ')'
          || CASE WHEN c.contype = 'f' THEN ' ' || c.confrelid::regclass::text || '('
               || (SELECT string_agg(a.attname, ',' ORDER BY k.position)
                   FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, position)
                   JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) || ')'
             ELSE '' END
        FROM pg_constraint c
        WHERE c.connamespace = 'public'::regnamespace AND c.contype IN ('p', 'u', 'f')
          AND c.conrelid <> 'pedigree_registry'::regclass
      """
    ).map { try $0.string(0) }
    #expect(actual.filter { !expected.contains($0) }.sorted() == [], "PostgreSQL only")
    #expect(expected.filter { !actual.contains($0) }.sorted() == [], "SQLite only")
    #expect(expected.count > 90 && actual.count == expected.count)
  }

  @Test func everyTriggerHasItsNameAndMessage() throws {
    let lite = try Self.sqlite()
    let expected = try lite.query("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
    {
      row in "\(row.string(0)): \(Self.message(in: row.string(1), after: "RAISE(ABORT, '"))"
    }
    let connection = try ScratchDatabase().registry()
    let definitions = try connection.execute(
      """
      SELECT t.tgname, pg_get_triggerdef(t.oid), p.prosrc FROM pg_trigger t
        JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
        WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal ORDER BY t.tgname
      """)
    var actual: [String] = []
    var truncations = 0
    for row in definitions {
      let name = try row.string(0)
      if name.hasSuffix("_no_truncate") {
        truncations += 1
        continue
      }
      // The audit chain's touch triggers (SQLite's are temporary, made by each writer
      // connection: FactTracking) and the id triggers (SQLite's rowid rule is built in).
      if name.hasSuffix("_touch") || name.hasSuffix("_next_id") { continue }
      let definition = try row.string(1)
      let message =
        definition.contains("pedigree_refuse(")
        ? Self.message(in: definition, after: "pedigree_refuse('")
        : Self.message(in: try row.string(2), after: "RAISE EXCEPTION '")
      actual.append("\(name): \(message)")
    }
    #expect(actual.filter { !expected.contains($0) } == [], "PostgreSQL only")
    #expect(expected.filter { !actual.contains($0) } == [], "SQLite only")
    #expect(expected.count == actual.count && expected.count > 60)
    #expect(expected.contains("audit_log_no_update: audit_log is append-only"))
    #expect(truncations > 0)
  }

  /// The quoted text after `marker` in `sql`.
  static func message(in sql: String, after marker: String) -> String {
    guard let start = sql.firstRange(of: marker)?.upperBound else { return "<no message>" }
    return String(sql[start...].prefix { $0 != "'" })
  }
}
