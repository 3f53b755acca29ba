/**
 * The server decides (docs/policy.md#respond-by): team, level, priority, urgency, mandatory, the
 * reasons and the deadlines come from the case with the server's policy, stored as `decision` next
 * to what the client suggested (`request.routing`, kept as it came). The receipt carries the
 * decided team and respond-by, and where the e-mail stands. On the memory store and on PGlite.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { storedEscalationSchema, type ListResult, type StoredEscalation } from '../../../packages/server/src/index.ts';
import {
  errorOf,
  FRIDAY,
  flakyNotifier,
  get,
  handlerHarness,
  jsonOf,
  postRequest,
  receiptOf,
  storeKinds,
  uniqueCategory,
  wire,
} from '../../support/fixtures.ts';

for (const kind of storeKinds) {
  describe(`the server's decision on the ${kind.name} store`, () => {
    const { setup } = handlerHarness(kind);

    /** Posts `body` and reads back what was stored. */
    async function post(body: Record<string, unknown> & { id: string }, options: Parameters<typeof setup>[0] = {}) {
      const { handler } = await setup(options);
      const receipt = await receiptOf(await handler(postRequest(body)), 201);
      const stored = storedEscalationSchema.parse(await jsonOf(await handler(get(`/api/escalations/${body.id}`))));
      return { receipt, stored, handler };
    }

    it('a legal threat goes to legal at level 2, high priority, within 4 hours, whatever routing the client claims', async () => {
      const body = wire({ category: 'billing', routing: { team: 'billing', level: 1 }, signals: { legalThreat: true } });
      const { receipt, stored } = await post(body);
      assert.equal(receipt.team, 'legal');
      assert.equal(receipt.respondBy, '2025-11-14T14:00:00.000Z');
      assert.equal(stored.team, 'legal');
      assert.equal(stored.respondBy, '2025-11-14T14:00:00.000Z');
      assert.deepEqual(stored.decision, {
        team: 'legal',
        level: 2,
        levelName: 'Supervisor / Manager',
        levelSetBy: 'Legal, BBB or regulatory threats go to legal / compliance',
        priority: 'high',
        urgency: 'standard',
        mandatory: true,
        reasons: ['Legal, BBB or regulatory threats go to legal / compliance'],
        respondBy: { at: '2025-11-14T14:00:00.000Z', rule: 'levels', within: { hours: 4 } },
        timeZone: 'UTC',
      });
      // No rule gives the legal team a resolution time.
      assert.equal(stored.resolveBy, undefined);
      // What the client suggested, kept as the suggestion it was.
      assert.deepEqual(stored.request.routing, { team: 'billing', level: 1 });
      assert.deepEqual(stored.request, { ...body, urgency: 'standard' });
    });

    it('suspected fraud is urgent whatever the client sent: the fraud team, the same day, and the rule that fixed it', async () => {
      const body = wire({
        urgency: 'standard',
        routing: { team: 'account', level: 1, priority: 'low' },
        signals: { fraudSuspected: true },
      });
      const { receipt, stored } = await post(body);
      assert.equal(receipt.team, 'fraud');
      assert.equal(receipt.respondBy, '2025-11-14T23:59:59.999Z');
      const d = stored.decision!;
      assert.equal(d.team, 'fraud');
      assert.equal(d.urgency, 'urgent');
      assert.equal(d.urgencyForcedBy, 'Suspected fraud goes to the fraud team; do not tell the caller');
      assert.equal(d.priority, 'high');
      assert.equal(d.mandatory, true);
      assert.deepEqual(d.respondBy, { at: '2025-11-14T23:59:59.999Z', rule: 'contact-window', within: { endOfBusinessDay: 0 } });
      assert.equal(stored.request.urgency, 'urgent', 'the stored request says urgent too');
      assert.deepEqual(stored.request.routing, { team: 'account', level: 1, priority: 'low' });
    });

    it('a refund over $100 goes to billing, with the billing investigation as its resolve-by', async () => {
      const body = wire({ category: 'other', routing: { team: 'account', level: 1 }, signals: { refund: 150 } });
      const { receipt, stored } = await post(body);
      assert.equal(receipt.team, 'billing');
      const d = stored.decision!;
      assert.equal(d.team, 'billing');
      assert.equal(d.mandatory, true);
      assert.deepEqual(d.reasons, ['Refund of $150 is over $100, so it goes to the Billing Team']);
      assert.equal(d.levelSetBy, undefined, 'no rule asked for a level');
      assert.deepEqual(d.respondBy, { at: '2025-11-19T23:59:59.999Z', rule: 'contact-window', within: { endOfBusinessDay: 3 } });
      assert.deepEqual(d.resolveBy, { at: '2025-11-21T10:00:00.000Z', rule: 'specialised-teams', within: { businessDays: 5 } });
      assert.equal(stored.resolveBy, '2025-11-21T10:00:00.000Z');
    });

    it('a refund of $100 or less stays with the category team', async () => {
      const { stored } = await post(wire({ category: 'other', signals: { refund: 100 } }));
      assert.equal(stored.team, 'account');
      assert.deepEqual(stored.decision?.reasons, []);
      assert.equal(stored.decision?.mandatory, false);
    });

    it('the receipt says the e-mail is pending on a 201, and where it stands on a replay', async () => {
      const { notifier } = flakyNotifier(0);
      const { handler } = await setup({ notify: notifier, notifyRetry: { intervalMs: 0 } });
      const body = wire();
      const first = await receiptOf(await handler(postRequest(body)), 201);
      assert.equal(first.notification, 'pending');
      await handler.settled();
      const replay = await receiptOf(await handler(postRequest(body)), 200);
      assert.deepEqual(replay, { ...first, duplicate: true, notification: 'sent' });
    });

    it('GET /api/escalations?team= lists the escalations one team takes', async () => {
      const category = uniqueCategory();
      const { handler, clock } = await setup({ categories: [category] });
      const ids = async (query: string) =>
        (await jsonOf<ListResult>(await handler(get(`/api/escalations?category=${category}&${query}`)))).items.map(
          (r: StoredEscalation) => r.id,
        );
      const legal = (await receiptOf(await handler(postRequest(wire({ category, signals: { legalThreat: true } }))), 201)).id;
      clock.advance(60_000);
      // The client claims legal; the case says the fallback team.
      const account = (await receiptOf(await handler(postRequest(wire({ category, routing: { team: 'legal', level: 2 } }))), 201)).id;
      const fraud = (await receiptOf(await handler(postRequest(wire({ category, signals: { fraudSuspected: true } }))), 201)).id;
      assert.deepEqual(await ids('team=legal'), [legal]);
      assert.deepEqual(await ids('team=account'), [account]);
      assert.deepEqual(await ids('team=fraud'), [fraud]);
      assert.deepEqual(await ids('team=billing'), []);
      const error = await errorOf(await handler(get('/api/escalations?team=Not%20a%20team')), 400, 'invalid_request');
      assert.deepEqual(
        error.issues?.map((i) => i.path),
        [['team']],
      );
    });

    it('is made at the time the server received it, not the time the client says it wrote it', async () => {
      const { stored } = await post(
        wire({ category: 'technical', createdAt: '2025-11-01T00:00:00.000Z', signals: { serviceImpact: 'outage' } }),
      );
      assert.equal(stored.receivedAt, FRIDAY);
      assert.equal(stored.respondBy, '2025-11-14T10:30:00.000Z');
    });
  });
}
