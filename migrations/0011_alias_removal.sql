-- Pedigree schema, version 11: an alias can be removed.
--
-- MLflow's `DELETE registered-models/alias` and `pedigree model unalias` append an alias event
-- with action `remove` and no target (`to_version_id` NULL): the alias is then absent until it is
-- set again, and its history keeps the removal like any other move. A removal names the version
-- it took the alias off; every other event still names the version it moved onto.
--
-- SQLite cannot alter a CHECK or a NOT NULL in place, so the table is rebuilt inside the
-- migration's transaction, keeping every id (the audit chain's facts name events by id), then
-- 0001's indexes and append-only triggers are recreated with their text unchanged. No table
-- refers to alias_events, so no foreign key is involved.

DROP TRIGGER alias_events_no_update;
DROP TRIGGER alias_events_no_delete;

CREATE TEMP TABLE alias_events_0011 AS SELECT
  id, model_id, alias, action, from_version_id, to_version_id, actor, reason, at
FROM alias_events;

DROP TABLE alias_events;

CREATE TABLE alias_events (
  id INTEGER PRIMARY KEY,
  model_id INTEGER NOT NULL REFERENCES models(id),
  alias TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('promote', 'rollback', 'remove')),
  from_version_id INTEGER REFERENCES model_versions(id),
  to_version_id INTEGER REFERENCES model_versions(id),
  actor TEXT NOT NULL,
  reason TEXT,
  at INTEGER NOT NULL,
  CHECK ((action = 'remove') = (to_version_id IS NULL)),
  CHECK (action != 'remove' OR from_version_id IS NOT NULL)
) STRICT;

INSERT INTO alias_events(
  id, model_id, alias, action, from_version_id, to_version_id, actor, reason, at)
SELECT id, model_id, alias, action, from_version_id, to_version_id, actor, reason, at
FROM alias_events_0011 ORDER BY id;

DROP TABLE alias_events_0011;

CREATE INDEX alias_events_by_alias ON alias_events(model_id, alias, id);
CREATE INDEX alias_events_by_target ON alias_events(to_version_id);

CREATE TRIGGER alias_events_no_update BEFORE UPDATE ON alias_events
BEGIN SELECT RAISE(ABORT, 'alias_events is append-only'); END;
CREATE TRIGGER alias_events_no_delete BEFORE DELETE ON alias_events
BEGIN SELECT RAISE(ABORT, 'alias_events is append-only'); END;
