/**
 * The server's decision and the agent's signals in words, for the e-mail and the inbox: one
 * wording for both, so the team reads the same thing wherever it looks. No Node APIs: the inbox
 * bundles this for the browser.
 */
import { describeWithin, signalNames, type ServiceImpact, type SignalName, type Signals } from '@escalate-kit/sdk';
import type { Decision, StoredDeadline } from './schema.ts';

/** How people say each yes/no signal of the wire (docs/policy.md#signals). */
export const signalLabels: Record<SignalName, string> = {
  fraudSuspected: 'Suspected fraud',
  legalThreat: 'Threatening legal action',
  cancellation: 'Wants to cancel',
  managerRequested: 'Asked for a manager',
  vip: 'VIP account',
  multipleCustomersAffected: 'Several customers affected',
  troubleshootingExhausted: 'Troubleshooting exhausted',
  upset: 'Upset or angry',
  unknownAnswer: "The agent doesn't know the answer",
};

/** The rows of the priority table's "impact" column (docs/policy.md#priority-table). */
const impactLabels: Record<ServiceImpact, string> = {
  outage: 'complete outage',
  severe: 'severely degraded',
  workaround: 'workaround available',
  minor: 'minor',
};

/** An amount as people read it: "$450", "€12.50". */
export function money(amount: number, currency = 'USD'): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
}

/**
 * What the agent said they know, one phrase per signal, in the policy's order.
 *
 * @example
 * ```ts
 * signalWords({ legalThreat: true, refund: 450 }); // ['Threatening legal action', 'Refund of $450 asked for']
 * ```
 */
export function signalWords(signals: Signals | undefined): string[] {
  if (!signals) return [];
  const words = signalNames.filter((name) => signals[name] === true).map((name) => signalLabels[name]);
  if (signals.credit !== undefined) words.push(`Credit of ${money(signals.credit, signals.currency)} asked for`);
  if (signals.refund !== undefined) words.push(`Refund of ${money(signals.refund, signals.currency)} asked for`);
  if (signals.serviceImpact !== undefined) words.push(`Service impact: ${impactLabels[signals.serviceImpact]}`);
  return words;
}

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
};

/**
 * A deadline's own duration in words: "within 4 hours", "immediately". A contact window is said
 * from the day the escalation came in, since the e-mail and the inbox are read later:
 * `describeWithin`'s "by the end of today" is only true on that day.
 */
export function withinWords(within: StoredDeadline['within']): string {
  if (!('endOfBusinessDay' in within)) return describeWithin(within);
  const n = within.endOfBusinessDay;
  return n === 0 ? 'by the end of the business day it came in' : `by the end of the ${ordinal(n)} business day after it came in`;
}

/** The rule that set a deadline, as people say it; each is a section of docs/policy.md. */
export function ruleWords(deadline: StoredDeadline, decision: Decision, teamName: (id: string) => string): string {
  switch (deadline.rule) {
    case 'contact-window':
      return `the contact window promised to the customer (${decision.urgency})`;
    case 'levels':
      return `the answer time of level ${decision.level}, ${decision.levelName}`;
    case 'priority-table':
      return `the priority table (${decision.priority} priority)`;
    case 'specialised-teams':
      return `the ${teamName(decision.team)}'s own timeline`;
    case 'complaint-path':
      return 'the formal complaint path';
  }
}

/**
 * How a deadline was set, in one line.
 *
 * @example
 * ```ts
 * deadlineWords(decision.respondBy, decision, name); // 'within 4 hours: the answer time of level 2, Supervisor / Manager (rule: levels)'
 * ```
 */
export function deadlineWords(deadline: StoredDeadline, decision: Decision, teamName: (id: string) => string): string {
  return `${withinWords(deadline.within)}: ${ruleWords(deadline, decision, teamName)} (rule: ${deadline.rule})`;
}

/** "2 (Supervisor / Manager)". */
export const levelWords = (decision: Pick<Decision, 'level' | 'levelName'>) => `${decision.level} (${decision.levelName})`;
