/**
 * The store a Node process on this machine opens: PostgreSQL when `DATABASE_URL` is set, else
 * PGlite in the data folder (`ESCALATE_DATA_DIR`, default `./.data`). One choice, shared by
 * `pnpm start` and `pnpm escalate`, so the users and keys the CLI makes are the ones the demo
 * signs in with.
 *
 * PGlite is one process's database: two processes writing one folder corrupt it. So a PGlite
 * store holds `pglite.lock` (its process id) in the data folder until it is closed, and a second
 * process is told who holds it instead of opening it. A lock whose process is gone is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createPgliteStore } from '../store/pglite.ts';
import type { EscalationStore } from '../types.ts';

export interface DataStoreOptions {
  /**
   * Where PGlite, the .eml outbox and the demo's sign-in file live.
   * @default process.env.ESCALATE_DATA_DIR ?? '.data' (relative to the working directory)
   * @example openDataStore({ dataDir: '/var/lib/escalate' })
   */
  dataDir?: string | undefined;
  /**
   * Where `DATABASE_URL` and `ESCALATE_DATA_DIR` are read.
   * @default process.env
   * @example openDataStore({ env: { DATABASE_URL: 'postgres://…' } })
   */
  env?: NodeJS.ProcessEnv;
}

/** The data folder is in use by another running process (PGlite only). */
export class DataStoreBusy extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(`The data folder is in use by process ${pid} (${lockFile}): stop it first, PGlite is one process's database`);
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, it is someone else's.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function takeLock(file: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new DataStoreBusy(file, pid);
      // Left by a process that died without closing: nobody uses the folder.
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take ${file}`);
}

/**
 * Opens (does not migrate) the store of this machine's data folder.
 *
 * @example
 * ```ts
 * const { store, dataDir } = await openDataStore();
 * await store.migrate();
 * ```
 * @throws {DataStoreBusy} when another process has the PGlite folder open
 */
export async function openDataStore(options: DataStoreOptions = {}): Promise<{ store: EscalationStore; dataDir: string }> {
  const env = options.env ?? process.env;
  const dataDir = resolve(options.dataDir ?? env.ESCALATE_DATA_DIR ?? '.data');
  if (env.DATABASE_URL) {
    // Loaded only here: a process on PGlite never loads `pg`.
    const { createPostgresStore } = await import('../postgres.ts');
    return { store: createPostgresStore({ connectionString: env.DATABASE_URL }), dataDir };
  }
  mkdirSync(dataDir, { recursive: true });
  const release = takeLock(join(dataDir, 'pglite.lock'));
  let store: EscalationStore;
  try {
    store = createPgliteStore({ dataDir: join(dataDir, 'pglite') });
  } catch (e) {
    release();
    throw e;
  }
  const close = store.close.bind(store);
  return { store: Object.assign(store, { close: () => close().finally(release) }), dataDir };
}
