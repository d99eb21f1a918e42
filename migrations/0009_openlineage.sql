-- Pedigree schema, version 9: OpenLineage in and out (OPENLINEAGE.md).
--
--   * `ol_events`: every accepted OpenLineage event, verbatim (its bytes as received), found again
--     by the SHA-256 of its canonical JSON so a byte-identical replay writes nothing. A RunEvent
--     names the Pedigree run it was folded into; the run's state is derived from these rows.
--   * `ol_datasets`: the identity of an OpenLineage dataset, its (namespace, name) pair, and the
--     Pedigree dataset it was given on first sight (the name is only its handle, never re-derived).
--   * `ol_runs`: the OpenLineage run id and job of a Pedigree run, for export.
--   * `ol_run_outputs`: each mention of an output by an event of a run, with the facts it carried,
--     until the run completes and the outputs become dataset versions (V3).
-- All four are append-only.

CREATE TABLE ol_events (
  id INTEGER PRIMARY KEY,
  body_sha256 TEXT NOT NULL UNIQUE CHECK (body_sha256 GLOB 'sha256:*'),
  kind TEXT NOT NULL CHECK (kind IN ('run', 'job', 'dataset')),
  event_type TEXT,
  event_time INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  run_id INTEGER REFERENCES runs(id),
  producer TEXT NOT NULL,
  body BLOB NOT NULL
) STRICT;

CREATE INDEX ol_events_by_run ON ol_events(run_id, event_time);
CREATE INDEX ol_events_by_time ON ol_events(event_time);

CREATE TABLE ol_datasets (
  dataset_id INTEGER PRIMARY KEY REFERENCES datasets(id),
  namespace TEXT NOT NULL,
  name TEXT NOT NULL,
  uri TEXT NOT NULL,
  UNIQUE (namespace, name)
) STRICT;

CREATE INDEX ol_datasets_by_uri ON ol_datasets(uri);

CREATE TABLE ol_runs (
  run_id INTEGER PRIMARY KEY REFERENCES runs(id),
  ol_run_id TEXT NOT NULL UNIQUE,
  job_namespace TEXT NOT NULL,
  job_name TEXT NOT NULL,
  -- 1 when the run existed before its first event (a Pedigree run exported and imported back):
  -- its state then changes only with a START or terminal event.
  adopted INTEGER NOT NULL DEFAULT 0 CHECK (adopted IN (0, 1))
) STRICT;

CREATE TABLE ol_run_outputs (
  event_id INTEGER NOT NULL REFERENCES ol_events(id),
  run_id INTEGER NOT NULL REFERENCES runs(id),
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  facts TEXT NOT NULL,
  PRIMARY KEY (run_id, dataset_id, event_id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER ol_events_no_update BEFORE UPDATE ON ol_events
BEGIN SELECT RAISE(ABORT, 'ol_events is append-only'); END;
CREATE TRIGGER ol_events_no_delete BEFORE DELETE ON ol_events
BEGIN SELECT RAISE(ABORT, 'ol_events is append-only'); END;
CREATE TRIGGER ol_datasets_no_update BEFORE UPDATE ON ol_datasets
BEGIN SELECT RAISE(ABORT, 'ol_datasets is append-only'); END;
CREATE TRIGGER ol_datasets_no_delete BEFORE DELETE ON ol_datasets
BEGIN SELECT RAISE(ABORT, 'ol_datasets is append-only'); END;
CREATE TRIGGER ol_runs_no_update BEFORE UPDATE ON ol_runs
BEGIN SELECT RAISE(ABORT, 'ol_runs is append-only'); END;
CREATE TRIGGER ol_runs_no_delete BEFORE DELETE ON ol_runs
BEGIN SELECT RAISE(ABORT, 'ol_runs is append-only'); END;
CREATE TRIGGER ol_run_outputs_no_update BEFORE UPDATE ON ol_run_outputs
BEGIN SELECT RAISE(ABORT, 'ol_run_outputs is append-only'); END;
CREATE TRIGGER ol_run_outputs_no_delete BEFORE DELETE ON ol_run_outputs
BEGIN SELECT RAISE(ABORT, 'ol_run_outputs is append-only'); END;
