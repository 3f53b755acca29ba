/**
 * The store contract against a real PostgreSQL server at `DATABASE_URL` (`.ci/run` makes a
 * throwaway role and database for it). Each store gets a schema of its own, dropped at the end,
 * so reruns start clean and never touch other data. Without `DATABASE_URL` every test is skipped
 * at once, saying why: no server is guessed at, since a password-protected one would stall the file.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, describe, it as test } from 'node:test';
import { escalationReceiptSchema } from '@escalate-kit/sdk';
import { createEscalationHandler, createSqlStore, type EscalationStore, type Notifier } from '../../../packages/server/src/index.ts';
import { createPostgresDatabase, createPostgresStore, type SqlDatabase } from '../../../packages/server/src/postgres.ts';
import { makeNew, makeRequest } from '../../support/fixtures.ts';
import { migrationsBefore, packageMigrations } from '../../support/migrations-before.ts';
import { describeStoreContract } from '../../support/store-contract.ts';

const url = process.env.DATABASE_URL ?? '';
const shown = url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

async function reachable(): Promise<string | undefined> {
  if (!url) return 'DATABASE_URL is not set (e.g. postgres://user:password@127.0.0.1:5432/db; .ci/run sets one up)';
  const db = createPostgresDatabase({ connectionString: url, max: 1, connectTimeoutMs: 3000, onError: () => {} });
  try {
    await db.query('SELECT 1');
    return undefined;
  } catch (e) {
    return `no PostgreSQL at DATABASE_URL ${shown} (${e instanceof Error ? e.message : String(e)})`;
  } finally {
    await db.close().catch(() => {});
  }
}

const skip = await reachable();
if (skip) console.log(`# PostgreSQL store tests skipped: ${skip}`);

const run = `escalate_test_${process.pid}_${Date.now().toString(36)}`;
const schemas: string[] = [];

/** A connection string whose sessions live in `schema` (libpq's `options`, which `pg` honours). */
function inSchema(schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.href;
}

async function admin<T>(fn: (db: SqlDatabase) => Promise<T>): Promise<T> {
  const db = createPostgresDatabase({ connectionString: url, max: 1 });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function freshSchema(): Promise<string> {
  const schema = `${run}_${schemas.length}`;
  schemas.push(schema);
  await admin((c) => c.query(`CREATE SCHEMA ${schema}`));
  return schema;
}

async function openStore(schema?: string): Promise<EscalationStore> {
  const store = createPostgresStore({ connectionString: inSchema(schema ?? (await freshSchema())) });
  await store.migrate();
  return store;
}

after(async () => {
  if (skip || !schemas.length) return;
  await admin(async (c) => {
    for (const schema of schemas) await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });
});

describeStoreContract('PostgreSQL', () => openStore(), { skip: skip ?? false });

describe('PostgreSQL across several servers', () => {
  // Skipped test by test, so each shows in the skipped count.
  const it = (title: string, fn: () => Promise<void>) => test(title, { skip: skip ?? false }, fn);
  const stores: EscalationStore[] = [];
  after(() => Promise.all(stores.map((s) => s.close())));

  it('several servers migrating one database at once apply each migration once', async () => {
    const schema = await freshSchema();
    const many = Array.from({ length: 4 }, () => createPostgresStore({ connectionString: inSchema(schema), max: 3 }));
    stores.push(...many);
    await Promise.all(many.map((s) => s.migrate()));
    const applied = await admin((c) => c.query<{ name: string }>(`SELECT name FROM ${schema}.schema_migrations ORDER BY name`));
    const files = readdirSync(new URL('../../../packages/server/migrations/', import.meta.url))
      .filter((f) => f.endsWith('.sql'))
      .sort();
    assert.ok(files.length >= 2);
    assert.deepEqual(
      applied.rows.map((r) => r.name),
      files,
    );
  });

  it('escalations of one task racing through different pools store one (one open escalation per task)', async () => {
    const schema = await freshSchema();
    const a = await openStore(schema);
    const b = await openStore(schema);
    stores.push(a, b);
    const taskId = `T-${crypto.randomUUID().slice(0, 8)}`;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).insert(makeNew({ request: makeRequest({ taskId }), bodyHash: `h${i}` }))),
    );
    assert.equal(results.filter((r) => r.inserted).length, 1);
    assert.equal(results.filter((r) => r.taskAlreadyEscalated).length, 9);
    const count = await admin((c) => c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.escalations`));
    assert.equal(count.rows[0]?.n, 1);
  });

  it('replays racing through different pools store one row', async () => {
    const schema = await freshSchema();
    const a = await openStore(schema);
    const b = await openStore(schema);
    stores.push(a, b);
    const request = makeRequest();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).insert(makeNew({ request, bodyHash: 'same' }))));
    assert.equal(results.filter((r) => r.inserted).length, 1);
    const count = await admin((c) => c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.escalations`));
    assert.equal(count.rows[0]?.n, 1);
  });

  it('servers claiming due notifications at once never get the same escalation', async () => {
    const schema = await freshSchema();
    const servers = [await openStore(schema), await openStore(schema), await openStore(schema)];
    stores.push(...servers);
    const base = Date.parse('2025-11-14T10:00:00.000Z');
    const ids: string[] = [];
    for (let i = 0; i < 60; i++)
      ids.push((await servers[0]!.insert(makeNew({ receivedAt: new Date(base + i * 1000).toISOString() }))).record.id);
    const now = '2025-11-14T11:00:00.000Z';
    const batches = await Promise.all(Array.from({ length: 24 }, (_, i) => servers[i % 3]!.dueNotifications(now, 4)));
    const claimed = batches.flat().map((r) => r.id);
    assert.equal(new Set(claimed).size, claimed.length, 'an escalation was claimed by two servers');
    const rest = (await servers[1]!.dueNotifications(now, 100)).map((r) => r.id);
    assert.deepEqual([...claimed, ...rest].sort(), [...ids].sort());
  });

  it('handlers on two servers e-mail each escalation once', async () => {
    const schema = await freshSchema();
    const a = await openStore(schema);
    const b = await openStore(schema);
    stores.push(a, b);
    const clock = () => new Date('2025-11-14T10:00:00.000Z');
    const intake = createEscalationHandler({ store: a, auth: false, clock });
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const request = makeRequest();
      ids.push(request.id);
      const response = await intake(
        new Request('http://test/api/escalations', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': request.id },
          body: JSON.stringify(request),
        }),
      );
      assert.equal(response.status, 201);
    }
    intake.close();
    const sent: string[] = [];
    const notifier: Notifier = {
      async notify(record) {
        await new Promise((r) => setTimeout(r, 2));
        sent.push(record.id);
        return {};
      },
    };
    const servers = [a, b, a, b].map((store) =>
      createEscalationHandler({ store, auth: false, clock, notify: notifier, notifyRetry: { intervalMs: 0 } }),
    );
    await Promise.all(servers.map((h) => h.retryNotifications()));
    for (const h of servers) h.close();
    assert.deepEqual([...sent].sort(), [...ids].sort());
  });

  it('the handler answers 201, 200 duplicate and 409 on PostgreSQL', async () => {
    const store = await openStore();
    stores.push(store);
    const handler = createEscalationHandler({ store, auth: false, clock: () => new Date('2025-11-14T10:00:00.000Z') });
    const request = makeRequest();
    const post = (body: unknown) =>
      handler(
        new Request('http://test/api/escalations', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': request.id },
          body: JSON.stringify(body),
        }),
      );
    const first = await post(request);
    assert.equal(first.status, 201);
    const receipt = escalationReceiptSchema.parse(await first.json());
    assert.equal(receipt.respondBy, '2025-11-19T23:59:59.999Z');
    const replay = await post(request);
    assert.equal(replay.status, 200);
    assert.deepEqual(await replay.json(), { ...receipt, duplicate: true });
    assert.equal((await post({ ...request, notes: 'Different' })).status, 409);
    handler.close();
  });
});

describe('e-mails not yet sent, listed apart on PostgreSQL (migration 010)', () => {
  const it = (title: string, fn: () => Promise<void>) => test(title, { skip: skip ?? false }, fn);
  const stores: EscalationStore[] = [];
  after(() => Promise.all(stores.map((s) => s.close())));
  const insertRow = (table: string, id: string) =>
    `INSERT INTO ${table} (id, request, body_hash, task_id, category, urgency, team, respond_by, received_at)
     VALUES ('${id}', '{}', 'h', 'task-${id}', 'billing', 'standard', 'billing', now(), now())`;
  const listed = (schema: string) =>
    admin(async (c) =>
      (await c.query<{ id: string }>(`SELECT escalation_id AS id FROM ${schema}.notifications_unsent`)).rows.map((r) => r.id),
    );

  it('an escalation a running server inserts while the migration runs waits for it, and is listed', async () => {
    const schema = await freshSchema();
    const before = await migrationsBefore('010');
    try {
      const old = createPostgresDatabase({ connectionString: inSchema(schema), max: 2 });
      try {
        await createSqlStore(old, { migrations: before.url }).migrate();
        const sql = readFileSync(new URL('010_unsent_notifications.sql', packageMigrations), 'utf8');
        let inserted: Promise<unknown> | undefined;
        // Between the copy of what is stored and the trigger: the window a running server's insert must not fall into.
        const cut = sql.indexOf('-- One statement-level trigger');
        assert.ok(cut > 0);
        await old.transaction(async (tx) => {
          await tx.exec(sql.slice(0, cut));
          // A server still on the old code inserts now, from another connection.
          inserted = old.query(insertRow('escalations', 'during'));
          await new Promise((ok) => setTimeout(ok, 300));
          const waiting = await admin((c) =>
            c.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%''during''%'`,
            ),
          );
          assert.equal(waiting.rows[0]!.n, 1, 'the insert waits for the migration');
          await tx.exec(sql.slice(cut));
        });
        await inserted;
        assert.deepEqual(await listed(schema), ['during']);
      } finally {
        await old.close();
      }
    } finally {
      await before.remove();
    }
  });

  it("lists an escalation inserted into the schema from a session whose search_path is another's", async () => {
    const schema = await freshSchema();
    stores.push(await openStore(schema));
    await admin((c) => c.query(insertRow(`${schema}.escalations`, 'imported')));
    assert.deepEqual(await listed(schema), ['imported']);
  });
});
