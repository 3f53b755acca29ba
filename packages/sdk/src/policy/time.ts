/**
 * Business days and deadlines (docs/policy.md#contact-windows, #priority-table, #respond-by).
 * Computed in UTC: the SDK runs in browsers and servers in different time zones, and a deadline
 * that moved with the viewer's clock would disagree between them.
 */
import type { Urgency } from '../schemas/index.ts';
import { defaultPolicy } from './defaults.ts';
import { teamFor, type RoutedRequest } from './routing.ts';
import type { Duration, EscalationPolicy } from './schema.ts';

const DAY = 86_400_000;

function isWeekend(d: Date): boolean {
  const day = d.getUTCDay();
  return day === 0 || day === 6;
}

/**
 * Moves `from` by `days` business days (Monday to Friday, in UTC), keeping the time of
 * day. Public holidays are not known to the SDK and count as business days.
 *
 * @example
 * ```ts
 * addBusinessDays(new Date('2025-11-14T10:00:00Z'), 1); // Friday → Monday 2025-11-17T10:00:00Z
 * ```
 */
export function addBusinessDays(from: Date, days: number): Date {
  if (!Number.isInteger(days)) throw new RangeError(`Business days must be a whole number, got ${days}`);
  const step = days < 0 ? -1 : 1;
  let t = from.getTime();
  for (let left = Math.abs(days); left > 0; ) {
    t += step * DAY;
    if (!isWeekend(new Date(t))) left--;
  }
  return new Date(t);
}

/**
 * When a target of the priority table falls due, counted from `from`. Minutes and hours
 * are wall-clock time; business days skip weekends (UTC).
 *
 * @example
 * ```ts
 * const { respondWithin } = suggestRouting({ category: 'technical', serviceImpact: 'outage' });
 * targetTime(new Date('2025-11-14T10:00:00Z'), respondWithin); // 2025-11-14T10:30:00Z
 * ```
 */
export function targetTime(from: Date, d: Duration): Date {
  if ('businessDays' in d) return addBusinessDays(from, d.businessDays);
  const ms = 'minutes' in d ? d.minutes * 60_000 : d.hours * 3_600_000;
  return new Date(from.getTime() + ms);
}

/**
 * The latest moment the customer should be contacted (end of day, UTC): for urgent, the
 * end of the same business day (the next one when escalated on a weekend); for standard,
 * the end of the 3rd business day after `from` (the upper bound of "2-3 days").
 *
 * @example
 * ```ts
 * contactDeadline(new Date('2025-11-14T10:00:00Z'), 'standard'); // Friday → Wed 2025-11-19T23:59:59.999Z
 * contactDeadline(new Date('2025-11-15T10:00:00Z'), 'urgent');   // Saturday → Mon 2025-11-17T23:59:59.999Z
 * ```
 */
export function contactDeadline(from: Date, urgency: Urgency, policy: EscalationPolicy = defaultPolicy): Date {
  const d = addBusinessDays(from, policy.urgencies[urgency].businessDays);
  while (isWeekend(d)) d.setTime(d.getTime() + DAY);
  d.setUTCHours(23, 59, 59, 999);
  return d;
}

/**
 * When the account team must have answered a request received at `now`: the end of the contact
 * window promised to the customer (docs/policy.md#contact-windows), or sooner when the priority
 * table asks for it on a technical ticket (docs/policy.md#priority-table), a technical category
 * or a case taken by the technical team (docs/policy.md#respond-by).
 *
 * @example
 * ```ts
 * respondBy({ category: 'technical', urgency: 'standard', routing: { level: 1, team: 'technical', priority: 'critical' } },
 *   defaultPolicy, new Date('2025-11-14T10:00:00Z')); // 2025-11-14T10:30:00Z
 * ```
 */
export function respondBy(request: RoutedRequest, policy: EscalationPolicy = defaultPolicy, now: Date = new Date()): Date {
  const promised = contactDeadline(now, request.urgency, policy);
  const priority = request.routing?.priority;
  const technical = request.category === 'technical' || teamFor(request, policy) === policy.teams.technical;
  // The table can only make an escalation due sooner than what the customer was promised.
  const byPriority = priority && technical ? targetTime(now, policy.priorities[priority].respond) : undefined;
  return byPriority && byPriority < promised ? byPriority : promised;
}
