/** The outbox in Node (memory): queued when retries run out, delivered exactly once, oldest first. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createEscalationClient,
  EscalationHttpError,
  EscalationNetworkError,
  escalationRequestSchema,
  memoryOutbox,
} from '@escalate-kit/sdk';
import { input, fast, record, scenarioServer } from './support.ts';

const server = scenarioServer();

describe('outbox (in memory, as in Node)', () => {
  it('queues when retries run out on a network fault, then delivers exactly once on flush', async () => {
    const tag = 'down-node';
    const endpoint = server.endpoint('down', tag);
    const client = createEscalationClient({ endpoint, ...fast, retry: { limit: 1, delay: 5 } });
    const events = record(client, 'queued', 'delivered', 'error');
    const result = await client.escalate(input);
    assert.equal(result.status, 'queued');
    assert.ok(result.status === 'queued');
    assert.equal(result.reason, 'network');
    assert.equal((await client.pending()).length, 1);

    // Still down: flush keeps it.
    assert.deepEqual(await client.flush(), { delivered: 0, remaining: 1 });
    await fetch(`${server.origin}/scenario-control/up/${tag}`, { method: 'POST' });
    const [first, second] = await Promise.all([client.flush(), client.flush()]);
    assert.deepEqual(first, { delivered: 1, remaining: 0 });
    // Asked for while the first pass ran: a pass of its own after it, which finds nothing left to send.
    assert.deepEqual(second, { delivered: 0, remaining: 0 });
    assert.deepEqual(await client.flush(), { delivered: 0, remaining: 0 });

    assert.equal(server.storedCount(result.request.id), 1);
    assert.ok(server.log.filter((l) => l.tag === tag).every((l) => l.idempotencyKey === result.request.id));
    assert.deepEqual(
      events.map((e) => e.type),
      ['queued', 'delivered'],
    );
    assert.deepEqual(await client.pending(), []);
  });

  it('queues after 5xx retries run out, and sends the oldest first', async () => {
    const outbox = memoryOutbox();
    const tag = 'order';
    const client = createEscalationClient({ endpoint: server.endpoint('fail-2-503', tag), ...fast, retry: 1, outbox });
    const a = await client.escalate({ ...input, taskId: 'T-A' });
    const b = await client.escalate({ ...input, taskId: 'T-B' });
    assert.equal(a.status, 'queued');
    assert.equal(b.status, 'queued');
    const delivered: string[] = [];
    client.addEventListener('delivered', (e) => delivered.push(e.request.taskId));
    const result = await client.flush();
    assert.deepEqual(result, { delivered: 2, remaining: 0 });
    assert.deepEqual(delivered, ['T-A', 'T-B']);
  });

  it('keeps, but stops re-sending, an entry the server refuses for good', async () => {
    const outbox = memoryOutbox();
    const endpoint = server.endpoint('status-400', 'refused');
    const request = escalationRequestSchema.parse({ ...input, id: crypto.randomUUID(), createdAt: new Date().toISOString() });
    await outbox.put({ id: request.id, endpoint, request, queuedAt: Date.now(), attempts: 1 });
    const client = createEscalationClient({ endpoint, ...fast, outbox });
    const errors = record(client, 'error');
    await client.flush();
    const [entry] = await client.pending();
    assert.equal(entry?.failed, true);
    assert.equal(errors.length, 1);
    await client.flush();
    assert.equal(server.log.filter((l) => l.tag === 'refused').length, 1, 'not re-sent');
  });

  it('rejects with EscalationNetworkError when the outbox is off', async () => {
    const client = createEscalationClient({ endpoint: server.endpoint('down', 'nobox'), ...fast, retry: 0, outbox: false });
    const error = await client.escalate(input).catch((e: unknown) => e);
    assert.ok(error instanceof EscalationNetworkError);
  });
});

describe('outbox: a request the server keeps failing on', () => {
  it('stops re-sending after giveUp.serverErrors 5xx answers, keeps it marked failed, and says so once', async () => {
    const endpoint = server.endpoint('status-500', 'poisoned');
    const client = createEscalationClient({ endpoint, ...fast, retry: 0, giveUp: { serverErrors: 3 } });
    const errors = record(client, 'error');
    const queued = await client.escalate(input);
    assert.equal(queued.status, 'queued');
    assert.deepEqual(await client.flush(), { delivered: 0, remaining: 1 });
    assert.equal(errors.length, 0, 'still transient after 2 answers');
    assert.deepEqual(await client.flush(), { delivered: 0, remaining: 0 });
    assert.equal(errors.length, 1, 'the third 500 is final');
    assert.equal(errors[0]!.event.request?.id, queued.request.id);
    assert.equal((errors[0]!.event.error as EscalationHttpError).status, 500);
    const sentBefore = server.log.filter((l) => l.tag === 'poisoned').length;
    await client.flush();
    assert.equal(server.log.filter((l) => l.tag === 'poisoned').length, sentBefore, 'not sent again');
    const [entry] = await client.pending();
    assert.equal(entry?.failed, true);
    assert.equal(entry?.serverErrors, 3);
    assert.equal(entry?.request.notes, input.notes, 'nothing typed is lost');
    await client.discard(queued.request.id);
    assert.deepEqual(await client.pending(), []);
    client.dispose();
  });

  it('never gives up on network faults, however many', async () => {
    const endpoint = server.endpoint('down', 'down-long');
    const client = createEscalationClient({ endpoint, ...fast, retry: 0, giveUp: { serverErrors: 2 } });
    await client.escalate(input);
    for (let i = 0; i < 5; i++) await client.flush();
    const [entry] = await client.pending();
    assert.equal(entry?.failed ?? false, false);
    assert.equal(entry?.serverErrors, 0);
    client.dispose();
  });

  it('gives up on a 5xx once the escalation is older than giveUp.maxAgeMs', async () => {
    const endpoint = server.endpoint('status-503', 'old');
    const client = createEscalationClient({ endpoint, ...fast, retry: 0, giveUp: { serverErrors: 100, maxAgeMs: 1 } });
    const errors = record(client, 'error');
    await client.escalate(input);
    await new Promise((r) => setTimeout(r, 5));
    await client.flush();
    assert.equal(errors.length, 1);
    assert.equal((await client.pending())[0]?.failed, true);
    client.dispose();
  });
});
