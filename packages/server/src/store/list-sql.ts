/**
 * The WHERE of `store.list` in SQL: the filters of `GET /api/escalations` as parameters only,
 * never as text in the statement. The memory store applies the same rules (`list-filter.ts`).
 */
import type { Actor } from '../auth/types.ts';
import type { ListQuery } from '../types.ts';
import { decodeCursor, isoString } from './common.ts';
import { actorColumns } from './sql-rows.ts';

/** `text` as a LIKE pattern that matches it anywhere, its `%`, `_` and `\` only themselves. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function listWhere(query: ListQuery, scope: { createdBy?: Actor; now?: string }) {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.status !== undefined) where.push(`status = ${param(query.status)}`);
  if (query.category !== undefined) where.push(`category = ${param(query.category)}`);
  if (query.taskId !== undefined) where.push(`task_id = ${param(query.taskId)}`);
  if (query.team !== undefined) where.push(`team = ${param(query.team)}`);
  const creator = scope.createdBy && actorColumns(scope.createdBy);
  if (creator) where.push(`created_by_type = ${param(creator[0])} AND created_by_id IS NOT DISTINCT FROM ${param(creator[1])}`);
  if (query.since !== undefined) where.push(`received_at >= ${param(isoString(query.since))}::timestamptz`);
  if (query.assignee === 'none') where.push('assignee_id IS NULL');
  else if (query.assignee !== undefined) where.push(`assignee_id = ${param(query.assignee)}`);
  if (query.overdue) {
    const now = `${param(isoString(scope.now ?? new Date()))}::timestamptz`;
    // Waiting on the customer stops the clock (sla/schedule.ts): such an escalation is not overdue.
    where.push(`((status = 'open' AND respond_by < ${now}) OR (status NOT IN ('resolved', 'waiting') AND resolve_by < ${now}))`);
  }
  if (query.q) {
    const q = param(containsPattern(query.q));
    const like = (column: string) => `${column} ILIKE ${q} ESCAPE '\\'`;
    where.push(
      `(${[
        like('task_id'),
        like(`request->>'taskTitle'`),
        like(`request->'customer'->>'name'`),
        like(`request->'customer'->>'accountId'`),
        like(`request->>'notes'`),
        `EXISTS (SELECT 1 FROM escalation_history h WHERE h.escalation_id = escalations.id AND ${like('h.note')})`,
      ].join(' OR ')})`,
    );
  }
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor);
    where.push(`(respond_by, id) > (${param(after.respondBy)}::timestamptz, ${param(after.id)}::text COLLATE "C")`);
  }
  return { where, params, param };
}
