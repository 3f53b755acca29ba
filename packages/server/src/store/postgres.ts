/**
 * PostgreSQL through `pg`, for deployments beyond one machine: every server shares one
 * database and the unique key on `id` keeps replays idempotent across all of them.
 */
import pg from 'pg';
import { createPostgresLive } from '../live/postgres-bus.ts';
import type { EscalationStore } from '../types.ts';
import { createSqlStore, type SqlDatabase, type SqlSession } from './sql.ts';

export interface PostgresStoreOptions {
  /**
   * A libpq connection string.
   * @example createPostgresStore({ connectionString: process.env.DATABASE_URL! })
   */
  connectionString: string;
  /**
   * The most connections the pool opens.
   * @default 10
   * @example createPostgresStore({ connectionString, max: 4 })
   */
  max?: number;
  /**
   * Told about errors of idle pooled connections (e.g. the server restarted). The pool replaces
   * the connection; without a listener such an error would crash the process.
   * @default console.error
   * @example createPostgresStore({ connectionString, onError: (e) => log.warn(e) })
   */
  onError?: (error: Error) => void;
  /**
   * How long to wait for a connection before failing, in ms. `pg` alone would wait forever on an
   * unreachable host, and a request would hang instead of getting a 500.
   * @default 10_000
   * @example createPostgresStore({ connectionString, connectTimeoutMs: 3000 })
   */
  connectTimeoutMs?: number;
  /**
   * The LISTEN/NOTIFY channel of the live events (`store.events`): every server on it hears every
   * change the others commit. Servers sharing a database share the channel; give another one to a
   * second set of servers whose data lives in another schema of the same database.
   * @default 'escalate_kit_events'
   * @example createPostgresStore({ connectionString, channel: 'escalate_kit_staging' })
   */
  channel?: string;
}

/**
 * Creates a store on a PostgreSQL server. Call `migrate()` before use; it is safe to call from
 * several servers at once (they take turns on an advisory lock).
 *
 * @example
 * ```ts
 * const store = createPostgresStore({ connectionString: process.env.DATABASE_URL! });
 * await store.migrate();
 * ```
 */
export function createPostgresStore(options: PostgresStoreOptions): EscalationStore {
  const live = createPostgresLive({
    connectionString: options.connectionString,
    ...(options.channel !== undefined && { channel: options.channel }),
    ...(options.connectTimeoutMs !== undefined && { connectTimeoutMs: options.connectTimeoutMs }),
    ...(options.onError !== undefined && { onError: options.onError }),
  });
  return createSqlStore(createPostgresDatabase(options), { live });
}

/**
 * The pooled connection under {@link createPostgresStore}, for your own queries or a custom
 * store built with `createSqlStore`.
 *
 * @example
 * ```ts
 * const db = createPostgresDatabase({ connectionString: process.env.DATABASE_URL! });
 * const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM escalations');
 * ```
 */
export function createPostgresDatabase(options: PostgresStoreOptions): SqlDatabase {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
  });
  pool.on('error', options.onError ?? ((error) => console.error('escalate-kit: PostgreSQL connection error', error)));
  const session = (c: pg.Pool | pg.PoolClient): SqlSession => ({
    query: async <T>(sql: string, params?: unknown[]) => {
      const result = await c.query(sql, params);
      return { rows: result.rows as T[] };
    },
    // Without parameters `pg` uses the simple protocol, which runs a whole script.
    exec: async (sql: string) => {
      await c.query(sql);
    },
  });
  const db: SqlDatabase = {
    ...session(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(session(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    // Without parameters `pg` sends the script as one simple query, and answers one result per statement.
    script: async (sql) => {
      const results = (await pool.query(sql)) as pg.QueryResult | pg.QueryResult[];
      return (Array.isArray(results) ? results : [results]).map((r) => ({ rows: r.rows }));
    },
    close: () => pool.end(),
    connections: options.max ?? 10,
  };
  return db;
}
