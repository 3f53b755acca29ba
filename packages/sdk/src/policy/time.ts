/**
 * Business days and deadlines (docs/policy.md#contact-windows, #priority-table, #respond-by).
 * Computed in UTC: the SDK runs in browsers and servers in different time zones, and a deadline
 * that moved with the viewer's clock would disagree between them.
 */
import type { Urgency } from '../schemas/index.ts';
import { defaultPolicy } from './defaults.ts';
import { addBusinessDays, calendarFor, endOfBusinessDay, utcCalendar, type Calendar } from './calendar.ts';
import { teamFor, type RoutedRequest } from './routing.ts';
import type { Duration, EscalationPolicy } from './schema.ts';

export { addBusinessDays, calendarFor, endOfBusinessDay, type Calendar } from './calendar.ts';

/**
 * When a target duration falls due, counted from `from`. Minutes and hours are elapsed time;
 * business days skip weekends and holidays on `calendar` (UTC by default).
 *
 * @example
 * ```ts
 * const { respondWithin } = suggestRouting({ category: 'technical', serviceImpact: 'outage' });
 * targetTime(new Date('2025-11-14T10:00:00Z'), respondWithin); // 2025-11-14T10:30:00Z
 * ```
 */
export function targetTime(from: Date, d: Duration, calendar: Calendar = utcCalendar): Date {
  if ('businessDays' in d) return addBusinessDays(from, d.businessDays, calendar);
  const ms = 'minutes' in d ? d.minutes * 60_000 : d.hours * 3_600_000;
  return new Date(from.getTime() + ms);
}

/**
 * The latest moment the customer should be contacted: for urgent, the end of the same business
 * day (the next one when escalated on a weekend or holiday); for standard, the end of the 3rd
 * business day after `from` (the upper bound of "2-3 days"). Days of `calendar`, by default the
 * policy's (docs/policy.md#business-days).
 *
 * @example
 * ```ts
 * contactDeadline(new Date('2025-11-14T10:00:00Z'), 'standard'); // Friday → Wed 2025-11-19T23:59:59.999Z
 * contactDeadline(new Date('2025-11-15T10:00:00Z'), 'urgent');   // Saturday → Mon 2025-11-17T23:59:59.999Z
 * ```
 */
export function contactDeadline(
  from: Date,
  urgency: Urgency,
  policy: EscalationPolicy = defaultPolicy,
  calendar: Calendar = calendarFor(policy),
): Date {
  return endOfBusinessDay(from, policy.urgencies[urgency].businessDays, calendar);
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
