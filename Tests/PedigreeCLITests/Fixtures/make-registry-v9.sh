# Makes registry-v9-mlflow.sql with pedigree and pedigree-server at schema 9 (main 1d26d55) in
# $P: MLflow's real client writes through `pedigree serve` (training.py, then
# make-registry-v9.py for experiment tags and registered-model metadata), then one OpenLineage
# event is imported. Needs /work/venv/bin/python (mlflow-skinny) and sqlite3.
set -e
P=${P:-/tmp/pv9}
HERE=$(cd "$(dirname "$0")" && pwd)
D=$(mktemp -d)/fx.db
export PEDIGREE_ACTOR=fixture
$P/pedigree init --db $D >/dev/null
$P/pedigree serve --db $D --port 18431 --auth none > /dev/null 2>&1 &
SERVER=$!
sleep 3
export MLFLOW_TRACKING_URI=http://127.0.0.1:18431
/work/venv/bin/python "$HERE/../../PedigreeServerTests/MLflow/Scripts/training.py" > /dev/null
/work/venv/bin/python "$HERE/make-registry-v9.py"
$P/pedigree openlineage import "$HERE/registry-v9-openlineage.json" --db $D > /dev/null
kill $SERVER
$P/pedigree db check --db $D
sqlite3 $D "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
{
  echo "-- A registry written by pedigree at schema 9 (main 1d26d55's debug build): MLflow's own client"
  echo "-- (Tests/PedigreeServerTests/MLflow/Scripts/training.py, then make-registry-v9.py) through"
  echo "-- pedigree serve, and one OpenLineage event; made by make-registry-v9.sh, dumped by sqlite3 .dump."
  echo "PRAGMA application_id = $(sqlite3 $D 'PRAGMA application_id');"
  echo "PRAGMA user_version = 9;"
  sqlite3 $D .dump
} > "$HERE/registry-v9-mlflow.sql"
