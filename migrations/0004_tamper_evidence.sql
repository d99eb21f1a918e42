-- Pedigree schema, version 4: tamper evidence.
--
-- From this version every audit entry records the facts of what its write changed (details'
-- `facts`, see docs/AUDIT-CHAIN.md), and `db check` holds every entity's rows against them.
-- Migrating an older registry also writes one `registry.baseline` entry recording the facts of
-- every entity that existed before (done by pedigree in the same transaction, not by this file).
--
-- The tables whose rows are never removed get the DELETE-refusing triggers they lacked, like
-- 0001's: what a registry has recorded stays, and only `db check` can tell when it did not.

CREATE TRIGGER dataset_versions_no_delete BEFORE DELETE ON dataset_versions
BEGIN SELECT RAISE(ABORT, 'dataset versions are immutable'); END;
CREATE TRIGGER dataset_version_tags_no_update BEFORE UPDATE ON dataset_version_tags
BEGIN SELECT RAISE(ABORT, 'dataset version tags are immutable'); END;
CREATE TRIGGER dataset_version_tags_no_delete BEFORE DELETE ON dataset_version_tags
BEGIN SELECT RAISE(ABORT, 'dataset version tags are immutable'); END;
CREATE TRIGGER artifacts_no_delete BEFORE DELETE ON artifacts
BEGIN SELECT RAISE(ABORT, 'artifacts are immutable'); END;
CREATE TRIGGER runs_no_delete BEFORE DELETE ON runs
BEGIN SELECT RAISE(ABORT, 'runs are never deleted'); END;
CREATE TRIGGER models_no_delete BEFORE DELETE ON models
BEGIN SELECT RAISE(ABORT, 'models are never deleted'); END;
