/**
 * The history of escalations in its own append-only table (migrations/005_history.sql): every
 * change of status and every note, with who made it. Rows are only ever inserted.
 */
import { historyEntry, type EscalationStatus, type HistoryChange, type HistoryEntry } from '../status.ts';
import type { StoredEscalation } from '../types.ts';
import { isoString } from './common.ts';
import type { Actor } from '../auth/types.ts';
import type { SqlDatabase, SqlSession } from './sql-database.ts';
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
}

export async function appendHistory(tx: SqlSession, escalationId: string, change: HistoryChange): Promise<void> {
  await tx.query(
    `INSERT INTO escalation_history (escalation_id, at, from_status, to_status, note, actor_type, actor_id, actor_label)
     VALUES ($1, $2::timestamptz, $3, $4, $5, $6, $7, $8)`,
    [escalationId, isoString(change.at), change.from ?? null, change.to, change.note ?? null, ...actorColumns(change.actor)],
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
export function changeStatus(db: SqlDatabase, id: string, change: HistoryChange & { from: EscalationStatus }) {
  return db.transaction(async (tx) => {
    const updated = await tx.query<EscalationRow>('UPDATE escalations SET status = $3 WHERE id = $1 AND status = $2 RETURNING *', [
      id,
      change.from,
      change.to,
    ]);
    if (updated.rows[0]) {
      await appendHistory(tx, id, change);
      return { record: await oneWithHistory(tx, updated.rows[0]), changed: true };
    }
    const current = await tx.query<EscalationRow>('SELECT * FROM escalations WHERE id = $1', [id]);
    return current.rows[0] && { record: await oneWithHistory(tx, current.rows[0]), changed: false };
  });
}

/** `EscalationStore.addNote` in SQL: the row is locked so the note records the status it was written in. */
export function addNote(db: SqlDatabase, id: string, { note, at, actor }: { note: string; at: string; actor: Actor }) {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<EscalationRow>('SELECT * FROM escalations WHERE id = $1 FOR UPDATE', [id]);
    const row = rows[0];
    if (!row) return undefined;
    await appendHistory(tx, id, { from: row.status, to: row.status, note, at, actor });
    return oneWithHistory(tx, row);
  });
}
