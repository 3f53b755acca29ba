/** `EscalationStore.assign` in SQL: the compare-and-set of the owner and its history row, in one transaction (migrations/006_ownership.sql). */
import { historyAssignee, type AssigneeChange } from '../assignee.ts';
import { liveEvent } from '../live/event.ts';
import { appendHistory, oneWithHistory } from './history-sql.ts';
import type { Transact } from './sql-live.ts';
import type { EscalationRow } from './sql-rows.ts';

export function assign(transact: Transact, id: string, change: AssigneeChange) {
  return transact(async (tx, emit) => {
    const { to } = change;
    const updated = await tx.query<EscalationRow>(
      `UPDATE escalations SET assignee_id = $3, assignee_name = $4, assignee_email = $5
       WHERE id = $1 AND assignee_id IS NOT DISTINCT FROM $2::text RETURNING *`,
      [id, change.from, to?.id ?? null, to?.name ?? null, to?.email ?? null],
    );
    const row = updated.rows[0];
    if (row) {
      // The status stays: the row says so with from = to, like a note.
      await appendHistory(tx, id, { from: row.status, to: row.status, assignee: historyAssignee(to), at: change.at, actor: change.actor });
      const record = await oneWithHistory(tx, row);
      await emit(liveEvent('escalation.changed', record, change.at, 'assignee'));
      return { record, changed: true };
    }
    const current = await tx.query<EscalationRow>('SELECT * FROM escalations WHERE id = $1', [id]);
    return current.rows[0] && { record: await oneWithHistory(tx, current.rows[0]), changed: false };
  });
}
