/**
 * `EscalationStore.insert` in SQL for many escalations at once, in one transaction of a fixed
 * number of statements whatever their number (`group-commit.ts` gathers them): the task locks,
 * one read of what is already stored under those ids or open for those tasks, one INSERT, and
 * one NOTIFY statement on PostgreSQL. Each escalation gets the answer it would have had alone,
 * taken in the order they came: a replay (same id), a task that already has an open escalation
 * (stored, or earlier in the same batch), or a new row.
 */
import type { InsertResult, NewEscalation } from '../types.ts';
import { isoString } from './common.ts';
import { withHistory } from './history-sql.ts';
import { liveEvent } from '../live/event.ts';
import type { Transact } from './sql-live.ts';
import { actorColumns, toJson, toRecord, type EscalationRow } from './sql-rows.ts';

// The first key of the per-task insert lock (two-key form: `(TASK_LOCK, hashtext(task_id))`), the
// same as one escalation at a time took before: servers of either version exclude each other.
export const TASK_LOCK = 72_384;

export type Row = EscalationRow & { task_id: string };

/** One escalation as the INSERT reads it from a JSON array (one parameter for the whole batch). */
export function insertable(e: NewEscalation) {
  const [createdByType, createdById, createdByLabel] = e.createdBy ? actorColumns(e.createdBy) : [null, null, null];
  return {
    id: e.request.id,
    request: e.request,
    bodyHash: e.bodyHash,
    taskId: e.request.taskId,
    category: e.request.category,
    urgency: e.request.urgency,
    team: e.team,
    respondBy: isoString(e.respondBy),
    receivedAt: isoString(e.receivedAt),
    leaseUntil: e.notificationLeaseUntil === undefined ? null : isoString(e.notificationLeaseUntil),
    messageId: e.notificationMessageId ?? null,
    resolveBy: e.resolveBy === undefined ? null : isoString(e.resolveBy),
    decision: e.decision ?? null,
    createdByType,
    createdById,
    createdByLabel,
  };
}

/**
 * The INSERT of a batch: the JSON array `$1` in its order. Its answer is
 * the rows inserted: an id stored meanwhile by another server is left out. (The same INSERT is
 * in the function of migrations/009_insert_function.sql.)
 */
const INSERT = `INSERT INTO escalations (id, request, body_hash, task_id, category, urgency, team, respond_by, received_at,
    notification_next_attempt_at, notification_message_id, resolve_by, decision, created_by_type, created_by_id, created_by_label)
  SELECT e->>'id', e->'request', e->>'bodyHash', e->>'taskId', e->>'category', e->>'urgency', e->>'team',
    (e->>'respondBy')::timestamptz, (e->>'receivedAt')::timestamptz, (e->>'leaseUntil')::timestamptz, e->>'messageId',
    (e->>'resolveBy')::timestamptz, NULLIF(e->'decision', 'null'::jsonb), e->>'createdByType', e->>'createdById', e->>'createdByLabel'
  FROM jsonb_array_elements($1::text::jsonb) WITH ORDINALITY AS t (e, n)
  ORDER BY n
  ON CONFLICT (id) DO NOTHING
  RETURNING *`;

/** The task locks of a batch (see `insertMany`). */
const LOCK_TASKS = `SELECT pg_advisory_xact_lock(${TASK_LOCK}, h) FROM (SELECT DISTINCT hashtext(t) AS h FROM unnest($1::text[]) AS t ORDER BY h) AS locks`;

/** What a batch must be answered against: the rows stored under its ids, or open for its tasks. */
const STORED_OR_OPEN = `SELECT * FROM escalations WHERE id = ANY($1::text[]) OR (task_id = ANY($2::text[]) AND status <> 'resolved')`;

const time = (v: Date | string) => (typeof v === 'string' ? Date.parse(v) : v.getTime());

/** Inserts `items` in one transaction; the answers are in the order of `items`. */
export function insertMany(transact: Transact, items: readonly NewEscalation[]): Promise<InsertResult[]> {
  return transact(async (tx, emit) => {
    const ids = [...new Set(items.map((e) => e.request.id))];
    const taskIds = [...new Set(items.map((e) => e.request.taskId))];
    // One task at a time across every batch and server: a batch waits here for any other that
    // holds one of its tasks, and then sees what that one stored. The locks are taken in one
    // order everywhere (by key), so two batches never wait for each other round a circle.
    await tx.query(LOCK_TASKS, [taskIds]);
    const { rows: found } = await tx.query<Row>(STORED_OR_OPEN, [ids, taskIds]);
    const byId = new Map<string, Row>();
    const openByTask = new Map<string, Row>();
    for (const row of found) {
      byId.set(row.id, row);
      if (row.status === 'resolved') continue;
      // The task's open escalation is its first (there is only ever one, unless data was imported).
      const first = openByTask.get(row.task_id);
      if (!first || time(row.received_at) < time(first.received_at)) openByTask.set(row.task_id, row);
    }
    const stored = new Map((await withHistory(tx, found)).map((r, i) => [found[i]!.id, r]));

    // Decided in arrival order, each against what is stored and what came before it in the batch.
    type Step = { kind: 'stored'; row: Row; task: boolean } | { kind: 'new' } | { kind: 'earlier'; first: number; task: boolean };
    const plan: Step[] = [];
    const newById = new Map<string, number>();
    const newByTask = new Map<string, number>();
    items.forEach((e, i) => {
      const { id, taskId } = e.request;
      const row = byId.get(id);
      if (row) return plan.push({ kind: 'stored', row, task: false });
      if (newById.has(id)) return plan.push({ kind: 'earlier', first: newById.get(id)!, task: false });
      const open = openByTask.get(taskId);
      if (open) return plan.push({ kind: 'stored', row: open, task: true });
      if (newByTask.has(taskId)) return plan.push({ kind: 'earlier', first: newByTask.get(taskId)!, task: true });
      newById.set(id, i);
      newByTask.set(taskId, i);
      return plan.push({ kind: 'new' });
    });

    const fresh = items.filter((_, i) => plan[i]!.kind === 'new');
    const inserted = new Map<string, Row>();
    if (fresh.length) {
      const { rows } = await tx.query<Row>(INSERT, [toJson(fresh.map(insertable))]);
      for (const row of rows) inserted.set(row.id, row);
    }
    // The unique key still decides between concurrent inserts of one id under different task ids
    // (another server's batch): the loser reads the winner's row, as a replay.
    const lost = fresh.map((e) => e.request.id).filter((id) => !inserted.has(id));
    if (lost.length) {
      const { rows } = await tx.query<Row>('SELECT * FROM escalations WHERE id = ANY($1::text[])', [lost]);
      const records = await withHistory(tx, rows);
      rows.forEach((row, i) => {
        byId.set(row.id, row);
        stored.set(row.id, records[i]!);
      });
    }
    const created = [...inserted.values()].map((row) => toRecord(row, []));
    await emit(...created.map((record) => liveEvent('escalation.created', record, record.receivedAt)));
    const createdById = new Map(created.map((r) => [r.id, r]));

    const results: InsertResult[] = [];
    plan.forEach((step, i) => {
      const { id } = items[i]!.request;
      if (step.kind === 'stored') {
        const result: InsertResult = { inserted: false, record: stored.get(step.row.id)!, bodyHash: step.row.body_hash };
        results.push(step.task ? { ...result, taskAlreadyEscalated: true } : result);
      } else if (step.kind === 'new') {
        const record = createdById.get(id);
        if (record) results.push({ inserted: true, record, bodyHash: inserted.get(id)!.body_hash });
        else {
          const row = byId.get(id);
          if (!row) throw new Error(`Escalation ${id} conflicted on insert but cannot be read`);
          results.push({ inserted: false, record: stored.get(id)!, bodyHash: row.body_hash });
        }
      } else {
        const first = results[step.first]!;
        const answer = { inserted: false, record: structuredClone(first.record), bodyHash: first.bodyHash };
        results.push(step.task && first.inserted ? { ...answer, taskAlreadyEscalated: true } : answer);
      }
    });
    return results;
  });
}
