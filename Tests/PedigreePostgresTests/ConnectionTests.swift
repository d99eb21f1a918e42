import PedigreeCore
import PedigreeTestSupport
import Testing

@testable import PedigreePostgres

@Suite struct PostgresURLTests {
  @Test func passwordsAreRedacted() throws {
    let cases = [
      ("postgresql://ana:s3cret@db.example.com:5432/reg", "postgresql://ana:***@db.example.com:5432/reg"),
      ("postgres://ana:p@ss@host/reg", "postgres://ana:***@host/reg"),
      (
        "postgresql://ana@host/reg?password=s3cret&sslmode=require",
        "postgresql://ana@host/reg?password=***&sslmode=require"
      ),
      ("postgresql://ana@host/reg", "postgresql://ana@host/reg"),
      ("postgresql:///reg?host=/run/postgresql", "postgresql:///reg?host=/run/postgresql"),
    ]
    for (given, shown) in cases {
      let url = try PostgresURL(given)
      #expect(url.redacted == shown)
      #expect(!"\(url)".contains("s3cret"))
    }
  }

  @Test func onlyPostgresURLs() {
    #expect(PostgresURL.isPostgres("postgresql://h/db") && PostgresURL.isPostgres("postgres://h/db"))
    #expect(!PostgresURL.isPostgres("./pedigree.db"))
    expectError(.usage) { try PostgresURL("mysql://h/db") }
  }
}

@Suite(needsPostgres) struct PostgresConnectTests {
  /// Every failure to connect is one `.io` line naming the redacted URL, never the password.
  private func expectCannotConnect(_ url: String, mentioning words: [String] = []) -> PedigreeError? {
    let error = expectError(.io) { try PostgresConnection(url: PostgresURL(url)) }
    #expect(error?.message.contains("\n") == false, "one line: \(error?.message ?? "")")
    #expect(error?.message.hasPrefix("cannot connect to postgresql://") == true)
    for word in words { #expect(error?.message.contains(word) == true, "\(error?.message ?? "")") }
    return error
  }

  @Test func wrongPortOnTheSocketFailsAtOnce() throws {
    let server = try PostgresServer.shared()
    expectCannotConnect("postgresql://pedigree@/postgres?host=\(server.socketDirectory)&port=1")
  }

  @Test func refusedTCPConnectionFails() {
    expectCannotConnect("postgresql://pedigree@127.0.0.1:1/postgres")
  }

  @Test func missingDatabaseFails() throws {
    let server = try PostgresServer.shared()
    expectCannotConnect(server.url(database: "no_such_db"), mentioning: ["no_such_db"])
  }

  @Test func wrongPasswordFailsWithoutShowingIt() throws {
    let server = try PostgresServer.shared()
    let role = PostgresServer.passwordRole
    let error = expectCannotConnect(
      server.url(database: "postgres", user: role.name, password: "wrong-guess"),
      mentioning: ["password authentication failed", ":***@"])
    #expect(error.map { !$0.description.contains("wrong-guess") } == true)
    // The right password connects: the failure above was the password's.
    let right = try PostgresConnection(
      url: PostgresURL(server.url(database: "postgres", user: role.name, password: role.password)))
    #expect(try right.execute("SELECT current_user").first?.string(0) == role.name)
  }

  @Test func connectionNamesItselfAndReportsTheServer() throws {
    let connection = try ScratchDatabase().connect()
    #expect(
      try connection.execute("SELECT current_setting('application_name')").first?.string(0) == "pedigree")
    #expect(try connection.execute("SELECT current_setting('client_encoding')").first?.string(0) == "UTF8")
    #expect(connection.serverVersion >= 100000)
  }

  @Test func urlSettingsWinOverDefaults() throws {
    let database = try ScratchDatabase()
    let connection = try PostgresConnection(url: PostgresURL(database.url.text + "&application_name=trainer"))
    #expect(try connection.execute("SHOW application_name").first?.string(0) == "trainer")
  }
}

@Suite struct PostgresConnectionParameterTests {
  @Test func defaultsComeBeforeTheURLAndEncodingAfter() throws {
    let url = try PostgresURL("postgresql://ana@db/reg?connect_timeout=30")
    let parameters = url.connectionParameters(connectTimeout: 5, environment: { _ in nil })
    #expect(parameters.map(\.0) == ["application_name", "connect_timeout", "dbname", "client_encoding"])
    #expect(parameters[1].1 == "5" && parameters[2].1 == url.text && parameters[3].1 == "UTF8")
  }

  @Test func pgVariablesKeepTheirSay() throws {
    let url = try PostgresURL("postgresql://ana@db/reg")
    let set = ["PGCONNECT_TIMEOUT": "2", "PGAPPNAME": "nightly"]
    let parameters = url.connectionParameters(connectTimeout: 5, environment: { set[$0] })
    #expect(parameters.map(\.0) == ["dbname", "client_encoding"])
  }
}

@Suite struct PostgresLibraryTests {
  @Test func aMissingLibpqIsAnIOErrorThatSaysWhatToInstall() {
    let error = PedigreeError.libpqMissing("libpq.so.5: cannot open shared object file\nmore")
    #expect(error.kind == .io)
    #expect(
      error.message
        == "PostgreSQL support needs libpq (apt install libpq5): libpq.so.5: cannot open shared object file")
  }
}
