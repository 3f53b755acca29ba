/** Business days, targets and contact windows (docs/policy.md#contact-windows, #respond-by). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addBusinessDays,
  contactDeadline,
  defaultPolicy,
  definePolicy,
  respondBy,
  targetTime,
  teamFor,
  type Urgency,
} from '@escalate-kit/sdk';

describe('time', () => {
  // 2025-11-12 is a Wednesday, 2025-11-14 a Friday, 2025-11-15/16 the weekend.
  const wed = new Date('2025-11-12T10:00:00Z');
  const fri = new Date('2025-11-14T16:30:00Z');
  const sat = new Date('2025-11-15T09:00:00Z');
  const sun = new Date('2025-11-16T22:00:00Z');

  it('addBusinessDays skips weekends and keeps the time of day', () => {
    assert.equal(addBusinessDays(fri, 1).toISOString(), '2025-11-17T16:30:00.000Z');
    assert.equal(addBusinessDays(wed, 2).toISOString(), '2025-11-14T10:00:00.000Z');
    assert.equal(addBusinessDays(wed, 5).toISOString(), '2025-11-19T10:00:00.000Z');
    assert.equal(addBusinessDays(sat, 1).toISOString(), '2025-11-17T09:00:00.000Z');
    assert.equal(addBusinessDays(new Date('2025-11-17T09:00:00Z'), -1).toISOString(), '2025-11-14T09:00:00.000Z');
    assert.equal(addBusinessDays(wed, 0).getTime(), wed.getTime());
  });

  it('addBusinessDays rejects fractions', () => {
    assert.throws(() => addBusinessDays(wed, 1.5), RangeError);
  });

  it('addBusinessDays does not mutate its input', () => {
    addBusinessDays(fri, 3);
    assert.equal(fri.toISOString(), '2025-11-14T16:30:00.000Z');
  });

  it('targetTime adds minutes, hours and business days', () => {
    assert.equal(targetTime(fri, { minutes: 30 }).toISOString(), '2025-11-14T17:00:00.000Z');
    assert.equal(targetTime(fri, { hours: 24 }).toISOString(), '2025-11-15T16:30:00.000Z');
    assert.equal(targetTime(fri, { businessDays: 3 }).toISOString(), '2025-11-19T16:30:00.000Z');
  });

  const deadlines: [string, Date, Urgency, string][] = [
    ['urgent on a weekday: the end of the same day', wed, 'urgent', '2025-11-12T23:59:59.999Z'],
    ['urgent late on a Friday: still that Friday', new Date('2025-11-14T23:30:00Z'), 'urgent', '2025-11-14T23:59:59.999Z'],
    ['urgent on a Saturday: the end of Monday', sat, 'urgent', '2025-11-17T23:59:59.999Z'],
    ['urgent on a Sunday: the end of Monday', sun, 'urgent', '2025-11-17T23:59:59.999Z'],
    ['standard on a Wednesday: the end of the next Monday', wed, 'standard', '2025-11-17T23:59:59.999Z'],
    ['standard on a Friday: the end of Wednesday next week', fri, 'standard', '2025-11-19T23:59:59.999Z'],
    ['standard on a Saturday: the end of Wednesday', sat, 'standard', '2025-11-19T23:59:59.999Z'],
  ];
  for (const [name, from, urgency, expected] of deadlines) {
    it(`contactDeadline, ${name}`, () => {
      assert.equal(contactDeadline(from, urgency).toISOString(), expected);
    });
  }

  it('contactDeadline follows the policy', () => {
    const policy = definePolicy({ urgencies: { standard: { businessDays: 2 } } });
    assert.equal(contactDeadline(fri, 'standard', policy).toISOString(), '2025-11-18T23:59:59.999Z');
  });
});

describe('respondBy and teamFor (docs/policy.md#respond-by)', () => {
  const friday = new Date('2025-11-14T10:00:00.000Z');
  const cases: [string, Parameters<typeof respondBy>[0], string][] = [
    ['standard: the end of the 3rd business day', { category: 'billing', urgency: 'standard' }, '2025-11-19T23:59:59.999Z'],
    ['urgent: the end of the same day', { category: 'billing', urgency: 'urgent' }, '2025-11-14T23:59:59.999Z'],
    [
      'a critical technical ticket: 30 minutes',
      { category: 'technical', urgency: 'standard', routing: { level: 1, team: 'technical', priority: 'critical' } },
      '2025-11-14T10:30:00.000Z',
    ],
    [
      'billing with a priority: the window, the table is for technical tickets',
      { category: 'billing', urgency: 'standard', routing: { level: 1, team: 'billing', priority: 'critical' } },
      '2025-11-19T23:59:59.999Z',
    ],
    [
      'another category taken by the technical team: the table applies',
      { category: 'other', urgency: 'standard', routing: { level: 1, team: 'technical', priority: 'high' } },
      '2025-11-14T12:00:00.000Z',
    ],
    [
      'the table never pushes past the promise (urgent, low: 24 h)',
      { category: 'technical', urgency: 'urgent', routing: { level: 1, team: 'technical', priority: 'low' } },
      '2025-11-14T23:59:59.999Z',
    ],
  ];
  for (const [name, request, expected] of cases) {
    it(name, () => assert.equal(respondBy(request, defaultPolicy, friday).toISOString(), expected));
  }

  it('takes the team the routing names, else the policy suggestion from the signals', () => {
    assert.equal(teamFor({ category: 'billing', urgency: 'standard', routing: { level: 1, team: 'retention' } }), 'retention');
    assert.equal(teamFor({ category: 'billing', urgency: 'standard', signals: { legalThreat: true } }), 'legal');
    assert.equal(teamFor({ category: 'pricing', urgency: 'standard' }), 'account');
  });
});
