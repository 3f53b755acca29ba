/**
 * The team and respond-by time the policy gives a new escalation, on the memory store and on
 * PGlite: the contact window promised to the customer, sooner by the priority table for technical
 * tickets (docs/policy.md#respond-by), and a host's policy override.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { definePolicy } from '@escalate-kit/sdk';
import type { EscalationHandlerOptions } from '../../../packages/server/src/index.ts';
import { FRIDAY, handlerHarness, postRequest, receiptOf, storeKinds, wire } from '../../support/fixtures.ts';

for (const kind of storeKinds) {
  describe(`handler on the ${kind.name} store`, () => {
    const { setup } = handlerHarness(kind);

    describe('team and respondBy from the policy', () => {
      const cases: {
        title: string;
        at: string;
        body: Record<string, unknown>;
        team: string;
        respondBy: string;
        options?: Partial<EscalationHandlerOptions>;
      }[] = [
        {
          title: 'standard: end of the 3rd business day',
          at: FRIDAY,
          body: { category: 'billing' },
          team: 'billing',
          respondBy: '2025-11-19T23:59:59.999Z',
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
          body: { category: 'technical', urgency: 'urgent' },
          team: 'technical',
          respondBy: '2025-11-17T23:59:59.999Z',
        },
        {
          title: 'pricing goes to the account team',
          at: FRIDAY,
          body: { category: 'pricing' },
          team: 'account',
          respondBy: '2025-11-19T23:59:59.999Z',
        },
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
  });
}
