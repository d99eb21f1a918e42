import PedigreeCore
import PedigreePostgres
import PedigreeTestSupport
import Testing

/// The schema's append-only rules hold against the database's owner (the superuser the tests
/// connect as), for UPDATE, DELETE and TRUNCATE, and each refusal is the SQLite backend's kind
/// (`.refused`) with SQLite's message.
@Suite(needsPostgres) struct PostgresAppendOnlyTests {
  /// A registry with one row in each table the rules below touch.
  private func populated() throws -> (ScratchDatabase, PostgresConnection) {
    let database = try ScratchDatabase()
    let connection = try database.registry()
    try connection.execute(
      """
      INSERT INTO nodes(kind) VALUES ('run'), ('model_version');
      INSERT INTO experiments(name, created_at) VALUES ('fraud', 0);
      INSERT INTO runs(id, uuid, experiment_id, status, started_at, actor)
        VALUES (1, repeat('a', 32), 1, 'finished', 0, 'ana');
      INSERT INTO params(run_id, key, value) VALUES (1, 'lr', '0.01');
      INSERT INTO edges(src, dst, relation) VALUES (2, 1, 'source_run');
      INSERT INTO models(name, created_at, created_by) VALUES ('fraud', 0, 'ana');
      INSERT INTO model_versions(id, model_id, version, run_id, created_at, created_by)
        VALUES (2, 1, 1, 1, 0, 'ana');
      INSERT INTO alias_events(model_id, alias, action, to_version_id, actor, at)
        VALUES (1, 'production', 'promote', 2, 'ana', 0);
      INSERT INTO tokens(name, role, secret_sha256, created_by, created_at)
        VALUES ('ci', 'writer', 'x', 'ana', 0);
      """)
    return (database, connection)
  }

  @Test(arguments: [
    ("audit_log", "audit_log is append-only"),
    ("alias_events", "alias_events is append-only"),
    ("params", "params are immutable"),
    ("edges", "lineage edges are append-only"),
  ])
  func appendOnlyTablesRefuseEveryChange(table: String, message: String) throws {
    let (database, connection) = try populated()
    let rows = try database.count("SELECT count(*) FROM \(table)")
    #expect(rows >= 1)
    let column = table == "edges" ? "relation" : table == "params" ? "value" : "actor"
    for sql in [
      "UPDATE \(table) SET \(column) = 'mallory'", "DELETE FROM \(table)", "TRUNCATE \(table) CASCADE",
    ] {
      let error = expectError(.refused, sql) { try connection.execute(sql) }
      #expect(error?.message == "the database refused the write: \(message)", "\(sql)")
    }
    #expect(try database.count("SELECT count(*) FROM \(table)") == rows)
  }

  @Test func truncatingTheGraphThroughCascadeIsRefused() throws {
    let (database, connection) = try populated()
    expectError(.refused) { try connection.execute("TRUNCATE nodes CASCADE") }
    expectError(.refused) { try connection.execute("TRUNCATE experiments, runs CASCADE") }
    #expect(try database.count("SELECT count(*) FROM runs") == 1)
  }

  @Test func everyAppendOnlyTableRefusesTruncate() throws {
    let database = try ScratchDatabase()
    _ = try database.registry()
    // Each table with a delete-refusing trigger has a truncate-refusing one beside it.
    let missing = try database.server.psql(
      database.name,
      """
      SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE t.tgname LIKE '%\\_no\\_delete' AND NOT EXISTS (
        SELECT 1 FROM pg_trigger u WHERE u.tgrelid = t.tgrelid AND u.tgname = c.relname || '_no_truncate'
          AND u.tgtype & 32 <> 0)
      """)
    #expect(missing.isEmpty, "no truncate trigger on: \(missing)")
    #expect(try database.count("SELECT count(*) FROM pg_trigger WHERE tgname LIKE '%\\_no\\_truncate'") == 33)
  }

  @Test func modelVersionsMayOnlyBeDeprecatedOnce() throws {
    let (_, connection) = try populated()
    let deprecate =
      "UPDATE model_versions SET deprecated_at = 5, deprecated_by = 'ana', deprecation_reason = 'bad'"
    try connection.execute(deprecate)
    let error = expectError(.refused) { try connection.execute(deprecate) }
    #expect(error?.message.hasSuffix("a model version can only be deprecated, once") == true)
    expectError(.refused) { try connection.execute("DELETE FROM model_versions") }
  }

  @Test func tokensChangeOnlyByARecordedRevocation() throws {
    let (_, connection) = try populated()
    let revoke = "UPDATE tokens SET revoked = 1"
    let error = expectError(.refused) { try connection.execute(revoke) }
    #expect(error?.message.hasSuffix("only a recorded revocation may mark one revoked") == true)
    try connection.execute(
      "INSERT INTO token_revocations(token_id, actor, at) SELECT id, 'ana', 1 FROM tokens")
    try connection.execute(revoke)
    expectError(.refused) { try connection.execute("UPDATE tokens SET revoked = 0") }
  }

  @Test func constraintsRefuseLikeSQLite() throws {
    let (_, connection) = try populated()
    let duplicate = expectError(.refused) {
      try connection.execute("INSERT INTO experiments(name, created_at) VALUES ('fraud', 1)")
    }
    #expect(duplicate?.message.contains("duplicate key") == true)
    expectError(.refused) {
      try connection.execute(
        "INSERT INTO artifacts(id, name, uri, digest, created_at, created_by) VALUES (1, 'a', 'u', 'md5:x', 0, 'ana')"
      )
    }
    expectError(.refused) { try connection.execute("INSERT INTO nodes(kind) VALUES ('person')") }
    expectError(.refused) {
      try connection.execute("INSERT INTO params(run_id, key, value) VALUES (99, 'k', 'v')")
    }
  }
}
