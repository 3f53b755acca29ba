/**
 * The reference server's handler, route by route and status by status, on the in-memory store
 * and on PGlite (the embedded default); then the whole way from the SDK client through the Node
 * adapter to PGlite over real HTTP.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createEscalationClient,
  defaultCategories,
  definePolicy,
  errorBodySchema,
  escalationReceiptSchema,
  EscalationHttpError,
  type EscalationReceipt,
} from '@escalate-kit/sdk';
import {
  createEscalationHandler,
  createMemoryStore,
  createPgliteStore,
  statsSchema,
  storedEscalationSchema,
  type EscalationHandler,
  type EscalationHandlerOptions,
  type EscalationStore,
  type ListResult,
  type Notifier,
  type StoredEscalation,
} from '../../packages/server/src/index.ts';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { bundleInbox, inboxHtml } from '../../packages/server/src/inbox/assets.ts';
import { serve, type RunningServer } from '../../packages/server/src/node.ts';
import { chromeArgs, findChrome } from '../support/find-chrome.mjs';
import { describeStoreContract, makeNew, makeRequest } from '../support/store-contract.ts';

const BASE = 'http://escalations.test';
/** A Friday, 10:00 UTC. */
const FRIDAY = '2025-11-14T10:00:00.000Z';

function fakeClock(start = FRIDAY) {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
    set(iso: string) {
      t = Date.parse(iso);
    },
  };
}

/** A request body as a client sends it (not parsed: the server must do that). */
function wire(overrides: Record<string, unknown> = {}): Record<string, unknown> & { id: string } {
  return {
    id: crypto.randomUUID(),
    // A task of its own: a task with an open escalation takes no second one (409).
    taskId: uniqueTask(),
    category: 'billing',
    notes: 'Issue: Customer disputing $450 charge. Tried: Explained policy, offered payment plan. Why: Customer demands manager.',
    contactMethod: 'email',
    contact: { email: 'pat@example.com' },
    customer: { name: 'Pat Doe', accountId: 'A-77' },
    createdAt: '2025-11-14T09:59:00.000Z',
    ...overrides,
  };
}

const uniqueTask = () => `T-${crypto.randomUUID().slice(0, 8)}`;
const uniqueCategory = () => `c${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;

interface PostInit {
  /** The Idempotency-Key; defaults to the body's id, `null` leaves it out. */
  key?: string | null;
  headers?: Record<string, string>;
}

function postRequest(body: unknown, init: PostInit = {}): Request {
  const headers = new Headers({ 'content-type': 'application/json', ...init.headers });
  const key = init.key === undefined ? (body as { id?: string } | null)?.id : init.key;
  if (typeof key === 'string') headers.set('idempotency-key', key);
  return new Request(`${BASE}/api/escalations`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

const get = (path: string, headers: Record<string, string> = {}) => new Request(`${BASE}${path}`, { headers });
const patch = (id: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`${BASE}/api/escalations/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** The JSON body, after checking the headers every JSON answer must have. */
async function jsonOf<T = unknown>(response: Response): Promise<T> {
  assert.equal(response.headers.get('content-type'), 'application/json');
  assert.equal(response.headers.get('cache-control'), 'no-store');
  return (await response.json()) as T;
}

/** Asserts an error answer: its status, the contract's error shape and its code. */
async function errorOf(response: Response, status: number, code: string) {
  assert.equal(response.status, status, `expected ${status}, got ${response.status}`);
  const body = errorBodySchema.parse(await jsonOf(response));
  assert.equal(body.error, code);
  return body;
}

async function receiptOf(response: Response, status: 200 | 201): Promise<EscalationReceipt> {
  assert.equal(response.status, status);
  const raw = await jsonOf<Record<string, unknown>>(response);
  const receipt = escalationReceiptSchema.parse(raw);
  // `duplicate` is always sent, not left to the schema's default.
  assert.equal(typeof raw.duplicate, 'boolean');
  return receipt;
}

/** A notifier that fails the first `failures` calls, then succeeds. */
function flakyNotifier(failures: number) {
  const calls: StoredEscalation[] = [];
  const notifier: Notifier = {
    async notify(record) {
      calls.push(record);
      if (calls.length <= failures) throw new Error(`SMTP 451 try again later (${calls.length})`);
      return { messageId: `<${record.id}@mail.test>` };
    },
  };
  return { notifier, calls };
}

interface StoreKind {
  name: string;
  open(): Promise<EscalationStore>;
}

const storeKinds: StoreKind[] = [
  { name: 'memory', open: async () => createMemoryStore() },
  {
    name: 'PGlite',
    async open() {
      const store = createPgliteStore({ dataDir: 'memory://' });
      await store.migrate();
      return store;
    },
  },
];

for (const kind of storeKinds) describeStoreContract(kind.name, kind.open);

for (const kind of storeKinds) {
  describe(`handler on the ${kind.name} store`, () => {
    const opened: EscalationStore[] = [];
    const handlers: EscalationHandler[] = [];
    let shared: Promise<EscalationStore> | undefined;
    const open = async () => {
      const store = await kind.open();
      opened.push(store);
      return store;
    };

    /** A handler on the shared store (or a fresh one), with a fake clock at Friday 10:00 UTC. */
    async function setup(options: Partial<EscalationHandlerOptions> & { fresh?: boolean } = {}) {
      const { fresh, ...rest } = options;
      const store = rest.store ?? (fresh ? await open() : await (shared ??= open()));
      const clock = fakeClock();
      const handler = createEscalationHandler({ clock: clock.now, ...rest, store });
      handlers.push(handler);
      return { handler, store, clock };
    }

    after(async () => {
      for (const h of handlers) {
        h.close();
        await h.settled();
      }
      await Promise.all(opened.map((s) => s.close()));
    });

    describe('POST /api/escalations', () => {
      it('answers 201 with a receipt the SDK accepts, and stores every detail', async () => {
        const { handler } = await setup();
        const body = wire({ context: { queue: 'tier-1', attempt: 2 }, agent: { id: 'a-7', name: 'Sam' } });
        const response = await handler(postRequest(body));
        const receipt = await receiptOf(response, 201);
        assert.deepEqual(receipt, {
          id: body.id,
          taskId: body.taskId,
          status: 'received',
          team: 'billing',
          respondBy: '2025-11-19T23:59:59.999Z',
          duplicate: false,
        });
        assert.equal(response.headers.get('location'), `/api/escalations/${body.id}`);

        const stored = storedEscalationSchema.parse(await jsonOf(await handler(get(`/api/escalations/${body.id}`))));
        assert.deepEqual(stored.request, { ...body, urgency: 'standard' });
        assert.equal(stored.receivedAt, FRIDAY);
        assert.equal(stored.status, 'open');
        assert.equal(stored.team, 'billing');
        assert.equal(stored.respondBy, receipt.respondBy);
        assert.deepEqual(stored.history, []);
        // Without a notifier the e-mail waits, visibly.
        assert.deepEqual(stored.notification, { state: 'pending', attempts: 0 });
      });

      it('answers a replay with 200, the stored receipt and duplicate: true', async () => {
        const { handler, clock } = await setup();
        const body = wire({ category: 'technical', urgency: 'urgent' });
        const first = await receiptOf(await handler(postRequest(body)), 201);
        // A day later, with keys in another order and whitespace the schema trims: the same escalation.
        clock.advance(86_400_000);
        const reordered = Object.fromEntries(Object.entries({ ...body, notes: `  ${body.notes as string}\n` }).reverse());
        const replay = await receiptOf(await handler(postRequest(reordered)), 200);
        assert.deepEqual(replay, { ...first, duplicate: true });
        // respondBy is the stored one, not one computed from the replay's time.
        assert.equal(replay.respondBy, '2025-11-14T23:59:59.999Z');
      });

      it('answers 409 for the same id with a different body, and keeps the first', async () => {
        const { handler } = await setup();
        const body = wire();
        await receiptOf(await handler(postRequest(body)), 201);
        const conflict = await errorOf(await handler(postRequest({ ...body, notes: 'Something else' })), 409, 'conflict');
        assert.match(conflict.message ?? '', /different/);
        const stored = await jsonOf<StoredEscalation>(await handler(get(`/api/escalations/${body.id}`)));
        assert.equal(stored.request.notes, body.notes);
      });

      const invalidCases: { title: string; body: () => unknown; init?: (body: { id?: string }) => PostInit; issues: { path: (string | number)[]; message: RegExp }[] }[] = [
        { title: 'an empty note', body: () => wire({ notes: '   ' }), issues: [{ path: ['notes'], message: /note/i }] },
        {
          title: 'e-mail contact without an address',
          body: () => wire({ contact: { phone: '+1 555 123 4567' } }),
          issues: [{ path: ['contact', 'email'], message: /e-mail address is required/ }],
        },
        { title: 'an unknown field', body: () => wire({ priority: 'high' }), issues: [{ path: [], message: /Unknown field\(s\): priority/ }] },
        { title: 'a body that is not JSON', body: () => '{"id": ', init: () => ({ key: crypto.randomUUID() }), issues: [{ path: [], message: /^Body must be JSON$/ }] },
        { title: 'an empty body', body: () => '', init: () => ({ key: crypto.randomUUID() }), issues: [{ path: [], message: /^Body must be JSON$/ }] },
        { title: 'JSON that is not an object', body: () => '[1, 2]', init: () => ({ key: crypto.randomUUID() }), issues: [{ path: [], message: /JSON object/ }] },
        {
          title: 'no Idempotency-Key header',
          body: () => wire(),
          init: () => ({ key: null }),
          issues: [{ path: ['id'], message: /Idempotency-Key header is required/ }],
        },
        {
          title: 'an Idempotency-Key other than the id',
          body: () => wire(),
          init: () => ({ key: crypto.randomUUID() }),
          issues: [{ path: ['id'], message: /must equal id/ }],
        },
        {
          title: 'a category this server does not accept',
          body: () => wire({ category: 'warranty' }),
          issues: [{ path: ['category'], message: /Unknown category "warranty": use one of complaint, billing, pricing, technical, other/ }],
        },
      ];
      for (const c of invalidCases) {
        it(`answers 400 with issues for ${c.title}, and stores nothing`, async () => {
          const { handler } = await setup();
          const body = c.body();
          const error = await errorOf(await handler(postRequest(body, c.init?.(body as { id?: string }))), 400, 'invalid_request');
          assert.equal(error.issues?.length, c.issues.length, JSON.stringify(error.issues));
          c.issues.forEach((expected, i) => {
            assert.deepEqual(error.issues?.[i]?.path, expected.path);
            assert.match(error.issues?.[i]?.message ?? '', expected.message);
          });
          const id = (body as { id?: string }).id;
          if (id) await errorOf(await handler(get(`/api/escalations/${id}`)), 404, 'not_found');
        });
      }

      it('accepts the categories it is configured with', async () => {
        const { handler } = await setup({ categories: [...defaultCategories.map((c) => c.id), 'warranty'] });
        const receipt = await receiptOf(await handler(postRequest(wire({ category: 'warranty' }))), 201);
        // Not in the policy's category table: the fallback team.
        assert.equal(receipt.team, 'account');
        const onlyWarranty = await setup({ categories: ['warranty'] });
        const refused = await errorOf(await onlyWarranty.handler(postRequest(wire({ category: 'billing' }))), 400, 'invalid_request');
        assert.deepEqual(refused.issues?.map((i) => i.path), [['category']]);
      });

      it('stores one row for 20 concurrent posts of the same escalation', async () => {
        const category = uniqueCategory();
        const { handler } = await setup({ categories: [category] });
        const body = wire({ category });
        const responses = await Promise.all(Array.from({ length: 20 }, () => handler(postRequest(body))));
        const statuses = responses.map((r) => r.status);
        assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join());
        assert.equal(statuses.filter((s) => s === 200).length, 19, statuses.join());
        const receipts = await Promise.all(responses.map((r) => r.json() as Promise<EscalationReceipt>));
        assert.equal(receipts.filter((r) => !r.duplicate).length, 1);
        for (const r of receipts) assert.deepEqual({ ...r, duplicate: false }, { ...receipts[0]!, duplicate: false });
        const list = await jsonOf<ListResult>(await handler(get(`/api/escalations?category=${category}`)));
        assert.equal(list.items.length, 1);
      });
    });

    describe('team and respondBy from the policy', () => {
      const cases: { title: string; at: string; body: Record<string, unknown>; team: string; respondBy: string; options?: Partial<EscalationHandlerOptions> }[] = [
        { title: 'standard: end of the 3rd business day', at: FRIDAY, body: { category: 'billing' }, team: 'billing', respondBy: '2025-11-19T23:59:59.999Z' },
        { title: 'urgent: end of the same day', at: FRIDAY, body: { category: 'complaint', urgency: 'urgent' }, team: 'account', respondBy: '2025-11-14T23:59:59.999Z' },
        { title: 'urgent on a Saturday: end of Monday', at: '2025-11-15T10:00:00.000Z', body: { category: 'technical', urgency: 'urgent' }, team: 'technical', respondBy: '2025-11-17T23:59:59.999Z' },
        { title: 'pricing goes to the account team', at: FRIDAY, body: { category: 'pricing' }, team: 'account', respondBy: '2025-11-19T23:59:59.999Z' },
        {
          title: 'a technical priority high: respond within 2 hours',
          at: FRIDAY,
          body: { category: 'technical', routing: { level: 1, team: 'technical', priority: 'high' } },
          team: 'technical',
          respondBy: '2025-11-14T12:00:00.000Z',
        },
        {
          title: 'a technical priority critical: respond within 30 minutes',
          at: FRIDAY,
          body: { category: 'technical', routing: { level: 2, team: 'technical', priority: 'critical' } },
          team: 'technical',
          respondBy: '2025-11-14T10:30:00.000Z',
        },
        {
          title: 'a technical ticket routed to another team: the category makes the priority table apply',
          at: FRIDAY,
          body: { category: 'technical', routing: { level: 2, team: 'account', priority: 'critical' } },
          team: 'account',
          respondBy: '2025-11-14T10:30:00.000Z',
        },
        {
          title: 'another category routed to the technical team: the priority table applies',
          at: FRIDAY,
          body: { category: 'other', routing: { level: 1, team: 'technical', priority: 'high' } },
          team: 'technical',
          respondBy: '2025-11-14T12:00:00.000Z',
        },
        {
          title: 'a technical priority low: within 24 hours, weekend or not, when that is sooner than the promised window',
          at: FRIDAY,
          body: { category: 'technical', routing: { level: 1, team: 'technical', priority: 'low' } },
          team: 'technical',
          respondBy: '2025-11-15T10:00:00.000Z',
        },
        {
          title: 'a technical priority never pushes past the window promised to the customer (urgent: today)',
          at: FRIDAY,
          body: { category: 'technical', urgency: 'urgent', routing: { level: 1, team: 'technical', priority: 'low' } },
          team: 'technical',
          respondBy: '2025-11-14T23:59:59.999Z',
        },
        {
          title: 'billing with priority medium: the contact window, not 8 hours (the table is for technical tickets)',
          at: FRIDAY,
          body: { category: 'billing', routing: { level: 1, team: 'billing', priority: 'medium' } },
          team: 'billing',
          respondBy: '2025-11-19T23:59:59.999Z',
        },
        {
          title: 'pricing routed to billing with priority high: the contact window',
          at: FRIDAY,
          body: { category: 'pricing', routing: { level: 1, team: 'billing', priority: 'high' } },
          team: 'billing',
          respondBy: '2025-11-19T23:59:59.999Z',
        },
        {
          title: 'other with priority critical, urgent: the end of the same day',
          at: FRIDAY,
          body: { category: 'other', urgency: 'urgent', routing: { level: 2, team: 'account', priority: 'critical' } },
          team: 'account',
          respondBy: '2025-11-14T23:59:59.999Z',
        },
        {
          title: 'routing without a priority: its team, the urgency deadline',
          at: FRIDAY,
          body: { category: 'complaint', routing: { level: 2, team: 'legal' } },
          team: 'legal',
          respondBy: '2025-11-19T23:59:59.999Z',
        },
        {
          title: 'a policy override: standard within 1 business day',
          at: FRIDAY,
          body: { category: 'billing' },
          team: 'billing',
          respondBy: '2025-11-17T23:59:59.999Z',
          options: { policy: definePolicy({ urgencies: { standard: { businessDays: 1, phrase: 'by the next business day' } } }) },
        },
      ];
      for (const c of cases) {
        it(c.title, async () => {
          const { handler, clock } = await setup(c.options);
          clock.set(c.at);
          const receipt = await receiptOf(await handler(postRequest(wire(c.body))), 201);
          assert.equal(receipt.team, c.team);
          assert.equal(receipt.respondBy, c.respondBy);
        });
      }
    });

    describe('limits', () => {
      it('answers 413 when Content-Length is over the limit', async () => {
        const { handler } = await setup({ limits: { bodyBytes: 2000 } });
        const body = wire({ notes: 'x'.repeat(2500) });
        const error = await errorOf(await handler(postRequest(body)), 413, 'payload_too_large');
        assert.match(error.message ?? '', /2000 bytes/);
        await errorOf(await handler(get(`/api/escalations/${body.id}`)), 404, 'not_found');
      });

      it('accepts a body of exactly the limit and refuses one byte more', async () => {
        const { handler } = await setup({ limits: { bodyBytes: 2000 } });
        const exact = (body: Record<string, unknown>, size: number) => {
          const json = JSON.stringify(body);
          return json.slice(0, -1) + ' '.repeat(size - json.length) + '}';
        };
        const ok = wire();
        const tooBig = wire();
        assert.equal(new TextEncoder().encode(exact(ok, 2000)).length, 2000);
        await receiptOf(await handler(postRequest(exact(ok, 2000), { key: ok.id })), 201);
        await errorOf(await handler(postRequest(exact(tooBig, 2001), { key: tooBig.id })), 413, 'payload_too_large');
      });

      it('answers 413 to a chunked body without Content-Length, reading no more than the limit', async () => {
        const { handler } = await setup({ limits: { bodyBytes: 4096 } });
        let pulled = 0;
        const chunk = new TextEncoder().encode(' '.repeat(1024));
        // 1 MiB of whitespace if anyone read it all.
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (pulled >= 1024 * 1024) return controller.close();
            pulled += chunk.length;
            controller.enqueue(chunk);
          },
        });
        const id = crypto.randomUUID();
        const request = new Request(`${BASE}/api/escalations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': id },
          body: stream,
          duplex: 'half',
        } as RequestInit);
        assert.equal(request.headers.get('content-length'), null);
        await errorOf(await handler(request), 413, 'payload_too_large');
        assert.ok(pulled <= 4096 + 2 * 1024, `read ${pulled} bytes`);
      });

      it('does not trust a Content-Length smaller than the body', async () => {
        const { handler } = await setup({ limits: { bodyBytes: 1000 } });
        const body = wire({ notes: 'y'.repeat(3000) });
        const request = postRequest(body, { headers: { 'content-length': '10' } });
        await errorOf(await handler(request), 413, 'payload_too_large');
      });

      it('answers 413 to a PATCH over the limit', async () => {
        const { handler } = await setup({ limits: { bodyBytes: 500 } });
        const body = wire({ notes: 'short' });
        await receiptOf(await handler(postRequest(body)), 201);
        await errorOf(await handler(patch(body.id, { status: 'contacted', note: 'n'.repeat(600) })), 413, 'payload_too_large');
      });

      it('behind a trusted proxy, takes the first X-Forwarded-For hop as the client', async () => {
        const { handler } = await setup({ limits: { requestsPerMinute: 1 }, trustProxy: true });
        const via = (client: string) => ({ headers: { 'x-forwarded-for': `${client}, 10.0.0.1`, 'x-client-ip': '10.0.0.1' } });
        await receiptOf(await handler(postRequest(wire(), via('203.0.113.9'))), 201);
        await receiptOf(await handler(postRequest(wire(), via('203.0.113.10'))), 201);
        await errorOf(await handler(postRequest(wire(), via('203.0.113.9'))), 429, 'rate_limited');
      });

      it('answers 429 with Retry-After over the per-client rate, per client, and recovers', async () => {
        const { handler, clock } = await setup({ limits: { requestsPerMinute: 3 } });
        const from = (ip: string) => ({ headers: { 'x-client-ip': ip } });
        for (let i = 0; i < 3; i++) {
          await receiptOf(await handler(postRequest(wire(), from('10.0.0.1'))), 201);
          clock.advance(10_000);
        }
        // 4th request at +30 s: the oldest of the window leaves it at +60 s.
        const limited = await handler(postRequest(wire(), from('10.0.0.1')));
        const error = await errorOf(limited, 429, 'rate_limited');
        assert.equal(limited.headers.get('retry-after'), '30');
        assert.match(error.message ?? '', /30 s/);
        // Another client is not affected. X-Forwarded-For is not trusted by default: a client
        // could otherwise name itself anew on every request and escape the limit.
        await receiptOf(await handler(postRequest(wire(), from('10.0.0.2'))), 201);
        const spoofed = { headers: { 'x-forwarded-for': '203.0.113.9, 10.0.0.1', 'x-client-ip': '10.0.0.1' } };
        await errorOf(await handler(postRequest(wire(), spoofed)), 429, 'rate_limited');
        // Reads are not limited.
        for (let i = 0; i < 5; i++) assert.equal((await handler(get('/api/stats'))).status, 200);
        clock.advance(20_000);
        // +50 s: still two requests of the client in the window.
        assert.equal((await handler(postRequest(wire(), from('10.0.0.1')))).headers.get('retry-after'), '10');
        clock.advance(10_001);
        await receiptOf(await handler(postRequest(wire(), from('10.0.0.1'))), 201);
      });
    });

    describe('auth', () => {
      const token = 'tok_3f9a7c1e5b2d48a6';
      const bearer = { authorization: `Bearer ${token}` };

      it('answers 401 with WWW-Authenticate without the right bearer token, and stores nothing', async () => {
        const { handler } = await setup({ auth: { token } });
        const body = wire();
        const attempts: Record<string, string>[] = [
          {},
          { authorization: 'Bearer wrong' },
          { authorization: `Bearer ${token.slice(0, -1)}` },
          { authorization: `Bearer ${token}x` },
          { authorization: `Basic ${btoa(`user:${token}`)}` },
          { authorization: token },
        ];
        for (const headers of attempts) {
          const response = await handler(postRequest(body, { headers }));
          await errorOf(response, 401, 'unauthorized');
          assert.equal(response.headers.get('www-authenticate'), 'Bearer');
        }
        await errorOf(await handler(get(`/api/escalations/${body.id}`, bearer)), 404, 'not_found');
      });

      it('answers 201 with the token, and guards every /api route', async () => {
        const { handler } = await setup({ auth: { token }, inbox: { html: '<!doctype html><title>Inbox</title>', script: 'export {};' } });
        const body = wire();
        await receiptOf(await handler(postRequest(body, { headers: { authorization: `bearer ${token}` } })), 201);
        for (const request of [get('/api/escalations'), get(`/api/escalations/${body.id}`), get('/api/stats'), patch(body.id, { status: 'resolved' })]) {
          await errorOf(await handler(request.clone()), 401, 'unauthorized');
          const withToken = new Request(request, { headers: { ...Object.fromEntries(request.headers), ...bearer } });
          assert.equal((await handler(withToken)).status, 200, `${request.method} ${request.url}`);
        }
        // Open without a token: the health check and the inbox page (its API calls send the token).
        assert.equal((await handler(get('/healthz'))).status, 200);
        assert.equal((await handler(get('/inbox'))).status, 200);
        assert.equal((await handler(get('/inbox/app.js'))).status, 200);
      });
    });

    describe('CORS', () => {
      const allowed = 'https://support.example.com';
      const preflight = (origin: string) =>
        new Request(`${BASE}/api/escalations`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, idempotency-key, authorization' },
        });

      it('answers a preflight from an allowed origin with 204 and the CORS headers', async () => {
        const { handler } = await setup({ cors: { origins: [allowed] } });
        const response = await handler(preflight(allowed));
        assert.equal(response.status, 204);
        assert.equal(response.headers.get('access-control-allow-origin'), allowed);
        assert.match(response.headers.get('access-control-allow-methods') ?? '', /\bPOST\b/);
        assert.equal(response.headers.get('access-control-allow-headers'), 'content-type, idempotency-key, authorization');
        assert.ok(Number(response.headers.get('access-control-max-age')) > 0);
        assert.equal(response.headers.get('vary'), 'Origin, Access-Control-Request-Headers');
      });

      it('allows the headers a host adds (a CSRF token), lower-cased; the fixed list when none or a malformed list is asked for', async () => {
        const { handler } = await setup({ cors: { origins: [allowed] } });
        const ask = (requestHeaders?: string) =>
          handler(
            new Request(`${BASE}/api/escalations`, {
              method: 'OPTIONS',
              headers: { origin: allowed, 'access-control-request-method': 'POST', ...(requestHeaders !== undefined && { 'access-control-request-headers': requestHeaders }) },
            }),
          );
        const custom = await ask('Content-Type,Idempotency-Key, X-CSRF-Token,x-csrf-token');
        assert.equal(custom.status, 204);
        assert.equal(custom.headers.get('access-control-allow-headers'), 'content-type, idempotency-key, x-csrf-token');
        assert.equal(custom.headers.get('vary'), 'Origin, Access-Control-Request-Headers');
        for (const requested of [undefined, '', 'x-a, (not a header)', 'x-a,,x-b', 'x-a;x-b']) {
          const response = await ask(requested);
          assert.equal(response.status, 204);
          assert.equal(response.headers.get('access-control-allow-headers'), 'content-type, authorization, idempotency-key', `for ${requested}`);
        }
        // Another origin still gets nothing, whatever it asks for.
        const other = await handler(
          new Request(`${BASE}/api/escalations`, {
            method: 'OPTIONS',
            headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-csrf-token' },
          }),
        );
        await errorOf(other, 403, 'forbidden');
        assert.equal(other.headers.get('access-control-allow-headers'), null);
      });

      it('answers a preflight from another origin with 403 and no CORS headers', async () => {
        const { handler } = await setup({ cors: { origins: [allowed] } });
        const response = await handler(preflight('https://evil.example'));
        await errorOf(response, 403, 'forbidden');
        assert.equal(response.headers.get('access-control-allow-origin'), null);
      });

      it('adds CORS headers to answers for allowed origins only', async () => {
        const { handler } = await setup({ cors: { origins: [allowed] } });
        const ok = await handler(postRequest(wire(), { headers: { origin: allowed } }));
        assert.equal(ok.status, 201);
        assert.equal(ok.headers.get('access-control-allow-origin'), allowed);
        assert.match(ok.headers.get('access-control-expose-headers') ?? '', /retry-after/i);
        assert.match(ok.headers.get('vary') ?? '', /Origin/);
        const error = await handler(postRequest(wire({ notes: '' }), { headers: { origin: allowed } }));
        assert.equal(error.status, 400);
        assert.equal(error.headers.get('access-control-allow-origin'), allowed);
        const other = await handler(get('/api/stats', { origin: 'https://evil.example' }));
        assert.equal(other.headers.get('access-control-allow-origin'), null);
        assert.match(other.headers.get('vary') ?? '', /Origin/);
      });

      it('sends no CORS headers when no origins are configured', async () => {
        const { handler } = await setup();
        const response = await handler(preflight(allowed));
        assert.equal(response.status, 204);
        assert.equal(response.headers.get('access-control-allow-origin'), null);
        assert.equal((await handler(get('/api/stats', { origin: allowed }))).headers.get('access-control-allow-origin'), null);
      });
    });

    describe('GET /api/escalations', () => {
      it('filters by status, category and since, ordered by respondBy', async () => {
        const category = uniqueCategory();
        const other = uniqueCategory();
        const { handler, clock } = await setup({ categories: [category, other] });
        const post = async (body: Record<string, unknown>) => (await receiptOf(await handler(postRequest(wire(body))), 201)).id;
        const standard = await post({ category }); // Wed 23:59
        const urgent = await post({ category, urgency: 'urgent' }); // Fri 23:59
        const critical = await post({ category, routing: { level: 2, team: 'technical', priority: 'critical' } }); // Fri 10:30
        clock.advance(3_600_000);
        const later = await post({ category: other, urgency: 'urgent' }); // Fri 23:59, received 11:00
        await jsonOf(await handler(patch(urgent, { status: 'resolved' })));

        const list = async (query: string) => (await jsonOf<ListResult>(await handler(get(`/api/escalations?${query}`)))).items.map((r) => r.id);
        assert.deepEqual(await list(`category=${category}`), [critical, urgent, standard]);
        assert.deepEqual(await list(`category=${category}&status=open`), [critical, standard]);
        assert.deepEqual(await list(`category=${category}&status=resolved`), [urgent]);
        assert.deepEqual(await list(`category=${other}`), [later]);
        assert.deepEqual(await list(`category=${category}&since=${encodeURIComponent('2025-11-14T10:30:00Z')}`), []);
        const since = await list(`since=${encodeURIComponent('2025-11-14T12:00:00+01:00')}`);
        assert.ok(since.includes(later) && !since.includes(standard));
      });

      it('walks every page with the cursor: no duplicates, nothing missing, in respondBy order', async () => {
        const category = uniqueCategory();
        const { handler, clock } = await setup({ categories: [category] });
        const posted: string[] = [];
        const priorities = ['low', 'critical', 'high', 'medium'];
        for (let i = 0; i < 11; i++) {
          clock.advance(60_000);
          const routing = i % 3 === 0 ? undefined : { level: 1, team: 'account', priority: priorities[i % 4] };
          posted.push((await receiptOf(await handler(postRequest(wire({ category, ...(routing && { routing }), urgency: i % 2 ? 'urgent' : 'standard' }))), 201)).id);
        }
        const items: StoredEscalation[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await jsonOf<ListResult>(await handler(get(`/api/escalations?category=${category}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)));
          assert.ok(page.items.length <= 3);
          items.push(...page.items);
          cursor = page.nextCursor;
          assert.ok(++pages <= 4, 'too many pages');
        } while (cursor);
        assert.equal(pages, 4);
        assert.deepEqual(items.map((r) => r.id).sort(), [...posted].sort());
        for (let i = 1; i < items.length; i++) {
          const [a, b] = [items[i - 1]!, items[i]!];
          assert.ok(Date.parse(a.respondBy) < Date.parse(b.respondBy) || (a.respondBy === b.respondBy && a.id < b.id), `${a.respondBy} ${a.id} then ${b.respondBy} ${b.id}`);
        }
      });

      it('answers 400 with issues for a bad query', async () => {
        const { handler } = await setup();
        const cases: [string, (string | number)[]][] = [
          ['limit=0', ['limit']],
          ['limit=201', ['limit']],
          ['limit=ten', ['limit']],
          ['status=closed', ['status']],
          ['since=yesterday', ['since']],
          ['category=Not%20a%20slug', ['category']],
          ['cursor=garbage', ['cursor']],
        ];
        for (const [query, path] of cases) {
          const error = await errorOf(await handler(get(`/api/escalations?${query}`)), 400, 'invalid_request');
          assert.deepEqual(error.issues?.map((i) => i.path), [path], query);
        }
      });
    });

    describe('GET and PATCH /api/escalations/:id', () => {
      it('answers 404 for an unknown id', async () => {
        const { handler } = await setup();
        await errorOf(await handler(get(`/api/escalations/${crypto.randomUUID()}`)), 404, 'not_found');
        await errorOf(await handler(get('/api/escalations/%E0%A4%A')), 404, 'not_found');
        await errorOf(await handler(patch(crypto.randomUUID(), { status: 'resolved' })), 404, 'not_found');
      });

      it('sets the status with a note and keeps the history', async () => {
        const { handler, clock } = await setup();
        const { id } = await receiptOf(await handler(postRequest(wire())), 201);
        clock.advance(5 * 60_000);
        const contacted = storedEscalationSchema.parse(await jsonOf(await handler(patch(id, { status: 'contacted', note: '  Called, left a voicemail  ' }))));
        assert.equal(contacted.status, 'contacted');
        assert.deepEqual(contacted.history, [{ status: 'contacted', note: 'Called, left a voicemail', at: '2025-11-14T10:05:00.000Z' }]);
        clock.advance(60 * 60_000);
        const resolved = await jsonOf<StoredEscalation>(await handler(patch(id, { status: 'resolved' })));
        assert.equal(resolved.status, 'resolved');
        assert.deepEqual(resolved.history, [
          { status: 'contacted', note: 'Called, left a voicemail', at: '2025-11-14T10:05:00.000Z' },
          { status: 'resolved', at: '2025-11-14T11:05:00.000Z' },
        ]);
        assert.deepEqual(await jsonOf(await handler(get(`/api/escalations/${id}`))), resolved);
      });

      it('answers 400 with issues for a bad update, and changes nothing', async () => {
        const { handler } = await setup();
        const { id } = await receiptOf(await handler(postRequest(wire())), 201);
        const cases: [unknown, (string | number)[][]][] = [
          [{ status: 'closed' }, [['status']]],
          [{}, [['status']]],
          [{ status: 'resolved', note: 'n'.repeat(2001) }, [['note']]],
          [{ status: 'resolved', assignee: 'me' }, [[]]],
          ['{not json', [[]]],
          ['"resolved"', [[]]],
        ];
        for (const [body, paths] of cases) {
          const error = await errorOf(await handler(patch(id, body)), 400, 'invalid_request');
          assert.deepEqual(error.issues?.map((i) => i.path), paths, JSON.stringify(body));
        }
        const stored = await jsonOf<StoredEscalation>(await handler(get(`/api/escalations/${id}`)));
        assert.equal(stored.status, 'open');
        assert.deepEqual(stored.history, []);
      });
    });

    it('GET /api/stats counts by category, urgency, status and day, with the resolved share', async () => {
      const { handler, clock } = await setup({ fresh: true, categories: [...defaultCategories.map((c) => c.id), 'warranty'] });
      const empty = statsSchema.parse(await jsonOf(await handler(get('/api/stats'))));
      assert.equal(empty.total, 0);
      assert.equal(empty.resolvedShare, 0);
      assert.deepEqual(empty.byCategory, { complaint: 0, billing: 0, pricing: 0, technical: 0, other: 0, warranty: 0 });

      const ids: string[] = [];
      for (const body of [{ category: 'billing' }, { category: 'billing', urgency: 'urgent' }, { category: 'complaint' }, { category: 'warranty', urgency: 'urgent' }]) {
        ids.push((await receiptOf(await handler(postRequest(wire(body))), 201)).id);
        clock.advance(10 * 3_600_000);
      }
      await jsonOf(await handler(patch(ids[0]!, { status: 'resolved' })));
      await jsonOf(await handler(patch(ids[2]!, { status: 'contacted' })));
      assert.deepEqual(statsSchema.parse(await jsonOf(await handler(get('/api/stats')))), {
        total: 4,
        byCategory: { complaint: 1, billing: 2, pricing: 0, technical: 0, other: 0, warranty: 1 },
        byUrgency: { urgent: 2, standard: 2 },
        byStatus: { open: 2, contacted: 1, resolved: 1 },
        // Received Fri 10:00, Fri 20:00, Sat 06:00, Sat 16:00 (UTC).
        byDay: [
          { day: '2025-11-14', count: 2 },
          { day: '2025-11-15', count: 2 },
        ],
        resolvedShare: 0.25,
      });
    });

    describe('other routes', () => {
      it('GET /healthz answers { ok: true } without auth', async () => {
        const { handler } = await setup({ auth: { token: 'secret' } });
        assert.deepEqual(await jsonOf(await handler(get('/healthz'))), { ok: true });
      });

      it('answers 405 with Allow for a method a route does not have', async () => {
        const { handler } = await setup();
        const cases: [string, string, RegExp][] = [
          ['DELETE', '/api/escalations', /^GET, POST, OPTIONS$/],
          ['PUT', `/api/escalations/${crypto.randomUUID()}`, /^GET, PATCH, OPTIONS$/],
          ['POST', '/api/stats', /^GET, OPTIONS$/],
          ['POST', '/healthz', /^GET, OPTIONS$/],
        ];
        for (const [method, path, allow] of cases) {
          const response = await handler(new Request(`${BASE}${path}`, { method }));
          await errorOf(response, 405, 'method_not_allowed');
          assert.match(response.headers.get('allow') ?? '', allow);
        }
      });

      it('answers 404 JSON for an unknown path', async () => {
        const { handler } = await setup();
        for (const path of ['/', '/api', '/api/nope', '/api/escalations/a/b', '/inbox', '/healthz/x']) {
          await errorOf(await handler(get(path)), 404, 'not_found');
        }
      });

      it('serves the inbox page and script when given', async () => {
        const inbox = { html: '<!doctype html><title>Inbox</title><escalation-inbox></escalation-inbox>', script: 'customElements.define("x-y", class extends HTMLElement {});' };
        const { handler } = await setup({ inbox });
        const page = await handler(get('/inbox'));
        assert.equal(page.status, 200);
        assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
        assert.equal(await page.text(), inbox.html);
        const script = await handler(get('/inbox/app.js'));
        assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
        assert.equal(await script.text(), inbox.script);
      });

      it('answers 500 with the error shape when the store fails, and reports the error', async () => {
        const errors: unknown[] = [];
        const store = await open();
        const broken: EscalationStore = { ...store, stats: async () => Promise.reject(new Error('database is down')) };
        const { handler } = await setup({ store: broken, onError: (e) => errors.push(e) });
        await errorOf(await handler(get('/api/stats')), 500, 'internal_error');
        assert.equal((errors[0] as Error).message, 'database is down');
      });
    });

    describe('notifications', () => {
      it('retries a failing notifier with backoff until it is sent, never losing the escalation', async () => {
        const { notifier, calls } = flakyNotifier(2);
        // A fresh store: retryNotifications() sends whatever is due, other tests' escalations too.
        const { handler, clock } = await setup({ fresh: true, notify: notifier, notifyRetry: { baseMs: 1000, maxMs: 60_000, intervalMs: 0 } });
        const body = wire();
        await receiptOf(await handler(postRequest(body)), 201);
        await handler.settled();
        const read = async () => (await jsonOf<StoredEscalation>(await handler(get(`/api/escalations/${body.id}`)))).notification;

        assert.equal(calls.length, 1);
        assert.deepEqual(calls[0]!.request, { ...body, urgency: 'standard' });
        assert.deepEqual(await read(), { state: 'failed', attempts: 1, lastError: 'SMTP 451 try again later (1)', nextAttemptAt: '2025-11-14T10:00:01.000Z' });

        // Not due yet: nothing is sent.
        await handler.retryNotifications();
        assert.equal(calls.length, 1);

        clock.advance(1000);
        await handler.retryNotifications();
        assert.equal(calls.length, 2);
        // The backoff doubles.
        assert.deepEqual(await read(), { state: 'failed', attempts: 2, lastError: 'SMTP 451 try again later (2)', nextAttemptAt: '2025-11-14T10:00:03.000Z' });

        clock.advance(1999);
        await handler.retryNotifications();
        assert.equal(calls.length, 2);
        clock.advance(1);
        await handler.retryNotifications();
        assert.equal(calls.length, 3);
        assert.deepEqual(await read(), { state: 'sent', attempts: 3, sentAt: '2025-11-14T10:00:03.000Z', messageId: `<${body.id}@mail.test>` });

        // Sent is final.
        clock.advance(3_600_000);
        await handler.retryNotifications();
        assert.equal(calls.length, 3);
        const stored = await jsonOf<StoredEscalation>(await handler(get(`/api/escalations/${body.id}`)));
        assert.equal(stored.request.notes, body.notes);
      });

      it('answers before the notifier finishes', async () => {
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        let calls = 0;
        const notifier: Notifier = {
          async notify() {
            calls++;
            await gate;
            return { messageId: '<late@mail.test>' };
          },
        };
        const { handler } = await setup({ fresh: true, notify: notifier, notifyRetry: { intervalMs: 0 } });
        const body = wire();
        await receiptOf(await handler(postRequest(body)), 201);
        const read = async () => (await jsonOf<StoredEscalation>(await handler(get(`/api/escalations/${body.id}`)))).notification;
        assert.equal((await read()).state, 'pending');
        // Retry runs while the first attempt is in flight, and one that read the row as pending
        // just before that attempt finished, must not send a second e-mail.
        await handler.retryNotifications();
        const racing = handler.retryNotifications();
        release();
        await racing;
        await handler.settled();
        await handler.retryNotifications();
        assert.equal(calls, 1);
        assert.deepEqual(await read(), { state: 'sent', attempts: 1, sentAt: FRIDAY, messageId: '<late@mail.test>' });
      });

      it('sends due notifications on its timer', async () => {
        const { notifier, calls } = flakyNotifier(1);
        const { handler } = await setup({ fresh: true, notify: notifier, notifyRetry: { baseMs: 0, intervalMs: 15 } });
        const body = wire();
        await receiptOf(await handler(postRequest(body)), 201);
        const deadline = Date.now() + 5000;
        let state = '';
        while (Date.now() < deadline) {
          state = (await jsonOf<StoredEscalation>(await handler(get(`/api/escalations/${body.id}`)))).notification.state;
          if (state === 'sent') break;
          await new Promise((r) => setTimeout(r, 10));
        }
        handler.close();
        await handler.settled();
        assert.equal(state, 'sent');
        assert.equal(calls.length, 2);
      });

      it('leaves notifications pending without a notifier, and a later notifier sends them', async () => {
        const { handler, store } = await setup({ fresh: true });
        const body = wire();
        await receiptOf(await handler(postRequest(body)), 201);
        await handler.retryNotifications();
        await handler.settled();
        assert.equal((await store.get(body.id))?.notification.state, 'pending');

        const { notifier, calls } = flakyNotifier(0);
        const restarted = await setup({ store, notify: notifier, notifyRetry: { intervalMs: 0 } });
        await restarted.handler.retryNotifications();
        assert.deepEqual(calls.map((c) => c.id), [body.id]);
        assert.equal((await store.get(body.id))?.notification.state, 'sent');
      });

      it('keeps the escalation when recording the notification fails', async () => {
        const errors: unknown[] = [];
        const store = await open();
        const broken: EscalationStore = { ...store, setNotification: async () => Promise.reject(new Error('disk full')) };
        const { handler } = await setup({ store: broken, notify: flakyNotifier(0).notifier, notifyRetry: { intervalMs: 0 }, onError: (e) => errors.push(e) });
        const body = wire();
        await receiptOf(await handler(postRequest(body)), 201);
        await handler.settled();
        assert.equal((errors[0] as Error).message, 'disk full');
        const stored = await store.get(body.id);
        assert.equal(stored?.request.taskId, body.taskId);
        // Still pending, so the timer tries again.
        assert.equal(stored?.notification.state, 'pending');
      });

      it('two servers on one database e-mail each due escalation once', async () => {
        const store = await open();
        const { handler: intake } = await setup({ store });
        const ids: string[] = [];
        for (let i = 0; i < 6; i++) {
          const body = wire();
          ids.push(body.id);
          await receiptOf(await intake(postRequest(body)), 201);
        }
        // Two servers, each with its own mail connection, whose timers fire at the same time.
        const sent: string[] = [];
        const slowNotifier = (): Notifier => ({
          async notify(record) {
            await new Promise((r) => setTimeout(r, 5));
            sent.push(record.id);
            return { messageId: `<${record.id}@mail.test>` };
          },
        });
        const a = await setup({ store, notify: slowNotifier(), notifyRetry: { intervalMs: 0 } });
        const b = await setup({ store, notify: slowNotifier(), notifyRetry: { intervalMs: 0 } });
        await Promise.all([a.handler.retryNotifications(), b.handler.retryNotifications(), a.handler.retryNotifications()]);
        await Promise.all([a.handler.retryNotifications(), b.handler.retryNotifications()]);
        assert.deepEqual([...sent].sort(), [...ids].sort());
        for (const id of ids) assert.equal((await store.get(id))?.notification.state, 'sent');
      });

      it('another server leaves a first attempt in flight alone, and takes over only when its lease has passed', async () => {
        const store = await open();
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        const first: string[] = [];
        const a = await setup({
          store,
          notify: { notify: async (record) => (first.push(record.id), await gate, {}) },
          notifyRetry: { intervalMs: 0, leaseMs: 60_000 },
        });
        const { notifier, calls } = flakyNotifier(0);
        const b = await setup({ store, notify: notifier, notifyRetry: { intervalMs: 0 } });
        const body = wire();
        try {
          await receiptOf(await a.handler(postRequest(body)), 201);
          assert.deepEqual(first, [body.id]);
          // B's timer, while A is sending: not B's to send.
          await b.handler.retryNotifications();
          b.clock.advance(59_999);
          await b.handler.retryNotifications();
          assert.equal(calls.length, 0);
        } finally {
          release();
        }
        await a.handler.settled();
        b.clock.advance(3_600_000);
        await b.handler.retryNotifications();
        assert.equal(calls.length, 0);
        assert.equal((await store.get(body.id))?.notification.state, 'sent');

        // A server that stored an escalation, with its lease, and died before it could send: B takes over when the lease is over.
        const orphan = await store.insert({ ...makeNew({ receivedAt: FRIDAY }), notificationLeaseUntil: new Date(Date.parse(FRIDAY) + 120_000).toISOString() });
        b.clock.set(FRIDAY);
        b.clock.advance(119_999);
        await b.handler.retryNotifications();
        assert.equal(calls.length, 0);
        b.clock.advance(1);
        await b.handler.retryNotifications();
        assert.deepEqual(calls.map((c) => c.id), [orphan.record.id]);
      });
    });
  });
}

describe('PGlite in a data folder', () => {
  it('creates missing parent folders, and keeps escalations across a restart', async () => {
    const root = await mkdtemp(join(tmpdir(), 'escalate-pglite-'));
    try {
      const dataDir = join(root, 'not', 'yet', 'there');
      const first = createPgliteStore({ dataDir });
      await first.migrate();
      const handler = createEscalationHandler({ store: first, clock: () => new Date(FRIDAY) });
      const body = wire();
      const receipt = await receiptOf(await handler(postRequest(body)), 201);
      await jsonOf(await handler(patch(body.id, { status: 'contacted', note: 'Called' })));
      handler.close();
      await first.close();

      const second = createPgliteStore({ dataDir });
      await second.migrate();
      try {
        const again = createEscalationHandler({ store: second });
        assert.deepEqual(await receiptOf(await again(postRequest(body)), 200), { ...receipt, duplicate: true });
        const stored = await second.get(body.id);
        assert.equal(stored?.status, 'contacted');
        assert.deepEqual(stored?.history.map((h) => h.note), ['Called']);
        again.close();
      } finally {
        await second.close();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('SDK client → Node adapter → handler → PGlite', () => {
  const token = 'round-trip-token';
  let store: EscalationStore;
  let handler: EscalationHandler;
  let server: RunningServer;
  const sent: StoredEscalation[] = [];

  before(async () => {
    store = createPgliteStore({ dataDir: 'memory://' });
    await store.migrate();
    handler = createEscalationHandler({
      store,
      auth: { token },
      limits: { bodyBytes: 8192, requestsPerMinute: 1000 },
      notify: { notify: async (record) => (sent.push(record), { messageId: '<rt@mail.test>' }) },
      notifyRetry: { intervalMs: 0 },
    });
    server = await serve({ handler, port: 0 });
  });
  after(async () => {
    await server.close();
    handler.close();
    await handler.settled();
    await store.close();
  });

  const endpoint = () => `${server.url}/api/escalations`;

  it('listens on 127.0.0.1 by default', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('delivers an escalation from the SDK client and stores it', async () => {
    const client = createEscalationClient({ endpoint: endpoint(), outbox: false, retry: 0, headers: { Authorization: `Bearer ${token}` } });
    const result = await client.escalate({
      taskId: 'T-2001',
      category: 'complaint',
      notes: 'Issue: Late delivery. Tried: Tracking. Why: Third delay.',
      contactMethod: 'call',
      contact: { phone: '+1 555 123 4567' },
      urgency: 'urgent',
    });
    assert.equal(result.status, 'sent');
    assert.ok(result.status === 'sent');
    assert.equal(result.receipt.id, result.request.id);
    assert.equal(result.receipt.team, 'account');
    assert.equal(result.receipt.duplicate, false);

    const response = await fetch(`${endpoint()}/${result.request.id}`, { headers: { authorization: `Bearer ${token}` } });
    const stored = storedEscalationSchema.parse(await jsonOf(response));
    assert.deepEqual(stored.request, result.request);
    await handler.settled();
    assert.ok(sent.some((s) => s.id === result.request.id));
    assert.equal((await store.get(result.request.id))?.notification.state, 'sent');
  });

  it('replays over HTTP answer 200 with duplicate: true', async () => {
    const body = wire();
    const post = () =>
      fetch(endpoint(), { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': body.id, authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    await receiptOf(await post(), 201);
    const replay = await receiptOf(await post(), 200);
    assert.equal(replay.duplicate, true);
  });

  it('surfaces the server\'s 400 issues and 401 as typed SDK errors', async () => {
    const client = createEscalationClient({ endpoint: endpoint(), outbox: false, retry: 0, headers: { Authorization: `Bearer ${token}` }, categories: ['warranty'] });
    const input = { taskId: 'T-9', category: 'warranty' as const, notes: 'Broken hinge', contactMethod: 'email' as const, contact: { email: 'a@example.com' } };
    const invalid = await client.escalate(input).then(
      () => assert.fail('should be refused'),
      (e: unknown) => e,
    );
    assert.ok(invalid instanceof EscalationHttpError);
    assert.equal(invalid.status, 400);
    assert.deepEqual(invalid.issues.map((i) => i.path), [['category']]);

    const anonymous = createEscalationClient({ endpoint: endpoint(), outbox: false, retry: 0 });
    const denied = await anonymous.escalate({ ...input, category: 'billing' }).then(
      () => assert.fail('should be refused'),
      (e: unknown) => e,
    );
    assert.ok(denied instanceof EscalationHttpError);
    assert.equal(denied.status, 401);
  });

  it('streams a chunked body and answers 413 once it passes the limit', async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode(' '.repeat(1024));
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (pulled >= 4 * 1024 * 1024) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk);
        await new Promise((r) => setTimeout(r, 1));
      },
    });
    const response = await fetch(endpoint(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), authorization: `Bearer ${token}` },
      body,
      duplex: 'half',
    } as RequestInit);
    await errorOf(response, 413, 'payload_too_large');
    assert.ok(pulled < 1024 * 1024, `sent ${pulled} bytes before the answer`);
    // The server is still fine afterwards.
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  });

  it('rate-limits by socket address: a client cannot pick its own x-client-ip', async () => {
    const limited = createEscalationHandler({ store, limits: { requestsPerMinute: 2 } });
    const own = await serve({ handler: limited });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const body = wire();
        const response = await fetch(`${own.url}/api/escalations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': body.id, 'x-client-ip': `198.51.100.${i}` },
          body: JSON.stringify(body),
        });
        statuses.push(response.status);
        if (response.status === 429) assert.ok(Number(response.headers.get('retry-after')) > 0);
        await response.body?.cancel();
      }
      assert.deepEqual(statuses, [201, 201, 429]);
    } finally {
      await own.close();
      limited.close();
    }
  });

  it('answers an unknown path with 404 JSON over HTTP', async () => {
    const response = await fetch(`${server.url}/nope`);
    await errorOf(response, 404, 'not_found');
  });
});

describe('account-team inbox in Chromium', () => {
  let store: EscalationStore;
  let handler: EscalationHandler;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const failedId = crypto.randomUUID();
  const sentId = crypto.randomUUID();
  const base = Date.parse(FRIDAY);
  let seeded = 0;

  /** Escalations due one minute apart, after those already there: `category` for the given share. */
  async function seed(count: number, category = (_i: number) => 'billing') {
    for (let i = 0; i < count; i++, seeded++) {
      const id = seeded === 0 ? failedId : seeded === 1 ? sentId : crypto.randomUUID();
      const respondBy = new Date(base + 86_400_000 + seeded * 60_000).toISOString();
      await store.insert(makeNew({ request: makeRequest({ id, taskId: `T-${seeded}`, category: category(i) }), respondBy, receivedAt: FRIDAY }));
    }
  }

  const inbox = (fn: string) => page.evaluate(`(() => { const root = document.querySelector('escalation-inbox').shadowRoot; ${fn} })()`);

  before(async () => {
    store = createMemoryStore();
    await seed(205, (i) => (i % 70 === 5 ? 'warranty' : 'billing'));
    await store.setNotification(failedId, { state: 'failed', attempts: 2, lastError: 'SMTP 451 mailbox busy', nextAttemptAt: FRIDAY });
    await store.setNotification(sentId, { state: 'sent', attempts: 1, sentAt: FRIDAY });
    handler = createEscalationHandler({ store, inbox: { html: inboxHtml, script: await bundleInbox() }, notifyRetry: { intervalMs: 0 } });
    server = await serve({ handler, port: 0 });
    browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: chromeArgs });
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    handler?.close();
  });

  const title = () => inbox(`return root.querySelector('#list-title')?.textContent.trim()`);
  const waitForTitle = (text: string) =>
    page.waitForFunction((t) => document.querySelector('escalation-inbox')?.shadowRoot?.querySelector('#list-title')?.textContent?.trim() === t, {}, text);

  it('lists every escalation, page after page, with the state of its e-mail', async () => {
    await page.goto(`${server.url}/inbox`);
    await waitForTitle('205 escalations');
    assert.equal(await inbox(`return root.querySelectorAll('tbody tr[data-id]').length`), 205);
    assert.equal(await inbox(`return root.querySelector('.capped')`), null);
    const mail = (id: string) => inbox(`const tag = root.querySelector('tr[data-id="${id}"] .mail'); return tag && [tag.textContent.trim(), tag.getAttribute('title')]`);
    assert.deepEqual(await mail(failedId), ['failed', 'SMTP 451 mailbox busy']);
    assert.deepEqual(await mail(sentId), ['sent', null]);
    const last = (await store.list({ limit: 200, cursor: (await store.list({ limit: 200 })).nextCursor! })).items.at(-1)!;
    assert.deepEqual(await mail(last.id), ['pending', null]);
  });

  it('offers every category there are escalations in, not only the defaults, and filters by it', async () => {
    const options = (await inbox(`return [...root.querySelectorAll('select')[1].options].map((o) => o.value)`)) as string[];
    assert.deepEqual(options, ['', ...defaultCategories.map((c) => c.id), 'warranty']);
    await inbox(`const select = root.querySelectorAll('select')[1]; select.value = 'warranty'; select.dispatchEvent(new Event('change'));`);
    await waitForTitle('3 escalations');
    const categories = (await inbox(`return [...root.querySelectorAll('tbody tr[data-id] td:nth-child(2)')].map((td) => td.textContent.trim())`)) as string[];
    assert.deepEqual(categories, ['warranty', 'warranty', 'warranty']);
  });

  it('stops at 2,000 escalations and says so', async () => {
    await seed(1850);
    await page.reload();
    await waitForTitle('First 2,000 escalations');
    assert.equal(await inbox(`return root.querySelectorAll('tbody tr[data-id]').length`), 2000);
    assert.match(String(await inbox(`return root.querySelector('.capped')?.textContent`)), /first 2,000 by respond-by time; there are more/);
    assert.equal(await title(), 'First 2,000 escalations');
  });
});
