/** suggestRouting, rule by rule (docs/policy.md#levels, #specialised-teams, #signals, #priority-table), as a table. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { suggestRouting, type Duration, type Priority, type RoutingSignals, type Urgency } from '@escalate-kit/sdk';

interface Row {
  name: string;
  signals: RoutingSignals;
  team: string;
  level: number;
  priority: Priority;
  mandatory: boolean;
  urgency: Urgency;
  script?: boolean;
  /** Every listed pattern must match one of the reasons; `null` means no reason at all. */
  reasons: RegExp[] | null;
}

// One row per case: read as a table, so kept on one line each.
// prettier-ignore
const rows: Row[] = [
  // Categories (docs/policy.md#categories) and their default teams.
  { name: 'every complaint is mandatory, to the account team', signals: { category: 'complaint' }, team: 'account', level: 1, priority: 'medium', mandatory: true, urgency: 'standard', reasons: [/^All complaint tasks must be escalated$/] },
  { name: 'billing goes to the billing team, not mandatory by itself', signals: { category: 'billing' }, team: 'billing', level: 1, priority: 'medium', mandatory: false, urgency: 'standard', reasons: null },
  { name: 'pricing goes to the account team', signals: { category: 'pricing' }, team: 'account', level: 1, priority: 'medium', mandatory: false, urgency: 'standard', reasons: null },
  { name: 'technical goes to the technical team', signals: { category: 'technical' }, team: 'technical', level: 1, priority: 'medium', mandatory: false, urgency: 'standard', reasons: null },
  { name: 'other goes to the account team', signals: { category: 'other' }, team: 'account', level: 1, priority: 'medium', mandatory: false, urgency: 'standard', reasons: null },
  { name: 'an unknown category goes to the account team at level 1', signals: { category: 'shipping' }, team: 'account', level: 1, priority: 'medium', mandatory: false, urgency: 'standard', reasons: null },

  // Credit authority limits: "over" is strictly greater.
  { name: 'a $20 credit is within the agent authority', signals: { category: 'billing', credit: 20 }, team: 'billing', level: 1, priority: 'medium', mandatory: false, urgency: 'standard', reasons: null },
  { name: 'a $20.01 credit needs a team leader', signals: { category: 'billing', credit: 20.01 }, team: 'billing', level: 1, priority: 'medium', mandatory: true, urgency: 'standard', reasons: [/^Credit of \$20\.01 is over the \$20 limit of Team Leader \/ Senior Agent$/] },
  { name: 'a $50 credit still only needs a team leader', signals: { category: 'billing', credit: 50 }, team: 'billing', level: 1, priority: 'medium', mandatory: true, urgency: 'standard', reasons: [/Credit of \$50 is over the \$20 limit/] },
  { name: 'a $50.01 credit needs a supervisor', signals: { category: 'billing', credit: 50.01 }, team: 'billing', level: 2, priority: 'medium', mandatory: true, urgency: 'standard', reasons: [/^Credit of \$50\.01 is over the \$50 limit of Supervisor \/ Manager$/] },
  { name: 'a $60 credit needs a supervisor', signals: { category: 'pricing', credit: 60 }, team: 'account', level: 2, priority: 'medium', mandatory: true, urgency: 'standard', reasons: [/Credit of \$60 is over the \$50 limit/] },

  // Refund limit: over $100 goes to billing.
  { name: 'a $100 refund stays with the category team', signals: { category: 'other', refund: 100 }, team: 'account', level: 1, priority: 'medium', mandatory: false, urgency: 'standard', reasons: null },
  { name: 'a $100.01 refund goes to the billing team', signals: { category: 'other', refund: 100.01 }, team: 'billing', level: 1, priority: 'medium', mandatory: true, urgency: 'standard', reasons: [/^Refund of \$100\.01 is over \$100, so it goes to the Billing Team$/] },

  // Signals.
  { name: 'a legal threat goes to legal, mandatory and high', signals: { category: 'billing', legalThreat: true }, team: 'legal', level: 2, priority: 'high', mandatory: true, urgency: 'urgent', reasons: [/Legal, BBB or regulatory/] },
  { name: 'fraud goes to the fraud team, urgent, with no customer script', signals: { category: 'other', fraudSuspected: true }, team: 'fraud', level: 1, priority: 'high', mandatory: true, urgency: 'urgent', script: false, reasons: [/fraud.*do not tell the caller/i] },
  { name: 'fraud is urgent even when the agent picked standard', signals: { category: 'other', fraudSuspected: true, urgency: 'standard' }, team: 'fraud', level: 1, priority: 'high', mandatory: true, urgency: 'urgent', script: false, reasons: [/fraud/i] },
  { name: 'a cancellation goes to retention', signals: { category: 'other', cancellation: true }, team: 'retention', level: 1, priority: 'medium', mandatory: false, urgency: 'standard', reasons: [/cancel.*retention/] },
  { name: 'a VIP needs a supervisor', signals: { category: 'other', vip: true }, team: 'account', level: 2, priority: 'medium', mandatory: false, urgency: 'standard', reasons: [/VIP/] },
  { name: 'multiple customers affected is critical for a supervisor', signals: { category: 'technical', multipleCustomersAffected: true }, team: 'technical', level: 2, priority: 'critical', mandatory: false, urgency: 'urgent', reasons: [/multiple customers/] },
  { name: 'a manager request is mandatory at level 1', signals: { category: 'other', managerRequested: true }, team: 'account', level: 1, priority: 'medium', mandatory: true, urgency: 'standard', reasons: [/^Customer asked for a manager$/] },
  { name: 'exhausted troubleshooting on a technical task goes to technical', signals: { category: 'technical', troubleshootingExhausted: true }, team: 'technical', level: 1, priority: 'medium', mandatory: false, urgency: 'standard', reasons: [/troubleshooting is exhausted/] },
  { name: 'exhausted troubleshooting on a service problem goes to technical', signals: { category: 'other', troubleshootingExhausted: true, serviceImpact: 'severe' }, team: 'technical', level: 1, priority: 'high', mandatory: false, urgency: 'urgent', reasons: [/troubleshooting/] },
  { name: 'exhausted troubleshooting on a billing task stays with billing', signals: { category: 'billing', troubleshootingExhausted: true }, team: 'billing', level: 1, priority: 'medium', mandatory: false, urgency: 'standard', reasons: [/troubleshooting/] },
  { name: 'an urgent escalation is high priority', signals: { category: 'other', urgency: 'urgent' }, team: 'account', level: 1, priority: 'high', mandatory: false, urgency: 'urgent', reasons: null },

  // Service impact → priority table row.
  { name: 'an outage is critical', signals: { category: 'technical', serviceImpact: 'outage' }, team: 'technical', level: 1, priority: 'critical', mandatory: false, urgency: 'urgent', reasons: null },
  { name: 'severe degradation is high', signals: { category: 'technical', serviceImpact: 'severe' }, team: 'technical', level: 1, priority: 'high', mandatory: false, urgency: 'urgent', reasons: null },
  { name: 'a workaround is medium', signals: { category: 'technical', serviceImpact: 'workaround' }, team: 'technical', level: 1, priority: 'medium', mandatory: false, urgency: 'standard', reasons: null },
  { name: 'a minor issue is low', signals: { category: 'technical', serviceImpact: 'minor' }, team: 'technical', level: 1, priority: 'low', mandatory: false, urgency: 'standard', reasons: null },
  { name: 'the agent urgency wins over a low priority', signals: { category: 'technical', serviceImpact: 'minor', urgency: 'urgent' }, team: 'technical', level: 1, priority: 'high', mandatory: false, urgency: 'urgent', reasons: null },

  // Team precedence: fraud > legal > retention > billing > technical > category.
  { name: 'fraud beats every other team', signals: { category: 'technical', fraudSuspected: true, legalThreat: true, cancellation: true, refund: 500, troubleshootingExhausted: true }, team: 'fraud', level: 2, priority: 'high', mandatory: true, urgency: 'urgent', script: false, reasons: [/fraud/i, /Legal/, /cancel/, /Refund of \$500/, /troubleshooting/] },
  { name: 'legal beats retention, billing and technical', signals: { category: 'technical', legalThreat: true, cancellation: true, refund: 500, troubleshootingExhausted: true }, team: 'legal', level: 2, priority: 'high', mandatory: true, urgency: 'urgent', reasons: [/Legal/] },
  { name: 'retention beats billing', signals: { category: 'billing', cancellation: true, refund: 500 }, team: 'retention', level: 1, priority: 'medium', mandatory: true, urgency: 'standard', reasons: [/cancel/, /Refund/] },
  { name: 'a large refund beats technical', signals: { category: 'technical', refund: 150, troubleshootingExhausted: true }, team: 'billing', level: 1, priority: 'medium', mandatory: true, urgency: 'standard', reasons: [/Refund of \$150/] },
  { name: 'technical beats the category team', signals: { category: 'complaint', troubleshootingExhausted: true, serviceImpact: 'workaround' }, team: 'technical', level: 1, priority: 'medium', mandatory: true, urgency: 'standard', reasons: [/complaint/, /troubleshooting/] },

  // Level is the maximum of every rule.
  { name: 'the highest level wins', signals: { category: 'complaint', managerRequested: true, vip: true, credit: 30 }, team: 'account', level: 2, priority: 'medium', mandatory: true, urgency: 'standard', reasons: [/complaint/, /manager/, /VIP/, /Credit of \$30 is over the \$20/] },
  { name: 'the most severe priority wins over the service impact', signals: { category: 'technical', serviceImpact: 'minor', multipleCustomersAffected: true }, team: 'technical', level: 2, priority: 'critical', mandatory: false, urgency: 'urgent', reasons: [/multiple/] },
];

describe('suggestRouting', () => {
  for (const row of rows) {
    it(row.name, () => {
      const r = suggestRouting(row.signals);
      assert.deepEqual(
        { team: r.team, level: r.level, priority: r.priority, mandatory: r.mandatory, urgency: r.urgency, script: r.customerScriptAllowed },
        {
          team: row.team,
          level: row.level,
          priority: row.priority,
          mandatory: row.mandatory,
          urgency: row.urgency,
          script: row.script ?? true,
        },
      );
      if (row.reasons === null) {
        assert.deepEqual(r.reasons, []);
      } else {
        for (const re of row.reasons) {
          assert.ok(
            r.reasons.some((s) => re.test(s)),
            `no reason matches ${re}: ${JSON.stringify(r.reasons)}`,
          );
        }
      }
    });
  }

  it('gives one reason per rule that fired, in a stable order', () => {
    const r = suggestRouting({ category: 'billing', credit: 60, managerRequested: true });
    assert.deepEqual(r.reasons, ['Customer asked for a manager', 'Credit of $60 is over the $50 limit of Supervisor / Manager']);
  });

  it('names the level', () => {
    assert.equal(suggestRouting({ category: 'other' }).levelName, 'Team Leader / Senior Agent');
    assert.equal(suggestRouting({ category: 'other', vip: true }).levelName, 'Supervisor / Manager');
  });

  it('ignores zero and negative amounts', () => {
    const r = suggestRouting({ category: 'other', credit: -100, refund: 0 });
    assert.equal(r.mandatory, false);
    assert.deepEqual(r.reasons, []);
  });

  it('gives the contact window of the urgency', () => {
    assert.deepEqual(suggestRouting({ category: 'other', urgency: 'urgent' }).contactWindow, { businessDays: 0, phrase: 'today' });
    assert.deepEqual(suggestRouting({ category: 'other' }).contactWindow, { businessDays: 3, phrase: 'within 2-3 business days' });
  });
});

describe('priority table (docs/policy.md#priority-table, technical tickets)', () => {
  const table: [ServiceImpactRow, Priority, Duration, Duration][] = [
    ['outage', 'critical', { minutes: 30 }, { hours: 4 }],
    ['severe', 'high', { hours: 2 }, { hours: 24 }],
    ['workaround', 'medium', { hours: 8 }, { businessDays: 3 }],
    ['minor', 'low', { hours: 24 }, { businessDays: 5 }],
  ];
  for (const [impact, priority, respond, resolve] of table) {
    it(`${priority}: respond within ${JSON.stringify(respond)}, resolve within ${JSON.stringify(resolve)}`, () => {
      const r = suggestRouting({ category: 'technical', serviceImpact: impact });
      assert.equal(r.priority, priority);
      assert.deepEqual(r.respondWithin, respond);
      assert.deepEqual(r.resolveWithin, resolve);
    });
  }

  it('returns copies, so a caller cannot change the policy through a suggestion', () => {
    const r = suggestRouting({ category: 'technical', serviceImpact: 'outage' });
    (r.respondWithin as { minutes: number }).minutes = 1;
    assert.deepEqual(suggestRouting({ category: 'technical', serviceImpact: 'outage' }).respondWithin, { minutes: 30 });
  });
});
type ServiceImpactRow = NonNullable<RoutingSignals['serviceImpact']>;

describe('known contacts only (docs/policy.md#fraud)', () => {
  it('is asked by the fraud rule alone', () => {
    assert.equal(suggestRouting({ category: 'billing', fraudSuspected: true }).knownContactOnly, true);
    for (const name of ['legalThreat', 'managerRequested', 'upset'] as const) {
      assert.equal(suggestRouting({ category: 'billing', [name]: true }).knownContactOnly, false, name);
    }
  });
});
