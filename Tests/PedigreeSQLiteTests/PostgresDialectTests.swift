import PedigreeCore
import PedigreePostgres
import Testing

@testable import PedigreeSQLite

/// What the engine-neutral `Database` changes in a statement for PostgreSQL: placeholders (by
/// SQLite's numbering rules), bound values (NaN as NULL, as SQLite stores it) and error classes.
@Suite struct PostgresDialectTests {
  @Test(arguments: [
    ("SELECT ?", "SELECT $1", 1),
    ("SELECT ?, ?", "SELECT $1, $2", 2),
    // A bare `?` after `?NNN` is one more than the largest number so far (sqlite.org/lang_expr.html).
    ("SELECT ?3, ?, ?1", "SELECT $3, $4, $1", 4),
    ("WHERE a = ?1 AND b = ?1", "WHERE a = $1 AND b = $1", 1),
    ("SELECT '?', \"a?\" FROM t WHERE x = ?", "SELECT '?', \"a?\" FROM t WHERE x = $1", 1),
    ("SELECT 'it''s ?' || ?", "SELECT 'it''s ?' || $1", 1),
    ("SELECT ? -- is it? ?\nFROM t", "SELECT $1 -- is it? ?\nFROM t", 1),
    ("SELECT ?12", "SELECT $12", 12),
  ])
  func placeholdersBecomeNumbered(sql: String, expected: String, parameters: Int) {
    let translated = PostgresDialect.translate(sql)
    #expect(translated.text == expected)
    #expect(translated.parameters == parameters)
  }

  @Test func nanBindsAsNullAndEveryOtherValueAsItIs() {
    #expect(PostgresDialect.parameter(.real(.nan)) == .null)
    #expect(PostgresDialect.parameter(.real(-.infinity)) == .real(-.infinity))
    #expect(PostgresDialect.parameter(.real(-0.0)) == .real(-0.0))
    #expect(PostgresDialect.parameter(.integer(Int64.min)) == .integer(Int64.min))
    #expect(PostgresDialect.parameter(.text("")) == .text(""))
    #expect(PostgresDialect.parameter(.blob([0, 255])) == .blob([0, 255]))
    #expect(PostgresDialect.parameter(.null) == .null)
  }

  @Test(arguments: [
    ("23505", PedigreeError.Kind.refused), ("23503", .refused), ("P0001", .refused), ("23514", .refused),
    ("55P03", .busy), ("57014", .busy), ("40001", .busy), ("40P01", .busy),
    ("08006", .io), ("", .io), ("42P01", .io),
  ])
  func errorsKeepTheirClass(sqlstate: String, kind: PedigreeError.Kind) {
    let error = PostgresDialect.error(PostgresError(sqlstate: sqlstate, message: "m"), sql: "SELECT 1")
    #expect(PedigreeError(error, path: "postgresql://ana@db/r").kind == kind, "\(sqlstate)")
  }
}
