-- Pedigree schema, version 5: metric histories in append-only chunks.
--
--   * `metric_chunks`: each write of a run's metric (a `run record`, a `run log`, one MLflow
--     `log-batch`) appends one row per key holding that write's points (one per 8,192 points of a
--     larger write), never changed. `points` is a BLOB: a format byte (1), then per point, in
--     step order (then time, then value), the step and the time in milliseconds as zigzag varints
--     of their difference from the previous point's (the first from 0) and the value as its
--     8-byte little-endian IEEE 754 bit pattern, so NaN, ±Infinity and -0.0 read back exactly.
--     `count`, `min_step` and `max_step` describe the points, and `db check`'s run content
--     digests cover them. A history is the merge of its chunks in step order.
--   * The row-per-point `metrics` table and its `metric_points` view are converted into chunks
--     (one per run and key, in the same transaction) and dropped. `latest_metrics` is unchanged.
--   * To read points with the sqlite3 shell, ask Pedigree for them:
--     `pedigree run metrics RUN --format csv`. Per run and key, the shell sees how many points
--     there are and their steps:
--       SELECT r.uuid, k.key, sum(c.count), min(c.min_step), max(c.max_step)
--       FROM metric_chunks c JOIN runs r ON r.id = c.run_id JOIN metric_keys k ON k.id = c.key_id
--       GROUP BY c.run_id, c.key_id;

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

CREATE INDEX metric_chunks_by_key ON metric_chunks(run_id, key_id, min_step, max_step);

CREATE TRIGGER metric_chunks_no_update BEFORE UPDATE ON metric_chunks
BEGIN SELECT RAISE(ABORT, 'metric history is append-only'); END;
CREATE TRIGGER metric_chunks_no_delete BEFORE DELETE ON metric_chunks
BEGIN SELECT RAISE(ABORT, 'metric history is append-only'); END;

-- pedigree:convert metric_rows_to_chunks

DROP VIEW metric_points;
DROP TABLE metrics;
