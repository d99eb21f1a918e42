import PedigreeCore

/// One kind of entity whose facts the audit chain records: how to read its facts from the rows,
/// and which row changes touch one (see docs/AUDIT-CHAIN.md, "What each entry records").
///
/// `select` reads `(key, facts)` for every entity of the kind, in a stable order: `key` is the
/// entity's name (`model:fraud@2`, `alias_event:5`), unique across kinds; `facts` a JSON object
/// built with `json_object` (canonical: fixed keys in a fixed order, SQLite's own JSON text).
/// It holds a `{filter}` placeholder: `1` for `db check`, or a test of `filterColumn` against one
/// entity the current write touched when an audit entry records it.
///
/// `touches` names the tables whose inserted or updated rows change an entity of this kind, and
/// the expression (over `NEW`) giving the touched entity's `filterColumn` value.
struct FactKind {
  let name: String
  let filterColumn: String
  let select: String
  let touches: [(table: String, id: String)]

  /// The query over every entity of the kind.
  var selectAll: String { select.replacing("{filter}", with: "TRUE") }

  /// The query over the entities whose `filterColumn` value is its one parameter: one touched
  /// entity's facts.
  var selectOne: String { select.replacing("{filter}", with: "\(filterColumn) = ?") }

  /// `sql` (one of the kind's queries) as PostgreSQL runs it: `json_object` is
  /// `json_build_object` there, `json_group_object` is `json_object_agg` in key order (as
  /// SQLite's reads a key index), `{}` for none. Facts then print in PostgreSQL's JSON form,
  /// the same at every write and every check.
  static func postgres(_ sql: String) -> String {
    sql.replacing("json_object(", with: "json_build_object(")
      .replacing(#/json_group_object\(([a-z_.]+), ([a-z_.]+)\)/#) { match in
        "coalesce(json_object_agg(\(match.1), \(match.2) ORDER BY \(match.1)), '{}')"
      }
  }
}

extension FactKind {
  /// The typed ref of node `id`: `dataset:NAME@N`, `run:ID`, `artifact:ID`, `model:NAME@N`.
  static func nodeRef(_ id: String) -> String {
    """
    coalesce(
      (SELECT 'dataset:' || d.name || '@' || v.version FROM dataset_versions v
       JOIN datasets d ON d.id = v.dataset_id WHERE v.id = \(id)),
      (SELECT 'run:' || uuid FROM runs WHERE id = \(id)),
      (SELECT 'artifact:' || id FROM artifacts WHERE id = \(id)),
      (SELECT 'model:' || m.name || '@' || v.version FROM model_versions v
       JOIN models m ON m.id = v.model_id WHERE v.id = \(id)),
      'node:' || \(id))
    """
  }

  /// The kinds, in the order `db check` compares them. To cover a new table, add a kind here:
  /// its query and the tables that touch it; nothing else changes (see docs/AUDIT-CHAIN.md). A
  /// kind added after registries exist also needs a baseline for them (see `mlflow`).
  static let all: [FactKind] = core + mlflow

  /// The kinds recorded since schema `FactTracking.firstVersion`.
  static let core: [FactKind] = [
    FactKind(
      name: "experiment", filterColumn: "id",
      select: """
        SELECT 'experiment:' || name, json_object('created_at', created_at)
        FROM experiments WHERE {filter} ORDER BY id
        """, touches: [("experiments", "NEW.id")]),
    FactKind(
      name: "dataset", filterColumn: "id",
      select: """
        SELECT 'dataset:' || name, json_object('created_at', created_at)
        FROM datasets WHERE {filter} ORDER BY id
        """, touches: [("datasets", "NEW.id")]),
    FactKind(
      name: "dataset_version", filterColumn: "v.id",
      select: """
        SELECT 'dataset:' || coalesce(d.name, '?') || '@' || v.version, json_object(
          'uri', v.uri, 'digest', v.digest, 'size_bytes', v.size_bytes, 'row_count', v.row_count,
          'schema', v.schema_json, 'created_at', v.created_at, 'created_by', v.created_by,
          'tags', json((SELECT json_group_object(t.key, t.value) FROM dataset_version_tags t
                        WHERE t.dataset_version_id = v.id)),
          'deprecated_at', x.deprecated_at, 'deprecated_by', x.deprecated_by,
          'deprecation_reason', x.reason)
        FROM dataset_versions v LEFT JOIN datasets d ON d.id = v.dataset_id
        LEFT JOIN dataset_deprecations x ON x.dataset_version_id = v.id
        WHERE {filter} ORDER BY v.id
        """,
      touches: [
        ("dataset_versions", "NEW.id"), ("dataset_version_tags", "NEW.dataset_version_id"),
        ("dataset_deprecations", "NEW.dataset_version_id"),
      ]),
    FactKind(
      name: "run", filterColumn: "r.id",
      select: """
        SELECT 'run:' || r.uuid, json_object(
          'experiment', e.name, 'name', r.name, 'status', r.status, 'started_at', r.started_at,
          'ended_at', r.ended_at, 'git_commit', r.git_commit, 'git_repo', r.git_repo,
          'entry_point', r.entry_point, 'actor', r.actor,
          'params', json((SELECT json_group_object(p.key, p.value) FROM params p WHERE p.run_id = r.id)),
          'tags', json((SELECT json_group_object(t.key, t.value) FROM run_tags t WHERE t.run_id = r.id)),
          'record_digest', (SELECT rr.digest FROM run_records rr WHERE rr.run_id = r.id))
        FROM runs r LEFT JOIN experiments e ON e.id = r.experiment_id
        WHERE {filter} ORDER BY r.id
        """,
      touches: [
        ("runs", "NEW.id"), ("params", "NEW.run_id"), ("run_tags", "NEW.run_id"),
        ("run_records", "NEW.run_id"),
      ]),
    FactKind(
      name: "artifact", filterColumn: "id",
      select: """
        SELECT 'artifact:' || id, json_object(
          'name', name, 'uri', uri, 'digest', digest, 'size_bytes', size_bytes,
          'created_at', created_at, 'created_by', created_by)
        FROM artifacts WHERE {filter} ORDER BY id
        """, touches: [("artifacts", "NEW.id")]),
    FactKind(
      name: "model", filterColumn: "id",
      select: """
        SELECT 'model:' || name, json_object('created_at', created_at, 'created_by', created_by)
        FROM models WHERE {filter} ORDER BY id
        """, touches: [("models", "NEW.id")]),
    FactKind(
      name: "model_version", filterColumn: "v.id",
      select: """
        SELECT 'model:' || coalesce(m.name, '?') || '@' || v.version, json_object(
          'run', 'run:' || r.uuid, 'artifact', 'artifact:' || v.artifact_id,
          'artifact_digest', v.artifact_digest, 'description', v.description,
          'created_at', v.created_at, 'created_by', v.created_by, 'deprecated_at', v.deprecated_at,
          'deprecated_by', v.deprecated_by, 'deprecation_reason', v.deprecation_reason)
        FROM model_versions v LEFT JOIN models m ON m.id = v.model_id LEFT JOIN runs r ON r.id = v.run_id
        WHERE {filter} ORDER BY v.id
        """, touches: [("model_versions", "NEW.id")]),
    FactKind(
      name: "edge", filterColumn: "e.dst",
      select: """
        SELECT 'edge:' || source || ' -' || relation || '-> ' || target,
          json_object('from', source, 'to', target, 'relation', relation)
        FROM (SELECT e.src, e.dst, e.relation, \(nodeRef("e.src")) AS source,
                \(nodeRef("e.dst")) AS target
              FROM edges e WHERE {filter}) AS named_edges
        ORDER BY dst, src, relation
        """, touches: [("edges", "NEW.dst")]),
    FactKind(
      name: "alias_event", filterColumn: "e.id",
      select: """
        SELECT 'alias_event:' || e.id, json_object(
          'model', m.name, 'alias', e.alias, 'action', e.action,
          'from_version', 'model:' || fm.name || '@' || f.version,
          'to_version', 'model:' || tm.name || '@' || t.version,
          'actor', e.actor, 'reason', e.reason, 'at', e.at)
        FROM alias_events e LEFT JOIN models m ON m.id = e.model_id
        LEFT JOIN model_versions f ON f.id = e.from_version_id LEFT JOIN models fm ON fm.id = f.model_id
        LEFT JOIN model_versions t ON t.id = e.to_version_id LEFT JOIN models tm ON tm.id = t.model_id
        WHERE {filter} ORDER BY e.id
        """, touches: [("alias_events", "NEW.id")]),
    FactKind(
      name: "model_tag_event", filterColumn: "e.id",
      select: """
        SELECT 'model_tag_event:' || e.id, json_object(
          'version', 'model:' || m.name || '@' || v.version, 'key', e.key, 'value', e.value,
          'actor', e.actor, 'at', e.at)
        FROM model_version_tag_events e LEFT JOIN model_versions v ON v.id = e.model_version_id
        LEFT JOIN models m ON m.id = v.model_id
        WHERE {filter} ORDER BY e.id
        """, touches: [("model_version_tag_events", "NEW.id")]),
    FactKind(
      name: "model_description_event", filterColumn: "e.id",
      select: """
        SELECT 'model_description_event:' || e.id, json_object(
          'version', 'model:' || m.name || '@' || v.version, 'description', e.description,
          'actor', e.actor, 'at', e.at)
        FROM model_version_description_events e LEFT JOIN model_versions v ON v.id = e.model_version_id
        LEFT JOIN models m ON m.id = v.model_id
        WHERE {filter} ORDER BY e.id
        """, touches: [("model_version_description_events", "NEW.id")]),
    FactKind(
      name: "policy_event", filterColumn: "id",
      select: """
        SELECT 'policy_event:' || id, json_object(
          'pattern', pattern, 'alias', alias, 'action', action, 'require', require_filter,
          'require_ast', require_ast, 'require_reason', require_reason,
          'require_prior_alias', require_prior_alias, 'min_role', min_role, 'actor', actor, 'at', at)
        FROM promotion_policies WHERE {filter} ORDER BY id
        """, touches: [("promotion_policies", "NEW.id")]),
    FactKind(
      name: "token", filterColumn: "t.id",
      select: """
        SELECT 'token:' || t.name || '#' || t.id, json_object(
          'role', t.role, 'secret_sha256', t.secret_sha256, 'expires_at', t.expires_at,
          'created_by', t.created_by, 'created_at', t.created_at, 'revoked', t.revoked,
          'revoked_by', r.actor, 'revoked_at', r.at)
        FROM tokens t LEFT JOIN token_revocations r ON r.token_id = t.id
        WHERE {filter} ORDER BY t.id
        """, touches: [("tokens", "NEW.id"), ("token_revocations", "NEW.token_id")]),
    FactKind(
      name: "openlineage_event", filterColumn: "e.id",
      select: """
        SELECT 'openlineage_event:' || e.body_sha256, json_object(
          'kind', e.kind, 'event_type', e.event_type, 'event_time', e.event_time,
          'received_at', e.received_at, 'run', 'run:' || r.uuid, 'producer', e.producer,
          'body_size', length(e.body))
        FROM ol_events e LEFT JOIN runs r ON r.id = e.run_id
        WHERE {filter} ORDER BY e.id
        """, touches: [("ol_events", "NEW.id")]),
    FactKind(
      name: "openlineage_dataset", filterColumn: "o.dataset_id",
      select: """
        SELECT 'openlineage_dataset:' || o.namespace || ' ' || o.name,
          json_object('dataset', 'dataset:' || d.name, 'uri', o.uri)
        FROM ol_datasets o LEFT JOIN datasets d ON d.id = o.dataset_id
        WHERE {filter} ORDER BY o.dataset_id
        """, touches: [("ol_datasets", "NEW.dataset_id")]),
    FactKind(
      name: "openlineage_run", filterColumn: "o.run_id",
      select: """
        SELECT 'openlineage_run:' || o.ol_run_id, json_object(
          'run', 'run:' || r.uuid, 'job_namespace', o.job_namespace, 'job_name', o.job_name,
          'adopted', o.adopted)
        FROM ol_runs o LEFT JOIN runs r ON r.id = o.run_id
        WHERE {filter} ORDER BY o.run_id
        """, touches: [("ol_runs", "NEW.run_id")]),
    FactKind(
      name: "openlineage_output", filterColumn: "o.event_id",
      select: """
        SELECT 'openlineage_output:' || o.event_id || ' ' || coalesce(d.name, '?'), json_object(
          'run', 'run:' || r.uuid, 'dataset', 'dataset:' || d.name, 'facts', o.facts)
        FROM ol_run_outputs o LEFT JOIN runs r ON r.id = o.run_id
        LEFT JOIN datasets d ON d.id = o.dataset_id
        WHERE {filter} ORDER BY o.event_id, o.dataset_id
        """, touches: [("ol_run_outputs", "NEW.event_id")]),
  ]
}
