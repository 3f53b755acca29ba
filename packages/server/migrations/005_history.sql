-- Rules for change (docs/architecture.md#server): the status "waiting" (on the customer), who sent
-- each escalation, and a history of every change of status and every note in a table of its own,
-- append-only: a trigger refuses any UPDATE, DELETE or TRUNCATE of it.

ALTER TABLE escalations DROP CONSTRAINT escalations_status_check;
ALTER TABLE escalations ADD CONSTRAINT escalations_status_check CHECK (status IN ('open', 'contacted', 'waiting', 'resolved'));

-- The key or user that sent it (an agent reads only its own). NULL on older rows and with auth off.
ALTER TABLE escalations ADD COLUMN created_by_type text NULL CHECK (created_by_type IN ('user', 'key', 'anonymous'));
ALTER TABLE escalations ADD COLUMN created_by_id text NULL;
ALTER TABLE escalations ADD COLUMN created_by_label text NULL;
CREATE INDEX escalations_created_by_idx ON escalations (created_by_type, created_by_id, respond_by, id);

CREATE TABLE escalation_history (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  escalation_id text COLLATE "C" NOT NULL REFERENCES escalations (id),
  at timestamptz NOT NULL,
  -- NULL on changes recorded before this migration, which did not keep it.
  from_status text NULL CHECK (from_status IN ('open', 'contacted', 'waiting', 'resolved')),
  to_status text NOT NULL CHECK (to_status IN ('open', 'contacted', 'waiting', 'resolved')),
  note text NULL,
  -- Who: a user (id, e-mail), a key (id, name), or anonymous (auth off, or before this migration).
  actor_type text NOT NULL CHECK (actor_type IN ('user', 'key', 'anonymous')),
  actor_id text NULL,
  actor_label text NOT NULL
);
CREATE INDEX escalation_history_escalation_idx ON escalation_history (escalation_id, seq);

-- The history kept so far, in order, said nothing of who made the changes.
INSERT INTO escalation_history (escalation_id, at, from_status, to_status, note, actor_type, actor_id, actor_label)
SELECT e.id, (h.entry ->> 'at')::timestamptz, NULL, h.entry ->> 'status', h.entry ->> 'note', 'anonymous', NULL,
       'before the history recorded who'
FROM escalations e, jsonb_array_elements(e.history) WITH ORDINALITY AS h (entry, n)
ORDER BY e.id, h.n;
ALTER TABLE escalations DROP COLUMN history;

CREATE FUNCTION escalation_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'escalation_history is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER escalation_history_no_update_delete BEFORE UPDATE OR DELETE ON escalation_history
  FOR EACH ROW EXECUTE FUNCTION escalation_history_append_only();
CREATE TRIGGER escalation_history_no_truncate BEFORE TRUNCATE ON escalation_history
  FOR EACH STATEMENT EXECUTE FUNCTION escalation_history_append_only();
