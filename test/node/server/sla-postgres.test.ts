/**
 * The SLA clock (docs/policy.md#follow-up) on a real PostgreSQL server at `DATABASE_URL`, each
 * scenario in a schema of its own (dropped at the end): two servers are two stores with pools of
 * their own on one schema, racing for each follow-up; a restart is a new store on that schema.
 * Without `DATABASE_URL` the suite is skipped, saying why.
 */
import { after } from 'node:test';
import { type EscalationStore } from '../../../packages/server/src/index.ts';
import { createPostgresDatabase, createPostgresStore } from '../../../packages/server/src/postgres.ts';
import { describeSlaClock } from '../../support/sla-scenarios.ts';

const url = process.env.DATABASE_URL ?? '';

async function reachable(): Promise<string | undefined> {
  if (!url) return 'DATABASE_URL is not set (e.g. postgres://user:password@127.0.0.1:5432/db; .ci/run sets one up)';
  const db = createPostgresDatabase({ connectionString: url, max: 1, connectTimeoutMs: 3000, onError: () => {} });
  try {
    await db.query('SELECT 1');
    return undefined;
  } catch (e) {
    return `no PostgreSQL at DATABASE_URL (${e instanceof Error ? e.message : String(e)})`;
  } finally {
    await db.close().catch(() => {});
  }
}

const skip = await reachable();
if (skip) console.log(`# SLA clock PostgreSQL tests skipped: ${skip}`);

const run = `escalate_sla_${process.pid}_${Date.now().toString(36)}`;
const schemas: string[] = [];

async function admin(sql: string): Promise<void> {
  const db = createPostgresDatabase({ connectionString: url, max: 1 });
  try {
    await db.query(sql);
  } finally {
    await db.close();
  }
}

/** A connection string whose sessions live in `schema` (libpq's `options`, which `pg` honours). */
function inSchema(schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.href;
}

after(async () => {
  if (skip) return;
  for (const schema of schemas) await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
});

describeSlaClock({
  name: 'PostgreSQL',
  skip: skip ?? false,
  async open() {
    const schema = `${run}_${schemas.length}`;
    schemas.push(schema);
    await admin(`CREATE SCHEMA ${schema}`);
    const stores: EscalationStore[] = [];
    const connect = async () => {
      const store = createPostgresStore({ connectionString: inSchema(schema) });
      await store.migrate();
      stores.push(store);
      return store;
    };
    const store = await connect();
    return {
      store,
      // Another server: a pool of its own on the same schema.
      another: connect,
      async restart() {
        await store.close();
        stores.splice(stores.indexOf(store), 1);
        return connect();
      },
      async close() {
        await Promise.all(stores.map((s) => s.close()));
      },
    };
  },
});
