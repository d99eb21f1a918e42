-- A registry written by pedigree at schema 9 (main 1d26d55's debug build): MLflow's own client
-- (Tests/PedigreeServerTests/MLflow/Scripts/training.py, then make-registry-v9.py) through
-- pedigree serve, and one OpenLineage event; made by make-registry-v9.sh, dumped by sqlite3 .dump.
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
INSERT INTO schema_migrations VALUES(1,'initial','sha256:565616a8760da4d75f260dfc51633e5392ecfacf5759bdaba729a9287d2e32d7',1796133255345);
INSERT INTO schema_migrations VALUES(2,'retries_and_dataset_deprecation','sha256:8e816c5ac93c349a92a89af5397f83544cac5492081745831ef8762fd281e73b',1796133255346);
INSERT INTO schema_migrations VALUES(3,'version_metadata_and_policies','sha256:d74f69d7f93372dcf999bc8df4bf5a7c48e9115ffa71178c1d328c6ad6712e30',1796133255387);
INSERT INTO schema_migrations VALUES(4,'tamper_evidence','sha256:203945591eecdfb646355cf73265d82537dcb63ce896decbaf89569343be52d8',1796133255388);
INSERT INTO schema_migrations VALUES(5,'metric_chunks','sha256:f458d12af2bdb3bad0dd79b667ea2abfd7f043f634f50c99cc6ab5164bcc7e6a',1796133255389);
INSERT INTO schema_migrations VALUES(6,'tokens','sha256:8a4145ae3b292d28f40bcc5e066a87db001327abae83242aadbf4697d2b57621',1796133255389);
INSERT INTO schema_migrations VALUES(7,'foreign_dataset_digests','sha256:6d41616a179fac2ee344a28924123c0781e8a377a6a68cf5741e181596c8a942',1796133255390);
INSERT INTO schema_migrations VALUES(8,'mlflow_compatibility','sha256:c81ed22cfffe24c7f3601bb8107437e073e10d7eecc61056710c05e16287dc4c',1796133255435);
INSERT INTO schema_migrations VALUES(9,'openlineage','sha256:e70bba736d21239c07e9acb8588ebdb01250a9100b88fe2575de57d76ed96910',1796133255469);
CREATE TABLE nodes (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('dataset_version', 'run', 'artifact', 'model_version'))
) STRICT;
INSERT INTO nodes VALUES(1,'run');
INSERT INTO nodes VALUES(2,'run');
INSERT INTO nodes VALUES(3,'artifact');
INSERT INTO nodes VALUES(4,'artifact');
INSERT INTO nodes VALUES(5,'artifact');
INSERT INTO nodes VALUES(6,'artifact');
INSERT INTO nodes VALUES(7,'artifact');
INSERT INTO nodes VALUES(8,'dataset_version');
INSERT INTO nodes VALUES(9,'run');
INSERT INTO nodes VALUES(10,'artifact');
INSERT INTO nodes VALUES(11,'model_version');
INSERT INTO nodes VALUES(12,'run');
INSERT INTO nodes VALUES(13,'artifact');
INSERT INTO nodes VALUES(14,'model_version');
INSERT INTO nodes VALUES(15,'run');
INSERT INTO nodes VALUES(16,'dataset_version');
INSERT INTO nodes VALUES(17,'dataset_version');
CREATE TABLE edges (
  src INTEGER NOT NULL REFERENCES nodes(id),
  dst INTEGER NOT NULL REFERENCES nodes(id),
  relation TEXT NOT NULL CHECK (relation IN ('input', 'output', 'source_run', 'source_artifact')),
  PRIMARY KEY (src, dst, relation)
) STRICT, WITHOUT ROWID;
INSERT INTO edges VALUES(8,2,'input');
INSERT INTO edges VALUES(2,3,'output');
INSERT INTO edges VALUES(2,4,'output');
INSERT INTO edges VALUES(2,5,'output');
INSERT INTO edges VALUES(2,6,'output');
INSERT INTO edges VALUES(2,7,'output');
INSERT INTO edges VALUES(2,10,'output');
INSERT INTO edges VALUES(2,11,'source_run');
INSERT INTO edges VALUES(10,11,'source_artifact');
INSERT INTO edges VALUES(2,13,'output');
INSERT INTO edges VALUES(2,14,'source_run');
INSERT INTO edges VALUES(13,14,'source_artifact');
INSERT INTO edges VALUES(16,15,'input');
INSERT INTO edges VALUES(15,17,'output');
CREATE TABLE experiments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
) STRICT;
INSERT INTO experiments VALUES(1,'Default',1796133277578);
INSERT INTO experiments VALUES(2,'fraud',1796133277919);
INSERT INTO experiments VALUES(3,'tagged',1796133334539);
INSERT INTO experiments VALUES(4,'airflow',1796133343822);
CREATE TABLE datasets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  last_version INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
) STRICT;
INSERT INTO datasets VALUES(1,'iris',1,1796133280869);
INSERT INTO datasets VALUES(2,'lake.raw.tx.csv',1,1795860000000);
INSERT INTO datasets VALUES(3,'lake.clean.tx.parquet',1,1795860000000);
CREATE TABLE dataset_version_tags (
  dataset_version_id INTEGER NOT NULL REFERENCES dataset_versions(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (dataset_version_id, key)
) STRICT, WITHOUT ROWID;
INSERT INTO dataset_version_tags VALUES(8,'mlflow.profile','{"num_rows": 150}');
INSERT INTO dataset_version_tags VALUES(8,'mlflow.source','{"url": "https://example.com/iris.csv"}');
INSERT INTO dataset_version_tags VALUES(8,'mlflow.source_type','http');
INSERT INTO dataset_version_tags VALUES(16,'openlineage.observed','true');
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
INSERT INTO runs VALUES(1,'77796616cc05c831b5fd6f12ad51cec4',1,'default-run','finished',1796133277396,1796133277709,'1d26d557d7c75324e6a21aed6a109131acf69c2e',NULL,'/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py','fixture');
INSERT INTO runs VALUES(2,'6bbfd14bb028d285483812999801ffe8',2,'xgb','finished',1796133278006,1796133279924,'1d26d557d7c75324e6a21aed6a109131acf69c2e',NULL,'/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py','fixture');
INSERT INTO runs VALUES(9,'896cd7c87e20fab24092534f5b48ff1c',2,'broken','failed',1796133280885,1796133280893,'1d26d557d7c75324e6a21aed6a109131acf69c2e',NULL,'/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py','fixture');
INSERT INTO runs VALUES(12,'1d4d3082017a422ddf855e9c1c5bad13',2,'run-af0719a5','finished',1796133282400,1796133282551,'1d26d557d7c75324e6a21aed6a109131acf69c2e',NULL,'/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py','fixture');
INSERT INTO runs VALUES(15,'0190e5d67c1a7e3b9f000123456789ab',4,'clean_tx','finished',1795860000000,1795860000000,NULL,NULL,NULL,'fixture');
CREATE TABLE run_tags (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
) STRICT, WITHOUT ROWID;
INSERT INTO run_tags VALUES(9,'mlflow.runName','broken');
INSERT INTO run_tags VALUES(1,'mlflow.runName','default-run');
INSERT INTO run_tags VALUES(12,'mlflow.runName','run-af0719a5');
INSERT INTO run_tags VALUES(2,'mlflow.runName','xgb');
INSERT INTO run_tags VALUES(1,'mlflow.source.git.branch','i-check');
INSERT INTO run_tags VALUES(2,'mlflow.source.git.branch','i-check');
INSERT INTO run_tags VALUES(9,'mlflow.source.git.branch','i-check');
INSERT INTO run_tags VALUES(12,'mlflow.source.git.branch','i-check');
INSERT INTO run_tags VALUES(1,'mlflow.source.git.commit','1d26d557d7c75324e6a21aed6a109131acf69c2e');
INSERT INTO run_tags VALUES(2,'mlflow.source.git.commit','1d26d557d7c75324e6a21aed6a109131acf69c2e');
INSERT INTO run_tags VALUES(9,'mlflow.source.git.commit','1d26d557d7c75324e6a21aed6a109131acf69c2e');
INSERT INTO run_tags VALUES(12,'mlflow.source.git.commit','1d26d557d7c75324e6a21aed6a109131acf69c2e');
INSERT INTO run_tags VALUES(1,'mlflow.source.name','/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py');
INSERT INTO run_tags VALUES(2,'mlflow.source.name','/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py');
INSERT INTO run_tags VALUES(9,'mlflow.source.name','/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py');
INSERT INTO run_tags VALUES(12,'mlflow.source.name','/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py');
INSERT INTO run_tags VALUES(1,'mlflow.source.type','LOCAL');
INSERT INTO run_tags VALUES(2,'mlflow.source.type','LOCAL');
INSERT INTO run_tags VALUES(9,'mlflow.source.type','LOCAL');
INSERT INTO run_tags VALUES(12,'mlflow.source.type','LOCAL');
INSERT INTO run_tags VALUES(1,'mlflow.user','root');
INSERT INTO run_tags VALUES(2,'mlflow.user','root');
INSERT INTO run_tags VALUES(9,'mlflow.user','root');
INSERT INTO run_tags VALUES(12,'mlflow.user','root');
INSERT INTO run_tags VALUES(15,'openlineage.job.namespace','airflow');
INSERT INTO run_tags VALUES(15,'openlineage.producer','https://example.com/producer');
INSERT INTO run_tags VALUES(2,'owner','ana');
INSERT INTO run_tags VALUES(2,'priority','high');
INSERT INTO run_tags VALUES(2,'stage','b');
INSERT INTO run_tags VALUES(2,'team','risk');
CREATE TABLE params (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
) STRICT, WITHOUT ROWID;
INSERT INTO params VALUES(2,'lr','0.01');
INSERT INTO params VALUES(2,'max_depth','6');
INSERT INTO params VALUES(2,'seed','7');
INSERT INTO params VALUES(1,'where','default');
INSERT INTO params VALUES(12,'x','1');
CREATE TABLE metric_keys (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE
) STRICT;
INSERT INTO metric_keys VALUES(1,'loss');
INSERT INTO metric_keys VALUES(2,'odd');
INSERT INTO metric_keys VALUES(3,'big');
INSERT INTO metric_keys VALUES(4,'auc');
INSERT INTO metric_keys VALUES(5,'f1');
CREATE TABLE latest_metrics (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  key TEXT NOT NULL,
  step INTEGER NOT NULL,
  timestamp INTEGER NOT NULL,
  value REAL,
  PRIMARY KEY (run_id, key)
) STRICT, WITHOUT ROWID;
INSERT INTO latest_metrics VALUES(2,'auc',3,1796133278712,0.93000000000000004884);
INSERT INTO latest_metrics VALUES(2,'big',9007199254740993,1796133278677,1.5);
INSERT INTO latest_metrics VALUES(2,'f1',3,1796133278712,0.8000000000000000444);
INSERT INTO latest_metrics VALUES(2,'loss',2,1796133278516,0.4000000000000000222);
INSERT INTO latest_metrics VALUES(2,'odd',2,1796133278644,-1e999);
CREATE TABLE artifacts (
  id INTEGER PRIMARY KEY REFERENCES nodes(id),
  name TEXT NOT NULL,
  uri TEXT NOT NULL,
  digest TEXT CHECK (digest GLOB 'sha256:*'),
  size_bytes INTEGER CHECK (size_bytes >= 0),
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
INSERT INTO artifacts VALUES(3,'notes.txt','mlflow-artifacts:/2/6bbfd14bb028d285483812999801ffe8/artifacts/notes.txt','sha256:e9942e38476dcaa925d1fb300616e3e9d21017a70d0d0973aa0a1e56b8f9b6a4',15,1796133279287,'fixture');
INSERT INTO artifacts VALUES(4,'model/MLmodel','mlflow-artifacts:/2/6bbfd14bb028d285483812999801ffe8/artifacts/model/MLmodel','sha256:14f9efd2a3039f6fd2a95f6c497ca84aacf5d0528b760e2656f6a66dc4eda727',33,1796133279388,'fixture');
INSERT INTO artifacts VALUES(5,'model/weights.bin','mlflow-artifacts:/2/6bbfd14bb028d285483812999801ffe8/artifacts/model/weights.bin','sha256:785b0751fc2c53dc14a4ce3d800e69ef9ce1009eb327ccf458afe09c242c26c9',1024,1796133279631,'fixture');
INSERT INTO artifacts VALUES(6,'texts/a.txt','mlflow-artifacts:/2/6bbfd14bb028d285483812999801ffe8/artifacts/texts/a.txt','sha256:b94f6f125c79e3a5ffaa826f584c10d52ada669e6762051b826b55776d05aed2',9,1796133279747,'fixture');
INSERT INTO artifacts VALUES(7,'config.json','mlflow-artifacts:/2/6bbfd14bb028d285483812999801ffe8/artifacts/config.json','sha256:2c2ee484b6273f2843ec465f323586b732b13f0db152621258a1e52f3fac3917',29,1796133279879,'fixture');
INSERT INTO artifacts VALUES(10,'model','mlflow-artifacts:/2/6bbfd14bb028d285483812999801ffe8/artifacts/model','sha256:58813a9d85df3d1f7b9cb6ed44bbf343eb022989c9ec70214ca73d8c1a3e1d93',1057,1796133281092,'fixture');
INSERT INTO artifacts VALUES(13,'model','mlflow-artifacts:/2/models/m-4d3b80257600e82436320782647ba5a8/artifacts','sha256:42f66db51591436af2f1f888c870c6109dc1d41925339c462aefc9d1fb039f66',40,1796133283495,'fixture');
CREATE TABLE models (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  last_version INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
INSERT INTO models VALUES(1,'fraud-model',2,1796133280952,'fixture');
INSERT INTO models VALUES(2,'meta-model',0,1796133334701,'fixture');
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
INSERT INTO model_versions VALUES(11,1,1,2,10,'sha256:58813a9d85df3d1f7b9cb6ed44bbf343eb022989c9ec70214ca73d8c1a3e1d93',NULL,1796133281091,'fixture',NULL,NULL,NULL);
INSERT INTO model_versions VALUES(14,1,2,2,13,'sha256:42f66db51591436af2f1f888c870c6109dc1d41925339c462aefc9d1fb039f66',NULL,1796133283848,'fixture',NULL,NULL,NULL);
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
INSERT INTO alias_events VALUES(1,1,'staging','promote',NULL,11,'fixture',NULL,1796133281437);
INSERT INTO alias_events VALUES(2,1,'production','promote',NULL,14,'fixture',NULL,1796133284318);
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
INSERT INTO audit_log VALUES(1,1796133255469,'root','registry.create','registry','{"schema_version":9,"migration":"initial, retries_and_dataset_deprecation, version_metadata_and_policies, tamper_evidence, metric_chunks, tokens, foreign_dataset_digests, mlflow_compatibility, openlineage"}','0000000000000000000000000000000000000000000000000000000000000000','228897624fb00410c469cae9521f782d11831eda3f4144ed17da3404c3da5b25');
INSERT INTO audit_log VALUES(2,1796133277606,'fixture','run.start','run:77796616cc05c831b5fd6f12ad51cec4','{"experiment":"Default","name":"default-run","params":0,"inputs":0,"input_refs":[],"content_digest":"sha256:aed444d388caa8275b48b705b8d4ea2157c84bb8e55d8f7b22e04d3016555e25","tags":{"mlflow.user":"root","mlflow.source.name":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","mlflow.source.type":"LOCAL","mlflow.source.git.commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","mlflow.source.git.branch":"i-check","mlflow.runName":"default-run"},"facts":{"experiment:Default":{"created_at":1796133277578},"run:77796616cc05c831b5fd6f12ad51cec4":{"experiment":"Default","name":"default-run","status":"running","started_at":1796133277396,"ended_at":null,"git_commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","git_repo":null,"entry_point":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","actor":"fixture","params":{},"tags":{"mlflow.runName":"default-run","mlflow.source.git.branch":"i-check","mlflow.source.git.commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","mlflow.source.name":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","mlflow.source.type":"LOCAL","mlflow.user":"root"},"record_digest":null}},"claimed_actor":"root"}','228897624fb00410c469cae9521f782d11831eda3f4144ed17da3404c3da5b25','76b2d09e62acfbee1c1ecbdc1299132bede3e06da9ebfc7212304d2b798fee8d');
INSERT INTO audit_log VALUES(3,1796133277700,'fixture','run.log','run:77796616cc05c831b5fd6f12ad51cec4','{"params":1,"metric_points":0,"inputs":0,"outputs":[],"content_digest":"sha256:274cefb1c566a8c8297fc969bf4e1028abd655da96fdfed2c77bdf458121ee5b","facts":{"run:77796616cc05c831b5fd6f12ad51cec4":{"experiment":"Default","name":"default-run","status":"running","started_at":1796133277396,"ended_at":null,"git_commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","git_repo":null,"entry_point":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","actor":"fixture","params":{"where":"default"},"tags":{"mlflow.runName":"default-run","mlflow.source.git.branch":"i-check","mlflow.source.git.commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","mlflow.source.name":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","mlflow.source.type":"LOCAL","mlflow.user":"root"},"record_digest":null}}}','76b2d09e62acfbee1c1ecbdc1299132bede3e06da9ebfc7212304d2b798fee8d','c83a6973da227bfc9ec6660a40012d72531570a727e515d71f68ea7f9f2b9ad5');
INSERT INTO audit_log VALUES(4,1796133277801,'fixture','run.end','run:77796616cc05c831b5fd6f12ad51cec4','{"status":"finished","facts":{"run:77796616cc05c831b5fd6f12ad51cec4":{"experiment":"Default","name":"default-run","status":"finished","started_at":1796133277396,"ended_at":1796133277709,"git_commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","git_repo":null,"entry_point":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","actor":"fixture","params":{"where":"default"},"tags":{"mlflow.runName":"default-run","mlflow.source.git.branch":"i-check","mlflow.source.git.commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","mlflow.source.name":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","mlflow.source.type":"LOCAL","mlflow.user":"root"},"record_digest":null}}}','c83a6973da227bfc9ec6660a40012d72531570a727e515d71f68ea7f9f2b9ad5','59beae055abd377ded4184bf206da2ad0634335f6035ee7a744f31dd3aa020d0');
INSERT INTO audit_log VALUES(5,1796133277919,'fixture','experiment.create','experiment:fraud','{"experiment_id":2,"name":"fraud","tags":{},"facts":{"experiment:fraud":{"created_at":1796133277919}}}','59beae055abd377ded4184bf206da2ad0634335f6035ee7a744f31dd3aa020d0','776fa92a9146a9f66b017a6397823ad3a6cc7410ce3d292f2930e1696f0d5100');
INSERT INTO audit_log VALUES(6,1796133278060,'fixture','run.start','run:6bbfd14bb028d285483812999801ffe8','{"experiment":"fraud","name":"xgb","params":0,"inputs":0,"input_refs":[],"content_digest":"sha256:aed444d388caa8275b48b705b8d4ea2157c84bb8e55d8f7b22e04d3016555e25","tags":{"mlflow.user":"root","mlflow.source.name":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","mlflow.source.type":"LOCAL","mlflow.source.git.commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","mlflow.source.git.branch":"i-check","mlflow.runName":"xgb"},"facts":{"run:6bbfd14bb028d285483812999801ffe8":{"experiment":"fraud","name":"xgb","status":"running","started_at":1796133278006,"ended_at":null,"git_commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","git_repo":null,"entry_point":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","actor":"fixture","params":{},"tags":{"mlflow.runName":"xgb","mlflow.source.git.branch":"i-check","mlflow.source.git.commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","mlflow.source.name":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","mlflow.source.type":"LOCAL","mlflow.user":"root"},"record_digest":null}},"claimed_actor":"root"}','776fa92a9146a9f66b017a6397823ad3a6cc7410ce3d292f2930e1696f0d5100','7e9302c3c345f0d245aea5fae697936c9baf2422a71a36e78a33e5f7135e4440');
INSERT INTO audit_log VALUES(7,1796133278144,'fixture','run.log','run:6bbfd14bb028d285483812999801ffe8','{"params":1,"metric_points":0,"inputs":0,"outputs":[],"content_digest":"sha256:264d14e4720ed2ea67b946742dfad488dc7139c0d3c067d08cda2b60737ed989","facts":{"run:6bbfd14bb028d285483812999801ffe8":{"experiment":"fraud","name":"xgb","status":"running","started_at":1796133278006,"ended_at":null,"git_commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","git_repo":null,"entry_point":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","actor":"fixture","params":{"lr":"0.01"},"tags":{"mlflow.runName":"xgb","mlflow.source.git.branch":"i-check","mlflow.source.git.commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","mlflow.source.name":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","mlflow.source.type":"LOCAL","mlflow.user":"root"},"record_digest":null}}}','7e9302c3c345f0d245aea5fae697936c9baf2422a71a36e78a33e5f7135e4440','9f42617f9c3f3a5c06f6c28950c87aff9a28a2cd7dd8d5a19aa318004e956696');
INSERT INTO audit_log VALUES(8,1796133278224,'fixture','run.log','run:6bbfd14bb028d285483812999801ffe8','{"params":2,"metric_points":0,"inputs":0,"outputs":[],"content_digest":"sha256:5f159b4f9de0ab13f09b384bc27b309f49edf059a78d20cbfb242b369bdd9ac9","facts":{"run:6bbfd14bb028d285483812999801ffe8":{"experiment":"fraud","name":"xgb","status":"running","started_at":1796133278006,"ended_at":null,"git_commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","git_repo":null,"entry_point":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","actor":"fixture","params":{"lr":"0.01","max_depth":"6","seed":"7"},"tags":{"mlflow.runName":"xgb","mlflow.source.git.branch":"i-check","mlflow.source.git.commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","mlflow.source.name":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","mlflow.source.type":"LOCAL","mlflow.user":"root"},"record_digest":null}}}','9f42617f9c3f3a5c06f6c28950c87aff9a28a2cd7dd8d5a19aa318004e956696','f8856caf24caf1714cd586e96dce7d6846884fe1de5b2a310a90bd523c1867b0');
INSERT INTO audit_log VALUES(9,1796133278393,'fixture','run.log','run:6bbfd14bb028d285483812999801ffe8','{"params":0,"metric_points":1,"inputs":0,"outputs":[],"content_digest":"sha256:320425cfd3c3485c29f45cd0f71cf69cf7d11ffd358f6fd85982a8ae2b15d876"}','f8856caf24caf1714cd586e96dce7d6846884fe1de5b2a310a90bd523c1867b0','585d8c2690f66e2200b3fe3079cd15d5abd8a61d1c39b3ab30744807a43a91b0');
INSERT INTO audit_log VALUES(10,1796133278468,'fixture','run.log','run:6bbfd14bb028d285483812999801ffe8','{"params":0,"metric_points":1,"inputs":0,"outputs":[],"content_digest":"sha256:2dc791cf51a28d1dbbce07919e0d2b725097389e22aad69ef7d15d4bc052f430"}','585d8c2690f66e2200b3fe3079cd15d5abd8a61d1c39b3ab30744807a43a91b0','936e2f855f90fcd0fc8bc48efd3805678b81dba659665acc0289ed3e26c166ff');
INSERT INTO audit_log VALUES(11,1796133278544,'fixture','run.log','run:6bbfd14bb028d285483812999801ffe8','{"params":0,"metric_points":1,"inputs":0,"outputs":[],"content_digest":"sha256:dd07cfd80033fbbbd4b14743412e4db8566dd25b67cb7076f5bb1c3055488239"}','936e2f855f90fcd0fc8bc48efd3805678b81dba659665acc0289ed3e26c166ff','b1b4e284588c44fb88444d51b4dcda37fb49e7c1e032a324ef871aae4e0d281d');
INSERT INTO audit_log VALUES(12,1796133278625,'fixture','run.log','run:6bbfd14bb028d285483812999801ffe8','{"params":0,"metric_points":1,"inputs":0,"outputs":[],"content_digest":"sha256:5909c1cbbdba2518f4acad0cbcba9b447d7d95955f6d06411f0a231b7ea3de04"}','b1b4e284588c44fb88444d51b4dcda37fb49e7c1e032a324ef871aae4e0d281d','4636ed8f6e836eb49dde760f08ab08147c66c7a640e3d02e876b72b0410b219e');
INSERT INTO audit_log VALUES(13,1796133278640,'fixture','run.log','run:6bbfd14bb028d285483812999801ffe8','{"params":0,"metric_points":1,"inputs":0,"outputs":[],"content_digest":"sha256:96d17005c51f08a2d3a90367a804fd5014c4410ae6ec16d45bb1bc6475ec423e"}','4636ed8f6e836eb49dde760f08ab08147c66c7a640e3d02e876b72b0410b219e','28e835e47cc5b04e7178058e294269977996a5353a3c311f0e16c4a50df261ee');
INSERT INTO audit_log VALUES(14,1796133278676,'fixture','run.log','run:6bbfd14bb028d285483812999801ffe8','{"params":0,"metric_points":1,"inputs":0,"outputs":[],"content_digest":"sha256:5cf265ffbd56b4796c0c8fdc5d4eddbfca0d52916bb5ec641a71d1808c9d3042"}','28e835e47cc5b04e7178058e294269977996a5353a3c311f0e16c4a50df261ee','92013fb320be54d3f08ddf3472cb257cf88d2a1d7116ad1b26c7347b63041450');
INSERT INTO audit_log VALUES(15,1796133278708,'fixture','run.log','run:6bbfd14bb028d285483812999801ffe8','{"params":0,"metric_points":1,"inputs":0,"outputs":[],"content_digest":"sha256:fdbed32ba86b8d77d059dbf8469537a30284d03c296fba1735916e384c0e4703"}','92013fb320be54d3f08ddf3472cb257cf88d2a1d7116ad1b26c7347b63041450','b1f4006108d86670ff35f35fca6a31abce2a2efbcb85a068d207c9d626ea9b4c');
INSERT INTO audit_log VALUES(16,1796133278740,'fixture','run.log','run:6bbfd14bb028d285483812999801ffe8','{"params":0,"metric_points":2,"inputs":0,"outputs":[],"content_digest":"sha256:139970112f2d2845d57ed8fce985c2fa5624fcba49d00da9932dd534e0ee8b74"}','b1f4006108d86670ff35f35fca6a31abce2a2efbcb85a068d207c9d626ea9b4c','c3dde31ed2fd471156be0f564d5412514c76df775c9b5b9819ccd189ac6cf677');
INSERT INTO audit_log VALUES(17,1796133278788,'fixture','run.tag','run:6bbfd14bb028d285483812999801ffe8','{"tags":{"team":{"from":null,"to":"risk"}},"content_digest":"sha256:139970112f2d2845d57ed8fce985c2fa5624fcba49d00da9932dd534e0ee8b74","facts":{"run:6bbfd14bb028d285483812999801ffe8":{"experiment":"fraud","name":"xgb","status":"running","started_at":1796133278006,"ended_at":null,"git_commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","git_repo":null,"entry_point":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","actor":"fixture","params":{"lr":"0.01","max_depth":"6","seed":"7"},"tags":{"mlflow.runName":"xgb","mlflow.source.git.branch":"i-check","mlflow.source.git.commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","mlflow.source.name":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","mlflow.source.type":"LOCAL","mlflow.user":"root","team":"risk"},"record_digest":null}}}','c3dde31ed2fd471156be0f564d5412514c76df775c9b5b9819ccd189ac6cf677','9db67dd134da5625bd5148433b3ccb557baf62759540173819a3237d3900d931');
INSERT INTO audit_log VALUES(18,1796133278823,'fixture','run.tag','run:6bbfd14bb028d285483812999801ffe8','{"tags":{"stage":{"from":null,"to":"a"}},"content_digest":"sha256:139970112f2d2845d57ed8fce985c2fa5624fcba49d00da9932dd534e0ee8b74","facts":{"run:6bbfd14bb028d285483812999801ffe8":{"experiment":"fraud","name":"xgb","status":"running","started_at":1796133278006,"ended_at":null,"git_commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","git_repo":null,"entry_point":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","actor":"fixture","params":{"lr":"0.01","max_depth":"6","seed":"7"},"tags":{"mlflow.runName":"xgb","mlflow.source.git.branch":"i-check","mlflow.source.git.commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","mlflow.source.name":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","mlflow.source.type":"LOCAL","mlflow.user":"root","stage":"a","team":"risk"},"record_digest":null}}}','9db67dd134da5625bd5148433b3ccb557baf62759540173819a3237d3900d931','f8f028594023d3e285105dc9f01c7324a224af0773f382a224a457264c38042e');
INSERT INTO audit_log VALUES(19,1796133278956,'fixture','run.tag','run:6bbfd14bb028d285483812999801ffe8','{"tags":{"stage":{"from":"a","to":"b"}},"content_digest":"sha256:139970112f2d2845d57ed8fce985c2fa5624fcba49d00da9932dd534e0ee8b74","facts":{"run:6bbfd14bb028d285483812999801ffe8":{"experiment":"fraud","name":"xgb","status":"running","started_at":1796133278006,"ended_at":null,"git_commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","git_repo":null,"entry_point":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","actor":"fixture","params":{"lr":"0.01","max_depth":"6","seed":"7"},"tags":{"mlflow.runName":"xgb","mlflow.source.git.branch":"i-check","mlflow.source.git.commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","mlflow.source.name":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","mlflow.source.type":"LOCAL","mlflow.user":"root","stage":"b","team":"risk"},"record_digest":null}}}','f8f028594023d3e285105dc9f01c7324a224af0773f382a224a457264c38042e','3816e6d0a75df1b651857942151ceaaf1a9c5d5ae04790e94b2d9027634e6d5d');
INSERT INTO audit_log VALUES(20,1796133279036,'fixture','run.tag','run:6bbfd14bb028d285483812999801ffe8','{"tags":{"owner":{"from":null,"to":"ana"},"priority":{"from":null,"to":"high"}},"content_digest":"sha256:139970112f2d2845d57ed8fce985c2fa5624fcba49d00da9932dd534e0ee8b74","facts":{"run:6bbfd14bb028d285483812999801ffe8":{"experiment":"fraud","name":"xgb","status":"running","started_at":1796133278006,"ended_at":null,"git_commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","git_repo":null,"entry_point":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","actor":"fixture","params":{"lr":"0.01","max_depth":"6","seed":"7"},"tags":{"mlflow.runName":"xgb","mlflow.source.git.branch":"i-check","mlflow.source.git.commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","mlflow.source.name":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","mlflow.source.type":"LOCAL","mlflow.user":"root","owner":"ana","priority":"high","stage":"b","team":"risk"},"record_digest":null}}}','3816e6d0a75df1b651857942151ceaaf1a9c5d5ae04790e94b2d9027634e6d5d','0d312c2f74b84cfc7d6b434e906240c1a418e72d8d3794c84479ab531c634b7f');
INSERT INTO audit_log VALUES(21,1796133279288,'fixture','artifact.upload','run:6bbfd14bb028d285483812999801ffe8','{"path":"2/6bbfd14bb028d285483812999801ffe8/artifacts/notes.txt","digest":"sha256:e9942e38476dcaa925d1fb300616e3e9d21017a70d0d0973aa0a1e56b8f9b6a4","size_bytes":15,"artifact":"artifact:3","supersedes":null,"facts":{"artifact:3":{"name":"notes.txt","uri":"mlflow-artifacts:/2/6bbfd14bb028d285483812999801ffe8/artifacts/notes.txt","digest":"sha256:e9942e38476dcaa925d1fb300616e3e9d21017a70d0d0973aa0a1e56b8f9b6a4","size_bytes":15,"created_at":1796133279287,"created_by":"fixture"},"edge:run:6bbfd14bb028d285483812999801ffe8 -output-> artifact:3":{"from":"run:6bbfd14bb028d285483812999801ffe8","to":"artifact:3","relation":"output"}}}','0d312c2f74b84cfc7d6b434e906240c1a418e72d8d3794c84479ab531c634b7f','4bfc56d305ebb2c6992084bbe594a3b47ee58c34fa48433548665a9d772ade64');
INSERT INTO audit_log VALUES(22,1796133279388,'fixture','artifact.upload','run:6bbfd14bb028d285483812999801ffe8','{"path":"2/6bbfd14bb028d285483812999801ffe8/artifacts/model/MLmodel","digest":"sha256:14f9efd2a3039f6fd2a95f6c497ca84aacf5d0528b760e2656f6a66dc4eda727","size_bytes":33,"artifact":"artifact:4","supersedes":null,"facts":{"artifact:4":{"name":"model/MLmodel","uri":"mlflow-artifacts:/2/6bbfd14bb028d285483812999801ffe8/artifacts/model/MLmodel","digest":"sha256:14f9efd2a3039f6fd2a95f6c497ca84aacf5d0528b760e2656f6a66dc4eda727","size_bytes":33,"created_at":1796133279388,"created_by":"fixture"},"edge:run:6bbfd14bb028d285483812999801ffe8 -output-> artifact:4":{"from":"run:6bbfd14bb028d285483812999801ffe8","to":"artifact:4","relation":"output"}}}','4bfc56d305ebb2c6992084bbe594a3b47ee58c34fa48433548665a9d772ade64','b6e928c1b53eb594b662359390ca1e5ce85f29dec33e31c587b4d72d2e713668');
INSERT INTO audit_log VALUES(23,1796133279632,'fixture','artifact.upload','run:6bbfd14bb028d285483812999801ffe8','{"path":"2/6bbfd14bb028d285483812999801ffe8/artifacts/model/weights.bin","digest":"sha256:785b0751fc2c53dc14a4ce3d800e69ef9ce1009eb327ccf458afe09c242c26c9","size_bytes":1024,"artifact":"artifact:5","supersedes":null,"facts":{"artifact:5":{"name":"model/weights.bin","uri":"mlflow-artifacts:/2/6bbfd14bb028d285483812999801ffe8/artifacts/model/weights.bin","digest":"sha256:785b0751fc2c53dc14a4ce3d800e69ef9ce1009eb327ccf458afe09c242c26c9","size_bytes":1024,"created_at":1796133279631,"created_by":"fixture"},"edge:run:6bbfd14bb028d285483812999801ffe8 -output-> artifact:5":{"from":"run:6bbfd14bb028d285483812999801ffe8","to":"artifact:5","relation":"output"}}}','b6e928c1b53eb594b662359390ca1e5ce85f29dec33e31c587b4d72d2e713668','469600d7ab74614fa7ae1a49cac34bf02954d54c6e360e0d1c16b0419f66bb03');
INSERT INTO audit_log VALUES(24,1796133279748,'fixture','artifact.upload','run:6bbfd14bb028d285483812999801ffe8','{"path":"2/6bbfd14bb028d285483812999801ffe8/artifacts/texts/a.txt","digest":"sha256:b94f6f125c79e3a5ffaa826f584c10d52ada669e6762051b826b55776d05aed2","size_bytes":9,"artifact":"artifact:6","supersedes":null,"facts":{"artifact:6":{"name":"texts/a.txt","uri":"mlflow-artifacts:/2/6bbfd14bb028d285483812999801ffe8/artifacts/texts/a.txt","digest":"sha256:b94f6f125c79e3a5ffaa826f584c10d52ada669e6762051b826b55776d05aed2","size_bytes":9,"created_at":1796133279747,"created_by":"fixture"},"edge:run:6bbfd14bb028d285483812999801ffe8 -output-> artifact:6":{"from":"run:6bbfd14bb028d285483812999801ffe8","to":"artifact:6","relation":"output"}}}','469600d7ab74614fa7ae1a49cac34bf02954d54c6e360e0d1c16b0419f66bb03','cd6271bf4209d77ad1278a519db1b844b561f2bb5ed9133b7d80488b46622ef1');
INSERT INTO audit_log VALUES(25,1796133279880,'fixture','artifact.upload','run:6bbfd14bb028d285483812999801ffe8','{"path":"2/6bbfd14bb028d285483812999801ffe8/artifacts/config.json","digest":"sha256:2c2ee484b6273f2843ec465f323586b732b13f0db152621258a1e52f3fac3917","size_bytes":29,"artifact":"artifact:7","supersedes":null,"facts":{"artifact:7":{"name":"config.json","uri":"mlflow-artifacts:/2/6bbfd14bb028d285483812999801ffe8/artifacts/config.json","digest":"sha256:2c2ee484b6273f2843ec465f323586b732b13f0db152621258a1e52f3fac3917","size_bytes":29,"created_at":1796133279879,"created_by":"fixture"},"edge:run:6bbfd14bb028d285483812999801ffe8 -output-> artifact:7":{"from":"run:6bbfd14bb028d285483812999801ffe8","to":"artifact:7","relation":"output"}}}','cd6271bf4209d77ad1278a519db1b844b561f2bb5ed9133b7d80488b46622ef1','3dc091555d8d7f38108efa3eb866f629b342a25184da13103227ae50a12f06f5');
INSERT INTO audit_log VALUES(26,1796133280068,'fixture','run.end','run:6bbfd14bb028d285483812999801ffe8','{"status":"finished","facts":{"run:6bbfd14bb028d285483812999801ffe8":{"experiment":"fraud","name":"xgb","status":"finished","started_at":1796133278006,"ended_at":1796133279924,"git_commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","git_repo":null,"entry_point":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","actor":"fixture","params":{"lr":"0.01","max_depth":"6","seed":"7"},"tags":{"mlflow.runName":"xgb","mlflow.source.git.branch":"i-check","mlflow.source.git.commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","mlflow.source.name":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","mlflow.source.type":"LOCAL","mlflow.user":"root","owner":"ana","priority":"high","stage":"b","team":"risk"},"record_digest":null}}}','3dc091555d8d7f38108efa3eb866f629b342a25184da13103227ae50a12f06f5','211f148f4b2f2dac3e80733b2016c1cb0b68149a46b2530f6d963ceb5fcfaac0');
INSERT INTO audit_log VALUES(27,1796133280870,'fixture','run.log','run:6bbfd14bb028d285483812999801ffe8','{"inputs":1,"input_refs":["dataset:iris@1"],"input_tags":{"dataset:iris@1":{"mlflow.data.context":"training"}},"content_digest":"sha256:139970112f2d2845d57ed8fce985c2fa5624fcba49d00da9932dd534e0ee8b74","facts":{"dataset:iris":{"created_at":1796133280869},"dataset:iris@1":{"uri":"https://example.com/iris.csv","digest":"mlflow:fad98c68","size_bytes":null,"row_count":150,"schema":"{\"mlflow_colspec\": [{\"type\": \"double\", \"name\": \"x\"}]}","created_at":1796133280869,"created_by":"fixture","tags":{"mlflow.profile":"{\"num_rows\": 150}","mlflow.source":"{\"url\": \"https://example.com/iris.csv\"}","mlflow.source_type":"http"},"deprecated_at":null,"deprecated_by":null,"deprecation_reason":null},"edge:dataset:iris@1 -input-> run:6bbfd14bb028d285483812999801ffe8":{"from":"dataset:iris@1","to":"run:6bbfd14bb028d285483812999801ffe8","relation":"input"}}}','211f148f4b2f2dac3e80733b2016c1cb0b68149a46b2530f6d963ceb5fcfaac0','c0db5104ca5fdd19e05c7d27106295e1bb78102ed15d2fa826178cead608b3b5');
INSERT INTO audit_log VALUES(28,1796133280890,'fixture','run.start','run:896cd7c87e20fab24092534f5b48ff1c','{"experiment":"fraud","name":"broken","params":0,"inputs":0,"input_refs":[],"content_digest":"sha256:aed444d388caa8275b48b705b8d4ea2157c84bb8e55d8f7b22e04d3016555e25","tags":{"mlflow.user":"root","mlflow.source.name":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","mlflow.source.type":"LOCAL","mlflow.source.git.commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","mlflow.source.git.branch":"i-check","mlflow.runName":"broken"},"facts":{"run:896cd7c87e20fab24092534f5b48ff1c":{"experiment":"fraud","name":"broken","status":"running","started_at":1796133280885,"ended_at":null,"git_commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","git_repo":null,"entry_point":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","actor":"fixture","params":{},"tags":{"mlflow.runName":"broken","mlflow.source.git.branch":"i-check","mlflow.source.git.commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","mlflow.source.name":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","mlflow.source.type":"LOCAL","mlflow.user":"root"},"record_digest":null}},"claimed_actor":"root"}','c0db5104ca5fdd19e05c7d27106295e1bb78102ed15d2fa826178cead608b3b5','b428e0bd869d066d78d055bf2fec58accf788dd02ef60946f31a391b9ea8aa51');
INSERT INTO audit_log VALUES(29,1796133280904,'fixture','run.end','run:896cd7c87e20fab24092534f5b48ff1c','{"status":"failed","facts":{"run:896cd7c87e20fab24092534f5b48ff1c":{"experiment":"fraud","name":"broken","status":"failed","started_at":1796133280885,"ended_at":1796133280893,"git_commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","git_repo":null,"entry_point":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","actor":"fixture","params":{},"tags":{"mlflow.runName":"broken","mlflow.source.git.branch":"i-check","mlflow.source.git.commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","mlflow.source.name":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","mlflow.source.type":"LOCAL","mlflow.user":"root"},"record_digest":null}}}','b428e0bd869d066d78d055bf2fec58accf788dd02ef60946f31a391b9ea8aa51','80fb89e79a1f91a5fa1dbc172d40b5658059f44c65fd9d6eed0863b3d57dab0b');
INSERT INTO audit_log VALUES(30,1796133280953,'fixture','model.create','model:fraud-model','{"description":null,"tags":{},"facts":{"model:fraud-model":{"created_at":1796133280952,"created_by":"fixture"}}}','80fb89e79a1f91a5fa1dbc172d40b5658059f44c65fd9d6eed0863b3d57dab0b','2e389f870f641209d51a0b3c9c33752531715ded30f2bd444bcab66c0b57a3d2');
INSERT INTO audit_log VALUES(31,1796133281093,'fixture','model.register','model:fraud-model@1','{"run":"6bbfd14bb028d285483812999801ffe8","artifact":"artifact:10","digest":"sha256:58813a9d85df3d1f7b9cb6ed44bbf343eb022989c9ec70214ca73d8c1a3e1d93","size_bytes":1057,"source":"mlflow-artifacts:/2/6bbfd14bb028d285483812999801ffe8/artifacts/model","run_link":null,"logged_model":null,"description":null,"facts":{"artifact:10":{"name":"model","uri":"mlflow-artifacts:/2/6bbfd14bb028d285483812999801ffe8/artifacts/model","digest":"sha256:58813a9d85df3d1f7b9cb6ed44bbf343eb022989c9ec70214ca73d8c1a3e1d93","size_bytes":1057,"created_at":1796133281092,"created_by":"fixture"},"model:fraud-model":{"created_at":1796133280952,"created_by":"fixture"},"model:fraud-model@1":{"run":"run:6bbfd14bb028d285483812999801ffe8","artifact":"artifact:10","artifact_digest":"sha256:58813a9d85df3d1f7b9cb6ed44bbf343eb022989c9ec70214ca73d8c1a3e1d93","description":null,"created_at":1796133281091,"created_by":"fixture","deprecated_at":null,"deprecated_by":null,"deprecation_reason":null},"edge:run:6bbfd14bb028d285483812999801ffe8 -output-> artifact:10":{"from":"run:6bbfd14bb028d285483812999801ffe8","to":"artifact:10","relation":"output"},"edge:run:6bbfd14bb028d285483812999801ffe8 -source_run-> model:fraud-model@1":{"from":"run:6bbfd14bb028d285483812999801ffe8","to":"model:fraud-model@1","relation":"source_run"},"edge:artifact:10 -source_artifact-> model:fraud-model@1":{"from":"artifact:10","to":"model:fraud-model@1","relation":"source_artifact"}}}','2e389f870f641209d51a0b3c9c33752531715ded30f2bd444bcab66c0b57a3d2','54fd79ff22e0aecea14b8db604f941ddd4f8127661492b90a87b8ad0b957aaf1');
INSERT INTO audit_log VALUES(32,1796133281437,'fixture','model.promote','model:fraud-model@staging','{"alias":"staging","from":null,"to":1,"reason":null,"facts":{"alias_event:1":{"model":"fraud-model","alias":"staging","action":"promote","from_version":null,"to_version":"model:fraud-model@1","actor":"fixture","reason":null,"at":1796133281437}}}','54fd79ff22e0aecea14b8db604f941ddd4f8127661492b90a87b8ad0b957aaf1','541666ab7d04adf8437b7e9d1d10a333f4a35c38e617381587e41b8a43f164bd');
INSERT INTO audit_log VALUES(33,1796133281595,'fixture','model.tag','model:fraud-model@1','{"set":{"validated":"yes"},"unset":[],"facts":{"model_tag_event:1":{"version":"model:fraud-model@1","key":"validated","value":"yes","actor":"fixture","at":1796133281595}}}','541666ab7d04adf8437b7e9d1d10a333f4a35c38e617381587e41b8a43f164bd','a2480a56fcb525be8f75ebc0d90cbafc62687c87d75a7d77b12ffe4573b5b91d');
INSERT INTO audit_log VALUES(34,1796133281816,'fixture','model.describe','model:fraud-model@1','{"description":"first model","previous":null,"facts":{"model_description_event:1":{"version":"model:fraud-model@1","description":"first model","actor":"fixture","at":1796133281815}}}','a2480a56fcb525be8f75ebc0d90cbafc62687c87d75a7d77b12ffe4573b5b91d','c35d7cc05a0aeb37fd4cdf73ace3aa3e1a8c1941b391599f5cee510038f11d4f');
INSERT INTO audit_log VALUES(35,1796133282476,'fixture','run.start','run:1d4d3082017a422ddf855e9c1c5bad13','{"experiment":"fraud","name":"run-af0719a5","params":0,"inputs":0,"input_refs":[],"content_digest":"sha256:aed444d388caa8275b48b705b8d4ea2157c84bb8e55d8f7b22e04d3016555e25","tags":{"mlflow.user":"root","mlflow.source.name":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","mlflow.source.type":"LOCAL","mlflow.source.git.commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","mlflow.source.git.branch":"i-check","mlflow.runName":"run-af0719a5"},"facts":{"run:1d4d3082017a422ddf855e9c1c5bad13":{"experiment":"fraud","name":"run-af0719a5","status":"running","started_at":1796133282400,"ended_at":null,"git_commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","git_repo":null,"entry_point":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","actor":"fixture","params":{},"tags":{"mlflow.runName":"run-af0719a5","mlflow.source.git.branch":"i-check","mlflow.source.git.commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","mlflow.source.name":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","mlflow.source.type":"LOCAL","mlflow.user":"root"},"record_digest":null}},"claimed_actor":"root"}','c35d7cc05a0aeb37fd4cdf73ace3aa3e1a8c1941b391599f5cee510038f11d4f','01b42b3928ecde3387d789670f7689cff589b93c337c47f71e608903404302f6');
INSERT INTO audit_log VALUES(36,1796133282520,'fixture','run.log','run:1d4d3082017a422ddf855e9c1c5bad13','{"params":1,"metric_points":0,"inputs":0,"outputs":[],"content_digest":"sha256:23f43ef2184d14f136d10dd66fa6eb51bf203e8f64dd67e3d128736504b2415e","facts":{"run:1d4d3082017a422ddf855e9c1c5bad13":{"experiment":"fraud","name":"run-af0719a5","status":"running","started_at":1796133282400,"ended_at":null,"git_commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","git_repo":null,"entry_point":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","actor":"fixture","params":{"x":"1"},"tags":{"mlflow.runName":"run-af0719a5","mlflow.source.git.branch":"i-check","mlflow.source.git.commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","mlflow.source.name":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","mlflow.source.type":"LOCAL","mlflow.user":"root"},"record_digest":null}}}','01b42b3928ecde3387d789670f7689cff589b93c337c47f71e608903404302f6','5533ae746d2d872f2b495bac90af2aed6885eb7a5331db464268ab6a490284e9');
INSERT INTO audit_log VALUES(37,1796133282639,'fixture','run.end','run:1d4d3082017a422ddf855e9c1c5bad13','{"status":"finished","facts":{"run:1d4d3082017a422ddf855e9c1c5bad13":{"experiment":"fraud","name":"run-af0719a5","status":"finished","started_at":1796133282400,"ended_at":1796133282551,"git_commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","git_repo":null,"entry_point":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","actor":"fixture","params":{"x":"1"},"tags":{"mlflow.runName":"run-af0719a5","mlflow.source.git.branch":"i-check","mlflow.source.git.commit":"1d26d557d7c75324e6a21aed6a109131acf69c2e","mlflow.source.name":"/work/wt-check/Tests/PedigreeServerTests/MLflow/Scripts/training.py","mlflow.source.type":"LOCAL","mlflow.user":"root"},"record_digest":null}}}','5533ae746d2d872f2b495bac90af2aed6885eb7a5331db464268ab6a490284e9','2329f1b33d474d3d4daff9344792c35054a62e9e0ecb84b1ab8e137f57e44e48');
INSERT INTO audit_log VALUES(38,1796133282901,'fixture','logged_model.create','logged_model:m-4d3b80257600e82436320782647ba5a8','{"experiment_id":2,"name":"model","source_run":"6bbfd14bb028d285483812999801ffe8","model_type":null,"params":{"lr":"0.01"},"tags":{}}','2329f1b33d474d3d4daff9344792c35054a62e9e0ecb84b1ab8e137f57e44e48','b08b88ac22472e0b706b39a7378eeeee5d4da07d29c31958c2fe49b5c3835014');
INSERT INTO audit_log VALUES(39,1796133283219,'fixture','artifact.upload','logged_model:m-4d3b80257600e82436320782647ba5a8','{"path":"2/models/m-4d3b80257600e82436320782647ba5a8/artifacts/MLmodel","digest":"sha256:ad942d350eec80cccc096bc93a5129dd176a2c0066d99af3b25cb8b429f8c7db","size_bytes":31,"artifact":null,"supersedes":null}','b08b88ac22472e0b706b39a7378eeeee5d4da07d29c31958c2fe49b5c3835014','67ce77241ac0e3a0ea8565d5261fcb1ec0776b8fb1a6a8cad9987ff15736d546');
INSERT INTO audit_log VALUES(40,1796133283336,'fixture','artifact.upload','logged_model:m-4d3b80257600e82436320782647ba5a8','{"path":"2/models/m-4d3b80257600e82436320782647ba5a8/artifacts/model.pkl","digest":"sha256:defd9fde202bfca1d1c5234dda8451b7392c429ef226d8c944a4fbbe0ba6bdde","size_bytes":9,"artifact":null,"supersedes":null}','67ce77241ac0e3a0ea8565d5261fcb1ec0776b8fb1a6a8cad9987ff15736d546','41cb7c89c9423ca52b0756d4fecda04eab6dcecf9f5c09ddb502ed3f678ab6bf');
INSERT INTO audit_log VALUES(41,1796133283496,'fixture','logged_model.finalize','logged_model:m-4d3b80257600e82436320782647ba5a8','{"status":"LOGGED_MODEL_READY","artifact":"artifact:13","digest":"sha256:42f66db51591436af2f1f888c870c6109dc1d41925339c462aefc9d1fb039f66","size_bytes":40,"files":2,"facts":{"artifact:13":{"name":"model","uri":"mlflow-artifacts:/2/models/m-4d3b80257600e82436320782647ba5a8/artifacts","digest":"sha256:42f66db51591436af2f1f888c870c6109dc1d41925339c462aefc9d1fb039f66","size_bytes":40,"created_at":1796133283495,"created_by":"fixture"},"edge:run:6bbfd14bb028d285483812999801ffe8 -output-> artifact:13":{"from":"run:6bbfd14bb028d285483812999801ffe8","to":"artifact:13","relation":"output"}}}','41cb7c89c9423ca52b0756d4fecda04eab6dcecf9f5c09ddb502ed3f678ab6bf','5cccfc9e13983de2213dc56ed4e0fe720839a7c47a85de1c2ef35b9d771e351a');
INSERT INTO audit_log VALUES(42,1796133283612,'fixture','run.outputs','run:6bbfd14bb028d285483812999801ffe8','{"models":[{"model_id":"m-4d3b80257600e82436320782647ba5a8","step":3}]}','5cccfc9e13983de2213dc56ed4e0fe720839a7c47a85de1c2ef35b9d771e351a','2962030bec7d372de4ba8932c558d1a410210f033dba5ff368cd10494ed6451e');
INSERT INTO audit_log VALUES(43,1796133283848,'fixture','model.register','model:fraud-model@2','{"run":"6bbfd14bb028d285483812999801ffe8","artifact":"artifact:13","digest":"sha256:42f66db51591436af2f1f888c870c6109dc1d41925339c462aefc9d1fb039f66","size_bytes":40,"source":"models:/m-4d3b80257600e82436320782647ba5a8","run_link":null,"logged_model":"m-4d3b80257600e82436320782647ba5a8","description":null,"facts":{"model:fraud-model":{"created_at":1796133280952,"created_by":"fixture"},"model:fraud-model@2":{"run":"run:6bbfd14bb028d285483812999801ffe8","artifact":"artifact:13","artifact_digest":"sha256:42f66db51591436af2f1f888c870c6109dc1d41925339c462aefc9d1fb039f66","description":null,"created_at":1796133283848,"created_by":"fixture","deprecated_at":null,"deprecated_by":null,"deprecation_reason":null},"edge:run:6bbfd14bb028d285483812999801ffe8 -source_run-> model:fraud-model@2":{"from":"run:6bbfd14bb028d285483812999801ffe8","to":"model:fraud-model@2","relation":"source_run"},"edge:artifact:13 -source_artifact-> model:fraud-model@2":{"from":"artifact:13","to":"model:fraud-model@2","relation":"source_artifact"}}}','2962030bec7d372de4ba8932c558d1a410210f033dba5ff368cd10494ed6451e','43e84da210bc238d2c374f8905b25447a2925e5c4e415d3117686579040b9996');
INSERT INTO audit_log VALUES(44,1796133284039,'fixture','logged_model.tag','logged_model:m-4d3b80257600e82436320782647ba5a8','{"tags":{"mlflow.modelVersions":"[{\"name\": \"fraud-model\", \"version\": \"2\"}]"}}','43e84da210bc238d2c374f8905b25447a2925e5c4e415d3117686579040b9996','f875861c619bbc160ea3c7c09c96b639a49d2464e79082c9fda7fc45880e8ede');
INSERT INTO audit_log VALUES(45,1796133284318,'fixture','model.promote','model:fraud-model@production','{"alias":"production","from":null,"to":2,"reason":null,"facts":{"alias_event:2":{"model":"fraud-model","alias":"production","action":"promote","from_version":null,"to_version":"model:fraud-model@2","actor":"fixture","reason":null,"at":1796133284318}}}','f875861c619bbc160ea3c7c09c96b639a49d2464e79082c9fda7fc45880e8ede','677e1871285f343b1c4db102d1cd128ce76c3fa4edc46900f35e2b6fb28559c7');
INSERT INTO audit_log VALUES(46,1796133334539,'fixture','experiment.create','experiment:tagged','{"experiment_id":3,"name":"tagged","tags":{"owner":"risk"},"facts":{"experiment:tagged":{"created_at":1796133334539}}}','677e1871285f343b1c4db102d1cd128ce76c3fa4edc46900f35e2b6fb28559c7','b1cf21e73e26ca91befe582add26d231e4962477f5b5b0c673d9482d6f357e73');
INSERT INTO audit_log VALUES(47,1796133334702,'fixture','model.create','model:meta-model','{"description":"first words","tags":{"tier":"1"},"facts":{"model:meta-model":{"created_at":1796133334701,"created_by":"fixture"}}}','b1cf21e73e26ca91befe582add26d231e4962477f5b5b0c673d9482d6f357e73','f5216ebec4822e349433ddc08c46ce6feebaffcb1a793b4f5983cbeb4c5537f4');
INSERT INTO audit_log VALUES(48,1796133343928,'fixture','openlineage.event','run:0190e5d67c1a7e3b9f000123456789ab','{"event":1,"kind":"run","event_type":"COMPLETE","event_time":"2026-11-28T10:00:00.000Z","producer":"https://example.com/producer","body_sha256":"sha256:3f06bbdecdfa5ad4d1617e14c51be606ae175b7caa437361f6c88a68a8cf09fe","body_size":437,"ol_run_id":"0190e5d6-7c1a-7e3b-9f00-0123456789ab","created":[{"dataset":"lake.raw.tx.csv","namespace":"s3://lake","name":"raw/tx.csv","uri":"s3://lake/raw/tx.csv"},{"uri":"s3://lake/raw/tx.csv","digest":null,"size_bytes":null,"row_count":null,"ref":"dataset:lake.raw.tx.csv@1","tags":{"openlineage.observed":"true"}},{"dataset":"lake.clean.tx.parquet","namespace":"s3://lake","name":"clean/tx.parquet","uri":"s3://lake/clean/tx.parquet"},{"uri":"s3://lake/clean/tx.parquet","digest":null,"size_bytes":null,"row_count":null,"ref":"dataset:lake.clean.tx.parquet@1"}],"run":{"run_id":"0190e5d67c1a7e3b9f000123456789ab","experiment":"airflow","name":"clean_tx","status":"finished","started_at":"2026-11-28T10:00:00.000Z","ended_at":"2026-11-28T10:00:00.000Z","code":{"git_commit":null,"repo":null,"entry_point":null}},"input_refs":["dataset:lake.raw.tx.csv@1"],"outputs":["dataset:lake.clean.tx.parquet@1"],"content_digest":"sha256:aed444d388caa8275b48b705b8d4ea2157c84bb8e55d8f7b22e04d3016555e25","facts":{"experiment:airflow":{"created_at":1796133343822},"dataset:lake.raw.tx.csv":{"created_at":1795860000000},"dataset:lake.clean.tx.parquet":{"created_at":1795860000000},"dataset:lake.raw.tx.csv@1":{"uri":"s3://lake/raw/tx.csv","digest":null,"size_bytes":null,"row_count":null,"schema":null,"created_at":1795860000000,"created_by":"fixture","tags":{"openlineage.observed":"true"},"deprecated_at":null,"deprecated_by":null,"deprecation_reason":null},"dataset:lake.clean.tx.parquet@1":{"uri":"s3://lake/clean/tx.parquet","digest":null,"size_bytes":null,"row_count":null,"schema":null,"created_at":1795860000000,"created_by":"fixture","tags":{},"deprecated_at":null,"deprecated_by":null,"deprecation_reason":null},"run:0190e5d67c1a7e3b9f000123456789ab":{"experiment":"airflow","name":"clean_tx","status":"finished","started_at":1795860000000,"ended_at":1795860000000,"git_commit":null,"git_repo":null,"entry_point":null,"actor":"fixture","params":{},"tags":{"openlineage.job.namespace":"airflow","openlineage.producer":"https://example.com/producer"},"record_digest":null},"edge:dataset:lake.raw.tx.csv@1 -input-> run:0190e5d67c1a7e3b9f000123456789ab":{"from":"dataset:lake.raw.tx.csv@1","to":"run:0190e5d67c1a7e3b9f000123456789ab","relation":"input"},"edge:run:0190e5d67c1a7e3b9f000123456789ab -output-> dataset:lake.clean.tx.parquet@1":{"from":"run:0190e5d67c1a7e3b9f000123456789ab","to":"dataset:lake.clean.tx.parquet@1","relation":"output"},"openlineage_event:sha256:3f06bbdecdfa5ad4d1617e14c51be606ae175b7caa437361f6c88a68a8cf09fe":{"kind":"run","event_type":"COMPLETE","event_time":1795860000000,"received_at":1796133343822,"run":"run:0190e5d67c1a7e3b9f000123456789ab","producer":"https://example.com/producer","body_size":437},"openlineage_dataset:s3://lake raw/tx.csv":{"dataset":"dataset:lake.raw.tx.csv","uri":"s3://lake/raw/tx.csv"},"openlineage_dataset:s3://lake clean/tx.parquet":{"dataset":"dataset:lake.clean.tx.parquet","uri":"s3://lake/clean/tx.parquet"},"openlineage_run:0190e5d6-7c1a-7e3b-9f00-0123456789ab":{"run":"run:0190e5d67c1a7e3b9f000123456789ab","job_namespace":"airflow","job_name":"clean_tx","adopted":0},"openlineage_output:1 lake.clean.tx.parquet":{"run":"run:0190e5d67c1a7e3b9f000123456789ab","dataset":"dataset:lake.clean.tx.parquet","facts":"{}"}}}','f5216ebec4822e349433ddc08c46ce6feebaffcb1a793b4f5983cbeb4c5537f4','a5ab99bc7045114dee7c6e9b4f4039a96707d94fef6114e1eb563d91c50fb789');
CREATE TABLE run_records (
  run_id INTEGER PRIMARY KEY REFERENCES runs(id),
  digest TEXT NOT NULL CHECK (digest GLOB 'sha256:*')
) STRICT;
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
INSERT INTO model_version_tag_events VALUES(1,11,'validated','yes','fixture',1796133281595);
CREATE TABLE model_version_description_events (
  id INTEGER PRIMARY KEY,
  model_version_id INTEGER NOT NULL REFERENCES model_versions(id),
  description TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
INSERT INTO model_version_description_events VALUES(1,11,'first model','fixture',1796133281815);
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
INSERT INTO metric_chunks VALUES(1,2,1,1,0,0,X'0100fac9969ec668666666666666e63f');
INSERT INTO metric_chunks VALUES(2,2,1,1,1,1,X'010282cb969ec668000000000000e03f');
INSERT INTO metric_chunks VALUES(3,2,1,1,2,2,X'0104e8cc969ec6689a9999999999d93f');
INSERT INTO metric_chunks VALUES(4,2,2,1,0,0,X'0100f6cd969ec668000000000000f87f');
INSERT INTO metric_chunks VALUES(5,2,2,1,1,1,X'0102c6ce969ec668000000000000f07f');
INSERT INTO metric_chunks VALUES(6,2,2,1,2,2,X'0104e8ce969ec668000000000000f0ff');
INSERT INTO metric_chunks VALUES(7,2,3,1,9007199254740993,9007199254740993,X'018280808080808020aacf969ec668000000000000f83f');
INSERT INTO metric_chunks VALUES(8,2,4,1,3,3,X'0106f0cf969ec668c3f5285c8fc2ed3f');
INSERT INTO metric_chunks VALUES(9,2,5,1,3,3,X'0106f0cf969ec6689a9999999999e93f');
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
INSERT INTO dataset_versions VALUES(8,1,1,'https://example.com/iris.csv','mlflow:fad98c68',NULL,150,'{"mlflow_colspec": [{"type": "double", "name": "x"}]}',1796133280869,'fixture');
INSERT INTO dataset_versions VALUES(16,2,1,'s3://lake/raw/tx.csv',NULL,NULL,NULL,NULL,1795860000000,'fixture');
INSERT INTO dataset_versions VALUES(17,3,1,'s3://lake/clean/tx.parquet',NULL,NULL,NULL,NULL,1795860000000,'fixture');
CREATE TABLE run_tag_events (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  key TEXT NOT NULL,
  value TEXT,
  previous TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
INSERT INTO run_tag_events VALUES(1,2,'team','risk',NULL,'fixture',1796133278788);
INSERT INTO run_tag_events VALUES(2,2,'stage','a',NULL,'fixture',1796133278823);
INSERT INTO run_tag_events VALUES(3,2,'stage','b','a','fixture',1796133278955);
INSERT INTO run_tag_events VALUES(4,2,'owner','ana',NULL,'fixture',1796133279036);
INSERT INTO run_tag_events VALUES(5,2,'priority','high',NULL,'fixture',1796133279036);
CREATE TABLE experiment_tag_events (
  id INTEGER PRIMARY KEY,
  experiment_id INTEGER NOT NULL REFERENCES experiments(id),
  key TEXT NOT NULL,
  value TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
INSERT INTO experiment_tag_events VALUES(1,3,'owner','risk','fixture',1796133334539);
CREATE TABLE mlflow_files (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  digest TEXT NOT NULL CHECK (digest GLOB 'sha256:*'),
  size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
  artifact_id INTEGER REFERENCES artifacts(id),
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
INSERT INTO mlflow_files VALUES(1,'2/6bbfd14bb028d285483812999801ffe8/artifacts/notes.txt','sha256:e9942e38476dcaa925d1fb300616e3e9d21017a70d0d0973aa0a1e56b8f9b6a4',15,3,1796133279288,'fixture');
INSERT INTO mlflow_files VALUES(2,'2/6bbfd14bb028d285483812999801ffe8/artifacts/model/MLmodel','sha256:14f9efd2a3039f6fd2a95f6c497ca84aacf5d0528b760e2656f6a66dc4eda727',33,4,1796133279388,'fixture');
INSERT INTO mlflow_files VALUES(3,'2/6bbfd14bb028d285483812999801ffe8/artifacts/model/weights.bin','sha256:785b0751fc2c53dc14a4ce3d800e69ef9ce1009eb327ccf458afe09c242c26c9',1024,5,1796133279632,'fixture');
INSERT INTO mlflow_files VALUES(4,'2/6bbfd14bb028d285483812999801ffe8/artifacts/texts/a.txt','sha256:b94f6f125c79e3a5ffaa826f584c10d52ada669e6762051b826b55776d05aed2',9,6,1796133279747,'fixture');
INSERT INTO mlflow_files VALUES(5,'2/6bbfd14bb028d285483812999801ffe8/artifacts/config.json','sha256:2c2ee484b6273f2843ec465f323586b732b13f0db152621258a1e52f3fac3917',29,7,1796133279880,'fixture');
INSERT INTO mlflow_files VALUES(6,'2/models/m-4d3b80257600e82436320782647ba5a8/artifacts/MLmodel','sha256:ad942d350eec80cccc096bc93a5129dd176a2c0066d99af3b25cb8b429f8c7db',31,NULL,1796133283219,'fixture');
INSERT INTO mlflow_files VALUES(7,'2/models/m-4d3b80257600e82436320782647ba5a8/artifacts/model.pkl','sha256:defd9fde202bfca1d1c5234dda8451b7392c429ef226d8c944a4fbbe0ba6bdde',9,NULL,1796133283336,'fixture');
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
INSERT INTO logged_models VALUES(1,'m-4d3b80257600e82436320782647ba5a8',2,'model',2,NULL,'{"lr":"0.01"}',1796133282901,'fixture');
CREATE TABLE logged_model_finalizations (
  logged_model_id INTEGER PRIMARY KEY REFERENCES logged_models(id),
  status TEXT NOT NULL CHECK (status IN ('LOGGED_MODEL_READY', 'LOGGED_MODEL_UPLOAD_FAILED')),
  artifact_id INTEGER REFERENCES artifacts(id),
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
INSERT INTO logged_model_finalizations VALUES(1,'LOGGED_MODEL_READY',13,'fixture',1796133283496);
CREATE TABLE logged_model_tag_events (
  id INTEGER PRIMARY KEY,
  logged_model_id INTEGER NOT NULL REFERENCES logged_models(id),
  key TEXT NOT NULL,
  value TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
INSERT INTO logged_model_tag_events VALUES(1,1,'mlflow.modelVersions','[{"name": "fraud-model", "version": "2"}]','fixture',1796133284039);
CREATE TABLE run_logged_model_outputs (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  logged_model_id INTEGER NOT NULL REFERENCES logged_models(id),
  step INTEGER NOT NULL,
  PRIMARY KEY (run_id, logged_model_id)
) STRICT, WITHOUT ROWID;
INSERT INTO run_logged_model_outputs VALUES(2,1,3);
CREATE TABLE run_input_tags (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  dataset_version_id INTEGER NOT NULL REFERENCES dataset_versions(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (run_id, dataset_version_id, key)
) STRICT, WITHOUT ROWID;
INSERT INTO run_input_tags VALUES(2,8,'mlflow.data.context','training');
CREATE TABLE model_metadata_events (
  id INTEGER PRIMARY KEY,
  model_id INTEGER NOT NULL REFERENCES models(id),
  key TEXT,
  value TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
INSERT INTO model_metadata_events VALUES(1,2,NULL,'first words','fixture',1796133334701);
INSERT INTO model_metadata_events VALUES(2,2,'tier','1','fixture',1796133334701);
CREATE TABLE model_version_sources (
  model_version_id INTEGER PRIMARY KEY REFERENCES model_versions(id),
  source TEXT NOT NULL,
  run_link TEXT,
  logged_model_id INTEGER REFERENCES logged_models(id)
) STRICT;
INSERT INTO model_version_sources VALUES(11,'mlflow-artifacts:/2/6bbfd14bb028d285483812999801ffe8/artifacts/model',NULL,NULL);
INSERT INTO model_version_sources VALUES(14,'models:/m-4d3b80257600e82436320782647ba5a8',NULL,1);
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
INSERT INTO ol_events VALUES(1,'sha256:3f06bbdecdfa5ad4d1617e14c51be606ae175b7caa437361f6c88a68a8cf09fe','run','COMPLETE',1795860000000,1796133343822,15,'https://example.com/producer',X'7b226576656e7454797065223a2022434f4d504c455445222c20226576656e7454696d65223a2022323032362d31312d32385431303a30303a30305a222c202272756e223a207b2272756e4964223a202230313930653564362d376331612d376533622d396630302d303132333435363738396162227d2c20226a6f62223a207b226e616d657370616365223a2022616972666c6f77222c20226e616d65223a2022636c65616e5f7478227d2c2022696e70757473223a205b7b226e616d657370616365223a202273333a2f2f6c616b65222c20226e616d65223a20227261772f74782e637376227d5d2c20226f757470757473223a205b7b226e616d657370616365223a202273333a2f2f6c616b65222c20226e616d65223a2022636c65616e2f74782e70617271756574227d5d2c202270726f6475636572223a202268747470733a2f2f6578616d706c652e636f6d2f70726f6475636572222c2022736368656d6155524c223a202268747470733a2f2f6f70656e6c696e656167652e696f2f737065632f322d302d322f4f70656e4c696e656167652e6a736f6e232f646566696e6974696f6e732f52756e4576656e74227d');
CREATE TABLE ol_datasets (
  dataset_id INTEGER PRIMARY KEY REFERENCES datasets(id),
  namespace TEXT NOT NULL,
  name TEXT NOT NULL,
  uri TEXT NOT NULL,
  UNIQUE (namespace, name)
) STRICT;
INSERT INTO ol_datasets VALUES(2,'s3://lake','raw/tx.csv','s3://lake/raw/tx.csv');
INSERT INTO ol_datasets VALUES(3,'s3://lake','clean/tx.parquet','s3://lake/clean/tx.parquet');
CREATE TABLE ol_runs (
  run_id INTEGER PRIMARY KEY REFERENCES runs(id),
  ol_run_id TEXT NOT NULL UNIQUE,
  job_namespace TEXT NOT NULL,
  job_name TEXT NOT NULL,
  -- 1 when the run existed before its first event (a Pedigree run exported and imported back):
  -- its state then changes only with a START or terminal event.
  adopted INTEGER NOT NULL DEFAULT 0 CHECK (adopted IN (0, 1))
) STRICT;
INSERT INTO ol_runs VALUES(15,'0190e5d6-7c1a-7e3b-9f00-0123456789ab','airflow','clean_tx',0);
CREATE TABLE ol_run_outputs (
  event_id INTEGER NOT NULL REFERENCES ol_events(id),
  run_id INTEGER NOT NULL REFERENCES runs(id),
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  facts TEXT NOT NULL,
  PRIMARY KEY (run_id, dataset_id, event_id)
) STRICT, WITHOUT ROWID;
INSERT INTO ol_run_outputs VALUES(1,15,3,'{}');
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
