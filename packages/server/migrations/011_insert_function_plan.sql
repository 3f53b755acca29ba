-- escalate_kit_insert_new (migration 009) with its read planned once per connection instead of
-- at every call. 009 ran the read through EXECUTE, planned anew each time, because a plan kept
-- from when the table was small may scan it whole, and PGlite never gathers the statistics that
-- would have it planned again; that planning was about a tenth of PostgreSQL's CPU per
-- escalation. The function now runs with sequential scans off, so whatever the table's size when
-- the plan is made, it reads by the primary key and the task index, and with generic plans only:
-- left to choose, PostgreSQL kept making a custom plan of each statement at every call. The rest
-- is 009's.
CREATE OR REPLACE FUNCTION escalate_kit_insert_new(batch jsonb, channel text, payloads text[]) RETURNS SETOF text
LANGUAGE plpgsql
SET enable_seqscan = off
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  ids text[];
  tasks text[];
  inserted text[];
  held boolean;
BEGIN
  SELECT array_agg(e->>'id'), array_agg(e->>'taskId') INTO ids, tasks FROM jsonb_array_elements(batch) AS e;
  -- The key's first half is insert-sql.ts's TASK_LOCK: batches of either path exclude each other.
  PERFORM pg_advisory_xact_lock(72384, h) FROM (SELECT DISTINCT hashtext(t) AS h FROM unnest(tasks) AS t ORDER BY h) AS locks;
  -- A statement of its own after the locks: a volatile function's statements each take a fresh
  -- snapshot, so this one sees what the holders of those locks committed. Materialized, as in
  -- insert-sql.ts: planned for all its rows (index scans), not as an EXISTS hoping to stop early.
  WITH found AS MATERIALIZED (
    SELECT FROM escalations WHERE id = ANY(ids) OR (task_id = ANY(tasks) AND status <> 'resolved')
  ) SELECT EXISTS (SELECT FROM found) INTO held;
  IF held THEN
    RETURN;
  END IF;
  WITH ins AS (
    INSERT INTO escalations (id, request, body_hash, task_id, category, urgency, team, respond_by, received_at,
      notification_next_attempt_at, notification_message_id, resolve_by, decision, created_by_type, created_by_id, created_by_label)
    SELECT e->>'id', e->'request', e->>'bodyHash', e->>'taskId', e->>'category', e->>'urgency', e->>'team',
      (e->>'respondBy')::timestamptz, (e->>'receivedAt')::timestamptz, (e->>'leaseUntil')::timestamptz, e->>'messageId',
      (e->>'resolveBy')::timestamptz, NULLIF(e->'decision', 'null'::jsonb), e->>'createdByType', e->>'createdById', e->>'createdByLabel'
    FROM jsonb_array_elements(batch) WITH ORDINALITY AS t (e, n)
    ORDER BY n
    ON CONFLICT (id) DO NOTHING
    RETURNING escalations.id
  )
  SELECT coalesce(array_agg(ins.id), '{}') INTO inserted FROM ins;
  IF channel IS NOT NULL THEN
    PERFORM pg_notify(channel, p.payload) FROM unnest(ids, payloads) AS p (id, payload) WHERE p.id = ANY(inserted);
  END IF;
  RETURN QUERY SELECT unnest(inserted);
END
$$;
