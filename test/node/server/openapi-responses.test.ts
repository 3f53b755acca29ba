/**
 * The real server's answers against its OpenAPI document: the handler on PGlite with auth on,
 * served over HTTP on 127.0.0.1 (test/support/openapi-server.ts), asked for every status every
 * operation documents, as an agent's key, a member, a lead, the service key or nobody; each answer
 * checked with ajv (test/support/openapi-validator.ts): the status documented, the required
 * headers there, the body as the schema says. It ends by naming any documented pair it never produced.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openApiDocument } from '../../../packages/server/src/index.ts';
import { wire } from '../../support/fixtures.ts';
import { BODY_LIMIT, send, startApiUnderTest, type Call } from '../../support/openapi-server.ts';
import { openApiValidator } from '../../support/openapi-validator.ts';
import { addPerson, apiSession } from '../security/inbox-session.ts';

const v = openApiValidator(openApiDocument());
let api: Awaited<ReturnType<typeof startApiUnderTest>>;
let agent: { key: string };

/** Sends `method` to `template` (`{id}` filled with `id`, a fresh UUID by default) and checks the answer against its operation. */
async function expect(status: number, method: string, template: string, call: Call & { id?: string; query?: string } = {}) {
  const path = template.replace('{id}', call.id ?? crypto.randomUUID()) + (call.query ?? '');
  return v.check(template, method, status, await send(api.main, method, path, call));
}

before(async () => {
  api = await startApiUnderTest();
  agent = { key: ((await expect(201, 'POST', '/api/keys', { body: { name: 'Host app' } })) as { key: string }).key };
});
after(() => api?.close());

describe("the server's answers match its OpenAPI document", () => {
  it('answers what every operation documents for every path, method, auth and size rule', async () => {
    for (const [template, method] of v.operations()) {
      const id = template.startsWith('/api/keys') ? '0123456789abcdef' : crypto.randomUUID();
      // A method the path does not have: the 405 every operation's path answers, with Allow.
      const has = new Set(v.operations().flatMap(([p, m]) => (p === template ? [m] : [])));
      const other = ['PUT', 'PATCH', 'DELETE', 'POST'].find((m) => !has.has(m))!;
      await v.check(template, method, 405, await send(api.main, other, template.replace('{id}', id)));
      await expect(414, method, template, { id, query: `?q=${'x'.repeat(9000)}` });
      if (v.documents(template, method, 401) && template !== '/api/session') await expect(401, method, template, { id, as: 'nobody' });
      if (v.documents(template, method, 413)) await expect(413, method, template, { id, body: 'x'.repeat(BODY_LIMIT + 1) });
      if (v.documents(template, method, 415)) await expect(415, method, template, { id, body: '{}', type: 'text/plain' });
    }
  });

  it('escalations: sent, replayed, refused, listed, read, changed and noted', async () => {
    const body = wire();
    const headers = { 'idempotency-key': body.id };
    const created = await send(api.main, 'POST', '/api/escalations', { as: agent, body, headers });
    assert.equal(created.headers.get('location'), `/api/escalations/${body.id}`);
    await v.check('/api/escalations', 'POST', 201, created);
    await expect(200, 'POST', '/api/escalations', { as: agent, body, headers });
    await expect(409, 'POST', '/api/escalations', { as: agent, body: { ...body, notes: 'Other notes.' }, headers });
    const again = wire({ taskId: body.taskId });
    const existing = await expect(409, 'POST', '/api/escalations', { as: agent, body: again, headers: { 'idempotency-key': again.id } });
    assert.equal((existing as { existing: { id: string } }).existing.id, body.id);
    const bad = wire({ category: 'warranty', contactMethod: 'fax' });
    await expect(400, 'POST', '/api/escalations', { as: agent, body: bad, headers: { 'idempotency-key': bad.id } });
    await expect(403, 'POST', '/api/escalations', { as: { ...api.sessions.lead, csrf: false }, body, headers });
    const limitedBody = wire();
    const limitedCall = { body: limitedBody, headers: { 'idempotency-key': limitedBody.id } };
    assert.equal((await send(api.limited, 'POST', '/api/escalations', limitedCall)).status, 201);
    // A replay never counts (and is answered over the budget); a second escalation is over it.
    assert.equal((await send(api.limited, 'POST', '/api/escalations', limitedCall)).status, 200);
    const overBody = wire();
    const overCall = { body: overBody, headers: { 'idempotency-key': overBody.id } };
    await v.check('/api/escalations', 'POST', 429, await send(api.limited, 'POST', '/api/escalations', overCall));

    await expect(200, 'GET', '/api/escalations', { as: agent, query: `?taskId=${body.taskId}` });
    await expect(400, 'GET', '/api/escalations', { query: '?limit=0' });
    await expect(200, 'GET', '/api/escalations/{id}', { as: agent, id: body.id });
    await expect(404, 'GET', '/api/escalations/{id}');

    const member = api.sessions.member;
    const id = body.id;
    await expect(200, 'PATCH', '/api/escalations/{id}', { as: member, id, body: { status: 'contacted' } });
    await expect(409, 'PATCH', '/api/escalations/{id}', { as: member, id, body: { status: 'contacted' } });
    await expect(409, 'PATCH', '/api/escalations/{id}', { as: member, id, body: { status: 'open' } });
    await expect(400, 'PATCH', '/api/escalations/{id}', { as: member, id, body: { status: 'closed' } });
    await expect(403, 'PATCH', '/api/escalations/{id}', { as: agent, id, body: { status: 'resolved' } });
    await expect(403, 'PATCH', '/api/escalations/{id}', { as: { ...member, csrf: false }, id, body: { status: 'resolved' } });
    await expect(404, 'PATCH', '/api/escalations/{id}', { as: member, body: { status: 'resolved' } });

    await expect(201, 'POST', '/api/escalations/{id}/notes', { as: member, id, body: { note: 'Called; waiting for the invoice.' } });
    await expect(400, 'POST', '/api/escalations/{id}/notes', { as: member, id, body: { note: '' } });
    await expect(403, 'POST', '/api/escalations/{id}/notes', { as: agent, id, body: { note: 'An agent may not.' } });
    await expect(404, 'POST', '/api/escalations/{id}/notes', { as: member, body: { note: 'Nobody is there.' } });
  });

  it('the work queue: claimed, released, assigned, refused, listed with its filters, and streamed live', async () => {
    const body = wire();
    await expect(201, 'POST', '/api/escalations', { as: agent, body, headers: { 'idempotency-key': body.id } });
    const { member, lead } = api.sessions;
    const id = body.id;
    const userId = async (email: string) => (await api.store.access.userByEmail(email))!.id;
    const [memberId, agentId] = [await userId(api.people.member.email), await userId(api.people.agent.email)];
    const second = await apiSession(api.main.url, await addPerson({ access: api.store.access }, 'member', 'second.member@example.com'));
    await expect(200, 'GET', '/api/escalations', { as: member, query: '?assignee=me&overdue=true&q=100%25_' });
    await expect(400, 'GET', '/api/escalations', { as: agent, query: '?assignee=me' });

    await expect(200, 'POST', '/api/escalations/{id}/claim', { as: member, id });
    const taken = (await expect(409, 'POST', '/api/escalations/{id}/claim', { as: second, id })) as { assignee: { id: string } };
    assert.equal(taken.assignee.id, memberId);
    await expect(403, 'POST', '/api/escalations/{id}/claim', { as: agent, id });
    await expect(403, 'POST', '/api/escalations/{id}/claim', { as: { ...member, csrf: false }, id });
    await expect(404, 'POST', '/api/escalations/{id}/claim', { as: member });

    await expect(403, 'POST', '/api/escalations/{id}/release', { as: second, id });
    await expect(404, 'POST', '/api/escalations/{id}/release', { as: member });
    api.fault.racing = true;
    try {
      await expect(409, 'POST', '/api/escalations/{id}/release', { as: member, id });
      await expect(409, 'PUT', '/api/escalations/{id}/assignee', { as: lead, id, body: { userId: null } });
    } finally {
      api.fault.racing = false;
    }
    await expect(200, 'POST', '/api/escalations/{id}/release', { as: member, id });

    await expect(200, 'PUT', '/api/escalations/{id}/assignee', { as: lead, id, body: { userId: memberId } });
    await expect(400, 'PUT', '/api/escalations/{id}/assignee', { as: lead, id, body: { userId: agentId } });
    await expect(403, 'PUT', '/api/escalations/{id}/assignee', { as: member, id, body: { userId: memberId } });
    await expect(404, 'PUT', '/api/escalations/{id}/assignee', { as: lead, body: { userId: memberId } });

    await expect(200, 'GET', '/api/events', { as: agent });
    await expect(200, 'GET', '/api/escalations/{id}/events', { as: agent, id });
    await expect(404, 'GET', '/api/escalations/{id}/events', { as: agent });
  });

  it('counts, labels and liveness', async () => {
    await expect(200, 'GET', '/api/stats', { as: api.sessions.lead });
    await expect(200, 'GET', '/api/stats', { as: api.sessions.lead, query: '?from=2025-03-03&to=2025-03-16&tz=Europe/Paris' });
    await expect(400, 'GET', '/api/stats', { as: api.sessions.lead, query: '?from=2025-02-30&tz=Mars/Olympus' });
    await expect(403, 'GET', '/api/stats', { as: agent });
    await expect(200, 'GET', '/api/meta', { as: agent });
    await expect(200, 'GET', '/healthz', { as: 'nobody' });
  });

  it('handled reports: stored, replayed, refused', async () => {
    const body = { id: crypto.randomUUID(), taskId: 'T-HANDLED', agentId: 'agent-7', agentStartedOn: '2025-01-10' };
    const headers = { 'idempotency-key': body.id };
    await expect(201, 'POST', '/api/handled', { as: agent, body, headers });
    await expect(200, 'POST', '/api/handled', { as: agent, body, headers });
    await expect(409, 'POST', '/api/handled', { as: agent, body: { ...body, agentId: 'agent-8' }, headers });
    await expect(400, 'POST', '/api/handled', { as: agent, body: { ...body, agentStartedOn: 'last spring' }, headers });
    await expect(403, 'POST', '/api/handled', { as: { ...api.sessions.member, csrf: false }, body, headers });
  });

  it('sessions: signed in, refused, locked and signed out', async () => {
    const { lead } = api.people;
    await expect(200, 'GET', '/api/session', { as: api.sessions.lead });
    await expect(200, 'POST', '/api/session', { as: 'nobody', body: { email: lead.email, password: lead.password } });
    await expect(401, 'POST', '/api/session', { as: 'nobody', body: { email: lead.email, password: 'not the password' } });
    const fromElsewhere = {
      as: 'nobody' as const,
      body: { email: lead.email, password: lead.password },
      headers: { origin: 'http://evil.example' },
    };
    await expect(403, 'POST', '/api/session', fromElsewhere);
    await expect(400, 'POST', '/api/session', { as: 'nobody', body: { email: 42 } });
    const guess = { as: 'nobody' as const, body: { email: 'nobody@example.com', password: 'a guess at it' } };
    for (let i = 0; i < 2; i++) await expect(401, 'POST', '/api/session', guess);
    await expect(429, 'POST', '/api/session', guess);

    const signedOut = (await expect(401, 'GET', '/api/session', { as: 'nobody' })) as { sso?: { href: string } };
    assert.equal(signedOut.sso?.href, '/api/session/oidc');
    const leaving = await send(api.main, 'GET', '/api/session/oidc', { as: 'nobody' });
    assert.match(leaving.headers.get('location') ?? '', /^http:\/\/127\.0\.0\.1:\d+\//);
    await v.check('/api/session/oidc', 'GET', 303, leaving);
    // Back from the provider without the flow's cookie: to the inbox, saying why.
    const back = await send(api.main, 'GET', '/api/session/oidc/callback?state=x&code=y', { as: 'nobody' });
    assert.equal(back.headers.get('location'), '/inbox?sign_in_error=sso_expired');
    await v.check('/api/session/oidc/callback', 'GET', 303, back);
    for (const path of ['/api/session/oidc', '/api/session/oidc/callback']) {
      await v.check(path, 'GET', 404, await send(api.limited, 'GET', path, { as: 'nobody' }));
    }

    const second = await apiSession(api.main.url, lead);
    await expect(403, 'DELETE', '/api/session', { as: { ...second, csrf: false } });
    await expect(204, 'DELETE', '/api/session', { as: second });
  });

  it('users and keys: listed, added, refused and removed', async () => {
    await expect(200, 'GET', '/api/users');
    await expect(403, 'GET', '/api/users', { as: agent });
    const added = (await expect(201, 'POST', '/api/users', { body: { email: 'new.member@example.com', role: 'member' } })) as {
      user: { id: string };
    };
    await expect(409, 'POST', '/api/users', { body: { email: 'new.member@example.com', role: 'member' } });
    await expect(400, 'POST', '/api/users', { body: { email: 'not an address', role: 'boss' } });
    await expect(403, 'POST', '/api/users', { as: api.sessions.member, body: { email: 'x@example.com', role: 'lead' } });
    await expect(204, 'DELETE', '/api/users/{id}', { id: added.user.id });
    await expect(404, 'DELETE', '/api/users/{id}');
    const [onlyLead] = (
      (await (await send(api.main, 'GET', '/api/users')).json()) as { items: { id: string; role: string }[] }
    ).items.filter((u) => u.role === 'lead');
    await expect(409, 'DELETE', '/api/users/{id}', { id: onlyLead!.id });
    await expect(403, 'DELETE', '/api/users/{id}', { as: agent, id: onlyLead!.id });

    await expect(200, 'GET', '/api/keys');
    await expect(403, 'GET', '/api/keys', { as: agent });
    const key = (await expect(201, 'POST', '/api/keys', { body: { name: 'To revoke' } })) as { id: string };
    await expect(400, 'POST', '/api/keys', { body: {} });
    await expect(403, 'POST', '/api/keys', { as: agent, body: { name: 'An agent may not' } });
    await expect(204, 'DELETE', '/api/keys/{id}', { id: key.id });
    await expect(404, 'DELETE', '/api/keys/{id}', { id: '0123456789abcdef' });
    await expect(403, 'DELETE', '/api/keys/{id}', { as: agent, id: key.id });
  });

  it('answers 500, with the id it logged, wherever the store fails', async () => {
    api.fault.broken = true;
    try {
      for (const [template, method] of v.operations()) {
        if (!v.documents(template, method, 500)) continue;
        // The session is looked up in the store first: every operation that has a store behind it fails there.
        const error = await expect(500, method, template, { as: api.sessions.lead, ...(method !== 'GET' && { body: {} }) });
        assert.match((error as { errorId: string }).errorId, /^[0-9a-f-]{36}$/);
      }
    } finally {
      api.fault.broken = false;
    }
  });

  it('produced every status every operation documents', (t) => {
    assert.deepEqual(v.unseen(), []);
    t.diagnostic(`${v.seenCount()} (operation, status) pairs checked`);
  });
});
