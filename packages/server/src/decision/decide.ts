/**
 * The server's authority over an escalation (docs/policy.md#respond-by): the team, level,
 * priority, urgency and deadlines come from what the case is (category, urgency, signals) under
 * the server's policy. The routing a client sends is a suggestion, stored as it came, and decides
 * nothing.
 */
import { deadlines, type Deadline, type EscalationPolicy, type EscalationRequest } from '@escalate-kit/sdk';
import type { Decision, StoredDeadline } from './schema.ts';

/** What the handler stores: the request (its urgency as decided) and the decision. */
export interface Decided {
  request: EscalationRequest;
  decision: Decision;
}

const stored = (d: Deadline): StoredDeadline => ({ at: d.at.toISOString(), rule: d.rule, within: { ...d.within } });

/**
 * Decides an escalation received at `now`.
 *
 * The policy has the last word on what it fixes: a fraud-flagged request is urgent whatever
 * urgency the browser sent (docs/policy.md#fraud), so the stored request says so too, and its
 * deadlines and its e-mail follow.
 *
 * @example
 * ```ts
 * const { decision } = decide(request, defaultPolicy, new Date('2025-11-14T10:00:00Z'));
 * decision.team;           // 'legal' for { signals: { legalThreat: true } }, whatever request.routing says
 * decision.respondBy.rule; // 'levels' (level 2, high priority: within 4 hours)
 * ```
 */
export function decide(request: EscalationRequest, policy: EscalationPolicy, now: Date): Decided {
  const d = deadlines({ category: request.category, urgency: request.urgency, signals: request.signals }, policy, now);
  const r = d.routing;
  const decision: Decision = {
    team: r.team,
    level: r.level,
    levelName: r.levelName,
    ...(r.levelSetBy !== undefined && { levelSetBy: r.levelSetBy }),
    priority: r.priority,
    urgency: r.urgency,
    ...(r.urgencyForcedBy !== undefined && { urgencyForcedBy: r.urgencyForcedBy }),
    mandatory: r.mandatory,
    reasons: [...r.reasons],
    respondBy: stored(d.respondBy),
    ...(d.resolveBy && { resolveBy: stored(d.resolveBy) }),
    timeZone: d.calendar.timeZone,
  };
  const forced = r.urgencyForcedBy !== undefined && r.urgency !== request.urgency;
  return { request: forced ? { ...request, urgency: r.urgency } : request, decision };
}
