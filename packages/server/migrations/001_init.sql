-- The escalations table: the request as received (JSONB) plus the columns the API filters,
-- orders and counts by. Runs unchanged on PGlite and PostgreSQL.

CREATE TABLE escalations (
  -- COLLATE "C": ids compare byte by byte, as in JavaScript, so keyset pagination walks the same
  -- order on every server whatever its locale (en_US would ignore the hyphens of a UUID).
  id text COLLATE "C" PRIMARY KEY,
  request jsonb NOT NULL,
  -- sha256 of the canonical request: a replay with another body is a conflict (409).
  body_hash text NOT NULL,
  task_id text NOT NULL,
  category text NOT NULL,
  urgency text NOT NULL,
  team text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'contacted', 'resolved')),
  respond_by timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  -- [{ status, note?, at }], appended to atomically with ||.
  history jsonb NOT NULL DEFAULT '[]'::jsonb,
  notification_state text NOT NULL DEFAULT 'pending' CHECK (notification_state IN ('pending', 'sent', 'failed')),
  notification_attempts integer NOT NULL DEFAULT 0,
  notification_last_error text,
  notification_sent_at timestamptz,
  notification_message_id text,
  notification_next_attempt_at timestamptz
);

-- The inbox: everything, or one status or category, by due time (keyset pagination).
CREATE INDEX escalations_respond_by_idx ON escalations (respond_by, id);
CREATE INDEX escalations_status_respond_by_idx ON escalations (status, respond_by, id);
CREATE INDEX escalations_category_respond_by_idx ON escalations (category, respond_by, id);
CREATE INDEX escalations_received_at_idx ON escalations (received_at);
-- The retry timer only looks at e-mails not yet sent, a small part of the table.
CREATE INDEX escalations_notification_due_idx ON escalations (received_at) WHERE notification_state <> 'sent';
