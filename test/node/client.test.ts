import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createEscalationClient,
  EscalationHttpError,
  EscalationNetworkError,
  EscalationReceiptError,
  EscalationTimeoutError,
  EscalationValidationError,
  escalationRequestSchema,
  memoryOutbox,
  type EscalationClientEventMap,
  type EscalationClientOptions,
  type EscalationInput,
} from '@escalate-kit/sdk';
import { startScenarioServer } from '../support/node-server.ts';

const input: EscalationInput = {
  taskId: 'T-1042',
  category: 'billing',
  notes:
    'Issue: Customer disputing $450 charge. Tried: Explained policy, offered payment plan. Why: Customer demands manager, threatening BBB.',
  contactMethod: 'email',
  contact: { email: 'pat@example.com' },
  customer: { name: 'Pat Doe', accountId: 'A-77' },
};

let server: Awaited<ReturnType<typeof startScenarioServer>>;
before(async () => {
  server = await startScenarioServer();
});
after(() => server.close());

const fast = { retry: { limit: 3, delay: 5, backoffLimit: 20 }, flushInterval: 0 } satisfies Partial<EscalationClientOptions>;

function record<K extends keyof EscalationClientEventMap>(client: EventTarget, ...types: K[]) {
  const seen: { type: K; event: EscalationClientEventMap[K] }[] = [];
  for (const type of types) client.addEventListener(type, (event) => seen.push({ type, event: event as EscalationClientEventMap[K] }));
  return seen;
}

describe('client.escalate against a real HTTP endpoint', () => {
  it('posts the contract body with Idempotency-Key = id and resolves with the receipt', async () => {
    const endpoint = server.endpoint('ok');
    const client = createEscalationClient({ endpoint, ...fast, headers: { Authorization: 'Bearer static' } });
    const events = record(client, 'submit', 'success');
    const before = Date.now();
    const result = await client.escalate(input);

    assert.equal(result.status, 'sent');
    assert.ok(result.status === 'sent');
    assert.equal(result.receipt.taskId, 'T-1042');
    assert.equal(result.receipt.duplicate, false);
    const [logged] = server.log.filter((l) => l.idempotencyKey === result.request.id);
    assert.ok(logged);
    const body = escalationRequestSchema.parse(logged.body);
    assert.equal(body.id, logged.idempotencyKey);
    assert.equal(body.urgency, 'standard');
    assert.ok(Date.parse(body.createdAt) >= before - 1000);
    assert.equal(logged.authorization, 'Bearer static');
    assert.match(logged.contentType ?? '', /application\/json/);
    assert.deepEqual(
      events.map((e) => e.type),
      ['submit', 'success'],
    );
    assert.equal((events[1]!.event as EscalationClientEventMap['success']).receipt.id, body.id);
  });

  it('rejects bad input with EscalationValidationError naming each field, and sends nothing', async () => {
    const endpoint = server.endpoint('ok');
    const client = createEscalationClient({ endpoint, ...fast });
    const errors = record(client, 'error', 'submit');
    const sentBefore = server.log.length;
    const bad = { ...input, notes: '   ', contactMethod: 'call', contact: {}, category: 'Biling' } as unknown as EscalationInput;
    const error = await client.escalate(bad).then(
      () => assert.fail('should reject'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof EscalationValidationError);
    assert.deepEqual(
      error.issues.map((i) => i.path.join('.')).sort(),
      ['category', 'contact.phone', 'notes'],
      'every problem at once, so a form can mark them all',
    );
    const missingPhone = await client.escalate({ ...input, contactMethod: 'call', contact: {} }).catch((e: unknown) => e);
    assert.ok(missingPhone instanceof EscalationValidationError);
    assert.deepEqual(
      missingPhone.issues.map((i) => i.path),
      [['contact', 'phone']],
    );
    const unknownCategory = await client.escalate({ ...input, category: 'biling' as 'billing' }).catch((e: unknown) => e);
    assert.ok(unknownCategory instanceof EscalationValidationError);
    assert.deepEqual(
      unknownCategory.issues.map((i) => i.path),
      [['category']],
    );
    assert.equal(server.log.length, sentBefore, 'nothing reached the server');
    assert.deepEqual(
      errors.map((e) => e.type),
      ['error', 'error', 'error'],
    );
  });

  it('accepts host categories when configured, and only those', async () => {
    const client = createEscalationClient({ endpoint: server.endpoint('ok'), ...fast, categories: ['warranty', 'billing'] });
    const ok = await client.escalate({ ...input, category: 'warranty' });
    assert.equal(ok.status, 'sent');
    // @ts-expect-error complaint is not one of this host's categories
    const error = await client.escalate({ ...input, category: 'complaint' }).catch((e: unknown) => e);
    assert.ok(error instanceof EscalationValidationError);
    assert.deepEqual(error.issues[0]!.path, ['category']);
    assert.match(error.issues[0]!.message, /warranty, billing/);
  });

  it('surfaces the server issues of a 400 as a final EscalationHttpError, without retrying', async () => {
    const endpoint = server.endpoint('status-400', 'bad400');
    const client = createEscalationClient({ endpoint, ...fast });
    const error = await client.escalate(input).catch((e: unknown) => e);
    assert.ok(error instanceof EscalationHttpError);
    assert.equal(error.status, 400);
    assert.equal(error.code, 'invalid_request');
    assert.deepEqual(error.issues, [{ path: ['notes'], message: 'Notes are required' }]);
    assert.equal(server.log.filter((l) => l.tag === 'bad400').length, 1);
    assert.deepEqual(await client.pending(), [], 'a final refusal is not queued');
  });

  it('treats 401 as final and says so', async () => {
    const client = createEscalationClient({ endpoint: server.endpoint('status-401', 'auth401'), ...fast });
    const errors = record(client, 'error');
    const error = await client.escalate(input).catch((e: unknown) => e);
    assert.ok(error instanceof EscalationHttpError);
    assert.equal(error.status, 401);
    assert.equal(server.log.filter((l) => l.tag === 'auth401').length, 1);
    assert.equal(errors.length, 1);
  });

  for (const value of ['1', 'date']) {
    it(`waits for Retry-After (${value === '1' ? 'seconds' : 'HTTP date'}) after a 429, then succeeds`, async () => {
      const tag = `ra-${value}`;
      const client = createEscalationClient({ endpoint: server.endpoint(`retry-after-${value}`, tag), ...fast });
      const started = Date.now();
      const result = await client.escalate(input);
      const waited = Date.now() - started;
      assert.equal(result.status, 'sent');
      const hits = server.log.filter((l) => l.tag === tag);
      assert.deepEqual(
        hits.map((h) => h.status),
        [429, 201],
      );
      // The backoff alone would be ~5 ms: only honouring the header explains a wait this long.
      assert.ok(waited >= 900, `waited ${waited} ms`);
    });
  }

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

  it('treats a malformed receipt as an error, not a success', async () => {
    const client = createEscalationClient({ endpoint: server.endpoint('malformed'), ...fast });
    const events = record(client, 'success', 'error');
    const error = await client.escalate(input).catch((e: unknown) => e);
    assert.ok(error instanceof EscalationReceiptError);
    assert.ok(error.issues.some((i) => i.path[0] === 'id'));
    assert.deepEqual(
      events.map((e) => e.type),
      ['error'],
    );
  });

  it('sends one request for a double call with the same pending input', async () => {
    const tag = 'double';
    const client = createEscalationClient({ endpoint: server.endpoint('slow-100', tag), ...fast });
    const [a, b] = await Promise.all([client.escalate(input), client.escalate({ ...input })]);
    assert.equal(a, b);
    assert.equal(server.log.filter((l) => l.tag === tag).length, 1);
    // Once settled, a new call is a new escalation.
    await client.escalate(input);
    assert.equal(server.log.filter((l) => l.tag === tag).length, 2);
  });

  it('answers a replay of the same id as a duplicate and a changed body as 409', async () => {
    const client = createEscalationClient({ endpoint: server.endpoint('ok', 'replay'), ...fast });
    const id = crypto.randomUUID();
    const first = await client.escalate({ ...input, id });
    const again = await client.escalate({ ...input, id, createdAt: first.request.createdAt });
    assert.ok(again.status === 'sent' && again.receipt.duplicate);
    const conflict = await client.escalate({ ...input, id, notes: 'changed' }).catch((e: unknown) => e);
    assert.ok(conflict instanceof EscalationHttpError);
    assert.equal(conflict.status, 409);
  });

  it('asks getHeaders before every send and lets it override static headers', async () => {
    let calls = 0;
    const client = createEscalationClient({
      endpoint: server.endpoint('ok', 'hdr'),
      ...fast,
      headers: { Authorization: 'Bearer old' },
      getHeaders: async () => ({ Authorization: `Bearer fresh-${++calls}` }),
    });
    await client.escalate(input);
    await client.escalate({ ...input, taskId: 'T-2' });
    assert.deepEqual(
      server.log.filter((l) => l.tag === 'hdr').map((l) => l.authorization),
      ['Bearer fresh-1', 'Bearer fresh-2'],
    );
  });

  it('refuses to be created without an endpoint', () => {
    assert.throws(
      () => createEscalationClient({ endpoint: '' }),
      (e: unknown) => e instanceof EscalationValidationError && e.issues[0]!.path[0] === 'endpoint',
    );
  });
});

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
    assert.equal(first, second, 'concurrent flushes share one pass');
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
