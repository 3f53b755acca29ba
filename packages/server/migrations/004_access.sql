-- Who may use the API (docs/architecture.md#security): people who sign in, API keys for hosts,
-- the sessions of signed-in people and the failed sign-ins that lock an account or address out.
-- Secrets are only ever stored as hashes.

CREATE TABLE users (
  id text COLLATE "C" PRIMARY KEY,
  -- Lower case, so one address is one account however it is typed.
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('agent', 'member', 'lead')),
  -- pbkdf2-sha256$<iterations>$<salt>$<hash> (src/auth/password.ts).
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE api_keys (
  -- The <id> of ek_<id>_<secret>.
  id text COLLATE "C" PRIMARY KEY,
  name text NOT NULL,
  -- SHA-256 of the 32-byte random secret.
  secret_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  -- Revoked keys stay, so the key ids in the history still name something.
  revoked_at timestamptz
);

CREATE TABLE sessions (
  -- SHA-256 of the session id: a copy of this table signs nobody in.
  id_hash text COLLATE "C" PRIMARY KEY,
  user_id text COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);
CREATE INDEX sessions_last_seen_at_idx ON sessions (last_seen_at);

-- Failed sign-ins per account and per address, under hashed keys.
CREATE TABLE login_throttle (
  key text COLLATE "C" PRIMARY KEY,
  failures integer NOT NULL,
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz
);
