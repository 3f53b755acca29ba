/**
 * The history of escalations in its own append-only table (migrations/005_history.sql): every
 * change of status, every note and every change of owner (006_ownership.sql), with who made it.
 * Rows are only ever inserted; each change publishes its live event in its transaction.
 */
import { historyEntry, type EscalationStatus, type HistoryChange, type HistoryEntry } from '../status.ts';
import type { StoredEscalation } from '../types.ts';
import { isoString } from './common.ts';
import type { Actor } from '../auth/types.ts';
import { liveEvent } from '../live/event.ts';
import type { SqlSession } from './sql-database.ts';
import type { Transact } from './sql-live.ts';
import { actorColumns, toActor, toRecord, type EscalationRow } from './sql-rows.ts';

interface HistoryRow {
  escalation_id: string;
  at: Date | string;
  from_status: EscalationStatus | null;
  to_status: EscalationStatus;
  note: string | null;
  actor_type: 'user' | 'key' | 'anonymous';
  actor_id: string | null;
  actor_label: string;
  /** Absent before migration 006. */
  sets_assignee?: boolean;
  assignee_id?: string | null;
  assignee_name?: string | null;
}

export async function appendHistory(tx: SqlSession, escalationId: string, change: HistoryChange): Promise<void> {
  await tx.query(
    `INSERT INTO escalation_history (escalation_id, at, from_status, to_status, note, actor_type, actor_id, actor_label,
       sets_assignee, assignee_id, assignee_name)
     VALUES ($1, $2::timestamptz, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      escalationId,
      isoString(change.at),
      change.from ?? null,
      change.to,
      change.note ?? null,
      ...actorColumns(change.actor),
      change.assignee !== undefined,
      change.assignee?.id ?? null,
      change.assignee?.name ?? null,
    ],
  );
}

/** The history of each escalation, oldest first, in one query. */
async function historiesOf(db: SqlSession, ids: string[]): Promise<Map<string, HistoryEntry[]>> {
  const byId = new Map<string, HistoryEntry[]>(ids.map((id) => [id, []]));
  if (!ids.length) return byId;
  const { rows } = await db.query<HistoryRow>(
    'SELECT * FROM escalation_history WHERE escalation_id = ANY($1::text[]) ORDER BY escalation_id, seq',
    [ids],
  );
  for (const r of rows) {
    byId.get(r.escalation_id)?.push(
      historyEntry({
        ...(r.from_status !== null && { from: r.from_status }),
        to: r.to_status,
        ...(r.note !== null && { note: r.note }),
        ...(r.sets_assignee === true && {
          assignee: r.assignee_id === null || r.assignee_id === undefined ? null : { id: r.assignee_id, name: r.assignee_name ?? '' },
        }),
        at: isoString(r.at),
        actor: toActor(r.actor_type, r.actor_id, r.actor_label),
      }),
    );
  }
  return byId;
}

/** Rows of `escalations` as records, each with its history. */
export async function withHistory(db: SqlSession, rows: EscalationRow[]): Promise<StoredEscalation[]> {
  const histories = await historiesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toRecord(r, histories.get(r.id) ?? []));
}

export async function oneWithHistory(db: SqlSession, row: EscalationRow): Promise<StoredEscalation> {
  return (await withHistory(db, [row]))[0]!;
}

/** `EscalationStore.changeStatus` in SQL: the compare-and-set of the status and its history row, in one transaction. */
export function changeStatus(transact: Transact, id: string, change: HistoryChange & { from: EscalationStatus }) {
  return transact(async (tx, emit) => {
    const updated = await tx.query<EscalationRow>('UPDATE escalations SET status = $3 WHERE id = $1 AND status = $2 RETURNING *', [
      id,
      change.from,
      change.to,
    ]);
    if (updated.rows[0]) {
      await appendHistory(tx, id, change);
      const record = await oneWithHistory(tx, updated.rows[0]);
      await emit(liveEvent('escalation.changed', record, change.at, 'status'));
      return { record, changed: true };
    }
    const current = await tx.query<EscalationRow>('SELECT * FROM escalations WHERE id = $1', [id]);
    return current.rows[0] && { record: await oneWithHistory(tx, current.rows[0]), changed: false };
  });
}

/** `EscalationStore.addNote` in SQL: the row is locked so the note records the status it was written in. */
export function addNote(transact: Transact, id: string, { note, at, actor }: { note: string; at: string; actor: Actor }) {
  return transact(async (tx, emit) => {
    const { rows } = await tx.query<EscalationRow>('SELECT * FROM escalations WHERE id = $1 FOR UPDATE', [id]);
    const row = rows[0];
    if (!row) return undefined;
    await appendHistory(tx, id, { from: row.status, to: row.status, note, at, actor });
    const record = await oneWithHistory(tx, row);
    await emit(liveEvent('escalation.changed', record, at, 'note'));
    return record;
  });
}
