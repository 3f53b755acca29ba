/**
 * A batch of inserts in one round trip, for the common case: every escalation of the batch is
 * new (no id stored, no task with an open escalation, no two of the batch sharing either). The
 * task locks and a guarded INSERT go as one script, one transaction (`SqlDatabase.script`),
 * instead of BEGIN, lock, read, INSERT and COMMIT one after another: on PostgreSQL four round
 * trips fewer, on PGlite four calls into its WebAssembly fewer. Whatever is not plainly new (a
 * replay, a second escalation of a task) makes the guard insert nothing, and the batch goes
 * through `insertMany` (a transaction that reads before it writes) as before.
 *
 * Live events: published after the commit (`SqlLive.afterCommit`, in-process), or, where they
 * go with the transaction (PostgreSQL's NOTIFY, `SqlLive.notifySql`), by the INSERT itself: one
 * notification per row it inserted, made beforehand from what the row will be.
 */
import type { InsertResult, NewEscalation } from '../types.ts';
import { liveEvent, type LiveEvent } from '../live/event.ts';
import { insertable, insertMany, insertSql, lockTasksSql, storedOrOpenSql, type Row } from './insert-sql.ts';
import type { SqlDatabase } from './sql-database.ts';
import type { SqlLive, Transact } from './sql-live.ts';
import { dollarQuote } from './sql-literal.ts';
import { isoString } from './common.ts';
import { newRecord } from './new-record.ts';
import { toJson, toRecord } from './sql-rows.ts';

/**
 * A text[] constant of `texts`. A constant, not an expression the planner cannot see into: PGlite
 * never gathers statistics (no autovacuum), and with an array it can only guess at it scans the
 * whole table instead of the indexes.
 */
const textArray = (texts: string[]) => `ARRAY[${texts.map(dollarQuote).join(', ')}]::text[]`;

/** The event of an escalation once inserted, as `insertMany` publishes it (from the row read back). */
const createdEvent = (e: NewEscalation) => liveEvent('escalation.created', newRecord(e), isoString(e.receivedAt));

/** The INSERT as a CTE `ins`, and a SELECT of its rows notifying each with `notify` (`SqlLive.notifySql`). */
function notifying(insert: string, items: readonly NewEscalation[], notify: (payload: string) => string): string {
  const payloads = items.map((e) => `(${dollarQuote(e.request.id)}, ${dollarQuote(toJson(createdEvent(e)))})`).join(', ');
  return `ins AS (${insert})
    SELECT ins.*, ${notify('p.payload')} AS notified FROM ins JOIN (VALUES ${payloads}) AS p (id, payload) ON p.id = ins.id`;
}

/** The script: the task locks, then (a statement of its own, so it sees what the lock holders committed) the guarded INSERT. */
export function insertScript(items: readonly NewEscalation[], live: SqlLive): string {
  const tasks = textArray(items.map((e) => e.request.taskId));
  const ids = textArray(items.map((e) => e.request.id));
  // What `insertMany` reads, as a query of its own (a materialized CTE is planned for all its
  // rows: index scans). Under EXISTS the planner, which has no statistics on PGlite, expects an
  // early match and came to scan the whole table as it grew.
  const found = `found AS MATERIALIZED (${storedOrOpenSql(ids, tasks, '')})`;
  const insert = insertSql(`${dollarQuote(toJson(items.map(insertable)))}::jsonb`, 'NOT EXISTS (SELECT FROM found)');
  const guarded =
    live.afterCommit || !live.notifySql ? `WITH ${found} ${insert}` : `WITH ${found}, ${notifying(insert, items, live.notifySql)}`;
  return `${lockTasksSql(tasks)};\n${guarded}`;
}

/** Whether two escalations of the batch share an id or a task (their answers depend on each other). */
function sharesAny(items: readonly NewEscalation[]): boolean {
  const ids = new Set(items.map((e) => e.request.id));
  const tasks = new Set(items.map((e) => e.request.taskId));
  return ids.size < items.length || tasks.size < items.length;
}

/**
 * `EscalationStore.insert` for a batch: by script when the database and the live events allow
 * it, the rest (or all, when the guard held it back) by `insertMany`. Answers in the order of `items`.
 */
export function scriptedInserts(db: SqlDatabase, live: SqlLive, transact: Transact) {
  return async (items: readonly NewEscalation[]): Promise<InsertResult[]> => {
    if (!db.script || !(live.afterCommit || live.notifySql) || sharesAny(items)) return insertMany(transact, items);
    const [, inserted] = await db.script(insertScript(items, live));
    const byId = new Map((inserted?.rows as Row[] | undefined)?.map((row) => [row.id, row]));
    const events: LiveEvent[] = [];
    const results: (InsertResult | undefined)[] = items.map((e) => {
      const row = byId.get(e.request.id);
      if (!row) return undefined;
      const record = toRecord(row, []);
      events.push(liveEvent('escalation.created', record, record.receivedAt));
      return { inserted: true, record, bodyHash: row.body_hash };
    });
    for (const event of events) live.committed(event);
    // Held back by the guard (all of them), or an id another server stored meanwhile: answered
    // as if they came just after, which they may have: none shares an id or a task with the rest.
    const rest = items.filter((_, i) => !results[i]);
    if (!rest.length) return results as InsertResult[];
    const answers = await insertMany(transact, rest);
    return results.map((r) => r ?? answers.shift()!);
  };
}
