-- A registry written by `pedigree` at schema version 3 (main at 2d19986, before metric chunks),
-- by make-registry-v3.sh, then `sqlite3 reg.db .dump` (which leaves out the two pragmas below).
-- Loaded by MigrationTests to test migration 0005 on a registry today's users have.
-- (The smallest denormal, 5e-324, is written as a quotient: the shell parses its literal as 0.0.)
PRAGMA application_id = 1346651986;
PRAGMA user_version = 3;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  applied_at INTEGER NOT NULL
) STRICT;
INSERT INTO schema_migrations VALUES(1,'initial','sha256:565616a8760da4d75f260dfc51633e5392ecfacf5759bdaba729a9287d2e32d7',1796122518227);
INSERT INTO schema_migrations VALUES(2,'retries_and_dataset_deprecation','sha256:8e816c5ac93c349a92a89af5397f83544cac5492081745831ef8762fd281e73b',1796122518227);
INSERT INTO schema_migrations VALUES(3,'version_metadata_and_policies','sha256:d74f69d7f93372dcf999bc8df4bf5a7c48e9115ffa71178c1d328c6ad6712e30',1796122518228);
CREATE TABLE nodes (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('dataset_version', 'run', 'artifact', 'model_version'))
) STRICT;
INSERT INTO nodes VALUES(1,'run');
INSERT INTO nodes VALUES(2,'dataset_version');
INSERT INTO nodes VALUES(3,'artifact');
INSERT INTO nodes VALUES(4,'model_version');
INSERT INTO nodes VALUES(5,'run');
INSERT INTO nodes VALUES(6,'run');
CREATE TABLE edges (
  src INTEGER NOT NULL REFERENCES nodes(id),
  dst INTEGER NOT NULL REFERENCES nodes(id),
  relation TEXT NOT NULL CHECK (relation IN ('input', 'output', 'source_run', 'source_artifact')),
  PRIMARY KEY (src, dst, relation)
) STRICT, WITHOUT ROWID;
INSERT INTO edges VALUES(2,1,'input');
INSERT INTO edges VALUES(1,3,'output');
INSERT INTO edges VALUES(1,4,'source_run');
INSERT INTO edges VALUES(3,4,'source_artifact');
CREATE TABLE experiments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
) STRICT;
INSERT INTO experiments VALUES(1,'fx',1796122518676);
CREATE TABLE datasets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  last_version INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
) STRICT;
INSERT INTO datasets VALUES(1,'tx',1,1796122518676);
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
INSERT INTO dataset_versions VALUES(2,1,1,'s3://b/tx.parquet','sha256:1111111111111111111111111111111111111111111111111111111111111111',NULL,NULL,NULL,1796122518676,'fixture');
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
INSERT INTO runs VALUES(1,'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',1,'edge-values','finished',1795860000000,1795862520000,'9f2c1e7',NULL,NULL,'fixture');
INSERT INTO runs VALUES(5,'1db423f6c7939c43de9cf1264c2705a6',1,'logged','finished',1796122519507,1796122523544,NULL,NULL,NULL,'fixture');
INSERT INTO runs VALUES(6,'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',1,'big','finished',1795946400000,1795950000000,NULL,NULL,NULL,'fixture');
CREATE TABLE run_tags (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
) STRICT, WITHOUT ROWID;
INSERT INTO run_tags VALUES(1,'team','risk');
CREATE TABLE params (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
) STRICT, WITHOUT ROWID;
INSERT INTO params VALUES(1,'depth','6');
INSERT INTO params VALUES(1,'lr','0.01');
INSERT INTO params VALUES(6,'n','200000');
INSERT INTO params VALUES(5,'opt','adam');
CREATE TABLE metric_keys (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE
) STRICT;
INSERT INTO metric_keys VALUES(1,'loss');
INSERT INTO metric_keys VALUES(2,'auc');
INSERT INTO metric_keys VALUES(3,'dup');
INSERT INTO metric_keys VALUES(4,'val loss/x:y');
INSERT INTO metric_keys VALUES(5,'acc');
INSERT INTO metric_keys VALUES(6,'big0');
INSERT INTO metric_keys VALUES(7,'big1');
INSERT INTO metric_keys VALUES(8,'big2');
INSERT INTO metric_keys VALUES(9,'big3');
INSERT INTO metric_keys VALUES(10,'big4');
INSERT INTO metric_keys VALUES(11,'big5');
INSERT INTO metric_keys VALUES(12,'big6');
INSERT INTO metric_keys VALUES(13,'big7');
INSERT INTO metric_keys VALUES(14,'big8');
INSERT INTO metric_keys VALUES(15,'big9');
CREATE TABLE metrics (
  run_id INTEGER NOT NULL,
  key_id INTEGER NOT NULL,
  step INTEGER NOT NULL,
  timestamp INTEGER NOT NULL,
  value REAL NOT NULL,
  is_nan INTEGER NOT NULL DEFAULT 0 CHECK (is_nan IN (0, 1)),
  PRIMARY KEY (run_id, key_id, step, timestamp, value, is_nan)
) STRICT, WITHOUT ROWID;
INSERT INTO metrics VALUES(1,1,0,1795862520000,0.70999999999999996447,0);
INSERT INTO metrics VALUES(1,1,1,1795862520000,0.52000000000000001776,0);
INSERT INTO metrics VALUES(1,1,2,1795860060000,0.44000000000000000222,0);
INSERT INTO metrics VALUES(1,1,2,1795862520000,0.0,1);
INSERT INTO metrics VALUES(1,1,2,1795862520000,0.44000000000000000222,0);
INSERT INTO metrics VALUES(1,1,3,1795862520000,1e999,0);
INSERT INTO metrics VALUES(1,1,4,1795862520000,-1e999,0);
INSERT INTO metrics VALUES(1,1,5,1795862520000,0.0,0);
INSERT INTO metrics VALUES(1,1,6,1795862520000,0.0,0);
INSERT INTO metrics VALUES(1,1,7,1795862520000,(2.2250738585072014e-308 / 4503599627370496.0),0);
INSERT INTO metrics VALUES(1,1,8,1795862520000,1.7976931348623156223e+308,0);
INSERT INTO metrics VALUES(1,1,9,1795856400000,0.10000000000000000555,0);
INSERT INTO metrics VALUES(1,1,9,1795862520000,0.10000000000000000555,0);
INSERT INTO metrics VALUES(1,1,9,1795862520000,0.3000000000000000444,0);
INSERT INTO metrics VALUES(1,2,0,1795862520000,0.93100000000000004973,0);
INSERT INTO metrics VALUES(1,3,0,1795862520000,0.0,0);
INSERT INTO metrics VALUES(1,3,0,1795862520000,0.0,1);
INSERT INTO metrics VALUES(1,3,0,1795862520000,1.0,0);
INSERT INTO metrics VALUES(1,3,1,1795862520000,2.0,0);
INSERT INTO metrics VALUES(1,4,1,1795862520000,2.5,0);
INSERT INTO metrics VALUES(1,4,3,1795862520000,1.5,0);
INSERT INTO metrics VALUES(5,1,0,1796122520153,0.9000000000000000222,0);
INSERT INTO metrics VALUES(5,1,1,1796122520153,0.8000000000000000444,0);
INSERT INTO metrics VALUES(5,1,1,1796122522390,0.84999999999999997779,0);
INSERT INTO metrics VALUES(5,1,1,1796122523037,0.75,0);
INSERT INTO metrics VALUES(5,1,2,1796122521881,0.69999999999999995559,0);
INSERT INTO metrics VALUES(5,1,3,1796122521881,0.0,1);
INSERT INTO metrics VALUES(5,5,0,1796122520153,0.5,0);
INSERT INTO metrics VALUES(5,5,0,1796122523037,0.59999999999999997779,0);
INSERT INTO metrics VALUES(5,5,1,1796122521881,-1e999,0);
-- The 200,000 points of run bbbb… (10 keys x 20,000 steps), as `pedigree run record` of
-- make-registry-v3.sh stored them, generated here rather than listed row by row.
INSERT INTO metrics(run_id, key_id, step, timestamp, value, is_nan)
WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < 199999)
SELECT 6, 6 + n / 20000, n % 20000, 1795950000000, ((n % 20000) % 1000) * 0.125 + n / 20000, 0 FROM s;
CREATE TABLE latest_metrics (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  key TEXT NOT NULL,
  step INTEGER NOT NULL,
  timestamp INTEGER NOT NULL,
  value REAL,
  PRIMARY KEY (run_id, key)
) STRICT, WITHOUT ROWID;
INSERT INTO latest_metrics VALUES(1,'auc',0,1795862520000,0.93100000000000004973);
INSERT INTO latest_metrics VALUES(1,'dup',1,1795862520000,2.0);
INSERT INTO latest_metrics VALUES(1,'loss',9,1795862520000,0.3000000000000000444);
INSERT INTO latest_metrics VALUES(1,'val loss/x:y',3,1795862520000,1.5);
INSERT INTO latest_metrics VALUES(5,'acc',1,1796122521881,-1e999);
INSERT INTO latest_metrics VALUES(5,'loss',3,1796122521881,NULL);
INSERT INTO latest_metrics VALUES(6,'big0',19999,1795950000000,124.87499999999999999);
INSERT INTO latest_metrics VALUES(6,'big1',19999,1795950000000,125.87499999999999999);
INSERT INTO latest_metrics VALUES(6,'big2',19999,1795950000000,126.87499999999999999);
INSERT INTO latest_metrics VALUES(6,'big3',19999,1795950000000,127.87499999999999999);
INSERT INTO latest_metrics VALUES(6,'big4',19999,1795950000000,128.875);
INSERT INTO latest_metrics VALUES(6,'big5',19999,1795950000000,129.875);
INSERT INTO latest_metrics VALUES(6,'big6',19999,1795950000000,130.875);
INSERT INTO latest_metrics VALUES(6,'big7',19999,1795950000000,131.875);
INSERT INTO latest_metrics VALUES(6,'big8',19999,1795950000000,132.875);
INSERT INTO latest_metrics VALUES(6,'big9',19999,1795950000000,133.875);
CREATE TABLE artifacts (
  id INTEGER PRIMARY KEY REFERENCES nodes(id),
  name TEXT NOT NULL,
  uri TEXT NOT NULL,
  digest TEXT CHECK (digest GLOB 'sha256:*'),
  size_bytes INTEGER CHECK (size_bytes >= 0),
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
INSERT INTO artifacts VALUES(3,'model.onnx','file:///m/a.onnx','sha256:2222222222222222222222222222222222222222222222222222222222222222',10,1796122518752,'fixture');
CREATE TABLE models (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  last_version INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
INSERT INTO models VALUES(1,'fx-model',1,1796122518768,'fixture');
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
INSERT INTO model_versions VALUES(4,1,1,1,3,'sha256:2222222222222222222222222222222222222222222222222222222222222222',NULL,1796122518768,'fixture',NULL,NULL,NULL);
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
INSERT INTO alias_events VALUES(1,1,'production','promote',NULL,4,'fixture','registered by run record',1796122518768);
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
INSERT INTO audit_log VALUES(1,1796122518229,'fixture','registry.create','registry','{"schema_version":3,"migration":"initial, retries_and_dataset_deprecation, version_metadata_and_policies"}','0000000000000000000000000000000000000000000000000000000000000000','082671c26e5e41704fdeae46967dffc204578609d57976ee48c7974359994140');
INSERT INTO audit_log VALUES(2,1796122518768,'fixture','run.record','run:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa','{"experiment":"fx","name":"edge-values","status":"finished","params":2,"metric_points":22,"inputs":1,"input_refs":["dataset:tx@1"],"outputs":["artifact:3"],"content_digest":"sha256:e5cd1d247d55623cc58d22ecf33b0073280cd0883411a06af49c352b56d35f81","record_digest":"sha256:cecd399d246090c2e71fd9c0638280a7ab4e871aa8f21149aeef2978b9a77ebf","registered":"fx-model@1","alias":"production"}','082671c26e5e41704fdeae46967dffc204578609d57976ee48c7974359994140','a76376ff86bce309389042c9ff4b3a8f4aa871cf8febf928104401915d5b506a');
INSERT INTO audit_log VALUES(3,1796122519508,'fixture','run.start','run:1db423f6c7939c43de9cf1264c2705a6','{"experiment":"fx","name":"logged","params":1,"inputs":0,"input_refs":[],"content_digest":"sha256:c892a5659e50f210b508645ba06932095145d07cb0027c423d961ae345e5d356"}','a76376ff86bce309389042c9ff4b3a8f4aa871cf8febf928104401915d5b506a','c9c3f038d4fe8c94182d497070525e8364a2ceba2f892ef76cc209ec229686d5');
INSERT INTO audit_log VALUES(4,1796122520208,'fixture','run.log','run:1db423f6c7939c43de9cf1264c2705a6','{"params":0,"metric_points":3,"inputs":0,"outputs":[],"content_digest":"sha256:9ebf864cbfe47b31127d46c54b6f6bd21d8dd8f15623ceb4a6cf22d5273bdd4b"}','c9c3f038d4fe8c94182d497070525e8364a2ceba2f892ef76cc209ec229686d5','b819dea5e079366c1cd925d68fc6c07be3bf941e542ce26ee58bdde6001780fc');
INSERT INTO audit_log VALUES(5,1796122521944,'fixture','run.log','run:1db423f6c7939c43de9cf1264c2705a6','{"params":0,"metric_points":3,"inputs":0,"outputs":[],"content_digest":"sha256:9dffb035b08dc3d5818d1b3fa84aeda8d8f78f10efb7241da9065b5c555c3c30"}','b819dea5e079366c1cd925d68fc6c07be3bf941e542ce26ee58bdde6001780fc','53d9dcbbd42f2403ed4e516afe89bfc9f09f8d0f66802032ff79cd4bc59850ae');
INSERT INTO audit_log VALUES(6,1796122522457,'fixture','run.log','run:1db423f6c7939c43de9cf1264c2705a6','{"params":0,"metric_points":1,"inputs":0,"outputs":[],"content_digest":"sha256:cd189026027c9bfb620f6db4a2416d45d670de20b4ebc62fbedcaabc0f544857"}','53d9dcbbd42f2403ed4e516afe89bfc9f09f8d0f66802032ff79cd4bc59850ae','2e8d0a46cbb165dd8ac05e641387cb23cb3e1f5b1108a809ef38009d728bf48f');
INSERT INTO audit_log VALUES(7,1796122523112,'fixture','run.log','run:1db423f6c7939c43de9cf1264c2705a6','{"params":0,"metric_points":2,"inputs":0,"outputs":[],"content_digest":"sha256:235cde15fd3415267cabbe7ce8768736e84809d906c31754605986360e6c020e"}','2e8d0a46cbb165dd8ac05e641387cb23cb3e1f5b1108a809ef38009d728bf48f','72e7320d33388dc4575c0c4c29b56f453bd70c3f62af241fc600184de4247770');
INSERT INTO audit_log VALUES(8,1796122523544,'fixture','run.end','run:1db423f6c7939c43de9cf1264c2705a6','{"status":"finished"}','72e7320d33388dc4575c0c4c29b56f453bd70c3f62af241fc600184de4247770','d90b65b026b63a9cdc2460277d882fe22a99c0f67a93b86f584b1bd096272c0b');
INSERT INTO audit_log VALUES(9,1796122548596,'fixture','run.record','run:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb','{"experiment":"fx","name":"big","status":"finished","params":1,"metric_points":200000,"inputs":0,"input_refs":[],"outputs":[],"content_digest":"sha256:95e50ae7b3b7a07ddba157afa6eb0a20f32c3dfb697e3e9c953adddb9a577d36","record_digest":"sha256:c886a48fafa3c11ae4833d81d6d8a74af92c752139a98351aadcf7798b36811e"}','d90b65b026b63a9cdc2460277d882fe22a99c0f67a93b86f584b1bd096272c0b','d98d75ebe83b8679c448d5fe73f9d19340dbf638b0a3b4d86222cce532053531');
CREATE TABLE run_records (
  run_id INTEGER PRIMARY KEY REFERENCES runs(id),
  digest TEXT NOT NULL CHECK (digest GLOB 'sha256:*')
) STRICT;
INSERT INTO run_records VALUES(1,'sha256:cecd399d246090c2e71fd9c0638280a7ab4e871aa8f21149aeef2978b9a77ebf');
INSERT INTO run_records VALUES(6,'sha256:c886a48fafa3c11ae4833d81d6d8a74af92c752139a98351aadcf7798b36811e');
CREATE TABLE dataset_deprecations (
  dataset_version_id INTEGER PRIMARY KEY REFERENCES dataset_versions(id),
  deprecated_at INTEGER NOT NULL,
  deprecated_by TEXT NOT NULL,
  reason TEXT NOT NULL
) STRICT;
CREATE TABLE model_version_tag_events (
  id INTEGER PRIMARY KEY,
  model_version_id INTEGER NOT NULL REFERENCES model_versions(id),
  key TEXT NOT NULL,
  value TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE TABLE model_version_description_events (
  id INTEGER PRIMARY KEY,
  model_version_id INTEGER NOT NULL REFERENCES model_versions(id),
  description TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE TABLE promotion_policies (
  id INTEGER PRIMARY KEY,
  pattern TEXT NOT NULL,
  alias TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('set', 'unset')),
  require_filter TEXT,
  require_ast TEXT,
  require_reason INTEGER NOT NULL DEFAULT 0 CHECK (require_reason IN (0, 1)),
  require_prior_alias TEXT,
  min_role TEXT CHECK (min_role IN ('reader', 'writer', 'promoter', 'admin')),
  actor TEXT NOT NULL,
  at INTEGER NOT NULL,
  CHECK ((require_filter IS NULL) = (require_ast IS NULL))
) STRICT;
CREATE INDEX edges_by_dst ON edges(dst, src);
CREATE UNIQUE INDEX dataset_versions_by_digest ON dataset_versions(dataset_id, digest)
  WHERE digest IS NOT NULL;
CREATE INDEX runs_by_experiment ON runs(experiment_id, started_at);
CREATE INDEX runs_by_started_at ON runs(started_at);
CREATE INDEX run_tags_by_key ON run_tags(key, value);
CREATE INDEX params_by_key ON params(key, value);
CREATE VIEW metric_points AS
SELECT m.run_id, k.key, m.step, m.timestamp,
  CASE WHEN m.is_nan = 1 THEN NULL ELSE m.value END AS value, m.is_nan
FROM metrics m JOIN metric_keys k ON k.id = m.key_id;
CREATE INDEX latest_metrics_by_key ON latest_metrics(key, value);
CREATE INDEX artifacts_by_digest ON artifacts(digest) WHERE digest IS NOT NULL;
CREATE UNIQUE INDEX model_versions_by_digest ON model_versions(model_id, artifact_digest)
  WHERE artifact_digest IS NOT NULL;
CREATE INDEX model_versions_by_run ON model_versions(run_id);
CREATE INDEX alias_events_by_alias ON alias_events(model_id, alias, id);
CREATE INDEX alias_events_by_target ON alias_events(to_version_id);
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
CREATE INDEX run_records_by_digest ON run_records(digest);
CREATE TRIGGER run_records_no_update BEFORE UPDATE ON run_records
BEGIN SELECT RAISE(ABORT, 'run records are append-only'); END;
CREATE TRIGGER run_records_no_delete BEFORE DELETE ON run_records
BEGIN SELECT RAISE(ABORT, 'run records are append-only'); END;
CREATE TRIGGER dataset_deprecations_no_update BEFORE UPDATE ON dataset_deprecations
BEGIN SELECT RAISE(ABORT, 'a dataset version can only be deprecated, once'); END;
CREATE TRIGGER dataset_deprecations_no_delete BEFORE DELETE ON dataset_deprecations
BEGIN SELECT RAISE(ABORT, 'a dataset version can only be deprecated, once'); END;
CREATE INDEX model_version_tag_events_by_version ON model_version_tag_events(model_version_id, key, id);
CREATE INDEX model_version_tag_events_by_key ON model_version_tag_events(key, value);
CREATE VIEW model_version_tags AS
SELECT t.model_version_id, t.key, t.value
FROM model_version_tag_events t
WHERE t.value IS NOT NULL
  AND t.id = (SELECT max(x.id) FROM model_version_tag_events x
              WHERE x.model_version_id = t.model_version_id AND x.key = t.key);
CREATE INDEX model_version_description_events_by_version
  ON model_version_description_events(model_version_id, id);
CREATE INDEX promotion_policies_by_alias ON promotion_policies(alias, pattern, id);
CREATE TRIGGER model_version_tag_events_no_update BEFORE UPDATE ON model_version_tag_events
BEGIN SELECT RAISE(ABORT, 'model_version_tag_events is append-only'); END;
CREATE TRIGGER model_version_tag_events_no_delete BEFORE DELETE ON model_version_tag_events
BEGIN SELECT RAISE(ABORT, 'model_version_tag_events is append-only'); END;
CREATE TRIGGER model_version_description_events_no_update
BEFORE UPDATE ON model_version_description_events
BEGIN SELECT RAISE(ABORT, 'model_version_description_events is append-only'); END;
CREATE TRIGGER model_version_description_events_no_delete
BEFORE DELETE ON model_version_description_events
BEGIN SELECT RAISE(ABORT, 'model_version_description_events is append-only'); END;
CREATE TRIGGER promotion_policies_no_update BEFORE UPDATE ON promotion_policies
BEGIN SELECT RAISE(ABORT, 'promotion_policies is append-only'); END;
CREATE TRIGGER promotion_policies_no_delete BEFORE DELETE ON promotion_policies
BEGIN SELECT RAISE(ABORT, 'promotion_policies is append-only'); END;
COMMIT;
