-- Pedigree schema, version 8: what MLflow's REST API needs beyond Pedigree's own concepts.
--
-- Every table is a history (append-only, like alias events) or an immutable fact; the current
-- value of a tag is its latest event. Experiment ids are `experiments.id` (the experiment named
-- `Default` answers as MLflow's "0"). Independent of 0004-0007: it touches none of their tables.

-- Every change of a run tag (NULL: deleted). `run_tags` holds the current value; this keeps what
-- MLflow's overwriting `set-tag` replaced.
CREATE TABLE run_tag_events (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  key TEXT NOT NULL,
  value TEXT,
  previous TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;

CREATE INDEX run_tag_events_by_run ON run_tag_events(run_id, key, id);

-- Every change of an experiment's tag (NULL: deleted).
CREATE TABLE experiment_tag_events (
  id INTEGER PRIMARY KEY,
  experiment_id INTEGER NOT NULL REFERENCES experiments(id),
  key TEXT NOT NULL,
  value TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;

CREATE INDEX experiment_tag_events_by_experiment ON experiment_tag_events(experiment_id, key, id);

-- Files uploaded through MLflow's artifact proxy, by their path under the artifact root
-- (`<exp>/<run>/artifacts/<relpath>`, `<exp>/models/<m-id>/artifacts/<relpath>`). A path uploaded
-- again with other bytes gets a new row: the latest row of a path is its content, the older ones
-- stay for audit. A run's file is also an artifact node output by the run (`artifact_id`).
CREATE TABLE mlflow_files (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  digest TEXT NOT NULL CHECK (digest GLOB 'sha256:*'),
  size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
  artifact_id INTEGER REFERENCES artifacts(id),
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
) STRICT;

CREATE INDEX mlflow_files_by_path ON mlflow_files(path, id);

-- MLflow 3 logged models (`m-<32 hex>`): created pending, finalized once. Params are the run's at
-- creation (a JSON object); the directory artifact is made at finalize, with the digest of its
-- manifest.
CREATE TABLE logged_models (
  id INTEGER PRIMARY KEY,
  model_id TEXT NOT NULL UNIQUE CHECK (length(model_id) = 34 AND model_id GLOB 'm-*'),
  experiment_id INTEGER NOT NULL REFERENCES experiments(id),
  name TEXT NOT NULL,
  source_run_id INTEGER REFERENCES runs(id),
  model_type TEXT,
  params TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
) STRICT;

CREATE INDEX logged_models_by_experiment ON logged_models(experiment_id, name);

CREATE TABLE logged_model_finalizations (
  logged_model_id INTEGER PRIMARY KEY REFERENCES logged_models(id),
  status TEXT NOT NULL CHECK (status IN ('LOGGED_MODEL_READY', 'LOGGED_MODEL_UPLOAD_FAILED')),
  artifact_id INTEGER REFERENCES artifacts(id),
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;

CREATE TABLE logged_model_tag_events (
  id INTEGER PRIMARY KEY,
  logged_model_id INTEGER NOT NULL REFERENCES logged_models(id),
  key TEXT NOT NULL,
  value TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;

CREATE INDEX logged_model_tag_events_by_model ON logged_model_tag_events(logged_model_id, key, id);

-- `runs/outputs`: the logged models a run output, at a step.
CREATE TABLE run_logged_model_outputs (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  logged_model_id INTEGER NOT NULL REFERENCES logged_models(id),
  step INTEGER NOT NULL,
  PRIMARY KEY (run_id, logged_model_id)
) STRICT, WITHOUT ROWID;

-- The tags of a run's dataset input (MLflow's `mlflow.data.context`: training, eval…).
CREATE TABLE run_input_tags (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  dataset_version_id INTEGER NOT NULL REFERENCES dataset_versions(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (run_id, dataset_version_id, key)
) STRICT, WITHOUT ROWID;

-- A registered model's description (key NULL) and tags, as events (value NULL: cleared).
CREATE TABLE model_metadata_events (
  id INTEGER PRIMARY KEY,
  model_id INTEGER NOT NULL REFERENCES models(id),
  key TEXT,
  value TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;

CREATE INDEX model_metadata_events_by_model ON model_metadata_events(model_id, key, id);

-- What MLflow said when it created a model version: its `source` URI, `run_link` and logged
-- model.
CREATE TABLE model_version_sources (
  model_version_id INTEGER PRIMARY KEY REFERENCES model_versions(id),
  source TEXT NOT NULL,
  run_link TEXT,
  logged_model_id INTEGER REFERENCES logged_models(id)
) STRICT;

CREATE TRIGGER run_tag_events_no_update BEFORE UPDATE ON run_tag_events
BEGIN SELECT RAISE(ABORT, 'run_tag_events is append-only'); END;
CREATE TRIGGER run_tag_events_no_delete BEFORE DELETE ON run_tag_events
BEGIN SELECT RAISE(ABORT, 'run_tag_events is append-only'); END;
CREATE TRIGGER experiment_tag_events_no_update BEFORE UPDATE ON experiment_tag_events
BEGIN SELECT RAISE(ABORT, 'experiment_tag_events is append-only'); END;
CREATE TRIGGER experiment_tag_events_no_delete BEFORE DELETE ON experiment_tag_events
BEGIN SELECT RAISE(ABORT, 'experiment_tag_events is append-only'); END;
CREATE TRIGGER mlflow_files_no_update BEFORE UPDATE ON mlflow_files
BEGIN SELECT RAISE(ABORT, 'mlflow_files is append-only'); END;
CREATE TRIGGER mlflow_files_no_delete BEFORE DELETE ON mlflow_files
BEGIN SELECT RAISE(ABORT, 'mlflow_files is append-only'); END;
CREATE TRIGGER logged_models_immutable BEFORE UPDATE ON logged_models
BEGIN SELECT RAISE(ABORT, 'logged models are immutable'); END;
CREATE TRIGGER logged_models_no_delete BEFORE DELETE ON logged_models
BEGIN SELECT RAISE(ABORT, 'logged models are immutable'); END;
CREATE TRIGGER logged_model_finalizations_no_update BEFORE UPDATE ON logged_model_finalizations
BEGIN SELECT RAISE(ABORT, 'a logged model is finalized once'); END;
CREATE TRIGGER logged_model_finalizations_no_delete BEFORE DELETE ON logged_model_finalizations
BEGIN SELECT RAISE(ABORT, 'a logged model is finalized once'); END;
CREATE TRIGGER logged_model_tag_events_no_update BEFORE UPDATE ON logged_model_tag_events
BEGIN SELECT RAISE(ABORT, 'logged_model_tag_events is append-only'); END;
CREATE TRIGGER logged_model_tag_events_no_delete BEFORE DELETE ON logged_model_tag_events
BEGIN SELECT RAISE(ABORT, 'logged_model_tag_events is append-only'); END;
CREATE TRIGGER run_logged_model_outputs_no_update BEFORE UPDATE ON run_logged_model_outputs
BEGIN SELECT RAISE(ABORT, 'run_logged_model_outputs is append-only'); END;
CREATE TRIGGER run_logged_model_outputs_no_delete BEFORE DELETE ON run_logged_model_outputs
BEGIN SELECT RAISE(ABORT, 'run_logged_model_outputs is append-only'); END;
CREATE TRIGGER run_input_tags_no_update BEFORE UPDATE ON run_input_tags
BEGIN SELECT RAISE(ABORT, 'run_input_tags is append-only'); END;
CREATE TRIGGER run_input_tags_no_delete BEFORE DELETE ON run_input_tags
BEGIN SELECT RAISE(ABORT, 'run_input_tags is append-only'); END;
CREATE TRIGGER model_metadata_events_no_update BEFORE UPDATE ON model_metadata_events
BEGIN SELECT RAISE(ABORT, 'model_metadata_events is append-only'); END;
CREATE TRIGGER model_metadata_events_no_delete BEFORE DELETE ON model_metadata_events
BEGIN SELECT RAISE(ABORT, 'model_metadata_events is append-only'); END;
CREATE TRIGGER model_version_sources_immutable BEFORE UPDATE ON model_version_sources
BEGIN SELECT RAISE(ABORT, 'model version sources are immutable'); END;
CREATE TRIGGER model_version_sources_no_delete BEFORE DELETE ON model_version_sources
BEGIN SELECT RAISE(ABORT, 'model version sources are immutable'); END;
