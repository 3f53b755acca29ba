/**
 * What the API gives away besides its bodies: every answer under /api is `Cache-Control:
 * no-store` and `nosniff`, whatever its status; and the log (pino's sink, captured) holds no
 * password, key, session id, CSRF token or customer detail after a morning of use and abuse, and
 * nothing at all for requests that were merely wrong: only a fault of the server is logged, once,
 * under the id its 500 names.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMemoryStore, type EscalationStore } from '../../../packages/server/src/index.ts';
import { wire } from '../../support/fixtures.ts';
import { attackHarness, type CallOptions, type Harness, type Session } from './attack-harness.ts';

describe('answers and logs', () => {
  let h: Harness;
  let lead: Session;
  let member: Session;
  /** The store fails reading one escalation when this is set: a fault of the server's own. */
  let failing: Error | undefined;
  const customer = { name: 'Priya Customer-Secret', accountId: 'ACCT-SECRET-991' };
  const contact = { email: 'priya.secret@customer.example' };
  const notes = 'Issue: SECRET-NOTE refund of $450. Tried: SECRET-TRIED payment plan. Why: SECRET-WHY wants a manager.';

  before(async () => {
    const inner = createMemoryStore();
    const store: EscalationStore = {
      ...inner,
      get: async (id) => {
        if (failing) throw failing;
        return inner.get(id);
      },
    };
    h = await attackHarness({ lockout: { maxFailures: 2 } }, store);
    [lead, member] = await Promise.all([h.session(h.people.lead), h.session(h.people.member)]);
  });
  after(() => h.close());

  it('answers no-store and nosniff on every /api answer: 2xx, 4xx, 5xx, HEAD', async () => {
    const body = wire({ customer, contact, notes });
    const post = (as: CallOptions, b: Record<string, unknown> = body) =>
      h.call('POST', '/api/escalations', { ...as, body: b, headers: { 'idempotency-key': String(b.id) } });
    const calls: [string, () => Promise<Response>][] = [
      ['201', () => post({ key: h.key.key })],
      ['200 replay', () => post({ key: h.key.key })],
      ['200 list', () => h.call('GET', '/api/escalations', { session: lead })],
      ['HEAD', () => h.call('HEAD', '/api/escalations', { session: lead })],
      ['200 session', () => h.call('GET', '/api/session', { session: member })],
      ['200 users', () => h.call('GET', '/api/users', { session: lead })],
      ['201 key', () => h.call('POST', '/api/keys', { session: lead, body: { name: 'temp' } })],
      ['204', () => h.call('DELETE', `/api/keys/${h.key.id}`, { session: lead })],
      ['400', () => h.call('GET', '/api/escalations?limit=0', { session: lead })],
      ['401', () => h.call('GET', '/api/escalations')],
      ['403 role', () => h.call('GET', '/api/users', { session: member })],
      ['403 csrf', () => h.call('POST', '/api/keys', { session: lead, csrf: null, body: { name: 'x' } })],
      ['404', () => h.call('GET', `/api/escalations/${crypto.randomUUID()}`, { session: lead })],
      ['404 path', () => h.call('GET', '/api/nothing', { session: lead })],
      ['405', () => h.call('PUT', '/api/escalations', { session: lead })],
      ['409', () => post({ session: member }, { ...body, notes: `${notes} Changed.` })],
      ['413', () => h.call('POST', '/api/keys', { session: lead, body: 'x', headers: { 'content-length': '10000000' } })],
      ['415', () => h.call('POST', '/api/keys', { session: lead, body: new Uint8Array(2), headers: { 'content-type': 'text/plain' } })],
      [
        '429',
        async () => {
          for (let i = 0; i < 2; i++) await h.signIn({ email: h.people.agent.email, password: 'wrong password here' });
          return h.signIn(h.people.agent);
        },
      ],
      [
        '500',
        async () => {
          failing = new Error('the database went away');
          try {
            return await h.call('GET', `/api/escalations/${body.id}`, { session: lead });
          } finally {
            failing = undefined;
          }
        },
      ],
    ];
    for (const [label, call] of calls) {
      const response = await call();
      const status = label.match(/^\d+/)?.[0];
      if (status) assert.equal(String(response.status), status, label);
      assert.equal(response.headers.get('cache-control'), 'no-store', label);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', label);
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer', label);
      await response.body?.cancel();
    }
  });

  it('logs nothing of a morning of use and abuse, and a fault once, under its errorId, without the row it was reading', async () => {
    h.logLines.length = 0;
    const secrets: string[] = [h.people.lead.password, h.people.member.password, lead.id, lead.csrfToken, member.id, member.csrfToken];
    const made = await h.call('POST', '/api/keys', { session: lead, body: { name: 'logged?' } });
    const { key } = (await made.json()) as { key: string };
    // The secret is everything after the id (base64url, which may hold `_` itself).
    secrets.push(key, key.slice('ek_0123456789abcdef_'.length));
    const body = wire({ customer, contact, notes });
    secrets.push(customer.name, customer.accountId, contact.email, 'SECRET-NOTE', 'SECRET-TRIED', 'SECRET-WHY');
    const as = { key, headers: { 'idempotency-key': body.id } };
    await h.call('POST', '/api/escalations', { ...as, body });
    await h.call('POST', '/api/escalations', { ...as, body: { ...body, notes: `${notes} x` } });
    await h.call('POST', '/api/escalations', { ...as, body: JSON.stringify(body).slice(0, -3) });
    await h.call('POST', '/api/escalations', { ...as, body: { ...body, contact: { email: `${contact.email}\u0000` } } });
    await h.call('PATCH', `/api/escalations/${body.id}`, { session: member, body: { status: 'contacted', note: 'SECRET-NOTE called' } });
    await h.call('PATCH', `/api/escalations/${body.id}`, { session: member, body: { status: 'contacted', note: 'SECRET-NOTE again' } });
    await h.signIn({ email: h.people.member.email, password: `${h.people.lead.password}` });
    await h.signIn({ email: h.people.lead.password, password: h.people.lead.password });
    for (const path of [
      '/api/escalations/%00',
      `/api/escalations?since=0000-01-01T00:00:00Z`,
      '/api/escalations?cursor=%00',
      '/api/../../etc',
    ]) {
      await h.call('GET', path, { session: lead });
    }
    await h.call('GET', '/api/escalations', { headers: { authorization: `Bearer ${key}x`, cookie: `escalate_session=${lead.id}` } });
    assert.deepEqual(h.logLines, [], 'requests that were only wrong log nothing');

    failing = Object.assign(new Error('connection reset while reading the row'), {
      code: 'ECONNRESET_TEST',
      detail: `Key (contact)=(${contact.email}) for ${customer.name}`,
      parameters: [contact.email, customer.name],
    });
    let answer: { errorId: string };
    try {
      answer = (await (await h.call('GET', `/api/escalations/${body.id}`, { session: lead })).json()) as { errorId: string };
    } finally {
      failing = undefined;
    }
    assert.equal(h.logLines.length, 1, h.logLines.join(''));
    const line = JSON.parse(h.logLines[0]!) as { level: number; errorId: string; err: { message: string; code: string } };
    assert.equal(line.level, 50);
    assert.equal(line.errorId, answer.errorId);
    assert.equal(line.err.message, 'connection reset while reading the row');
    assert.equal(line.err.code, 'ECONNRESET_TEST');
    for (const secret of secrets) assert.ok(!h.logLines.join('\n').includes(secret), `the log holds ${secret}`);
  });
});
