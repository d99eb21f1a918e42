-- A registry written by pedigree at schema 9 (commit 1d26d55) with format-1 metric chunks,
-- made by make-registry-v9-chunks.sh, then `sqlite3 reg.db .dump` (which leaves out the two pragmas below).
PRAGMA application_id = 1346651986;
PRAGMA user_version = 9;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  applied_at INTEGER NOT NULL
) STRICT;
INSERT INTO schema_migrations VALUES(1,'initial','sha256:565616a8760da4d75f260dfc51633e5392ecfacf5759bdaba729a9287d2e32d7',1796133799984);
INSERT INTO schema_migrations VALUES(2,'retries_and_dataset_deprecation','sha256:8e816c5ac93c349a92a89af5397f83544cac5492081745831ef8762fd281e73b',1796133799985);
INSERT INTO schema_migrations VALUES(3,'version_metadata_and_policies','sha256:d74f69d7f93372dcf999bc8df4bf5a7c48e9115ffa71178c1d328c6ad6712e30',1796133799986);
INSERT INTO schema_migrations VALUES(4,'tamper_evidence','sha256:203945591eecdfb646355cf73265d82537dcb63ce896decbaf89569343be52d8',1796133800020);
INSERT INTO schema_migrations VALUES(5,'metric_chunks','sha256:f458d12af2bdb3bad0dd79b667ea2abfd7f043f634f50c99cc6ab5164bcc7e6a',1796133800021);
INSERT INTO schema_migrations VALUES(6,'tokens','sha256:8a4145ae3b292d28f40bcc5e066a87db001327abae83242aadbf4697d2b57621',1796133800022);
INSERT INTO schema_migrations VALUES(7,'foreign_dataset_digests','sha256:6d41616a179fac2ee344a28924123c0781e8a377a6a68cf5741e181596c8a942',1796133800055);
INSERT INTO schema_migrations VALUES(8,'mlflow_compatibility','sha256:c81ed22cfffe24c7f3601bb8107437e073e10d7eecc61056710c05e16287dc4c',1796133800093);
INSERT INTO schema_migrations VALUES(9,'openlineage','sha256:e70bba736d21239c07e9acb8588ebdb01250a9100b88fe2575de57d76ed96910',1796133800131);
CREATE TABLE nodes (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('dataset_version', 'run', 'artifact', 'model_version'))
) STRICT;
INSERT INTO nodes VALUES(1,'run');
CREATE TABLE edges (
  src INTEGER NOT NULL REFERENCES nodes(id),
  dst INTEGER NOT NULL REFERENCES nodes(id),
  relation TEXT NOT NULL CHECK (relation IN ('input', 'output', 'source_run', 'source_artifact')),
  PRIMARY KEY (src, dst, relation)
) STRICT, WITHOUT ROWID;
CREATE TABLE experiments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
) STRICT;
INSERT INTO experiments VALUES(1,'fx',1796133802662);
CREATE TABLE datasets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  last_version INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
) STRICT;
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
INSERT INTO runs VALUES(1,'0123456789abcdef0123456789abcdef',1,'format-1','finished',1795860000000,1795862520000,NULL,NULL,NULL,'fixture');
CREATE TABLE run_tags (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
) STRICT, WITHOUT ROWID;
CREATE TABLE params (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
) STRICT, WITHOUT ROWID;
INSERT INTO params VALUES(1,'lr','0.01');
CREATE TABLE metric_keys (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE
) STRICT;
INSERT INTO metric_keys VALUES(1,'loss');
INSERT INTO metric_keys VALUES(2,'special');
INSERT INTO metric_keys VALUES(3,'auc');
CREATE TABLE latest_metrics (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  key TEXT NOT NULL,
  step INTEGER NOT NULL,
  timestamp INTEGER NOT NULL,
  value REAL,
  PRIMARY KEY (run_id, key)
) STRICT, WITHOUT ROWID;
INSERT INTO latest_metrics VALUES(1,'auc',1,1796133803440,0.94999999999999995559);
INSERT INTO latest_metrics VALUES(1,'loss',1000,1796133803048,0.2000000000000000111);
INSERT INTO latest_metrics VALUES(1,'special',11,1795862520000,1.7976931348623156223e+308);
CREATE TABLE artifacts (
  id INTEGER PRIMARY KEY REFERENCES nodes(id),
  name TEXT NOT NULL,
  uri TEXT NOT NULL,
  digest TEXT CHECK (digest GLOB 'sha256:*'),
  size_bytes INTEGER CHECK (size_bytes >= 0),
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
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
INSERT INTO audit_log VALUES(1,1796133800132,'fixture','registry.create','registry','{"schema_version":9,"migration":"initial, retries_and_dataset_deprecation, version_metadata_and_policies, tamper_evidence, metric_chunks, tokens, foreign_dataset_digests, mlflow_compatibility, openlineage"}','0000000000000000000000000000000000000000000000000000000000000000','0a750ff5e948e7f1e66df619a8ae7a8c7c1137b5f96e422451322f705af7f604');
INSERT INTO audit_log VALUES(2,1796133802700,'fixture','run.record','run:0123456789abcdef0123456789abcdef','{"experiment":"fx","name":"format-1","status":"finished","params":1,"metric_points":209,"inputs":0,"input_refs":[],"outputs":[],"content_digest":"sha256:d349bf999f4cffa90c299008087a1c7b7d7289eb571fe6b82f4f41c80ba37b44","record_digest":"sha256:229976ec3fe9ef536dafb73b59947cead23d9c0789d0792bb78dbf860292b206","facts":{"experiment:fx":{"created_at":1796133802662},"run:0123456789abcdef0123456789abcdef":{"experiment":"fx","name":"format-1","status":"finished","started_at":1795860000000,"ended_at":1795862520000,"git_commit":null,"git_repo":null,"entry_point":null,"actor":"fixture","params":{"lr":"0.01"},"tags":{},"record_digest":"sha256:229976ec3fe9ef536dafb73b59947cead23d9c0789d0792bb78dbf860292b206"}}}','0a750ff5e948e7f1e66df619a8ae7a8c7c1137b5f96e422451322f705af7f604','1baefc2457a78ca67879bc3cff50999d69ccd440f8fd63edf6d0a8a7e32c7c6a');
INSERT INTO audit_log VALUES(3,1796133803132,'fixture','run.log','run:0123456789abcdef0123456789abcdef','{"params":0,"metric_points":3,"inputs":0,"outputs":[],"content_digest":"sha256:a7ce6119417a33a644c5bba004cb4d10e8a7bb438239902ff5f6cb0537383f04"}','1baefc2457a78ca67879bc3cff50999d69ccd440f8fd63edf6d0a8a7e32c7c6a','83034bc7abbdf43c0bd8347277a407197a403200f55e996c8c680cba1f8bfe93');
INSERT INTO audit_log VALUES(4,1796133803525,'fixture','run.log','run:0123456789abcdef0123456789abcdef','{"params":0,"metric_points":2,"inputs":0,"outputs":[],"content_digest":"sha256:d573f9a04a497fe280383797ae46e449bb7192e9540bb0d31cfddf11534b8ab4"}','83034bc7abbdf43c0bd8347277a407197a403200f55e996c8c680cba1f8bfe93','2630ee967548856cbbd9d3e62b104b4dc5873ab805b1147645a5ce2b1fef6ee4');
CREATE TABLE run_records (
  run_id INTEGER PRIMARY KEY REFERENCES runs(id),
  digest TEXT NOT NULL CHECK (digest GLOB 'sha256:*')
) STRICT;
INSERT INTO run_records VALUES(1,'sha256:229976ec3fe9ef536dafb73b59947cead23d9c0789d0792bb78dbf860292b206');
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
CREATE TABLE metric_chunks (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  key_id INTEGER NOT NULL REFERENCES metric_keys(id),
  count INTEGER NOT NULL CHECK (count BETWEEN 1 AND 8192),
  min_step INTEGER NOT NULL,
  max_step INTEGER NOT NULL,
  points BLOB NOT NULL,
  CHECK (max_step >= min_step)
) STRICT;
INSERT INTO metric_chunks VALUES(1,1,1,200,0,199,X'01008083fb9bc468333333333333034002003ea0b3a8807a024002005975ca170cc901400200291e72ce8c1e0140020007a15af4bc7a00400200c0bc99dcb2baff3f0200690a5a85438cfe3f0200a0f321feaf69fd3f020093b9bf3d8152fc3f0200e799e0e54446fb3f0200abce36148d44fa3f0200e0d87535f04cf93f0200e5a412da085ff83f020028d1b58c757af73f020036114faad89ef63f02006b52b93bd8cbf53f020053ebdfd01d01f53f0200d8bc555d563ef43f0200bec34f163283f33f0200862af55164cff23f0200d577f767a322f23f0200bdfb6593a87cf13f0200961fb0d52fddf03f0200fcb7cadaf743f03f0200d9dfd9bc8361ef3f0200b3acb324a346ee3f0200700b580bda36ed3f0200768d321ab931ec3f020006ea4858d536eb3f02004c9c68fec745ea3f020080620c4d2e5ee93f0200945ee863a97fe83f020030460c1bdea9e73f0200d6b58bdd74dce63f02003d5b9d851917e63f02001244223a7b59e53f02002a32874d4ca3e43f0200cf63f21d42f4e33f0200f4c6b0f6144ce33f02001911d6f27faae23f02004cb303e1400fe23f0200731a4b28187ae13f0200382020aec8eae03f02005a0051bd1761e03f02008c22f3db99b9df3f0200bacbcf1c64bbde3f020034c2d11926c7dd3f0200c646e7c47bdcdc3f0200182956fc04fbdb3f0200ae4a5a636522db3f0200de6e4f3c4452da3f0200cad756444c8ad93f02000ccc69902bcad83f0200ecb5ca6b9311d83f02002e1dc7373860d73f0200ce45bd4cd1b5d63f02003cc358dc1812d63f02009bcef9d4cb74d53f020016a93bc6a9ddd43f020008c98ec6744cd43f02007701dc59f1c0d33f020020402659e63ad33f020094e620db1cbad23f0200fb26b11d603ed23f0200882d51707dc7d13f0200023c4c1f4455d13f0200b335cb5f85e7d03f02007c6fa93c147ed03f0200c6e90984c518d03f0200d3d14a6bdf6ecf3f0200935894e3d5b3ce3f02009a9a0cd22100ce3f0200302aec987953cd3f020070b65f7d96adcc3f0200e07f8e8a340ecc3f020098a5c3751275cb3f020088e3ae83f1e1ca3f0200e6ccb16e9554ca3f020098fb2e4ec4ccc93f02007417d17e464ac93f020049fdbf8be6ccc83f0200a7afba187154c83f0200b0180dcdb4e0c73f020074fe583f8271c73f020007e229e2ab06c73f020034d44bf105a0c63f02000a9bdd5f663dc63f0200e6cf16c7a4dec53f02006be7ba559a83c53f0200d65b32c0212cc53f0200ea75433117d8c43f02004672643b5887c43f0200b3ffa0cac339c43f0200664f0d173aefc33f0200102ac1979ca7c33f020074b455f6cd62c33f0200b5c3e002b220c33f0200eed468a82de1c23f02002eedcce126a4c23f02005ad61baf8469c23f0200205b560b2f31c23f0200e84f98e20efbc13f0200f360a4080ec7c13f02001ec6ce2f1795c13f0200ca2343e01565c13f0200a305a26ff636c13f0200fd83f2f8a50ac13f0200e5c6e45412e0c03f02002b3b62122ab7c03f0200896d686fdc8fc03f02008c9e2b52196ac03f0200503f7e42d145c03f020062a37a63f522c03f02002b4f6c6d7701c03f0200b6c8ec4f93c2bf3f0200c88de9c8bd84bf3f0200095a2bf15449bf3f02003ac852724010bf3f020056544cea68d9be3f02004a22bce1b7a4be3f0200dcebc9c21772be3f0200935049d07341be3f020053e83a1db812be3f0200a69da284d1e5bd3f0200bcf7afa1adbabd3f0200991d35c83a91bd3f0200447c69fd6769bd3f0200b918f5f02443bd3f020022b441f6611ebd3f020086050ffe0ffbbc3f02007c67479020d9bc3f0200f87212c685b8bc3f02008e1923443299bc3f0200f1e93e35197bbc3f0200dd40fc442e5ebc3f0200183fb59a6542bc3f0200e172add4b327bc3f0200cc3768030e0ebc3f020029e42da569f5bb3f020016eebda1bcddbb3f0200e4442c46fdc6bb3f0200202de84022b1bb3f02008bfeea9d229cbb3f0200bd330dc3f587bb3f0200b44a806c9374bb3f0200db046ca9f361bb3f020064a3add80e50bb3f0200d8cab7a5dd3ebb3f02001cc69105592ebb3f0200f5edf4337a1ebb3f0200800687b03a0fbb3f0200f06f303c9400bb3f020036138dd680f2ba3f02003dfe76bbfae4ba3f0200f0ada960fcd7ba3f02003d0e7d7380cbba3f02002442b7d681bfba3f02001e4f74a0fbb3ba3f020022d02218e9a8ba3f020035dd94b4459eba3f0200ba5c241a0d94ba3f02008ffbe9183b8aba3f0200d71006abcb80ba3f020080b9faf2ba77ba3f0200ae7e163a056fba3f02000be1eeeea666ba3f02006529eaa39c5eba3f020052e5d70de356ba3f02009f7c9702774fba3f0200f351cc775548ba3f0200cee69e817b41ba3f02002b808a51e63aba3f020058ce36359334ba3f02005f1f5d957f2eba3f02003ba8b8f4a828ba3f0200737501ef0c23ba3f02003898f137a91dba3f02004529549a7b18ba3f0200bbbe1df78113ba3f020035f68d44ba0eba3f0200deb7598d220aba3f020003dbddefb805ba3f020006d8599d7b01ba3f0200cd3632d968fdb93f02001a6c3af87ef9b93f020020db0560bcf5b93f0200adb33f861ff2b93f0200026809f0a6eeb93f020035785f3151ebb93f02007e5384ec1ce8b93f0200601271d108e5b93f0200ffce4b9d13e2b93f02003063e3193cdfb93f02002e56301d81dcb93f0200c8c5da88e1d9b93f02001e19c5495cd7b93f0200d24c9b57f0d4b93f020082aa66b49cd2b93f020039bf256c60d0b93f0200276668943aceb93f');
INSERT INTO metric_chunks VALUES(2,1,2,8,0,11,X'01008083fb9bc468000000000000f87f0200000000000000f07f0200000000000000f0ff02000000000000000080020000000000000000000c00010000000000000002ff88eb05000000000000e03f008089eb05ffffffffffffef7f');
INSERT INTO metric_chunks VALUES(3,1,3,1,0,0,X'01008083fb9bc468986e1283c0caed3f');
INSERT INTO metric_chunks VALUES(4,1,1,2,4,1000,X'0108d0d0d69ec668333333333333d33fc80f009a9999999999c93f');
INSERT INTO metric_chunks VALUES(5,1,2,1,7,7,X'010ed0d0d69ec668000000000000f87f');
INSERT INTO metric_chunks VALUES(6,1,1,1,4,4,X'0108e0d6d69ec668000000000000d03f');
INSERT INTO metric_chunks VALUES(7,1,3,1,1,1,X'0102e0d6d69ec668666666666666ee3f');
CREATE TABLE tokens (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('reader', 'writer', 'promoter', 'admin')),
  secret_sha256 TEXT NOT NULL UNIQUE,
  expires_at INTEGER,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
) STRICT;
CREATE TABLE token_revocations (
  token_id INTEGER PRIMARY KEY REFERENCES tokens(id),
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
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
CREATE TABLE run_tag_events (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  key TEXT NOT NULL,
  value TEXT,
  previous TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE TABLE experiment_tag_events (
  id INTEGER PRIMARY KEY,
  experiment_id INTEGER NOT NULL REFERENCES experiments(id),
  key TEXT NOT NULL,
  value TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE TABLE mlflow_files (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  digest TEXT NOT NULL CHECK (digest GLOB 'sha256:*'),
  size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
  artifact_id INTEGER REFERENCES artifacts(id),
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
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
CREATE TABLE run_logged_model_outputs (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  logged_model_id INTEGER NOT NULL REFERENCES logged_models(id),
  step INTEGER NOT NULL,
  PRIMARY KEY (run_id, logged_model_id)
) STRICT, WITHOUT ROWID;
CREATE TABLE run_input_tags (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  dataset_version_id INTEGER NOT NULL REFERENCES dataset_versions(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (run_id, dataset_version_id, key)
) STRICT, WITHOUT ROWID;
CREATE TABLE model_metadata_events (
  id INTEGER PRIMARY KEY,
  model_id INTEGER NOT NULL REFERENCES models(id),
  key TEXT,
  value TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE TABLE model_version_sources (
  model_version_id INTEGER PRIMARY KEY REFERENCES model_versions(id),
  source TEXT NOT NULL,
  run_link TEXT,
  logged_model_id INTEGER REFERENCES logged_models(id)
) STRICT;
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
CREATE TABLE ol_datasets (
  dataset_id INTEGER PRIMARY KEY REFERENCES datasets(id),
  namespace TEXT NOT NULL,
  name TEXT NOT NULL,
  uri TEXT NOT NULL,
  UNIQUE (namespace, name)
) STRICT;
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
CREATE INDEX edges_by_dst ON edges(dst, src);
CREATE INDEX runs_by_experiment ON runs(experiment_id, started_at);
CREATE INDEX runs_by_started_at ON runs(started_at);
CREATE INDEX run_tags_by_key ON run_tags(key, value);
CREATE INDEX params_by_key ON params(key, value);
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
CREATE INDEX metric_chunks_by_key ON metric_chunks(run_id, key_id, min_step, max_step);
CREATE TRIGGER metric_chunks_no_update BEFORE UPDATE ON metric_chunks
BEGIN SELECT RAISE(ABORT, 'metric history is append-only'); END;
CREATE TRIGGER metric_chunks_no_delete BEFORE DELETE ON metric_chunks
BEGIN SELECT RAISE(ABORT, 'metric history is append-only'); END;
CREATE UNIQUE INDEX tokens_in_force_by_name ON tokens(name) WHERE revoked = 0;
CREATE TRIGGER tokens_only_revoke BEFORE UPDATE ON tokens
WHEN NOT (OLD.revoked = 0 AND NEW.revoked = 1 AND NEW.id = OLD.id AND NEW.name = OLD.name
  AND NEW.role = OLD.role AND NEW.secret_sha256 = OLD.secret_sha256
  AND NEW.expires_at IS OLD.expires_at AND NEW.created_by = OLD.created_by
  AND NEW.created_at = OLD.created_at
  AND EXISTS (SELECT 1 FROM token_revocations r WHERE r.token_id = OLD.id))
BEGIN SELECT RAISE(ABORT, 'tokens are append-only: only a recorded revocation may mark one revoked'); END;
CREATE TRIGGER tokens_no_delete BEFORE DELETE ON tokens
BEGIN SELECT RAISE(ABORT, 'tokens are append-only'); END;
CREATE TRIGGER token_revocations_no_update BEFORE UPDATE ON token_revocations
BEGIN SELECT RAISE(ABORT, 'token_revocations is append-only'); END;
CREATE TRIGGER token_revocations_no_delete BEFORE DELETE ON token_revocations
BEGIN SELECT RAISE(ABORT, 'token_revocations is append-only'); END;
CREATE UNIQUE INDEX dataset_versions_by_digest ON dataset_versions(dataset_id, digest)
  WHERE digest IS NOT NULL;
CREATE TRIGGER dataset_versions_immutable BEFORE UPDATE ON dataset_versions
BEGIN SELECT RAISE(ABORT, 'dataset versions are immutable'); END;
CREATE TRIGGER dataset_versions_no_delete BEFORE DELETE ON dataset_versions
BEGIN SELECT RAISE(ABORT, 'dataset versions are immutable'); END;
CREATE INDEX run_tag_events_by_run ON run_tag_events(run_id, key, id);
CREATE INDEX experiment_tag_events_by_experiment ON experiment_tag_events(experiment_id, key, id);
CREATE INDEX mlflow_files_by_path ON mlflow_files(path, id);
CREATE INDEX logged_models_by_experiment ON logged_models(experiment_id, name);
CREATE INDEX logged_model_tag_events_by_model ON logged_model_tag_events(logged_model_id, key, id);
CREATE INDEX model_metadata_events_by_model ON model_metadata_events(model_id, key, id);
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
CREATE INDEX ol_events_by_run ON ol_events(run_id, event_time);
CREATE INDEX ol_events_by_time ON ol_events(event_time);
CREATE INDEX ol_datasets_by_uri ON ol_datasets(uri);
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
COMMIT;
