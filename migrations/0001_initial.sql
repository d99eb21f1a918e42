-- Pedigree schema, version 1.
--
-- Conventions:
--   * Every table is STRICT; times are INTEGER milliseconds since the Unix epoch, UTC.
--   * Lineage nodes (dataset versions, runs, artifacts, model versions) share one id space:
--     each row's id is a row of `nodes`, so `edges` can carry real foreign keys and graph walks are
--     recursive CTEs over one small integer table.
--   * Edges point in the direction data flows: dataset version -> run (input), run -> artifact
--     (output), run -> model version (source run), artifact -> model version (source artifact).
--   * History is append-only: params, metrics, edges, alias events and the audit log refuse UPDATE
--     and DELETE through triggers. A model version may change only to become deprecated, once.
--   * SQLite stores NaN as NULL, so metric points carry `is_nan`: value 0.0 with is_nan = 1 is NaN.
--     (-0.0 reads back as 0.0: SQLite stores whole REALs as integers.)
--     ±Infinity is stored as a REAL as it is.

CREATE TABLE schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  applied_at INTEGER NOT NULL
) STRICT;

CREATE TABLE nodes (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('dataset_version', 'run', 'artifact', 'model_version'))
) STRICT;

CREATE TABLE edges (
  src INTEGER NOT NULL REFERENCES nodes(id),
  dst INTEGER NOT NULL REFERENCES nodes(id),
  relation TEXT NOT NULL CHECK (relation IN ('input', 'output', 'source_run', 'source_artifact')),
  PRIMARY KEY (src, dst, relation)
) STRICT, WITHOUT ROWID;

CREATE INDEX edges_by_dst ON edges(dst, src);

CREATE TABLE experiments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE datasets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  last_version INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE dataset_versions (
  id INTEGER PRIMARY KEY REFERENCES nodes(id),
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  version INTEGER NOT NULL CHECK (version >= 1),
  uri TEXT NOT NULL,
  digest TEXT CHECK (digest GLOB 'sha256:*'),
  size_bytes INTEGER CHECK (size_bytes >= 0),
  row_count INTEGER CHECK (row_count >= 0),
  schema_json TEXT,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (dataset_id, version)
) STRICT;

CREATE UNIQUE INDEX dataset_versions_by_digest ON dataset_versions(dataset_id, digest)
  WHERE digest IS NOT NULL;

CREATE TABLE dataset_version_tags (
  dataset_version_id INTEGER NOT NULL REFERENCES dataset_versions(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (dataset_version_id, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE runs (
  id INTEGER PRIMARY KEY REFERENCES nodes(id),
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 32),
  experiment_id INTEGER NOT NULL REFERENCES experiments(id),
  name TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'failed', 'killed')),
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  git_commit TEXT,
  git_repo TEXT,
  entry_point TEXT,
  actor TEXT NOT NULL,
  CHECK (ended_at IS NULL OR ended_at >= started_at)
) STRICT;

CREATE INDEX runs_by_experiment ON runs(experiment_id, started_at);
CREATE INDEX runs_by_started_at ON runs(started_at);

CREATE TABLE run_tags (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
) STRICT, WITHOUT ROWID;

CREATE INDEX run_tags_by_key ON run_tags(key, value);

CREATE TABLE params (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
) STRICT, WITHOUT ROWID;

CREATE INDEX params_by_key ON params(key, value);

-- Metric names, one row each, so each metric point stores a small integer instead of its name.
CREATE TABLE metric_keys (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE
) STRICT;

-- Full metric history. Exact duplicates (a retried record) collapse into one point.
-- The hot table (a million rows per thousand runs) carries no foreign keys: a probe of runs and
-- metric_keys per row costs a third of the insert rate. Rows are written only by the writer that
-- resolved the run and the keys in the same transaction, and `db check` looks for orphans.
CREATE TABLE metrics (
  run_id INTEGER NOT NULL,
  key_id INTEGER NOT NULL,
  step INTEGER NOT NULL,
  timestamp INTEGER NOT NULL,
  value REAL NOT NULL,
  is_nan INTEGER NOT NULL DEFAULT 0 CHECK (is_nan IN (0, 1)),
  PRIMARY KEY (run_id, key_id, step, timestamp, value, is_nan)
) STRICT, WITHOUT ROWID;

-- Metric history by name, for people exploring the file with sqlite3. NULL value = NaN.
CREATE VIEW metric_points AS
SELECT m.run_id, k.key, m.step, m.timestamp,
  CASE WHEN m.is_nan = 1 THEN NULL ELSE m.value END AS value, m.is_nan
FROM metrics m JOIN metric_keys k ON k.id = m.key_id;

-- The latest point of each metric of each run (highest step, then latest timestamp), for search
-- and reports. Maintained by the writer in the same transaction as the points. NULL value = NaN.
CREATE TABLE latest_metrics (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  key TEXT NOT NULL,
  step INTEGER NOT NULL,
  timestamp INTEGER NOT NULL,
  value REAL,
  PRIMARY KEY (run_id, key)
) STRICT, WITHOUT ROWID;

CREATE INDEX latest_metrics_by_key ON latest_metrics(key, value);

CREATE TABLE artifacts (
  id INTEGER PRIMARY KEY REFERENCES nodes(id),
  name TEXT NOT NULL,
  uri TEXT NOT NULL,
  digest TEXT CHECK (digest GLOB 'sha256:*'),
  size_bytes INTEGER CHECK (size_bytes >= 0),
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
) STRICT;

CREATE INDEX artifacts_by_digest ON artifacts(digest) WHERE digest IS NOT NULL;

CREATE TABLE models (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  last_version INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
) STRICT;

CREATE TABLE model_versions (
  id INTEGER PRIMARY KEY REFERENCES nodes(id),
  model_id INTEGER NOT NULL REFERENCES models(id),
  version INTEGER NOT NULL CHECK (version >= 1),
  run_id INTEGER NOT NULL REFERENCES runs(id),
  artifact_id INTEGER REFERENCES artifacts(id),
  artifact_digest TEXT CHECK (artifact_digest GLOB 'sha256:*'),
  description TEXT,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  deprecated_at INTEGER,
  deprecated_by TEXT,
  deprecation_reason TEXT,
  UNIQUE (model_id, version)
) STRICT;

CREATE UNIQUE INDEX model_versions_by_digest ON model_versions(model_id, artifact_digest)
  WHERE artifact_digest IS NOT NULL;
CREATE INDEX model_versions_by_run ON model_versions(run_id);

-- Every move of an alias, append-only. The alias's current target is its latest event.
CREATE TABLE alias_events (
  id INTEGER PRIMARY KEY,
  model_id INTEGER NOT NULL REFERENCES models(id),
  alias TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('promote', 'rollback')),
  from_version_id INTEGER REFERENCES model_versions(id),
  to_version_id INTEGER NOT NULL REFERENCES model_versions(id),
  actor TEXT NOT NULL,
  reason TEXT,
  at INTEGER NOT NULL
) STRICT;

CREATE INDEX alias_events_by_alias ON alias_events(model_id, alias, id);
CREATE INDEX alias_events_by_target ON alias_events(to_version_id);

-- The hash-chained audit log: hash = sha256(prev_hash, id, at, actor, action, entity, details).
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
) STRICT;

CREATE INDEX audit_log_by_at ON audit_log(at);
CREATE INDEX audit_log_by_actor ON audit_log(actor, id);
CREATE INDEX audit_log_by_entity ON audit_log(entity, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TRIGGER alias_events_no_update BEFORE UPDATE ON alias_events
BEGIN SELECT RAISE(ABORT, 'alias_events is append-only'); END;
CREATE TRIGGER alias_events_no_delete BEFORE DELETE ON alias_events
BEGIN SELECT RAISE(ABORT, 'alias_events is append-only'); END;

CREATE TRIGGER params_no_update BEFORE UPDATE ON params
BEGIN SELECT RAISE(ABORT, 'params are immutable'); END;
CREATE TRIGGER params_no_delete BEFORE DELETE ON params
BEGIN SELECT RAISE(ABORT, 'params are immutable'); END;

CREATE TRIGGER metric_keys_no_update BEFORE UPDATE ON metric_keys
BEGIN SELECT RAISE(ABORT, 'metric keys are immutable'); END;
CREATE TRIGGER metric_keys_no_delete BEFORE DELETE ON metric_keys
BEGIN SELECT RAISE(ABORT, 'metric keys are immutable'); END;

CREATE TRIGGER metrics_no_update BEFORE UPDATE ON metrics
BEGIN SELECT RAISE(ABORT, 'metric history is append-only'); END;
CREATE TRIGGER metrics_no_delete BEFORE DELETE ON metrics
BEGIN SELECT RAISE(ABORT, 'metric history is append-only'); END;

CREATE TRIGGER edges_no_update BEFORE UPDATE ON edges
BEGIN SELECT RAISE(ABORT, 'lineage edges are append-only'); END;
CREATE TRIGGER edges_no_delete BEFORE DELETE ON edges
BEGIN SELECT RAISE(ABORT, 'lineage edges are append-only'); END;

CREATE TRIGGER model_versions_no_delete BEFORE DELETE ON model_versions
BEGIN SELECT RAISE(ABORT, 'model versions are never deleted'); END;
CREATE TRIGGER model_versions_deprecate_only BEFORE UPDATE ON model_versions
WHEN OLD.deprecated_at IS NOT NULL
  OR NEW.id IS NOT OLD.id OR NEW.model_id IS NOT OLD.model_id OR NEW.version IS NOT OLD.version
  OR NEW.run_id IS NOT OLD.run_id OR NEW.artifact_id IS NOT OLD.artifact_id
  OR NEW.artifact_digest IS NOT OLD.artifact_digest OR NEW.description IS NOT OLD.description
  OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
BEGIN SELECT RAISE(ABORT, 'a model version can only be deprecated, once'); END;

CREATE TRIGGER dataset_versions_immutable BEFORE UPDATE ON dataset_versions
BEGIN SELECT RAISE(ABORT, 'dataset versions are immutable'); END;
CREATE TRIGGER artifacts_immutable BEFORE UPDATE ON artifacts
BEGIN SELECT RAISE(ABORT, 'artifacts are immutable'); END;
