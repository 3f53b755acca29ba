/**
 * Whatever arrives, the server answers from its rules, never from a fault: fast-check sends
 * arbitrary paths (percent-encodings, any Unicode, dot segments, real and made-up ids), query
 * strings, methods, content types and JSON-ish bodies to every route, as nobody, an API key and
 * each role (with the session's CSRF token, mostly), to a handler on PGlite (where a value
 * JavaScript takes but PostgreSQL refuses would show as a 500). Never a 5xx; every 4xx a JSON
 * error body with its code; nothing logged. A few hundred runs in `pnpm test`; SOAK=1 for many more.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { storeKinds, wire } from '../../support/fixtures.ts';
import { attackHarness, type CallOptions, type Harness, type Session } from './attack-harness.ts';

const soak = process.env.SOAK === '1';
const runs = (quick: number) => (soak ? quick * 25 : quick);

const who = ['nobody', 'key', 'agent', 'member', 'lead'] as const;
const methods = ['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS', 'FROB'] as const;
const routes = [
  '/api/escalations',
  '/api/escalations/{id}',
  '/api/escalations/{id}/notes',
  '/api/users',
  '/api/users/{id}',
  '/api/keys',
  '/api/keys/{id}',
  '/api/session',
  '/api/stats',
  '/api/meta',
  '/healthz',
  '/inbox',
  '/{id}',
  '/api/{id}',
];
const queryKeys = ['status', 'since', 'limit', 'cursor', 'category', 'team', 'taskId', '__proto__', 'x'];

const percentBytes = fc
  .uint8Array({ minLength: 1, maxLength: 6 })
  .map((bytes) => Array.from(bytes, (b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
const unicode = fc.string({ unit: 'binary', maxLength: 12 });
const dateLike = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom(
    '0000-01-01T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '-000001-01-01T00:00:00Z',
    '9999-12-31T23:59:59.999Z',
    '2025-02-30T00:00:00Z',
  ),
);
const cursorLike = fc.oneof(
  fc.tuple(fc.oneof(dateLike, fc.jsonValue()), fc.oneof(fc.uuid(), unicode)).map((t) => base64(JSON.stringify(t))),
  fc.base64String({ maxLength: 40 }),
);

/** Base64 of the UTF-8 of `text` (a lone surrogate becomes U+FFFD, as it would in any client). */
const base64 = (text: string) => btoa(Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join(''));

/** A segment where an id goes, or anywhere else in a path. */
const segment = (ids: string[]) =>
  fc.oneof(
    // Mostly ids that reach a handler (real ones, in either case), then everything else.
    { weight: 4, arbitrary: ids.length ? fc.constantFrom(...ids, ...ids.map((id) => id.toUpperCase())) : fc.uuid() },
    { weight: 2, arbitrary: fc.uuid() },
    fc.uuid().map((u) => u.toUpperCase()),
    fc.constantFrom(
      '.',
      '..',
      '%2e%2e',
      '%2E%2E%2F',
      '..%2f..%2f',
      '%00',
      '%',
      '%zz',
      '%C0%AE',
      '%E2%80%AE',
      '',
      '//',
      'ek_0123456789abcdef_x',
    ),
    percentBytes,
    unicode,
    unicode.map((s) => {
      try {
        return encodeURIComponent(s);
      } catch {
        return s; // a lone surrogate: sent raw, the URL parser decides
      }
    }),
  );

const queryValue = fc.oneof(
  dateLike,
  cursorLike,
  unicode,
  percentBytes,
  fc.integer().map(String),
  fc.constantFrom('open', 'resolved', 'billing', '', '200', '1e3', '-1'),
);
const query = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...queryKeys), unicode), queryValue), { maxLength: 4 })
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${/%/.test(v) ? v : encodeURIComponent(v)}`).join('&')}` : ''));

/** Bodies near what a route expects (one field replaced, added or dropped) and far from it. */
const body = fc.oneof(
  fc
    .record({
      field: fc.constantFrom(
        'id',
        'taskId',
        'notes',
        'category',
        'contact',
        'context',
        'customer',
        'urgency',
        'createdAt',
        'signals',
        'agent',
        '__proto__',
      ),
      value: fc.jsonValue({ maxDepth: 3 }),
    })
    .map(({ field, value }) => {
      const near = wire();
      return field === '__proto__'
        ? JSON.stringify(near).replace('{', `{"__proto__":${JSON.stringify(value) ?? 'null'},`)
        : { ...near, [field]: value };
    }),
  fc.record({
    status: fc.oneof(fc.constantFrom('open', 'contacted', 'waiting', 'resolved'), unicode),
    note: fc.option(unicode, { nil: undefined }),
  }),
  fc.record({ note: unicode }),
  fc.record({
    email: fc.oneof(fc.emailAddress(), unicode),
    role: fc.oneof(fc.constantFrom('agent', 'member', 'lead'), unicode),
    name: fc.option(unicode, { nil: undefined }),
  }),
  fc.record({ name: unicode }),
  fc.record({ email: unicode, password: unicode }),
  fc.jsonValue({ maxDepth: 4 }),
  unicode,
  fc.uint8Array({ maxLength: 64 }),
);
const contentType = fc.option(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=latin1',
    'text/plain',
    'multipart/form-data',
    'application/x-www-form-urlencoded',
    'application/json;;;',
  ),
  { nil: undefined },
);

describe('arbitrary requests to every route, as everyone: never a 500', () => {
  let h: Harness;
  const sessions: Partial<Record<(typeof who)[number], Session>> = {};
  const escalationIds: string[] = [];
  before(async () => {
    const pglite = storeKinds.find((k) => k.name === 'PGlite')!;
    h = await attackHarness({}, await pglite.open());
    for (const role of ['agent', 'member', 'lead'] as const) sessions[role] = await h.session(h.people[role]);
    for (let i = 0; i < 3; i++) {
      const b = wire();
      const response = await h.call('POST', '/api/escalations', { key: h.key.key, body: b, headers: { 'idempotency-key': b.id } });
      assert.equal(response.status, 201);
      escalationIds.push(b.id);
    }
  });
  after(() => h.close());

  async function check(method: string, url: string, as: CallOptions, label: string) {
    let response: Response;
    try {
      response = await h.call(method, url, as);
    } catch (e) {
      // The Fetch API itself refused to build the request (a header it forbids): nothing reached the server.
      if (e instanceof TypeError) return;
      throw e;
    }
    // Read once, whatever the status: the message of a failure quotes it.
    const text = await response.text();
    assert.ok(response.status < 500, `${label} answered ${response.status}: ${text}`);
    if (response.status >= 400 && method !== 'HEAD') {
      assert.equal(response.headers.get('content-type'), 'application/json', label);
      const parsed = JSON.parse(text) as { error?: unknown };
      assert.equal(typeof parsed.error, 'string', `${label}: ${text}`);
    }
    assert.deepEqual(h.logLines, [], `${label} logged`);
  }

  it('answers paths, queries, methods, content types and bodies with a 2xx, 3xx or a JSON 4xx', async () => {
    const request = fc.record({
      route: fc.constantFrom(...routes),
      id: segment(escalationIds),
      // Mostly the route as it is; sometimes more after it (a 404, or a dot segment the URL parser removes).
      tail: fc.oneof(
        { weight: 5, arbitrary: fc.constant('') },
        fc.constantFrom('/', '/..', '/./x', '//'),
        segment([]).map((s) => `/${s}`),
      ),
      query,
      method: fc.constantFrom(...methods),
      as: fc.constantFrom(...who),
      csrf: fc.oneof({ weight: 4, arbitrary: fc.constant('own') }, { weight: 1, arbitrary: fc.constantFrom('none', 'wrong') }),
      body,
      contentType,
      idempotencyKey: fc.option(
        fc.oneof(
          fc.uuid(),
          unicode.filter((s) => /^[\x20-\x7e]*$/.test(s)),
        ),
        { nil: undefined },
      ),
      origin: fc.option(fc.constantFrom('http://escalations.test', 'https://evil.example', 'null'), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const url = `${r.route.replace('{id}', r.id)}${r.tail}${r.query}`;
        const session = r.as === 'nobody' || r.as === 'key' ? undefined : sessions[r.as];
        const csrf = r.csrf === 'own' ? undefined : r.csrf === 'none' ? null : 'x'.repeat(43);
        const headers: Record<string, string> = {
          ...(r.contentType && { 'content-type': r.contentType }),
          ...(r.idempotencyKey !== undefined && { 'idempotency-key': r.idempotencyKey }),
          ...(r.origin && { origin: r.origin }),
        };
        const withBody = !['GET', 'HEAD'].includes(r.method);
        const as: CallOptions = {
          ...(session && { session, csrf }),
          ...(r.as === 'key' && { key: h.key.key }),
          ...(withBody && { body: r.body }),
          headers,
        };
        await check(r.method, url, as, `${r.method} ${url} as ${r.as}`);
      }),
      { numRuns: runs(250) },
    );
  });

  it('answers a POST of an escalation with any one field replaced by any JSON: 2xx, 400 naming fields, or 409', async () => {
    // Fresh sessions, from an address of their own: the runs above may have signed the others out, and
    // their wrong passwords count against the address they came from.
    for (const role of ['agent', 'lead'] as const) sessions[role] = await h.session(h.people[role], { 'x-client-ip': '192.0.2.50' });
    const field = fc.constantFrom(
      'id',
      'taskId',
      'taskTitle',
      'notes',
      'category',
      'contactMethod',
      'contact',
      'context',
      'customer',
      'agent',
      'urgency',
      'routing',
      'signals',
      'createdAt',
      'customerRequest',
      'recommendation',
      'extra',
    );
    await fc.assert(
      fc.asyncProperty(field, fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('key', 'agent', 'lead'), async (name, value, as) => {
        const b = { ...wire(), [name]: value };
        const session = as === 'key' ? undefined : sessions[as];
        const options: CallOptions = {
          ...(session ? { session } : { key: h.key.key }),
          body: b,
          // JSON for what is not a string: String() throws on an object whose toString is not a function ({ toString: '' }).
          headers: { 'idempotency-key': typeof b.id === 'string' ? b.id : JSON.stringify(b.id) },
        };
        const response = await h.call('POST', '/api/escalations', options);
        const text = await response.text();
        assert.ok([200, 201, 400, 409].includes(response.status), `${name}=${JSON.stringify(value)} answered ${response.status}: ${text}`);
        if (response.status === 400) assert.ok((JSON.parse(text) as { issues: unknown[] }).issues.length > 0, text);
        assert.deepEqual(h.logLines, []);
      }),
      { numRuns: runs(150) },
    );
  });
});
