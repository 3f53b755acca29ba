/** The briefing for the receiving team (docs/policy.md#briefing). */
import { parseNotes } from '../notes.ts';
import type { EscalationRequest, SignalName } from '../schemas/index.ts';
import { fill } from '../utils/template.ts';
import type { Deadline } from './deadlines.ts';
import { defaultPolicy } from './defaults.ts';
import { describeWithin } from './durations.ts';
import type { RoutingSuggestion } from './routing.ts';
import type { EscalationPolicy } from './schema.ts';

/** What the agent knows for the briefing (docs/policy.md#briefing). Every fact is optional: a sentence without its facts is left out. */
export interface BriefingFacts {
  /** Who is briefed; defaults to the name of `teams.fallback` ("Account Team"). */
  escalationPoint?: string;
  customerName?: string;
  accountId?: string;
  issue?: string;
  /** What the agent tried. */
  tried?: string;
  /** What came of it, when known. */
  result?: string;
  /** Why the agent escalates now. */
  why?: string;
  /** E.g. "frustrated". */
  emotionalState?: string;
  /** What the customer wants. */
  requesting?: string;
  /** What the agent suggests. */
  recommendation?: string;
  /** When the team must answer, as a sentence without its full stop ("Please answer within 4 hours"). */
  deadline?: string;
}

/**
 * The briefing for the escalation point (docs/policy.md#briefing).
 * Sentences whose facts are missing are left out, never printed with placeholders.
 *
 * @example
 * ```ts
 * briefing({ customerName: 'Ana Ruiz', accountId: '88231', issue: 'a disputed $450 charge',
 *   tried: 'explaining the policy', emotionalState: 'upset', requesting: 'a refund' });
 * // "Account Team, I need to escalate Ana Ruiz (account 88231). The issue: a disputed $450 charge.
 * //  What I've tried: explaining the policy. Ana Ruiz is upset, and is asking for a refund. Can you help?"
 * ```
 */
export function briefing(facts: BriefingFacts, policy: EscalationPolicy = defaultPolicy): string {
  const values: Record<string, string | undefined> = {
    escalationPoint: policy.teams.names[policy.teams.fallback] ?? 'Account Team',
  };
  for (const [k, v] of Object.entries(facts)) {
    // Facts often come from notes ending in a full stop; the template adds its own.
    const clean =
      typeof v === 'string' || typeof v === 'number'
        ? String(v)
            .trim()
            .replace(/[.\s]+$/, '')
        : '';
    if (clean) values[k] = clean;
  }
  const sentences: string[] = [];
  for (const entry of policy.briefing) {
    for (const template of typeof entry === 'string' ? [entry] : entry) {
      const s = fill(template, values);
      if (s !== null) {
        sentences.push(s);
        break;
      }
    }
  }
  return sentences.join(' ');
}

const money = (n: number, currency = 'USD') =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: Number.isInteger(n) ? 0 : 2 }).format(n);

/**
 * The briefing of a stored escalation, from everything the agent gave: the note (issue, what was
 * tried, why), the customer, the signals (their state), what they ask for, the recommendation,
 * and the routing and deadline the server decided. Each fact once: this is the whole account of
 * the case, so nothing of the note needs repeating beside it.
 *
 * @example
 * ```ts
 * briefingFor(request, routing, defaultPolicy, deadline);
 * // "Billing Team, I need to escalate Ana Ruiz (account 88231). The issue: Customer disputing $450 charge.
 * //  What I've tried: Explained policy, offered payment plan. Why I'm escalating: Customer demands manager,
 * //  threatening BBB. Ana Ruiz is upset and threatening legal action, and is asking for a refund of $450.
 * //  Please answer within 4 hours (level 2, Supervisor / Manager; high priority). Can you help?"
 * ```
 */
export function briefingFor(
  request: Pick<EscalationRequest, 'notes' | 'customer' | 'signals' | 'customerRequest' | 'recommendation'>,
  routing: Pick<RoutingSuggestion, 'team' | 'level' | 'levelName' | 'priority' | 'levelSetBy'>,
  policy: EscalationPolicy = defaultPolicy,
  deadline?: Pick<Deadline, 'within' | 'rule'>,
): string {
  const notes = parseNotes(request.notes);
  const signals = request.signals ?? {};
  // In the order of `briefingStates`, which reads best ("upset and threatening legal action").
  const states = Object.entries(policy.briefingStates).flatMap(([name, words]) => (signals[name as SignalName] && words ? [words] : []));
  const amount =
    signals.refund !== undefined
      ? `a refund of ${money(signals.refund, signals.currency)}`
      : signals.credit !== undefined
        ? `a credit of ${money(signals.credit, signals.currency)}`
        : undefined;
  const level = routing.levelSetBy !== undefined ? `level ${routing.level}, ${routing.levelName}; ` : '';
  return briefing(
    {
      escalationPoint: policy.teams.names[routing.team] ?? routing.team,
      ...(request.customer?.name && { customerName: request.customer.name }),
      ...(request.customer?.accountId && { accountId: request.customer.accountId }),
      // A note of only "Tried: … Why: …" has no issue sentence: repeating the whole note as the
      // issue would say what was tried twice.
      ...(notes.issue && { issue: notes.issue }),
      ...(notes.tried && { tried: notes.tried }),
      ...(notes.why && { why: notes.why }),
      ...(states.length && { emotionalState: states.length > 1 ? `${states.slice(0, -1).join(', ')} and ${states.at(-1)}` : states[0] }),
      ...((request.customerRequest ?? amount) && { requesting: request.customerRequest ?? amount }),
      ...(request.recommendation && { recommendation: request.recommendation }),
      ...(deadline && { deadline: `Please answer ${describeWithin(deadline.within)} (${level}${routing.priority} priority)` }),
    },
    policy,
  );
}
