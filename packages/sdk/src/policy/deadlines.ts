/**
 * When an escalation must be answered and resolved: every clock of the procedures that applies to
 * it, and the earliest of them (docs/policy.md#respond-by). Worked out from what the case is
 * (category, urgency, signals) under the policy, never from a routing a client claims.
 */
import type { Priority, Signals, Urgency } from '../schemas/index.ts';
import { calendarFor, endOfBusinessDay, type Calendar } from './calendar.ts';
import { defaultPolicy } from './defaults.ts';
import { suggestRouting, type RoutingSuggestion } from './routing.ts';
import type { Duration, EscalationPolicy } from './schema.ts';
import { targetTime } from './time.ts';

/** Which rule a deadline comes from; each is a section of docs/policy.md. */
export type DeadlineRule = 'contact-window' | 'levels' | 'priority-table' | 'specialised-teams' | 'complaint-path';

export interface Deadline {
  at: Date;
  rule: DeadlineRule;
  /** The rule's own duration ("within 4 hours"), or the business days of a contact window. */
  within: Duration | { endOfBusinessDay: number };
}

export interface Deadlines {
  /** The earliest answer any rule asks for. */
  respondBy: Deadline;
  /** The earliest resolution any rule asks for; absent when no rule gives one. */
  resolveBy?: Deadline;
  /** Every respond-by that applies, earliest first (for the reasons shown to people). */
  respond: Deadline[];
  resolve: Deadline[];
  /** The routing the deadlines were worked out from. */
  routing: RoutingSuggestion;
  calendar: Calendar;
}

/** What the deadlines are worked out from: the case as the agent described it. */
export interface DeadlineInput {
  category: string;
  urgency: Urgency;
  signals?: Signals | undefined;
}

/** The level's answer time for a priority: one duration for all, or the priority's own. */
function levelTime(policy: EscalationPolicy, level: number, priority: Priority): Duration | undefined {
  const respond = policy.levelTimes[String(level)]?.respond;
  if (!respond) return undefined;
  if ('minutes' in respond || 'hours' in respond || 'businessDays' in respond) return respond as Duration;
  return (respond as Partial<Record<Priority, Duration>>)[priority];
}

const earliestFirst = (a: Deadline, b: Deadline) => a.at.getTime() - b.at.getTime();

/**
 * Every deadline that applies to a case received at `now`, and the earliest of each kind.
 *
 * - Respond: the contact window promised to the customer (docs/policy.md#contact-windows); the
 *   answer time of the level a rule sent it to (docs/policy.md#levels); the priority table for
 *   technical tickets (docs/policy.md#priority-table); the formal complaint path
 *   (docs/policy.md#complaint-path).
 * - Resolve: the priority table (technical), the team's own timeline (the billing investigation),
 *   the complaint path.
 *
 * @example
 * ```ts
 * const d = deadlines({ category: 'billing', urgency: 'standard', signals: { legalThreat: true } }, defaultPolicy, new Date('2025-11-14T10:00:00Z'));
 * d.respondBy.rule; // 'levels' (level 2, high priority: within 4 hours)
 * d.respondBy.at;   // 2025-11-14T14:00:00.000Z
 * ```
 */
export function deadlines(input: DeadlineInput, policy: EscalationPolicy = defaultPolicy, now: Date = new Date()): Deadlines {
  const routing = suggestRouting({ ...input.signals, category: input.category, urgency: input.urgency }, policy);
  const calendar = calendarFor(policy, routing.team);
  const at = (d: Duration) => targetTime(now, d, calendar);
  const respond: Deadline[] = [];
  const resolve: Deadline[] = [];

  const window = policy.urgencies[routing.urgency].businessDays;
  respond.push({ at: endOfBusinessDay(now, window, calendar), rule: 'contact-window', within: { endOfBusinessDay: window } });

  if (routing.levelSetBy !== undefined) {
    const d = levelTime(policy, routing.level, routing.priority);
    if (d) respond.push({ at: at(d), rule: 'levels', within: d });
  }

  const technical = input.category === 'technical' || routing.team === policy.teams.technical;
  if (technical) {
    const row = policy.priorities[routing.priority];
    respond.push({ at: at(row.respond), rule: 'priority-table', within: row.respond });
    resolve.push({ at: at(row.resolve), rule: 'priority-table', within: row.resolve });
  }

  const timeline = policy.teams.timelines[routing.team];
  if (timeline) resolve.push({ at: at(timeline.resolve), rule: 'specialised-teams', within: timeline.resolve });

  const path = policy.complaintPath;
  if (path.categories.includes(input.category)) {
    const step = (n: number) => path.steps[n - 1]?.within;
    const r = step(path.respondStep);
    const s = step(path.resolveStep);
    if (r && typeof r === 'object') respond.push({ at: at(r), rule: 'complaint-path', within: r });
    if (s && typeof s === 'object') resolve.push({ at: at(s), rule: 'complaint-path', within: s });
  }

  // Stable sort: of two equal deadlines the first rule listed above is named.
  respond.sort(earliestFirst);
  resolve.sort(earliestFirst);
  return { respondBy: respond[0]!, ...(resolve[0] && { resolveBy: resolve[0] }), respond, resolve, routing, calendar };
}
