-- Pedigree schema, version 7: dataset versions may carry a foreign digest scheme.
--
-- MLflow's dataset digests are 8 hex digits of an md5 over (at most 10,000 of) the rows, not a
-- hash of the content, so they are kept as a declared foreign scheme `mlflow:<hex>`, never passed
-- off as `sha256:`. Idempotency stays per (dataset, digest) for both schemes.
--
-- SQLite cannot alter a CHECK in place, so the table is rebuilt inside the migration's
-- transaction, keeping every id (so nodes, edges, tags and deprecations still point at the same
-- rows), then its index and its immutability trigger are recreated. `defer_foreign_keys` lets the
-- table be dropped and refilled while dataset_version_tags and dataset_deprecations refer to it:
-- foreign keys are checked at commit, when every row is back (it resets itself at commit).
-- A rebuild drops every index and trigger on the table, so each one an earlier migration put on
-- dataset_versions is recreated here, with its text unchanged: 0001's index and UPDATE trigger,
-- and the DELETE trigger of 0004 (tamper evidence; created here too when 0004 is absent).

PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE dataset_versions_0007 AS SELECT
  id, dataset_id, version, uri, digest, size_bytes, row_count, schema_json, created_at, created_by
FROM dataset_versions;

DROP TABLE dataset_versions;

CREATE TABLE dataset_versions (
  id INTEGER PRIMARY KEY REFERENCES nodes(id),
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  version INTEGER NOT NULL CHECK (version >= 1),
  uri TEXT NOT NULL,
  digest TEXT CHECK (digest GLOB 'sha256:*' OR digest GLOB 'mlflow:*'),
  size_bytes INTEGER CHECK (size_bytes >= 0),
  row_count INTEGER CHECK (row_count >= 0),
  schema_json TEXT,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (dataset_id, version)
) STRICT;

INSERT INTO dataset_versions(
  id, dataset_id, version, uri, digest, size_bytes, row_count, schema_json, created_at, created_by)
SELECT id, dataset_id, version, uri, digest, size_bytes, row_count, schema_json, created_at, created_by
FROM dataset_versions_0007 ORDER BY id;

DROP TABLE dataset_versions_0007;

CREATE UNIQUE INDEX dataset_versions_by_digest ON dataset_versions(dataset_id, digest)
  WHERE digest IS NOT NULL;

CREATE TRIGGER dataset_versions_immutable BEFORE UPDATE ON dataset_versions
BEGIN SELECT RAISE(ABORT, 'dataset versions are immutable'); END;
CREATE TRIGGER dataset_versions_no_delete BEFORE DELETE ON dataset_versions
BEGIN SELECT RAISE(ABORT, 'dataset versions are immutable'); END;
