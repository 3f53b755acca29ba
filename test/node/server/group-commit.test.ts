/**
 * Group commit (packages/server/src/store/group-commit.ts, insert-sql.ts): POSTs that arrive
 * together share one transaction, and each still gets the answer it would have had alone. 200
 * POSTs at once, mixing new escalations, replays of one of them (same body: 200 duplicate), the
 * same id with another body (409 conflict) and ten escalations racing for one task (one 201,
 * nine 409 task_already_escalated), on memory, PGlite and, with DATABASE_URL, PostgreSQL (two
 * servers on one database). Every 201 is stored once, e-mailed once with the Message-ID recorded
 * before sending, and announced once on the live events.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  createEscalationHandler,
  type EscalationHandler,
  type EscalationStore,
  type LiveEvent,
  type Notifier,
} from '../../../packages/server/src/index.ts';
import { createGroupCommit, QUIET_MS } from '../../../packages/server/src/store/group-commit.ts';
import { createPostgresDatabase, createPostgresStore } from '../../../packages/server/src/postgres.ts';
import { createPgliteDatabase, createSqlStore, type SqlDatabase } from '../../../packages/server/src/index.ts';
import { fakeClock, makeNew, postRequest, storeKinds, uniqueTask, wire, type StoreKind } from '../../support/fixtures.ts';

/** Records every e-mail handed to it, with the Message-ID it was asked to carry and what the store held then. */
function countingNotifier(store: () => EscalationStore) {
  const sent = new Map<string, string[]>();
  const recordedFirst: boolean[] = [];
  const notifier: Notifier = {
    messageIdFor: (escalation, kind) => `<${escalation.id}.${kind}@mail.test>`,
    async notify(escalation, message) {
      const stored = await store().get(escalation.id);
      recordedFirst.push(stored?.notification.messageId === message?.messageId);
      sent.set(escalation.id, [...(sent.get(escalation.id) ?? []), message?.messageId ?? '']);
      return {};
    },
  };
  return { notifier, sent, recordedFirst };
}

type Body = Record<string, unknown> & { id: string; taskId: string };

/**
 * 200 POSTs: 150 new escalations, 20 replays of ten of them (same body), ten reuses of an id
 * with another body, and two tasks with ten escalations each racing for them. Shuffled
 * (deterministically), so duplicates and racers meet in one batch and across batches.
 */
function mix(): { bodies: Body[]; racingTasks: string[] } {
  const fresh = Array.from({ length: 150 }, () => wire());
  const racingTasks = [uniqueTask(), uniqueTask()];
  const bodies: Body[] = [
    ...fresh,
    ...fresh.slice(0, 10).flatMap((body) => [{ ...body }, { ...body }]),
    ...fresh.slice(10, 20).map((body) => ({ ...body, taskTitle: 'Another body, same id' })),
    ...racingTasks.flatMap((taskId) => Array.from({ length: 10 }, () => wire({ taskId }))),
  ];
  let seed = 7;
  for (let i = bodies.length - 1; i > 0; i--) {
    seed = (seed * 16_807) % 2_147_483_647;
    const j = seed % (i + 1);
    [bodies[i], bodies[j]] = [bodies[j]!, bodies[i]!];
  }
  return { bodies, racingTasks };
}

async function postAll(handlers: EscalationHandler[], bodies: Body[]) {
  return Promise.all(
    bodies.map(async (body, i) => {
      const response = await handlers[i % handlers.length]!(postRequest(body));
      return { body, status: response.status, answer: (await response.json()) as Record<string, unknown> };
    }),
  );
}

/**
 * Each answer is the one it would have been alone: per id, one 201 (whichever of its bodies
 * came first), the same body again 200 duplicate, another body 409 conflict; per racing task one
 * 201 and nine 409 task_already_escalated naming it.
 */
async function check(
  run: Awaited<ReturnType<typeof postAll>>,
  racingTasks: string[],
  store: EscalationStore,
  mailer: ReturnType<typeof countingNotifier>,
) {
  const winners = new Map<string, Body>();
  for (const { body, status, answer } of run) {
    if (status !== 201) continue;
    assert.equal(answer.id, body.id);
    assert.equal(winners.has(body.id), false, `two 201s for ${body.id}`);
    winners.set(body.id, body);
  }
  for (const { body, status, answer } of run) {
    // Bodies are distinct objects, the one that got the 201 among them.
    const winner = winners.get(body.id);
    if (racingTasks.includes(body.taskId)) {
      if (status === 201) continue;
      assert.equal(status, 409);
      assert.equal(answer.error, 'task_already_escalated');
      const existing = (answer.existing as { id: string }).id;
      assert.equal(winners.get(existing)?.taskId, body.taskId, 'the 409 names the task’s one escalation');
    } else if (winner === body) {
      assert.equal(status, 201);
    } else if (winner && JSON.stringify(winner) === JSON.stringify(body)) {
      assert.equal(status, 200, 'a replay is a duplicate');
      assert.equal(answer.duplicate, true);
    } else {
      assert.ok(winner, `${body.id} got no 201 at all (${status})`);
      assert.equal(status, 409, 'the same id with another body');
      assert.equal(answer.error, 'conflict');
    }
  }
  for (const taskId of racingTasks) assert.equal([...winners.values()].filter((b) => b.taskId === taskId).length, 1);
  // 150 ids, and one escalation of each racing task.
  assert.equal(winners.size, 152);
  const listed = await store.list({ limit: 200 } as Parameters<EscalationStore['list']>[0], {});
  assert.equal(listed.items.length, 152, 'every 201 stored, and nothing else');
  for (const record of listed.items)
    assert.equal(record.request.taskTitle, winners.get(record.id)?.taskTitle, 'stored as its 201 was sent');
  // Each e-mailed once, carrying the Message-ID the store already held when it was sent.
  assert.deepEqual(new Set(mailer.sent.keys()), new Set(winners.keys()));
  for (const [id, ids] of mailer.sent) assert.deepEqual(ids, [`<${id}.new@mail.test>`]);
  assert.ok(mailer.recordedFirst.every(Boolean), 'a Message-ID was sent before it was recorded');
  for (const record of listed.items) assert.equal(record.notification.state, 'sent');
}

async function scenario(stores: EscalationStore[]) {
  const mailer = countingNotifier(() => stores[0]!);
  const clock = fakeClock();
  const events: LiveEvent[] = [];
  const stop = await stores[0]!.events.subscribe((e) => events.push(e));
  const handlers = stores.map((store) =>
    createEscalationHandler({ store, clock: clock.now, auth: false, notify: mailer.notifier, limits: { requestsPerMinute: Infinity } }),
  );
  try {
    const { bodies, racingTasks } = mix();
    const run = await postAll(handlers, bodies);
    for (const h of handlers) await h.settled();
    await check(run, racingTasks, stores[0]!, mailer);
    // PostgreSQL's events arrive through the database, on a channel every test process on that
    // database hears (a CI run beside a local one): only this run's escalations count.
    const ours = new Set(bodies.map((b) => b.id));
    const created = () => events.filter((e) => e.type === 'escalation.created' && ours.has(e.data.id)).map((e) => e.data.id);
    for (let i = 0; i < 100 && created().length < 152; i++) await new Promise((ok) => setTimeout(ok, 20));
    const announced = created();
    assert.equal(announced.length, 152, 'one escalation.created per 201');
    assert.equal(new Set(announced).size, 152);
  } finally {
    stop();
    for (const h of handlers) h.close();
  }
}

describe('group commit: 200 POSTs at once', () => {
  for (const kind of storeKinds as StoreKind[]) {
    it(`on ${kind.name}: every answer right, every 201 stored and e-mailed once, announced once`, async () => {
      const store = await kind.open();
      try {
        await scenario([store]);
      } finally {
        await store.close();
      }
    });
  }

  const url = process.env.DATABASE_URL ?? '';
  it('on PostgreSQL, two servers sharing one database', { skip: url ? false : 'DATABASE_URL is not set' }, async () => {
    const schema = `escalate_gc_${process.pid}_${Date.now().toString(36)}`;
    const admin = createPostgresDatabase({ connectionString: url, max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    const u = new URL(url);
    u.searchParams.set('options', `-c search_path=${schema}`);
    const stores = [createPostgresStore({ connectionString: u.href }), createPostgresStore({ connectionString: u.href })];
    after(async () => {
      await Promise.all(stores.map((s) => s.close()));
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.close();
    });
    await stores[0]!.migrate();
    await scenario(stores);
  });
});

describe('createGroupCommit', () => {
  it('writes what arrives in one turn of the event loop in one batch, in order, at most maxBatch at a time', async () => {
    const batches: number[][] = [];
    const write = createGroupCommit(
      async (inputs: readonly number[]) => {
        batches.push([...inputs]);
        await new Promise((ok) => setTimeout(ok, 5));
        return inputs.map((n) => n * 2);
      },
      { concurrency: 1, maxBatch: 4, lingerMs: 0 },
    );
    assert.deepEqual(await Promise.all([1, 2, 3, 4, 5, 6].map(write)), [2, 4, 6, 8, 10, 12]);
    // Nothing goes before the turn ends, so a quiet store too takes them together, four at a time.
    assert.deepEqual(batches, [
      [1, 2, 3, 4],
      [5, 6],
    ]);
  });

  it('a lone write on a quiet store goes at once; after concurrent writes, the first of a batch waits the linger for others', async () => {
    const batches: string[][] = [];
    const write = createGroupCommit(
      async (inputs: readonly string[]) => {
        batches.push([...inputs]);
        await new Promise((ok) => setTimeout(ok, 5));
        return [...inputs];
      },
      { concurrency: 1, maxBatch: 10, lingerMs: 40 },
    );
    const started = performance.now();
    await write('alone');
    assert.ok(performance.now() - started < 30, 'a quiet store does not linger');
    // b arrives while a runs: the store is crowded, so b waits the linger after a, and so does c,
    // a lone write soon after, which d (10 ms later) then joins.
    const a = write('a');
    await new Promise((ok) => setTimeout(ok, 1));
    await Promise.all([a, write('b')]);
    const c = write('c');
    await new Promise((ok) => setTimeout(ok, 10));
    await Promise.all([c, write('d')]);
    assert.deepEqual(batches, [['alone'], ['a'], ['b'], ['c', 'd']]);
    // Quiet again (QUIET_MS with nothing concurrent): no linger.
    await new Promise((ok) => setTimeout(ok, QUIET_MS));
    const again = performance.now();
    await write('later');
    assert.ok(performance.now() - again < 30, 'quiet again: no linger');
  });

  it('when a batch fails, each of it goes again alone: only the one the database refuses fails', async () => {
    const write = createGroupCommit(
      async (inputs: readonly number[]) => {
        if (inputs.includes(3)) throw new Error(`refused ${inputs.join(',')}`);
        return inputs.map((n) => n);
      },
      { concurrency: 1, maxBatch: 10, lingerMs: 5 },
    );
    const results = await Promise.allSettled([1, 2, 3, 4].map(write));
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'fulfilled', 'rejected', 'fulfilled'],
    );
    assert.match(String((results[2] as PromiseRejectedResult).reason), /refused 3$/);
  });

  it("the worker's writes of notification states: one batch at a time even on a pool, gathering for 20 ms under load", async () => {
    const pglite = createPgliteDatabase({ dataDir: 'memory://' });
    const updates: number[] = [];
    let running = 0;
    let most = 0;
    // PGlite posing as a pool of ten, whose inserts may run five at a time.
    const db: SqlDatabase = {
      ...pglite,
      connections: 10,
      async query(sql, params) {
        if (!sql.includes('UPDATE escalations AS x SET notification_state')) return pglite.query(sql, params);
        most = Math.max(most, ++running);
        updates.push((params?.[1] as string[]).length);
        try {
          // As long as a loaded database takes: the next write finds this one running.
          await new Promise((ok) => setTimeout(ok, 3));
          return await pglite.query(sql, params);
        } finally {
          running--;
        }
      },
    };
    const store = createSqlStore(db);
    try {
      await store.migrate();
      const items = Array.from({ length: 40 }, () => makeNew());
      await Promise.all(items.map((e) => store.insert(e)));
      // One every millisecond or so, as e-mails go out under load.
      const writes: Promise<void>[] = [];
      for (const e of items) {
        writes.push(store.setNotification(e.request.id, { state: 'sent', attempts: 1, sentAt: new Date().toISOString() }));
        await new Promise((ok) => setTimeout(ok, 1));
      }
      await Promise.all(writes);
      assert.equal(most, 1, 'one at a time');
      assert.equal(
        updates.reduce((a, n) => a + n, 0),
        40,
      );
      assert.ok(updates.length <= 6, `40 writes in ${updates.length} statements: ${updates.join(', ')}`);
      for (const e of items) assert.equal((await store.get(e.request.id))?.notification.state, 'sent');
    } finally {
      await store.close();
    }
  });
});
