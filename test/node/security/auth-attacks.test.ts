/**
 * The API attacked with what a browser or a script can send: keys and cookies misused, changes
 * without the session's CSRF token or from another origin, and people doing more than their role
 * allows. Each refusal is checked to have changed nothing. Sessions and sign-in are attacked in
 * session-attacks.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { wire } from '../../support/fixtures.ts';
import { attackHarness, codeOf, type CallOptions, type Harness, type Session } from './attack-harness.ts';

const postEscalation = (h: Harness, as: CallOptions, body = wire()) =>
  h.call('POST', '/api/escalations', { ...as, body, headers: { 'idempotency-key': body.id, ...as.headers } });

describe('keys and cookies misused', () => {
  let h: Harness;
  let lead: Session;
  let escalationId: string;
  before(async () => {
    h = await attackHarness();
    lead = await h.session(h.people.lead);
    const body = wire();
    assert.equal((await postEscalation(h, { key: h.key.key }, body)).status, 201);
    escalationId = body.id;
  });
  after(() => h.close());

  it('answers 401 to an unknown, tampered, truncated or revoked key, and to a key sent any other way', async () => {
    // ek_<16 hex>_<secret>: the secret is base64url and may hold `_` itself.
    const id = h.key.key.slice(3, 19);
    const secret = h.key.key.slice(20);
    const flip = (s: string) => s.slice(0, -1) + (s.endsWith('A') ? 'B' : 'A');
    const attempts: Record<string, string>[] = [
      { authorization: `Bearer ek_0123456789abcdef_${secret}` },
      { authorization: `Bearer ek_${id}_${flip(secret)}` },
      { authorization: `Bearer ek_${id}_${secret.slice(0, -1)}` },
      { authorization: `Bearer ek_${id.toUpperCase()}_${secret}` },
      { authorization: `Bearer ${h.key.key}x` },
      { authorization: `Basic ${btoa(`x:${h.key.key}`)}` },
      { authorization: h.key.key },
      { cookie: `escalate_session=${h.key.key}` },
      { 'x-api-key': h.key.key },
      // A session's id or CSRF token is not a key either.
      { authorization: `Bearer ${lead.id}` },
      { authorization: `Bearer ${lead.csrfToken}` },
      // A request with Authorization is judged by it alone, never by the cookie that came along.
      { authorization: 'Bearer wrong', cookie: lead.cookie },
    ];
    for (const headers of attempts) {
      assert.equal(await codeOf(await h.call('GET', '/api/escalations', { headers }), 401), 'unauthorized', JSON.stringify(headers));
    }
    const other = await h.call('POST', '/api/keys', { session: lead, body: { name: 'soon revoked' } });
    const { key, id: otherId } = (await other.json()) as { key: string; id: string };
    assert.equal((await h.call('GET', '/api/escalations', { key })).status, 200);
    assert.equal((await h.call('DELETE', `/api/keys/${otherId}`, { session: lead })).status, 204);
    await codeOf(await h.call('GET', '/api/escalations', { key }), 401);
    await codeOf(await postEscalation(h, { key }), 401);
  });

  it('refuses every change made with the cookie but without the CSRF token: 403, nothing changed', async () => {
    const member = await h.session(h.people.member);
    const changes: [string, string, Session, unknown?][] = [
      ['PATCH', `/api/escalations/${escalationId}`, member, { status: 'contacted' }],
      ['POST', `/api/escalations/${escalationId}/notes`, member, { note: 'Called.' }],
      ['POST', '/api/escalations', member, wire()],
      ['POST', '/api/users', lead, { email: 'new@example.com', role: 'lead' }],
      ['DELETE', `/api/users/${crypto.randomUUID()}`, lead],
      ['POST', '/api/keys', lead, { name: 'mine now' }],
      ['DELETE', `/api/keys/${h.key.id}`, lead],
      ['DELETE', '/api/session', lead],
    ];
    const otherSession = await h.session(h.people.lead);
    for (const [method, path, session, body] of changes) {
      for (const csrf of [null, '', 'x'.repeat(43), otherSession.csrfToken, session.csrfToken.toUpperCase()]) {
        const response = await h.call(method, path, { session, csrf, ...(body !== undefined && { body }) });
        assert.equal(await codeOf(response, 403), 'csrf', `${method} ${path} with ${JSON.stringify(csrf)}`);
      }
    }
    const stored = await h.store.get(escalationId);
    assert.equal(stored?.status, 'open');
    assert.deepEqual(stored?.history, []);
    assert.equal((await h.store.access.listUsers()).length, 4);
    assert.equal((await h.store.access.keyById(h.key.id))?.revokedAt, undefined);
    assert.equal((await h.call('GET', '/api/session', { session: lead })).status, 200, 'still signed in');
  });

  it('refuses changes from another origin even with the token, and sign-ins from another origin (login CSRF)', async () => {
    const member = await h.session(h.people.member);
    for (const headers of [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'http://escalations.test:8080' },
      { origin: 'https://escalations.test' },
      { 'sec-fetch-site': 'cross-site' },
    ] as Record<string, string>[]) {
      const response = await h.call('PATCH', `/api/escalations/${escalationId}`, {
        session: member,
        body: { status: 'contacted' },
        headers,
      });
      assert.equal(await codeOf(response, 403), 'csrf', JSON.stringify(headers));
      assert.equal(await codeOf(await h.signIn(h.people.member, headers), 403), 'csrf', JSON.stringify(headers));
    }
    assert.equal((await h.store.get(escalationId))?.status, 'open');
    // The same page's origin, and a key from anywhere (a browser never adds Authorization by itself), pass.
    const own = await h.call('POST', `/api/escalations/${escalationId}/notes`, {
      session: member,
      body: { note: 'From our own page.' },
      headers: { origin: 'http://escalations.test', 'sec-fetch-site': 'same-origin' },
    });
    assert.equal(own.status, 201);
    assert.equal((await h.call('GET', '/api/escalations', { key: h.key.key, headers: { origin: 'https://evil.example' } })).status, 200);
  });

  it('trusts no session when two cookies of its name arrive (one planted for a narrower path)', async () => {
    const member = await h.session(h.people.member);
    const planted = `escalate_session=${'A'.repeat(43)}`;
    for (const cookie of [`${planted}; ${member.cookie}`, `${member.cookie}; ${member.cookie}`]) {
      await codeOf(await h.call('GET', '/api/escalations', { headers: { cookie } }), 401);
    }
    assert.equal((await h.call('GET', '/api/escalations', { session: member })).status, 200);
  });
});

describe('roles', () => {
  let h: Harness;
  let agent: Session;
  let otherAgent: Session;
  let member: Session;
  let agentsOwn: string;
  let keysOwn: string;
  before(async () => {
    h = await attackHarness();
    [agent, otherAgent, member] = await Promise.all([
      h.session(h.people.agent),
      h.session(h.people.otherAgent),
      h.session(h.people.member),
    ]);
    const mine = wire();
    assert.equal((await postEscalation(h, { session: agent }, mine)).status, 201);
    agentsOwn = mine.id;
    const bykey = wire();
    assert.equal((await postEscalation(h, { key: h.key.key }, bykey)).status, 201);
    keysOwn = bykey.id;
  });
  after(() => h.close());

  const listed = async (as: CallOptions) => {
    const response = await h.call('GET', '/api/escalations', as);
    assert.equal(response.status, 200);
    return ((await response.json()) as { items: { id: string }[] }).items.map((i) => i.id).sort();
  };

  it("never shows an agent another agent's or key's escalation: 404 for one, absent from the list", async () => {
    assert.equal((await h.call('GET', `/api/escalations/${agentsOwn}`, { session: agent })).status, 200);
    await codeOf(await h.call('GET', `/api/escalations/${agentsOwn}`, { session: otherAgent }), 404);
    await codeOf(await h.call('GET', `/api/escalations/${agentsOwn.toUpperCase()}`, { key: h.key.key }), 404);
    await codeOf(await h.call('GET', `/api/escalations/${keysOwn}`, { session: agent }), 404);
    assert.deepEqual(await listed({ session: agent }), [agentsOwn]);
    assert.deepEqual(await listed({ session: otherAgent }), []);
    assert.deepEqual(await listed({ key: h.key.key }), [keysOwn]);
    // Filters and paging give nothing more.
    for (const query of ['?status=open', '?limit=200', '?since=2000-01-01T00:00:00Z']) {
      const response = await h.call('GET', `/api/escalations${query}`, { session: otherAgent });
      assert.deepEqual(((await response.json()) as { items: unknown[] }).items, [], query);
    }
    assert.deepEqual(await listed({ session: member }), [agentsOwn, keysOwn].sort());
  });

  it('refuses an agent (user or key) a change of status, a note, the counts, users and keys: 403', async () => {
    for (const as of [{ session: agent }, { key: h.key.key }] as CallOptions[]) {
      const attempts: [string, string, unknown?][] = [
        ['PATCH', `/api/escalations/${agentsOwn}`, { status: 'contacted' }],
        ['POST', `/api/escalations/${agentsOwn}/notes`, { note: 'Mine, after all.' }],
        ['GET', '/api/stats'],
        ['GET', '/api/users'],
        ['GET', '/api/keys'],
        ['POST', '/api/keys', { name: 'another' }],
      ];
      for (const [method, path, body] of attempts) {
        const response = await h.call(method, path, { ...as, ...(body !== undefined && { body }) });
        assert.equal(await codeOf(response, 403), 'forbidden', `${method} ${path}`);
      }
    }
    assert.equal((await h.store.get(agentsOwn))?.status, 'open');
  });

  it('refuses a member the users and keys (list, add, remove, revoke) and the counts, and lets them work the case', async () => {
    const leadId = (await h.store.access.userByEmail(h.people.lead.email))!.id;
    const attempts: [string, string, unknown?][] = [
      ['GET', '/api/users'],
      ['POST', '/api/users', { email: 'friend@example.com', role: 'lead', password: 'a long password 123' }],
      ['DELETE', `/api/users/${leadId}`],
      ['GET', '/api/keys'],
      ['POST', '/api/keys', { name: 'backdoor' }],
      ['DELETE', `/api/keys/${h.key.id}`],
      ['GET', '/api/stats'],
    ];
    for (const [method, path, body] of attempts) {
      const response = await h.call(method, path, { session: member, ...(body !== undefined && { body }) });
      assert.equal(await codeOf(response, 403), 'forbidden', `${method} ${path}`);
    }
    assert.equal((await h.store.access.listUsers()).length, 4);
    assert.equal((await h.store.access.listKeys()).length, 1);
    assert.equal((await h.store.access.keyById(h.key.id))?.revokedAt, undefined);
    const worked = await h.call('PATCH', `/api/escalations/${agentsOwn}`, { session: member, body: { status: 'contacted' } });
    assert.equal(worked.status, 200);
  });
});
