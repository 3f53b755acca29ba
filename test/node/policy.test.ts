import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  EscalationValidationError,
  addBusinessDays,
  briefingFor,
  canonicalJson,
  deadlines,
  respondBy,
  teamFor,
  briefing,
  contactDeadline,
  customerScript,
  defaultPolicy,
  definePolicy,
  escalationPolicySchema,
  parseNotes,
  suggestRouting,
  targetTime,
  type ContactMethod,
  type Duration,
  type PolicyOverrides,
  type Priority,
  type RoutingSignals,
  type Urgency,
} from '@escalate-kit/sdk';

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

const rows: Row[] = [
  // Categories (docs/policy.md#categories) and their default teams.
  {
    name: 'every complaint is mandatory, to the account team',
    signals: { category: 'complaint' },
    team: 'account',
    level: 1,
    priority: 'medium',
    mandatory: true,
    urgency: 'standard',
    reasons: [/^All complaint tasks must be escalated$/],
  },
  {
    name: 'billing goes to the billing team, not mandatory by itself',
    signals: { category: 'billing' },
    team: 'billing',
    level: 1,
    priority: 'medium',
    mandatory: false,
    urgency: 'standard',
    reasons: null,
  },
  {
    name: 'pricing goes to the account team',
    signals: { category: 'pricing' },
    team: 'account',
    level: 1,
    priority: 'medium',
    mandatory: false,
    urgency: 'standard',
    reasons: null,
  },
  {
    name: 'technical goes to the technical team',
    signals: { category: 'technical' },
    team: 'technical',
    level: 1,
    priority: 'medium',
    mandatory: false,
    urgency: 'standard',
    reasons: null,
  },
  {
    name: 'other goes to the account team',
    signals: { category: 'other' },
    team: 'account',
    level: 1,
    priority: 'medium',
    mandatory: false,
    urgency: 'standard',
    reasons: null,
  },
  {
    name: 'an unknown category goes to the account team at level 1',
    signals: { category: 'shipping' },
    team: 'account',
    level: 1,
    priority: 'medium',
    mandatory: false,
    urgency: 'standard',
    reasons: null,
  },

  // Credit authority limits: "over" is strictly greater.
  {
    name: 'a $20 credit is within the agent authority',
    signals: { category: 'billing', credit: 20 },
    team: 'billing',
    level: 1,
    priority: 'medium',
    mandatory: false,
    urgency: 'standard',
    reasons: null,
  },
  {
    name: 'a $20.01 credit needs a team leader',
    signals: { category: 'billing', credit: 20.01 },
    team: 'billing',
    level: 1,
    priority: 'medium',
    mandatory: true,
    urgency: 'standard',
    reasons: [/^Credit of \$20\.01 is over the \$20 limit of Team Leader \/ Senior Agent$/],
  },
  {
    name: 'a $50 credit still only needs a team leader',
    signals: { category: 'billing', credit: 50 },
    team: 'billing',
    level: 1,
    priority: 'medium',
    mandatory: true,
    urgency: 'standard',
    reasons: [/Credit of \$50 is over the \$20 limit/],
  },
  {
    name: 'a $50.01 credit needs a supervisor',
    signals: { category: 'billing', credit: 50.01 },
    team: 'billing',
    level: 2,
    priority: 'medium',
    mandatory: true,
    urgency: 'standard',
    reasons: [/^Credit of \$50\.01 is over the \$50 limit of Supervisor \/ Manager$/],
  },
  {
    name: 'a $60 credit needs a supervisor',
    signals: { category: 'pricing', credit: 60 },
    team: 'account',
    level: 2,
    priority: 'medium',
    mandatory: true,
    urgency: 'standard',
    reasons: [/Credit of \$60 is over the \$50 limit/],
  },

  // Refund limit: over $100 goes to billing.
  {
    name: 'a $100 refund stays with the category team',
    signals: { category: 'other', refund: 100 },
    team: 'account',
    level: 1,
    priority: 'medium',
    mandatory: false,
    urgency: 'standard',
    reasons: null,
  },
  {
    name: 'a $100.01 refund goes to the billing team',
    signals: { category: 'other', refund: 100.01 },
    team: 'billing',
    level: 1,
    priority: 'medium',
    mandatory: true,
    urgency: 'standard',
    reasons: [/^Refund of \$100\.01 is over \$100, so it goes to the Billing Team$/],
  },

  // Signals.
  {
    name: 'a legal threat goes to legal, mandatory and high',
    signals: { category: 'billing', legalThreat: true },
    team: 'legal',
    level: 2,
    priority: 'high',
    mandatory: true,
    urgency: 'urgent',
    reasons: [/Legal, BBB or regulatory/],
  },
  {
    name: 'fraud goes to the fraud team, urgent, with no customer script',
    signals: { category: 'other', fraudSuspected: true },
    team: 'fraud',
    level: 1,
    priority: 'high',
    mandatory: true,
    urgency: 'urgent',
    script: false,
    reasons: [/fraud.*do not tell the caller/i],
  },
  {
    name: 'fraud is urgent even when the agent picked standard',
    signals: { category: 'other', fraudSuspected: true, urgency: 'standard' },
    team: 'fraud',
    level: 1,
    priority: 'high',
    mandatory: true,
    urgency: 'urgent',
    script: false,
    reasons: [/fraud/i],
  },
  {
    name: 'a cancellation goes to retention',
    signals: { category: 'other', cancellation: true },
    team: 'retention',
    level: 1,
    priority: 'medium',
    mandatory: false,
    urgency: 'standard',
    reasons: [/cancel.*retention/],
  },
  {
    name: 'a VIP needs a supervisor',
    signals: { category: 'other', vip: true },
    team: 'account',
    level: 2,
    priority: 'medium',
    mandatory: false,
    urgency: 'standard',
    reasons: [/VIP/],
  },
  {
    name: 'multiple customers affected is critical for a supervisor',
    signals: { category: 'technical', multipleCustomersAffected: true },
    team: 'technical',
    level: 2,
    priority: 'critical',
    mandatory: false,
    urgency: 'urgent',
    reasons: [/multiple customers/],
  },
  {
    name: 'a manager request is mandatory at level 1',
    signals: { category: 'other', managerRequested: true },
    team: 'account',
    level: 1,
    priority: 'medium',
    mandatory: true,
    urgency: 'standard',
    reasons: [/^Customer asked for a manager$/],
  },
  {
    name: 'exhausted troubleshooting on a technical task goes to technical',
    signals: { category: 'technical', troubleshootingExhausted: true },
    team: 'technical',
    level: 1,
    priority: 'medium',
    mandatory: false,
    urgency: 'standard',
    reasons: [/troubleshooting is exhausted/],
  },
  {
    name: 'exhausted troubleshooting on a service problem goes to technical',
    signals: { category: 'other', troubleshootingExhausted: true, serviceImpact: 'severe' },
    team: 'technical',
    level: 1,
    priority: 'high',
    mandatory: false,
    urgency: 'urgent',
    reasons: [/troubleshooting/],
  },
  {
    name: 'exhausted troubleshooting on a billing task stays with billing',
    signals: { category: 'billing', troubleshootingExhausted: true },
    team: 'billing',
    level: 1,
    priority: 'medium',
    mandatory: false,
    urgency: 'standard',
    reasons: [/troubleshooting/],
  },
  {
    name: 'an urgent escalation is high priority',
    signals: { category: 'other', urgency: 'urgent' },
    team: 'account',
    level: 1,
    priority: 'high',
    mandatory: false,
    urgency: 'urgent',
    reasons: null,
  },

  // Service impact → priority table row.
  {
    name: 'an outage is critical',
    signals: { category: 'technical', serviceImpact: 'outage' },
    team: 'technical',
    level: 1,
    priority: 'critical',
    mandatory: false,
    urgency: 'urgent',
    reasons: null,
  },
  {
    name: 'severe degradation is high',
    signals: { category: 'technical', serviceImpact: 'severe' },
    team: 'technical',
    level: 1,
    priority: 'high',
    mandatory: false,
    urgency: 'urgent',
    reasons: null,
  },
  {
    name: 'a workaround is medium',
    signals: { category: 'technical', serviceImpact: 'workaround' },
    team: 'technical',
    level: 1,
    priority: 'medium',
    mandatory: false,
    urgency: 'standard',
    reasons: null,
  },
  {
    name: 'a minor issue is low',
    signals: { category: 'technical', serviceImpact: 'minor' },
    team: 'technical',
    level: 1,
    priority: 'low',
    mandatory: false,
    urgency: 'standard',
    reasons: null,
  },
  {
    name: 'the agent urgency wins over a low priority',
    signals: { category: 'technical', serviceImpact: 'minor', urgency: 'urgent' },
    team: 'technical',
    level: 1,
    priority: 'high',
    mandatory: false,
    urgency: 'urgent',
    reasons: null,
  },

  // Team precedence: fraud > legal > retention > billing > technical > category.
  {
    name: 'fraud beats every other team',
    signals: {
      category: 'technical',
      fraudSuspected: true,
      legalThreat: true,
      cancellation: true,
      refund: 500,
      troubleshootingExhausted: true,
    },
    team: 'fraud',
    level: 2,
    priority: 'high',
    mandatory: true,
    urgency: 'urgent',
    script: false,
    reasons: [/fraud/i, /Legal/, /cancel/, /Refund of \$500/, /troubleshooting/],
  },
  {
    name: 'legal beats retention, billing and technical',
    signals: { category: 'technical', legalThreat: true, cancellation: true, refund: 500, troubleshootingExhausted: true },
    team: 'legal',
    level: 2,
    priority: 'high',
    mandatory: true,
    urgency: 'urgent',
    reasons: [/Legal/],
  },
  {
    name: 'retention beats billing',
    signals: { category: 'billing', cancellation: true, refund: 500 },
    team: 'retention',
    level: 1,
    priority: 'medium',
    mandatory: true,
    urgency: 'standard',
    reasons: [/cancel/, /Refund/],
  },
  {
    name: 'a large refund beats technical',
    signals: { category: 'technical', refund: 150, troubleshootingExhausted: true },
    team: 'billing',
    level: 1,
    priority: 'medium',
    mandatory: true,
    urgency: 'standard',
    reasons: [/Refund of \$150/],
  },
  {
    name: 'technical beats the category team',
    signals: { category: 'complaint', troubleshootingExhausted: true, serviceImpact: 'workaround' },
    team: 'technical',
    level: 1,
    priority: 'medium',
    mandatory: true,
    urgency: 'standard',
    reasons: [/complaint/, /troubleshooting/],
  },

  // Level is the maximum of every rule.
  {
    name: 'the highest level wins',
    signals: { category: 'complaint', managerRequested: true, vip: true, credit: 30 },
    team: 'account',
    level: 2,
    priority: 'medium',
    mandatory: true,
    urgency: 'standard',
    reasons: [/complaint/, /manager/, /VIP/, /Credit of \$30 is over the \$20/],
  },
  {
    name: 'the most severe priority wins over the service impact',
    signals: { category: 'technical', serviceImpact: 'minor', multipleCustomersAffected: true },
    team: 'technical',
    level: 2,
    priority: 'critical',
    mandatory: false,
    urgency: 'urgent',
    reasons: [/multiple/],
  },
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

describe('customerScript', () => {
  const before = "I'm escalating this to our account team. They have more authority to help you.";
  const table: [ContactMethod, Urgency | undefined, string][] = [
    ['call', 'urgent', 'Someone will contact you today by phone.'],
    ['call', 'standard', 'Someone will contact you within 2-3 business days by phone.'],
    ['call', undefined, 'Someone will contact you within 2-3 business days by phone.'],
    ['text', 'urgent', 'Someone will contact you today by text message.'],
    ['text', 'standard', 'Someone will contact you within 2-3 business days by text message.'],
    ['email', 'urgent', 'Someone will contact you today by email.'],
    ['email', 'standard', 'Someone will contact you within 2-3 business days by email.'],
  ];
  for (const [contactMethod, urgency, when] of table) {
    it(`${contactMethod}, ${urgency ?? 'default urgency'}: "${when}"`, () => {
      assert.deepEqual(customerScript(urgency ? { contactMethod, urgency } : { contactMethod }), { before, when });
    });
  }

  it('adds the line for a frustrated customer only when asked', () => {
    const script = customerScript({ contactMethod: 'email', frustrated: true });
    assert.equal(script?.frustrated, "I'm escalating because I want you to get the best help possible.");
    assert.equal('frustrated' in (customerScript({ contactMethod: 'email' }) ?? {}), false);
  });

  it('says nothing to the caller when fraud is suspected', () => {
    const routing = suggestRouting({ category: 'other', fraudSuspected: true });
    assert.equal(customerScript({ contactMethod: 'call', frustrated: true, routing }), null);
  });

  it('gives the script for any other routing', () => {
    const routing = suggestRouting({ category: 'complaint', legalThreat: true });
    assert.equal(customerScript({ contactMethod: 'call', routing })?.before, before);
  });

  it('uses the host wording', () => {
    const policy = definePolicy({ script: { methods: { text: 'SMS' } }, urgencies: { urgent: { phrase: 'within the hour' } } });
    assert.equal(
      customerScript({ contactMethod: 'text', urgency: 'urgent' }, policy)?.when,
      'Someone will contact you within the hour by SMS.',
    );
  });
});

describe('parseNotes', () => {
  it('parses the example of docs/policy.md#notes', () => {
    assert.deepEqual(
      parseNotes(
        'Issue: Customer disputing $450 charge. Tried: Explained policy, offered payment plan. Why: Customer demands manager, threatening BBB.',
      ),
      {
        issue: 'Customer disputing $450 charge.',
        tried: 'Explained policy, offered payment plan.',
        why: 'Customer demands manager, threatening BBB.',
      },
    );
  });

  it('accepts any case, any order and newlines', () => {
    assert.deepEqual(parseNotes('WHY: threatening BBB\n\ntried:\n  explained policy\n  offered plan\nissue : $450 charge'), {
      why: 'threatening BBB',
      tried: 'explained policy offered plan',
      issue: '$450 charge',
    });
  });

  it('treats text without labels as the issue', () => {
    assert.deepEqual(parseNotes('  Customer is yelling about\na $450 charge. '), { issue: 'Customer is yelling about a $450 charge.' });
  });

  it('treats text before the first label as the issue when there is no Issue label', () => {
    assert.deepEqual(parseNotes('Router keeps rebooting. Tried: factory reset'), {
      issue: 'Router keeps rebooting.',
      tried: 'factory reset',
    });
  });

  it('does not mistake a word ending in a label for a label', () => {
    assert.deepEqual(parseNotes('Issue: we retried: twice'), { issue: 'we retried: twice' });
  });

  it('leaves out empty parts', () => {
    assert.deepEqual(parseNotes('Issue: billing error. Tried: Why: '), { issue: 'billing error.' });
    assert.deepEqual(parseNotes(''), {});
  });
});

describe('briefing', () => {
  it('fills the briefing template (docs/policy.md#briefing) with every fact, as a person would say it', () => {
    assert.equal(
      briefing({
        escalationPoint: 'Dana',
        customerName: 'Ana Ruiz',
        accountId: '88231',
        issue: 'a disputed $450 charge',
        tried: 'explaining the policy and offering a payment plan',
        result: 'she still disputes it',
        why: 'she wants a manager',
        emotionalState: 'upset',
        requesting: 'a full refund',
        recommendation: 'a one-off goodwill credit',
        deadline: 'Please answer within 4 hours',
      }),
      'Dana, I need to escalate Ana Ruiz (account 88231). The issue: a disputed $450 charge. ' +
        "What I've tried: explaining the policy and offering a payment plan, but she still disputes it. Why I'm escalating: she wants a manager. " +
        'Ana Ruiz is upset, and is asking for a full refund. I recommend a one-off goodwill credit. Please answer within 4 hours. Can you help?',
    );
  });

  it('leaves out sentences whose facts are missing and uses the defaults', () => {
    const text = briefing({ issue: 'a disputed $450 charge', tried: 'explaining the policy' });
    assert.equal(
      text,
      "Account Team, I need to escalate a customer. The issue: a disputed $450 charge. What I've tried: explaining the policy. Can you help?",
    );
    assert.doesNotMatch(text, /[[\]{}]|I recommend|asking for/);
  });

  it('keeps the part of a sentence that is known', () => {
    assert.match(briefing({ issue: 'x', emotionalState: 'angry' }), /They are angry\. Can you help\?$/);
    assert.match(briefing({ issue: 'x', requesting: 'a refund' }), /They are asking for a refund\./);
    assert.match(briefing({ issue: 'x', accountId: 'A-9' }), /^Account Team, I need to escalate account A-9\./);
    assert.match(briefing({ issue: 'x', customerName: 'Ana' }), /^Account Team, I need to escalate Ana\./);
  });

  it('does not double the full stop of facts taken from notes', () => {
    const notes = parseNotes('Issue: Customer disputing $450 charge. Tried: Explained policy, offered payment plan.');
    const text = briefing({ issue: notes.issue ?? '', tried: notes.tried });
    assert.match(text, /The issue: Customer disputing \$450 charge\. What I've tried: Explained policy, offered payment plan\. Can/);
    assert.doesNotMatch(text, /\.\./);
  });

  it('treats blank facts as missing', () => {
    assert.doesNotMatch(briefing({ issue: 'x', recommendation: '  ' }), /I recommend/);
  });

  it('briefs a stored escalation from everything the agent gave, each fact once', () => {
    const request = {
      notes:
        'Issue: Customer disputing $450 charge. Tried: Explained policy, offered payment plan. Why: Customer demands manager, threatening BBB.',
      customer: { name: 'Ana Ruiz', accountId: '88231' },
      signals: { upset: true, legalThreat: true, refund: 450 },
      recommendation: 'a goodwill credit of $50 while billing investigates',
    };
    const d = deadlines(
      { category: 'billing', urgency: 'standard', signals: request.signals },
      definePolicy({ calendar: { timeZone: 'UTC' } }),
      new Date('2025-11-14T10:00:00Z'),
    );
    const text = briefingFor(request, d.routing, defaultPolicy, d.respondBy);
    assert.equal(
      text,
      'Legal / Compliance Team, I need to escalate Ana Ruiz (account 88231). The issue: Customer disputing $450 charge. ' +
        "What I've tried: Explained policy, offered payment plan. Why I'm escalating: Customer demands manager, threatening BBB. " +
        'Ana Ruiz is upset and threatening legal action, and is asking for a refund of $450. I recommend a goodwill credit of $50 while billing investigates. ' +
        'Please answer within 4 hours (level 2, Supervisor / Manager; high priority). Can you help?',
    );
    for (const part of ['Customer disputing $450 charge', 'Explained policy, offered payment plan', 'threatening BBB']) {
      assert.equal(text.split(part).length - 1, 1, `${part} once`);
    }
  });
});

describe('definePolicy', () => {
  it('returns the defaults without overrides, and the defaults are valid', () => {
    assert.deepEqual(definePolicy(), defaultPolicy);
    assert.equal(escalationPolicySchema.safeParse(defaultPolicy).success, true);
  });

  it('merges overrides: raising the supervisor limit changes routing', () => {
    const policy = definePolicy({ limits: { credit: { 2: 75 } } });
    assert.equal(policy.limits.credit['1'], 20, 'the other limit is kept');
    assert.equal(suggestRouting({ category: 'billing', credit: 60 }, policy).level, 1);
    assert.equal(suggestRouting({ category: 'billing', credit: 75.01 }, policy).level, 2);
    assert.match(suggestRouting({ category: 'billing', credit: 80 }, policy).reasons.join(), /over the \$75 limit/);
  });

  it('never changes the defaults', () => {
    definePolicy({ limits: { credit: { 2: 75 } }, mandatoryCategories: [] });
    assert.equal(defaultPolicy.limits.credit['2'], 50);
    assert.deepEqual(defaultPolicy.mandatoryCategories, ['complaint']);
    assert.throws(() => {
      (defaultPolicy.limits as { refund: number }).refund = 1;
    }, TypeError);
    assert.equal(suggestRouting({ category: 'billing', credit: 60 }).level, 2);
  });

  it('replaces arrays instead of merging them', () => {
    const policy = definePolicy({ mandatoryCategories: ['billing'] });
    assert.deepEqual(policy.mandatoryCategories, ['billing']);
    assert.equal(suggestRouting({ category: 'billing' }, policy).mandatory, true);
    assert.equal(suggestRouting({ category: 'complaint' }, policy).mandatory, false);
  });

  it('replaces durations instead of merging units', () => {
    const policy = definePolicy({ priorities: { critical: { respond: { hours: 1 } } } });
    assert.deepEqual(policy.priorities.critical, { respond: { hours: 1 }, resolve: { hours: 4 } });
  });

  it('changes teams and signal rules', () => {
    const policy = definePolicy({
      teams: { categories: { shipping: 'logistics' } },
      signals: { fraudSuspected: { team: 'security' }, vip: { level: 3 } },
    });
    assert.equal(suggestRouting({ category: 'shipping' }, policy).team, 'logistics');
    assert.equal(suggestRouting({ category: 'billing' }, policy).team, 'billing');
    const fraud = suggestRouting({ category: 'other', fraudSuspected: true }, policy);
    assert.equal(fraud.team, 'security');
    assert.equal(fraud.customerScriptAllowed, false, 'the rest of the fraud rule is kept');
    assert.equal(suggestRouting({ category: 'other', vip: true }, policy).levelName, 'Specialised team');
  });

  it('ignores prototype keys from JSON config', () => {
    const overrides = JSON.parse('{"__proto__": {"polluted": true}, "limits": {"refund": 200}}') as PolicyOverrides;
    const policy = definePolicy(overrides);
    assert.equal(policy.limits.refund, 200);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  const invalid: [string, unknown, (string | number)[]][] = [
    ['a negative limit', { limits: { credit: { 2: -5 } } }, ['limits', 'credit', '2']],
    ['a negative refund limit', { limits: { refund: -1 } }, ['limits', 'refund']],
    ['a level out of range', { signals: { vip: { level: 9 } } }, ['signals', 'vip', 'level']],
    ['a team that is not an id', { signals: { fraudSuspected: { team: 'Fraud Team' } } }, ['signals', 'fraudSuspected', 'team']],
    ['a duration with no unit', { priorities: { high: { respond: {} } } }, ['priorities', 'high', 'respond']],
    ['an unknown priority', { serviceImpact: { outage: 'asap' } }, ['serviceImpact', 'outage']],
  ];
  for (const [name, overrides, path] of invalid) {
    it(`throws EscalationValidationError naming the field for ${name}`, () => {
      assert.throws(
        () => definePolicy(overrides as PolicyOverrides),
        (err: unknown) => {
          assert.ok(err instanceof EscalationValidationError);
          assert.equal(err.kind, 'validation');
          assert.ok(
            err.issues.some((i) => JSON.stringify(i.path) === JSON.stringify(path)),
            `expected an issue at ${path.join('.')}, got ${JSON.stringify(err.issues)}`,
          );
          assert.match(err.message, new RegExp(path.join('\\.')));
          return true;
        },
      );
    });
  }

  it('types overrides as deep partials, with durations given whole', () => {
    const ok: PolicyOverrides = { urgencies: { standard: { businessDays: 2 } }, priorities: { low: { resolve: { hours: 48 } } } };
    assert.deepEqual(definePolicy(ok).priorities.low.resolve, { hours: 48 });
    // @ts-expect-error a duration replaces the default whole, so it needs its unit
    const bad: PolicyOverrides = { priorities: { low: { resolve: {} } } };
    assert.throws(() => definePolicy(bad), EscalationValidationError);
  });

  it('rejects an unknown key instead of ignoring a typo', () => {
    assert.throws(() => definePolicy({ limts: { refund: 5 } } as PolicyOverrides), EscalationValidationError);
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

describe('canonicalJson', () => {
  it('gives the same text whatever the key order, at every depth, and keeps array order', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [2, 1], c: 3 } }), '{"a":{"c":3,"d":[2,1]},"b":1}');
    assert.equal(canonicalJson({ a: { c: 3, d: [2, 1] }, b: 1 }), canonicalJson({ b: 1, a: { d: [2, 1], c: 3 } }));
    assert.notEqual(canonicalJson({ a: [1, 2] }), canonicalJson({ a: [2, 1] }));
  });
});
