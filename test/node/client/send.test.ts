/** client.escalate against a real HTTP endpoint: what is sent, what is refused, what is answered. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createEscalationClient,
  EscalationHttpError,
  EscalationReceiptError,
  EscalationValidationError,
  escalationRequestSchema,
  type EscalationClientEventMap,
  type EscalationInput,
} from '@escalate-kit/sdk';
import { input, fast, record, scenarioServer } from './support.ts';

const server = scenarioServer();

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
