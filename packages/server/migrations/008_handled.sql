-- Tasks agents handled without escalating (POST /api/handled): the denominator of the escalation
-- rate (docs/policy.md#metrics). Idempotent by id like escalations: a replay with another body is
-- a conflict (409), told apart by body_hash.

CREATE TABLE handled_reports (
  -- COLLATE "C": ids compare byte by byte, as in JavaScript and in the escalations table.
  id text COLLATE "C" PRIMARY KEY,
  -- sha256 of the canonical report as parsed.
  body_hash text NOT NULL,
  task_id text NOT NULL,
  agent_id text NOT NULL,
  -- The day the agent started, from the host: their experience, for the healthy range. NULL when not sent.
  agent_started_on date NULL,
  handled_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  -- The key or user that sent it. NULL with auth off.
  created_by_type text NULL CHECK (created_by_type IN ('user', 'key', 'anonymous')),
  created_by_id text NULL,
  created_by_label text NULL
);

-- The metrics read a range of days.
CREATE INDEX handled_reports_handled_at_idx ON handled_reports (handled_at);
