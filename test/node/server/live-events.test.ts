/**
 * Live updates over real HTTP (the Node adapter on 127.0.0.1): `GET /api/events` and
 * `GET /api/escalations/:id/events` deliver what happens after they open, to whom may see it (an
 * agent's key only its own), unbuffered, with `retry:` and heartbeats, and end when the server
 * closes; on the memory store and PGlite. The PostgreSQL case (two servers on one database,
 * through LISTEN/NOTIFY) is in live-events-postgres.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addKey, createEscalationHandler, type EscalationHandler, type EscalationStore } from '../../../packages/server/src/index.ts';
import { serve, type RunningServer } from '../../../packages/server/src/node.ts';
import { storeKinds, wire } from '../../support/fixtures.ts';
import { about, openSse, type SseReader } from '../../support/sse-reader.ts';
import { addPerson, apiSession, type ApiSession } from '../security/inbox-session.ts';

for (const kind of storeKinds) {
  describe(`live events over HTTP (${kind.name})`, () => {
    let store: EscalationStore;
    let handler: EscalationHandler;
    let server: RunningServer;
    let member: ApiSession;
    let keys: { key: string }[];
    const readers: SseReader[] = [];
    let closedServer = false;

    before(async () => {
      store = await kind.open();
      handler = createEscalationHandler({ store, live: { heartbeatMs: 100, retryMs: 1500 }, limits: { requestsPerMinute: Infinity } });
      server = await serve({ handler });
      const person = await addPerson(store, 'member');
      member = await apiSession(server.url, person);
      keys = [await addKey(store.access, 'host one', new Date()), await addKey(store.access, 'host two', new Date())];
    });
    after(async () => {
      for (const r of readers) r.close();
      if (!closedServer) await server.close();
      handler.close();
      await store.close();
    });

    const open = async (path: string, headers: Record<string, string>) => {
      const reader = await openSse(`${server.url}${path}`, headers);
      readers.push(reader);
      return reader;
    };
    const asMember = () => ({ cookie: member.cookie });
    const asKey = (i: number) => ({ authorization: `Bearer ${keys[i]!.key}` });
    const post = async (i: number) => {
      const body = wire();
      const response = await fetch(`${server.url}/api/escalations`, {
        method: 'POST',
        headers: { ...asKey(i), 'content-type': 'application/json', 'idempotency-key': body.id },
        body: JSON.stringify(body),
      });
      assert.equal(response.status, 201);
      return body.id;
    };
    const change = (method: string, path: string, body?: unknown) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { cookie: member.cookie, 'x-csrf-token': member.csrfToken, 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });

    it('a member hears a new escalation, its status, its note and its owner, with retry: and heartbeats, unbuffered', async () => {
      const events = await open('/api/events', asMember());
      assert.equal(events.response.status, 200);
      assert.match(events.response.headers.get('content-type') ?? '', /^text\/event-stream/);
      assert.equal(events.response.headers.get('cache-control'), 'no-store');
      const first = await events.next(() => true);
      assert.equal(first.retry, 1500);

      const started = Date.now();
      const id = await post(0);
      const created = await events.next(about('escalation.created', id), 1000);
      assert.ok(Date.now() - started < 1000);
      const data = JSON.parse(created.data!) as Record<string, unknown>;
      assert.deepEqual(Object.keys(data).sort(), ['assignee', 'at', 'id', 'status']);
      assert.deepEqual({ status: data.status, assignee: data.assignee }, { status: 'open', assignee: null });

      assert.equal((await change('PATCH', `/api/escalations/${id}`, { status: 'contacted' })).status, 200);
      assert.equal(JSON.parse((await events.next(about('escalation.changed', id))).data!).change, 'status');
      assert.equal((await change('POST', `/api/escalations/${id}/notes`, { note: 'Called back' })).status, 201);
      assert.equal(JSON.parse((await events.next(about('escalation.changed', id))).data!).change, 'note');
      assert.equal((await change('POST', `/api/escalations/${id}/claim`)).status, 200);
      const claimed = JSON.parse((await events.next(about('escalation.changed', id))).data!) as {
        assignee: { name: string };
        status: string;
      };
      assert.deepEqual([claimed.status, claimed.assignee.name], ['contacted', 'Morgan Member']);
      // Heartbeats keep an idle stream alive (every 100 ms here).
      await events.next((b) => b.comments.includes('heartbeat'), 1000);
    });

    it("an agent's key hears only its own escalations, on the list's stream and on one escalation's", async () => {
      const mine = await open('/api/events', asKey(0));
      const theirs = await post(1);
      const own = await post(0);
      await mine.next(about('escalation.created', own), 1000);
      assert.ok(!mine.blocks.some(about('escalation.created', theirs)), "another key's escalation is not heard");

      const one = await open(`/api/escalations/${own}/events`, asKey(0));
      assert.equal(one.response.status, 200);
      await change('PATCH', `/api/escalations/${theirs}`, { status: 'contacted' });
      await change('PATCH', `/api/escalations/${own}`, { status: 'contacted' });
      await one.next(about('escalation.changed', own), 1000);
      assert.ok(!one.blocks.some(about('escalation.changed', theirs)));

      const refused = await fetch(`${server.url}/api/escalations/${theirs}/events`, { headers: asKey(0) });
      assert.equal(refused.status, 404);
      await refused.body?.cancel();
      const nobody = await fetch(`${server.url}/api/events`);
      assert.equal(nobody.status, 401);
      await nobody.body?.cancel();
    });

    it('closing the server ends its open streams at once, those of clients gone meanwhile too', async () => {
      const gone = await open('/api/events', asMember());
      gone.close();
      const staying = await open('/api/events', asMember());
      await staying.next(() => true);
      const closing = Date.now();
      const closed = server.close();
      await staying.ended;
      assert.ok(Date.now() - closing < 1000, 'the stream ended with the server');
      await closed;
      closedServer = true;
    });
  });
}
