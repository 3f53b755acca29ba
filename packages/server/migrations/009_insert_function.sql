-- A batch of new escalations in one call (packages/server/src/store/insert-script-sql.ts): the
-- task locks, a read of what is stored under the batch's ids or open for its tasks, and, only if
-- that finds nothing, the INSERT. A script of those statements did the same, but PostgreSQL had
-- to analyze and plan its INSERT for every batch (about a third of its CPU per escalation); a
-- function's statements are planned once per connection, and the batch arrives as one value.
--
-- `batch` is a JSON array of escalations as `insertable()` writes them; `channel`, when not NULL,
-- is NOTIFYed with `payloads[i]` for each escalation inserted (the live events of PostgreSQL),
-- inside the same transaction. Answers the ids inserted: none when the read found anything (the
-- caller answers the batch through a transaction that reads first), and never an id another
-- server stored meanwhile (ON CONFLICT).
CREATE FUNCTION escalate_kit_insert_new(batch jsonb, channel text, payloads text[]) RETURNS SETOF text
LANGUAGE plpgsql AS $$
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
  -- snapshot, so this one sees what the holders of those locks committed. EXECUTE, so it is
  -- planned at every call for the table as it is: a plan kept from when it was small scans it
  -- whole (PGlite never gathers statistics, which would have the plan made again). Materialized,
  -- as in insert-sql.ts: planned for all its rows (index scans), not as an EXISTS hoping to stop early.
  EXECUTE 'WITH found AS MATERIALIZED (
      SELECT FROM escalations WHERE id = ANY($1) OR (task_id = ANY($2) AND status <> ''resolved'')
    ) SELECT EXISTS (SELECT FROM found)' INTO held USING ids, tasks;
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
