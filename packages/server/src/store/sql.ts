/**
 * The one SQL implementation of `EscalationStore`, shared by PGlite and PostgreSQL: both speak
 * the same dialect, so they run the same migrations and the same queries, and a test of one
 * flavour is a test of the SQL of the other.
 */
import { readdir, readFile } from 'node:fs/promises';
import { NOTIFICATION_LEASE_MS, type ListQuery, type ListResult, type Notification } from '../types.ts';
import { createSqlAccessStore } from './access-sql.ts';
import { createSqlFollowUps } from './follow-ups-sql.ts';
import type { SlaStore } from '../sla/store.ts';
import { emptyStats, encodeCursor, isoString } from './common.ts';
import type { SqlDatabase } from './sql-database.ts';
import { changeStatus, addNote, oneWithHistory, withHistory } from './history-sql.ts';
import { assign } from './assign-sql.ts';
import { listWhere } from './list-sql.ts';
import { inProcessLive, transactWith, type SqlLive } from './sql-live.ts';
import { type EscalationRow } from './sql-rows.ts';
import { createGroupCommit } from './group-commit.ts';
import { scriptedInserts } from './insert-script-sql.ts';
import { createUnsentPruner, setNotifications } from './notification-sql.ts';
import { sqlMetrics } from './metrics-sql.ts';

export type { SqlDatabase, SqlSession } from './sql-database.ts';

export interface SqlStoreOptions {
  /**
   * The folder of `NNN_name.sql` files, applied in name order. A folder of your own must hold
   * every file of the package's folder as well as yours (copy the new ones when you upgrade): the
   * store's queries need their tables, e.g. 010's list of unsent e-mails, without which no
   * e-mail is sent. Only the insert function (009, 011) may be left out: inserts then go
   * through transactions.
   * @default the package's own `migrations/` folder, which ships next to `src/` and `dist/`
   * @example createSqlStore(db, { migrations: new URL('./my-migrations/', import.meta.url) })
   */
  migrations?: URL;
  /**
   * How changes are published to `store.events`: in-process (one process owns the database), or
   * through the database to every server sharing it (`createPostgresLive`, what `createPostgresStore` uses).
   * @default in-process
   * @example createSqlStore(db, { live: createPostgresLive({ connectionString }) })
   */
  live?: SqlLive;
  /**
   * Group commit of inserts: POSTs that arrive while a transaction of inserts runs wait for it and
   * then go in together, in one transaction (`group-commit.ts`); an idle store inserts at once.
   * `concurrency` is how many such transactions run at once, `maxBatch` the most escalations in
   * one, `lingerMs` how long the first of a batch waits for others (ms). The notification worker's
   * writes are batched too, one batch at a time, the first waiting at least 20 ms under load.
   * @default { concurrency: half the database's connections (PGlite 1, a pool of 10: 5), maxBatch: 200, lingerMs: 3 on PGlite, 0 on a pool }
   * @example createSqlStore(db, { batch: { concurrency: 2, maxBatch: 50, lingerMs: 0 } })
   */
  batch?: { concurrency?: number; maxBatch?: number; lingerMs?: number };
}

/**
 * How long the worker's first write of a batch waits for others under load, in ms (a quiet store
 * writes at once). A server that dies meanwhile has sent e-mails it has not recorded: they go
 * again once their lease ends, with the same Message-ID, as after any crash between the two.
 */
const NOTIFICATION_LINGER_MS = 20;

const defaultMigrations = new URL('../../migrations/', import.meta.url);

// Any constant works; it only has to be the same in every process that migrates this database,
// so two servers starting at once do not both run `CREATE TABLE`.
const MIGRATION_LOCK = 7_238_451_906;

/**
 * Builds a store over any {@link SqlDatabase}. Use `createPgliteStore` or `createPostgresStore`
 * unless you bring your own driver.
 *
 * @example
 * ```ts
 * const store = createSqlStore({ query, exec, transaction, close });
 * await store.migrate();
 * ```
 */
export function createSqlStore(db: SqlDatabase, options: SqlStoreOptions = {}): SlaStore {
  const migrations = options.migrations ?? defaultMigrations;
  const live = options.live ?? inProcessLive();
  const transact = transactWith(db, live);
  const batching = {
    concurrency: options.batch?.concurrency ?? Math.max(1, Math.floor((db.connections ?? 1) / 2)),
    maxBatch: options.batch?.maxBatch ?? 200,
    // PGlite blocks the event loop while it runs a statement, so requests need a moment to catch up.
    // A pool does not: a batch waits only for a free connection, and grows while all are busy
    // (1 ms of linger cost 10 connections a fifth of their throughput: each request waited it).
    lingerMs: options.batch?.lingerMs ?? (db.connections === undefined ? 3 : 0),
  };
  let closing: Promise<void> | undefined;

  return {
    access: createSqlAccessStore(db),
    // The SLA clock's follow-ups (migrations/007_sla.sql).
    followUps: createSqlFollowUps(db),

    async migrate() {
      const files = (await readdir(migrations)).filter((f) => f.endsWith('.sql')).sort();
      await db.transaction(async (tx) => {
        await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
        await tx.exec(
          'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
        );
        const { rows } = await tx.query<{ name: string }>('SELECT name FROM schema_migrations');
        const applied = new Set(rows.map((r) => r.name));
        for (const file of files) {
          if (applied.has(file)) continue;
          await tx.exec(await readFile(new URL(file, migrations), 'utf8'));
          await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
        }
      });
    },

    // Group commit (group-commit.ts): concurrent inserts share one transaction, most often one script (insert-script-sql.ts).
    insert: createGroupCommit(scriptedInserts(db, live, transact), batching),

    async get(id: string) {
      const { rows } = await db.query<EscalationRow>('SELECT * FROM escalations WHERE id = $1', [id]);
      return rows[0] && oneWithHistory(db, rows[0]);
    },

    async list(query: ListQuery, scope = {}): Promise<ListResult> {
      // The filters, as parameters (list-sql.ts).
      const { where, params, param } = listWhere(query, scope);
      // One row more than asked tells whether there is a next page without a count(*).
      const { rows } = await db.query<EscalationRow>(
        `SELECT * FROM escalations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY respond_by, id LIMIT ${param(query.limit + 1)}`,
        params,
      );
      const items = await withHistory(db, rows.slice(0, query.limit));
      const last = items.at(-1);
      return rows.length > query.limit && last ? { items, nextCursor: encodeCursor(last) } : { items };
    },

    changeStatus: (id, change) => changeStatus(transact, id, change),
    addNote: (id, note) => addNote(transact, id, note),
    assign: (id, change) => assign(transact, id, change),
    events: { subscribe: (listener, lost) => live.subscribe(listener, lost) },

    // Batched like inserts: under load, the worker's "sent" of many e-mails is one statement.
    // Nobody waits for it but the worker, so under load it gathers longer, one transaction at a
    // time: per escalation an UPDATE of 8 rows cost PostgreSQL 0.1 ms, one of 32 0.07, of 128 0.05.
    setNotification: (() => {
      const write = createGroupCommit((changes: readonly { id: string; notification: Notification }[]) => setNotifications(db, changes), {
        concurrency: 1,
        maxBatch: batching.maxBatch,
        lingerMs: Math.max(batching.lingerMs, NOTIFICATION_LINGER_MS),
      });
      return (id: string, notification: Notification) => write({ id, notification });
    })(),

    dueNotifications: (() => {
      const prune = createUnsentPruner(db);
      return async (now: string, limit: number, leaseMs = NOTIFICATION_LEASE_MS) => {
        const at = Date.parse(isoString(now));
        await prune(at);
        // Claimed in one statement: SKIP LOCKED passes over rows another server is claiming right
        // now, and FOR UPDATE re-reads a row claimed meanwhile, whose new lease then rules it out.
        // So concurrent calls (several servers on one database) never return the same escalation.
        // The unsent are listed in a table of their own (migrations/010_unsent_notifications.sql).
        const { rows } = await db.query<EscalationRow>(
          `WITH due AS (
           SELECT e.id FROM notifications_unsent AS u JOIN escalations AS e ON e.id = u.escalation_id
           WHERE e.notification_state <> 'sent'
             AND (e.notification_next_attempt_at IS NULL OR e.notification_next_attempt_at <= $1::timestamptz)
           ORDER BY u.received_at, u.escalation_id
           LIMIT $2
           FOR UPDATE OF e SKIP LOCKED
         ), claimed AS (
           UPDATE escalations e SET notification_next_attempt_at = $3::timestamptz
           FROM due WHERE e.id = due.id
           RETURNING e.*
         )
         SELECT * FROM claimed ORDER BY received_at, id`,
          [new Date(at).toISOString(), limit, new Date(at + leaseMs).toISOString()],
        );
        return withHistory(db, rows);
      };
    })(),

    async stats() {
      // One statement, so every count comes from the same snapshot.
      const { rows } = await db.query<{ dim: 'category' | 'urgency' | 'status' | 'day'; key: string; n: number }>(
        `SELECT 'category' AS dim, category AS key, count(*)::int AS n FROM escalations GROUP BY category
         UNION ALL SELECT 'urgency', urgency, count(*)::int FROM escalations GROUP BY urgency
         UNION ALL SELECT 'status', status, count(*)::int FROM escalations GROUP BY status
         UNION ALL SELECT 'day', to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), count(*)::int
           FROM escalations GROUP BY 2`,
      );
      const stats = emptyStats();
      for (const { dim, key, n } of rows) {
        const count = Number(n);
        if (dim === 'category') {
          stats.byCategory[key] = count;
          stats.total += count;
        } else if (dim === 'urgency') stats.byUrgency[key] = count;
        else if (dim === 'status') stats.byStatus[key] = count;
        else stats.byDay.push({ day: key, count });
      }
      stats.byDay.sort((a, b) => (a.day < b.day ? -1 : 1));
      stats.resolvedShare = stats.total ? (stats.byStatus.resolved ?? 0) / stats.total : 0;
      return stats;
    },

    // Handled reports and the metrics' rows (docs/policy.md#metrics).
    ...sqlMetrics(db),

    // Once, however often it is called (a test harness may close what a test closed already).
    close: () =>
      (closing ??= (async () => {
        await live.close();
        await db.close();
      })()),
  };
}
