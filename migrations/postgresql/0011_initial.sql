-- Pedigree's registry on PostgreSQL: the same tables, columns, constraints, indexes and
-- append-only rules as SQLite's schema after its migrations 0001–0011 (schema.sql), in
-- PostgreSQL's terms:
--   * INTEGER is bigint. Ids the writer chooses (nodes' subtypes take their node's id, audit
--     entries are numbered by the chain) are plain bigint keys; the others get SQLite's
--     INTEGER PRIMARY KEY rule from pedigree_next_id(): one more than the largest, unless given.
--     A sequence would skip the numbers of rolled-back inserts; these never do (writes hold the
--     audit chain's lock), so an id means the same on both backends.
--   * Every text column is COLLATE "C": SQLite compares bytes, and a database created with
--     another locale (en_US.UTF-8, an ICU default) must sort and compare the same.
--   * REAL is double precision (NaN and ±Infinity are values there), BLOB is bytea.
--   * GLOB 'x*' is LIKE 'x%'; IS / IS NOT in trigger conditions are IS [NOT] DISTINCT FROM.
--   * SQLite's RAISE(ABORT, …) triggers are PL/pgSQL trigger functions raising the same message;
--     every append-only table also refuses TRUNCATE (a statement trigger), which SQLite lacks.
--   * Registry identity: SQLite's PRAGMA application_id / user_version are the one row of
--     pedigree_registry, written by the migration runner.

CREATE TABLE pedigree_registry (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  application text COLLATE "C" NOT NULL CHECK (application = 'pedigree'),
  schema_version bigint NOT NULL CHECK (schema_version >= 1)
);

CREATE TABLE schema_migrations (
  version bigint PRIMARY KEY,
  name text COLLATE "C" NOT NULL,
  checksum text COLLATE "C" NOT NULL,
  applied_at bigint NOT NULL
);

-- Refuses the row change (or the TRUNCATE) with the message given as the trigger's argument.
CREATE FUNCTION pedigree_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END;
$$;

CREATE TABLE nodes (
  id bigint PRIMARY KEY,
  kind text COLLATE "C" NOT NULL
    CHECK (kind IN ('dataset_version', 'run', 'artifact', 'model_version'))
);

CREATE TABLE edges (
  src bigint NOT NULL REFERENCES nodes(id),
  dst bigint NOT NULL REFERENCES nodes(id),
  relation text COLLATE "C" NOT NULL
    CHECK (relation IN ('input', 'output', 'source_run', 'source_artifact')),
  PRIMARY KEY (src, dst, relation)
);

CREATE INDEX edges_by_dst ON edges(dst, src);

CREATE TABLE experiments (
  id bigint PRIMARY KEY,
  name text COLLATE "C" NOT NULL UNIQUE,
  created_at bigint NOT NULL
);

CREATE TABLE datasets (
  id bigint PRIMARY KEY,
  name text COLLATE "C" NOT NULL UNIQUE,
  last_version bigint NOT NULL DEFAULT 0,
  created_at bigint NOT NULL
);

CREATE TABLE runs (
  id bigint PRIMARY KEY REFERENCES nodes(id),
  uuid text COLLATE "C" NOT NULL UNIQUE CHECK (length(uuid) = 32),
  experiment_id bigint NOT NULL REFERENCES experiments(id),
  name text COLLATE "C",
  status text COLLATE "C" NOT NULL CHECK (status IN ('running', 'finished', 'failed', 'killed')),
  started_at bigint NOT NULL,
  ended_at bigint,
  git_commit text COLLATE "C",
  git_repo text COLLATE "C",
  entry_point text COLLATE "C",
  actor text COLLATE "C" NOT NULL,
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);

CREATE INDEX runs_by_experiment ON runs(experiment_id, started_at);

CREATE INDEX runs_by_started_at ON runs(started_at);

CREATE TABLE run_tags (
  run_id bigint NOT NULL REFERENCES runs(id),
  key text COLLATE "C" NOT NULL,
  value text COLLATE "C" NOT NULL,
  PRIMARY KEY (run_id, key)
);

CREATE INDEX run_tags_by_key ON run_tags(key, value);

CREATE TABLE params (
  run_id bigint NOT NULL REFERENCES runs(id),
  key text COLLATE "C" NOT NULL,
  value text COLLATE "C" NOT NULL,
  PRIMARY KEY (run_id, key)
);

CREATE INDEX params_by_key ON params(key, value);

CREATE TABLE metric_keys (
  id bigint PRIMARY KEY,
  key text COLLATE "C" NOT NULL UNIQUE
);

CREATE TABLE latest_metrics (
  run_id bigint NOT NULL REFERENCES runs(id),
  key text COLLATE "C" NOT NULL,
  step bigint NOT NULL,
  timestamp bigint NOT NULL,
  value double precision,
  PRIMARY KEY (run_id, key)
);

CREATE INDEX latest_metrics_by_key ON latest_metrics(key, value);

CREATE TABLE artifacts (
  id bigint PRIMARY KEY REFERENCES nodes(id),
  name text COLLATE "C" NOT NULL,
  uri text COLLATE "C" NOT NULL,
  digest text COLLATE "C" CHECK (digest LIKE 'sha256:%'),
  size_bytes bigint CHECK (size_bytes >= 0),
  created_at bigint NOT NULL,
  created_by text COLLATE "C" NOT NULL
);

CREATE INDEX artifacts_by_digest ON artifacts(digest) WHERE digest IS NOT NULL;

CREATE TABLE models (
  id bigint PRIMARY KEY,
  name text COLLATE "C" NOT NULL UNIQUE,
  last_version bigint NOT NULL DEFAULT 0,
  created_at bigint NOT NULL,
  created_by text COLLATE "C" NOT NULL
);

CREATE TABLE model_versions (
  id bigint PRIMARY KEY REFERENCES nodes(id),
  model_id bigint NOT NULL REFERENCES models(id),
  version bigint NOT NULL CHECK (version >= 1),
  run_id bigint NOT NULL REFERENCES runs(id),
  artifact_id bigint REFERENCES artifacts(id),
  artifact_digest text COLLATE "C" CHECK (artifact_digest LIKE 'sha256:%'),
  description text COLLATE "C",
  created_at bigint NOT NULL,
  created_by text COLLATE "C" NOT NULL,
  deprecated_at bigint,
  deprecated_by text COLLATE "C",
  deprecation_reason text COLLATE "C",
  UNIQUE (model_id, version)
);

CREATE UNIQUE INDEX model_versions_by_digest ON model_versions(model_id, artifact_digest)
  WHERE artifact_digest IS NOT NULL;

CREATE INDEX model_versions_by_run ON model_versions(run_id);

CREATE TABLE audit_log (
  id bigint PRIMARY KEY,
  at bigint NOT NULL,
  actor text COLLATE "C" NOT NULL,
  action text COLLATE "C" NOT NULL,
  entity text COLLATE "C" NOT NULL,
  details text COLLATE "C" NOT NULL,
  prev_hash text COLLATE "C" NOT NULL,
  hash text COLLATE "C" NOT NULL UNIQUE
);

CREATE INDEX audit_log_by_at ON audit_log(at);

CREATE INDEX audit_log_by_actor ON audit_log(actor, id);

CREATE INDEX audit_log_by_entity ON audit_log(entity, id);

CREATE TABLE run_records (
  run_id bigint PRIMARY KEY REFERENCES runs(id),
  digest text COLLATE "C" NOT NULL CHECK (digest LIKE 'sha256:%')
);

CREATE INDEX run_records_by_digest ON run_records(digest);

CREATE TABLE dataset_versions (
  id bigint PRIMARY KEY REFERENCES nodes(id),
  dataset_id bigint NOT NULL REFERENCES datasets(id),
  version bigint NOT NULL CHECK (version >= 1),
  uri text COLLATE "C" NOT NULL,
  digest text COLLATE "C" CHECK (digest LIKE 'sha256:%' OR digest LIKE 'mlflow:%'),
  size_bytes bigint CHECK (size_bytes >= 0),
  row_count bigint CHECK (row_count >= 0),
  schema_json text COLLATE "C",
  created_at bigint NOT NULL,
  created_by text COLLATE "C" NOT NULL,
  UNIQUE (dataset_id, version)
);

CREATE UNIQUE INDEX dataset_versions_by_digest ON dataset_versions(dataset_id, digest)
  WHERE digest IS NOT NULL;

CREATE TABLE dataset_version_tags (
  dataset_version_id bigint NOT NULL REFERENCES dataset_versions(id),
  key text COLLATE "C" NOT NULL,
  value text COLLATE "C" NOT NULL,
  PRIMARY KEY (dataset_version_id, key)
);

CREATE TABLE dataset_deprecations (
  dataset_version_id bigint PRIMARY KEY REFERENCES dataset_versions(id),
  deprecated_at bigint NOT NULL,
  deprecated_by text COLLATE "C" NOT NULL,
  reason text COLLATE "C" NOT NULL
);

CREATE TABLE model_version_tag_events (
  id bigint PRIMARY KEY,
  model_version_id bigint NOT NULL REFERENCES model_versions(id),
  key text COLLATE "C" NOT NULL,
  value text COLLATE "C",
  actor text COLLATE "C" NOT NULL,
  at bigint NOT NULL
);

CREATE INDEX model_version_tag_events_by_version
  ON model_version_tag_events(model_version_id, key, id);

CREATE INDEX model_version_tag_events_by_key ON model_version_tag_events(key, value);

CREATE VIEW model_version_tags AS
SELECT t.model_version_id, t.key, t.value
FROM model_version_tag_events t
WHERE t.value IS NOT NULL
  AND t.id = (SELECT max(x.id) FROM model_version_tag_events x
              WHERE x.model_version_id = t.model_version_id AND x.key = t.key);

CREATE TABLE model_version_description_events (
  id bigint PRIMARY KEY,
  model_version_id bigint NOT NULL REFERENCES model_versions(id),
  description text COLLATE "C",
  actor text COLLATE "C" NOT NULL,
  at bigint NOT NULL
);

CREATE INDEX model_version_description_events_by_version
  ON model_version_description_events(model_version_id, id);

CREATE TABLE promotion_policies (
  id bigint PRIMARY KEY,
  pattern text COLLATE "C" NOT NULL,
  alias text COLLATE "C" NOT NULL,
  action text COLLATE "C" NOT NULL CHECK (action IN ('set', 'unset')),
  require_filter text COLLATE "C",
  require_ast text COLLATE "C",
  require_reason bigint NOT NULL DEFAULT 0 CHECK (require_reason IN (0, 1)),
  require_prior_alias text COLLATE "C",
  min_role text COLLATE "C" CHECK (min_role IN ('reader', 'writer', 'promoter', 'admin')),
  actor text COLLATE "C" NOT NULL,
  at bigint NOT NULL,
  CHECK ((require_filter IS NULL) = (require_ast IS NULL))
);

CREATE INDEX promotion_policies_by_alias ON promotion_policies(alias, pattern, id);

CREATE TABLE metric_chunks (
  id bigint PRIMARY KEY,
  run_id bigint NOT NULL REFERENCES runs(id),
  key_id bigint NOT NULL REFERENCES metric_keys(id),
  count bigint NOT NULL CHECK (count BETWEEN 1 AND 8192),
  min_step bigint NOT NULL,
  max_step bigint NOT NULL,
  points bytea NOT NULL,
  CHECK (max_step >= min_step)
);

CREATE INDEX metric_chunks_by_key ON metric_chunks(run_id, key_id, min_step, max_step);

CREATE TABLE tokens (
  id bigint PRIMARY KEY,
  name text COLLATE "C" NOT NULL,
  role text COLLATE "C" NOT NULL CHECK (role IN ('reader', 'writer', 'promoter', 'admin')),
  secret_sha256 text COLLATE "C" NOT NULL UNIQUE,
  expires_at bigint,
  created_by text COLLATE "C" NOT NULL,
  created_at bigint NOT NULL,
  revoked bigint NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
);

CREATE TABLE token_revocations (
  token_id bigint PRIMARY KEY REFERENCES tokens(id),
  actor text COLLATE "C" NOT NULL,
  at bigint NOT NULL
);

CREATE UNIQUE INDEX tokens_in_force_by_name ON tokens(name) WHERE revoked = 0;

CREATE TABLE run_tag_events (
  id bigint PRIMARY KEY,
  run_id bigint NOT NULL REFERENCES runs(id),
  key text COLLATE "C" NOT NULL,
  value text COLLATE "C",
  previous text COLLATE "C",
  actor text COLLATE "C" NOT NULL,
  at bigint NOT NULL
);

CREATE INDEX run_tag_events_by_run ON run_tag_events(run_id, key, id);

CREATE TABLE experiment_tag_events (
  id bigint PRIMARY KEY,
  experiment_id bigint NOT NULL REFERENCES experiments(id),
  key text COLLATE "C" NOT NULL,
  value text COLLATE "C",
  actor text COLLATE "C" NOT NULL,
  at bigint NOT NULL
);

CREATE INDEX experiment_tag_events_by_experiment
  ON experiment_tag_events(experiment_id, key, id);

CREATE TABLE mlflow_files (
  id bigint PRIMARY KEY,
  path text COLLATE "C" NOT NULL,
  digest text COLLATE "C" NOT NULL CHECK (digest LIKE 'sha256:%'),
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  artifact_id bigint REFERENCES artifacts(id),
  created_at bigint NOT NULL,
  created_by text COLLATE "C" NOT NULL
);

CREATE INDEX mlflow_files_by_path ON mlflow_files(path, id);

CREATE TABLE logged_models (
  id bigint PRIMARY KEY,
  model_id text COLLATE "C" NOT NULL UNIQUE
    CHECK (length(model_id) = 34 AND model_id LIKE 'm-%'),
  experiment_id bigint NOT NULL REFERENCES experiments(id),
  name text COLLATE "C" NOT NULL,
  source_run_id bigint REFERENCES runs(id),
  model_type text COLLATE "C",
  params text COLLATE "C" NOT NULL,
  created_at bigint NOT NULL,
  created_by text COLLATE "C" NOT NULL
);

CREATE INDEX logged_models_by_experiment ON logged_models(experiment_id, name);

CREATE TABLE logged_model_finalizations (
  logged_model_id bigint PRIMARY KEY REFERENCES logged_models(id),
  status text COLLATE "C" NOT NULL
    CHECK (status IN ('LOGGED_MODEL_READY', 'LOGGED_MODEL_UPLOAD_FAILED')),
  artifact_id bigint REFERENCES artifacts(id),
  actor text COLLATE "C" NOT NULL,
  at bigint NOT NULL
);

CREATE TABLE logged_model_tag_events (
  id bigint PRIMARY KEY,
  logged_model_id bigint NOT NULL REFERENCES logged_models(id),
  key text COLLATE "C" NOT NULL,
  value text COLLATE "C",
  actor text COLLATE "C" NOT NULL,
  at bigint NOT NULL
);

CREATE INDEX logged_model_tag_events_by_model ON logged_model_tag_events(logged_model_id, key, id);

CREATE TABLE run_logged_model_outputs (
  run_id bigint NOT NULL REFERENCES runs(id),
  logged_model_id bigint NOT NULL REFERENCES logged_models(id),
  step bigint NOT NULL,
  PRIMARY KEY (run_id, logged_model_id)
);

CREATE TABLE run_input_tags (
  run_id bigint NOT NULL REFERENCES runs(id),
  dataset_version_id bigint NOT NULL REFERENCES dataset_versions(id),
  key text COLLATE "C" NOT NULL,
  value text COLLATE "C" NOT NULL,
  PRIMARY KEY (run_id, dataset_version_id, key)
);

CREATE TABLE model_metadata_events (
  id bigint PRIMARY KEY,
  model_id bigint NOT NULL REFERENCES models(id),
  key text COLLATE "C",
  value text COLLATE "C",
  actor text COLLATE "C" NOT NULL,
  at bigint NOT NULL
);

CREATE INDEX model_metadata_events_by_model ON model_metadata_events(model_id, key, id);

CREATE TABLE model_version_sources (
  model_version_id bigint PRIMARY KEY REFERENCES model_versions(id),
  source text COLLATE "C" NOT NULL,
  run_link text COLLATE "C",
  logged_model_id bigint REFERENCES logged_models(id)
);

CREATE TABLE ol_events (
  id bigint PRIMARY KEY,
  body_sha256 text COLLATE "C" NOT NULL UNIQUE CHECK (body_sha256 LIKE 'sha256:%'),
  kind text COLLATE "C" NOT NULL CHECK (kind IN ('run', 'job', 'dataset')),
  event_type text COLLATE "C",
  event_time bigint NOT NULL,
  received_at bigint NOT NULL,
  run_id bigint REFERENCES runs(id),
  producer text COLLATE "C" NOT NULL,
  body bytea NOT NULL
);

CREATE INDEX ol_events_by_run ON ol_events(run_id, event_time);

CREATE INDEX ol_events_by_time ON ol_events(event_time);

CREATE TABLE ol_datasets (
  dataset_id bigint PRIMARY KEY REFERENCES datasets(id),
  namespace text COLLATE "C" NOT NULL,
  name text COLLATE "C" NOT NULL,
  uri text COLLATE "C" NOT NULL,
  UNIQUE (namespace, name)
);

CREATE INDEX ol_datasets_by_uri ON ol_datasets(uri);

CREATE TABLE ol_runs (
  run_id bigint PRIMARY KEY REFERENCES runs(id),
  ol_run_id text COLLATE "C" NOT NULL UNIQUE,
  job_namespace text COLLATE "C" NOT NULL,
  job_name text COLLATE "C" NOT NULL,
  -- 1 when the run existed before its first event (a Pedigree run exported and imported back):
  -- its state then changes only with a START or terminal event.
  adopted bigint NOT NULL DEFAULT 0 CHECK (adopted IN (0, 1))
);

CREATE TABLE ol_run_outputs (
  event_id bigint NOT NULL REFERENCES ol_events(id),
  run_id bigint NOT NULL REFERENCES runs(id),
  dataset_id bigint NOT NULL REFERENCES datasets(id),
  facts text COLLATE "C" NOT NULL,
  PRIMARY KEY (run_id, dataset_id, event_id)
);

CREATE TABLE alias_events (
  id bigint PRIMARY KEY,
  model_id bigint NOT NULL REFERENCES models(id),
  alias text COLLATE "C" NOT NULL,
  action text COLLATE "C" NOT NULL CHECK (action IN ('promote', 'rollback', 'remove')),
  from_version_id bigint REFERENCES model_versions(id),
  to_version_id bigint REFERENCES model_versions(id),
  actor text COLLATE "C" NOT NULL,
  reason text COLLATE "C",
  at bigint NOT NULL,
  CHECK ((action = 'remove') = (to_version_id IS NULL)),
  CHECK (action != 'remove' OR from_version_id IS NOT NULL)
);

CREATE INDEX alias_events_by_alias ON alias_events(model_id, alias, id);

CREATE INDEX alias_events_by_target ON alias_events(to_version_id);

-- Update rules that are more than a refusal.

CREATE TRIGGER model_versions_deprecate_only BEFORE UPDATE ON model_versions
FOR EACH ROW WHEN (OLD.deprecated_at IS NOT NULL
  OR NEW.id IS DISTINCT FROM OLD.id OR NEW.model_id IS DISTINCT FROM OLD.model_id
  OR NEW.version IS DISTINCT FROM OLD.version OR NEW.run_id IS DISTINCT FROM OLD.run_id
  OR NEW.artifact_id IS DISTINCT FROM OLD.artifact_id
  OR NEW.artifact_digest IS DISTINCT FROM OLD.artifact_digest
  OR NEW.description IS DISTINCT FROM OLD.description
  OR NEW.created_at IS DISTINCT FROM OLD.created_at
  OR NEW.created_by IS DISTINCT FROM OLD.created_by)
EXECUTE FUNCTION pedigree_refuse('a model version can only be deprecated, once');

-- A trigger's WHEN cannot hold a subquery, so the revocation rule is a function of its own.
CREATE FUNCTION tokens_only_revoke() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT (OLD.revoked = 0 AND NEW.revoked = 1 AND NEW.id = OLD.id AND NEW.name = OLD.name
    AND NEW.role = OLD.role AND NEW.secret_sha256 = OLD.secret_sha256
    AND NEW.expires_at IS NOT DISTINCT FROM OLD.expires_at AND NEW.created_by = OLD.created_by
    AND NEW.created_at = OLD.created_at
    AND EXISTS (SELECT 1 FROM token_revocations r WHERE r.token_id = OLD.id)) THEN
    RAISE EXCEPTION 'tokens are append-only: only a recorded revocation may mark one revoked';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER tokens_only_revoke BEFORE UPDATE ON tokens
FOR EACH ROW EXECUTE FUNCTION tokens_only_revoke();

-- Refusals: updates of immutable rows, deletes and truncations of append-only tables.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('audit_log is append-only');

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('audit_log is append-only');

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('audit_log is append-only');

CREATE TRIGGER params_no_update BEFORE UPDATE ON params
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('params are immutable');

CREATE TRIGGER params_no_delete BEFORE DELETE ON params
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('params are immutable');

CREATE TRIGGER params_no_truncate BEFORE TRUNCATE ON params
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('params are immutable');

CREATE TRIGGER metric_keys_no_update BEFORE UPDATE ON metric_keys
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('metric keys are immutable');

CREATE TRIGGER metric_keys_no_delete BEFORE DELETE ON metric_keys
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('metric keys are immutable');

CREATE TRIGGER metric_keys_no_truncate BEFORE TRUNCATE ON metric_keys
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('metric keys are immutable');

CREATE TRIGGER edges_no_update BEFORE UPDATE ON edges
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('lineage edges are append-only');

CREATE TRIGGER edges_no_delete BEFORE DELETE ON edges
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('lineage edges are append-only');

CREATE TRIGGER edges_no_truncate BEFORE TRUNCATE ON edges
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('lineage edges are append-only');

CREATE TRIGGER model_versions_no_delete BEFORE DELETE ON model_versions
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('model versions are never deleted');

CREATE TRIGGER model_versions_no_truncate BEFORE TRUNCATE ON model_versions
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('model versions are never deleted');

CREATE TRIGGER artifacts_immutable BEFORE UPDATE ON artifacts
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('artifacts are immutable');

CREATE TRIGGER artifacts_no_delete BEFORE DELETE ON artifacts
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('artifacts are immutable');

CREATE TRIGGER artifacts_no_truncate BEFORE TRUNCATE ON artifacts
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('artifacts are immutable');

CREATE TRIGGER run_records_no_update BEFORE UPDATE ON run_records
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('run records are append-only');

CREATE TRIGGER run_records_no_delete BEFORE DELETE ON run_records
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('run records are append-only');

CREATE TRIGGER run_records_no_truncate BEFORE TRUNCATE ON run_records
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('run records are append-only');

CREATE TRIGGER dataset_deprecations_no_update BEFORE UPDATE ON dataset_deprecations
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('a dataset version can only be deprecated, once');

CREATE TRIGGER dataset_deprecations_no_delete BEFORE DELETE ON dataset_deprecations
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('a dataset version can only be deprecated, once');

CREATE TRIGGER dataset_deprecations_no_truncate BEFORE TRUNCATE ON dataset_deprecations
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('a dataset version can only be deprecated, once');

CREATE TRIGGER model_version_tag_events_no_update BEFORE UPDATE ON model_version_tag_events
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('model_version_tag_events is append-only');

CREATE TRIGGER model_version_tag_events_no_delete BEFORE DELETE ON model_version_tag_events
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('model_version_tag_events is append-only');

CREATE TRIGGER model_version_tag_events_no_truncate BEFORE TRUNCATE ON model_version_tag_events
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('model_version_tag_events is append-only');

CREATE TRIGGER model_version_description_events_no_update BEFORE UPDATE ON model_version_description_events
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('model_version_description_events is append-only');

CREATE TRIGGER model_version_description_events_no_delete BEFORE DELETE ON model_version_description_events
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('model_version_description_events is append-only');

CREATE TRIGGER model_version_description_events_no_truncate BEFORE TRUNCATE ON model_version_description_events
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('model_version_description_events is append-only');

CREATE TRIGGER promotion_policies_no_update BEFORE UPDATE ON promotion_policies
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('promotion_policies is append-only');

CREATE TRIGGER promotion_policies_no_delete BEFORE DELETE ON promotion_policies
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('promotion_policies is append-only');

CREATE TRIGGER promotion_policies_no_truncate BEFORE TRUNCATE ON promotion_policies
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('promotion_policies is append-only');

CREATE TRIGGER dataset_version_tags_no_update BEFORE UPDATE ON dataset_version_tags
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('dataset version tags are immutable');

CREATE TRIGGER dataset_version_tags_no_delete BEFORE DELETE ON dataset_version_tags
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('dataset version tags are immutable');

CREATE TRIGGER dataset_version_tags_no_truncate BEFORE TRUNCATE ON dataset_version_tags
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('dataset version tags are immutable');

CREATE TRIGGER runs_no_delete BEFORE DELETE ON runs
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('runs are never deleted');

CREATE TRIGGER runs_no_truncate BEFORE TRUNCATE ON runs
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('runs are never deleted');

CREATE TRIGGER models_no_delete BEFORE DELETE ON models
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('models are never deleted');

CREATE TRIGGER models_no_truncate BEFORE TRUNCATE ON models
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('models are never deleted');

CREATE TRIGGER metric_chunks_no_update BEFORE UPDATE ON metric_chunks
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('metric history is append-only');

CREATE TRIGGER metric_chunks_no_delete BEFORE DELETE ON metric_chunks
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('metric history is append-only');

CREATE TRIGGER metric_chunks_no_truncate BEFORE TRUNCATE ON metric_chunks
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('metric history is append-only');

CREATE TRIGGER tokens_no_delete BEFORE DELETE ON tokens
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('tokens are append-only');

CREATE TRIGGER tokens_no_truncate BEFORE TRUNCATE ON tokens
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('tokens are append-only');

CREATE TRIGGER token_revocations_no_update BEFORE UPDATE ON token_revocations
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('token_revocations is append-only');

CREATE TRIGGER token_revocations_no_delete BEFORE DELETE ON token_revocations
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('token_revocations is append-only');

CREATE TRIGGER token_revocations_no_truncate BEFORE TRUNCATE ON token_revocations
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('token_revocations is append-only');

CREATE TRIGGER dataset_versions_immutable BEFORE UPDATE ON dataset_versions
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('dataset versions are immutable');

CREATE TRIGGER dataset_versions_no_delete BEFORE DELETE ON dataset_versions
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('dataset versions are immutable');

CREATE TRIGGER dataset_versions_no_truncate BEFORE TRUNCATE ON dataset_versions
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('dataset versions are immutable');

CREATE TRIGGER run_tag_events_no_update BEFORE UPDATE ON run_tag_events
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('run_tag_events is append-only');

CREATE TRIGGER run_tag_events_no_delete BEFORE DELETE ON run_tag_events
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('run_tag_events is append-only');

CREATE TRIGGER run_tag_events_no_truncate BEFORE TRUNCATE ON run_tag_events
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('run_tag_events is append-only');

CREATE TRIGGER experiment_tag_events_no_update BEFORE UPDATE ON experiment_tag_events
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('experiment_tag_events is append-only');

CREATE TRIGGER experiment_tag_events_no_delete BEFORE DELETE ON experiment_tag_events
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('experiment_tag_events is append-only');

CREATE TRIGGER experiment_tag_events_no_truncate BEFORE TRUNCATE ON experiment_tag_events
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('experiment_tag_events is append-only');

CREATE TRIGGER mlflow_files_no_update BEFORE UPDATE ON mlflow_files
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('mlflow_files is append-only');

CREATE TRIGGER mlflow_files_no_delete BEFORE DELETE ON mlflow_files
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('mlflow_files is append-only');

CREATE TRIGGER mlflow_files_no_truncate BEFORE TRUNCATE ON mlflow_files
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('mlflow_files is append-only');

CREATE TRIGGER logged_models_immutable BEFORE UPDATE ON logged_models
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('logged models are immutable');

CREATE TRIGGER logged_models_no_delete BEFORE DELETE ON logged_models
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('logged models are immutable');

CREATE TRIGGER logged_models_no_truncate BEFORE TRUNCATE ON logged_models
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('logged models are immutable');

CREATE TRIGGER logged_model_finalizations_no_update BEFORE UPDATE ON logged_model_finalizations
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('a logged model is finalized once');

CREATE TRIGGER logged_model_finalizations_no_delete BEFORE DELETE ON logged_model_finalizations
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('a logged model is finalized once');

CREATE TRIGGER logged_model_finalizations_no_truncate BEFORE TRUNCATE ON logged_model_finalizations
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('a logged model is finalized once');

CREATE TRIGGER logged_model_tag_events_no_update BEFORE UPDATE ON logged_model_tag_events
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('logged_model_tag_events is append-only');

CREATE TRIGGER logged_model_tag_events_no_delete BEFORE DELETE ON logged_model_tag_events
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('logged_model_tag_events is append-only');

CREATE TRIGGER logged_model_tag_events_no_truncate BEFORE TRUNCATE ON logged_model_tag_events
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('logged_model_tag_events is append-only');

CREATE TRIGGER run_logged_model_outputs_no_update BEFORE UPDATE ON run_logged_model_outputs
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('run_logged_model_outputs is append-only');

CREATE TRIGGER run_logged_model_outputs_no_delete BEFORE DELETE ON run_logged_model_outputs
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('run_logged_model_outputs is append-only');

CREATE TRIGGER run_logged_model_outputs_no_truncate BEFORE TRUNCATE ON run_logged_model_outputs
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('run_logged_model_outputs is append-only');

CREATE TRIGGER run_input_tags_no_update BEFORE UPDATE ON run_input_tags
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('run_input_tags is append-only');

CREATE TRIGGER run_input_tags_no_delete BEFORE DELETE ON run_input_tags
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('run_input_tags is append-only');

CREATE TRIGGER run_input_tags_no_truncate BEFORE TRUNCATE ON run_input_tags
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('run_input_tags is append-only');

CREATE TRIGGER model_metadata_events_no_update BEFORE UPDATE ON model_metadata_events
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('model_metadata_events is append-only');

CREATE TRIGGER model_metadata_events_no_delete BEFORE DELETE ON model_metadata_events
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('model_metadata_events is append-only');

CREATE TRIGGER model_metadata_events_no_truncate BEFORE TRUNCATE ON model_metadata_events
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('model_metadata_events is append-only');

CREATE TRIGGER model_version_sources_immutable BEFORE UPDATE ON model_version_sources
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('model version sources are immutable');

CREATE TRIGGER model_version_sources_no_delete BEFORE DELETE ON model_version_sources
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('model version sources are immutable');

CREATE TRIGGER model_version_sources_no_truncate BEFORE TRUNCATE ON model_version_sources
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('model version sources are immutable');

CREATE TRIGGER ol_events_no_update BEFORE UPDATE ON ol_events
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('ol_events is append-only');

CREATE TRIGGER ol_events_no_delete BEFORE DELETE ON ol_events
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('ol_events is append-only');

CREATE TRIGGER ol_events_no_truncate BEFORE TRUNCATE ON ol_events
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('ol_events is append-only');

CREATE TRIGGER ol_datasets_no_update BEFORE UPDATE ON ol_datasets
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('ol_datasets is append-only');

CREATE TRIGGER ol_datasets_no_delete BEFORE DELETE ON ol_datasets
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('ol_datasets is append-only');

CREATE TRIGGER ol_datasets_no_truncate BEFORE TRUNCATE ON ol_datasets
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('ol_datasets is append-only');

CREATE TRIGGER ol_runs_no_update BEFORE UPDATE ON ol_runs
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('ol_runs is append-only');

CREATE TRIGGER ol_runs_no_delete BEFORE DELETE ON ol_runs
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('ol_runs is append-only');

CREATE TRIGGER ol_runs_no_truncate BEFORE TRUNCATE ON ol_runs
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('ol_runs is append-only');

CREATE TRIGGER ol_run_outputs_no_update BEFORE UPDATE ON ol_run_outputs
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('ol_run_outputs is append-only');

CREATE TRIGGER ol_run_outputs_no_delete BEFORE DELETE ON ol_run_outputs
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('ol_run_outputs is append-only');

CREATE TRIGGER ol_run_outputs_no_truncate BEFORE TRUNCATE ON ol_run_outputs
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('ol_run_outputs is append-only');

CREATE TRIGGER alias_events_no_update BEFORE UPDATE ON alias_events
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('alias_events is append-only');

CREATE TRIGGER alias_events_no_delete BEFORE DELETE ON alias_events
FOR EACH ROW EXECUTE FUNCTION pedigree_refuse('alias_events is append-only');

CREATE TRIGGER alias_events_no_truncate BEFORE TRUNCATE ON alias_events
FOR EACH STATEMENT EXECUTE FUNCTION pedigree_refuse('alias_events is append-only');

-- The audit chain's facts (docs/AUDIT-CHAIN.md). SQLite's temporary triggers and its
-- pedigree_touch() function live in the writer's connection; PostgreSQL has no temporary
-- triggers, so these are part of the schema: each row inserted or updated in a table a fact kind
-- reads adds (kind, the touched entity's id) to the session's temporary pedigree_touched, which
-- only Pedigree's writer creates (another client's writes are left for `db check` to find).
-- Inserts the writer reports itself (runs, run_records, params, run_tags, edges, artifacts) fire
-- only on UPDATE, as in SQLite.
CREATE FUNCTION pedigree_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF to_regclass('pg_temp.pedigree_touched') IS NOT NULL THEN
    EXECUTE 'INSERT INTO pg_temp.pedigree_touched(kind, id) VALUES ($1, $2)'
      USING TG_ARGV[0], (to_jsonb(NEW) ->> TG_ARGV[1])::bigint;
  END IF;
  RETURN NULL;
END;
$$;

-- An audit entry's details as JSON, or NULL when they are not JSON (an entry forged with
-- psql): SQLite's json_valid() guard, so a check reads on instead of failing.
CREATE FUNCTION pedigree_json(details text) RETURNS json LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN details::json;
EXCEPTION WHEN others THEN
  RETURN NULL;
END;
$$;

CREATE TRIGGER experiments_touch AFTER INSERT OR UPDATE ON experiments
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('experiment', 'id');

CREATE TRIGGER datasets_touch AFTER INSERT OR UPDATE ON datasets
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('dataset', 'id');

CREATE TRIGGER dataset_versions_touch AFTER INSERT OR UPDATE ON dataset_versions
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('dataset_version', 'id');

CREATE TRIGGER dataset_version_tags_touch AFTER INSERT OR UPDATE ON dataset_version_tags
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('dataset_version', 'dataset_version_id');

CREATE TRIGGER dataset_deprecations_touch AFTER INSERT OR UPDATE ON dataset_deprecations
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('dataset_version', 'dataset_version_id');

CREATE TRIGGER runs_touch AFTER UPDATE ON runs
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('run', 'id');

CREATE TRIGGER params_touch AFTER UPDATE ON params
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('run', 'run_id');

CREATE TRIGGER run_tags_touch AFTER UPDATE ON run_tags
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('run', 'run_id');

CREATE TRIGGER run_records_touch AFTER UPDATE ON run_records
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('run', 'run_id');

CREATE TRIGGER artifacts_touch AFTER UPDATE ON artifacts
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('artifact', 'id');

CREATE TRIGGER models_touch AFTER INSERT OR UPDATE ON models
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('model', 'id');

CREATE TRIGGER model_versions_touch AFTER INSERT OR UPDATE ON model_versions
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('model_version', 'id');

CREATE TRIGGER edges_touch AFTER UPDATE ON edges
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('edge', 'dst');

CREATE TRIGGER alias_events_touch AFTER INSERT OR UPDATE ON alias_events
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('alias_event', 'id');

CREATE TRIGGER model_version_tag_events_touch AFTER INSERT OR UPDATE ON model_version_tag_events
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('model_tag_event', 'id');

CREATE TRIGGER model_version_description_events_touch AFTER INSERT OR UPDATE ON model_version_description_events
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('model_description_event', 'id');

CREATE TRIGGER promotion_policies_touch AFTER INSERT OR UPDATE ON promotion_policies
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('policy_event', 'id');

CREATE TRIGGER tokens_touch AFTER INSERT OR UPDATE ON tokens
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('token', 'id');

CREATE TRIGGER token_revocations_touch AFTER INSERT OR UPDATE ON token_revocations
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('token', 'token_id');

CREATE TRIGGER ol_events_touch AFTER INSERT OR UPDATE ON ol_events
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('openlineage_event', 'id');

CREATE TRIGGER ol_datasets_touch AFTER INSERT OR UPDATE ON ol_datasets
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('openlineage_dataset', 'dataset_id');

CREATE TRIGGER ol_runs_touch AFTER INSERT OR UPDATE ON ol_runs
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('openlineage_run', 'run_id');

CREATE TRIGGER ol_run_outputs_touch AFTER INSERT OR UPDATE ON ol_run_outputs
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('openlineage_output', 'event_id');

CREATE TRIGGER run_tag_events_touch AFTER INSERT OR UPDATE ON run_tag_events
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('run_tag_event', 'id');

CREATE TRIGGER experiment_tag_events_touch AFTER INSERT OR UPDATE ON experiment_tag_events
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('experiment_tag_event', 'id');

CREATE TRIGGER mlflow_files_touch AFTER INSERT OR UPDATE ON mlflow_files
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('mlflow_file', 'id');

CREATE TRIGGER logged_models_touch AFTER INSERT OR UPDATE ON logged_models
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('logged_model', 'id');

CREATE TRIGGER logged_model_finalizations_touch AFTER INSERT OR UPDATE ON logged_model_finalizations
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('logged_model', 'logged_model_id');

CREATE TRIGGER logged_model_tag_events_touch AFTER INSERT OR UPDATE ON logged_model_tag_events
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('logged_model_tag_event', 'id');

CREATE TRIGGER run_logged_model_outputs_touch AFTER INSERT OR UPDATE ON run_logged_model_outputs
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('logged_model_output', 'run_id');

CREATE TRIGGER run_input_tags_touch AFTER INSERT OR UPDATE ON run_input_tags
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('run_input_tag', 'run_id');

CREATE TRIGGER model_metadata_events_touch AFTER INSERT OR UPDATE ON model_metadata_events
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('model_metadata_event', 'id');

CREATE TRIGGER model_version_sources_touch AFTER INSERT OR UPDATE ON model_version_sources
FOR EACH ROW EXECUTE FUNCTION pedigree_touch('model_version_source', 'model_version_id');

-- SQLite's `value GLOB pattern` for a policy's model pattern (name characters, `*` and `?`).
CREATE FUNCTION pedigree_glob(pattern text, value text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT value LIKE replace(replace(replace(replace(replace(pattern, '\', '\\'), '%', '\%'), '_', '\_'),
    '*', '%'), '?', '_') ESCAPE '\'
$$;

-- SQLite's JSON functions as the backend's audit queries use them on details (text). One
-- difference: json_extract returns text here (a number's digits), where SQLite returns a typed
-- value; the queries compare it with text on PostgreSQL.
CREATE FUNCTION json_valid(details text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT pedigree_json(details) IS NOT NULL
$$;

CREATE FUNCTION json_extract(details text, path text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT pedigree_json(details) #>> string_to_array(substr(path, 3), '.')
$$;

-- json_each(details, '$.member') over an array member: its elements as text.
CREATE FUNCTION json_each(details text, path text) RETURNS TABLE(value text) LANGUAGE sql IMMUTABLE AS $$
  SELECT element FROM json_array_elements_text(
    CASE WHEN json_typeof(pedigree_json(details) #> string_to_array(substr(path, 3), '.')) = 'array'
      THEN pedigree_json(details) #> string_to_array(substr(path, 3), '.') ELSE '[]'::json END) element
$$;

CREATE FUNCTION instr(haystack text, needle text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT strpos(haystack, needle)
$$;

-- SQLite's scalar max(a, b, …) and min(a, b) over integers (NULL when any argument is), beside
-- the aggregates: the backend's queries take the latest of two to four times.
CREATE FUNCTION max(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE greatest(a, b) END
$$;

CREATE FUNCTION max(a bigint, b bigint, c bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT max(max(a, b), c)
$$;

CREATE FUNCTION max(a bigint, b bigint, c bigint, d bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT max(max(a, b), max(c, d))
$$;

CREATE FUNCTION min(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE least(a, b) END
$$;

-- SQLite's rowid rule for an INTEGER PRIMARY KEY left out of an INSERT: one more than the
-- largest id in the table (https://sqlite.org/autoinc.html). ENABLE ALWAYS: ids are assigned
-- under session_replication_role = replica too.
CREATE FUNCTION pedigree_next_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    EXECUTE format('SELECT coalesce(max(id), 0) + 1 FROM %I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME)
      INTO NEW.id;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER nodes_next_id BEFORE INSERT ON nodes
FOR EACH ROW EXECUTE FUNCTION pedigree_next_id();
ALTER TABLE nodes ENABLE ALWAYS TRIGGER nodes_next_id;

CREATE TRIGGER experiments_next_id BEFORE INSERT ON experiments
FOR EACH ROW EXECUTE FUNCTION pedigree_next_id();
ALTER TABLE experiments ENABLE ALWAYS TRIGGER experiments_next_id;

CREATE TRIGGER datasets_next_id BEFORE INSERT ON datasets
FOR EACH ROW EXECUTE FUNCTION pedigree_next_id();
ALTER TABLE datasets ENABLE ALWAYS TRIGGER datasets_next_id;

CREATE TRIGGER metric_keys_next_id BEFORE INSERT ON metric_keys
FOR EACH ROW EXECUTE FUNCTION pedigree_next_id();
ALTER TABLE metric_keys ENABLE ALWAYS TRIGGER metric_keys_next_id;

CREATE TRIGGER models_next_id BEFORE INSERT ON models
FOR EACH ROW EXECUTE FUNCTION pedigree_next_id();
ALTER TABLE models ENABLE ALWAYS TRIGGER models_next_id;

CREATE TRIGGER model_version_tag_events_next_id BEFORE INSERT ON model_version_tag_events
FOR EACH ROW EXECUTE FUNCTION pedigree_next_id();
ALTER TABLE model_version_tag_events ENABLE ALWAYS TRIGGER model_version_tag_events_next_id;

CREATE TRIGGER model_version_description_events_next_id BEFORE INSERT ON model_version_description_events
FOR EACH ROW EXECUTE FUNCTION pedigree_next_id();
ALTER TABLE model_version_description_events ENABLE ALWAYS TRIGGER model_version_description_events_next_id;

CREATE TRIGGER promotion_policies_next_id BEFORE INSERT ON promotion_policies
FOR EACH ROW EXECUTE FUNCTION pedigree_next_id();
ALTER TABLE promotion_policies ENABLE ALWAYS TRIGGER promotion_policies_next_id;

CREATE TRIGGER metric_chunks_next_id BEFORE INSERT ON metric_chunks
FOR EACH ROW EXECUTE FUNCTION pedigree_next_id();
ALTER TABLE metric_chunks ENABLE ALWAYS TRIGGER metric_chunks_next_id;

CREATE TRIGGER tokens_next_id BEFORE INSERT ON tokens
FOR EACH ROW EXECUTE FUNCTION pedigree_next_id();
ALTER TABLE tokens ENABLE ALWAYS TRIGGER tokens_next_id;

CREATE TRIGGER run_tag_events_next_id BEFORE INSERT ON run_tag_events
FOR EACH ROW EXECUTE FUNCTION pedigree_next_id();
ALTER TABLE run_tag_events ENABLE ALWAYS TRIGGER run_tag_events_next_id;

CREATE TRIGGER experiment_tag_events_next_id BEFORE INSERT ON experiment_tag_events
FOR EACH ROW EXECUTE FUNCTION pedigree_next_id();
ALTER TABLE experiment_tag_events ENABLE ALWAYS TRIGGER experiment_tag_events_next_id;

CREATE TRIGGER mlflow_files_next_id BEFORE INSERT ON mlflow_files
FOR EACH ROW EXECUTE FUNCTION pedigree_next_id();
ALTER TABLE mlflow_files ENABLE ALWAYS TRIGGER mlflow_files_next_id;

CREATE TRIGGER logged_models_next_id BEFORE INSERT ON logged_models
FOR EACH ROW EXECUTE FUNCTION pedigree_next_id();
ALTER TABLE logged_models ENABLE ALWAYS TRIGGER logged_models_next_id;

CREATE TRIGGER logged_model_tag_events_next_id BEFORE INSERT ON logged_model_tag_events
FOR EACH ROW EXECUTE FUNCTION pedigree_next_id();
ALTER TABLE logged_model_tag_events ENABLE ALWAYS TRIGGER logged_model_tag_events_next_id;

CREATE TRIGGER model_metadata_events_next_id BEFORE INSERT ON model_metadata_events
FOR EACH ROW EXECUTE FUNCTION pedigree_next_id();
ALTER TABLE model_metadata_events ENABLE ALWAYS TRIGGER model_metadata_events_next_id;

CREATE TRIGGER ol_events_next_id BEFORE INSERT ON ol_events
FOR EACH ROW EXECUTE FUNCTION pedigree_next_id();
ALTER TABLE ol_events ENABLE ALWAYS TRIGGER ol_events_next_id;

CREATE TRIGGER alias_events_next_id BEFORE INSERT ON alias_events
FOR EACH ROW EXECUTE FUNCTION pedigree_next_id();
ALTER TABLE alias_events ENABLE ALWAYS TRIGGER alias_events_next_id;
