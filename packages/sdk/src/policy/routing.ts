/** Where an escalation should go and how fast, and why (docs/policy.md#levels and on). */
import { priorities, signalNames, type Priority, type Signals, type Urgency } from '../schemas/index.ts';
import { defaultPolicy } from './defaults.ts';
import type { Duration, EscalationPolicy } from './schema.ts';
import type { EscalationRequest } from '../schemas/index.ts';

/**
 * What the agent knows about the situation: the wire contract's {@link Signals} (every
 * signal of `signalNames`, `credit`, `refund`, `serviceImpact`) plus the form's category
 * and urgency. Everything but `category` is optional.
 */
export type RoutingSignals = Signals & {
  /** The category picked in the form, e.g. `'billing'`. Unknown ids go to `teams.fallback`. */
  category: string;
  /** The urgency the agent picked, if any. */
  urgency?: Urgency | undefined;
};

/** When and how the customer will be contacted, for one urgency. */
export interface ContactWindow {
  /** Contact by the end of this many business days after escalation (0 = the same day). */
  businessDays: number;
  /** How to say it to the customer, e.g. `'today'`. */
  phrase: string;
}

/** Where an escalation should go and how fast, with the reasons. */
export interface RoutingSuggestion {
  /** 1 or more; see `levelName`. */
  level: number;
  /**
   * The reason of the rule that asked for `level`; absent when no rule did (the escalation goes
   * to its team without a level's clock, docs/policy.md#levels).
   */
  levelSetBy?: string;
  /** E.g. `'Supervisor / Manager'`. */
  levelName: string;
  /** Team id, e.g. `'billing'`. */
  team: string;
  priority: Priority;
  /** Target for the first response, from the priority table. */
  respondWithin: Duration;
  /** Target for resolution, from the priority table. */
  resolveWithin: Duration;
  /** The policy requires escalation: the agent should not try to handle it. */
  mandatory: boolean;
  urgency: Urgency;
  /**
   * The reason of the rule that fixed `urgency` (fraud: always urgent), overriding the
   * agent's choice; absent when the agent may choose.
   */
  urgencyForcedBy?: string;
  contactWindow: ContactWindow;
  /** `false` when nothing may be said to the caller about the escalation (fraud). */
  customerScriptAllowed: boolean;
  /** Only a contact the account already has may be used (fraud): no new address from the caller. */
  knownContactOnly: boolean;
  /** One sentence per rule that fired, for the agent and the receiving team. */
  reasons: string[];
}

function money(n: number): string {
  return `$${Number.isInteger(n) ? n : n.toFixed(2)}`;
}

function severity(p: Priority): number {
  return priorities.indexOf(p);
}

/**
 * Suggests the level, team, priority and urgency of an escalation, and says why.
 *
 * - Level: the highest level any rule asks for (at least 1).
 * - Team, first that applies: a signal's team (fraud > legal > retention), then
 *   `teams.refund` for refunds over `limits.refund`, then `teams.technical` when
 *   troubleshooting is exhausted on a technical problem (a category routed to the
 *   technical team, or any `serviceImpact`), then the category's team.
 * - Priority: the most severe of the service impact's row and the signals' priorities
 *   (an urgent escalation is at least high); medium when none applies.
 * - Urgency: a signal that forces one (fraud), else the agent's, else urgent for
 *   critical/high priority and standard otherwise.
 *
 * @example
 * ```ts
 * const r = suggestRouting({ category: 'billing', credit: 60, managerRequested: true });
 * r.level;     // 2 (credits over $50 need a supervisor)
 * r.team;      // 'billing'
 * r.mandatory; // true (the customer asked for a manager)
 * r.reasons;   // ['Customer asked for a manager', 'Credit of $60 is over the $50 limit of Supervisor / Manager']
 * ```
 */
export function suggestRouting(signals: RoutingSignals, policy: EscalationPolicy = defaultPolicy): RoutingSuggestion {
  const reasons: string[] = [];
  let level = 1;
  let levelSetBy: string | undefined;
  const raise = (to: number, by: string) => {
    if (to > level || levelSetBy === undefined) {
      level = Math.max(level, to);
      levelSetBy = by;
    }
  };
  let mandatory = false;
  let team: string | undefined;
  let forcedUrgency: Urgency | undefined;
  let forcedBy: string | undefined;
  let scriptAllowed = true;
  let knownContactOnly = false;
  const candidates: Priority[] = [];

  // docs/policy.md#when-to-escalate: some categories are always escalated.
  if (policy.mandatoryCategories.includes(signals.category)) {
    mandatory = true;
    reasons.push(`All ${signals.category} tasks must be escalated`);
  }

  // docs/policy.md#signals: each signal's rule, in the order of `signalNames`, which is the order
  // of team precedence (docs/policy.md#specialised-teams).
  for (const name of signalNames) {
    const rule = policy.signals[name];
    if (signals[name] !== true) continue;
    reasons.push(rule.reason);
    if (rule.mandatory) mandatory = true;
    if (rule.level) raise(rule.level, rule.reason);
    team ??= rule.team;
    if (rule.priority) candidates.push(rule.priority);
    // docs/policy.md#fraud: a rule may fix the urgency, whatever the agent chose.
    if (rule.urgency) {
      forcedUrgency = rule.urgency;
      forcedBy = rule.reason;
    }
    if (rule.customerScript === false) scriptAllowed = false;
    if (rule.knownContactOnly) knownContactOnly = true;
  }

  // docs/policy.md#authority-limits: only the highest credit limit exceeded speaks, one reason per request.
  const credit = signals.credit;
  if (credit !== undefined && credit > 0) {
    let hit: [number, number] | undefined;
    for (const [lvl, limit] of Object.entries(policy.limits.credit)) {
      if (credit > limit && (!hit || Number(lvl) > hit[0])) hit = [Number(lvl), limit];
    }
    if (hit) {
      const reason = `Credit of ${money(credit)} is over the ${money(hit[1])} limit of ${levelName(policy, hit[0])}`;
      raise(hit[0], reason);
      // Over any limit is "above your authority": escalate immediately (docs/policy.md#when-to-escalate).
      mandatory = true;
      reasons.push(reason);
    }
  }

  // docs/policy.md#authority-limits: refunds over the limit go to the refund team.
  const refund = signals.refund;
  if (refund !== undefined && refund > policy.limits.refund) {
    mandatory = true;
    team ??= policy.teams.refund;
    const name = policy.teams.names[policy.teams.refund] ?? policy.teams.refund;
    reasons.push(`Refund of ${money(refund)} is over ${money(policy.limits.refund)}, so it goes to the ${name}`);
  }

  // docs/policy.md#specialised-teams: technical once troubleshooting is exhausted, else the category's team.
  const categoryTeam = policy.teams.categories[signals.category] ?? policy.teams.fallback;
  if (signals.troubleshootingExhausted && (categoryTeam === policy.teams.technical || signals.serviceImpact !== undefined)) {
    team ??= policy.teams.technical;
  }
  team ??= categoryTeam;

  // docs/policy.md#priority-table: the most severe priority any rule gives.
  if (signals.serviceImpact) candidates.push(policy.serviceImpact[signals.serviceImpact]);
  if ((forcedUrgency ?? signals.urgency) === 'urgent') candidates.push('high');
  const priority = candidates.length ? candidates.reduce((a, b) => (severity(b) < severity(a) ? b : a)) : 'medium';

  const urgency: Urgency = forcedUrgency ?? signals.urgency ?? (severity(priority) <= severity('high') ? 'urgent' : 'standard');
  const targets = policy.priorities[priority];

  return {
    level,
    ...(levelSetBy !== undefined && { levelSetBy }),
    levelName: levelName(policy, level),
    team,
    priority,
    respondWithin: { ...targets.respond },
    resolveWithin: { ...targets.resolve },
    mandatory,
    urgency,
    ...(forcedBy !== undefined && { urgencyForcedBy: forcedBy }),
    contactWindow: { ...policy.urgencies[urgency] },
    customerScriptAllowed: scriptAllowed,
    knownContactOnly,
    reasons,
  };
}

// docs/policy.md#levels: the name people use for a level.
function levelName(policy: EscalationPolicy, level: number): string {
  return policy.levels[String(level)] ?? `Level ${level}`;
}

/** What {@link teamFor} and `respondBy` read of a request. */
export type RoutedRequest = Pick<EscalationRequest, 'category' | 'urgency' | 'routing' | 'signals'>;

/**
 * The team that takes a request: the one its routing names, else the policy's suggestion from
 * its signals and category (docs/policy.md#specialised-teams).
 *
 * @example
 * ```ts
 * teamFor({ category: 'billing', urgency: 'standard', signals: { legalThreat: true } }); // 'legal'
 * ```
 */
export function teamFor(request: RoutedRequest, policy: EscalationPolicy = defaultPolicy): string {
  return request.routing?.team ?? suggestRouting({ ...request.signals, category: request.category, urgency: request.urgency }, policy).team;
}
