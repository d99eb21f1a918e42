set -e
P=/tmp/pedigree-v3
D=/tmp/fx/reg.db
export PEDIGREE_ACTOR=fixture
$P init --db $D >/dev/null
cat > r1.json <<'J'
{"run_id": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "experiment": "fx", "name": "edge-values", "status": "finished",
 "started_at": "2026-11-28T10:00:00Z", "ended_at": "2026-11-28T10:42:00Z",
 "code": {"git_commit": "9f2c1e7"}, "params": {"lr": "0.01", "depth": "6"},
 "metrics": {"loss": [[0, 0.71], [1, 0.52], [2, "NaN"], [3, "Infinity"], [4, "-Infinity"], [5, -0.0], [6, 0.0],
                      [7, 5e-324], [8, 1.7976931348623157e308], [2, 0.44], [2, 0.44, "2026-11-28T10:01:00Z"],
                      [9, 0.1, "2026-11-28T09:00:00Z"], [9, 0.1], [9, 0.30000000000000004]],
             "auc": 0.931, "dup": [[0, 1.0], [0, 1.0], [1, 2.0], [0, "NaN"], [0, 0.0]],
             "val loss/x:y": [[3, 1.5], [1, 2.5]]},
 "inputs": [{"dataset": {"name": "tx", "uri": "s3://b/tx.parquet", "digest": "sha256:1111111111111111111111111111111111111111111111111111111111111111"}}],
 "outputs": [{"artifact": {"name": "model.onnx", "uri": "file:///m/a.onnx", "digest": "sha256:2222222222222222222222222222222222222222222222222222222222222222", "size": 10}}],
 "register": {"model": "fx-model", "artifact": "model.onnx", "alias": "production"},
 "tags": {"team": "risk"}}
J
$P run record r1.json --db $D >/dev/null
RUN=$($P run start --experiment fx --name logged --param opt=adam --db $D)
$P run log $RUN --metric loss=0.9@0 --metric loss=0.8@1 --metric acc=0.5@0 --db $D >/dev/null
$P run log $RUN --metric loss=0.9@0 --db $D >/dev/null || true
$P run log $RUN --metric loss=0.7@2 --metric loss=NaN@3 --metric acc=-inf@1 --db $D >/dev/null || $P run log $RUN --metric loss=0.7@2 --db $D
$P run log $RUN --metric loss=0.85@1 --db $D >/dev/null
$P run log $RUN --metric loss=0.75@1 --metric acc=0.6@0 --db $D >/dev/null
$P run end $RUN --db $D >/dev/null
echo $RUN > logged.id
python3 - <<'PY'
import json
keys = [f"big{k}" for k in range(10)]
m = {k: [[s, (s % 1000) * 0.125 + i] for s in range(20000)] for i, k in enumerate(keys)}
doc = {"run_id": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "experiment": "fx", "name": "big", "status": "finished",
       "started_at": "2026-11-29T10:00:00Z", "ended_at": "2026-11-29T11:00:00Z", "params": {"n": "200000"},
       "metrics": m}
open("/tmp/fx/big.json", "w").write(json.dumps(doc))
PY
$P run record big.json --db $D >/dev/null
$P db check --db $D
for r in aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa $RUN bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb; do $P run metrics $r --format json --db $D > metrics-$r.json; done
