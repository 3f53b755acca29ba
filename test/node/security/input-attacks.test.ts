/**
 * The defects issue 10 found by hand, each sent to the handler as it was found, signed in (auth on,
 * as it runs by default): malformed paths, dates and cursors answered 4xx not 500, bodies that are
 * not JSON refused with 415, one row per UUID whatever its case, dangerous context keys and
 * invisible characters refused by name, notes held to the same rules on every route, the status
 * machine (no-op 409, reopening with a reason) and the actor in every history row.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { escalationRequestSchema } from '@escalate-kit/sdk';
import { wire } from '../../support/fixtures.ts';
import { attackHarness, codeOf, type CallOptions, type Harness, type Session } from './attack-harness.ts';

/** The fields a 400 names. */
async function pathsOf(response: Response): Promise<(string | number)[][]> {
  assert.equal(await codeOf(response.clone(), 400), 'invalid_request');
  return ((await response.json()) as { issues: { path: (string | number)[] }[] }).issues.map((i) => i.path);
}

const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('input that once broke the server', () => {
  let h: Harness;
  let lead: Session;
  let member: Session;
  let asLead: CallOptions;
  const asKey = () => ({ key: h.key.key });
  const post = (body: unknown, id: string, as: CallOptions = asKey()) =>
    h.call('POST', '/api/escalations', { ...as, body, headers: { 'idempotency-key': id, ...as.headers } });
  async function created(overrides: Record<string, unknown> = {}): Promise<string> {
    const body = wire(overrides);
    assert.equal((await post(body, body.id)).status, 201);
    return body.id;
  }
  before(async () => {
    h = await attackHarness();
    [lead, member] = await Promise.all([h.session(h.people.lead), h.session(h.people.member)]);
    asLead = { session: lead };
  });
  after(() => h.close());

  it('answers 404 JSON, never 500, to ids that are no UUID: NUL, broken percent-encoding, dot segments', async () => {
    for (const segment of ['%00', '%', '%ZZ', '%C0%AE%C0%AE', '..%2F..%2Fetc%2Fpasswd', '%E2%80%AE', 'x'.repeat(300), '%2500']) {
      await codeOf(await h.call('GET', `/api/escalations/${segment}`, asLead), 404);
      await codeOf(await h.call('PATCH', `/api/escalations/${segment}`, { session: member, body: { status: 'contacted' } }), 404);
      await codeOf(await h.call('POST', `/api/escalations/${segment}/notes`, { session: member, body: { note: 'x' } }), 404);
      await codeOf(await h.call('DELETE', `/api/users/${segment}`, asLead), 404);
      await codeOf(await h.call('DELETE', `/api/keys/${segment}`, asLead), 404);
    }
  });

  it('answers 400 naming since to dates no database stores, and 400 naming cursor to any cursor it did not make', async () => {
    for (const since of [
      '0000-01-01T00:00:00Z',
      '-000001-01-01T00:00:00Z',
      '%2B275760-09-13T00:00:00Z',
      '1969-12-31T23:59:59Z',
      '2025-13-01T00:00:00Z',
      '2025-11-14T25:00:00Z',
      'now',
    ]) {
      // One issue or two (the format, the range), each about since.
      const paths = await pathsOf(await h.call('GET', `/api/escalations?since=${since}`, asLead));
      assert.deepEqual([...new Set(paths.map((p) => p.join('.')))], ['since'], since);
    }
    const id = crypto.randomUUID();
    const cursors = [
      encode(['0000-01-01T00:00:00.000Z', id]),
      encode(['+275760-09-13T00:00:00.000Z', id]),
      encode(['2025-11-14T10:00:00.000Z', 'not-a-uuid']),
      encode(['2025-11-14T10:00:00.000Z', `${id}\u0000`]),
      encode(['2025-11-14T10:00:00.000Z', id, 'extra']),
      encode({ respondBy: '2025-11-14T10:00:00.000Z', id }),
      encode([1e308, id]),
      encode('x'),
      '====',
      '%00',
      'A'.repeat(201),
    ];
    for (const cursor of cursors) {
      assert.deepEqual(await pathsOf(await h.call('GET', `/api/escalations?cursor=${cursor}`, asLead)), [['cursor']], cursor);
    }
    // A real one still works.
    await created();
    await created();
    const first = (await (await h.call('GET', '/api/escalations?limit=1', asLead)).json()) as { nextCursor: string };
    assert.equal((await h.call('GET', `/api/escalations?limit=1&cursor=${first.nextCursor}`, asLead)).status, 200);
  });

  it('answers 415 to every body not declared as JSON in UTF-8, on every route that takes one, storing nothing', async () => {
    const id = await created();
    const before = await h.store.list({ limit: 200 }, {});
    const types = [
      undefined,
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
      'application/json-patch+json',
      'text/json',
      'application/jsonx',
    ];
    const body = wire();
    const routes: [string, string, unknown, CallOptions][] = [
      ['POST', '/api/escalations', body, { key: h.key.key, headers: { 'idempotency-key': body.id } }],
      ['PATCH', `/api/escalations/${id}`, { status: 'contacted' }, { session: member }],
      ['POST', `/api/escalations/${id}/notes`, { note: 'Called.' }, { session: member }],
      ['POST', '/api/users', { email: 'x@example.com', role: 'agent' }, asLead],
      ['POST', '/api/keys', { name: 'x' }, asLead],
      ['POST', '/api/session', { email: h.people.lead.email, password: h.people.lead.password }, {}],
    ];
    for (const [method, path, json, as] of routes) {
      for (const type of types) {
        const bytes = new TextEncoder().encode(JSON.stringify(json));
        const headers = { ...as.headers, ...(type !== undefined && { 'content-type': type }) };
        const response = await h.call(method, path, { ...as, body: bytes, headers });
        assert.equal(await codeOf(response, 415), 'unsupported_media_type', `${method} ${path} as ${type}`);
      }
    }
    assert.deepEqual(await h.store.list({ limit: 200 }, {}), before);
    assert.equal((await h.store.get(id))?.status, 'open');
    assert.equal((await h.store.access.listUsers()).length, 4);
  });

  it('keeps one row per UUID whatever its case: the same escalation to read, replay and change', async () => {
    const body = wire();
    const upper = body.id.toUpperCase();
    const first = await post({ ...body, id: upper }, upper);
    assert.equal(first.status, 201);
    assert.equal(((await first.json()) as { id: string }).id, body.id);
    const replay = await post(body, body.id);
    assert.equal(replay.status, 200);
    assert.equal(((await replay.json()) as { duplicate: boolean }).duplicate, true);
    const read = (await (await h.call('GET', `/api/escalations/${upper}`, asLead)).json()) as { id: string };
    assert.equal(read.id, body.id);
    assert.equal((await h.call('PATCH', `/api/escalations/${upper}`, { session: member, body: { status: 'contacted' } })).status, 200);
    const list = (await (await h.call('GET', `/api/escalations?taskId=${body.taskId}`, asLead)).json()) as { items: { id: string }[] };
    assert.deepEqual(
      list.items.map((i) => i.id),
      [body.id],
    );
  });

  it('refuses __proto__, constructor and prototype in context with 400 naming the key, even on a replay of a stored body', async () => {
    const body = wire({ context: { queue: 'tier-1' } });
    assert.equal((await post(body, body.id)).status, 201);
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = JSON.stringify(body).replace('"context":{', `"context":{"${key}":{"polluted":"yes"},`);
      const response = await post(text, body.id);
      const issues = ((await response.clone().json()) as { issues: { path: string[]; message: string }[] }).issues;
      assert.deepEqual(await pathsOf(response), [['context', key]]);
      assert.match(issues[0]!.message, new RegExp(key));
    }
    assert.equal(({} as { polluted?: unknown }).polluted, undefined);
    const root = JSON.stringify(wire()).replace('{', '{"__proto__":{"isAdmin":true},');
    assert.deepEqual(await pathsOf(await post(root, (JSON.parse(root) as { id: string }).id)), [[]]);
  });

  it('refuses zero-width and bidi formatting characters (U+200B, U+200D, U+2060, U+FEFF, U+061C) in identifiers, by field', async () => {
    for (const ch of ['\u200b', '\u200d', '\u2060', '\ufeff', '\u061c']) {
      const cases: [Record<string, unknown>, (string | number)[]][] = [
        [{ taskId: `T-10${ch}42` }, ['taskId']],
        [{ agent: { id: `a${ch}7` } }, ['agent', 'id']],
        [{ customer: { name: 'Pat', accountId: `A${ch}77` } }, ['customer', 'accountId']],
        [{ context: { [`q${ch}ueue`]: 'x' } }, ['context', `q${ch}ueue`]],
      ];
      for (const [overrides, path] of cases) {
        const body = wire(overrides);
        assert.deepEqual(await pathsOf(await post(body, body.id)), [path], JSON.stringify(overrides));
      }
    }
  });

  it('holds notes on PATCH and on the notes route to the rules of the escalation notes: CR/LF kept, ESC, NUL and direction overrides refused', async () => {
    const id = await created();
    const toggle = ['contacted', 'waiting'] as const;
    let turn = 0;
    for (const ch of ['\n', '\r\n', '\t', '\u001b', '\u0000', '\u007f', '\u0085', '\u2028', '\u202e', '\u2066']) {
      const note = `Called the customer${ch}back.`;
      const postAccepts = escalationRequestSchema.safeParse({ ...wire(), notes: `${wire().notes as string} ${note}` }).success;
      const patched = await h.call('PATCH', `/api/escalations/${id}`, { session: member, body: { status: toggle[turn % 2], note } });
      const noted = await h.call('POST', `/api/escalations/${id}/notes`, { session: member, body: { note } });
      if (postAccepts) {
        assert.equal(patched.status, 200, JSON.stringify(ch));
        assert.equal(noted.status, 201, JSON.stringify(ch));
        turn++;
      } else {
        assert.deepEqual(await pathsOf(patched), [['note']], JSON.stringify(ch));
        assert.deepEqual(await pathsOf(noted), [['note']], JSON.stringify(ch));
      }
    }
    assert.equal(turn, 3, 'newlines and tabs are allowed in notes, as in the escalation');
  });

  it('refuses a change to the same status (409 no_change), reopens only with a reason, and records who made each change', async () => {
    const id = await created();
    const change = (status: string, note?: string) =>
      h.call('PATCH', `/api/escalations/${id}`, { session: member, body: { status, ...(note !== undefined && { note }) } });
    const same = await change('open');
    assert.equal(await codeOf(same.clone(), 409), 'no_change');
    assert.deepEqual(((await same.json()) as { from: string; to: string }).from, 'open');
    assert.equal(await codeOf(await change('resolved'), 409), 'invalid_transition');
    assert.equal((await change('contacted')).status, 200);
    assert.equal((await change('resolved', 'Refund agreed.')).status, 200);
    assert.equal(await codeOf(await change('resolved'), 409), 'no_change');
    assert.deepEqual(await pathsOf(await change('open')), [['note']]);
    assert.deepEqual(await pathsOf(await change('open', '   ')), [['note']]);
    assert.equal((await change('open', 'The refund never arrived.')).status, 200);
    const leadNote = await h.call('POST', `/api/escalations/${id}/notes`, { session: lead, body: { note: 'Watching this one.' } });
    assert.equal(leadNote.status, 201);
    const stored = await h.store.get(id);
    const memberUser = await h.store.access.userByEmail(h.people.member.email);
    const leadUser = await h.store.access.userByEmail(h.people.lead.email);
    const by = (u: typeof memberUser) => ({ type: 'user', id: u!.id, email: u!.email });
    assert.deepEqual(
      stored?.history.map((e) => [e.from, e.to, e.note, e.actor]),
      [
        ['open', 'contacted', undefined, by(memberUser)],
        ['contacted', 'resolved', 'Refund agreed.', by(memberUser)],
        ['resolved', 'open', 'The refund never arrived.', by(memberUser)],
        ['open', 'open', 'Watching this one.', by(leadUser)],
      ],
    );
    assert.deepEqual(stored?.createdBy, { type: 'key', id: h.key.id, name: 'host app' });
  });
});
