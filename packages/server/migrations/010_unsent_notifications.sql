-- The e-mails not yet sent, listed in a narrow table of their own instead of a partial index of
-- escalations. The partial index named notification_state in its predicate, so the worker's
-- "sent" UPDATE changed an indexed column: PostgreSQL wrote a whole new row and an entry in every
-- one of the table's 11 indexes for each escalation e-mailed. Without it no index covers a
-- notification column, and with room left on each page (fillfactor) that UPDATE is a HOT one: the
-- new row version goes on the same page and no index is touched.
--
-- A row is here while its escalation's notification_state is not 'sent' (the escalation's own
-- columns stay the truth): a trigger adds every escalation inserted, whichever way (the store's
-- two insert paths, an import by hand), and the store's notification write removes it once sent
-- (packages/server/src/store/notification-sql.ts).

-- Servers already running (a rolling deploy) keep inserting while this runs: none may commit an
-- escalation between the copy below and the trigger, or it would never be listed. Every write to
-- escalations waits until this migration commits (the index it drops needs this lock anyway);
-- after 10 s of waiting for the lock itself the migration fails and is tried at the next start,
-- instead of holding every request behind a long reader.
SET LOCAL lock_timeout = '10s';
LOCK TABLE escalations IN ACCESS EXCLUSIVE MODE;

CREATE TABLE notifications_unsent (
  escalation_id text COLLATE "C" PRIMARY KEY,
  -- The escalation's, so the retry timer takes the oldest first without reading escalations.
  received_at timestamptz NOT NULL
);
CREATE INDEX notifications_unsent_received_at_idx ON notifications_unsent (received_at, escalation_id);

INSERT INTO notifications_unsent (escalation_id, received_at)
  SELECT id, received_at FROM escalations WHERE notification_state <> 'sent';

-- One statement-level trigger per INSERT statement (a batch of escalations is one statement).
CREATE FUNCTION escalate_kit_list_unsent() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO notifications_unsent (escalation_id, received_at)
    SELECT id, received_at FROM inserted WHERE notification_state <> 'sent'
    ON CONFLICT (escalation_id) DO NOTHING;
  RETURN NULL;
END
$$;
-- The function finds the list in the schema migrated now, whatever the search_path of whoever
-- inserts (an import into this schema from a session of another).
DO $$
BEGIN
  EXECUTE format('ALTER FUNCTION escalate_kit_list_unsent() SET search_path = %I', current_schema());
END
$$;
CREATE TRIGGER escalations_list_unsent AFTER INSERT ON escalations
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION escalate_kit_list_unsent();

DROP INDEX escalations_notification_due_idx;

-- A row is ~1.3 kB (its request as JSONB); 8 kB pages kept a quarter free hold its second version.
-- Applies to pages written from now on.
ALTER TABLE escalations SET (fillfactor = 75);
