-- A registry written by pedigree at schema 3 (commit 2d19986: `pedigree demo`, then tags, a description,
-- a dataset with tags and its deprecation, run start/log/end, a model register with an alias and
-- a tag, a model deprecation, a policy set and unset, a JSON Lines record), dumped by `sqlite3 .dump`.
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
INSERT INTO schema_migrations VALUES(1,'initial','sha256:565616a8760da4d75f260dfc51633e5392ecfacf5759bdaba729a9287d2e32d7',1796122630808);
INSERT INTO schema_migrations VALUES(2,'retries_and_dataset_deprecation','sha256:8e816c5ac93c349a92a89af5397f83544cac5492081745831ef8762fd281e73b',1796122630808);
INSERT INTO schema_migrations VALUES(3,'version_metadata_and_policies','sha256:d74f69d7f93372dcf999bc8df4bf5a7c48e9115ffa71178c1d328c6ad6712e30',1796122630809);
CREATE TABLE nodes (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('dataset_version', 'run', 'artifact', 'model_version'))
) STRICT;
INSERT INTO nodes VALUES(1,'dataset_version');
INSERT INTO nodes VALUES(2,'dataset_version');
INSERT INTO nodes VALUES(3,'run');
INSERT INTO nodes VALUES(4,'dataset_version');
INSERT INTO nodes VALUES(5,'run');
INSERT INTO nodes VALUES(6,'artifact');
INSERT INTO nodes VALUES(7,'model_version');
INSERT INTO nodes VALUES(8,'dataset_version');
INSERT INTO nodes VALUES(9,'run');
INSERT INTO nodes VALUES(10,'dataset_version');
INSERT INTO nodes VALUES(11,'run');
INSERT INTO nodes VALUES(12,'artifact');
INSERT INTO nodes VALUES(13,'model_version');
INSERT INTO nodes VALUES(14,'run');
INSERT INTO nodes VALUES(15,'artifact');
INSERT INTO nodes VALUES(16,'model_version');
INSERT INTO nodes VALUES(17,'run');
INSERT INTO nodes VALUES(18,'artifact');
INSERT INTO nodes VALUES(19,'model_version');
INSERT INTO nodes VALUES(20,'dataset_version');
INSERT INTO nodes VALUES(21,'run');
INSERT INTO nodes VALUES(22,'run');
INSERT INTO nodes VALUES(23,'artifact');
INSERT INTO nodes VALUES(24,'model_version');
INSERT INTO nodes VALUES(25,'run');
INSERT INTO nodes VALUES(26,'artifact');
INSERT INTO nodes VALUES(27,'model_version');
INSERT INTO nodes VALUES(28,'dataset_version');
INSERT INTO nodes VALUES(29,'run');
INSERT INTO nodes VALUES(30,'artifact');
INSERT INTO nodes VALUES(31,'artifact');
INSERT INTO nodes VALUES(32,'model_version');
INSERT INTO nodes VALUES(33,'run');
CREATE TABLE edges (
  src INTEGER NOT NULL REFERENCES nodes(id),
  dst INTEGER NOT NULL REFERENCES nodes(id),
  relation TEXT NOT NULL CHECK (relation IN ('input', 'output', 'source_run', 'source_artifact')),
  PRIMARY KEY (src, dst, relation)
) STRICT, WITHOUT ROWID;
INSERT INTO edges VALUES(1,3,'input');
INSERT INTO edges VALUES(3,4,'output');
INSERT INTO edges VALUES(2,5,'input');
INSERT INTO edges VALUES(4,5,'input');
INSERT INTO edges VALUES(5,6,'output');
INSERT INTO edges VALUES(5,7,'source_run');
INSERT INTO edges VALUES(6,7,'source_artifact');
INSERT INTO edges VALUES(8,9,'input');
INSERT INTO edges VALUES(9,10,'output');
INSERT INTO edges VALUES(2,11,'input');
INSERT INTO edges VALUES(10,11,'input');
INSERT INTO edges VALUES(11,12,'output');
INSERT INTO edges VALUES(11,13,'source_run');
INSERT INTO edges VALUES(12,13,'source_artifact');
INSERT INTO edges VALUES(10,14,'input');
INSERT INTO edges VALUES(14,15,'output');
INSERT INTO edges VALUES(14,16,'source_run');
INSERT INTO edges VALUES(15,16,'source_artifact');
INSERT INTO edges VALUES(2,17,'input');
INSERT INTO edges VALUES(10,17,'input');
INSERT INTO edges VALUES(17,18,'output');
INSERT INTO edges VALUES(17,19,'source_run');
INSERT INTO edges VALUES(18,19,'source_artifact');
INSERT INTO edges VALUES(10,21,'input');
INSERT INTO edges VALUES(20,21,'input');
INSERT INTO edges VALUES(10,22,'input');
INSERT INTO edges VALUES(22,23,'output');
INSERT INTO edges VALUES(22,24,'source_run');
INSERT INTO edges VALUES(23,24,'source_artifact');
INSERT INTO edges VALUES(10,25,'input');
INSERT INTO edges VALUES(20,25,'input');
INSERT INTO edges VALUES(25,26,'output');
INSERT INTO edges VALUES(25,27,'source_run');
INSERT INTO edges VALUES(26,27,'source_artifact');
INSERT INTO edges VALUES(28,29,'input');
INSERT INTO edges VALUES(29,30,'output');
INSERT INTO edges VALUES(29,31,'output');
INSERT INTO edges VALUES(29,32,'source_run');
INSERT INTO edges VALUES(31,32,'source_artifact');
CREATE TABLE experiments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
) STRICT;
INSERT INTO experiments VALUES(1,'preprocessing',1792569600000);
INSERT INTO experiments VALUES(2,'fraud',1792659600000);
INSERT INTO experiments VALUES(3,'churn',1794387600000);
INSERT INTO experiments VALUES(4,'tamper',1796122639588);
INSERT INTO experiments VALUES(5,'bulk',1796122640647);
CREATE TABLE datasets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  last_version INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
) STRICT;
INSERT INTO datasets VALUES(1,'transactions',2,1792490400000);
INSERT INTO datasets VALUES(2,'labels',2,1792490400000);
INSERT INTO datasets VALUES(3,'transactions-clean',2,1792569600000);
INSERT INTO datasets VALUES(4,'extra',1,1796122639265);
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
INSERT INTO dataset_versions VALUES(1,1,1,'s3://risk-data/raw/transactions/2026-10.parquet','sha256:e99640bef47ba617327c719d03f61d300ce332a497c2b8844d0dca7df3d9acd5',402113024,1204332,NULL,1792490400000,'dana');
INSERT INTO dataset_versions VALUES(2,2,1,'s3://risk-data/labels/2026-10.parquet','sha256:96f07373b5c2860677223242e036961abfd7683e22d2d53f8a078874e87b3623',9634656,1204332,NULL,1792490400000,'dana');
INSERT INTO dataset_versions VALUES(4,3,1,'s3://risk-data/clean/transactions/2026-10.parquet','sha256:4687241d61c6378ffd03da16731f3d2c7a30ce3f1d2fbf7c0ee15d7f32c7cdd7',301989888,NULL,NULL,1792569600000,'dana');
INSERT INTO dataset_versions VALUES(8,1,2,'s3://risk-data/raw/transactions/2026-11.parquet','sha256:2daa6155701edb648153e5b1de229bdf0175ef53de8e577dfe9fdafaaa6a84a0',438291456,1311907,NULL,1793527200000,'dana');
INSERT INTO dataset_versions VALUES(10,3,2,'s3://risk-data/clean/transactions/2026-11.parquet','sha256:e91e39e54467aa861a9ac75f1a2dcfbf393a8c986486ddfd7fb76225942606f1',301989888,NULL,NULL,1793606400000,'dana');
INSERT INTO dataset_versions VALUES(20,2,2,'s3://risk-data/labels/2026-11-fixed.parquet','sha256:3d696f18a8eb54d7025d89c74518bae6331a3fa866d79969d57f29e4182d72b0',10495256,1311907,NULL,1795600800000,'dana');
INSERT INTO dataset_versions VALUES(28,4,1,'s3://x/extra','sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',NULL,10,NULL,1796122639265,'root');
CREATE TABLE dataset_version_tags (
  dataset_version_id INTEGER NOT NULL REFERENCES dataset_versions(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (dataset_version_id, key)
) STRICT, WITHOUT ROWID;
INSERT INTO dataset_version_tags VALUES(28,'source','vendor');
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
INSERT INTO runs VALUES(3,'0027076675193ca71d5f1f761db16d6d',1,'clean-transactions@1','finished',1792569600000,1792573200000,'4b1d9e0','git@example.com:risk/pipelines.git','clean.py','dana');
INSERT INTO runs VALUES(5,'f9470962bb2946b96cc705509a65c7a8',2,'xgb-baseline','finished',1792659600000,1792666800000,'774322a','git@example.com:risk/fraud-detector.git','train.py','ana');
INSERT INTO runs VALUES(9,'8d21fb4abd87cecef1febecf8551d4c3',1,'clean-transactions@2','finished',1793606400000,1793610000000,'4b1d9e0','git@example.com:risk/pipelines.git','clean.py','dana');
INSERT INTO runs VALUES(11,'95d8790d4549dcc8048bf7abed019e50',2,'xgb-tuned','finished',1793696400000,1793703600000,'2fc60d9','git@example.com:risk/fraud-detector.git','train.py','ana');
INSERT INTO runs VALUES(14,'1703f1f4eb684ee67cf8171bb2896099',3,'churn-logreg','finished',1794387600000,1794394800000,'6a67836','git@example.com:risk/churn-predictor.git','train.py','lee');
INSERT INTO runs VALUES(17,'20162fbc3b9e284c0337196671e81493',2,'xgb-deep','finished',1794906000000,1794913200000,'96414da','git@example.com:risk/fraud-detector.git','train.py','ana');
INSERT INTO runs VALUES(21,'cc68558dcf1368aa2bdcad743b41d38e',2,'lgbm-try','failed',1795683600000,1795690800000,'658d368','git@example.com:risk/fraud-detector.git','train.py','lee');
INSERT INTO runs VALUES(22,'93df89cfe353779d36d6221aa04527e3',3,'churn-gbm','finished',1795770000000,1795777200000,'e72a7be','git@example.com:risk/churn-predictor.git','train.py','lee');
INSERT INTO runs VALUES(25,'dbb1cc650b3f27bc20a7171b031308bb',2,'xgb-retrain','finished',1795856400000,1795863600000,'6d3e1b1','git@example.com:risk/fraud-detector.git','train.py','ana');
INSERT INTO runs VALUES(29,'789e054b55ab3c71c7baec21929ff1fe',4,'manual','failed',1796122639588,1796122639894,'abc123',NULL,NULL,'root');
INSERT INTO runs VALUES(33,'c679e45ba06d9f5fc9c3e6706af17d5b',5,'jl2','failed',1796122640647,1796122640647,NULL,NULL,NULL,'root');
CREATE TABLE run_tags (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
) STRICT, WITHOUT ROWID;
INSERT INTO run_tags VALUES(29,'team','fraud');
INSERT INTO run_tags VALUES(14,'team','growth');
INSERT INTO run_tags VALUES(22,'team','growth');
INSERT INTO run_tags VALUES(5,'team','risk');
INSERT INTO run_tags VALUES(11,'team','risk');
INSERT INTO run_tags VALUES(17,'team','risk');
INSERT INTO run_tags VALUES(21,'team','risk');
INSERT INTO run_tags VALUES(25,'team','risk');
CREATE TABLE params (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
) STRICT, WITHOUT ROWID;
INSERT INTO params VALUES(14,'C','1.0');
INSERT INTO params VALUES(33,'a','2');
INSERT INTO params VALUES(29,'depth','3');
INSERT INTO params VALUES(3,'drop_duplicates','true');
INSERT INTO params VALUES(9,'drop_duplicates','true');
INSERT INTO params VALUES(11,'lr','0.05');
INSERT INTO params VALUES(17,'lr','0.05');
INSERT INTO params VALUES(25,'lr','0.05');
INSERT INTO params VALUES(5,'lr','0.1');
INSERT INTO params VALUES(22,'lr','0.1');
INSERT INTO params VALUES(29,'lr','0.1');
INSERT INTO params VALUES(21,'lr','0.3');
INSERT INTO params VALUES(17,'max_depth','10');
INSERT INTO params VALUES(5,'max_depth','4');
INSERT INTO params VALUES(22,'max_depth','5');
INSERT INTO params VALUES(11,'max_depth','6');
INSERT INTO params VALUES(25,'max_depth','6');
INSERT INTO params VALUES(3,'min_amount','0.01');
INSERT INTO params VALUES(9,'min_amount','0.01');
INSERT INTO params VALUES(5,'n_estimators','200');
INSERT INTO params VALUES(11,'n_estimators','400');
INSERT INTO params VALUES(25,'n_estimators','400');
INSERT INTO params VALUES(17,'n_estimators','800');
INSERT INTO params VALUES(21,'num_leaves','255');
INSERT INTO params VALUES(14,'penalty','l2');
CREATE TABLE metric_keys (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE
) STRICT;
INSERT INTO metric_keys VALUES(1,'loss');
INSERT INTO metric_keys VALUES(2,'auc');
CREATE TABLE metrics (
  run_id INTEGER NOT NULL,
  key_id INTEGER NOT NULL,
  step INTEGER NOT NULL,
  timestamp INTEGER NOT NULL,
  value REAL NOT NULL,
  is_nan INTEGER NOT NULL DEFAULT 0 CHECK (is_nan IN (0, 1)),
  PRIMARY KEY (run_id, key_id, step, timestamp, value, is_nan)
) STRICT, WITHOUT ROWID;
INSERT INTO metrics VALUES(5,1,0,1792659600000,0.7366666666666665808,0);
INSERT INTO metrics VALUES(5,1,1,1792660200000,0.59666666666666656748,0);
INSERT INTO metrics VALUES(5,1,2,1792660800000,0.48466666666666674556,0);
INSERT INTO metrics VALUES(5,1,3,1792661400000,0.39506666666666673259,0);
INSERT INTO metrics VALUES(5,1,4,1792662000000,0.32338666666666671112,0);
INSERT INTO metrics VALUES(5,1,5,1792662600000,0.26604266666666670504,0);
INSERT INTO metrics VALUES(5,1,6,1792663200000,0.22016746666666670018,0);
INSERT INTO metrics VALUES(5,1,7,1792663800000,0.18346730666666669073,0);
INSERT INTO metrics VALUES(5,1,8,1792664400000,0.15410717866666670539,0);
INSERT INTO metrics VALUES(5,1,9,1792665000000,0.13061907626666668935,0);
INSERT INTO metrics VALUES(5,2,9,1792666800000,0.89000000000000001332,0);
INSERT INTO metrics VALUES(11,1,0,1793696400000,0.7263333333333332753,0);
INSERT INTO metrics VALUES(11,1,1,1793697000000,0.58633333333333326198,0);
INSERT INTO metrics VALUES(11,1,2,1793697600000,0.47433333333333338455,0);
INSERT INTO metrics VALUES(11,1,3,1793698200000,0.38473333333333337158,0);
INSERT INTO metrics VALUES(11,1,4,1793698800000,0.3130533333333333501,0);
INSERT INTO metrics VALUES(11,1,5,1793699400000,0.25570933333333334402,0);
INSERT INTO metrics VALUES(11,1,6,1793700000000,0.20983413333333336692,0);
INSERT INTO metrics VALUES(11,1,7,1793700600000,0.17313397333333335748,0);
INSERT INTO metrics VALUES(11,1,8,1793701200000,0.14377384533333337213,0);
INSERT INTO metrics VALUES(11,1,9,1793701800000,0.12028574293333335609,0);
INSERT INTO metrics VALUES(11,2,9,1793703600000,0.92100000000000004085,0);
INSERT INTO metrics VALUES(14,1,0,1794387600000,0.76333333333333330816,0);
INSERT INTO metrics VALUES(14,1,1,1794388200000,0.62333333333333329484,0);
INSERT INTO metrics VALUES(14,1,2,1794388800000,0.51133333333333341741,0);
INSERT INTO metrics VALUES(14,1,3,1794389400000,0.42173333333333334893,0);
INSERT INTO metrics VALUES(14,1,4,1794390000000,0.35005333333333332745,0);
INSERT INTO metrics VALUES(14,1,5,1794390600000,0.29270933333333337689,0);
INSERT INTO metrics VALUES(14,1,6,1794391200000,0.24683413333333337202,0);
INSERT INTO metrics VALUES(14,1,7,1794391800000,0.21013397333333333483,0);
INSERT INTO metrics VALUES(14,1,8,1794392400000,0.18077384533333334948,0);
INSERT INTO metrics VALUES(14,1,9,1794393000000,0.1572857429333333612,0);
INSERT INTO metrics VALUES(14,2,9,1794394800000,0.81000000000000005329,0);
INSERT INTO metrics VALUES(17,1,0,1794906000000,0.71766666666666667495,0);
INSERT INTO metrics VALUES(17,1,1,1794906600000,0.57766666666666666163,0);
INSERT INTO metrics VALUES(17,1,2,1794907200000,0.46566666666666672869,0);
INSERT INTO metrics VALUES(17,1,3,1794907800000,0.37606666666666671572,0);
INSERT INTO metrics VALUES(17,1,4,1794908400000,0.30438666666666669424,0);
INSERT INTO metrics VALUES(17,1,5,1794909000000,0.24704266666666674368,0);
INSERT INTO metrics VALUES(17,1,6,1794909600000,0.20116746666666673881,0);
INSERT INTO metrics VALUES(17,1,7,1794910200000,0.16446730666666672937,0);
INSERT INTO metrics VALUES(17,1,8,1794910800000,0.13510717866666674402,0);
INSERT INTO metrics VALUES(17,1,9,1794911400000,0.11161907626666671411,0);
INSERT INTO metrics VALUES(17,2,9,1794913200000,0.94699999999999995292,0);
INSERT INTO metrics VALUES(21,1,0,1795683600000,0.86666666666666658525,0);
INSERT INTO metrics VALUES(21,1,1,1795684200000,0.72666666666666657192,0);
INSERT INTO metrics VALUES(21,1,2,1795684800000,0.61466666666666669449,0);
INSERT INTO metrics VALUES(21,1,3,1795685400000,0.52506666666666668152,0);
INSERT INTO metrics VALUES(21,1,4,1795686000000,0.45338666666666671556,0);
INSERT INTO metrics VALUES(21,1,5,1795686600000,0.39604266666666670948,0);
INSERT INTO metrics VALUES(21,1,6,1795687200000,0.0,1);
INSERT INTO metrics VALUES(21,1,7,1795687800000,0.0,1);
INSERT INTO metrics VALUES(21,1,8,1795688400000,0.0,1);
INSERT INTO metrics VALUES(21,1,9,1795689000000,0.0,1);
INSERT INTO metrics VALUES(22,1,0,1795770000000,0.75333333333333329928,0);
INSERT INTO metrics VALUES(22,1,1,1795770600000,0.61333333333333328596,0);
INSERT INTO metrics VALUES(22,1,2,1795771200000,0.50133333333333340853,0);
INSERT INTO metrics VALUES(22,1,3,1795771800000,0.41173333333333339556,0);
INSERT INTO metrics VALUES(22,1,4,1795772400000,0.34005333333333337408,0);
INSERT INTO metrics VALUES(22,1,5,1795773000000,0.28270933333333336801,0);
INSERT INTO metrics VALUES(22,1,6,1795773600000,0.2368341333333333909,0);
INSERT INTO metrics VALUES(22,1,7,1795774200000,0.20013397333333338146,0);
INSERT INTO metrics VALUES(22,1,8,1795774800000,0.17077384533333339611,0);
INSERT INTO metrics VALUES(22,1,9,1795775400000,0.14728574293333338007,0);
INSERT INTO metrics VALUES(22,2,9,1795777200000,0.83999999999999996891,0);
INSERT INTO metrics VALUES(25,1,0,1795856400000,0.72533333333333327441,0);
INSERT INTO metrics VALUES(25,1,1,1795857000000,0.58533333333333326109,0);
INSERT INTO metrics VALUES(25,1,2,1795857600000,0.47333333333333338366,0);
INSERT INTO metrics VALUES(25,1,3,1795858200000,0.38373333333333337069,0);
INSERT INTO metrics VALUES(25,1,4,1795858800000,0.31205333333333334921,0);
INSERT INTO metrics VALUES(25,1,5,1795859400000,0.25470933333333334314,0);
INSERT INTO metrics VALUES(25,1,6,1795860000000,0.20883413333333336603,0);
INSERT INTO metrics VALUES(25,1,7,1795860600000,0.17213397333333335659,0);
INSERT INTO metrics VALUES(25,1,8,1795861200000,0.14277384533333337124,0);
INSERT INTO metrics VALUES(25,1,9,1795861800000,0.1192857429333333552,0);
INSERT INTO metrics VALUES(25,2,9,1795863600000,0.92400000000000004352,0);
INSERT INTO metrics VALUES(29,2,1,1796122639751,0.5,0);
CREATE TABLE latest_metrics (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  key TEXT NOT NULL,
  step INTEGER NOT NULL,
  timestamp INTEGER NOT NULL,
  value REAL,
  PRIMARY KEY (run_id, key)
) STRICT, WITHOUT ROWID;
INSERT INTO latest_metrics VALUES(5,'auc',9,1792666800000,0.89000000000000001332);
INSERT INTO latest_metrics VALUES(5,'loss',9,1792665000000,0.13061907626666668935);
INSERT INTO latest_metrics VALUES(11,'auc',9,1793703600000,0.92100000000000004085);
INSERT INTO latest_metrics VALUES(11,'loss',9,1793701800000,0.12028574293333335609);
INSERT INTO latest_metrics VALUES(14,'auc',9,1794394800000,0.81000000000000005329);
INSERT INTO latest_metrics VALUES(14,'loss',9,1794393000000,0.1572857429333333612);
INSERT INTO latest_metrics VALUES(17,'auc',9,1794913200000,0.94699999999999995292);
INSERT INTO latest_metrics VALUES(17,'loss',9,1794911400000,0.11161907626666671411);
INSERT INTO latest_metrics VALUES(21,'loss',9,1795689000000,NULL);
INSERT INTO latest_metrics VALUES(22,'auc',9,1795777200000,0.83999999999999996891);
INSERT INTO latest_metrics VALUES(22,'loss',9,1795775400000,0.14728574293333338007);
INSERT INTO latest_metrics VALUES(25,'auc',9,1795863600000,0.92400000000000004352);
INSERT INTO latest_metrics VALUES(25,'loss',9,1795861800000,0.1192857429333333552);
INSERT INTO latest_metrics VALUES(29,'auc',1,1796122639751,0.5);
CREATE TABLE artifacts (
  id INTEGER PRIMARY KEY REFERENCES nodes(id),
  name TEXT NOT NULL,
  uri TEXT NOT NULL,
  digest TEXT CHECK (digest GLOB 'sha256:*'),
  size_bytes INTEGER CHECK (size_bytes >= 0),
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
INSERT INTO artifacts VALUES(6,'model.onnx','s3://models/fraud-detector/xgb-baseline/model.onnx','sha256:774322a7c80e4b72ad182448e617e9da0b1145fd17e7e9692129aef77ad6f01d',18234112,1792659600000,'ana');
INSERT INTO artifacts VALUES(12,'model.onnx','s3://models/fraud-detector/xgb-tuned/model.onnx','sha256:2fc60d9a1c925c7b732691eb03a808a7d0d0ed2e85e0cc986e6b5552bc8cd7d8',18234112,1793696400000,'ana');
INSERT INTO artifacts VALUES(15,'model.onnx','s3://models/churn-predictor/churn-logreg/model.onnx','sha256:6a67836c537b05689a68f0beb984a6759502e182b602ba4c3298327f72459ebc',18234112,1794387600000,'lee');
INSERT INTO artifacts VALUES(18,'model.onnx','s3://models/fraud-detector/xgb-deep/model.onnx','sha256:96414dab4b5c92be6c11b1cb4a0753b09f8c35cdd196aa8f117536fa60e39b80',18234112,1794906000000,'ana');
INSERT INTO artifacts VALUES(23,'model.onnx','s3://models/churn-predictor/churn-gbm/model.onnx','sha256:e72a7bee38a99d7cedb4a375cd5dc97f917d02777da396fbe8bad58cfe800e3f',18234112,1795770000000,'lee');
INSERT INTO artifacts VALUES(26,'model.onnx','s3://models/fraud-detector/xgb-retrain/model.onnx','sha256:6d3e1b1bc7447e5c46843651cf8902959608d8701a1a455d0b4d015c674970d9',18234112,1795856400000,'ana');
INSERT INTO artifacts VALUES(30,'model.bin','s3://x/model.bin',NULL,NULL,1796122639771,'root');
INSERT INTO artifacts VALUES(31,'model2.bin','s3://x/model2.bin','sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',NULL,1796122640040,'root');
CREATE TABLE models (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  last_version INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
INSERT INTO models VALUES(1,'fraud-detector',4,1792659600000,'ana');
INSERT INTO models VALUES(2,'churn-predictor',2,1794387600000,'lee');
INSERT INTO models VALUES(3,'manual',1,1796122640039,'root');
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
INSERT INTO model_versions VALUES(7,1,1,5,6,'sha256:774322a7c80e4b72ad182448e617e9da0b1145fd17e7e9692129aef77ad6f01d','xgb-baseline',1792659600000,'ana',NULL,NULL,NULL);
INSERT INTO model_versions VALUES(13,1,2,11,12,'sha256:2fc60d9a1c925c7b732691eb03a808a7d0d0ed2e85e0cc986e6b5552bc8cd7d8','xgb-tuned',1793696400000,'ana',NULL,NULL,NULL);
INSERT INTO model_versions VALUES(16,2,1,14,15,'sha256:6a67836c537b05689a68f0beb984a6759502e182b602ba4c3298327f72459ebc','churn-logreg',1794387600000,'lee',1796122640195,'root','old');
INSERT INTO model_versions VALUES(19,1,3,17,18,'sha256:96414dab4b5c92be6c11b1cb4a0753b09f8c35cdd196aa8f117536fa60e39b80','xgb-deep',1794906000000,'ana',1795489200000,'sam','label leakage: labels@1 joined after the fraud decision');
INSERT INTO model_versions VALUES(24,2,2,22,23,'sha256:e72a7bee38a99d7cedb4a375cd5dc97f917d02777da396fbe8bad58cfe800e3f','churn-gbm',1795770000000,'lee',NULL,NULL,NULL);
INSERT INTO model_versions VALUES(27,1,4,25,26,'sha256:6d3e1b1bc7447e5c46843651cf8902959608d8701a1a455d0b4d015c674970d9','xgb-retrain',1795856400000,'ana',NULL,NULL,NULL);
INSERT INTO model_versions VALUES(32,3,1,29,31,'sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',NULL,1796122640039,'root',NULL,NULL,NULL);
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
INSERT INTO alias_events VALUES(1,1,'production','promote',NULL,7,'ana','first model',1792767600000);
INSERT INTO alias_events VALUES(2,1,'staging','promote',NULL,13,'ana','holdout AUC 0.921',1793804400000);
INSERT INTO alias_events VALUES(3,1,'production','promote',7,13,'sam','shadow traffic looked good',1793977200000);
INSERT INTO alias_events VALUES(4,2,'production','promote',NULL,16,'lee','first churn model',1794495600000);
INSERT INTO alias_events VALUES(5,1,'staging','promote',13,19,'ana','holdout AUC 0.947',1795014000000);
INSERT INTO alias_events VALUES(6,1,'production','promote',13,19,'sam','AUC +2.6pt',1795186800000);
INSERT INTO alias_events VALUES(7,1,'production','rollback',19,13,'sam','fraud-detector@3 deprecated (label leakage)',1795489200000);
INSERT INTO alias_events VALUES(8,2,'staging','promote',NULL,24,'lee','AUC +3pt',1795878000000);
INSERT INTO alias_events VALUES(9,1,'staging','promote',19,27,'ana','retrained on fixed labels',1795964400000);
INSERT INTO alias_events VALUES(10,3,'staging','promote',NULL,32,'root','set at registration',1796122640040);
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
INSERT INTO audit_log VALUES(1,1796122630809,'root','registry.create','registry','{"schema_version":3,"migration":"initial, retries_and_dataset_deprecation, version_metadata_and_policies"}','0000000000000000000000000000000000000000000000000000000000000000','c3d47b4efb20f11dc37f866fa37668354588509b947dfa169bdccb95f9665280');
INSERT INTO audit_log VALUES(2,1792490400000,'dana','policy.set','policy:*@production','{"pattern":"*","alias":"production","require":null,"require_reason":true,"require_prior_alias":null,"min_role":null}','c3d47b4efb20f11dc37f866fa37668354588509b947dfa169bdccb95f9665280','4d6b3edca12d7451d78b15899ca03de3954b878d3bfa91d32f3565fb771bbbcf');
INSERT INTO audit_log VALUES(3,1792490400000,'dana','dataset.register','dataset:transactions@1','{"uri":"s3://risk-data/raw/transactions/2026-10.parquet","digest":"sha256:e99640bef47ba617327c719d03f61d300ce332a497c2b8844d0dca7df3d9acd5","size_bytes":402113024,"row_count":1204332}','4d6b3edca12d7451d78b15899ca03de3954b878d3bfa91d32f3565fb771bbbcf','3104233cbcb3835e9468de1c63a5cecf698b271f87093e9e831290a9a8d7b0e6');
INSERT INTO audit_log VALUES(4,1792490400000,'dana','dataset.register','dataset:labels@1','{"uri":"s3://risk-data/labels/2026-10.parquet","digest":"sha256:96f07373b5c2860677223242e036961abfd7683e22d2d53f8a078874e87b3623","size_bytes":9634656,"row_count":1204332}','3104233cbcb3835e9468de1c63a5cecf698b271f87093e9e831290a9a8d7b0e6','891b6872c19a4fb9390a3dd0c3f7c77b1af56adb677050fda6be5a5c0533fe92');
INSERT INTO audit_log VALUES(5,1792569600000,'dana','run.record','run:0027076675193ca71d5f1f761db16d6d','{"experiment":"preprocessing","name":"clean-transactions@1","status":"finished","params":2,"metric_points":0,"inputs":1,"input_refs":["dataset:transactions@1"],"outputs":["dataset:transactions-clean@1"],"content_digest":"sha256:221f9d2610ee9795745d8cd2fb33393968615e442e31971ecbd3e497667080b8","record_digest":"sha256:20cf8d0a2d6825eb813f2682bde5531d08dc69f1ed0a3ffd8f6051551a44f6aa"}','891b6872c19a4fb9390a3dd0c3f7c77b1af56adb677050fda6be5a5c0533fe92','96a7aaa0ab8b3a35780865f3f2ab82ac608e56aade508b058deb9c8deffe8447');
INSERT INTO audit_log VALUES(6,1792659600000,'ana','run.record','run:f9470962bb2946b96cc705509a65c7a8','{"experiment":"fraud","name":"xgb-baseline","status":"finished","params":3,"metric_points":11,"inputs":2,"input_refs":["dataset:labels@1","dataset:transactions-clean@1"],"outputs":["artifact:6"],"content_digest":"sha256:821188a90a3998be1fc657723bfaf9814a24dcac39426320d45299963ffc8e49","record_digest":"sha256:0a782df076e5394b038a17fbd1b0bc9e6d3251e55bdc9f399a8371fd1d2fb3d3","registered":"fraud-detector@1","alias":null}','96a7aaa0ab8b3a35780865f3f2ab82ac608e56aade508b058deb9c8deffe8447','4e3dc5923b7b32f363804ff7d6f5dcfa1e6452114a336dc3f0d5657884173a3e');
INSERT INTO audit_log VALUES(7,1792767600000,'ana','model.promote','model:fraud-detector@production','{"alias":"production","from":null,"to":1,"reason":"first model"}','4e3dc5923b7b32f363804ff7d6f5dcfa1e6452114a336dc3f0d5657884173a3e','2d185b4dfd1d4edb5b8b84e9323c898e1a1c739abdcbc95491a7036c63bbf9d2');
INSERT INTO audit_log VALUES(8,1793527200000,'dana','dataset.register','dataset:transactions@2','{"uri":"s3://risk-data/raw/transactions/2026-11.parquet","digest":"sha256:2daa6155701edb648153e5b1de229bdf0175ef53de8e577dfe9fdafaaa6a84a0","size_bytes":438291456,"row_count":1311907}','2d185b4dfd1d4edb5b8b84e9323c898e1a1c739abdcbc95491a7036c63bbf9d2','3059f220bdd2a78c41950652fc846796d6e56073995aae2d0c6e6f3de77ed104');
INSERT INTO audit_log VALUES(9,1793606400000,'dana','run.record','run:8d21fb4abd87cecef1febecf8551d4c3','{"experiment":"preprocessing","name":"clean-transactions@2","status":"finished","params":2,"metric_points":0,"inputs":1,"input_refs":["dataset:transactions@2"],"outputs":["dataset:transactions-clean@2"],"content_digest":"sha256:221f9d2610ee9795745d8cd2fb33393968615e442e31971ecbd3e497667080b8","record_digest":"sha256:52cb2cc07d77c61977a21ce1848e5f5b2b7025a1d0fa25187abe06614f1f9a8d"}','3059f220bdd2a78c41950652fc846796d6e56073995aae2d0c6e6f3de77ed104','9bf9a926c0d9840adde1a0e0814c072d5d1b2dfbd14bae68bf7a005a8a9d566b');
INSERT INTO audit_log VALUES(10,1793696400000,'ana','run.record','run:95d8790d4549dcc8048bf7abed019e50','{"experiment":"fraud","name":"xgb-tuned","status":"finished","params":3,"metric_points":11,"inputs":2,"input_refs":["dataset:labels@1","dataset:transactions-clean@2"],"outputs":["artifact:12"],"content_digest":"sha256:4d25c7000026b598c40b59b163a8ebe6b857fc10b87d563a25bce522eddac028","record_digest":"sha256:c8de6867f1fa137689c876b97ac320a8dce28a44b0de0e146a767629d9085902","registered":"fraud-detector@2","alias":null}','9bf9a926c0d9840adde1a0e0814c072d5d1b2dfbd14bae68bf7a005a8a9d566b','a9b557f4a15fea773afa5ee00580c3d12d73c5ae1efb52263906d77370e42203');
INSERT INTO audit_log VALUES(11,1793804400000,'ana','model.promote','model:fraud-detector@staging','{"alias":"staging","from":null,"to":2,"reason":"holdout AUC 0.921"}','a9b557f4a15fea773afa5ee00580c3d12d73c5ae1efb52263906d77370e42203','2762ae50184f11d9747c4c83aae06270cc6a5e13edcdd6027cb1fa2ee74ba9b1');
INSERT INTO audit_log VALUES(12,1793977200000,'sam','model.promote','model:fraud-detector@production','{"alias":"production","from":1,"to":2,"reason":"shadow traffic looked good"}','2762ae50184f11d9747c4c83aae06270cc6a5e13edcdd6027cb1fa2ee74ba9b1','b0e787da74b2c3849e960d89228ba0d6924f1ecd70873d95d2afb8d023f62b6b');
INSERT INTO audit_log VALUES(13,1794387600000,'lee','run.record','run:1703f1f4eb684ee67cf8171bb2896099','{"experiment":"churn","name":"churn-logreg","status":"finished","params":2,"metric_points":11,"inputs":1,"input_refs":["dataset:transactions-clean@2"],"outputs":["artifact:15"],"content_digest":"sha256:c666cd7bcb2c0c4478584731b5b4125e89db7723d23576efac824cbcfac5eede","record_digest":"sha256:08cc5ae613597fd7afa4bee62826f868bc590f2748c0220c9a69ef6b1a8ec834","registered":"churn-predictor@1","alias":null}','b0e787da74b2c3849e960d89228ba0d6924f1ecd70873d95d2afb8d023f62b6b','6539f7e4331f6ef78efe8814c299a81f4d6cd5534c40da3dba97503891fc311e');
INSERT INTO audit_log VALUES(14,1794495600000,'lee','model.promote','model:churn-predictor@production','{"alias":"production","from":null,"to":1,"reason":"first churn model"}','6539f7e4331f6ef78efe8814c299a81f4d6cd5534c40da3dba97503891fc311e','201c674be9b075284a9369bbc0c01f650826ca5a6cc2fc56a72b73d142adba4e');
INSERT INTO audit_log VALUES(15,1794906000000,'ana','run.record','run:20162fbc3b9e284c0337196671e81493','{"experiment":"fraud","name":"xgb-deep","status":"finished","params":3,"metric_points":11,"inputs":2,"input_refs":["dataset:labels@1","dataset:transactions-clean@2"],"outputs":["artifact:18"],"content_digest":"sha256:e70acf1406ea3aa46181e20e752975f885520138ff570b7d0be5048d03e696ed","record_digest":"sha256:9d1add51bd234f4d3fa753ad301dc0a1c86cc55664e218b6a5a131e09991e53e","registered":"fraud-detector@3","alias":null}','201c674be9b075284a9369bbc0c01f650826ca5a6cc2fc56a72b73d142adba4e','109ab8389d25b8f78d294c88f4119f75d6fdc58f563b67e66c4f70dc185274f5');
INSERT INTO audit_log VALUES(16,1795014000000,'ana','model.promote','model:fraud-detector@staging','{"alias":"staging","from":2,"to":3,"reason":"holdout AUC 0.947"}','109ab8389d25b8f78d294c88f4119f75d6fdc58f563b67e66c4f70dc185274f5','4b8e417a807bdd5962ab117de9545909a8a4698772565e32bab3215967ccb9f5');
INSERT INTO audit_log VALUES(17,1795186800000,'sam','model.promote','model:fraud-detector@production','{"alias":"production","from":2,"to":3,"reason":"AUC +2.6pt"}','4b8e417a807bdd5962ab117de9545909a8a4698772565e32bab3215967ccb9f5','448863abb737bf02662bce67799677d744fa1aafdc01ab013dd68ef0ad7251a2');
INSERT INTO audit_log VALUES(18,1795489200000,'sam','model.deprecate','model:fraud-detector@3','{"reason":"label leakage: labels@1 joined after the fraud decision"}','448863abb737bf02662bce67799677d744fa1aafdc01ab013dd68ef0ad7251a2','523946fdb8efc9d0190229618a8d0c17056f16f6ed2a182c444e739568ab460a');
INSERT INTO audit_log VALUES(19,1795489200000,'sam','model.rollback','model:fraud-detector@production','{"alias":"production","from":3,"to":2,"reason":"fraud-detector@3 deprecated (label leakage)"}','523946fdb8efc9d0190229618a8d0c17056f16f6ed2a182c444e739568ab460a','6346220fea74bd9aad3971e68a1d25240fc4c23375a78f58e85420d1ec0ec8cc');
INSERT INTO audit_log VALUES(20,1795600800000,'dana','dataset.register','dataset:labels@2','{"uri":"s3://risk-data/labels/2026-11-fixed.parquet","digest":"sha256:3d696f18a8eb54d7025d89c74518bae6331a3fa866d79969d57f29e4182d72b0","size_bytes":10495256,"row_count":1311907}','6346220fea74bd9aad3971e68a1d25240fc4c23375a78f58e85420d1ec0ec8cc','6cd4674e531fd314a1e7771eba834834e746fa30e3baab17585f5f232e56fcb4');
INSERT INTO audit_log VALUES(21,1795683600000,'lee','run.record','run:cc68558dcf1368aa2bdcad743b41d38e','{"experiment":"fraud","name":"lgbm-try","status":"failed","params":2,"metric_points":10,"inputs":2,"input_refs":["dataset:transactions-clean@2","dataset:labels@2"],"outputs":[],"content_digest":"sha256:91caed16efef52a7103c68aaf3477003366d2ea814daf86b4f37bf766f815fe1","record_digest":"sha256:35f4de4840442b8972dea0b074f3c54c63ad305be6a9b476d4a59ec3d40dd964"}','6cd4674e531fd314a1e7771eba834834e746fa30e3baab17585f5f232e56fcb4','2fe1b221abae0f274656ccd7d4f0d91461eab72bb3e33f1e850e249038d9a398');
INSERT INTO audit_log VALUES(22,1795770000000,'lee','run.record','run:93df89cfe353779d36d6221aa04527e3','{"experiment":"churn","name":"churn-gbm","status":"finished","params":2,"metric_points":11,"inputs":1,"input_refs":["dataset:transactions-clean@2"],"outputs":["artifact:23"],"content_digest":"sha256:80785850a483b7badacd1cf4164c73221af22687e7c441ae7e47816815469752","record_digest":"sha256:ccf869a46698851ba8b213843831a7db655a6ee35c29484f77c19064faa7d594","registered":"churn-predictor@2","alias":null}','2fe1b221abae0f274656ccd7d4f0d91461eab72bb3e33f1e850e249038d9a398','dc35123039430efe3dc87a59529175270722a6609b2edd749cc6ef9683724024');
INSERT INTO audit_log VALUES(23,1795856400000,'ana','run.record','run:dbb1cc650b3f27bc20a7171b031308bb','{"experiment":"fraud","name":"xgb-retrain","status":"finished","params":3,"metric_points":11,"inputs":2,"input_refs":["dataset:transactions-clean@2","dataset:labels@2"],"outputs":["artifact:26"],"content_digest":"sha256:75c3f90361ae3656cca8b44d4532ae1c9fce4fb35b2508db1a4993f393e33034","record_digest":"sha256:c37de0e064c8b4316ac4bb8a029476e138ea7bfe1fb12c426b513f2eb827a053","registered":"fraud-detector@4","alias":null}','dc35123039430efe3dc87a59529175270722a6609b2edd749cc6ef9683724024','53754dd559eafba8a09c975992d9f287fd9239027833144648f9100acbf90763');
INSERT INTO audit_log VALUES(24,1795878000000,'lee','model.promote','model:churn-predictor@staging','{"alias":"staging","from":null,"to":2,"reason":"AUC +3pt"}','53754dd559eafba8a09c975992d9f287fd9239027833144648f9100acbf90763','431c38862a14c82c2817c1496205837ae7163652e9bef43addb194c8ce6b806b');
INSERT INTO audit_log VALUES(25,1795964400000,'ana','model.promote','model:fraud-detector@staging','{"alias":"staging","from":3,"to":4,"reason":"retrained on fixed labels"}','431c38862a14c82c2817c1496205837ae7163652e9bef43addb194c8ce6b806b','187e270a5dc4d68a2669837e2a5050338c06e654d1b2328088d620f76e9150c1');
INSERT INTO audit_log VALUES(26,1796122638682,'root','model.tag','model:fraud-detector@2','{"set":{"owner":"risk","tier":"1"},"unset":[]}','187e270a5dc4d68a2669837e2a5050338c06e654d1b2328088d620f76e9150c1','1b7be7cababbad38aa7ffc34a2241884c773087ba872888118f91802248ccf5a');
INSERT INTO audit_log VALUES(27,1796122638857,'root','model.tag','model:fraud-detector@2','{"set":{},"unset":["tier"]}','1b7be7cababbad38aa7ffc34a2241884c773087ba872888118f91802248ccf5a','4bc4ede3ce5d13b210f1baff7e3e8b4bc5f60285f22cd598b92d7d27f51e69a5');
INSERT INTO audit_log VALUES(28,1796122639072,'root','model.describe','model:fraud-detector@3','{"description":"gbm, retrained","previous":"xgb-deep"}','4bc4ede3ce5d13b210f1baff7e3e8b4bc5f60285f22cd598b92d7d27f51e69a5','782bdc94944f04173134182a70b4a1401a311ee33d6a02f6330473684e719830');
INSERT INTO audit_log VALUES(29,1796122639265,'root','dataset.register','dataset:extra@1','{"uri":"s3://x/extra","digest":"sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","size_bytes":null,"row_count":10}','782bdc94944f04173134182a70b4a1401a311ee33d6a02f6330473684e719830','ec402b58282731f24cca8d1ceb96b829971c9249817222e4a04ec8c81f599fdb');
INSERT INTO audit_log VALUES(30,1796122639410,'root','dataset.deprecate','dataset:labels@1','{"reason":"mislabelled rows"}','ec402b58282731f24cca8d1ceb96b829971c9249817222e4a04ec8c81f599fdb','042f080315b1869802506a2a92818cc4ff8e050ae9e5fbe5de45ba2b4b243a62');
INSERT INTO audit_log VALUES(31,1796122639589,'root','run.start','run:789e054b55ab3c71c7baec21929ff1fe','{"experiment":"tamper","name":"manual","params":1,"inputs":1,"input_refs":["dataset:extra@1"],"content_digest":"sha256:b43b75aee5fa13dda1056f3d91294ec9a413b427f054a31da8ef9ae592585dae"}','042f080315b1869802506a2a92818cc4ff8e050ae9e5fbe5de45ba2b4b243a62','ea9b0c8bc7b30688f4647ae8f64144e9d6bb022cb063300628c0da830eaa7273');
INSERT INTO audit_log VALUES(32,1796122639772,'root','run.log','run:789e054b55ab3c71c7baec21929ff1fe','{"params":1,"metric_points":1,"inputs":0,"outputs":["artifact:30"],"content_digest":"sha256:7ea39a6458533d4bc9228d419cfec01389aafe5d4846f514a927e41831479675"}','ea9b0c8bc7b30688f4647ae8f64144e9d6bb022cb063300628c0da830eaa7273','db82a3e5921a533090db1ba3d96027a0428628adfe76647c79b1cc14589292c5');
INSERT INTO audit_log VALUES(33,1796122639894,'root','run.end','run:789e054b55ab3c71c7baec21929ff1fe','{"status":"failed"}','db82a3e5921a533090db1ba3d96027a0428628adfe76647c79b1cc14589292c5','ff9716e9a3019d714cc01485c2408755026146a6521acfcb7871d9799b283a08');
INSERT INTO audit_log VALUES(34,1796122640040,'root','model.register','model:manual@1','{"run":"789e054b55ab3c71c7baec21929ff1fe","artifact":"artifact:31","digest":"sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","size_bytes":null,"tags":{"k":"v"},"alias":"staging","alias_from":null}','ff9716e9a3019d714cc01485c2408755026146a6521acfcb7871d9799b283a08','af5de7123b1cdabf357671b6e4d1940d88977c47c3a3d498e74ecc62b627114f');
INSERT INTO audit_log VALUES(35,1796122640195,'root','model.deprecate','model:churn-predictor@1','{"reason":"old"}','af5de7123b1cdabf357671b6e4d1940d88977c47c3a3d498e74ecc62b627114f','e418c51c952de6f20191b4b197354b0c9b12f974c283bb4b632992c591a8ce29');
INSERT INTO audit_log VALUES(36,1796122640329,'root','policy.set','policy:manual@production','{"pattern":"manual","alias":"production","require":"run.params.lr = ''0.1''","require_reason":false,"require_prior_alias":"staging","min_role":null}','e418c51c952de6f20191b4b197354b0c9b12f974c283bb4b632992c591a8ce29','9c30d97bc23c29bcac000eb9107d6724840e43213649a872c5201928b4d59fe6');
INSERT INTO audit_log VALUES(37,1796122640493,'root','policy.unset','policy:manual@production','{"pattern":"manual","alias":"production","require":"run.params.lr = ''0.1''","require_reason":false,"require_prior_alias":"staging","min_role":null}','9c30d97bc23c29bcac000eb9107d6724840e43213649a872c5201928b4d59fe6','3a1fd46765ccb5f76b97bcc47129032ec4cd5c26430efa33235ef96e45f60767');
INSERT INTO audit_log VALUES(38,1796122640651,'root','run.record','run:c679e45ba06d9f5fc9c3e6706af17d5b','{"experiment":"bulk","name":"jl2","status":"failed","params":1,"metric_points":0,"inputs":0,"input_refs":[],"outputs":[],"content_digest":"sha256:8ae3363e529b440d7c4c6b92b92e2568826fcad6605c28a895cfd52bcb398953","record_digest":"sha256:61bfb4b5bac2b0ba98dc08f2647985924fe74465fd7ad45f527051bc4f1177eb"}','3a1fd46765ccb5f76b97bcc47129032ec4cd5c26430efa33235ef96e45f60767','c8b633cbf1a2a60e113dd5d0cdf765ac99747ab295df3a83c76174f79be61605');
CREATE TABLE run_records (
  run_id INTEGER PRIMARY KEY REFERENCES runs(id),
  digest TEXT NOT NULL CHECK (digest GLOB 'sha256:*')
) STRICT;
INSERT INTO run_records VALUES(3,'sha256:20cf8d0a2d6825eb813f2682bde5531d08dc69f1ed0a3ffd8f6051551a44f6aa');
INSERT INTO run_records VALUES(5,'sha256:0a782df076e5394b038a17fbd1b0bc9e6d3251e55bdc9f399a8371fd1d2fb3d3');
INSERT INTO run_records VALUES(9,'sha256:52cb2cc07d77c61977a21ce1848e5f5b2b7025a1d0fa25187abe06614f1f9a8d');
INSERT INTO run_records VALUES(11,'sha256:c8de6867f1fa137689c876b97ac320a8dce28a44b0de0e146a767629d9085902');
INSERT INTO run_records VALUES(14,'sha256:08cc5ae613597fd7afa4bee62826f868bc590f2748c0220c9a69ef6b1a8ec834');
INSERT INTO run_records VALUES(17,'sha256:9d1add51bd234f4d3fa753ad301dc0a1c86cc55664e218b6a5a131e09991e53e');
INSERT INTO run_records VALUES(21,'sha256:35f4de4840442b8972dea0b074f3c54c63ad305be6a9b476d4a59ec3d40dd964');
INSERT INTO run_records VALUES(22,'sha256:ccf869a46698851ba8b213843831a7db655a6ee35c29484f77c19064faa7d594');
INSERT INTO run_records VALUES(25,'sha256:c37de0e064c8b4316ac4bb8a029476e138ea7bfe1fb12c426b513f2eb827a053');
INSERT INTO run_records VALUES(33,'sha256:61bfb4b5bac2b0ba98dc08f2647985924fe74465fd7ad45f527051bc4f1177eb');
CREATE TABLE dataset_deprecations (
  dataset_version_id INTEGER PRIMARY KEY REFERENCES dataset_versions(id),
  deprecated_at INTEGER NOT NULL,
  deprecated_by TEXT NOT NULL,
  reason TEXT NOT NULL
) STRICT;
INSERT INTO dataset_deprecations VALUES(2,1796122639409,'root','mislabelled rows');
CREATE TABLE model_version_tag_events (
  id INTEGER PRIMARY KEY,
  model_version_id INTEGER NOT NULL REFERENCES model_versions(id),
  key TEXT NOT NULL,
  value TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
INSERT INTO model_version_tag_events VALUES(1,13,'owner','risk','root',1796122638682);
INSERT INTO model_version_tag_events VALUES(2,13,'tier','1','root',1796122638682);
INSERT INTO model_version_tag_events VALUES(3,13,'tier',NULL,'root',1796122638857);
INSERT INTO model_version_tag_events VALUES(4,32,'k','v','root',1796122640040);
CREATE TABLE model_version_description_events (
  id INTEGER PRIMARY KEY,
  model_version_id INTEGER NOT NULL REFERENCES model_versions(id),
  description TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
INSERT INTO model_version_description_events VALUES(1,19,'gbm, retrained','root',1796122639071);
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
INSERT INTO promotion_policies VALUES(1,'*','production','set',NULL,NULL,1,NULL,NULL,'dana',1792490400000);
INSERT INTO promotion_policies VALUES(2,'manual','production','set','run.params.lr = ''0.1''','{"field":{"run":{"param":"lr"}},"op":"=","values":[{"text":"0.1"}]}',0,'staging',NULL,'root',1796122640329);
INSERT INTO promotion_policies VALUES(3,'manual','production','unset',NULL,NULL,0,NULL,NULL,'root',1796122640493);
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
