/**
 * Inserts in one call (packages/server/src/store/insert-script-sql.ts): a batch of new
 * escalations is one call of `escalate_kit_insert_new` (migrations/009: the task locks and a
 * guarded INSERT, one round trip, no BEGIN or COMMIT), and anything else (a replay, a task
 * already open, two of the batch sharing a task) gets the answer `insertMany` gives, through a
 * transaction. On PGlite and, with DATABASE_URL, PostgreSQL: two stores racing on one database,
 * and the NOTIFYs of live events made by the function. A database migrated without the function
 * still inserts. And the dollar quoting of the call's literals where it goes as a script (sql-literal.ts).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createPgliteDatabase, createSqlStore, type EscalationStore, type NewEscalation } from '../../../packages/server/src/index.ts';
import { createPostgresDatabase, createPostgresLive } from '../../../packages/server/src/postgres.ts';
import { liveEvent, type LiveEvent } from '../../../packages/server/src/live/event.ts';
import type { SqlDatabase } from '../../../packages/server/src/store/sql-database.ts';
import { dollarQuote } from '../../../packages/server/src/store/sql-literal.ts';
import { INSERT_NEW } from '../../../packages/server/src/store/insert-script-sql.ts';
import { makeNew, makeRequest, testActor, uniqueTask } from '../../support/fixtures.ts';
import { migrationsBefore } from '../../support/migrations-before.ts';

/** `db`, counting its calls of the insert function and its transactions. */
function counted(db: SqlDatabase) {
  const counts = { calls: 0, transactions: 0 };
  const wrapped: SqlDatabase = {
    ...db,
    query: (sql, params) => (sql === INSERT_NEW && counts.calls++, db.query(sql, params)),
    ...(db.script && { script: (sql: string) => (sql.includes('escalate_kit_insert_new(') && counts.calls++, db.script!(sql)) }),
    transaction: (fn) => (counts.transactions++, db.transaction(fn)),
  };
  return { db: wrapped, counts };
}

async function pgliteStore(options: Parameters<typeof createSqlStore>[1] = {}) {
  const { db, counts } = counted(createPgliteDatabase({ dataDir: 'memory://' }));
  const store = createSqlStore(db, options);
  await store.migrate();
  counts.transactions = 0;
  return { store, counts };
}

/** Started in one turn of the event loop: one batch. */
const together = (store: EscalationStore, items: NewEscalation[]) => Promise.all(items.map((e) => store.insert(e)));

describe('inserts in one call', () => {
  it('a batch of new escalations is one call, no transaction, each stored once', async () => {
    const { store, counts } = await pgliteStore();
    try {
      const items = Array.from({ length: 6 }, () => makeNew());
      const results = await together(store, items);
      assert.deepEqual(
        results.map((r) => [r.inserted, r.record.id, r.bodyHash]),
        items.map((e) => [true, e.request.id, 'hash-a']),
      );
      assert.deepEqual(counts, { calls: 1, transactions: 0 });
      // The records answered are those a read gives (made beforehand, not read back).
      for (const [i, e] of items.entries()) assert.deepEqual(results[i]?.record, await store.get(e.request.id));
    } finally {
      await store.close();
    }
  });

  it('a batch holding a replay and a task already open goes through a transaction, each answered as alone', async () => {
    const { store, counts } = await pgliteStore();
    try {
      const [stored, open] = [makeNew(), makeNew()];
      await together(store, [stored, open]);
      const fresh = makeNew();
      const sameTask = makeNew({ request: makeRequest({ taskId: open.request.taskId }) });
      const [first, replay, taken, created] = await together(store, [makeNew(), stored, sameTask, fresh]);
      assert.equal(first?.inserted, true);
      assert.equal(replay?.inserted, false);
      assert.equal(replay?.record.id, stored.request.id);
      assert.equal(taken?.taskAlreadyEscalated, true);
      assert.equal(taken?.record.id, open.request.id);
      assert.equal(created?.inserted, true);
      assert.equal(await store.get(sameTask.request.id), undefined, 'nothing stored for the taken task');
      // The batch made its call, which the guard held back, then the transaction.
      assert.deepEqual(counts, { calls: 2, transactions: 1 });
    } finally {
      await store.close();
    }
  });

  it('two of a batch sharing a task skip the call: the first is stored, the second told the task is taken', async () => {
    const { store, counts } = await pgliteStore();
    try {
      const taskId = uniqueTask();
      const racers = Array.from({ length: 3 }, () => makeNew({ request: makeRequest({ taskId }) }));
      const results = await together(store, [makeNew(), ...racers]);
      assert.deepEqual(
        results.slice(1).map((r) => [r.inserted, r.taskAlreadyEscalated ?? false, r.record.id]),
        [
          [true, false, racers[0]!.request.id],
          [false, true, racers[0]!.request.id],
          [false, true, racers[0]!.request.id],
        ],
      );
      assert.deepEqual(counts, { calls: 0, transactions: 1 });
    } finally {
      await store.close();
    }
  });

  it('a call the database refuses fails only the escalation it refuses (each goes again alone)', async () => {
    const { store } = await pgliteStore();
    try {
      const good = [makeNew(), makeNew(), makeNew()];
      // No category: the column is NOT NULL, and the whole call is rolled back.
      const bad = makeNew({ request: { ...makeRequest(), category: undefined } as never });
      const items = [good[0]!, good[1]!, bad, good[2]!];
      const results = await Promise.allSettled(items.map((e) => store.insert(e)));
      assert.deepEqual(
        results.map((r) => r.status),
        ['fulfilled', 'fulfilled', 'rejected', 'fulfilled'],
      );
      assert.match(String((results[2] as PromiseRejectedResult).reason), /category/);
      const stored = await Promise.all(items.map((e) => store.get(e.request.id)));
      assert.deepEqual(
        stored.map((r) => r !== undefined),
        [true, true, false, true],
      );
    } finally {
      await store.close();
    }
  });

  it('reads what is stored by index as the table grows, on PGlite, which has no statistics (no whole-table scan)', async () => {
    const db = createPgliteDatabase({ dataDir: 'memory://' });
    const store = createSqlStore(db);
    try {
      await store.migrate();
      const seqScans = async () => {
        await db.query('SELECT pg_stat_force_next_flush()');
        await db.query('SELECT 1');
        const { rows } = await db.query<{ n: number }>(`SELECT seq_scan::int AS n FROM pg_stat_user_tables WHERE relname = 'escalations'`);
        return rows[0]!.n;
      };
      const batch = async () =>
        assert.ok(
          (
            await together(
              store,
              Array.from({ length: 4 }, () => makeNew()),
            )
          ).every((r) => r.inserted),
        );
      // More calls than the five after which a function's statements may keep a generic plan,
      // made while the table is small (where a plan may rightly scan it whole).
      for (let i = 0; i < 8; i++) await batch();
      // 30,000 rows, each sent and e-mailed (updated once, as the notification worker does).
      await db.exec(`INSERT INTO escalations (id, request, body_hash, task_id, category, urgency, team, respond_by, received_at)
        SELECT 'id-' || n, '{}', 'h', 'task-' || n, 'billing', 'normal', 'billing', now(), now() FROM generate_series(1, 30000) AS n;
        UPDATE escalations SET notification_state = 'sent'`);
      const before = await seqScans();
      for (let i = 0; i < 4; i++) await batch();
      assert.equal(await seqScans(), before);
    } finally {
      await store.close();
    }
  });

  it('a database migrated without the insert function (a folder of its own) inserts through transactions', async () => {
    const folder = await migrationsBefore('009');
    const { store, counts } = await pgliteStore({ migrations: folder.url });
    try {
      const first = Array.from({ length: 3 }, () => makeNew());
      assert.ok((await together(store, first)).every((r) => r.inserted));
      const second = Array.from({ length: 3 }, () => makeNew());
      assert.ok((await together(store, second)).every((r) => r.inserted));
      // Tried once, then never again.
      assert.deepEqual(counts, { calls: 1, transactions: 2 });
      for (const e of [...first, ...second]) assert.ok(await store.get(e.request.id));
    } finally {
      await store.close();
      await folder.remove();
    }
  });

  const url = process.env.DATABASE_URL ?? '';
  it(
    'on PostgreSQL, two stores racing for tasks and ids: one escalation per task and per id',
    { skip: url ? false : 'DATABASE_URL is not set' },
    async () => {
      const schema = `escalate_script_${process.pid}_${Date.now().toString(36)}`;
      const admin = createPostgresDatabase({ connectionString: url, max: 1 });
      await admin.query(`CREATE SCHEMA ${schema}`);
      const u = new URL(url);
      u.searchParams.set('options', `-c search_path=${schema}`);
      const stores = [0, 1].map(() => createSqlStore(createPostgresDatabase({ connectionString: u.href })));
      after(async () => {
        await Promise.all(stores.map((s) => s.close()));
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.close();
      });
      await stores[0]!.migrate();
      const tasks = Array.from({ length: 5 }, uniqueTask);
      // Per task eight escalations; and five ids each sent under two tasks of their own.
      const byTask = tasks.flatMap((taskId) => Array.from({ length: 8 }, () => makeNew({ request: makeRequest({ taskId }) })));
      const twice = Array.from({ length: 5 }, () => makeRequest()).flatMap((request) => [
        makeNew({ request }),
        makeNew({ request: { ...request, taskId: uniqueTask() } }),
      ]);
      const all = [...byTask, ...twice].map((e, i) => ({ e, store: stores[i % 2]! }));
      const results = await Promise.all(all.map(({ e, store }) => store.insert(e)));
      for (const taskId of tasks) {
        const winners = results.filter((r, i) => r.inserted && all[i]!.e.request.taskId === taskId);
        assert.equal(winners.length, 1, `one escalation of ${taskId}`);
        results.forEach((r, i) => {
          if (all[i]!.e.request.taskId === taskId && !r.inserted) assert.equal(r.record.id, winners[0]!.record.id);
        });
      }
      for (const e of twice.filter((_, i) => i % 2 === 0)) {
        const answers = results.filter((_, i) => all[i]!.e.request.id === e.request.id);
        assert.equal(answers.filter((r) => r.inserted).length, 1, `one insert of ${e.request.id}`);
        assert.equal(new Set(answers.map((r) => r.record.request.taskId)).size, 1, 'both answers name the one stored');
      }
      const { rows } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.escalations`);
      assert.equal(rows[0]?.n, tasks.length + 5);
    },
  );
});

describe('inserts in one call, announced by NOTIFY', () => {
  const url = process.env.DATABASE_URL ?? '';
  it(
    'one call with the NOTIFYs in it: each insert announced once, as insertMany announces it',
    { skip: url ? false : 'DATABASE_URL is not set' },
    async () => {
      const schema = `escalate_notify_${process.pid}_${Date.now().toString(36)}`;
      const admin = createPostgresDatabase({ connectionString: url, max: 1 });
      await admin.query(`CREATE SCHEMA ${schema}`);
      const u = new URL(url);
      u.searchParams.set('options', `-c search_path=${schema}`);
      const { db, counts } = counted(createPostgresDatabase({ connectionString: u.href }));
      const store = createSqlStore(db, { live: createPostgresLive({ connectionString: u.href, channel: schema }) });
      after(async () => {
        await store.close();
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.close();
      });
      await store.migrate();
      counts.transactions = 0;
      const events: LiveEvent[] = [];
      const stop = await store.events.subscribe((e) => events.push(e));
      const items = Array.from({ length: 5 }, () => ({ ...makeNew(), createdBy: testActor }));
      const results = await together(store, items);
      for (let i = 0; i < 100 && events.length < items.length; i++) await new Promise((ok) => setTimeout(ok, 20));
      stop();
      assert.deepEqual(counts, { calls: 1, transactions: 0 });
      const byId = (a: LiveEvent, b: LiveEvent) => (a.data.id < b.data.id ? -1 : 1);
      assert.deepEqual(events.sort(byId), results.map((r) => liveEvent('escalation.created', r.record, r.record.receivedAt)).sort(byId));
    },
  );
});

describe('dollarQuote', () => {
  it('quotes any text so the database reads it back unchanged, and refuses a NUL', async () => {
    const db = createPgliteDatabase({ dataDir: 'memory://' });
    try {
      const texts = ["it's", 'back\\slash', '$q0$', 'ends in $q0', '$q0$q1$ $q2', '$$', '', 'ünïcödé 🙂', "'; DROP TABLE x; --"];
      for (const text of texts) {
        const [result] = await db.script!(`SELECT ${dollarQuote(text)} AS t`);
        assert.deepEqual(result?.rows, [{ t: text }], text);
      }
    } finally {
      await db.close();
    }
    assert.throws(() => dollarQuote('a\0b'), TypeError);
  });
});
