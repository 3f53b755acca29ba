/**
 * The whole way over real HTTP: the SDK client, through the Node adapter (`serve`), to the
 * handler on PGlite.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createEscalationClient, EscalationHttpError } from '@escalate-kit/sdk';
import {
  createEscalationHandler,
  createPgliteStore,
  storedEscalationSchema,
  type EscalationHandler,
  type EscalationStore,
  type StoredEscalation,
} from '../../../packages/server/src/index.ts';
import { serve, type RunningServer } from '../../../packages/server/src/node.ts';
import { errorOf, jsonOf, receiptOf, wire } from '../../support/fixtures.ts';

describe('SDK client → Node adapter → handler → PGlite', () => {
  const token = 'round-trip-token';
  let store: EscalationStore;
  let handler: EscalationHandler;
  let server: RunningServer;
  const sent: StoredEscalation[] = [];

  before(async () => {
    store = createPgliteStore({ dataDir: 'memory://' });
    await store.migrate();
    handler = createEscalationHandler({
      store,
      auth: { token },
      limits: { bodyBytes: 8192, requestsPerMinute: 1000 },
      notify: { notify: async (record) => (sent.push(record), { messageId: '<rt@mail.test>' }) },
      notifyRetry: { intervalMs: 0 },
    });
    server = await serve({ handler, port: 0 });
  });
  after(async () => {
    await server.close();
    handler.close();
    await handler.settled();
    await store.close();
  });

  const endpoint = () => `${server.url}/api/escalations`;

  it('listens on 127.0.0.1 by default', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('delivers an escalation from the SDK client and stores it', async () => {
    const client = createEscalationClient({ endpoint: endpoint(), outbox: false, retry: 0, headers: { Authorization: `Bearer ${token}` } });
    const result = await client.escalate({
      taskId: 'T-2001',
      category: 'complaint',
      notes: 'Issue: Late delivery. Tried: Tracking. Why: Third delay.',
      contactMethod: 'call',
      contact: { phone: '+1 555 123 4567' },
      urgency: 'urgent',
    });
    assert.equal(result.status, 'sent');
    assert.ok(result.status === 'sent');
    assert.equal(result.receipt.id, result.request.id);
    assert.equal(result.receipt.team, 'account');
    assert.equal(result.receipt.duplicate, false);

    const response = await fetch(`${endpoint()}/${result.request.id}`, { headers: { authorization: `Bearer ${token}` } });
    const stored = storedEscalationSchema.parse(await jsonOf(response));
    assert.deepEqual(stored.request, result.request);
    await handler.settled();
    assert.ok(sent.some((s) => s.id === result.request.id));
    assert.equal((await store.get(result.request.id))?.notification.state, 'sent');
  });

  it('replays over HTTP answer 200 with duplicate: true', async () => {
    const body = wire();
    const post = () =>
      fetch(endpoint(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': body.id, authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    await receiptOf(await post(), 201);
    const replay = await receiptOf(await post(), 200);
    assert.equal(replay.duplicate, true);
  });

  it("surfaces the server's 400 issues and 401 as typed SDK errors", async () => {
    const client = createEscalationClient({
      endpoint: endpoint(),
      outbox: false,
      retry: 0,
      headers: { Authorization: `Bearer ${token}` },
      categories: ['warranty'],
    });
    const input = {
      taskId: 'T-9',
      category: 'warranty' as const,
      notes: 'Broken hinge',
      contactMethod: 'email' as const,
      contact: { email: 'a@example.com' },
    };
    const invalid = await client.escalate(input).then(
      () => assert.fail('should be refused'),
      (e: unknown) => e,
    );
    assert.ok(invalid instanceof EscalationHttpError);
    assert.equal(invalid.status, 400);
    assert.deepEqual(
      invalid.issues.map((i) => i.path),
      [['category']],
    );

    const anonymous = createEscalationClient({ endpoint: endpoint(), outbox: false, retry: 0 });
    const denied = await anonymous.escalate({ ...input, category: 'billing' }).then(
      () => assert.fail('should be refused'),
      (e: unknown) => e,
    );
    assert.ok(denied instanceof EscalationHttpError);
    assert.equal(denied.status, 401);
  });

  it('streams a chunked body and answers 413 once it passes the limit', async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode(' '.repeat(1024));
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (pulled >= 4 * 1024 * 1024) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk);
        await new Promise((r) => setTimeout(r, 1));
      },
    });
    const response = await fetch(endpoint(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), authorization: `Bearer ${token}` },
      body,
      duplex: 'half',
    } as RequestInit);
    await errorOf(response, 413, 'payload_too_large');
    assert.ok(pulled < 1024 * 1024, `sent ${pulled} bytes before the answer`);
    // The server is still fine afterwards.
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  });

  it('rate-limits by socket address: a client cannot pick its own x-client-ip', async () => {
    const limited = createEscalationHandler({ store, auth: false, limits: { requestsPerMinute: 2 } });
    const own = await serve({ handler: limited });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const body = wire();
        const response = await fetch(`${own.url}/api/escalations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': body.id, 'x-client-ip': `198.51.100.${i}` },
          body: JSON.stringify(body),
        });
        statuses.push(response.status);
        if (response.status === 429) assert.ok(Number(response.headers.get('retry-after')) > 0);
        await response.body?.cancel();
      }
      assert.deepEqual(statuses, [201, 201, 429]);
    } finally {
      await own.close();
      limited.close();
    }
  });

  it('closes with a connection open that never sent a request (a browser preconnect)', async () => {
    const own = await serve({ handler });
    const { port } = new URL(own.url);
    const socket = connect(Number(port), '127.0.0.1');
    await once(socket, 'connect');
    const ended = once(socket, 'close');
    try {
      // Node's headers timeout no longer watches it once closing: without ending it, close() waits for good.
      const closed = await Promise.race([own.close().then(() => 'closed'), new Promise((ok) => setTimeout(ok, 3000, 'still open'))]);
      assert.equal(closed, 'closed');
      await ended;
    } finally {
      socket.destroy();
    }
  });

  it('answers an unknown path with 404 JSON over HTTP', async () => {
    const response = await fetch(`${server.url}/nope`);
    await errorOf(response, 404, 'not_found');
  });
});
