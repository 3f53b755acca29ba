/**
 * Live events across servers on PostgreSQL: two handlers, each on its own pool and listening
 * connection, share one database (a schema of this run) and a channel of this run; a stream
 * opened on the second hears within 1 s what is posted to the first, through NOTIFY sent in the
 * change's transaction. Skipped, saying why, without DATABASE_URL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it as test } from 'node:test';
import { addKey, createEscalationHandler, type EscalationHandler, type EscalationStore } from '../../../packages/server/src/index.ts';
import { serve, type RunningServer } from '../../../packages/server/src/node.ts';
import { createPostgresDatabase, createPostgresStore } from '../../../packages/server/src/postgres.ts';
import { wire } from '../../support/fixtures.ts';
import { about, openSse, type SseReader } from '../../support/sse-reader.ts';

const url = process.env.DATABASE_URL ?? '';
const skip = url ? false : 'DATABASE_URL is not set (e.g. postgres://user:password@127.0.0.1:5432/db; .ci/run sets one up)';
if (skip) console.log(`# PostgreSQL live event tests skipped: ${skip}`);
const it = (title: string, fn: () => Promise<void>) => test(title, { skip }, fn);

const run = `escalate_live_${process.pid}_${Date.now().toString(36)}`;

async function admin(sql: string) {
  const db = createPostgresDatabase({ connectionString: url, max: 1 });
  try {
    await db.query(sql);
  } finally {
    await db.close();
  }
}

describe('live events across two servers on one PostgreSQL database', () => {
  const stores: EscalationStore[] = [];
  const handlers: EscalationHandler[] = [];
  const servers: RunningServer[] = [];
  const readers: SseReader[] = [];
  let key = '';

  before(async () => {
    if (skip) return;
    await admin(`CREATE SCHEMA ${run}`);
    const u = new URL(url);
    u.searchParams.set('options', `-c search_path=${run}`);
    for (let i = 0; i < 2; i++) {
      // The channel of this run only: other runs on the same database are not heard.
      const store = createPostgresStore({ connectionString: u.href, channel: run });
      await store.migrate();
      const handler = createEscalationHandler({ store, limits: { requestsPerMinute: Infinity } });
      stores.push(store);
      handlers.push(handler);
      servers.push(await serve({ handler }));
    }
    key = (await addKey(stores[0]!.access, 'host app', new Date())).key;
  });
  after(async () => {
    for (const r of readers) r.close();
    await Promise.all(servers.map((s) => s.close()));
    for (const h of handlers) h.close();
    await Promise.all(stores.map((s) => s.close()));
    if (!skip) await admin(`DROP SCHEMA IF EXISTS ${run} CASCADE`);
  });

  const post = async (server: RunningServer) => {
    const body = wire();
    const response = await fetch(`${server.url}/api/escalations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': body.id },
      body: JSON.stringify(body),
    });
    assert.equal(response.status, 201);
    return body.id;
  };

  it('a stream on the second server hears an escalation posted to the first within 1 s, and only once', async () => {
    const reader = await openSse(`${servers[1]!.url}/api/events`, { authorization: `Bearer ${key}` });
    readers.push(reader);
    assert.equal(reader.response.status, 200);
    const started = Date.now();
    const id = await post(servers[0]!);
    await reader.next(about('escalation.created', id), 1000);
    assert.ok(Date.now() - started < 1000, `${Date.now() - started} ms`);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(reader.blocks.filter(about('escalation.created', id)).length, 1);
  });

  it('what is not stored is never heard (a second escalation of an open task)', async () => {
    const reader = await openSse(`${servers[1]!.url}/api/events`, { authorization: `Bearer ${key}` });
    readers.push(reader);
    const id = await post(servers[0]!);
    await reader.next(about('escalation.created', id), 1000);
    // The same task again: the insert finds the open escalation and stores nothing, so nothing is published.
    const again = wire();
    const stored = await stores[0]!.get(id);
    const response = await fetch(`${servers[0]!.url}/api/escalations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': again.id },
      body: JSON.stringify({ ...again, taskId: stored!.request.taskId }),
    });
    assert.equal(response.status, 409);
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(!reader.blocks.some(about('escalation.created', again.id)));
  });
});
