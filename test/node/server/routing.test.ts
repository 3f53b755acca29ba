/**
 * The team and respond-by time the server decides for a new escalation, on the memory store and on
 * PGlite: the contact window promised to the customer, sooner by a level's answer time or by the
 * priority table for technical tickets (docs/policy.md#respond-by), and a host's policy override.
 * Everything comes from the case (category, urgency, signals): a routing the client claims changes
 * nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { definePolicy } from '@escalate-kit/sdk';
import { storedEscalationSchema, type EscalationHandlerOptions } from '../../../packages/server/src/index.ts';
import { FRIDAY, get, handlerHarness, jsonOf, postRequest, receiptOf, storeKinds, wire } from '../../support/fixtures.ts';

for (const kind of storeKinds) {
  describe(`handler on the ${kind.name} store`, () => {
    const { setup } = handlerHarness(kind);

    describe('team and respondBy decided by the server from the case', () => {
      const cases: {
        title: string;
        at: string;
        body: Record<string, unknown>;
        team: string;
        respondBy: string;
        /** The rule that set respondBy, when the case is about which rule wins. */
        rule?: string;
        /** The resolve-by, and its rule, when the case is about it. */
        resolveBy?: [at: string, rule: string];
        options?: Partial<EscalationHandlerOptions>;
      }[] = [
        {
          title: 'standard: end of the 3rd business day',
          at: FRIDAY,
          body: { category: 'billing' },
          team: 'billing',
          respondBy: '2025-11-19T23:59:59.999Z',
          rule: 'contact-window',
          // docs/policy.md#specialised-teams: a billing investigation takes 3-5 business days.
          resolveBy: ['2025-11-21T10:00:00.000Z', 'specialised-teams'],
        },
        {
          title: 'urgent: end of the same day',
          at: FRIDAY,
          body: { category: 'complaint', urgency: 'urgent' },
          team: 'account',
          respondBy: '2025-11-14T23:59:59.999Z',
        },
        {
          title: 'urgent on a Saturday: end of Monday',
          at: '2025-11-15T10:00:00.000Z',
          body: { category: 'other', urgency: 'urgent' },
          team: 'account',
          respondBy: '2025-11-17T23:59:59.999Z',
        },
        {
          title: 'urgent technical on a Saturday: at least high priority, so 2 hours by the priority table, weekend or not',
          at: '2025-11-15T10:00:00.000Z',
          body: { category: 'technical', urgency: 'urgent' },
          team: 'technical',
          respondBy: '2025-11-15T12:00:00.000Z',
          rule: 'priority-table',
        },
        {
          title: 'pricing goes to the account team',
          at: FRIDAY,
          body: { category: 'pricing' },
          team: 'account',
          respondBy: '2025-11-19T23:59:59.999Z',
        },
        {
          title: 'a technical ticket, severely degraded (priority high): respond within 2 hours',
          at: FRIDAY,
          body: { category: 'technical', signals: { serviceImpact: 'severe' } },
          team: 'technical',
          respondBy: '2025-11-14T12:00:00.000Z',
          rule: 'priority-table',
        },
        {
          title: 'a technical outage (priority critical): respond within 30 minutes',
          at: FRIDAY,
          body: { category: 'technical', signals: { serviceImpact: 'outage' } },
          team: 'technical',
          respondBy: '2025-11-14T10:30:00.000Z',
          rule: 'priority-table',
          resolveBy: ['2025-11-14T14:00:00.000Z', 'priority-table'],
        },
        {
          title: 'a technical ticket another team takes: the category makes the priority table apply',
          at: FRIDAY,
          body: { category: 'technical', signals: { fraudSuspected: true, serviceImpact: 'outage' } },
          team: 'fraud',
          respondBy: '2025-11-14T10:30:00.000Z',
          rule: 'priority-table',
        },
        {
          title: 'another category the technical team takes: the priority table applies',
          at: FRIDAY,
          body: { category: 'other', signals: { troubleshootingExhausted: true, serviceImpact: 'outage' } },
          team: 'technical',
          // Level 1 answers within 30 minutes too; the table's 4 hours to resolve show it applies.
          respondBy: '2025-11-14T10:30:00.000Z',
          rule: 'levels',
          resolveBy: ['2025-11-14T14:00:00.000Z', 'priority-table'],
        },
        {
          title: 'a technical priority low: within 24 hours, weekend or not, when that is sooner than the promised window',
          at: FRIDAY,
          body: { category: 'technical', signals: { serviceImpact: 'minor' } },
          team: 'technical',
          respondBy: '2025-11-15T10:00:00.000Z',
          rule: 'priority-table',
        },
        {
          title: 'the priority table never pushes past the window promised to the customer (urgent: today)',
          at: '2025-11-14T23:00:00.000Z',
          body: { category: 'technical', urgency: 'urgent' },
          team: 'technical',
          respondBy: '2025-11-14T23:59:59.999Z',
          rule: 'contact-window',
        },
        {
          title: 'billing with a workaround (priority medium): the contact window, not 8 hours (the table is for technical tickets)',
          at: FRIDAY,
          body: { category: 'billing', signals: { serviceImpact: 'workaround' } },
          team: 'billing',
          respondBy: '2025-11-19T23:59:59.999Z',
          rule: 'contact-window',
        },
        {
          title: 'pricing taken by billing (a refund over $100) with priority high: the contact window',
          at: FRIDAY,
          body: { category: 'pricing', signals: { refund: 150, serviceImpact: 'severe' } },
          team: 'billing',
          respondBy: '2025-11-19T23:59:59.999Z',
          rule: 'contact-window',
        },
        {
          title: 'other with priority critical, urgent: the end of the same day',
          at: FRIDAY,
          body: { category: 'other', urgency: 'urgent', signals: { serviceImpact: 'outage' } },
          team: 'account',
          respondBy: '2025-11-14T23:59:59.999Z',
        },
        {
          title: 'a legal threat on a complaint: the legal team, level 2 within 4 hours (sooner than the complaint path)',
          at: FRIDAY,
          body: { category: 'complaint', signals: { legalThreat: true } },
          team: 'legal',
          respondBy: '2025-11-14T14:00:00.000Z',
          rule: 'levels',
          resolveBy: ['2025-11-21T10:00:00.000Z', 'complaint-path'],
        },
        {
          title: 'a priority the client claims alone changes nothing: a technical ticket stays medium, 8 hours',
          at: FRIDAY,
          body: { category: 'technical', routing: { level: 2, team: 'account', priority: 'critical' } },
          team: 'technical',
          respondBy: '2025-11-14T18:00:00.000Z',
          rule: 'priority-table',
        },
        {
          title: 'a team and level the client claims alone change nothing: billing on the contact window',
          at: FRIDAY,
          body: { category: 'billing', routing: { level: 3, team: 'legal', priority: 'critical' } },
          team: 'billing',
          respondBy: '2025-11-19T23:59:59.999Z',
          rule: 'contact-window',
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
          const body = wire(c.body);
          const receipt = await receiptOf(await handler(postRequest(body)), 201);
          assert.equal(receipt.team, c.team);
          assert.equal(receipt.respondBy, c.respondBy);
          const stored = storedEscalationSchema.parse(await jsonOf(await handler(get(`/api/escalations/${body.id}`))));
          assert.equal(stored.team, c.team);
          assert.equal(stored.respondBy, c.respondBy);
          assert.equal(stored.decision?.team, c.team);
          assert.equal(stored.decision?.respondBy.at, c.respondBy);
          if (c.rule) assert.equal(stored.decision?.respondBy.rule, c.rule);
          if (c.resolveBy) {
            assert.deepEqual([stored.resolveBy, stored.decision?.resolveBy?.rule], c.resolveBy);
            assert.equal(stored.decision?.resolveBy?.at, c.resolveBy[0]);
          }
          // What the client suggested is kept as it came.
          assert.deepEqual(stored.request.routing, body.routing);
        });
      }
    });
  });
}
