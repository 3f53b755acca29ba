/**
 * client.reportHandled against the real reference server with auth on, as a host sends it with its
 * API key: stored once under its id (a retry after a lost answer too), refused before sending
 * with every bad field named, and the server's refusals as typed errors.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEscalationClient, EscalationHttpError, EscalationValidationError, type EscalationClient } from '@escalate-kit/sdk';
import { addKey, createEscalationHandler, createMemoryStore, type EscalationHandler } from '../../../packages/server/src/index.ts';
import { serve, type RunningServer } from '../../../packages/server/src/node.ts';

describe('client.reportHandled against the reference server', () => {
  const store = createMemoryStore();
  let handler: EscalationHandler;
  let server: RunningServer;
  let host: EscalationClient;
  const requests: { url: string; key: string | null }[] = [];
  /** Fails the first POST once, after the server stored it: the answer is lost on the way back. */
  let loseNextAnswer = false;

  before(async () => {
    handler = createEscalationHandler({ store });
    server = await serve({ handler, port: 0 });
    const { key } = await addKey(store.access, 'task app', new Date());
    host = createEscalationClient({
      endpoint: `${server.url}/api/escalations`,
      outbox: false,
      headers: { authorization: `Bearer ${key}` },
      retry: { limit: 2, delay: 1 },
      fetch: async (input, init) => {
        const request = new Request(input, init);
        requests.push({ url: request.url, key: request.headers.get('idempotency-key') });
        const response = await fetch(request);
        if (loseNextAnswer) {
          loseNextAnswer = false;
          return new Response('{"error":"internal_error"}', { status: 503, headers: { 'content-type': 'application/json' } });
        }
        return response;
      },
    });
  });
  after(async () => {
    await server?.close();
    handler?.close();
  });

  it('posts to /api/handled next to the endpoint, and the server stores it with the start day', async () => {
    const receipt = await host.reportHandled({ taskId: 'T-H-1', agentId: 'agent-7', startedOn: '2025-01-10' });
    assert.equal(receipt.duplicate, false);
    assert.equal(receipt.taskId, 'T-H-1');
    assert.equal(requests.at(-1)!.url, `${server.url}/api/handled`);
    assert.equal(requests.at(-1)!.key, receipt.id);
    const { handled } = await store.metricsRows('1970-01-01T00:00:00Z', '9999-01-01T00:00:00Z');
    const stored = handled.find((r) => r.id === receipt.id);
    assert.equal(stored?.agentId, 'agent-7');
    assert.equal(stored?.agentStartedOn, '2025-01-10');
    assert.equal(stored?.handledAt, receipt.handledAt);
  });

  it('retries a lost answer under the same key: stored once, the retry told it is a duplicate', async () => {
    const before = requests.length;
    loseNextAnswer = true;
    const receipt = await host.reportHandled({ taskId: 'T-H-2', agentId: 'agent-7' });
    const attempts = requests.slice(before);
    assert.equal(attempts.length, 2);
    assert.equal(new Set(attempts.map((a) => a.key)).size, 1, 'one Idempotency-Key for every attempt');
    assert.equal(receipt.duplicate, true);
    const { handled } = await store.metricsRows('1970-01-01T00:00:00Z', '9999-01-01T00:00:00Z');
    assert.equal(handled.filter((r) => r.taskId === 'T-H-2').length, 1);
  });

  it('refuses bad input before sending, naming every bad field', async () => {
    const before = requests.length;
    await assert.rejects(
      // @ts-expect-error: an unknown field, as plain JavaScript could send
      host.reportHandled({ taskId: '', agentId: 42, startedOn: '2025-02-30', extra: 1 }),
      (e: unknown) => {
        assert.ok(e instanceof EscalationValidationError);
        const named = e.issues.map((i) => String(i.path[0] ?? i.message));
        for (const field of ['taskId', 'agentId', 'startedOn']) assert.ok(named.includes(field), `${field} named`);
        assert.ok(e.issues.some((i) => /extra/.test(i.message)));
        return true;
      },
    );
    assert.equal(requests.length, before, 'nothing sent');
  });

  it("says the server's refusal as a typed error: the same id with another report is a conflict", async () => {
    const id = crypto.randomUUID();
    await host.reportHandled({ id, taskId: 'T-H-3', agentId: 'agent-7', handledAt: '2025-11-14T09:00:00Z' });
    const again = await host.reportHandled({ id, taskId: 'T-H-3', agentId: 'agent-7', handledAt: '2025-11-14T09:00:00Z' });
    assert.equal(again.duplicate, true, 'the same id and report later: stored once');
    await assert.rejects(
      host.reportHandled({ id, taskId: 'T-H-3', agentId: 'agent-8', handledAt: '2025-11-14T09:00:00Z' }),
      (e: unknown) => {
        assert.ok(e instanceof EscalationHttpError);
        assert.equal(e.status, 409);
        assert.equal(e.code, 'conflict');
        return true;
      },
    );
  });
});
