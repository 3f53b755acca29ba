/**
 * The one SQL implementation of `EscalationStore`, shared by PGlite and PostgreSQL: both speak
 * the same dialect, so they run the same migrations and the same queries, and a test of one
 * flavour is a test of the SQL of the other.
 */
import { readdir, readFile } from 'node:fs/promises';
import {
  NOTIFICATION_LEASE_MS,
  type InsertResult,
  type ListQuery,
  type ListResult,
  type NewEscalation,
  type Notification,
} from '../types.ts';
import { createSqlAccessStore } from './access-sql.ts';
import { createSqlFollowUps } from './follow-ups-sql.ts';
import type { SlaStore } from '../sla/store.ts';
import { emptyStats, encodeCursor, isoString } from './common.ts';
import type { SqlDatabase } from './sql-database.ts';
import { changeStatus, addNote, oneWithHistory, withHistory } from './history-sql.ts';
import { liveEvent } from '../live/event.ts';
import { assign } from './assign-sql.ts';
import { listWhere } from './list-sql.ts';
import { inProcessLive, transactWith, type SqlLive } from './sql-live.ts';
import { actorColumns, toJson, type EscalationRow } from './sql-rows.ts';
import { sqlMetrics } from './metrics-sql.ts';

export type { SqlDatabase, SqlSession } from './sql-database.ts';

export interface SqlStoreOptions {
  /**
   * The folder of `NNN_name.sql` files, applied in name order.
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
}

const defaultMigrations = new URL('../../migrations/', import.meta.url);

// Any constant works; it only has to be the same in every process that migrates this database,
// so two servers starting at once do not both run `CREATE TABLE`.
const MIGRATION_LOCK = 7_238_451_906;
// The first key of the per-task insert lock (two-key form: `(TASK_LOCK, hashtext(task_id))`).
const TASK_LOCK = 72_384;

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

    async insert(escalation: NewEscalation): Promise<InsertResult> {
      const { request } = escalation;
      return transact(async (tx, emit) => {
        // One task at a time: of two escalations of one task sent at once, the second waits here
        // and then sees the first. The lock ends with the transaction.
        await tx.query(`SELECT pg_advisory_xact_lock(${TASK_LOCK}, hashtext($1))`, [request.taskId]);
        const byId = await tx.query<EscalationRow>('SELECT * FROM escalations WHERE id = $1', [request.id]);
        if (byId.rows[0]) return { inserted: false, record: await oneWithHistory(tx, byId.rows[0]), bodyHash: byId.rows[0].body_hash };
        const open = await tx.query<EscalationRow>(
          "SELECT * FROM escalations WHERE task_id = $1 AND status <> 'resolved' ORDER BY received_at LIMIT 1",
          [request.taskId],
        );
        if (open.rows[0])
          return {
            inserted: false,
            record: await oneWithHistory(tx, open.rows[0]),
            bodyHash: open.rows[0].body_hash,
            taskAlreadyEscalated: true,
          };
        // The unique key still decides between concurrent inserts of one id under different task
        // ids (a conflict): exactly one gets a row back, the other reads the winner's row.
        const inserted = await tx.query<EscalationRow>(
          `INSERT INTO escalations (id, request, body_hash, task_id, category, urgency, team, respond_by, received_at,
             notification_next_attempt_at, resolve_by, decision, created_by_type, created_by_id, created_by_label)
           VALUES ($1, $2::text::jsonb, $3, $4, $5, $6, $7, $8::timestamptz, $9::timestamptz, $10::timestamptz, $11::timestamptz, $12::text::jsonb,
             $13, $14, $15)
           ON CONFLICT (id) DO NOTHING
           RETURNING *`,
          [
            request.id,
            toJson(request),
            escalation.bodyHash,
            request.taskId,
            request.category,
            request.urgency,
            escalation.team,
            isoString(escalation.respondBy),
            isoString(escalation.receivedAt),
            escalation.notificationLeaseUntil === undefined ? null : isoString(escalation.notificationLeaseUntil),
            escalation.resolveBy === undefined ? null : isoString(escalation.resolveBy),
            escalation.decision === undefined ? null : toJson(escalation.decision),
            ...(escalation.createdBy ? actorColumns(escalation.createdBy) : [null, null, null]),
          ],
        );
        const row = inserted.rows[0];
        if (row) {
          const record = await oneWithHistory(tx, row);
          await emit(liveEvent('escalation.created', record, record.receivedAt));
          return { inserted: true, record, bodyHash: row.body_hash };
        }
        const existing = await tx.query<EscalationRow>('SELECT * FROM escalations WHERE id = $1', [request.id]);
        const stored = existing.rows[0];
        if (!stored) throw new Error(`Escalation ${request.id} conflicted on insert but cannot be read`);
        return { inserted: false, record: await oneWithHistory(tx, stored), bodyHash: stored.body_hash };
      });
    },

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

    async setNotification(id: string, n: Notification) {
      await db.query(
        `UPDATE escalations SET notification_state = $2, notification_attempts = $3, notification_last_error = $4,
           notification_sent_at = $5::timestamptz, notification_message_id = $6, notification_next_attempt_at = $7::timestamptz
         WHERE id = $1`,
        [
          id,
          n.state,
          n.attempts,
          n.lastError ?? null,
          n.sentAt === undefined ? null : isoString(n.sentAt),
          n.messageId ?? null,
          n.nextAttemptAt === undefined ? null : isoString(n.nextAttemptAt),
        ],
      );
    },

    async dueNotifications(now: string, limit: number, leaseMs = NOTIFICATION_LEASE_MS) {
      const at = Date.parse(isoString(now));
      // Claimed in one statement: SKIP LOCKED passes over rows another server is claiming right
      // now, and FOR UPDATE re-reads a row claimed meanwhile, whose new lease then rules it out.
      // So concurrent calls (several servers on one database) never return the same escalation.
      const { rows } = await db.query<EscalationRow>(
        `WITH due AS (
           SELECT id FROM escalations
           WHERE notification_state <> 'sent'
             AND (notification_next_attempt_at IS NULL OR notification_next_attempt_at <= $1::timestamptz)
           ORDER BY received_at, id
           LIMIT $2
           FOR UPDATE SKIP LOCKED
         ), claimed AS (
           UPDATE escalations e SET notification_next_attempt_at = $3::timestamptz
           FROM due WHERE e.id = due.id
           RETURNING e.*
         )
         SELECT * FROM claimed ORDER BY received_at, id`,
        [new Date(at).toISOString(), limit, new Date(at + leaseMs).toISOString()],
      );
      return withHistory(db, rows);
    },

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
