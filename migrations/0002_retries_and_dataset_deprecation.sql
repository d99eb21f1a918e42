-- Pedigree schema, version 2: harmless retries and dataset deprecation.
--
--   * `run_records`: the content digest of every run written by `run record` (see RecordContent):
--     a retried record is found by it (`run_id` given or not) and writes nothing. Append-only.
--   * `dataset_deprecations`: a dataset version marked bad, once (its primary key), never edited
--     or removed, like a model version's deprecation. Inputs skip or refuse deprecated versions.

CREATE TABLE run_records (
  run_id INTEGER PRIMARY KEY REFERENCES runs(id),
  digest TEXT NOT NULL CHECK (digest GLOB 'sha256:*')
) STRICT;

CREATE INDEX run_records_by_digest ON run_records(digest);

CREATE TRIGGER run_records_no_update BEFORE UPDATE ON run_records
BEGIN SELECT RAISE(ABORT, 'run records are append-only'); END;
CREATE TRIGGER run_records_no_delete BEFORE DELETE ON run_records
BEGIN SELECT RAISE(ABORT, 'run records are append-only'); END;

CREATE TABLE dataset_deprecations (
  dataset_version_id INTEGER PRIMARY KEY REFERENCES dataset_versions(id),
  deprecated_at INTEGER NOT NULL,
  deprecated_by TEXT NOT NULL,
  reason TEXT NOT NULL
) STRICT;

CREATE TRIGGER dataset_deprecations_no_update BEFORE UPDATE ON dataset_deprecations
BEGIN SELECT RAISE(ABORT, 'a dataset version can only be deprecated, once'); END;
CREATE TRIGGER dataset_deprecations_no_delete BEFORE DELETE ON dataset_deprecations
BEGIN SELECT RAISE(ABORT, 'a dataset version can only be deprecated, once'); END;
