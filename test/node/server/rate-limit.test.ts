/**
 * The rate limit as real use needs it (packages/server/src/http/rate-limit.ts): a budget per API
 * key and per signed-in user, so hosts and people behind one address (an office's NAT) do not
 * share one; per address only when the request proves nobody (auth off). A replay of a stored
 * escalation (same Idempotency-Key, same body) never counts, and is answered even over the
 * budget. The limit comes from `limits.requestsPerMinute`, else `ESCALATE_RATE_LIMIT`, whose bad
 * values stop the handler at creation with a clear error.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addKey, addUser, createEscalationHandler } from '../../../packages/server/src/index.ts';
import {
  DEFAULT_RATE_LIMIT,
  parseRateLimit,
  RateLimitConfigError,
  resolveRateLimit,
} from '../../../packages/server/src/http/rate-limit-config.ts';
import { BASE, errorOf, handlerHarness, postRequest, receiptOf, storeKinds, wire } from '../../support/fixtures.ts';

const office = { 'x-client-ip': '203.0.113.7' };
const withKey = (key: string) => ({ headers: { ...office, authorization: `Bearer ${key}` } });

for (const kind of storeKinds) {
  describe(`rate limit on the ${kind.name} store`, () => {
    const { setup } = handlerHarness(kind);

    it('gives each API key its own budget, though both come from one address', async () => {
      const { handler, store, clock } = await setup({ auth: {}, limits: { requestsPerMinute: 2 } });
      const a = await addKey(store.access, 'Host A', clock.now());
      const b = await addKey(store.access, 'Host B', clock.now());
      for (let i = 0; i < 2; i++) await receiptOf(await handler(postRequest(wire(), withKey(a.key))), 201);
      await errorOf(await handler(postRequest(wire(), withKey(a.key))), 429, 'rate_limited');
      // Same address, another key: its budget is untouched.
      for (let i = 0; i < 2; i++) await receiptOf(await handler(postRequest(wire(), withKey(b.key))), 201);
      await errorOf(await handler(postRequest(wire(), withKey(b.key))), 429, 'rate_limited');
    });

    it('gives each signed-in person their own budget, apart from the keys of the same address', async () => {
      const { handler, store, clock } = await setup({ auth: {}, limits: { requestsPerMinute: 1 } });
      const password = 'correct horse battery staple';
      await addUser(store.access, { email: 'ana@example.com', role: 'agent', password }, clock.now());
      const signIn = await handler(
        new Request(`${BASE}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...office },
          body: JSON.stringify({ email: 'ana@example.com', password }),
        }),
      );
      assert.equal(signIn.status, 200);
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
      const { csrfToken } = (await signIn.json()) as { csrfToken: string };
      const asAna = { headers: { ...office, cookie, 'x-csrf-token': csrfToken, origin: BASE } };
      await receiptOf(await handler(postRequest(wire(), asAna)), 201);
      await errorOf(await handler(postRequest(wire(), asAna)), 429, 'rate_limited');
      const key = await addKey(store.access, 'Host', clock.now());
      await receiptOf(await handler(postRequest(wire(), withKey(key.key))), 201);
    });

    it('never counts a replay of a stored escalation, and answers it even over the budget', async () => {
      const { handler, store, clock } = await setup({ auth: {}, limits: { requestsPerMinute: 2 } });
      const { key } = await addKey(store.access, 'Host', clock.now());
      const first = wire();
      await receiptOf(await handler(postRequest(first, withKey(key))), 201);
      // Five retries of the same escalation: each its receipt, none counted.
      for (let i = 0; i < 5; i++) assert.equal((await receiptOf(await handler(postRequest(first, withKey(key))), 200)).duplicate, true);
      await receiptOf(await handler(postRequest(wire(), withKey(key))), 201);
      // Now over the budget: a new escalation waits, a replay is still answered.
      await errorOf(await handler(postRequest(wire(), withKey(key))), 429, 'rate_limited');
      assert.equal((await receiptOf(await handler(postRequest(first, withKey(key))), 200)).duplicate, true);
      // Another body under a stored id is not a replay: 409, and it would have counted.
      await errorOf(await handler(postRequest({ ...first, taskTitle: 'changed' }, withKey(key))), 409, 'conflict');
      clock.advance(60_001);
      await receiptOf(await handler(postRequest(wire(), withKey(key))), 201);
    });

    it('counts by address when the request proves nobody (auth off)', async () => {
      const { handler } = await setup({ limits: { requestsPerMinute: 1 } });
      await receiptOf(await handler(postRequest(wire(), { headers: office })), 201);
      await errorOf(await handler(postRequest(wire(), { headers: office })), 429, 'rate_limited');
      await receiptOf(await handler(postRequest(wire(), { headers: { 'x-client-ip': '203.0.113.8' } })), 201);
    });
  });
}

describe('ESCALATE_RATE_LIMIT', () => {
  it('reads a count per minute, per second, per hour, or off', () => {
    assert.deepEqual(parseRateLimit('600'), { limit: 600, windowMs: 60_000 });
    assert.deepEqual(parseRateLimit(' 600/min '), { limit: 600, windowMs: 60_000 });
    assert.deepEqual(parseRateLimit('10/s'), { limit: 10, windowMs: 1000 });
    assert.deepEqual(parseRateLimit('5000 / Hour'), { limit: 5000, windowMs: 3_600_000 });
    assert.equal(parseRateLimit('OFF').limit, Infinity);
  });

  it('refuses anything else with an error that names the variable, the value and what it takes', () => {
    for (const bad of ['lots', '0', '-5', '10/day', '1.5', '600/', 'Infinity', '1e3']) {
      assert.throws(
        () => parseRateLimit(bad),
        (e: unknown) =>
          e instanceof RateLimitConfigError &&
          e.message.startsWith(`ESCALATE_RATE_LIMIT="${bad}" is not a rate limit`) &&
          /600\/min/.test(e.message) &&
          e.value === bad,
        bad,
      );
    }
  });

  it('applies when the code gives no limit; the code’s limit wins; 600 a minute without either', () => {
    assert.deepEqual(resolveRateLimit(undefined, { ESCALATE_RATE_LIMIT: '30/min' }), { limit: 30, windowMs: 60_000 });
    assert.deepEqual(resolveRateLimit(5, { ESCALATE_RATE_LIMIT: '30/min' }), { limit: 5, windowMs: 60_000 });
    assert.deepEqual(resolveRateLimit(undefined, {}), DEFAULT_RATE_LIMIT);
    assert.deepEqual(resolveRateLimit(undefined, { ESCALATE_RATE_LIMIT: '' }), DEFAULT_RATE_LIMIT);
    assert.deepEqual(DEFAULT_RATE_LIMIT, { limit: 600, windowMs: 60_000 });
    assert.throws(() => resolveRateLimit(0, {}), RateLimitConfigError);
  });

  it('stops a handler at creation on a bad value, and limits by it on a good one', async () => {
    const before = process.env.ESCALATE_RATE_LIMIT;
    try {
      process.env.ESCALATE_RATE_LIMIT = 'plenty';
      const [kind] = storeKinds;
      const store = await kind!.open();
      assert.throws(() => createEscalationHandler({ store, auth: false }), /ESCALATE_RATE_LIMIT="plenty" is not a rate limit/);
      process.env.ESCALATE_RATE_LIMIT = '1/h';
      const handler = createEscalationHandler({ store, auth: false });
      await receiptOf(await handler(postRequest(wire(), { headers: office })), 201);
      const limited = await handler(postRequest(wire(), { headers: office }));
      await errorOf(limited, 429, 'rate_limited');
      assert.ok(Number(limited.headers.get('retry-after')) > 3000, 'the hour is the window');
      handler.close();
      await store.close();
    } finally {
      if (before === undefined) delete process.env.ESCALATE_RATE_LIMIT;
      else process.env.ESCALATE_RATE_LIMIT = before;
    }
  });
});
