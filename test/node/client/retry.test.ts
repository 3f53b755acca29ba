/** Retries under one Idempotency-Key, timeouts and totalTimeout. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEscalationClient, EscalationTimeoutError } from '@escalate-kit/sdk';
import { input, fast, record, scenarioServer } from './support.ts';

const server = scenarioServer();

describe('client.escalate: retries and timeouts', () => {
  it('retries 503 twice and succeeds, with the same Idempotency-Key and body every time', async () => {
    const tag = 'f503';
    const client = createEscalationClient({ endpoint: server.endpoint('fail-2-503', tag), ...fast });
    const result = await client.escalate(input);
    assert.equal(result.status, 'sent');
    const hits = server.log.filter((l) => l.tag === tag);
    assert.deepEqual(
      hits.map((h) => h.status),
      [503, 503, 201],
    );
    assert.equal(new Set(hits.map((h) => h.idempotencyKey)).size, 1);
    assert.equal(new Set(hits.map((h) => JSON.stringify(h.body))).size, 1);
    assert.equal(hits[0]!.idempotencyKey, result.request.id);
  });

  it('retries a timed-out attempt with the same key', async () => {
    const tag = 'slowfirst';
    // Generous margins: a loaded 2-core machine must not turn the retried attempt into a timeout too.
    const client = createEscalationClient({ endpoint: server.endpoint('slowfirst-3000', tag), ...fast, timeout: 1000 });
    const result = await client.escalate(input);
    assert.equal(result.status, 'sent');
    const hits = server.log.filter((l) => l.tag === tag);
    assert.equal(hits.length, 2);
    assert.equal(hits[0]!.idempotencyKey, hits[1]!.idempotencyKey);
  });

  it('rejects with EscalationTimeoutError when every attempt times out and there is no outbox', async () => {
    const tag = 'slow';
    const client = createEscalationClient({
      endpoint: server.endpoint('slow-300', tag),
      ...fast,
      retry: { limit: 1, delay: 5 },
      timeout: 100,
      outbox: false,
    });
    const error = await client.escalate(input).catch((e: unknown) => e);
    assert.ok(error instanceof EscalationTimeoutError, String(error));
    assert.match(error.message, /100 ms/);
    assert.equal(server.log.filter((l) => l.tag === tag).length, 2);
  });

  it('queues once totalTimeout runs out, however many retries were left', async () => {
    const tag = 'total';
    const client = createEscalationClient({
      endpoint: server.endpoint('slow-1000', tag),
      ...fast,
      retry: { limit: 10, delay: 5 },
      timeout: 400,
      totalTimeout: 1000,
    });
    const started = Date.now();
    const result = await client.escalate(input);
    assert.equal(result.status, 'queued');
    assert.ok(result.status === 'queued' && result.reason === 'timeout');
    assert.ok(Date.now() - started < 2500, 'bounded by totalTimeout, not by 11 attempts');
    assert.ok(server.log.filter((l) => l.tag === tag).length < 5);
  });

  it('queues, never calls malformed, a stored answer whose body breaks off, and delivers it from the outbox', async () => {
    const tag = 'cut-body';
    const client = createEscalationClient({ endpoint: server.endpoint('cutbody', tag), ...fast });
    const events = record(client, 'queued', 'delivered', 'error');
    const result = await client.escalate(input);
    assert.equal(result.status, 'queued', 'the server stored it: a final error would be false');
    assert.ok(result.status === 'queued' && result.reason === 'network');
    assert.deepEqual(await client.flush(), { delivered: 1, remaining: 0 });
    assert.equal(server.storedCount(result.request.id), 1);
    assert.deepEqual(
      events.map((e) => e.type),
      ['queued', 'delivered'],
    );
  });
});
