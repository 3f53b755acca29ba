-- The SLA clock and the closing of the loop (docs/policy.md#follow-up): the level an escalation
-- was raised to at a breach, history rows the clock itself writes (actor 'system'), and one row
-- per escalation and follow-up kind: the claim that makes each reminder, level-up and agent
-- e-mail happen once across servers, and the delivery state of its e-mail (retried like the
-- team's first e-mail, under a lease, with its Message-ID recorded before the first attempt).

-- NULL: the level of the decision. Set only by a breach, one level up at a time.
ALTER TABLE escalations ADD COLUMN level integer NULL;

-- The clock writes the level-ups into the history, as 'system'.
ALTER TABLE escalation_history DROP CONSTRAINT IF EXISTS escalation_history_actor_type_check;
ALTER TABLE escalation_history ADD CONSTRAINT escalation_history_actor_type_check
  CHECK (actor_type IN ('user', 'key', 'anonymous', 'system'));

CREATE TABLE follow_ups (
  escalation_id text COLLATE "C" NOT NULL REFERENCES escalations (id),
  kind text NOT NULL CHECK (kind IN ('respond-reminder', 'respond-breach', 'resolve-reminder', 'resolve-breach',
    'agent-contacted', 'agent-resolved')),
  -- The deadline warned of or passed (moved by the time the clock was stopped), or when the
  -- status changed, for the agent's e-mails.
  due_at timestamptz NOT NULL,
  -- The level at the claim; for a breach, the level it was raised to (the one told to chase).
  level integer NOT NULL,
  created_at timestamptz NOT NULL,
  notification_state text NOT NULL DEFAULT 'pending' CHECK (notification_state IN ('pending', 'sent', 'failed')),
  notification_attempts integer NOT NULL DEFAULT 0,
  notification_last_error text,
  notification_sent_at timestamptz,
  notification_message_id text,
  notification_next_attempt_at timestamptz,
  -- Once per escalation and kind: the claim is this key (INSERT … ON CONFLICT DO NOTHING).
  PRIMARY KEY (escalation_id, kind)
);
-- The retry timer only looks at e-mails not yet sent.
CREATE INDEX follow_ups_due_idx ON follow_ups (notification_next_attempt_at) WHERE notification_state <> 'sent';
-- The clock only looks at escalations whose clock may run, or whose agent may still be told.
CREATE INDEX escalations_unresolved_idx ON escalations (received_at, id) WHERE status <> 'resolved';
