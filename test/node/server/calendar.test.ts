/**
 * Respond-by and resolve-by at the edges of the business calendar (docs/policy.md#business-days),
 * through the handler with a fake clock: business days in the policy's time zone (or the team's),
 * with its holidays, and the earliest rule winning (docs/policy.md#respond-by). The e-mail shows
 * the times in that zone, named.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { definePolicy } from '@escalate-kit/sdk';
import { renderEscalationEmail } from '../../../packages/server/src/email.ts';
import { storedEscalationSchema } from '../../../packages/server/src/index.ts';
import { get, handlerHarness, jsonOf, postRequest, receiptOf, storeKinds, wire } from '../../support/fixtures.ts';

// Thanksgiving 2025 is Thursday 27 November: not a business day in Chicago.
const chicago = definePolicy({ calendar: { timeZone: 'America/Chicago', holidays: ['2025-11-27'] } });
const tokyoBilling = definePolicy({
  calendar: { timeZone: 'America/Chicago', holidays: ['2025-11-27'] },
  teams: { timeZones: { billing: 'Asia/Tokyo' } },
});

const cases: {
  title: string;
  /** The instant the server receives it. */
  at: string;
  body: Record<string, unknown>;
  policy?: typeof chicago;
  respondBy: [at: string, rule: string];
  resolveBy?: [at: string, rule: string];
  timeZone?: string;
}[] = [
  {
    title: 'standard, received late Friday evening in Chicago (Saturday in UTC): the end of Wednesday, Chicago time',
    at: '2025-11-22T04:30:00.000Z', // Fri 21 Nov, 22:30 CST
    body: { category: 'billing' },
    respondBy: ['2025-11-27T05:59:59.999Z', 'contact-window'],
    // Mon, Tue, Wed, (Thanksgiving), Fri, Mon: the 5th business day, at the same wall-clock time.
    resolveBy: ['2025-12-02T04:30:00.000Z', 'specialised-teams'],
  },
  {
    title: 'standard, received the Wednesday before the holiday: the holiday does not count',
    at: '2025-11-26T16:00:00.000Z', // Wed 26 Nov, 10:00 CST
    body: { category: 'billing' },
    respondBy: ['2025-12-03T05:59:59.999Z', 'contact-window'], // Fri 28, Mon 1, Tue 2 Dec
    resolveBy: ['2025-12-04T16:00:00.000Z', 'specialised-teams'], // Thu 4 Dec, 10:00 CST
  },
  {
    title: 'urgent, late on the Wednesday before the holiday: still the end of that Wednesday in Chicago',
    at: '2025-11-27T05:30:00.000Z', // Wed 26 Nov, 23:30 CST
    body: { category: 'other', urgency: 'urgent' },
    respondBy: ['2025-11-27T05:59:59.999Z', 'contact-window'],
  },
  {
    title: 'urgent, received on the holiday: the end of the next business day',
    at: '2025-11-27T16:00:00.000Z', // Thu 27 Nov, 10:00 CST
    body: { category: 'other', urgency: 'urgent' },
    respondBy: ['2025-11-29T05:59:59.999Z', 'contact-window'], // end of Fri 28 Nov
  },
  {
    title: "a legal threat, urgent, late Friday evening: the end of that day comes before the level's 4 hours",
    at: '2025-11-22T04:30:00.000Z', // Fri 21 Nov, 22:30 CST
    body: { category: 'billing', urgency: 'urgent', signals: { legalThreat: true } },
    respondBy: ['2025-11-22T05:59:59.999Z', 'contact-window'],
  },
  {
    title: "a legal threat, standard, late Friday evening: the level's 4 hours are the earliest, weekend or not",
    at: '2025-11-22T04:30:00.000Z',
    body: { category: 'billing', signals: { legalThreat: true } },
    respondBy: ['2025-11-22T08:30:00.000Z', 'levels'],
  },
  {
    title: 'across the end of daylight saving time: the end of Wednesday in standard time',
    at: '2025-11-01T03:00:00.000Z', // Fri 31 Oct, 22:00 CDT; clocks go back on Sunday 2 Nov
    body: { category: 'billing' },
    respondBy: ['2025-11-06T05:59:59.999Z', 'contact-window'],
    // Five business days later at the same wall-clock time, 22:00, now an hour later in UTC.
    resolveBy: ['2025-11-08T04:00:00.000Z', 'specialised-teams'],
  },
  {
    title: "a team in a zone of its own: the billing team's business days in Tokyo",
    at: '2025-11-22T04:30:00.000Z', // Sat 22 Nov, 13:30 in Tokyo
    body: { category: 'billing' },
    policy: tokyoBilling,
    respondBy: ['2025-11-26T14:59:59.999Z', 'contact-window'], // end of Wed 26 Nov, Tokyo
    // The policy's holidays hold in the team's zone too: Thursday 27 is skipped.
    resolveBy: ['2025-12-01T04:30:00.000Z', 'specialised-teams'],
    timeZone: 'Asia/Tokyo',
  },
];

for (const kind of storeKinds) {
  describe(`business calendar edges on the ${kind.name} store`, () => {
    const { setup } = handlerHarness(kind);

    for (const c of cases) {
      it(c.title, async () => {
        const { handler, clock } = await setup({ policy: c.policy ?? chicago });
        clock.set(c.at);
        const body = wire(c.body);
        const receipt = await receiptOf(await handler(postRequest(body)), 201);
        assert.equal(receipt.respondBy, c.respondBy[0]);
        const stored = storedEscalationSchema.parse(await jsonOf(await handler(get(`/api/escalations/${body.id}`))));
        assert.deepEqual([stored.respondBy, stored.decision?.respondBy.rule], c.respondBy);
        if (c.resolveBy) assert.deepEqual([stored.resolveBy, stored.decision?.resolveBy?.rule], c.resolveBy);
        assert.equal(stored.decision?.timeZone, c.timeZone ?? 'America/Chicago');
      });
    }

    it('the e-mail shows the deadlines in the zone they were counted in, named', async () => {
      const { handler, clock } = await setup({ policy: chicago });
      clock.set('2025-11-22T04:30:00.000Z');
      const body = wire({ category: 'billing' });
      await receiptOf(await handler(postRequest(body)), 201);
      const stored = storedEscalationSchema.parse(await jsonOf(await handler(get(`/api/escalations/${body.id}`))));
      // The notifier's own zone is only for escalations stored without a decision.
      const { text } = renderEscalationEmail(stored, { policy: chicago, timeZone: 'Europe/Madrid' });
      assert.match(text, /^Respond by:\s+Wed, 26 Nov 2025, 23:59 \S+, America\/Chicago \(2025-11-27T05:59:59\.999Z\)$/m);
      assert.match(text, /^Resolve by:\s+Mon, 1 Dec 2025, 22:30 \S+, America\/Chicago \(2025-12-02T04:30:00\.000Z\)$/m);
      assert.match(text, /^Received at:\s+Fri, 21 Nov 2025, 22:30 \S+, America\/Chicago \(2025-11-22T04:30:00\.000Z\)$/m);
    });
  });
}
