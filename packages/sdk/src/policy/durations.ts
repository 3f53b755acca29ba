/** Durations and windows of the policy, said in words (for the briefing, the e-mail and the form). */
import type { Deadline } from './deadlines.ts';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * A deadline's `within`, as people say it: "within 30 minutes", "within 4 hours", "within 3
 * business days", "immediately", "by the end of today", "by the end of the 3rd business day".
 *
 * @example
 * ```ts
 * describeWithin({ hours: 4 }); // 'within 4 hours'
 * ```
 */
export function describeWithin(within: Deadline['within']): string {
  if ('endOfBusinessDay' in within) {
    const n = within.endOfBusinessDay;
    return n === 0 ? 'by the end of today' : `by the end of ${plural(n, 'business day')} from now`;
  }
  if ('minutes' in within) return within.minutes === 0 ? 'immediately' : `within ${plural(within.minutes, 'minute')}`;
  if ('hours' in within) return `within ${plural(within.hours, 'hour')}`;
  return `within ${plural(within.businessDays, 'business day')}`;
}
