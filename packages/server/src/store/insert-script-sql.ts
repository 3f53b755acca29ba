/**
 * A batch of inserts in one round trip, for the common case: every escalation of the batch is
 * new (no id stored, no task with an open escalation, no two of the batch sharing either). One
 * call of the database function `escalate_kit_insert_new` (migrations/009_insert_function.sql, its
 * read planned once per connection since 011_insert_function_plan.sql)
 * takes the task locks and makes the guarded INSERT, instead of BEGIN, lock, read, INSERT and
 * COMMIT one after another. It was a script of the locks and the INSERT itself: PostgreSQL
 * analyzed and planned that INSERT for every batch, about a third of its CPU per escalation; a
 * function's statements are planned once per connection, and the batch is one value (a literal
 * or a parameter, see `insertNewScript`). Whatever is not plainly new (a
 * replay, a second escalation of a task) makes the guard insert nothing, and the batch goes
 * through `insertMany` (a transaction that reads before it writes) as before.
 *
 * The records answered are made here (`newRecord`), not read back: the function answers only the
 * ids it inserted. Live events: published after the commit (`SqlLive.afterCommit`, in-process),
 * or, where they go with the transaction (`SqlLive.channel`, PostgreSQL's NOTIFY), by the
 * function, one notification per row it inserted.
 */
import type { InsertResult, NewEscalation } from '../types.ts';
import { liveEvent } from '../live/event.ts';
import { insertable, insertMany } from './insert-sql.ts';
import type { SqlDatabase } from './sql-database.ts';
import type { SqlLive, Transact } from './sql-live.ts';
import { newRecord } from './new-record.ts';
import { dollarQuote } from './sql-literal.ts';
import { toJson } from './sql-rows.ts';

export const INSERT_NEW = 'SELECT escalate_kit_insert_new($1::text::jsonb, $2::text, $3::text[]) AS id';

/**
 * The same call as one statement of literals, where the database runs scripts (`SqlDatabase.script`):
 * on PGlite a query with parameters is six calls into its WebAssembly (parse, describe, bind,
 * describe, execute, sync), a script two. The literals are only lexed: nothing big is planned.
 */
function insertNewScript(batch: string, channel: string | null, payloads: string[]): string {
  const notify = channel === null ? 'NULL, NULL' : `${dollarQuote(channel)}, ARRAY[${payloads.map(dollarQuote).join(', ')}]::text[]`;
  return `SELECT escalate_kit_insert_new(${dollarQuote(batch)}::jsonb, ${notify}) AS id`;
}

/** PostgreSQL's `undefined_function`: a database migrated from a folder of its own, without 009. */
const UNDEFINED_FUNCTION = '42883';

/** Whether two escalations of the batch share an id or a task (their answers depend on each other). */
function sharesAny(items: readonly NewEscalation[]): boolean {
  const ids = new Set(items.map((e) => e.request.id));
  const tasks = new Set(items.map((e) => e.request.taskId));
  return ids.size < items.length || tasks.size < items.length;
}

/**
 * `EscalationStore.insert` for a batch: by one call when the live events allow it, the rest (or
 * all, when the guard held it back) by `insertMany`. Answers in the order of `items`.
 */
export function scriptedInserts(db: SqlDatabase, live: SqlLive, transact: Transact) {
  let noFunction = false;
  return async (items: readonly NewEscalation[]): Promise<InsertResult[]> => {
    if (noFunction || !(live.afterCommit || live.channel !== undefined) || sharesAny(items)) return insertMany(transact, items);
    const batch = toJson(items.map(insertable));
    // The record as a reader of the row would have it: its own copy, in JSON's terms. Its objects
    // (the request, the decision) are read back from the batch's JSON rather than written again.
    const sent = JSON.parse(batch) as { request: NewEscalation['request']; decision: NewEscalation['decision'] | null }[];
    const records = items.map((e, i) =>
      newRecord({
        ...e,
        request: sent[i]!.request,
        decision: sent[i]!.decision ?? undefined,
        createdBy: e.createdBy && (JSON.parse(toJson(e.createdBy)) as NewEscalation['createdBy']),
      }),
    );
    const events = records.map((record) => liveEvent('escalation.created', record, record.receivedAt));
    let inserted: Set<string>;
    try {
      const [channel, payloads] = [live.afterCommit ? null : live.channel!, live.afterCommit ? [] : events.map(toJson)];
      const rows = db.script
        ? ((await db.script(insertNewScript(batch, channel, payloads)))[0]?.rows as { id: string }[])
        : (await db.query<{ id: string }>(INSERT_NEW, [batch, channel, payloads])).rows;
      inserted = new Set(rows.map((r) => r.id));
    } catch (e) {
      if ((e as { code?: unknown }).code !== UNDEFINED_FUNCTION) throw e;
      noFunction = true;
      return insertMany(transact, items);
    }
    const results: (InsertResult | undefined)[] = items.map((e, i) =>
      inserted.has(e.request.id) ? { inserted: true, record: records[i]!, bodyHash: e.bodyHash } : undefined,
    );
    events.forEach((event, i) => results[i] && live.committed(event));
    // Held back by the guard (all of them), or an id another server stored meanwhile: answered
    // as if they came just after, which they may have: none shares an id or a task with the rest.
    const rest = items.filter((_, i) => !results[i]);
    if (!rest.length) return results as InsertResult[];
    const answers = await insertMany(transact, rest);
    return results.map((r) => r ?? answers.shift()!);
  };
}
