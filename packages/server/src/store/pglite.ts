/**
 * The embedded default: PostgreSQL compiled to WebAssembly, in a data folder. No server to
 * install, and the same SQL as a real PostgreSQL, so moving to one is a connection string.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { EscalationStore } from '../types.ts';
import { createSqlStore, type SqlDatabase, type SqlSession } from './sql.ts';

export interface PgliteStoreOptions {
  /**
   * Where the database lives. `'memory://'` keeps it in memory (tests).
   * @default './.data/pglite' (relative to the working directory)
   * @example createPgliteStore({ dataDir: '/var/lib/escalations' })
   */
  dataDir?: string;
  /**
   * PostgreSQL settings the embedded database starts with (what `postgresql.conf` would say),
   * over this store's defaults. PGlite zero-fills its shared memory at start, so
   * `shared_buffers` is resident memory from the first moment: PostgreSQL's 128 MB default
   * made an idle server hold ~150 MB more than 16 MB does. The data folder's pages stay in
   * the operating system's file cache either way.
   * @default { shared_buffers: '16MB', max_connections: '4' } (one process's database: one session)
   * @example createPgliteStore({ settings: { shared_buffers: '64MB', work_mem: '8MB' } })
   */
  settings?: Readonly<Record<string, string>>;
}

/** PGlite's own start options with this store's settings (see {@link PgliteStoreOptions.settings}). */
const defaultSettings = { shared_buffers: '16MB', max_connections: '4' };

/**
 * Creates a store on an embedded PGlite database. Call `migrate()` before use.
 *
 * @example
 * ```ts
 * const store = createPgliteStore();
 * await store.migrate();
 * const handler = createEscalationHandler({ store });
 * ```
 */
export function createPgliteStore(options: PgliteStoreOptions = {}): EscalationStore {
  return createSqlStore(createPgliteDatabase(options));
}

/**
 * The embedded database under {@link createPgliteStore}, for your own queries or a custom store
 * built with `createSqlStore`.
 *
 * @example
 * ```ts
 * const db = createPgliteDatabase({ dataDir: 'memory://' });
 * await db.query('SELECT 1');
 * ```
 */
export function createPgliteDatabase(options: PgliteStoreOptions = {}): SqlDatabase {
  const dataDir = options.dataDir ?? './.data/pglite';
  // PGlite creates the last folder but not its parents (`./.data` on a fresh clone).
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  const settings = { ...defaultSettings, ...options.settings };
  const startParams = [...PGlite.defaultStartParams, ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
  const pg = new PGlite(dataDir, { startParams });
  const session = (s: Pick<PGlite, 'query' | 'exec'>): SqlSession => ({
    query: async <T>(sql: string, params?: unknown[]) => s.query<T>(sql, params as unknown[] | undefined),
    exec: async (sql: string) => {
      await s.exec(sql);
    },
  });
  const db: SqlDatabase = {
    ...session(pg),
    transaction: (fn) => pg.transaction((tx) => fn(session(tx))),
    // One call into the WebAssembly for the whole script: on PGlite each statement is such a call.
    script: async (sql) => (await pg.exec(sql)).map((r) => ({ rows: r.rows })),
    close: () => pg.close(),
  };
  return db;
}
