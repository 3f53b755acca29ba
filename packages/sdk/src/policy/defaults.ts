/** The policy of our procedures, as data: every default of docs/policy.md. */
import { limits } from '../schemas/index.ts';
import { deepFreeze } from '../utils/deep-freeze.ts';
import { defaultPhrases } from './defaults-phrases.ts';
import type { EscalationPolicy } from './schema.ts';

/**
 * The policy of our procedures (docs/policy.md). Deeply frozen: it is shared by every caller, so a mutation would
 * leak into every other escalation on the page. Use {@link definePolicy} to change it.
 */
export const defaultPolicy: EscalationPolicy = /* @__PURE__ */ deepFreeze({
  mandatoryCategories: ['complaint'],
  levels: { 1: 'Team Leader / Senior Agent', 2: 'Supervisor / Manager', 3: 'Specialised team' },
  // docs/policy.md#levels: level 1 within 30 minutes when busy (a callback within 2 hours when
  // offline); level 2 immediately for critical issues, 4 hours for high priority, 24 hours otherwise.
  levelTimes: {
    1: { respond: { minutes: 30 }, callback: { hours: 2 } },
    2: { respond: { critical: { minutes: 0 }, high: { hours: 4 }, medium: { hours: 24 }, low: { hours: 24 } } },
  },
  limits: { credit: { 1: 20, 2: 50 }, refund: 100 },
  teams: {
    names: {
      account: 'Account Team',
      billing: 'Billing Team',
      technical: 'Technical Support Team',
      fraud: 'Fraud Team',
      legal: 'Legal / Compliance Team',
      retention: 'Retention Team',
    },
    fallback: 'account',
    categories: { complaint: 'account', billing: 'billing', pricing: 'account', technical: 'technical', other: 'account' },
    refund: 'billing',
    technical: 'technical',
    timeZones: {},
    // docs/policy.md#specialised-teams: a billing investigation takes 3-5 business days.
    timelines: { billing: { resolve: { businessDays: 5 }, phrase: 'within 3-5 business days' } },
  },
  // docs/policy.md#complaint-path: the formal complaint escalation path.
  complaintPath: {
    categories: ['complaint'],
    steps: [
      { handler: 'Frontline Agent', within: 'Immediate resolution attempt' },
      { handler: 'Team Leader / Supervisor', within: { hours: 24 } },
      { handler: 'Complaints Team', within: { businessDays: 5 } },
      { handler: 'Senior Management', within: { businessDays: 15 } },
      { handler: 'External (Ombudsman / Regulator)', within: '30-60 days' },
    ],
    respondStep: 2,
    resolveStep: 3,
  },
  calendar: { holidays: [] },
  phrases: defaultPhrases,
  support: { phone: '555-1234' },
  // docs/policy.md#when-not-to-escalate
  atYourLevel: [
    {
      signals: ['upset'],
      text: 'An angry customer does not always need escalating: if the issue is within your authority, you can resolve it yourself.',
    },
    {
      signals: ['managerRequested'],
      text: "If they want a manager only because they didn't like the answer, explain what you can do first; a supervisor would tell them the same.",
    },
  ],
  signals: {
    fraudSuspected: {
      reason: 'Suspected fraud goes to the fraud team; do not tell the caller',
      mandatory: true,
      team: 'fraud',
      priority: 'high',
      urgency: 'urgent',
      customerScript: false,
      // "Contact legitimate customer via known contact method" (docs/policy.md#fraud).
      knownContactOnly: true,
    },
    legalThreat: {
      reason: 'Legal, BBB or regulatory threats go to legal / compliance',
      mandatory: true,
      team: 'legal',
      // "Potential legal or regulatory implications" are a level 2 case (docs/policy.md#levels).
      level: 2,
      priority: 'high',
    },
    cancellation: { reason: 'Customers who want to cancel go to the retention team', team: 'retention' },
    managerRequested: { reason: 'Customer asked for a manager', mandatory: true, level: 1 },
    vip: { reason: 'VIP accounts need a supervisor', level: 2 },
    multipleCustomersAffected: {
      reason: 'Service failures affecting multiple customers need a supervisor',
      level: 2,
      priority: 'critical',
    },
    troubleshootingExhausted: { reason: 'Standard troubleshooting is exhausted', level: 1 },
    // "Customer is angry or yelling" is a reason to escalate, not a rule that routes it; whether
    // it must be escalated depends on the issue (docs/policy.md#when-not-to-escalate).
    upset: { reason: 'The customer is upset or angry' },
    unknownAnswer: { reason: "You don't know the answer: escalating is the right call", mandatory: true },
  },
  serviceImpact: { outage: 'critical', severe: 'high', workaround: 'medium', minor: 'low' },
  priorities: {
    critical: { respond: { minutes: 30 }, resolve: { hours: 4 } },
    high: { respond: { hours: 2 }, resolve: { hours: 24 } },
    medium: { respond: { hours: 8 }, resolve: { businessDays: 3 } },
    low: { respond: { hours: 24 }, resolve: { businessDays: 5 } },
  },
  urgencies: {
    urgent: { businessDays: 0, phrase: 'today' },
    // The upper bound of "2-3 days": a promise we can keep (docs/policy.md#contact-windows).
    standard: { businessDays: 3, phrase: 'within 2-3 business days' },
  },
  script: {
    before: "I'm escalating this to our account team. They have more authority to help you.",
    when: 'Someone will contact you {window} by {method}.',
    frustrated: "I'm escalating because I want you to get the best help possible.",
    methods: { call: 'phone', text: 'text message', email: 'email' },
  },
  // docs/policy.md#briefing: name and account, the issue, what was tried, why now, the
  // customer's state and request, a recommendation, the deadline. Written as the agent would say it.
  briefing: [
    [
      '{escalationPoint}, I need to escalate {customerName} (account {accountId}).',
      '{escalationPoint}, I need to escalate {customerName}.',
      '{escalationPoint}, I need to escalate account {accountId}.',
      '{escalationPoint}, I need to escalate a customer.',
    ],
    'The issue: {issue}.',
    ["What I've tried: {tried}, but {result}.", "What I've tried: {tried}."],
    "Why I'm escalating: {why}.",
    [
      '{customerName} is {emotionalState}, and is asking for {requesting}.',
      'They are {emotionalState}, and are asking for {requesting}.',
      '{customerName} is {emotionalState}.',
      'They are {emotionalState}.',
      '{customerName} is asking for {requesting}.',
      'They are asking for {requesting}.',
    ],
    'I recommend {recommendation}.',
    '{deadline}.',
    'Can you help?',
  ],
  // How each signal is said in the briefing's sentence about the customer.
  briefingStates: {
    upset: 'upset',
    legalThreat: 'threatening legal action',
    managerRequested: 'asking for a manager',
    cancellation: 'wanting to cancel',
  },
  notes: { minLength: limits.notesMin },
} satisfies EscalationPolicy);
