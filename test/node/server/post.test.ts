/**
 * POST /api/escalations on the memory store and on PGlite (the embedded default): receipts,
 * replays, conflicts, every 400, the accepted categories and concurrent posts. The team and
 * respond-by time are in routing.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCategories, type EscalationReceipt } from '@escalate-kit/sdk';
import { storedEscalationSchema, type ListResult, type StoredEscalation } from '../../../packages/server/src/index.ts';
import {
  errorOf,
  FRIDAY,
  get,
  handlerHarness,
  jsonOf,
  type PostInit,
  postRequest,
  receiptOf,
  storeKinds,
  uniqueCategory,
  wire,
} from '../../support/fixtures.ts';

for (const kind of storeKinds) {
  describe(`handler on the ${kind.name} store`, () => {
    const { setup } = handlerHarness(kind);

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
          // The e-mail goes out in the background: a UI must not say "notified" yet.
          notification: 'pending',
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
        // respondBy is the stored one, not one computed from the replay's time: an urgent
        // technical ticket is at least high priority, 2 hours by the priority table.
        assert.equal(replay.respondBy, '2025-11-14T12:00:00.000Z');
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

      const invalidCases: {
        title: string;
        body: () => unknown;
        init?: (body: { id?: string }) => PostInit;
        issues: { path: (string | number)[]; message: RegExp }[];
      }[] = [
        { title: 'an empty note', body: () => wire({ notes: '   ' }), issues: [{ path: ['notes'], message: /note/i }] },
        {
          title: 'e-mail contact without an address',
          body: () => wire({ contact: { phone: '+1 555 123 4567' } }),
          issues: [{ path: ['contact', 'email'], message: /e-mail address is required/ }],
        },
        {
          title: 'an unknown field',
          body: () => wire({ priority: 'high' }),
          issues: [{ path: [], message: /Unknown field\(s\): priority/ }],
        },
        {
          title: 'a body that is not JSON',
          body: () => '{"id": ',
          init: () => ({ key: crypto.randomUUID() }),
          issues: [{ path: [], message: /^Body must be JSON$/ }],
        },
        {
          title: 'an empty body',
          body: () => '',
          init: () => ({ key: crypto.randomUUID() }),
          issues: [{ path: [], message: /^Body must be JSON$/ }],
        },
        {
          title: 'JSON that is not an object',
          body: () => '[1, 2]',
          init: () => ({ key: crypto.randomUUID() }),
          issues: [{ path: [], message: /JSON object/ }],
        },
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
          issues: [
            { path: ['category'], message: /Unknown category "warranty": use one of complaint, billing, pricing, technical, other/ },
          ],
        },
        {
          // The category is checked against this server's list even when the schema refused
          // other fields, and the key against the id as sent: one answer, every bad field.
          title: 'an unknown category, a bad contact method and a key other than the id, all at once',
          body: () => wire({ category: 'warranty', contactMethod: 'fax' }),
          init: () => ({ key: crypto.randomUUID() }),
          issues: [
            { path: ['contactMethod'], message: /./ },
            { path: ['category'], message: /Unknown category "warranty"/ },
            { path: ['id'], message: /must equal id/ },
          ],
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
        assert.deepEqual(
          refused.issues?.map((i) => i.path),
          [['category']],
        );
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
  });
}
