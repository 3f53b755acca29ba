/**
 * The filters of `store.list` for the memory store, the same rules as the SQL stores'
 * (`list-sql.ts`): the contract tests hold every store to the same answers.
 */
import type { Actor } from '../auth/types.ts';
import type { ListQuery, StoredEscalation } from '../types.ts';

/** The same key or user (the SQL stores compare type and id the same way). */
function sameActor(a: Actor | undefined, b: Actor): boolean {
  if (!a || a.type === 'anonymous' || b.type === 'anonymous') return a?.type === b.type;
  if (a.type !== b.type) return false;
  return ('id' in a ? a.id : undefined) === ('id' in b ? b.id : undefined);
}

/**
 * Lower case as PostgreSQL's ILIKE folds under the C locale PGlite and most servers' defaults
 * give: ASCII letters only, so memory and the databases agree (letters beyond ASCII then match
 * only as typed; a database with another locale may fold more).
 */
const fold = (text: string) => text.replace(/[A-Z]+/g, (s) => s.toLowerCase());

/** Whether the free text `q` occurs in what `q=` searches (types.ts: `listQuerySchema.q`). */
function mentions(record: StoredEscalation, q: string): boolean {
  const needle = fold(q);
  const { request } = record;
  const haystacks = [
    request.taskId,
    request.taskTitle,
    request.customer?.name,
    request.customer?.accountId,
    request.notes,
    ...record.history.map((h) => h.note),
  ];
  return haystacks.some((text) => text !== undefined && fold(text).includes(needle));
}

/** Overdue at `now`: still open past its respond-by, or not resolved past its resolve-by. */
export function isOverdue(record: StoredEscalation, now: number): boolean {
  if (record.status === 'open' && Date.parse(record.respondBy) < now) return true;
  // Waiting on the customer stops the clock (sla/schedule.ts): such an escalation is not overdue.
  const running = record.status !== 'resolved' && record.status !== 'waiting';
  return running && record.resolveBy !== undefined && Date.parse(record.resolveBy) < now;
}

/** Whether `record` passes every filter of `query` (the cursor and `since` apart) and `scope`. */
export function matchesList(record: StoredEscalation, query: ListQuery, scope: { createdBy?: Actor; now?: string }): boolean {
  return (
    (query.status === undefined || record.status === query.status) &&
    (query.taskId === undefined || record.request.taskId === query.taskId) &&
    (query.category === undefined || record.request.category === query.category) &&
    (query.team === undefined || record.team === query.team) &&
    (scope.createdBy === undefined || sameActor(record.createdBy, scope.createdBy)) &&
    (query.assignee === undefined || (query.assignee === 'none' ? !record.assignee : record.assignee?.id === query.assignee)) &&
    (!query.overdue || isOverdue(record, Date.parse(scope.now ?? new Date().toISOString()))) &&
    (!query.q || mentions(record, query.q))
  );
}
