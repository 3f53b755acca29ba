/**
 * Reading and changing what was stored: the list with its filters and cursor, one escalation
 * and its status, the stats, the labels the inbox shows (meta), and the other routes (health,
 * 404, 405, the inbox page, 500).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCategories, definePolicy } from '@escalate-kit/sdk';
import {
  metaSchema,
  statsSchema,
  storedEscalationSchema,
  type EscalationStore,
  type ListResult,
  type StoredEscalation,
} from '../../../packages/server/src/index.ts';
import {
  BASE,
  errorOf,
  get,
  handlerHarness,
  jsonOf,
  patch,
  postRequest,
  receiptOf,
  storeKinds,
  uniqueCategory,
  wire,
} from '../../support/fixtures.ts';

for (const kind of storeKinds) {
  describe(`handler on the ${kind.name} store`, () => {
    const { setup, open } = handlerHarness(kind);

    describe('GET /api/escalations', () => {
      it('filters by status, category and since, ordered by respondBy', async () => {
        const category = uniqueCategory();
        const other = uniqueCategory();
        const { handler, clock } = await setup({ categories: [category, other] });
        const post = async (body: Record<string, unknown>) => (await receiptOf(await handler(postRequest(wire(body))), 201)).id;
        const standard = await post({ category }); // Wed 23:59
        const urgent = await post({ category, urgency: 'urgent' }); // Fri 23:59
        // The technical team's 30 minutes come from what the agent knows, not from a routing it claims.
        const critical = await post({ category, signals: { troubleshootingExhausted: true, serviceImpact: 'outage' } }); // Fri 10:30
        clock.advance(3_600_000);
        const later = await post({ category: other, urgency: 'urgent' }); // Fri 23:59, received 11:00
        // Resolved the way the state machine allows: contacted first.
        await jsonOf(await handler(patch(urgent, { status: 'contacted' })));
        await jsonOf(await handler(patch(urgent, { status: 'resolved' })));

        const list = async (query: string) =>
          (await jsonOf<ListResult>(await handler(get(`/api/escalations?${query}`)))).items.map((r) => r.id);
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
          posted.push(
            (
              await receiptOf(
                await handler(postRequest(wire({ category, ...(routing && { routing }), urgency: i % 2 ? 'urgent' : 'standard' }))),
                201,
              )
            ).id,
          );
        }
        const items: StoredEscalation[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await jsonOf<ListResult>(
            await handler(get(`/api/escalations?category=${category}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)),
          );
          assert.ok(page.items.length <= 3);
          items.push(...page.items);
          cursor = page.nextCursor;
          assert.ok(++pages <= 4, 'too many pages');
        } while (cursor);
        assert.equal(pages, 4);
        assert.deepEqual(items.map((r) => r.id).sort(), [...posted].sort());
        for (let i = 1; i < items.length; i++) {
          const [a, b] = [items[i - 1]!, items[i]!];
          assert.ok(
            Date.parse(a.respondBy) < Date.parse(b.respondBy) || (a.respondBy === b.respondBy && a.id < b.id),
            `${a.respondBy} ${a.id} then ${b.respondBy} ${b.id}`,
          );
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
          assert.deepEqual(
            error.issues?.map((i) => i.path),
            [path],
            query,
          );
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
        const contacted = storedEscalationSchema.parse(
          await jsonOf(await handler(patch(id, { status: 'contacted', note: '  Called, left a voicemail  ' }))),
        );
        assert.equal(contacted.status, 'contacted');
        // Auth is off in this suite: the history says so rather than naming someone.
        const actor = { type: 'anonymous', name: 'open access (auth off)' };
        const called = {
          from: 'open',
          to: 'contacted',
          status: 'contacted',
          note: 'Called, left a voicemail',
          at: '2025-11-14T10:05:00.000Z',
          actor,
        };
        assert.deepEqual(contacted.history, [called]);
        clock.advance(60 * 60_000);
        const resolved = await jsonOf<StoredEscalation>(await handler(patch(id, { status: 'resolved' })));
        assert.equal(resolved.status, 'resolved');
        assert.deepEqual(resolved.history, [
          called,
          { from: 'contacted', to: 'resolved', status: 'resolved', at: '2025-11-14T11:05:00.000Z', actor },
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
          assert.deepEqual(
            error.issues?.map((i) => i.path),
            paths,
            JSON.stringify(body),
          );
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
      for (const body of [
        { category: 'billing' },
        { category: 'billing', urgency: 'urgent' },
        { category: 'complaint' },
        { category: 'warranty', urgency: 'urgent' },
      ]) {
        ids.push((await receiptOf(await handler(postRequest(wire(body))), 201)).id);
        clock.advance(10 * 3_600_000);
      }
      await jsonOf(await handler(patch(ids[0]!, { status: 'contacted' })));
      await jsonOf(await handler(patch(ids[0]!, { status: 'resolved' })));
      await jsonOf(await handler(patch(ids[2]!, { status: 'contacted' })));
      assert.deepEqual(statsSchema.parse(await jsonOf(await handler(get('/api/stats')))), {
        total: 4,
        byCategory: { complaint: 1, billing: 2, pricing: 0, technical: 0, other: 0, warranty: 1 },
        byUrgency: { urgent: 2, standard: 2 },
        byStatus: { open: 2, contacted: 1, waiting: 0, resolved: 1 },
        // Received Fri 10:00, Fri 20:00, Sat 06:00, Sat 16:00 (UTC).
        byDay: [
          { day: '2025-11-14', count: 2 },
          { day: '2025-11-15', count: 2 },
        ],
        resolvedShare: 0.25,
      });
    });

    describe('other routes', () => {
      it('GET /api/meta answers the category labels and team names the handler was configured with, behind the token', async () => {
        const { handler } = await setup();
        const meta = metaSchema.parse(await jsonOf(await handler(get('/api/meta'))));
        assert.deepEqual(
          meta.categories,
          defaultCategories.map(({ id, label }) => ({ id, label })),
        );
        assert.equal(meta.teams.billing, 'Billing Team');

        const policy = definePolicy({ teams: { names: { billing: 'Billing Desk' } } });
        const custom = await setup({
          auth: { token: 'secret' },
          policy,
          categories: ['billing', 'warranty', { id: 'shipping', label: 'Shipping', hint: 'Parcels' }],
        });
        await errorOf(await custom.handler(get('/api/meta')), 401, 'unauthorized');
        const configured = metaSchema.parse(await jsonOf(await custom.handler(get('/api/meta', { authorization: 'Bearer secret' }))));
        assert.deepEqual(configured.categories, [
          { id: 'billing', label: 'Billing' },
          { id: 'warranty', label: 'warranty' },
          { id: 'shipping', label: 'Shipping' },
        ]);
        assert.equal(configured.teams.billing, 'Billing Desk');
        // A definition's id is accepted like a plain one.
        await receiptOf(
          await custom.handler(postRequest(wire({ category: 'shipping' }), { headers: { authorization: 'Bearer secret' } })),
          201,
        );
      });

      it('GET /healthz answers { ok: true } without auth', async () => {
        const { handler } = await setup({ auth: { token: 'secret' } });
        assert.deepEqual(await jsonOf(await handler(get('/healthz'))), { ok: true });
      });

      it('answers 405 with Allow for a method a route does not have', async () => {
        const { handler } = await setup();
        const cases: [string, string, RegExp][] = [
          ['DELETE', '/api/escalations', /^GET, HEAD, POST, OPTIONS$/],
          ['PUT', `/api/escalations/${crypto.randomUUID()}`, /^GET, HEAD, PATCH, OPTIONS$/],
          ['POST', '/api/stats', /^GET, HEAD, OPTIONS$/],
          ['POST', '/healthz', /^GET, HEAD, OPTIONS$/],
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
        const inbox = {
          html: '<!doctype html><title>Inbox</title><escalation-inbox></escalation-inbox>',
          script: 'customElements.define("x-y", class extends HTMLElement {});',
        };
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
  });
}
