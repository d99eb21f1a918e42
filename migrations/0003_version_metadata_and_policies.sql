-- Pedigree schema, version 3: model version metadata (tags, descriptions) and promotion policies.
--
-- Both are histories, append-only like alias events: the current value of a version's tag, of its
-- description, of a policy, is its latest event. (Independent of 0002: it touches no table that
-- 0002 creates or changes.)

-- Every change of a model version's tag: a value set, or NULL when the tag was unset.
CREATE TABLE model_version_tag_events (
  id INTEGER PRIMARY KEY,
  model_version_id INTEGER NOT NULL REFERENCES model_versions(id),
  key TEXT NOT NULL,
  value TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;

CREATE INDEX model_version_tag_events_by_version ON model_version_tag_events(model_version_id, key, id);
CREATE INDEX model_version_tag_events_by_key ON model_version_tag_events(key, value);

-- The tags each model version has now: the latest event of each (version, key), unless an unset.
CREATE VIEW model_version_tags AS
SELECT t.model_version_id, t.key, t.value
FROM model_version_tag_events t
WHERE t.value IS NOT NULL
  AND t.id = (SELECT max(x.id) FROM model_version_tag_events x
              WHERE x.model_version_id = t.model_version_id AND x.key = t.key);

-- Every change of a model version's description (NULL: cleared). Without an event, the
-- description is the one given at registration (model_versions.description).
CREATE TABLE model_version_description_events (
  id INTEGER PRIMARY KEY,
  model_version_id INTEGER NOT NULL REFERENCES model_versions(id),
  description TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;

CREATE INDEX model_version_description_events_by_version
  ON model_version_description_events(model_version_id, id);

-- Promotion policies: one row per `policy set` or `policy unset` of (pattern, alias). The
-- current policy of a pattern and alias is its latest row, unless an unset; a model's policy for
-- an alias is the latest current policy whose pattern (a name or a GLOB) matches its name.
-- `require_filter` is the filter's canonical text; `require_ast` the parsed filter as JSON,
-- which the writer compiles when it checks a promotion.
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
