import Foundation
import PedigreeTestSupport
import Testing

/// The registry `FactTamperTests` tampers with, and the tamperings: each table a command shows,
/// each column edited; rows added; rows removed.
enum TamperRegistry {
  static let recordID = "0123456789abcdef0123456789abcdef"

  /// Writes the registry with every command that writes, then checks it clean.
  static func write(_ cli: CLI) throws {
    let digest = { (c: Character) in "sha256:" + String(repeating: c, count: 64) }
    try cli.ok(
      "dataset", "register", "tx", "--uri", "s3://d/tx/1", "--digest", digest("1"), "--rows", "10",
      "--tag", "source=vendor")
    try cli.ok("dataset", "register", "tx", "--uri", "s3://d/tx/2", "--digest", digest("2"))
    let run = try cli.ok(
      "run", "start", "--experiment", "exp", "--name", "train", "--param", "lr=0.1", "--input", "tx@1",
      "--git-commit", "abc123", "--tag", "team=risk")
    try cli.ok(
      "run", "log", run, "--param", "depth=3", "--metric", "auc=0.9@1", "--output", "s3://a/extra.bin",
      "--tag", "stage=done")
    try cli.ok("run", "end", run)
    for version in 1...2 {
      let file = try cli.write("m\(version).bin", "weights \(version)")
      let extra = version == 1 ? ["--alias", "staging", "--tag", "owner=risk", "--description", "first"] : []
      let result = try cli.run(["model", "register", "fraud", "--run", run, "--artifact", file] + extra)
      #expect(result.status == 0, "model register: \(result.stderr)")
    }
    try cli.ok(
      "policy", "set", "fraud", "--alias", "production", "--require", "run.params.lr = '0.1'",
      "--require-reason")
    try cli.ok("policy", "set", "churn*", "--alias", "production", "--require-prior-alias", "staging")
    try cli.ok("policy", "unset", "churn*", "--alias", "production")
    try cli.ok("model", "promote", "fraud@1", "--to", "production", "--reason", "approved")
    try cli.ok("model", "promote", "fraud@2", "--to", "production", "--reason", "better")
    try cli.ok("model", "rollback", "fraud", "--reason", "regression")
    try cli.ok("model", "tag", "fraud@1", "--set", "tier=1", "--set", "team=risk")
    try cli.ok("model", "tag", "fraud@1", "--unset", "tier")
    try cli.ok("model", "describe", "fraud@1", "--description", "approved baseline")
    try cli.ok("model", "deprecate", "fraud@2", "--reason", "regressed")
    try cli.ok("dataset", "deprecate", "tx@1", "--reason", "mislabelled")
    // JSON Lines: two good records around a bad one (rolled back alone).
    let lines = [
      #"{"run_id": "\#(recordID)", "experiment": "bulk", "name": "rec", "params": {"a": "1"}, "#
        + #""metrics": {"m": [[0, 1], [1, 0.5]]}, "code": {"git_commit": "def456", "repo": "git@x", "#
        + #""entry_point": "train.py"}, "inputs": [{"dataset": {"name": "inline", "uri": "s3://i/1", "#
        + #""digest": "\#(digest("3"))", "rows": 5, "schema": {"x": "int"}, "tags": {"k": "v"}}}], "#
        + #""outputs": [{"artifact": {"name": "m.onnx", "uri": "s3://a/m.onnx", "digest": "\#(digest("4"))", "#
        + #""size": 12}}], "register": {"model": "churn", "artifact": "m.onnx", "alias": "staging"}, "#
        + #""tags": {"t": "1"}}"#,
      #"{"experiment": "bulk", "params": {"a": 1}}"#,
      #"{"experiment": "bulk", "name": "rec2", "status": "failed", "params": {"a": "2"}}"#,
    ]
    _ = try cli.run(["run", "record", "-"], input: lines.joined(separator: "\n") + "\n")
    try cli.ok("token", "create", "ci", "--role", "writer", "--expires", "30d")
    try cli.ok("token", "create", "old", "--role", "reader")
    try cli.ok("token", "revoke", "old")
    let event = try cli.write("event.json", openLineageEvent)
    try cli.ok("openlineage", "import", event)
    try writeMLflow(cli.database)
    let check = try cli.run("db", "check")
    #expect(check.status == 0, "the untouched registry: \(check.stdout) \(check.stderr)")
  }

  /// One OpenLineage run reading a raw file and writing a clean one.
  static let openLineageEvent = """
    {"eventType": "COMPLETE", "eventTime": "2026-11-28T10:00:00Z",
     "run": {"runId": "0190e5d6-7c1a-7e3b-9f00-0123456789ab"},
     "job": {"namespace": "airflow", "name": "clean_tx"},
     "inputs": [{"namespace": "s3://lake", "name": "raw/tx.csv"}],
     "outputs": [{"namespace": "s3://lake", "name": "clean/tx.parquet"}],
     "producer": "https://example.com/producer",
     "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent"}
    """

  /// Names the findings use, read from the registry by SQL.
  static let names: [String: String] = mlflowNames.merging(coreNames) { first, _ in first }

  static let coreNames: [String: String] = [
    "run": "SELECT uuid FROM runs WHERE name = 'train'",
    "artifact": "SELECT artifact_id FROM model_versions WHERE version = 1 AND model_id = "
      + "(SELECT id FROM models WHERE name = 'fraud')",
    "next_alias_event": "SELECT max(id) + 1 FROM alias_events",
    "next_tag_event": "SELECT max(id) + 1 FROM model_version_tag_events",
    "ol_event": "SELECT body_sha256 FROM ol_events",
    "ol_output":
      "SELECT o.event_id || ' ' || d.name FROM ol_run_outputs o JOIN datasets d ON d.id = o.dataset_id",
  ]

  struct Tampering: CustomTestStringConvertible, Sendable {
    let name: String
    /// The table whose triggers are dropped, then created again.
    let table: String
    let sql: String
    /// What `db check` must say (`{run}`… stand for `names`).
    let finding: String
    /// The SQL on PostgreSQL, where it differs.
    var postgresSQL: String? = nil
    var testDescription: String { name }

    /// The tampering's SQL for `cli`'s backend.
    func sql(for cli: CLI) -> String { cli.isPostgres ? postgresSQL ?? sql : sql }
  }

  // Rows, as SQL conditions.
  static let tx1 =
    "(SELECT v.id FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id "
    + "WHERE d.name = 'tx' AND v.version = 1)"
  static let fraud = "(SELECT id FROM models WHERE name = 'fraud')"
  static let fraud1 = "(SELECT id FROM model_versions WHERE model_id = \(fraud) AND version = 1)"
  static let fraud2 = "(SELECT id FROM model_versions WHERE model_id = \(fraud) AND version = 2)"
  static let train = "(SELECT id FROM runs WHERE name = 'train')"
  static let record = "(SELECT id FROM runs WHERE uuid = '\(recordID)')"

  /// An edit of one column: `value` (SQL over the column) written into the rows `condition`
  /// selects; `db check` names `entity` and `fact`.
  static func edit(
    _ table: String, _ column: String, to value: String? = nil, onPostgres postgresValue: String? = nil,
    where condition: String, _ entity: String, _ fact: String? = nil, text: Bool = true
  ) -> Tampering {
    let value = value ?? (text ? "coalesce(\(column), '') || 'x'" : "coalesce(\(column), 0) + 1")
    return Tampering(
      name: "edit \(table).\(column)", table: table,
      sql: "UPDATE \(table) SET \(column) = \(value) WHERE \(condition)",
      finding: "\(entity): \(fact ?? column)",
      postgresSQL: postgresValue.map { "UPDATE \(table) SET \(column) = \($0) WHERE \(condition)" })
  }

  static let edits: [Tampering] = [
    edit("dataset_versions", "uri", where: "id = \(tx1)", "dataset:tx@1"),
    edit("dataset_versions", "digest", where: "id = \(tx1)", "dataset:tx@1"),
    edit("dataset_versions", "size_bytes", where: "id = \(tx1)", "dataset:tx@1", text: false),
    edit("dataset_versions", "row_count", where: "id = \(tx1)", "dataset:tx@1", text: false),
    edit("dataset_versions", "schema_json", where: "id = \(tx1)", "dataset:tx@1", "schema"),
    edit("dataset_versions", "created_at", where: "id = \(tx1)", "dataset:tx@1", text: false),
    edit("dataset_versions", "created_by", where: "id = \(tx1)", "dataset:tx@1"),
    edit("dataset_version_tags", "value", where: "dataset_version_id = \(tx1)", "dataset:tx@1", "tags"),
    edit("dataset_version_tags", "key", where: "dataset_version_id = \(tx1)", "dataset:tx@1", "tags"),
    edit("dataset_deprecations", "reason", where: "TRUE", "dataset:tx@1", "deprecation_reason"),
    edit("dataset_deprecations", "deprecated_by", where: "TRUE", "dataset:tx@1"),
    edit("dataset_deprecations", "deprecated_at", where: "TRUE", "dataset:tx@1", text: false),
    edit("datasets", "created_at", where: "name = 'tx'", "dataset:tx", text: false),
    edit("datasets", "name", to: "'ty'", where: "name = 'tx'", "dataset:ty", "no audit entry records it"),
    edit("artifacts", "name", where: "id = {artifact}", "artifact:{artifact}"),
    edit("artifacts", "uri", where: "id = {artifact}", "artifact:{artifact}"),
    edit("artifacts", "digest", where: "id = {artifact}", "artifact:{artifact}"),
    edit("artifacts", "size_bytes", where: "id = {artifact}", "artifact:{artifact}", text: false),
    edit("artifacts", "created_at", where: "id = {artifact}", "artifact:{artifact}", text: false),
    edit("artifacts", "created_by", where: "id = {artifact}", "artifact:{artifact}"),
    edit("model_versions", "run_id", to: record, where: "id = \(fraud1)", "model:fraud@1", "run"),
    edit(
      "model_versions", "artifact_id", to: "artifact_id + 1", where: "id = \(fraud1)", "model:fraud@1",
      "artifact"),
    edit("model_versions", "artifact_digest", where: "id = \(fraud1)", "model:fraud@1"),
    edit("model_versions", "description", where: "id = \(fraud1)", "model:fraud@1"),
    edit("model_versions", "created_at", where: "id = \(fraud1)", "model:fraud@1", text: false),
    edit("model_versions", "created_by", where: "id = \(fraud1)", "model:fraud@1"),
    edit("model_versions", "deprecated_at", where: "id = \(fraud2)", "model:fraud@2", text: false),
    edit("model_versions", "deprecated_by", where: "id = \(fraud2)", "model:fraud@2"),
    edit("model_versions", "deprecation_reason", where: "id = \(fraud2)", "model:fraud@2"),
    edit(
      "model_versions", "deprecated_at", to: "NULL", where: "id = \(fraud2)", "model:fraud@2",
      "deprecated_at is null"),
    edit("models", "created_by", where: "name = 'fraud'", "model:fraud"),
    edit(
      "models", "name", to: "'fraux'", where: "name = 'fraud'", "model:fraux", "no audit entry records it"),
    edit("alias_events", "actor", to: "'newcomer'", where: "id = 2", "alias_event:2"),
    edit("alias_events", "reason", to: "'approved by review board'", where: "id = 2", "alias_event:2"),
    edit("alias_events", "at", where: "id = 2", "alias_event:2", text: false),
    edit("alias_events", "alias", to: "'canary'", where: "id = 2", "alias_event:2"),
    edit("alias_events", "action", to: "'rollback'", where: "id = 2", "alias_event:2"),
    edit("alias_events", "from_version_id", to: fraud1, where: "id = 4", "alias_event:4", "from_version"),
    edit("alias_events", "to_version_id", to: fraud2, where: "id = 2", "alias_event:2", "to_version"),
    edit(
      "alias_events", "model_id", to: "(SELECT id FROM models WHERE name = 'churn')", where: "id = 2",
      "alias_event:2", "model"),
    edit("model_version_tag_events", "key", where: "id = 1", "model_tag_event:1"),
    edit("model_version_tag_events", "value", where: "id = 1", "model_tag_event:1"),
    edit("model_version_tag_events", "actor", where: "id = 1", "model_tag_event:1"),
    edit("model_version_tag_events", "at", where: "id = 1", "model_tag_event:1", text: false),
    edit(
      "model_version_tag_events", "model_version_id", to: fraud2, where: "id = 1", "model_tag_event:1",
      "version"),
    edit("model_version_description_events", "description", where: "id = 1", "model_description_event:1"),
    edit("model_version_description_events", "actor", where: "id = 1", "model_description_event:1"),
    edit("model_version_description_events", "at", where: "id = 1", "model_description_event:1", text: false),
    edit("promotion_policies", "pattern", where: "id = 1", "policy_event:1"),
    edit("promotion_policies", "alias", where: "id = 1", "policy_event:1"),
    edit("promotion_policies", "action", to: "'unset'", where: "id = 1", "policy_event:1"),
    edit("promotion_policies", "require_filter", where: "id = 1", "policy_event:1", "require"),
    edit("promotion_policies", "require_ast", to: "'{}'", where: "id = 1", "policy_event:1"),
    edit("promotion_policies", "require_reason", to: "0", where: "id = 1", "policy_event:1"),
    edit("promotion_policies", "require_prior_alias", where: "id = 1", "policy_event:1"),
    edit("promotion_policies", "min_role", to: "'reader'", where: "id = 1", "policy_event:1"),
    edit("promotion_policies", "actor", where: "id = 1", "policy_event:1"),
    edit("promotion_policies", "at", where: "id = 1", "policy_event:1", text: false),
    edit("tokens", "role", to: "'admin'", where: "name = 'ci'", "token:ci#1"),
    edit("tokens", "secret_sha256", where: "name = 'ci'", "token:ci#1"),
    edit("tokens", "expires_at", where: "name = 'ci'", "token:ci#1", text: false),
    edit("tokens", "revoked", to: "0", where: "name = 'old'", "token:old#2"),
    edit("token_revocations", "actor", where: "TRUE", "token:old#2", "revoked_by"),
    edit("ol_events", "producer", where: "TRUE", "openlineage_event:{ol_event}"),
    edit("ol_events", "event_type", to: "'FAIL'", where: "TRUE", "openlineage_event:{ol_event}"),
    edit("ol_datasets", "uri", where: "name = 'raw/tx.csv'", "openlineage_dataset:s3://lake raw/tx.csv"),
    edit("ol_runs", "job_name", where: "TRUE", "openlineage_run:0190e5d6-7c1a-7e3b-9f00-0123456789ab"),
    edit("ol_run_outputs", "facts", where: "TRUE", "openlineage_output:{ol_output}"),
    edit("runs", "name", where: "id = \(train)", "run:{run}"),
    edit("runs", "status", to: "'failed'", where: "id = \(train)", "run:{run}"),
    edit("runs", "started_at", to: "started_at - 1", where: "id = \(train)", "run:{run}"),
    edit("runs", "ended_at", where: "id = \(train)", "run:{run}", text: false),
    edit("runs", "git_commit", where: "id = \(train)", "run:{run}"),
    edit("runs", "git_repo", where: "id = \(train)", "run:{run}"),
    edit("runs", "entry_point", where: "id = \(train)", "run:{run}"),
    edit("runs", "actor", where: "id = \(train)", "run:{run}"),
    edit(
      "runs", "experiment_id", to: "(SELECT id FROM experiments WHERE name = 'bulk')", where: "id = \(train)",
      "run:{run}", "experiment"),
    edit("params", "value", where: "run_id = \(train) AND key = 'lr'", "run:{run}", "params"),
    edit("params", "key", where: "run_id = \(train) AND key = 'lr'", "run:{run}", "params"),
    edit("run_tags", "value", where: "run_id = \(train)", "run:{run}", "tags"),
    edit("run_records", "digest", where: "run_id = \(record)", "run:\(recordID)", "record_digest"),
    edit("experiments", "created_at", where: "name = 'exp'", "experiment:exp", text: false),
    edit(
      "experiments", "name", to: "'exq'", where: "name = 'exp'", "experiment:exq", "no audit entry records it"
    ),
    edit(
      "edges", "relation", to: "'output'", where: "src = \(tx1) AND dst = \(train)",
      "edge:dataset:tx@1 -output-> run:{run}", "no audit entry records it"),
    edit(
      "edges", "dst", to: record, where: "src = \(tx1) AND dst = \(train)",
      "edge:dataset:tx@1 -input-> run:\(recordID)", "no audit entry records it"),
  ]

  static let additions: [Tampering] = [
    Tampering(
      name: "forge a run with params", table: "runs",
      sql: """
        INSERT INTO nodes(kind) VALUES ('run');
        INSERT INTO runs(id, uuid, experiment_id, status, started_at, actor)
        VALUES ((SELECT max(id) FROM nodes), '00000000000000000000000000001092', 1, 'finished', 0, 'mallory');
        INSERT INTO params(run_id, key, value) SELECT id, 'lr', '1.0' FROM runs WHERE uuid = '00000000000000000000000000001092';
        """, finding: "run:00000000000000000000000000001092: no audit entry records it"),
    Tampering(
      name: "add an alias event", table: "alias_events",
      sql: """
        INSERT INTO alias_events(model_id, alias, action, from_version_id, to_version_id, actor, at)
        VALUES (\(fraud), 'production', 'promote', \(fraud1), \(fraud2), 'mallory', 0)
        """, finding: "alias_event:{next_alias_event}: no audit entry records it"),
    Tampering(
      name: "add an edge", table: "edges",
      sql:
        "INSERT INTO edges(src, dst, relation) SELECT id, \(train), 'input' FROM dataset_versions WHERE version = 2",
      finding: "edge:dataset:tx@2 -input-> run:{run}: no audit entry records it"),
    Tampering(
      name: "add a dataset version", table: "dataset_versions",
      sql: """
        INSERT INTO nodes(kind) VALUES ('dataset_version');
        INSERT INTO dataset_versions(id, dataset_id, version, uri, created_at, created_by)
        VALUES ((SELECT max(id) FROM nodes), (SELECT id FROM datasets WHERE name = 'tx'), 9, 's3://x', 0, 'mallory');
        """, finding: "dataset:tx@9: no audit entry records it"),
    Tampering(
      name: "add a param", table: "params",
      sql: "INSERT INTO params(run_id, key, value) VALUES (\(train), 'seed', '7')",
      finding: "run:{run}: params"),
    Tampering(
      name: "add a model tag event", table: "model_version_tag_events",
      sql: """
        INSERT INTO model_version_tag_events(model_version_id, key, value, actor, at)
        VALUES (\(fraud1), 'approved', 'yes', 'mallory', 0)
        """, finding: "model_tag_event:{next_tag_event}: no audit entry records it"),
    Tampering(
      name: "add a policy", table: "promotion_policies",
      sql: """
        INSERT INTO promotion_policies(pattern, alias, action, actor, at)
        VALUES ('*', 'production', 'unset', 'mallory', 0)
        """, finding: "policy_event:4: no audit entry records it"),
    Tampering(
      name: "add a token", table: "tokens",
      sql: """
        INSERT INTO tokens(name, role, secret_sha256, created_by, created_at)
        VALUES ('backdoor', 'admin', 'sha256:' || 'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd', 'mallory', 0)
        """, finding: "token:backdoor#3: no audit entry records it"),
  ]

  static func removal(_ table: String, where condition: String, _ entity: String, _ what: String)
    -> Tampering
  {
    Tampering(
      name: "remove \(what)", table: table, sql: "DELETE FROM \(table) WHERE \(condition)",
      finding: entity)
  }

  static let removals: [Tampering] = [
    removal("params", where: "run_id = \(train) AND key = 'depth'", "run:{run}: params", "a param"),
    removal("alias_events", where: "id = 2", "alias_event:2: audit entry", "an alias event"),
    removal(
      "edges", where: "src = \(tx1) AND dst = \(train)", "edge:dataset:tx@1 -input-> run:{run}: audit entry",
      "an edge"),
    removal("model_versions", where: "id = \(fraud2)", "model:fraud@2: audit entry", "a model version"),
    removal(
      "dataset_version_tags", where: "dataset_version_id = \(tx1)", "dataset:tx@1: tags", "a dataset tag"),
    removal("dataset_deprecations", where: "TRUE", "dataset:tx@1: deprecated_at", "a dataset deprecation"),
    removal("runs", where: "id = \(train)", "run:{run}: audit entry", "a run"),
    removal("run_tags", where: "run_id = \(train)", "run:{run}: tags", "a run tag"),
    removal("promotion_policies", where: "id = 1", "policy_event:1: audit entry", "a policy"),
    removal(
      "model_version_description_events", where: "TRUE", "model_description_event:1: audit entry",
      "a description"),
    removal("token_revocations", where: "TRUE", "token:old#2: revoked_by", "a token revocation"),
  ]

  static let tamperings =
    edits + additions + removals + mlflowEdits + mlflowAdditions + mlflowRemovals
}
