-- Pedigree schema, version 10: audit entries record the facts of MLflow's compatibility tables
-- (migration 0008) too, so `db check` compares them like every other fact (see
-- docs/AUDIT-CHAIN.md). No table changes: the version marks the registries whose entries do not
-- record those facts yet. Migrating such a registry to this version writes one
-- `registry.baseline` entry (`since_schema` 10) with the facts of those tables as it found them.
SELECT 1;
