import PedigreeCore
import PedigreePostgres
import PedigreeTestSupport
import Testing

@Suite(needsPostgres) struct PostgresValueTests {
  @Test func doublesRoundTripBitForBit() throws {
    let connection = try ScratchDatabase().connect()
    try connection.execute("CREATE TABLE v (i bigint PRIMARY KEY, x double precision)")
    let values: [Double] = [
      .nan, .infinity, -.infinity, 0.0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
      .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 0.1, 1.0 / 3.0,
      0.931, 1e-320, 123456789.123456789, .pi, -2.5e-308,
    ]
    for (index, value) in values.enumerated() {
      try connection.execute("INSERT INTO v VALUES ($1, $2)", [.integer(Int64(index)), .real(value)])
    }
    let rows = try connection.execute("SELECT x FROM v ORDER BY i")
    let back = try rows.map { try $0.double(0) }
    #expect(back.map(\.bitPattern) == values.map(\.bitPattern))
    // The server holds the values themselves, not a stand-in: NaN is NaN, -0 is negative.
    #expect(try connection.execute("SELECT count(*) FROM v WHERE x = 'NaN'").first?.int(0) == 1)
    #expect(try connection.execute("SELECT count(*) FROM v WHERE x = '-Infinity'").first?.int(0) == 1)
    #expect(try connection.execute("SELECT x::text FROM v WHERE i = 4").first?.string(0) == "-0")
  }

  @Test func integersTextBlobsAndNullsRoundTrip() throws {
    let connection = try ScratchDatabase().connect()
    try connection.execute("CREATE TABLE v (i bigint, t text, b bytea)")
    let bytes = (0...255).map { UInt8($0) } + [0, 0]
    let text = "naïve ✓ 日本 'quote' \"double\" \\ back; DROP TABLE v; --"
    try connection.execute(
      "INSERT INTO v VALUES ($1, $2, $3), ($4, $5, $6), (NULL, NULL, NULL)",
      [.integer(.max), .text(text), .blob(bytes), .integer(.min), .text(""), .blob([])])
    let rows = try connection.execute("SELECT i, t, b FROM v ORDER BY i NULLS LAST")
    #expect(rows.count == 3)
    #expect(try rows[0].int64(0) == .min && rows[0].string(1) == "" && rows[0].blob(2) == [])
    #expect(try rows[1].int64(0) == .max && rows[1].string(1) == text && rows[1].blob(2) == bytes)
    #expect(rows[2].isNull(0) && rows[2].optionalString(1) == nil)
    #expect(try rows[2].optionalInt64(0) == nil && rows[2].optionalDouble(0) == nil)
    expectError(.io) { try rows[2].int64(0) }
    expectError(.io) { try rows[1].int64(1) }
  }

  @Test func affectedRowsAndEmptyResults() throws {
    let connection = try ScratchDatabase().connect()
    try connection.execute("CREATE TABLE v (i bigint)")
    #expect(try connection.execute("INSERT INTO v SELECT generate_series(1, 5)").affected == 5)
    #expect(try connection.execute("DELETE FROM v WHERE i > $1", [3]).affected == 2)
    #expect(try connection.execute("SELECT i FROM v WHERE i > 10").isEmpty)
  }
}
