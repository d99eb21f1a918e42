# Makes registry-v9.sql (format-1 chunks): a registry at schema 9 whose metric chunks are format 1, written by
# `pedigree` at commit 1d26d55 (P), for the format-2 reading tests (FormatOneChunkTests).
set -e
P=${P:-/tmp/size/base/pedigree}
D=/tmp/fx9/reg.db
rm -rf /tmp/fx9 && mkdir -p /tmp/fx9 && cd /tmp/fx9
export PEDIGREE_ACTOR=fixture
$P init --db $D >/dev/null
python3 - <<'PY'
import json, math
record = {"run_id": "0123456789abcdef0123456789abcdef", "experiment": "fx", "name": "format-1",
  "status": "finished", "started_at": "2026-11-28T10:00:00Z", "ended_at": "2026-11-28T10:42:00Z",
  "params": {"lr": "0.01"},
  "metrics": {"loss": [[s, 2.3 * math.exp(-s / 25) + 0.1] for s in range(200)],
              "special": [[0, "NaN"], [1, "Infinity"], [2, "-Infinity"], [3, -0.0], [4, 0.0],
                          [10, 5e-324], [11, 1.7976931348623157e308], [11, 0.5, "2026-11-28T09:00:00Z"]],
              "auc": 0.931}}
json.dump(record, open("r1.json", "w"))
PY
$P run record r1.json --db $D >/dev/null
$P run log 0123456789abcdef --metric loss=0.3@4 --metric loss=0.2@1000 --metric special=NaN@7 --db $D >/dev/null
$P run log 0123456789abcdef --metric loss=0.25@4 --metric auc=0.95@1 --db $D >/dev/null
$P run metrics 0123456789abcdef --format csv --db $D > metrics.csv
$P db check --db $D
{ echo "-- A registry written by pedigree at schema 9 (commit 1d26d55) with format-1 metric chunks,"
  echo "-- made by make-registry-v9-chunks.sh, then \`sqlite3 reg.db .dump\` (which leaves out the two pragmas below)."
  echo "PRAGMA application_id = $(sqlite3 $D 'PRAGMA application_id');"
  echo "PRAGMA user_version = $(sqlite3 $D 'PRAGMA user_version');"
  sqlite3 $D .dump; } > registry-v9.sql
