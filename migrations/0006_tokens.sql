-- Pedigree schema, version 6: API tokens for `pedigree serve`.
--
-- A token is created once (its name, role, expiry and the SHA-256 of its secret; never the
-- secret) and revoked at most once, by a row in token_revocations. Both tables are append-only:
-- a token in force is one without a revocation whose expiry has not passed. A name can be used
-- again once its token is revoked (the partial unique index allows one token in force per name).

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

-- One revocation per token; `tokens.revoked` mirrors it so that the index below can say "one
-- token in force per name" (the trigger allows that one change and no other).
CREATE TABLE token_revocations (
  token_id INTEGER PRIMARY KEY REFERENCES tokens(id),
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;

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
