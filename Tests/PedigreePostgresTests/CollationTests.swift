import PedigreeCore
import PedigreePostgres
import PedigreeTestSupport
import Testing

/// SQLite compares text as bytes; the schema's `COLLATE "C"` makes PostgreSQL do the same even
/// in a database whose default collation is a language's (the test server's is en-US whenever
/// the machine has such a locale).
@Suite(needsPostgres) struct PostgresCollationTests {
  static let names = ["b", "B", "a", "A", "_x", "a-b", "a_b", "ab", "Z9", "z", "é", "e", "Ω", "0", "10", "9"]

  @Test func registryTextSortsAndComparesAsBytes() throws {
    let database = try ScratchDatabase()
    let connection = try database.registry()
    // The database itself sorts like a language, or the check below would prove nothing.
    let languageOrder = try connection.execute("SELECT 'b' < 'B'").first!
    if database.server.sortsLikeBytes {
      Issue.record("the test server sorts like bytes (no en_US or ICU locale): the collation is untested")
    } else {
      #expect(try languageOrder.bool(0), "the database's own collation puts b before B")
    }
    for (index, name) in Self.names.enumerated() {
      try connection.execute(
        "INSERT INTO experiments(name, created_at) VALUES ($1, $2)", [.text(name), .integer(Int64(index))])
    }
    let sorted = try connection.execute("SELECT name FROM experiments ORDER BY name").map { try $0.string(0) }
    let bytes = Self.names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    #expect(sorted == bytes)
    let above = try connection.execute("SELECT name FROM experiments WHERE name > $1 ORDER BY name", ["Z"])
      .map { try $0.string(0) }
    #expect(above == bytes.filter { Array("Z".utf8).lexicographicallyPrecedes(Array($0.utf8)) })
    // Case-sensitive LIKE and equality, as in SQLite.
    #expect(
      try connection.execute("SELECT count(*) FROM experiments WHERE name LIKE 'a%'").first?.int(0) == 4)
    #expect(try connection.execute("SELECT count(*) FROM experiments WHERE name = 'A'").first?.int(0) == 1)
  }

  @Test func everyTextColumnIsByteOrdered() throws {
    let database = try ScratchDatabase()
    _ = try database.registry()
    let loose = try database.server.psql(
      database.name,
      """
      SELECT c.relname || '.' || a.attname FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid AND c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
      WHERE a.atttypid = 'text'::regtype AND a.attnum > 0
        AND a.attcollation <> (SELECT oid FROM pg_collation WHERE collname = 'C')
      """)
    #expect(loose.isEmpty, "text columns without COLLATE \"C\": \(loose)")
  }
}
