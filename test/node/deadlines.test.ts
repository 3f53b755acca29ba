/**
 * Deadlines from every rule of the procedures (docs/policy.md#respond-by): table-driven for each
 * rule, then the business calendar at its edges (time zones, daylight saving, holidays), on a
 * fixed clock.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addBusinessDays,
  atYourLevelAdvice,
  calendarFor,
  contactDeadline,
  deadlines,
  defaultPolicy,
  definePolicy,
  endOfBusinessDay,
  suggestRouting,
  type DeadlineInput,
} from '@escalate-kit/sdk';

/** Friday 2025-11-14, 10:00 UTC. */
const FRIDAY = new Date('2025-11-14T10:00:00.000Z');
const utc = definePolicy({ calendar: { timeZone: 'UTC' } });

describe('deadlines: the earliest rule that applies', () => {
  const rows: { name: string; input: DeadlineInput; respondBy: string; rule: string; resolveBy?: string; resolveRule?: string }[] = [
    {
      name: 'standard, no rule: the end of the 3rd business day',
      input: { category: 'other', urgency: 'standard' },
      respondBy: '2025-11-19T23:59:59.999Z',
      rule: 'contact-window',
    },
    {
      name: 'urgent, no rule: the end of the same day',
      input: { category: 'other', urgency: 'urgent' },
      respondBy: '2025-11-14T23:59:59.999Z',
      rule: 'contact-window',
    },
    {
      name: 'a customer asking for a manager: level 1, within 30 minutes',
      input: { category: 'billing', urgency: 'standard', signals: { managerRequested: true } },
      respondBy: '2025-11-14T10:30:00.000Z',
      rule: 'levels',
      resolveBy: '2025-11-21T10:00:00.000Z',
      resolveRule: 'specialised-teams',
    },
    {
      name: 'a legal threat: level 2, high priority, within 4 hours',
      input: { category: 'billing', urgency: 'standard', signals: { legalThreat: true } },
      respondBy: '2025-11-14T14:00:00.000Z',
      rule: 'levels',
    },
    {
      name: 'a VIP, medium priority: level 2 within 24 hours, sooner than the window',
      input: { category: 'pricing', urgency: 'standard', signals: { vip: true } },
      respondBy: '2025-11-15T10:00:00.000Z',
      rule: 'levels',
    },
    {
      name: 'several customers affected: level 2, critical, immediately',
      input: { category: 'technical', urgency: 'standard', signals: { multipleCustomersAffected: true } },
      respondBy: '2025-11-14T10:00:00.000Z',
      rule: 'levels',
      resolveBy: '2025-11-14T14:00:00.000Z',
      resolveRule: 'priority-table',
    },
    {
      name: 'an outage (technical, critical): the priority table, 30 minutes',
      input: { category: 'technical', urgency: 'standard', signals: { serviceImpact: 'outage' } },
      respondBy: '2025-11-14T10:30:00.000Z',
      rule: 'priority-table',
      resolveBy: '2025-11-14T14:00:00.000Z',
      resolveRule: 'priority-table',
    },
    {
      name: 'a workaround (technical, medium): 8 hours, resolved within 3 business days',
      input: { category: 'technical', urgency: 'standard', signals: { serviceImpact: 'workaround' } },
      respondBy: '2025-11-14T18:00:00.000Z',
      rule: 'priority-table',
      resolveBy: '2025-11-19T10:00:00.000Z',
      resolveRule: 'priority-table',
    },
    {
      name: 'billing: the investigation takes up to 5 business days',
      input: { category: 'billing', urgency: 'standard' },
      respondBy: '2025-11-19T23:59:59.999Z',
      rule: 'contact-window',
      resolveBy: '2025-11-21T10:00:00.000Z',
      resolveRule: 'specialised-teams',
    },
    {
      name: 'a complaint: team leader within 24 hours, complaints team within 5 business days',
      input: { category: 'complaint', urgency: 'standard' },
      respondBy: '2025-11-15T10:00:00.000Z',
      rule: 'complaint-path',
      resolveBy: '2025-11-21T10:00:00.000Z',
      resolveRule: 'complaint-path',
    },
    {
      name: 'fraud: urgent whatever was picked, level-free, the end of the day',
      input: { category: 'billing', urgency: 'standard', signals: { fraudSuspected: true } },
      respondBy: '2025-11-14T23:59:59.999Z',
      rule: 'contact-window',
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const d = deadlines(row.input, utc, FRIDAY);
      assert.equal(d.respondBy.at.toISOString(), row.respondBy);
      assert.equal(d.respondBy.rule, row.rule);
      assert.equal(d.resolveBy?.at.toISOString(), row.resolveBy);
      assert.equal(d.resolveBy?.rule, row.resolveRule);
      // Every candidate is listed, earliest first, and the contact window is always one.
      assert.ok(d.respond.some((x) => x.rule === 'contact-window'));
      assert.deepEqual(
        d.respond.map((x) => x.at.getTime()),
        [...d.respond.map((x) => x.at.getTime())].sort((a, b) => a - b),
      );
    });
  }

  it('counts a level only when a rule sent the escalation there', () => {
    assert.equal(suggestRouting({ category: 'other' }).levelSetBy, undefined);
    assert.equal(
      suggestRouting({ category: 'billing', credit: 30 }).levelSetBy,
      'Credit of $30 is over the $20 limit of Team Leader / Senior Agent',
    );
    assert.equal(deadlines({ category: 'billing', urgency: 'standard', signals: { credit: 30 } }, utc, FRIDAY).respondBy.rule, 'levels');
  });
});

describe('business days on the team calendar', () => {
  const chicago = definePolicy({ calendar: { timeZone: 'America/Chicago', holidays: ['2025-11-27'] } });

  it('"the same day" is the team\'s day: late Friday evening in Chicago is still Friday there', () => {
    // 22:00 in Chicago on Friday is 04:00 UTC on Saturday.
    const late = new Date('2025-11-15T04:00:00.000Z');
    assert.equal(contactDeadline(late, 'urgent', chicago).toISOString(), '2025-11-15T05:59:59.999Z');
    assert.equal(contactDeadline(late, 'urgent', utc).toISOString(), '2025-11-17T23:59:59.999Z', 'in UTC it is Saturday: Monday');
  });

  it('skips holidays: Wednesday before Thanksgiving, standard, is the end of the next Tuesday', () => {
    const wednesday = new Date('2025-11-26T15:00:00.000Z');
    // Thu 27 is a holiday: Fri 28 (1), Mon 1 (2), Tue 2 (3); 23:59:59.999 CST is 05:59:59.999 UTC next day.
    assert.equal(contactDeadline(wednesday, 'standard', chicago).toISOString(), '2025-12-03T05:59:59.999Z');
  });

  it('keeps the wall-clock time across a change to daylight saving time', () => {
    const ny = calendarFor(definePolicy({ calendar: { timeZone: 'America/New_York' } }));
    // Friday 6 March 2026, 10:00 EST (15:00 UTC); clocks go forward on Sunday 8 March.
    const friday = new Date('2026-03-06T15:00:00.000Z');
    assert.equal(addBusinessDays(friday, 1, ny).toISOString(), '2026-03-09T14:00:00.000Z', 'Monday 10:00 EDT');
    assert.equal(endOfBusinessDay(friday, 1, ny).toISOString(), '2026-03-10T03:59:59.999Z', 'the end of Monday, EDT');
  });

  it("takes a team's own time zone over the policy's", () => {
    const policy = definePolicy({ calendar: { timeZone: 'UTC' }, teams: { timeZones: { legal: 'Europe/Madrid' } } });
    assert.equal(calendarFor(policy, 'legal').timeZone, 'Europe/Madrid');
    assert.equal(calendarFor(policy, 'billing').timeZone, 'UTC');
    const d = deadlines({ category: 'other', urgency: 'urgent', signals: { legalThreat: true } }, policy, FRIDAY);
    assert.equal(d.calendar.timeZone, 'Europe/Madrid');
    assert.equal(d.respond.find((x) => x.rule === 'contact-window')!.at.toISOString(), '2025-11-14T22:59:59.999Z');
  });

  it('defaults to the zone of the machine that computes', () => {
    assert.equal(calendarFor(defaultPolicy).timeZone, Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});

describe('when the procedures say the agent may handle it', () => {
  const advice = (signals: Parameters<typeof atYourLevelAdvice>[0], category = 'other') =>
    atYourLevelAdvice(signals, suggestRouting({ ...signals, category }));
  it("an upset customer with nothing else: says so, in the procedures' reasoning", () => {
    assert.match(advice({ upset: true })!, /does not always need escalating/);
  });
  it('a manager asked for, alone: explain first', () => {
    assert.match(advice({ managerRequested: true }, 'billing')!, /didn't like the answer/);
  });
  it('says nothing when something else makes it mandatory or another signal is set', () => {
    assert.equal(advice({ upset: true }, 'complaint'), undefined);
    assert.equal(advice({ upset: true, legalThreat: true }), undefined);
    assert.equal(advice({ upset: true, refund: 450 }), undefined);
    assert.equal(advice({}), undefined);
  });
});
